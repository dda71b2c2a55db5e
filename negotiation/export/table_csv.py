"""CSV: one row per event, the columns of :data:`~negotiation.export.records.COLUMNS` (UTF-8,
RFC 4180: ``\\r\\n`` line ends, so that a field holding a lone ``\\r`` is quoted; a header row; lists joined with ``;``, all sources as JSON in ``sources``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from negotiation.export.base import ExportFormat, Rendered
from negotiation.export.records import COLUMNS, ExportData, event_rows

__all__ = ["FORMAT", "csv_text"]


def csv_text(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    """Rows as CSV text with a header (``None`` as an empty cell)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in columns])
    return buf.getvalue()


def _render(data: ExportData) -> Rendered:
    rows = event_rows(data)
    return Rendered(csv_text(COLUMNS, rows).encode("utf-8"), len(rows))


FORMAT = ExportFormat("csv", ".csv", "one row per event, with its first source and quote", _render)
