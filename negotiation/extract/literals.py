"""The literal pre-filter of regular expressions: strings one of which every match contains, so
a text containing none of them is not searched (most trigger and date patterns do not match most
sentences, and a pattern starting with a look-behind is tried at every position).

>>> sorted(required_literals(r"(?:reach|struck) (?:an? )?deal"))
['reach', 'struck']
>>> LiteralFilter([frozenset({"boycott"}), None, frozenset({"seat"})]).candidates("Seats won")
[1, 2]

The parser's factoring of an alternation ("me(?:t|ets|et)" for "met|meets|meet") is spelled
out again, what a look-around sees counts, and a case-sensitive part is looked for as written:

>>> sorted(required_literals(r"(?:met|meets|meet) (?:with|on)"))
['meet ', 'meets ', 'met ']
>>> LiteralFilter.of([re.compile(r"(?:May|June) [0-9]+")]).candidates("They may meet.")
[]
"""

from __future__ import annotations

import functools
import importlib
import re
import warnings
from collections.abc import Sequence
from typing import Any

import ahocorasick

__all__ = ["LiteralFilter", "may_match", "required_literals"]

_sre: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")


CASED = "\x01"  # before a literal: it is matched as written (the text is not lower-cased)
_FEW = 16  # most strings a literal and the alternation after it are spelled out into


def _words(items: Any) -> str | None:
    """The string a parsed sequence of plain literals matches (None: not only literals)."""
    if not all(op is _C.LITERAL for op, _ in items):
        return None
    return "".join(chr(av) for _, av in items)


def _required(items: Any, cased: bool = False) -> frozenset[str] | None:
    """Strings one of which every match of a parsed (sub)pattern contains, or None; those of a
    case-sensitive part keep their case, behind ``CASED``."""
    options: list[frozenset[str]] = []
    run: set[str] = {""}

    def flush() -> None:
        if run != {""}:
            options.append(frozenset(_as(s, cased) for s in run))
        run.clear()
        run.add("")

    for op, av in items:
        if op is _C.LITERAL:
            grown = {s + chr(av) for s in run}
            run.clear()
            run.update(grown)
            continue
        if op is _C.BRANCH and run != {""} and not any(" " in s for s in run):
            # "me(?:t|ets|et)", the parser's own factoring of "met|meets|meet": spelled out
            alts = [_words(a) for a in av[1]]
            if all(w is not None and " " not in w for w in alts) and len(run) * len(alts) <= _FEW:
                grown = {s + w for s in run for w in alts if w is not None}
                run.clear()
                run.update(grown)
                continue
        flush()
        found: frozenset[str] | None = None
        if op is _C.SUBPATTERN:
            add, drop = av[1], av[2]
            found = _required(av[-1], (cased or bool(drop & re.I)) and not add & re.I)
        elif op is _C.BRANCH:
            alts_found = [_required(a, cased) for a in av[1]]
            if all(a is not None for a in alts_found):
                found = frozenset().union(*(a for a in alts_found if a is not None))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            found = _required(av[2], cased)
        elif op is _C.ASSERT:  # what a look-ahead or look-behind sees is in the text
            found = _required(av[1], cased)
        if found:
            options.append(found)
    flush()
    if not options:
        return None
    # the most telling: the longest shortest string, spaces left out (the commonest character)
    return max(options, key=lambda o: (min(len(s.replace(" ", "")) for s in o), -len(o)))


def _as(s: str, cased: bool) -> str:
    return CASED + s if cased and s.lower() != s.upper() else s.lower()


def _size(strings: frozenset[str]) -> int:
    """The length of the shortest string (its mark left out)."""
    return min(len(s.lstrip(CASED)) for s in strings)


@functools.lru_cache(maxsize=4096)
def _literals(pattern: str, flags: int = re.I) -> frozenset[str] | None:
    """:func:`required_literals`, case-sensitive ones marked, two characters long or more."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the parser's FutureWarnings ("nested set")
            found = _required(_sre.parse(pattern, flags), not flags & re.I)
    except (re.error, RecursionError, OverflowError):
        return None
    if found is None or _size(found) < 2:
        return None
    return found


def required_literals(pattern: str, flags: int = re.I) -> frozenset[str] | None:
    """Lower-case strings one of which is in every text the pattern matches (None: no such
    set was found). A sentence containing none of them is not searched."""
    found = _literals(pattern, flags)
    if found is None or _size(found) < 3:
        return None
    return frozenset(s.lstrip(CASED).lower() for s in found)


class LiteralFilter:
    """Which of many patterns may match a text: those with one of their required literals in
    it (see :func:`required_literals`), and those without any. The literals are looked for all
    at once, by an Aho-Corasick automaton (``pyahocorasick``): one pass over the text."""

    def __init__(self, needs: Sequence[frozenset[str] | None]):
        # a pattern with no literals, or one shorter than two characters, is always tried
        self._always = {i for i, n in enumerate(needs) if not n or _size(n) < 2}
        lower: dict[str, list[int]] = {}  # looked for in the lower-cased text
        cased: dict[str, list[int]] = {}  # looked for as written
        for i, n in enumerate(needs):
            if n and i not in self._always:
                for lit in sorted(n):
                    plain = lit.lstrip(CASED)
                    (cased if lit != plain else lower).setdefault(plain, []).append(i)
        self._lower = _automaton(lower)
        self._cased = _automaton(cased)

    @classmethod
    def of(cls, patterns: Sequence[re.Pattern[str]]) -> LiteralFilter:
        return cls([_literals(p.pattern, p.flags) for p in patterns])

    def candidates(self, text: str) -> list[int]:
        """Indexes of the patterns that may match ``text``, in order."""
        found = set(self._always)
        if self._lower is not None:
            for _, where in self._lower.iter(text.lower()):
                found.update(where)
        if self._cased is not None:
            for _, where in self._cased.iter(text):
                found.update(where)
        return sorted(found)


def _automaton(literals: dict[str, list[int]]) -> Any:
    """An automaton finding each literal, its value the patterns that need it (None: none)."""
    if not literals:
        return None
    automaton = ahocorasick.Automaton()
    for literal, where in literals.items():
        automaton.add_word(literal, tuple(where))
    automaton.make_automaton()
    return automaton


@functools.lru_cache(maxsize=1024)
def _needs(pattern: re.Pattern[str]) -> frozenset[str] | None:
    return required_literals(pattern.pattern, pattern.flags)


def may_match(pattern: re.Pattern[str], lowered: str) -> bool:
    """Whether ``pattern`` may match a text whose lower-case form is ``lowered``."""
    needs = _needs(pattern)
    return needs is None or any(n in lowered for n in needs)
