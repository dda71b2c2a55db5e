"""What every part of a scenario file shares: the strict pydantic base of its models, paths
inside the document, and problems located at them.

    >>> str(locate(None, ("variations", 0, "drop"), "unknown event id 'x'"))
    "<scenario>: variations[0].drop: unknown event id 'x'"
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from negotiation._internal import yamldoc
from negotiation.errors import Problem, format_path

__all__ = ["Loc", "Strict", "locate", "named_at"]

#: a path inside a scenario document: ``("matrix", 0, "variations", 2, "insert", "after")``
Loc = tuple[str | int, ...]


class Strict(BaseModel):
    """Frozen, no unknown keys, fields settable by name or by their YAML alias."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def locate(doc: yamldoc.Document | None, path: Loc, message: str) -> Problem:
    """A problem at ``path`` in ``doc`` (at file:line:col), or in an unnamed scenario built in
    Python, where only the path can be given."""
    if doc is not None:
        return doc.problem(path, message)
    return Problem("<scenario>", message, path=format_path(path))


def named_at(doc: yamldoc.Document | None, at: Loc) -> Loc:
    """Where a file is named: the setting at ``at``, or the ``pack`` that gave it when the
    scenario does not set it itself."""
    if doc is None or tuple(at) in doc.positions or ("pack",) not in doc.positions:
        return at
    return ("pack",)
