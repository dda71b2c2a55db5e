"""What every export format is: a name, a file suffix and a function from
:class:`~negotiation.export.records.ExportData` to bytes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from negotiation.export.records import ExportData

__all__ = ["ExportFormat", "Rendered"]


@dataclass(frozen=True)
class Rendered:
    """An export's bytes, the number of records written and the events left out (with why)."""

    content: bytes
    records: int
    skipped: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str
    description: str
    render: Callable[[ExportData], Rendered]
