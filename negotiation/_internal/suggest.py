"""One "did you mean" for every unknown name (event ids, kinds, phases, rules, fields, keys).

>>> unknown("phase", "boycot", ["boycott", "breakdown", "campaign"])
"unknown phase 'boycot'; did you mean 'boycott'?"
>>> unknown("interpretation", "royalist", ["government_2013", "opposition_2013"])
"unknown interpretation 'royalist'; known: government_2013, opposition_2013"
>>> did_you_mean("boycot", ["boycott", "protest"])
"; did you mean 'boycott'?"
>>> did_you_mean("2013-09-30-talks", ["2013-09-03-talks", "2013-09-13-talks", "2014-01-01-vote"])
"; did you mean '2013-09-13-talks' or '2013-09-03-talks'?"
>>> nearest("protset", ["protest", "agreement"])
['protest']
>>> did_you_mean("zzz", ["boycott"])
''
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["did_you_mean", "nearest", "unknown"]

#: below this similarity (difflib's ratio) a name is not offered
CUTOFF = 0.6
#: names about as close as the closest one (within this much) are offered with it
MARGIN = 0.1
#: when no name is near, the known names are listed if there are at most this many
LIST_AT_MOST = 20


def _similarity(name: str, other: str) -> float:
    return difflib.SequenceMatcher(None, other, name).ratio()  # as get_close_matches does


def nearest(name: str, candidates: Iterable[str], n: int = 3, cutoff: float = CUTOFF) -> list[str]:
    """Up to ``n`` candidates close to ``name``, closest first: the closest, and those about as
    close (within :data:`MARGIN` of it)."""
    close = difflib.get_close_matches(name, list(dict.fromkeys(candidates)), n=n, cutoff=cutoff)
    if not close:
        return []
    best = _similarity(name, close[0])
    return [x for x in close if _similarity(name, x) >= best - MARGIN]


def did_you_mean(name: str, candidates: Iterable[str], n: int = 3) -> str:
    """``"; did you mean 'x'?"`` (or ``'x' or 'y'``), or ``""`` when nothing is close."""
    near = nearest(name, candidates, n=n)
    if not near:
        return ""
    return "; did you mean " + " or ".join(repr(x) for x in near) + "?"


def unknown(what: str, name: str, candidates: Iterable[str], n: int = 3) -> str:
    """``"unknown <what> '<name>'"`` and what it may have meant: the nearest candidates, or, when
    none is near and there are few, all of them, in the order given (give a list, not a set:
    a message must not change from run to run)."""
    known = list(dict.fromkeys(candidates))
    message = f"unknown {what} {name!r}"
    hint = did_you_mean(name, known, n)
    if hint:
        return message + hint
    if known and len(known) <= LIST_AT_MOST:
        return f"{message}; known: {', '.join(known)}"
    return message
