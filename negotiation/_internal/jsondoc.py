"""JSON inputs as documents: the value, and the line and column of every path in it.

A JSON file (``report --simulation``) is read with the limits and rules of
:func:`negotiation._internal.files.read_json` and gives a :class:`~negotiation._internal.yamldoc.
Document`, as a YAML file does, so that a value of the wrong type or a missing key is located at
its line::

    >>> json_positions('{"a": [1, {"b": 2}]}')[("a", 1, "b")]
    (1, 12)
"""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path
from typing import Any

from negotiation._internal import files
from negotiation._internal.yamldoc import Document, Path_

__all__ = ["json_positions", "load_json"]


def load_json(path: Path | str) -> Document:
    """Read a JSON file as :func:`negotiation._internal.files.read_json` reads it (its limits,
    exact JSON semantics), with the position of every path in it, as YAML documents have: a
    problem with the shape of the data is located at its line like one in a YAML file."""
    text = files.read_text(path)
    data = files.json_value(path, text)
    return Document(str(path), data, json_positions(text))


#: JSON tokens once the text is known to be valid JSON: strings, punctuation, bare scalars
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')


def json_positions(text: str) -> dict[Path_, tuple[int, int]]:
    """The (line, column) of every path in valid JSON ``text``: an object member at its key,
    an array item and the whole document at their first character (as YAML documents)."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(at: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, at)
        return line, at - starts[line - 1] + 1

    positions: dict[Path_, tuple[int, int]] = {}
    # per open bracket: its path, whether it is an object, the next index, the current key,
    # whether a key comes next
    stack: list[list[Any]] = []
    for m in _JSON_TOKEN.finditer(text):
        token = m.group()
        top = stack[-1] if stack else None
        if top is not None and top[1] and top[4] and token.startswith('"'):
            top[3], top[4] = json.loads(token), False
            positions[(*top[0], top[3])] = where(m.start())
            continue
        if token == ":":
            continue
        if token == ",":
            if top is not None and top[1]:
                top[4] = True
            continue
        if token in "}]":
            stack.pop()
            continue
        if top is None:
            path: Path_ = ()
            positions[path] = where(m.start())
        elif top[1]:
            path = (*top[0], top[3])
        else:
            path = (*top[0], top[2])
            top[2] += 1
            positions[path] = where(m.start())
        if token in "{[":
            stack.append([path, token == "{", 0, None, True])
    return positions
