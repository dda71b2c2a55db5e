"""The HTML report: one self-contained page (plotly.js embedded, no network needed) about a
scenario's runs or a pack's record, rendered from the jinja2 template shipped beside this module
(``templates/report.html.j2``).

Every figure on the page is computed here from the replay, the model, the event log and, when
given, a simulation (the JSON of ``negotiation simulate --json``): the timeline in swimlanes with
each event's citation, the rejected events with the rule and the provision that stopped them,
the invariants, the state diagram with the path taken, the conflicts between sources and the
outcome distribution. The same inputs give byte-identical pages::

    >>> page = report_html(ReportInput.from_pack("kenya-2007-2008"))
    >>> page.startswith("<!DOCTYPE html>") and "Kenya" in page
    True
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from negotiation._internal import files
from negotiation.errors import InputError
from negotiation.events import Conflict, Event
from negotiation.model.compiled import CompiledModel
from negotiation.render import charts
from negotiation.render.diagrams import mermaid, path_states
from negotiation.replay import Trace, replay

__all__ = ["ReportInput", "Run", "report_html"]

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Run:
    """One replay shown in the report: a scenario cell, or a pack's record."""

    name: str
    trace: Trace
    events: Sequence[Event]
    passed: bool | None = None  # None: no expectations (a pack's record)
    failures: Sequence[str] = ()


@dataclass(frozen=True)
class ReportInput:
    """What a report shows. ``outlets``: article id -> (outlet, publication date)."""

    title: str
    description: str
    source: str
    model: CompiledModel
    runs: Sequence[Run]
    conflicts: Sequence[Conflict] = ()
    outlets: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    simulation: Mapping[str, Any] | None = None

    @classmethod
    def from_pack(cls, pack_id: str, simulation: Mapping[str, Any] | None = None) -> ReportInput:
        """A pack's record replayed through its model."""
        from negotiation.export.records import ExportData
        from negotiation.packs import load_pack

        pack = load_pack(pack_id)
        compiled = pack.compile()
        data = ExportData.from_pack(pack_id)
        try:
            trace = replay(compiled, data.log)
        except InputError as exc:  # an event kind the model has no transition for: the log's
            from negotiation.model.compiler import name_files

            raise name_files(exc, str(pack.events_path)) from None
        return cls(
            title=pack.meta.title,
            description=pack.meta.description,
            source=f"pack {pack.id}",
            model=compiled,
            runs=[Run("the record", trace, data.log.events)],
            conflicts=data.log.conflicts,
            outlets=_outlets(data.articles),
            simulation=simulation,
        )

    @classmethod
    def from_scenario(
        cls, path: Path | str, simulation: Mapping[str, Any] | None = None
    ) -> ReportInput:
        """Every run (matrix cell) of a scenario file."""
        from negotiation.scenario import load_scenario, plan_scenario, run_cell

        loaded = load_scenario(path)
        cells = plan_scenario(loaded)
        results = [run_cell(c) for c in cells]
        base = _base_log(loaded.scenario.events, loaded.base_dir)
        conflicts: Sequence[Conflict] = ()
        outlets: dict[str, tuple[str, str]] = {}
        if base is not None:
            from negotiation.export.records import ExportData

            data = ExportData.from_log(base)
            conflicts, outlets = data.log.conflicts, _outlets(data.articles)
        return cls(
            title=loaded.scenario.name,
            description=loaded.scenario.description,
            source=f"scenario {Path(path).name}",
            model=cells[0].model.compiled,
            runs=[Run(r.name, r.trace, r.events, r.passed, r.failures) for r in results],
            conflicts=conflicts,
            outlets=outlets,
            simulation=simulation,
        )


def _outlets(articles: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    return {k: (m.outlet, m.published.isoformat()) for k, m in articles.items()}


def _base_log(events: Any, base_dir: Path) -> Path | None:
    """The log file a scenario's events come from (``None``: inline events)."""
    if not isinstance(events, str):
        return None
    if events == "builtin":
        from negotiation._internal.paths import seeds_dir

        return seeds_dir() / "events.yaml"
    path = base_dir / events
    return path / "events.yaml" if files.is_dir(path) else path


def _script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element (no ``</``, no ``<!--``)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _step_rows(inp: ReportInput, run: Run) -> list[dict[str, Any]]:
    by_id = {e.id: e for e in run.events}
    rows = []
    before = dict(run.trace.initial_regions)
    for s in run.trace.steps:
        if inp.model.spec.single_track:
            change = (
                f"{s.phase_before} → {s.phase_after}" if s.phase_before != s.phase_after else ""
            )
        else:
            change = "; ".join(
                f"{r}: {before.get(r)} → {state}"
                for r, state in s.regions.items()
                if before.get(r) != state
            )
        if s.accepted:
            before = dict(s.regions) or before
            # what it changed in the world too (seats reallocated change no region's state)
            change = "; ".join(x for x in (change, s.describe_changes()) if x)
        cite = charts.citation_of(by_id.get(s.event), inp.outlets)
        event = by_id.get(s.event)
        rows.append(
            {
                "step": s,
                "cite": cite,
                "sources": len(event.sources) if event else 0,
                "summary": event.summary if event else "",
                "provision": s.citation.cite() if s.citation else "",
                "change": change if s.accepted else "",
            }
        )
    return rows


def _invariants(inp: ReportInput, run: Run) -> list[dict[str, Any]]:
    spec = inp.model.spec
    broken: dict[str, list[str]] = {}
    for s in run.trace.steps:
        for v in s.violations:
            broken.setdefault(v.invariant, []).append(f"step {s.index} ({s.event}): {v.message}")
    from negotiation.model.library.invariants import INVARIANTS

    out = []
    for inv in spec.invariant_ids():
        written = next(
            (i for i in spec.invariants or () if not isinstance(i, str) and i.id == inv), None
        )
        summary = (
            written.summary if written else (INVARIANTS[inv].summary if inv in INVARIANTS else "")
        )
        provision = inp.model.provision(inv)
        out.append(
            {
                "id": inv,
                "summary": summary,
                "provision": provision.cite() if provision else "",
                "violations": broken.get(inv, []),
            }
        )
    return out


def _run_view(inp: ReportInput, k: int, run: Run) -> dict[str, Any]:
    spec = inp.model.spec
    rows = _step_rows(inp, run)
    return {
        "index": k,
        "name": run.name,
        "passed": run.passed,
        "failures": list(run.failures),
        "trace": run.trace,
        "summary": run.trace.summary(),
        "rows": rows,
        "rejected": [r for r in rows if not r["step"].accepted],
        "invariants": _invariants(inp, run),
        "paths": {r: " → ".join(states) for r, states in path_states(spec, run.trace).items()},
        "timeline": _script_json(charts.timeline(spec, run.trace, run.events, inp.outlets)),
        "diagram": _script_json(charts.state_diagram(spec, run.trace)),
        "mermaid": mermaid(spec, run.trace),
    }


@functools.cache
def _template() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("negotiation.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template("report.html.j2")


@functools.cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return str(get_plotlyjs())


def report_html(inp: ReportInput) -> str:
    """The report page."""
    sim = inp.simulation
    return str(
        _template().render(
            format_version=FORMAT_VERSION,
            title=inp.title,
            description=inp.description,
            source=inp.source,
            model=inp.model,
            runs=[_run_view(inp, k, r) for k, r in enumerate(inp.runs)],
            conflicts=inp.conflicts,
            outlets=inp.outlets,
            simulation=sim,
            outcome_chart=_script_json(charts.outcome_chart(sim)) if sim else "",
            plotly_js=_plotly_js(),
        )
    )
