"""Trigger patterns: macros expanded, word boundaries added, errors located in the file."""

from __future__ import annotations

import re

from negotiation._internal.yamldoc import Document
from negotiation.errors import InputError
from negotiation.extract.dates import DATE_PATTERN

__all__ = ["alternation", "compile_pattern", "expand"]

_MACRO = re.compile(r"\{([A-Z_]+)\}")


def alternation(cues: list[str]) -> re.Pattern[str]:
    if not cues:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w’'])(?:" + "|".join(f"(?:{c})" for c in cues) + r")(?![\w’'])", re.I)


def expand(pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    if depth > 5:
        return pattern

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "DATE":
            return DATE_PATTERN
        if name not in macros:
            raise KeyError(name)
        return "(?:" + expand(macros[name], macros, depth + 1) + ")"

    return _MACRO.sub(sub, pattern)


def compile_pattern(
    text: str, doc: Document, path: list[str | int], macros: dict[str, str]
) -> re.Pattern[str]:
    try:
        expanded = expand(text, macros)
    except KeyError as exc:
        raise InputError(doc.problem(path, f"unknown macro {{{exc.args[0]}}}")) from None
    try:
        # word boundaries on both sides (a pattern ending in a space needs no right boundary)
        return re.compile(r"(?<![\w’'])(?:" + expanded + r")(?:(?<=\s)|(?![\w’']))", re.I)
    except re.error as exc:
        raise InputError(doc.problem(path, f"invalid pattern: {exc}")) from None
