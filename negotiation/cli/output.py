"""Commands that make files for other tools and for people: export (tables, PLOVER, ACLED,
process-mining logs) and report (a self-contained HTML page)."""

from __future__ import annotations

import json
from typing import Any, cast

import click

from negotiation.cli import main
from negotiation.cli.common import FORMAT_VERSION, echo_json, input_errors
from negotiation.cli.packs import PACK
from negotiation.errors import shown_file

__all__ = ["export", "report"]

_EXPORT_FORMATS = ("csv", "parquet", "plover", "acled", "xes", "ocel")
#: the file names each format is usually given (another is written, with a warning)
_SUFFIXES = {
    "csv": (".csv",),
    "parquet": (".parquet", ".pq"),
    "plover": (".jsonl", ".json"),
    "acled": (".csv",),
    "xes": (".xes",),
    "ocel": (".json", ".jsonocel"),
}


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
    warnings = []
    if not out.lower().endswith(_SUFFIXES[fmt]):
        usual = " or ".join(_SUFFIXES[fmt])
        warnings.append(
            f"{shown_file(str(out))} is written as {fmt}, whose files usually end in {usual}"
        )
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
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
                "warnings": warnings,
            }
        )
    else:
        click.echo(f"wrote {done.records} record(s) to {shown_file(str(out))} ({fmt})")
        if done.note:
            click.echo(f"note: {done.note}")


@main.command()
@click.argument("scenario", required=False, metavar="[SCENARIO]")
@PACK
@click.option("--out", type=click.Path(dir_okay=False), default="report.html", show_default=True,
              help="the HTML file to write")  # fmt: skip
@click.option(
    "--simulation",
    type=click.Path(dir_okay=False),
    default=None,
    help="a simulation result (the JSON of `negotiation simulate --json`) to chart",
)
@click.option("--json", "as_json", is_flag=True, help="print what was written as JSON")
@input_errors
def report(
    scenario: str | None, pack: str | None, out: str, simulation: str | None, as_json: bool
) -> None:
    """Write one self-contained HTML report (no network needed to open it) of a scenario's runs
    or a pack's record: timeline, citations, rejected events with their rule and provision,
    invariants, the diagram with the path taken, conflicts between sources."""
    from negotiation._internal import atomic
    from negotiation.render.report import ReportInput, report_html

    if (scenario is None) == (pack is None):
        raise click.UsageError("give a scenario file or --pack ID (one of them)")
    atomic.check_output(out)
    sim = _load_simulation(simulation) if simulation is not None else None
    inp = (
        ReportInput.from_pack(pack, sim)
        if pack is not None
        else ReportInput.from_scenario(str(scenario), sim)
    )
    page = report_html(inp)
    atomic.write_text(out, page)
    runs = [{"name": r.name, "passed": r.passed, **r.trace.summary()} for r in inp.runs]
    if as_json:
        echo_json(
            {
                "format_version": FORMAT_VERSION,
                "out": out,
                "title": inp.title,
                "model": inp.model.spec.id,
                "runs": runs,
                "conflicts": len(inp.conflicts),
                "simulation": simulation is not None,
                "bytes": len(page.encode("utf-8")),
            }
        )
    else:
        click.echo(
            f"wrote {shown_file(str(out))} ({len(inp.runs)} run(s), {len(inp.conflicts)} conflict(s))"
        )


def _load_simulation(path: str) -> dict[str, Any]:
    """The JSON of ``negotiation simulate --json``: a mapping with ``outcomes``."""
    from negotiation._internal import dockinds, jsondoc
    from negotiation.errors import InputError

    doc = jsondoc.load_json(path)  # a regular file within the limits (never a FIFO or a device)
    data = doc.data
    expected = (
        "expected the JSON of `negotiation simulate --json` (a mapping with "
        "'outcomes', each with 'p' and 'ci95', shares between 0 and 1)"
    )
    for key, want in _HEADER.items():  # shown as given above the chart: '-1 runs' was
        value = data.get(key) if isinstance(data, dict) else None
        if value is not None and not (isinstance(value, str) if want == "text" else _count(value)):
            got = json.dumps(value) if isinstance(value, int | float) else None
            got = got or dockinds.value_words(value)
            raise InputError(doc.problem((key,), f"expected {want}, got {got}"))
    outcomes = data.get("outcomes") if isinstance(data, dict) else None
    where: tuple[str | int, ...] = (
        ("outcomes",) if isinstance(data, dict) and "outcomes" in data else ()
    )
    if isinstance(outcomes, dict):
        for name, v in outcomes.items():
            where = ("outcomes", name)
            if not isinstance(v, dict):
                break
            if not _share(v.get("p")):  # a string in ci95 was a ValueError traceback
                where = (*where, "p") if "p" in v else where
                break
            ci = v.get("ci95")
            if not (isinstance(ci, list) and len(ci) == 2 and all(_share(x) for x in ci)):
                bad = [i for i, x in enumerate(ci) if not _share(x)] if isinstance(ci, list) else []
                where = (*where, "ci95") if "ci95" in v else where
                where = (*where, bad[0]) if bad else where
                break
            if not ci[0] - 1e-9 <= v["p"] <= ci[1] + 1e-9:  # was charted: an interval inside out
                interval = f"[{ci[0]}, {ci[1]}]"
                raise InputError(
                    doc.problem(
                        (*where, "ci95"),
                        f"the interval {interval} does not hold p {v['p']}: expected "
                        "[low, high] around p, as `negotiation simulate --json` writes it",
                    )
                )
        else:
            return cast(dict[str, Any], data)
    raise InputError(doc.problem(where, expected))


#: what the report shows of a simulation above its chart, and what each must be
_HEADER = {"runs": "a whole number, 0 or more", "seed": "a whole number, 0 or more"}
_HEADER |= {"policy": "text", "model": "text"}


def _count(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and x >= 0


def _share(x: object) -> bool:
    """A number from 0 to 1 (never a boolean, NaN or infinity)."""
    return isinstance(x, int | float) and not isinstance(x, bool) and 0 <= x <= 1
