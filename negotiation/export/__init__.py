"""Exports: an event log as tables and as other communities' formats, one module per format.

========  =======================================================  ================
name      what                                                     module
========  =======================================================  ================
csv       one row per event (:data:`~.records.COLUMNS`)            ``table_csv``
parquet   the same rows, typed (pyarrow: the ``tables`` extra)     ``parquet``
plover    PLOVER JSONL: one JSON object per event                  ``plover``
acled     ACLED-style CSV: the events an ACLED category applies to ``acled``
xes       IEEE XES event log, one trace per dispute                ``xes``
ocel      OCEL 2.0 JSON: events related to dispute, actors, articles ``ocel``
========  =======================================================  ================

Adding a format is one module that builds an :class:`ExportFormat` and one line in
:data:`FORMATS`. Every format writes every event's source article and verbatim quote, and the
same input gives byte-identical output.
"""

from __future__ import annotations

from pathlib import Path

from negotiation._internal import atomic
from negotiation._internal.suggest import unknown
from negotiation.errors import InputError, Problem
from negotiation.export import acled, ocel, parquet, plover, table_csv, xes
from negotiation.export.base import ExportFormat, Rendered
from negotiation.export.records import COLUMNS, ExportData, event_rows

__all__ = [
    "COLUMNS",
    "FORMATS",
    "ExportData",
    "ExportFormat",
    "Rendered",
    "event_rows",
    "export",
    "render",
]

#: every export format by name (``negotiation export --format NAME``)
FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        table_csv.FORMAT,
        parquet.FORMAT,
        plover.FORMAT,
        acled.FORMAT,
        xes.FORMAT,
        ocel.FORMAT,
    )
}


def render(data: ExportData, fmt: str) -> Rendered:
    """``data`` in format ``fmt`` (bytes, and what was written)."""
    if fmt not in FORMATS:
        raise InputError(Problem(file="--format", message=unknown("export format", fmt, FORMATS)))
    return FORMATS[fmt].render(data)


def export(data: ExportData, fmt: str, out: Path | str) -> Rendered:
    """Write ``data`` in format ``fmt`` to ``out``, atomically."""
    rendered = render(data, fmt)
    atomic.write_bytes(out, rendered.content)
    return rendered
