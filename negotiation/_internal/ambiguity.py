"""A repeated group that can match the same text in two ways, the cause of exponential time.

A backtracking matcher tries every way a repeated group can split a text before it fails; when
one turn of the group can read a stretch of text in two ways (``(?:ab|abab)+``: ``abab`` is one
turn or two; ``(?:a|[ab]c?)*``: ``a`` is either alternative), the ways double with every such
stretch. :func:`ambiguous_loop` looks for that in the group's position automaton (one state per
character the group reads; Glushkov's construction): two different runs that leave a state
and come back to it on the same text. Characters are compared on a sample: every character
the pattern names, each in both cases, and a few of each category (letters, digits, spaces,
punctuation), so ``[a-m]`` and ``[k-z]`` share ``k``::

    >>> ambiguous_loop(r"(?:ab|abab)+c"), ambiguous_loop(r"(?:a|[ab]c?)*d")
    (True, True)
    >>> ambiguous_loop(r"(?:\\w+\\s)+said"), ambiguous_loop(r"(?:ab|cd)+")
    (False, False)

Alternatives of one character each are one character class to Python's parser, which reads
them once a character: ``(?:a|[ab])*c`` and ``(?:\\w|a)+$`` take linear time, and are not
flagged (``False``).

Zero-width items (anchors, lookarounds) are read as matching nothing, and a bounded repetition
of more than one as unbounded: both can only make it find more. A pattern with a back
reference, an atomic group or a possessive repetition is not judged (:data:`UNJUDGED`); one
with a group of more than :data:`MAX_POSITIONS` characters, or whose pairs of runs take more
than :data:`MAX_WORK` steps to follow (``(?:\\w?\\w?…)+`` of 119: 66 CPU-s unbounded), is
:data:`INTRICATE`: too intricate to judge in the time a check may take.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

__all__ = [
    "INTRICATE",
    "MAX_POSITIONS",
    "MAX_WORK",
    "ONE_WAY",
    "TWO_WAYS",
    "UNJUDGED",
    "ambiguous_loop",
    "two_ways",
]

_parser: Any = getattr(re, "_parser")  # noqa: B009 - the standard library's own parser
_c: Any = getattr(re, "_constants")  # noqa: B009
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_UNJUDGED = {_c.GROUPREF, _c.GROUPREF_EXISTS, _c.ATOMIC_GROUP, _c.POSSESSIVE_REPEAT}
#: a repeated group reading more characters than this is not judged (time, not soundness)
MAX_POSITIONS = 2000
#: pairs of states a pattern's groups may compare, all told, before it is too intricate (a bound
#: on the time the check takes: half a CPU-s at most; a shipped trigger takes 0.02 at most)
MAX_WORK = 2_000_000
_SAMPLE = "aZk0 9_\t\n.,;:!?'’\"-–()/éßΣ١\u00a0\u2003"
_CATEGORIES: dict[Any, Callable[[str], bool]] = {
    _c.CATEGORY_DIGIT: str.isdecimal,
    _c.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdecimal(),
    _c.CATEGORY_SPACE: str.isspace,
    _c.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    _c.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
    _c.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_"),
}


#: what :func:`two_ways` finds, worst first
TWO_WAYS, INTRICATE, UNJUDGED, ONE_WAY = "two ways", "intricate", "unjudged", "one way"


class _Unjudged(Exception):
    """The group holds what this module does not model."""


class _Intricate(Exception):
    """The group is too large, or its runs too many, to judge in the time allowed."""


def _in(items: list[Any], ch: str) -> bool:
    """Whether ``ch`` is in the character class ``items`` (case-sensitive)."""
    negate, found = False, False
    for op, av in items:
        if op == _c.NEGATE:
            negate = True
        elif op == _c.LITERAL:
            found = found or ord(ch) == av
        elif op == _c.RANGE:
            found = found or av[0] <= ord(ch) <= av[1]
        elif op == _c.CATEGORY:
            test: Callable[[str], bool] | None = _CATEGORIES.get(av)
            found = found or (test is not None and test(ch))
    return found != negate


def _matches(op: Any, av: Any, ch: str) -> bool:
    if op == _c.LITERAL:
        return bool(ord(ch) == av)
    if op == _c.NOT_LITERAL:
        return bool(ord(ch) != av)
    if op == _c.IN:
        return _in(list(av), ch)
    return bool(op == _c.ANY)


class _Automaton:
    """Glushkov's position automaton of one repeated group: state 0 starts a turn, state
    ``p`` has read character ``p``; ``masks[p]`` is the sample characters ``p`` matches."""

    def __init__(self, sample: str, budget: list[int]) -> None:
        self.sample = sample
        self.budget = budget  # steps left, shared by the pattern's groups
        self.masks: list[int] = [0]
        #: for each state, the states one character on, each with the constructs that lead
        #: there (``x+`` inside ``(...)+`` leads from ``x`` to ``x`` twice: two ways)
        self.follow: list[dict[int, set[int]]] = [{}]
        self.constructs = 0

    def link(self, sources: set[int], targets: set[int]) -> None:
        """Lead from each of ``sources`` to each of ``targets``, by one more construct."""
        self.constructs += 1
        for p in sources:
            for q in targets:
                self.follow[p].setdefault(q, set()).add(self.constructs)

    def position(self, op: Any, av: Any, icase: bool) -> int:
        mask = 0
        for i, ch in enumerate(self.sample):
            forms = {f for f in (ch, ch.lower(), ch.upper()) if len(f) == 1} if icase else {ch}
            if any(_matches(op, av, f) for f in forms):
                mask |= 1 << i
        self.masks.append(mask)
        self.follow.append({})
        if len(self.masks) > MAX_POSITIONS + 1:
            raise _Intricate
        return len(self.masks) - 1

    def build(self, items: list[Any], icase: bool) -> tuple[set[int], set[int], bool]:
        """``items`` in sequence: the positions that can read first, those that can read last,
        and whether it can match nothing."""
        first: set[int] = set()
        last: set[int] = set()
        nullable = True
        for op, av in items:
            f, la, n = self.item(op, av, icase)
            self.link(last, f)
            if nullable:
                first |= f
            last = la | last if n else la
            nullable = nullable and n
        return first, last, nullable

    def item(self, op: Any, av: Any, icase: bool) -> tuple[set[int], set[int], bool]:
        if op in _UNJUDGED:
            raise _Unjudged
        if op in _ZERO_WIDTH:
            return set(), set(), True
        if op == _c.SUBPATTERN:
            _, add, remove, body = av
            on = (icase or bool(add & re.I)) and not bool(remove & re.I)
            return self.build(list(body), on)
        if op == _c.BRANCH:
            first: set[int] = set()
            last: set[int] = set()
            nullable = False
            for alt in av[1]:
                f, la, n = self.build(list(alt), icase)
                first, last, nullable = first | f, last | la, nullable or n
            return first, last, nullable
        if op in _REPEATS:
            low, high, body = av
            first, last, nullable = self.build(list(body), icase)
            if high > 1:  # {2,5} read as unbounded: it can only find more
                self.link(last, first)
            return first, last, nullable or low == 0
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY):
            p = self.position(op, av, icase)
            return {p}, {p}, False
        raise _Unjudged

    def pairs(self, a: int, b: int) -> Iterator[tuple[int, int]]:
        """The pairs of runs one character on from states ``a`` and ``b`` (unordered)."""
        self.budget[0] -= len(self.follow[a]) * len(self.follow[b]) + 1
        if self.budget[0] < 0:
            raise _Intricate
        for x in self.follow[a]:
            for y in self.follow[b]:
                if self.masks[x] & self.masks[y]:
                    yield (x, y) if x <= y else (y, x)

    def forks(self, a: int, x: int) -> bool:
        """Whether two constructs lead from ``a`` to ``x``."""
        return len(self.follow[a].get(x, ())) > 1


def _two_ways(auto: _Automaton) -> bool:
    """Whether two runs from one state can part and meet again there on the same text: a
    strongly connected set of pairs of states holding a pair of one state and a pair of two."""
    index: dict[tuple[int, int], int] = {}
    low: dict[tuple[int, int], int] = {}
    stack: list[tuple[int, int]] = []
    on_stack: set[tuple[int, int]] = set()
    for root in [(0, 0)]:
        work = [(root, auto.pairs(*root))]
        index[root] = low[root] = 0
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, auto.pairs(*nxt)))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    if _parts(auto, component):
                        return True
    return False


def _children(op: Any, av: Any) -> list[Any]:
    """The item lists inside one item."""
    if op in _REPEATS or op == _c.POSSESSIVE_REPEAT:
        return [av[2]]
    if op == _c.SUBPATTERN:
        return [av[3]]
    if op == _c.BRANCH:
        return list(av[1])
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]
    if op == _c.ATOMIC_GROUP:
        return [av]
    if op == _c.GROUPREF_EXISTS:
        return [x for x in av[1:] if x is not None]
    return []


def _parts(auto: _Automaton, component: list[tuple[int, int]]) -> bool:
    """Whether two runs can part and meet again inside one strongly connected set of pairs:
    it holds a pair of one state and a pair of two, or two constructs lead between two of
    its pairs of one state."""
    if len({a == b for a, b in component}) > 1:
        return True
    states = {a for a, b in component if a == b}
    return any(auto.forks(a, x) for a in states for x in auto.follow[a] if x in states)


def _sample(tree: list[Any]) -> str:
    """Every character ``tree`` names (both cases, and past each end of a range), and more."""
    chars = set(_SAMPLE)
    todo = [tree]
    while todo:
        for op, av in todo.pop():
            if op in (_c.LITERAL, _c.NOT_LITERAL):
                chars.add(chr(av))
            elif op == _c.RANGE:
                chars.update(chr(c) for c in (av[0], av[1], max(av[0] - 1, 0), av[1] + 1))
            elif op == _c.IN:
                todo.append(list(av))
            else:
                todo += [list(x) for x in _children(op, av)]
    return "".join(sorted(chars | {c.swapcase() for c in chars}))


def _loops(items: list[Any], icase: bool) -> Iterator[tuple[list[Any], bool]]:
    """Every group repeated without bound in ``items``, with whether it ignores case."""
    for op, av in items:
        if op in _REPEATS:
            if av[1] == _c.MAXREPEAT:
                yield list(av[2]), icase
            yield from _loops(list(av[2]), icase)
        elif op == _c.SUBPATTERN:
            on = (icase or bool(av[1] & re.I)) and not bool(av[2] & re.I)
            yield from _loops(list(av[3]), on)
        elif op == _c.BRANCH:
            for alt in av[1]:
                yield from _loops(list(alt), icase)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            yield from _loops(list(av[1]), icase)


def two_ways(pattern: str, flags: int = re.IGNORECASE) -> str:
    """What the groups of ``pattern`` repeated with ``+``, ``*`` or ``{n,}`` are:
    :data:`TWO_WAYS` if one can read some text in two ways, else :data:`INTRICATE` if one is
    too intricate to judge, else :data:`UNJUDGED` if one holds what is not modelled, else
    :data:`ONE_WAY`. ``flags``: as the pattern is compiled (case ignored by default, as the
    lexicons' triggers are)."""
    try:
        tree = list(_parser.parse(pattern, flags))
    except (re.error, RecursionError, OverflowError, ValueError):
        return ONE_WAY  # not this module's to report
    sample = _sample(tree)
    found = ONE_WAY
    budget = [MAX_WORK]
    for body, icase in _loops(tree, bool(flags & re.I)):
        auto = _Automaton(sample, budget)
        try:
            first, last, _ = auto.build(body, icase)
            auto.link({0}, first)
            auto.link(last, first)
            if _two_ways(auto):
                return TWO_WAYS
        except _Intricate:
            found = INTRICATE
        except _Unjudged:
            found = found if found == INTRICATE else UNJUDGED
    return found


def ambiguous_loop(pattern: str, flags: int = re.IGNORECASE) -> bool:
    """Whether a group of ``pattern`` repeated without bound can read a text in two ways."""
    return two_ways(pattern, flags) == TWO_WAYS
