"""The literal pre-filter of regular expressions: strings one of which every match contains, so
a text containing none of them is not searched (most trigger and date patterns do not match most
sentences, and a pattern starting with a look-behind is tried at every position).

>>> sorted(required_literals(r"(?:reach|struck) (?:an? )?deal"))
['reach', 'struck']
>>> LiteralFilter([frozenset({"boycott"}), None, frozenset({"seat"})]).candidates("Seats won")
[1, 2]
"""

from __future__ import annotations

import functools
import importlib
import re
import warnings
from collections.abc import Sequence
from typing import Any

__all__ = ["LiteralFilter", "may_match", "required_literals"]

_sre: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")


def _required(items: Any) -> frozenset[str] | None:
    """Strings one of which every match of a parsed (sub)pattern contains, or None."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is _C.LITERAL:
            run.append(chr(av).lower())
            continue
        flush()
        found: frozenset[str] | None = None
        if op is _C.SUBPATTERN:
            found = _required(av[-1])
        elif op is _C.BRANCH:
            alts = [_required(a) for a in av[1]]
            if all(a is not None for a in alts):
                found = frozenset().union(*(a for a in alts if a is not None))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            found = _required(av[2])
        if found:
            options.append(found)
    flush()
    if not options:
        return None
    return max(options, key=lambda o: min(len(s) for s in o))


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings one of which is in every text the pattern matches (None: no such
    set was found). A sentence containing none of them is not searched."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the parser's FutureWarnings ("nested set")
            found = _required(_sre.parse(pattern, re.I))
    except (re.error, RecursionError, OverflowError):
        return None
    if found is None or min(len(s) for s in found) < 3:
        return None
    return found


class LiteralFilter:
    """Which of many patterns may match a text: those with one of their required literals in
    it (see :func:`required_literals`), and those without any."""

    def __init__(self, needs: Sequence[frozenset[str] | None]):
        # a pattern with no literals, or one shorter than three characters, is always tried
        self._always = {i for i, n in enumerate(needs) if not n or min(map(len, n)) < 3}
        by: dict[str, list[int]] = {}
        for i, n in enumerate(needs):
            if i in self._always:
                continue
            for lit in sorted(n or ()):
                by.setdefault(lit, []).append(i)
        # literals by their first three characters: a text's three-character pieces meet the
        # index in one set operation, and only the literals behind a shared piece are looked for
        grams: dict[str, list[tuple[str, list[int]]]] = {}
        for lit, where in by.items():
            grams.setdefault(lit[:3], []).append((lit, where))
        self._grams = grams

    @classmethod
    def of(cls, patterns: Sequence[re.Pattern[str]]) -> LiteralFilter:
        return cls([required_literals(p.pattern) for p in patterns])

    def candidates(self, text: str) -> list[int]:
        """Indexes of the patterns that may match ``text``, in order."""
        low, pieces = _pieces(text)
        found = set(self._always)
        grams = self._grams
        for key in grams.keys() & pieces:
            for lit, where in grams[key]:
                if len(lit) == 3 or lit in low:
                    found.update(where)
        return sorted(found)


@functools.lru_cache(maxsize=4)
def _pieces(text: str) -> tuple[str, frozenset[str]]:
    """A text in lower case and its three-character pieces (one sentence is filtered for
    triggers, phrases and dates in a row: made once)."""
    low = text.lower()
    return low, frozenset(low[i : i + 3] for i in range(len(low) - 2))


@functools.lru_cache(maxsize=1024)
def _needs(pattern: re.Pattern[str]) -> frozenset[str] | None:
    return required_literals(pattern.pattern)


def may_match(pattern: re.Pattern[str], lowered: str) -> bool:
    """Whether ``pattern`` may match a text whose lower-case form is ``lowered``."""
    needs = _needs(pattern)
    return needs is None or any(n in lowered for n in needs)
