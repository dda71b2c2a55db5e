"""Modules under 500 lines, functions under 80 (CONTRIBUTING.md), so that each reads in one
sitting. The few that are still longer are listed here with their size: the list may only
shrink, and an entry that has been mended must go."""

from __future__ import annotations

import ast
from pathlib import Path

import negotiation

PACKAGE = Path(negotiation.__file__).resolve().parent
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80

#: modules and functions still over the limit, with their size (none left; keep it that way)
PENDING: dict[str, int] = {}


def sizes() -> dict[str, int]:
    """Every module over the limit by path, every function over it by ``path:name``."""
    found: dict[str, int] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            found[where] = text.count("\n")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno:
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found[f"{where}:{node.name}"] = length
    return found


def test_modules_and_functions_are_short() -> None:
    found = sizes()
    new = {k: v for k, v in found.items() if k not in PENDING or v > PENDING[k]}
    assert not new, (
        f"over {MAX_MODULE_LINES} lines a module or {MAX_FUNCTION_LINES} a function: {new}"
    )
    mended = sorted(set(PENDING) - set(found))
    assert not mended, f"no longer too long: remove from PENDING {mended}"
