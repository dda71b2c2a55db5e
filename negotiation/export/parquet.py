"""Parquet: the CSV's rows, typed (dates as ``date32``, ``goldstein`` as ``double``,
``source_count`` as ``int32``), written by pyarrow (``pip install 'negotiation[tables]'``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from negotiation.errors import InputError, Problem
from negotiation.export.base import ExportFormat, Rendered
from negotiation.export.records import COLUMNS, ExportData, event_rows

__all__ = ["FORMAT", "arrow_table"]

_DATES = {"date", "date_end", "source_published"}


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise InputError(
            Problem(
                file="--format parquet",
                message="needs pyarrow: pip install 'negotiation[tables]'",
            )
        ) from None
    return pyarrow


def arrow_table(data: ExportData) -> Any:
    """The event rows as a ``pyarrow.Table``."""
    pa = _pyarrow()
    rows = event_rows(data)
    types = {c: pa.date32() if c in _DATES else pa.string() for c in COLUMNS}
    types["goldstein"] = pa.float64()
    types["source_count"] = pa.int32()
    schema = pa.schema([pa.field(c, types[c], nullable=True) for c in COLUMNS])
    columns: dict[str, list[Any]] = {c: [] for c in COLUMNS}
    for row in rows:
        for c in COLUMNS:
            value = row[c]
            if c in _DATES:
                value = dt.date.fromisoformat(value) if value else None
            columns[c].append(value)
    return pa.table(columns, schema=schema)


def _render(data: ExportData) -> Rendered:
    pa = _pyarrow()
    sink = pa.BufferOutputStream()
    table = arrow_table(data)
    pa.parquet.write_table(table, sink, compression="zstd", write_statistics=True)
    return Rendered(sink.getvalue().to_pybytes(), table.num_rows)


FORMAT = ExportFormat("parquet", ".parquet", "the CSV's rows, typed, in Parquet", _render)
