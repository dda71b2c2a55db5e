"""Tables of runs and sweeps written whole or not at all: Parquet (pyarrow) or CSV (a sweep's
CSV needs no extra)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotiation._internal.atomic import check_output
from negotiation.errors import InputError

if TYPE_CHECKING:
    from negotiation.simulate.sweep import Sweep

__all__ = ["write_sweep_table", "write_table"]


def write_table(frame: Any, path: Path | str) -> None:
    """Write a pandas DataFrame to ``path`` (``.parquet`` or ``.csv``) atomically (through
    :mod:`negotiation._internal.atomic`, as every output: a full disk is an error naming
    ``path``, which keeps its old contents)."""
    from negotiation._internal import atomic

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".parquet", ".csv"):
        raise InputError(f"{target}: expected a .parquet or .csv file")
    check_output(target)
    if suffix == ".parquet":
        sink = io.BytesIO()
        frame.to_parquet(sink, index=False)
        atomic.write_bytes(target, sink.getvalue())
    else:
        atomic.write_text(target, frame.to_csv(index=False, lineterminator="\n"))


def write_sweep_table(sweep: Sweep, path: Path | str) -> None:
    """Write the tidy table: ``.parquet`` through pyarrow (the ``[tables]`` extra), or
    ``.csv`` (no extra needed); whole or not at all, the same bytes for the same sweep."""
    from negotiation._internal import atomic

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".csv":
        atomic.write_text(target, _csv(sweep))
    elif suffix == ".parquet":
        atomic.check_output(target)
        data = _parquet(sweep)
        atomic.write_bytes(target, data)
    else:
        raise InputError(f"{target}: expected a .parquet or .csv file")


def _csv(sweep: Sweep) -> str:
    from negotiation.export.table_csv import csv_text

    return csv_text(sweep.columns(), sweep.rows(), line_end="\n")


def _parquet(sweep: Sweep) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - the [tables] extra is not installed
        raise InputError(
            "a .parquet table needs pyarrow: pip install 'negotiation[tables]' (or write .csv)"
        ) from None
    columns = sweep.columns()
    rows = list(sweep.rows())
    ints = {"cell", "horizon", "max_steps", "runs", "n", "violations", "broken_runs"}
    strings = {"name", "profile", "interpretation", "policy", "from", "outcome"}
    fields = [
        pa.field(c, pa.int64() if c in ints else pa.string() if c in strings else pa.float64())
        for c in columns
    ]
    schema = pa.schema(fields)
    table = pa.Table.from_pydict({c: [r[c] for r in rows] for c in columns}, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())
