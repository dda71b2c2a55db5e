"""Commands that make files for other tools and for people: export (tables, PLOVER, ACLED,
process-mining logs) and report (a self-contained HTML page)."""

from __future__ import annotations

import click

from negotiation.cli import main
from negotiation.cli.common import FORMAT_VERSION, echo_json, input_errors
from negotiation.cli.packs import PACK

__all__ = ["export"]

_EXPORT_FORMATS = ("csv", "parquet", "plover", "acled", "xes", "ocel")


@main.command()
@click.argument("log", required=False, metavar="[LOG]")
@PACK
@click.option(
    "--format", "fmt", type=click.Choice(_EXPORT_FORMATS), required=True, help="the file format"
)
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="the file to write")
@click.option("--json", "as_json", is_flag=True, help="print what was written as JSON")
@input_errors
def export(log: str | None, pack: str | None, fmt: str, out: str, as_json: bool) -> None:
    """Export an event log (LOG, or the pack's; default: the built-in record) as CSV, Parquet,
    PLOVER JSONL, ACLED-style CSV, XES or OCEL 2.0 JSON. Every record carries its source
    article and quote."""
    from negotiation.export import ExportData
    from negotiation.export import export as write_export

    if log is not None and pack is not None:
        raise click.UsageError("give an event log or --pack, not both")
    data = ExportData.from_pack(pack) if pack is not None else ExportData.from_log(log)
    done = write_export(data, fmt, out)
    if as_json:
        echo_json(
            {
                "format_version": FORMAT_VERSION,
                "format": fmt,
                "out": out,
                "case_id": data.case_id,
                "events": len(data.log.events),
                "records": done.records,
                "skipped": list(done.skipped),
                "note": done.note,
            }
        )
    else:
        click.echo(f"wrote {done.records} record(s) to {out} ({fmt})")
        if done.note:
            click.echo(f"note: {done.note}")
