"""The errors the library raises on purpose, in one tree.

Catch :class:`NegotiationError` to catch them all. The hierarchy::

    NegotiationError          anything the library raises on purpose
    ├── InputError            a file, a flag or a value given to the library is wrong: one or
    │                         more Problems, each located at file:line:col (CLI exit status 2)
    └── ModelError            a dispute model cannot be built or run as written: a spec, profile
        │                     or interpretation that does not fit together, two engines that
        │                     disagree on the same step
        └── RuleError         a rule (a guard, a condition, an effect) cannot be evaluated on the
                              world and event it was given

Anything else is a bug, save two ordinary Python errors: misusing the Python API (a wrong
argument type) raises ``TypeError``, and pydantic's ``ValidationError`` reaches you only when you
build a schema object (an ``Event``, a ``Scenario``) yourself; every loader turns it into a
located :class:`InputError`. The command line prints a :class:`NegotiationError` as one
``error:`` line per problem and exits with status 2.

An :class:`InputError` carries :class:`Problem` objects, each with the file, line and column, the
path inside the document and what was expected, printed one per line::

    >>> p = Problem(file="s.yaml", line=3, column=5, path="events[0].date", message="bad date")
    >>> str(p)
    's.yaml:3:5: events[0].date: bad date'
    >>> isinstance(InputError(p), NegotiationError)
    True
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "InputError",
    "ModelError",
    "NegotiationError",
    "Problem",
    "RuleError",
    "format_path",
    "shown_file",
]


def shown_file(file: str) -> str:
    r"""``file`` as an error shows it: ``scenarios/../model.yaml`` as ``model.yaml`` when both
    name the same file (not when a symbolic link makes ``..`` lead elsewhere)::

        >>> shown_file("s.yaml")
        's.yaml'

    A control character in the name is shown escaped: a file named ``a\nerror: b.yaml`` printed
    a second, forged error line, and an escape sequence reached the terminal as is::

        >>> shown_file("a\nerror: b.yaml")
        'a\\nerror: b.yaml'
    """
    if any(_control(ch) for ch in file):
        file = "".join(repr(ch)[1:-1] if _control(ch) else ch for ch in file)
    if ".." not in file.replace("\\", "/").split("/"):
        return file
    short = os.path.normpath(file)
    try:
        return short if os.path.samefile(file, short) else file
    except (OSError, ValueError):
        return file


def _control(ch: str) -> bool:
    return ch < " " or "\x7f" <= ch <= "\x9f"


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
    #: the file as a whole is not a document of the kind expected (not YAML of ours at all):
    #: a file that names it reports the problem where it names it, never quoting it
    whole: bool = False

    def __str__(self) -> str:
        where = shown_file(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = f"{where}: "
        if self.path:
            prefix += f"{self.path}: "
        return prefix + self.message


class NegotiationError(Exception):
    """The base of every error the library raises on purpose."""


class InputError(NegotiationError):
    """Bad input: one or more :class:`Problem` objects, printed one per line."""

    def __init__(self, problems: Iterable[Problem] | Problem | str, file: str = "<input>"):
        if isinstance(problems, str):
            problems = [Problem(file=file, message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ModelError(NegotiationError):
    """A dispute model that cannot be built or run as written (not a file's syntax: that is an
    :class:`InputError`)."""


class RuleError(ModelError):
    """A rule, condition or effect that cannot be evaluated on the world and event given."""
