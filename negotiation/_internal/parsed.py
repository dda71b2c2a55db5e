"""What was parsed from a text, kept for the next time the same text is read.

A file is read every time and parsed again only when its text changed: the key holds the text
itself (never a time stamp, which a file rewritten within one clock tick keeps). Bounded by the
characters held, the least recently used dropped first::

>>> kept: TextCache[str] = TextCache(max_chars=80)
>>> kept.through(("a.yaml", "x: 1"), lambda: "parsed", str.upper)
'parsed'
>>> kept.through(("a.yaml", "x: 1"), lambda: "parsed again", str.upper)
'PARSED'
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, Protocol, TypeVar

__all__ = ["TextCache", "copied", "copy_data"]

V = TypeVar("V")
Key = tuple[Hashable, ...]


class TextCache(Generic[V]):
    """Values by a key whose second part is the text they were parsed from."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self._kept: OrderedDict[Key, V] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()

    def through(self, key: Key, parse: Callable[[], V], copy: Callable[[V], V]) -> V:
        """A copy of the value kept for ``key``, or ``parse()`` (a copy of it kept; an
        exception is not, nor a text over an eighth of the bound)."""
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
        if found is not None:
            return copy(found)
        value = parse()
        size = len(key[1])  # type: ignore[arg-type]
        if size <= self.max_chars // 8:
            kept = copy(value)
            with self._lock:
                if key not in self._kept:
                    self._kept[key] = kept
                    self._chars += size
                while self._chars > self.max_chars:
                    old, _ = self._kept.popitem(last=False)
                    self._chars -= len(old[1])  # type: ignore[arg-type]
        return value


def copy_data(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """A copy of parsed data: mappings and lists copied (a value used twice, through a YAML
    alias, is one copy used twice), scalars shared (they are immutable). Recursion is bounded
    by the depth limit the data was parsed under."""
    kind = type(value)
    if kind is not dict and kind is not list:
        return value
    if memo is None:
        memo = {}
    done = memo.get(id(value))
    if done is not None:
        return done
    out: Any = {} if kind is dict else []
    memo[id(value)] = out
    if kind is dict:
        for k, v in value.items():
            out[k] = copy_data(v, memo)
    else:
        out.extend(copy_data(v, memo) for v in value)
    return out


class _Parsed(Protocol):
    data: Any
    positions: dict[Any, Any]


P = TypeVar("P", bound=_Parsed)


def copied(doc: P) -> P:
    """A copy of a parsed document (a dataclass with ``data`` and ``positions``) that its user
    may change without changing the one kept."""
    return dataclasses.replace(doc, data=copy_data(doc.data), positions=dict(doc.positions))  # type: ignore[type-var]
