"""Command: sweep (one simulation per cell of a grid of settings, as one tidy table)."""

from __future__ import annotations

import click

from negotiation.cli import main
from negotiation.cli.common import (
    input_errors,
)
from negotiation.cli.simulation import execution_options

__all__ = ["sweep"]


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    default=None,
    help="write the tidy table: .parquet (pyarrow, the [tables] extra) or .csv",
)
@click.option("--json", "as_json", is_flag=True, help="print the table as JSON")
@execution_options
@input_errors
def sweep(
    file: str,
    out: str | None,
    as_json: bool,
    executor: str | None,
    scheduler: str | None,
    workers: int,
    chunk_size: int | None,
) -> None:
    """Simulate every cell of a sweep file (a grid of profiles, interpretations, policies,
    weights and parameters): one tidy table, a row per cell and outcome, with p, its 95%
    Wilson interval and the median days. The same file and seed give the same bytes.

    Exit 0 when no invariant was violated, 1 when some were, 2 on invalid input, 130 when
    Ctrl-C stopped the runs (the cells done are printed and written first)."""
    from negotiation.cli.simulation import check_flags, finish
    from negotiation.simulate.sweep import load_sweep, run_sweep
    from negotiation.simulate.tables import write_sweep_table

    executor = check_flags(executor, scheduler, workers, out)
    planned = load_sweep(file)  # every problem in the file, located, before any run
    result = run_sweep(
        planned,
        executor=executor,
        workers=workers,
        scheduler=scheduler,
        chunk_size=chunk_size,
    )
    if out is not None:
        write_sweep_table(result, out)
    finish(
        result,
        out,
        as_json,
        violated=bool(result.violations),
        interrupted="interrupted: the table has the cells done",
    )
