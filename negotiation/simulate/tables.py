"""Tables of runs and sweeps written whole or not at all: Parquet (pyarrow) or CSV."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from negotiation._internal.atomic import check_output
from negotiation.errors import InputError

__all__ = ["write_table"]


def write_table(frame: Any, path: Path | str) -> None:
    """Write a pandas DataFrame to ``path`` (``.parquet`` or ``.csv``) atomically."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".parquet", ".csv"):
        raise InputError(f"{target}: expected a .parquet or .csv file")
    check_output(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        if suffix == ".parquet":
            frame.to_parquet(tmp, index=False)
        else:
            frame.to_csv(tmp, index=False, lineterminator="\n")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
