"""Commands: run (scenarios), replay (an event log), graph, derive, schema."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from negotiation.cli import main
from negotiation.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    FORMAT_VERSION,
    check_interpretation,
    echo_json,
    input_errors,
    to_json,
)
from negotiation.cli.packs import PACK, event_log, load_log, pack_files, warn_mismatch
from negotiation.errors import InputError
from negotiation.model.machine import DisputeModel
from negotiation.model.spec import load_spec
from negotiation.render.diagrams import DIAGRAMS, path_states
from negotiation.render.text import derive as derive_report
from negotiation.render.text import derive_json, render_trace
from negotiation.replay import replay as replay_log
from negotiation.scenario import (
    CellResult,
    failure_report,
    plan_files,
    run_cell,
    scenario_files,
)

MODEL = click.option("--model", "model", default=None, help="model spec file (default: built-in)")
PROFILE = click.option("--profile", default=None, help="constitution profile file or name")
INTERP = click.option("--interpretation", default=None, help="a named interpretation")


def _result_json(r: CellResult) -> dict[str, Any]:
    return {
        "scenario": r.scenario,
        "cell": r.cell,
        "file": r.file,
        "passed": r.passed,
        "failures": r.failures,
        "notes": [str(n) for n in r.notes],
        **r.trace.summary(),
        "trace": r.trace.to_json(),
        **({"simulation": simulation_json(r)} if r.simulation is not None else {}),
    }


def simulation_json(r: CellResult) -> dict[str, Any]:
    """A cell's simulation (runs, seed, policy, outcomes) and its claims' verdicts."""
    sim = r.simulation.to_json()
    keep = ("model", "policy", "start", "runs", "requested", "seed", "complete", "outcomes")
    return {
        **{k: sim[k] for k in keep},
        "violations": sim["violations"],
        "claims": [c.to_json() for c in r.claims or ()],
    }


def _echo_claims(r: CellResult) -> None:
    if r.simulation is None:
        return
    s = r.simulation
    click.echo(f"simulation: {s.runs} runs under policy {s.policy!r}, seed {s.seed}")
    for c in r.claims or ():
        verdict = "met" if c.passed else "NOT MET"
        click.echo(
            f"  {c.claim.text}: p = {c.p:.4f}, {c.confidence:.0%} interval "
            f"[{c.low:.4f}, {c.high:.4f}]: {verdict}"
        )


@main.command()
@click.argument("paths", nargs=-1)
@PACK
@click.option("--json", "as_json", is_flag=True, help="print results as JSON")
@click.option("--junit", type=click.Path(dir_okay=False), help="also write a JUnit XML report")
@click.option("--quiet", "-q", is_flag=True, help="no step-by-step table")
@input_errors
def run(
    paths: tuple[str, ...], pack: str | None, as_json: bool, junit: str | None, quiet: bool
) -> None:
    """Run scenario files (files, directories, globs; with --pack, the pack's scenarios too).
    Exit 0 when every expectation is met, 1 when some are not, 2 on invalid input."""
    if pack is not None:
        from negotiation.packs import load_pack

        paths = (*paths, str(load_pack(pack).scenarios_dir))
    if not paths:
        raise click.UsageError("give scenario files, directories or globs, or --pack")
    if junit:
        from negotiation._internal import atomic
        from negotiation.render.junit import junit_xml

        atomic.check_output(junit)  # before any work
    planned = plan_files(paths)  # every invalid file is reported before anything runs
    results: list[CellResult] = [run_cell(p) for p in planned]
    if junit:
        atomic.write_text(junit, junit_xml(results))
    failed = [r for r in results if not r.passed]
    if as_json:
        echo_json(
            {
                "format_version": FORMAT_VERSION,
                "passed": len(results) - len(failed),
                "failed": len(failed),
                "results": [_result_json(r) for r in results],
            }
        )
    else:
        for r in results:
            click.echo(f"== {r.name}  ({r.file})")
            for n in r.notes:
                click.echo(f"note: {n}")
            if r.passed or quiet:
                click.echo(render_trace(r.trace, steps=not quiet), nl=False)
                _echo_claims(r)
            if r.passed:
                click.echo("expectations: met")
            elif quiet:
                click.echo("expectations: NOT MET")
                for msg in r.failures:
                    click.echo(f"  - {msg}")
            else:  # the unmet expectations, what changed at each step, the sources involved
                click.echo(failure_report(r), nl=False)
            click.echo()
        click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


def _replay_file(model: DisputeModel, log: Any, events: str | None) -> Any:
    """The replay of ``log``; an input error about it (an event kind the model has no
    transition for) names the log's file."""
    from negotiation.events.log import log_file
    from negotiation.model.compiler import name_files

    try:
        return replay_log(model, log)
    except InputError as exc:
        raise name_files(exc, str(log_file(events))) from None


@main.command()
@event_log("events")
@PACK
@MODEL
@PROFILE
@INTERP
@click.option("--json", "as_json", is_flag=True)
@input_errors
def replay(
    events: str | None,
    pack: str | None,
    model: str | None,
    profile: str | None,
    interpretation: str | None,
    as_json: bool,
) -> None:
    """Replay an event log (default: the built-in Cambodian record, or the pack's) through
    the model."""

    model, profile, events = pack_files(pack, model, profile, events)
    check_interpretation(model, profile, interpretation)
    log = load_log(events)
    warn_mismatch(model, log, events)
    trace = _replay_file(DisputeModel(model, profile, interpretation), log, events)
    if as_json:
        echo_json(trace.to_json())
    else:
        click.echo(render_trace(trace), nl=False)


@main.command()
@PACK
@MODEL
@click.option(
    "--format", "fmt", type=click.Choice(sorted(DIAGRAMS)), default="mermaid", show_default=True
)
@click.option(
    "--highlight",
    "highlight",
    default=None,
    metavar="SCENARIO",
    help="draw the path of this scenario's run (its first cell) on its model",
)
@click.option("--out", type=click.Path(dir_okay=False), help="write to a file instead")
@click.option("--json", "as_json", is_flag=True, help="print the diagram inside a JSON object")
@input_errors
def graph(
    pack: str | None,
    model: str | None,
    fmt: str,
    highlight: str | None,
    out: str | None,
    as_json: bool,
) -> None:
    """Print the model's state diagram (Mermaid by default; no Graphviz needed); with
    --highlight SCENARIO, the scenario's model with the path its run took."""
    trace = None
    if highlight is not None:
        if model is not None or pack is not None:
            raise click.UsageError(
                "--highlight draws the scenario's own model: drop --model/--pack"
            )
        cells = plan_files([highlight])
        if not cells:
            raise click.BadParameter(f"no scenario in {highlight}", param_hint="'--highlight'")
        spec, trace = cells[0].model.spec, run_cell(cells[0]).trace
    else:
        model, _, _ = pack_files(pack, model)
        spec = load_spec(model)
    text = DIAGRAMS[fmt](spec, trace)
    if out:
        from negotiation._internal import atomic

        atomic.write_text(out, text)
    if as_json:
        path = path_states(spec, trace) if trace is not None else {}
        echo_json(
            {
                "format_version": FORMAT_VERSION,
                "model": spec.id,
                "format": fmt,
                "highlight": highlight,
                "path": path,
                "diagram": text,
                "out": out,
            }
        )
    elif not out:
        click.echo(text, nl=False)


@main.command()
@event_log("events")
@PACK
@MODEL
@PROFILE
@INTERP
@click.option("--json", "as_json", is_flag=True, help="print the result as JSON")
@input_errors
def derive(
    events: str | None,
    pack: str | None,
    model: str | None,
    profile: str | None,
    interpretation: str | None,
    as_json: bool,
) -> None:
    """The phase path observed in an event log, beside the model's transitions."""

    model, profile, events = pack_files(pack, model, profile, events)
    check_interpretation(model, profile, interpretation)
    m = DisputeModel(model, profile, interpretation)
    log = load_log(events)
    warn_mismatch(model, log, events)
    trace = _replay_file(m, log, events)
    if as_json:
        echo_json(derive_json(m.spec, trace))
    else:
        click.echo(derive_report(m.spec, [trace]), nl=False)


SCHEMA_URL = "https://negotiation.invalid/schema/{}.json"

#: the file kinds `negotiation schema` prints (the first four also shipped in schema/)
SCHEMA_KINDS = (
    *("scenario", "model", "events", "profile"),
    *("actors", "articles", "vocabulary", "pack", "policy", "sweep"),
)


def json_schema(kind: str) -> dict[str, Any]:
    from negotiation.corpus.metadata import ArticlesFile
    from negotiation.events import EventLog
    from negotiation.events.log import ActorsFile
    from negotiation.events.vocabulary import VocabularyFile
    from negotiation.model.profile import Profile
    from negotiation.model.spec import ModelSpec
    from negotiation.packs import PackFile
    from negotiation.scenario import Scenario
    from negotiation.simulate.policy import PolicyFile
    from negotiation.simulate.sweep import SweepFile

    models: dict[str, Any] = {
        "scenario": Scenario,
        "model": ModelSpec,
        "events": EventLog,
        "profile": Profile,
        # the other files of a pack: added after the four above, in the order a pack needs them
        "actors": ActorsFile,
        "articles": ArticlesFile,
        "vocabulary": VocabularyFile,
        "pack": PackFile,
        "policy": PolicyFile,
        "sweep": SweepFile,
    }
    schema: dict[str, Any] = models[kind].model_json_schema(by_alias=True)
    if kind == "events":  # what `negotiation events --json` prints is a log too
        from negotiation.events.log import FORMAT_VERSION

        schema["properties"] = {
            "format_version": {"const": FORMAT_VERSION, "title": "Format Version"},
            **schema["properties"],
        }
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_URL.format(kind)
    return schema


@main.command()
@click.argument("kind", type=click.Choice(SCHEMA_KINDS))
@click.option("--out", type=click.Path(dir_okay=False), help="write to a file instead")
@click.option("--json", "as_json", is_flag=True, help="print {format_version, kind, schema}")
@input_errors
def schema(kind: str, out: str | None, as_json: bool) -> None:
    """Print the JSON Schema of a file kind (for editors: yaml-language-server $schema)."""
    found = json_schema(kind)
    text = json.dumps(found, indent=2, ensure_ascii=False) + "\n"
    if out:
        from negotiation._internal import atomic

        atomic.write_text(out, text)
    if as_json:
        echo_json({"format_version": FORMAT_VERSION, "kind": kind, "out": out, "schema": found})
    elif not out:
        click.echo(text, nl=False)


__all__ = [
    "graph",
    "json_schema",
    "run",
    "scenario_files",
    "schema",
    "simulation_json",
    "to_json",
]
