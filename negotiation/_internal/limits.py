"""Input limits: how big, how deep and how long anything read from a file may be.

Every file the library reads goes through these checks before any work, so that no input, however
hostile, can exhaust memory or time: a limit reached is an :class:`~negotiation.errors.InputError`
naming the file, the line where it parsed, the limit and the setting that raises it.

Each limit is a setting, read from the environment when it is used (so a test or a shell can
raise it for one run)::

    NEGOTIATION_MAX_FILE_MB=64 negotiation validate big_article.txt

>>> current().file_mb
16.0
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, fields

from negotiation.errors import InputError, Problem

__all__ = ["ENV", "MAX_CELLS", "MAX_STEPS", "Limits", "current", "raise_hint", "too_many_cells"]

#: attempted events in one simulated run that a file may ask for (a scenario's or a sweep's
#: ``max_steps``): a day each for the whole calendar, 1800 to 2200, several times over. More
#: was a run that never ended (a policy whose waits are all 0 days never reaches the horizon)
MAX_STEPS = 1_000_000

#: cells of one sweep (every combination of its grid, and its cells) or of a scenario's matrix:
#: a grid of three axes of a hundred values each was a million cells, built and planned before
#: the first run (a hang)
MAX_CELLS = 10_000


def too_many_cells(axes: list[int], cells: int) -> tuple[tuple[str], str] | None:
    """Where and why a sweep of a grid (the number of values on each axis) and ``cells`` has
    more than :data:`MAX_CELLS` cells, or ``None``."""
    grid = math.prod(axes) if axes else 0
    if grid + cells <= MAX_CELLS:
        return None
    if grid > MAX_CELLS:
        return (
            "grid",
        ), f"{grid:,} cells in the grid, more than the {MAX_CELLS:,} a sweep may have"
    return (
        "cells",
    ), f"{grid + cells:,} cells with the grid's, more than the {MAX_CELLS:,} allowed"


#: the environment variable that sets each limit
ENV = {
    "file_mb": "NEGOTIATION_MAX_FILE_MB",
    "depth": "NEGOTIATION_MAX_DEPTH",
    "nodes": "NEGOTIATION_MAX_NODES",
    "string": "NEGOTIATION_MAX_STRING",
    "sentence": "NEGOTIATION_MAX_SENTENCE",
}


@dataclass(frozen=True)
class Limits:
    """The limits in force (defaults well above every shipped file)."""

    #: size of any one input file (YAML, article, CSV), in MB (10^6 bytes), checked before reading
    file_mb: float = 16.0
    #: nesting depth of a YAML document (mappings and sequences)
    depth: int = 64
    #: values in a YAML document, counting each use of an alias as its whole value again
    nodes: int = 1_000_000
    #: characters in one YAML string
    string: int = 200_000
    #: characters in one sentence given to event extraction (longer ones are split)
    sentence: int = 2_000

    @property
    def file_bytes(self) -> int:
        return int(self.file_mb * 1_000_000)


def raise_hint(name: str) -> str:
    """How to raise one limit, for an error message."""
    return f"raise it with {ENV[name]}=..."


def current() -> Limits:
    """The limits in force: the defaults, with any set in the environment."""
    values: dict[str, float | int] = {}
    for f in fields(Limits):
        raw = os.environ.get(ENV[f.name])
        if raw is None or not raw.strip():
            continue
        kind = float if f.type in ("float", float) else int
        try:
            value = kind(raw)
        except ValueError:
            value = -1
        if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
            raise InputError(
                Problem(
                    file=ENV[f.name],
                    message=f"expected a positive {kind.__name__} (a limit), got {raw[:20]!r}",
                )
            )
        values[f.name] = value
    return Limits(**values)  # type: ignore[arg-type]
