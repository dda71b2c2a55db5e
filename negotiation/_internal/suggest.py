"""One "did you mean" for every unknown name (event ids, kinds, phases, rules, fields, keys).

>>> did_you_mean("boycot", ["boycott", "protest"])
"; did you mean 'boycott'?"
>>> nearest("protset", ["protest", "agreement"])
['protest']
>>> did_you_mean("zzz", ["boycott"])
''
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["did_you_mean", "nearest"]


def nearest(name: str, candidates: Iterable[str], n: int = 3, cutoff: float = 0.4) -> list[str]:
    """Up to ``n`` candidates closest to ``name``, closest first."""
    return difflib.get_close_matches(name, list(candidates), n=n, cutoff=cutoff)


def did_you_mean(name: str, candidates: Iterable[str], n: int = 3) -> str:
    """``"; did you mean 'x'?"`` (or ``'x' or 'y'``), or ``""`` when nothing is close."""
    near = nearest(name, candidates, n=n)
    if not near:
        return ""
    return "; did you mean " + " or ".join(repr(x) for x in near) + "?"
