"""Regular expressions that can take exponential time on a short text.

Python's ``re`` backtracks: a group that repeats and holds nothing but repetitions, like
``(?:x+x+)+y`` or ``(\\w+\\s?)+$``, tries every way of splitting a run of matching characters
between them before it fails, twice as many for each character more (forty ``x`` took over a
minute). :func:`exponential` finds such a group, so that a pattern read from a file is refused
where it is written instead of hanging the command that runs it::

    >>> exponential(r"(?:x+x+)+y")
    'a group repeated with + or * that holds only repetitions (+, *, ?, {n,m}) can take exponential time'
    >>> exponential(r"(?:\\w+\\s)+said") is None     # each turn ends in a space: linear
    True
    >>> exponential(r"boycott(?:ed|s)?") is None
    True

A repeated group one turn of which reads some text in two ways is found by
:func:`~negotiation._internal.ambiguity.two_ways`, words, character classes and all
(``(?:a|ab|b)*c``: "ab" is also "a" then "b"; ``(?:ab|abab)+c``, where the parser takes the
common ``ab`` out; ``(?:\\w|ab)+$``)::

    >>> exponential(r"(?:a|ab|b)*c")
    'a group repeated with + or * can read the same text in two ways (its alternatives spell one another or overlap, or its repetitions do, as in (?:a|ab|b)* or (?:a|ab)+) and can take exponential time'
    >>> exponential(r"(?:\\d|[0-5]x?)+y") == exponential(r"(?:a|ab|b)*c")
    True
"""

from __future__ import annotations

import re
from typing import Any

from negotiation._internal.ambiguity import INTRICATE, TWO_WAYS, two_ways

__all__ = ["exponential"]

_parser: Any = getattr(re, "_parser")  # noqa: B009 - the standard library's own parser
_constants: Any = getattr(re, "_constants")  # noqa: B009
_REPEATS = {_constants.MAX_REPEAT, _constants.MIN_REPEAT}
_ZERO_WIDTH = {_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT}
_MESSAGE = (
    "a group repeated with + or * that holds only repetitions (+, *, ?, {n,m}) can take "
    "exponential time"
)
_AMBIGUOUS = (
    "a group repeated with + or * can read the same text in two ways (its alternatives spell "
    "one another or overlap, or its repetitions do, as in (?:a|ab|b)* or (?:a|ab)+) and can "
    "take exponential time"
)
_INTRICATE = (
    "a group repeated with + or * too intricate to check for exponential time (over 2,000 "
    "characters, or many repetitions that overlap) is refused: write it more simply"
)
_TWICE = (
    "a group repeated with + or * that holds an alternative twice (a|a) can take exponential time"
)


def exponential(pattern: str) -> str | None:
    """Why ``pattern`` can take exponential time (a repeated group of repetitions, or one
    that reads some text in two ways), or ``None``. Case is ignored, as the triggers are
    compiled. A heuristic still: a group it does not model (back references, atomic groups,
    more than ``ambiguity.MAX_POSITIONS`` characters) passes."""
    try:
        tree = _parser.parse(pattern)
    except (re.error, RecursionError, OverflowError, ValueError):
        return None  # not this module's to report
    verdict = two_ways(pattern)
    found = _walk(list(tree))
    if found is None and verdict == TWO_WAYS:
        return _AMBIGUOUS
    if found is None and verdict == INTRICATE:
        return _INTRICATE
    return found


def _walk(items: list[Any]) -> str | None:
    """Why one of ``items`` can take exponential time, or ``None`` (the groups that read a
    text in two ways are :func:`~negotiation._internal.ambiguity.two_ways`'s to find)."""
    for op, av in items:
        found = None
        if op in _REPEATS:
            _, high, body = av
            if high == _constants.MAXREPEAT and _only_repetitions(list(body)):
                return _MESSAGE
            if high == _constants.MAXREPEAT and _twice(list(body)):
                return _TWICE
            found = _walk(list(body))
        elif op == _constants.SUBPATTERN:
            found = _walk(list(av[-1]))
        elif op == _constants.BRANCH:
            found = next((w for alt in av[1] if (w := _walk(list(alt))) is not None), None)
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
            found = _walk(list(av[1]))
        if found is not None:
            return found
    return None


def _only_repetitions(body: list[Any]) -> bool:
    """Whether ``body`` (a group's items, groups opened) matches only through repetitions, one
    of them of more than one character: nothing it must match once and only once. A body
    that is one alternation is so when one of its alternatives is (``(?:\\d+|\\w+)*``)."""
    flat = _opened(body)
    counted = [(op, av) for op, av in flat if op not in _ZERO_WIDTH]
    if len(counted) == 1 and counted[0][0] == _constants.BRANCH:
        return any(_only_repetitions(list(alt)) for alt in counted[0][1][1])
    return (
        bool(counted)
        and all(op in _REPEATS for op, _ in counted)
        and any(av[1] > 1 for op, av in counted)
    )


def _twice(body: list[Any]) -> bool:
    """Whether ``body`` holds an alternation with one alternative twice: ``(?:a|a)*`` (the
    parser takes the common start out of ``ab|ab``, leaving two empty alternatives)."""
    for op, av in _opened(body):
        if op == _constants.BRANCH:
            alternatives = [repr(list(alt)) for alt in av[1]]
            if len(set(alternatives)) < len(alternatives) or any(
                _twice(list(alt)) for alt in av[1]
            ):
                return True
    return False


def _opened(body: list[Any]) -> list[Any]:
    """``body``'s items with its groups opened (one level)."""
    flat: list[Any] = []
    for op, av in body:
        if op == _constants.SUBPATTERN:
            flat += list(av[-1])
        else:
            flat.append((op, av))
    return flat
