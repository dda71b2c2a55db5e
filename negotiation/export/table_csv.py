"""CSV: one row per event, the columns of :data:`~negotiation.export.records.COLUMNS` (UTF-8,
RFC 4180: ``\\r\\n`` line ends, so that a field holding a lone ``\\r`` is quoted; a header row; lists joined with ``;``, all sources as JSON in ``sources``).

A text cell that a spreadsheet would read as a formula (one starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return: a quote in a hostile log reading ``=HYPERLINK(...)``) is
written with a leading ``'``, as OWASP advises against CSV injection. So is a text that starts
with ``'`` itself, so that dropping one leading ``'`` gives back every text. Numbers are written as
they are, and the JSON and Parquet exports keep every text unchanged::

    >>> csv_text(["quote", "seats"], [{"quote": "=1+1", "seats": -3}])
    "quote,seats\\r\\n'=1+1,-3\\r\\n"
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from negotiation.export.base import ExportFormat, Rendered
from negotiation.export.records import COLUMNS, ExportData, event_rows

__all__ = ["FORMAT", "csv_text"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(
    columns: Sequence[str], rows: Iterable[dict[str, Any]], *, line_end: str = "\r\n"
) -> str:
    """Rows as CSV text with a header (``None`` as an empty cell, a formula-like text
    behind a ``'``)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=line_end)
    writer.writerow([_cell(c) for c in columns])
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
    return buf.getvalue()


def _render(data: ExportData) -> Rendered:
    rows = event_rows(data)
    return Rendered(csv_text(COLUMNS, rows).encode("utf-8"), len(rows))


FORMAT = ExportFormat("csv", ".csv", "one row per event, with its first source and quote", _render)
