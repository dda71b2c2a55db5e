"""Errors about user input, always pointing at a place in a file.

Every loader in the library raises :class:`InputError` for bad input. It carries one or more
:class:`Problem` objects, each with the file, line and column, the path inside the document and
what was expected, so that the CLI can print a readable message and exit with status 2::

    >>> p = Problem(file="s.yaml", line=3, column=5, path="events[0].date", message="bad date")
    >>> str(p)
    's.yaml:3:5: events[0].date: bad date'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["InputError", "ModelError", "NegotiationError", "Problem", "format_path"]


def format_path(path: Sequence[str | int]) -> str:
    """Render a document path like ``events[3].sources[0].quote``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    path: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = f"{where}: "
        if self.path:
            prefix += f"{self.path}: "
        return prefix + self.message


class NegotiationError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(NegotiationError):
    """Bad input: one or more :class:`Problem` objects, printed one per line."""

    def __init__(self, problems: Iterable[Problem] | Problem | str, file: str = "<input>"):
        if isinstance(problems, str):
            problems = [Problem(file=file, message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ModelError(InputError):
    """A model that loads but cannot run: a rule written in data fails on an event, a profile
    lacks what a rule needs."""
