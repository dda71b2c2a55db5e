"""Commands about scenario sets: coverage (which parts of the model the scenarios exercise)."""

from __future__ import annotations

import sys

import click

from negotiation.cli import main
from negotiation.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    FORMAT_VERSION,
    Number,
    echo_json,
    input_errors,
)
from negotiation.cli.packs import PACK
from negotiation.scenario.coverage import measure_files, overall_percent

__all__ = ["coverage"]


@main.command()
@click.argument("paths", nargs=-1)
@PACK
@click.option("--json", "as_json", is_flag=True, help="print the coverage as JSON")
@click.option(
    "--fail-under",
    type=Number(0, 100),
    default=None,
    metavar="PCT",
    help="exit 1 when the total coverage is below PCT percent",
)
@input_errors
def coverage(
    paths: tuple[str, ...], pack: str | None, as_json: bool, fail_under: float | None
) -> None:
    """Which phases, transitions, rules and invariants the scenarios (files, directories,
    globs) exercise, and which they never do. With --pack, the pack's scenarios too. Exit 1
    under --fail-under, 2 on invalid input."""
    if pack is not None:  # as `run --pack` takes them
        from negotiation.packs import load_pack

        paths = (*paths, str(load_pack(pack).scenarios_dir))
    if not paths:
        raise click.UsageError("give scenario files, directories or globs, or --pack")
    coverages = measure_files(paths)
    percent = overall_percent(coverages)
    below = fail_under is not None and percent < fail_under
    if as_json:
        echo_json(
            {
                "format_version": FORMAT_VERSION,
                "percent": round(percent, 1),
                "fail_under": fail_under,
                "passed": not below,
                "models": [c.to_json() for c in coverages],
            }
        )
    else:
        for c in coverages:
            click.echo(c.table())
        click.echo(f"total coverage: {percent:.1f}%")
        if below:
            click.echo(f"FAIL: coverage {percent:.1f}% is under {fail_under:g}%")
    sys.exit(EXIT_FAILED if below else EXIT_OK)
