"""Command: packs (the dispute packs found by name); and the ``--pack`` option other commands
share: a pack stands for a model, its profile, its event log and its scenarios."""

from __future__ import annotations

from typing import Any

import click

from negotiation.cli import main
from negotiation.cli.common import echo_json, input_errors

__all__ = ["PACK", "pack_files", "packs", "warn_mismatch"]

PACK = click.option(
    "--pack",
    "pack",
    default=None,
    metavar="ID",
    help="a dispute pack, by id or folder (`negotiation packs`): its model, profile, event "
    "log and scenarios, unless given otherwise",
)


def pack_files(
    pack: str | None, model: str | None = None, profile: str | None = None, log: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """The model, profile and event log to use: those given, else the pack's."""
    if pack is None:
        return model, profile, log
    from negotiation.packs import load_pack

    p = load_pack(pack)
    return (
        model if model is not None else str(p.model_path),
        profile if profile is not None else (str(p.profile_path) if p.profile_path else None),
        log if log is not None else str(p.events_path),
    )


def warn_mismatch(model: str | None, log: Any, log_path: str | None) -> None:
    """A warning on stderr when ``log`` is of another dispute than ``model``'s own log."""
    from negotiation.replay.match import dispute_mismatch

    warning = dispute_mismatch(model, log, log_path)
    if warning:
        click.echo(f"warning: {warning}", err=True)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="print the packs as JSON")
@input_errors
def packs(as_json: bool) -> None:
    """List the dispute packs: built-in, and registered by other packages (entry-point group
    ``negotiation.packs``)."""
    from negotiation.packs import available_packs

    found = available_packs()
    if as_json:
        data: list[dict[str, Any]] = [p.summary() for p in found.values()]
        echo_json({"format_version": 1, "packs": data})
        return
    for p in found.values():
        click.echo(f"{p.id:<22} {p.meta.title}")
