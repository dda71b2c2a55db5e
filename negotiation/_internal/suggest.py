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
import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["allowed_keys", "did_you_mean", "nearest", "unknown"]

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
    return list(_nearest(name, tuple(dict.fromkeys(candidates)), n, cutoff))


@functools.lru_cache(maxsize=4096)
def _nearest(name: str, candidates: tuple[str, ...], n: int, cutoff: float) -> tuple[str, ...]:
    """:func:`nearest`, remembered: a log of 200,000 events of one unknown kind asked the same
    question 200,000 times (difflib: 0.5 ms each)."""
    close = difflib.get_close_matches(name, list(candidates), n=n, cutoff=cutoff)
    if not close:
        return ()
    best = _similarity(name, close[0])
    return tuple(x for x in close if _similarity(name, x) >= best - MARGIN)


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


def _schema_node(schema: dict[str, Any], node: Any) -> list[dict[str, Any]]:
    """The object schemas ``node`` may be ($ref followed, unions flattened)."""
    if not isinstance(node, dict):
        return []
    if "$ref" in node:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        return _schema_node(schema, schema.get("$defs", {}).get(name))
    out: list[dict[str, Any]] = [node]
    for key in ("anyOf", "oneOf", "allOf"):
        for member in node.get(key, ()):
            out += _schema_node(schema, member)
    return out


@functools.cache
def _json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """``model``'s JSON Schema, built once per class: a file with many unknown keys asks for
    it once per key, and building it costs milliseconds. Read, never changed."""
    return model.model_json_schema(by_alias=True)


def allowed_keys(model: type[BaseModel], path: Sequence[str | int]) -> list[str]:
    """The keys a document of ``model`` allows in the mapping at ``path`` (best effort)."""
    schema = _json_schema(model)
    nodes = _schema_node(schema, schema)
    for part in path:
        nxt: list[dict[str, Any]] = []
        for n in nodes:
            if isinstance(part, int):
                items = n.get("items")
                nxt += _schema_node(schema, items)
                for item in n.get("prefixItems", ()):
                    nxt += _schema_node(schema, item)
            else:
                nxt += _schema_node(schema, n.get("properties", {}).get(part))
                extra = n.get("additionalProperties")
                if isinstance(extra, dict):
                    nxt += _schema_node(schema, extra)
        nodes = nxt
    return sorted({k for n in nodes for k in n.get("properties", {})})
