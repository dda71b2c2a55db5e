"""Notebook views: short HTML tables for ``_repr_html_`` of the library's result objects
(:class:`~negotiation.replay.Trace`, :class:`~negotiation.events.EventLog`, a scenario's
:class:`~negotiation.scenario.CellResult`, :class:`~negotiation.explore.Exploration`,
:class:`~negotiation.simulate.Simulation`) and the pandas frames of ``to_pandas()``.

A view shows the figures and at most :data:`MAX_ROWS` rows, so that a notebook cell stays
small whatever the size of the object::

    >>> from negotiation import load_event_log
    >>> "<table" in event_log_html(load_event_log())
    True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from negotiation.events import EventLog
    from negotiation.explore.results import Exploration
    from negotiation.replay import Trace
    from negotiation.scenario import CellResult
    from negotiation.simulate import Simulation

__all__ = [
    "MAX_ROWS",
    "STEP_COLUMNS",
    "cell_result_html",
    "data_frame",
    "event_log_html",
    "exploration_html",
    "simulation_html",
    "step_rows",
    "trace_html",
]

MAX_ROWS = 30
STEP_COLUMNS = (
    "index",
    "event",
    "kind",
    "date",
    "phase_before",
    "phase_after",
    "accepted",
    "rejected_by",
    "reason",
    "violation_count",
    "source_article",
    "source_quote",
)


def data_frame(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Any:
    """A pandas DataFrame of ``rows`` (pandas: ``pip install 'negotiation[tables]'``)."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is in the test extra
        raise ImportError("to_pandas() needs pandas: pip install 'negotiation[tables]'") from None
    return pd.DataFrame.from_records([dict(r) for r in rows], columns=list(columns))


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], total: int | None = None) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
        for row in rows[:MAX_ROWS]
    )
    n = len(rows) if total is None else total
    more = f"<p>… {n - MAX_ROWS} more row(s)</p>" if n > MAX_ROWS else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def _figures(title: str, figures: Mapping[str, Any]) -> str:
    items = " · ".join(
        f"{html.escape(k)}: <b>{html.escape(str(v))}</b>" for k, v in figures.items()
    )
    return f"<p><b>{html.escape(title)}</b><br>{items}</p>"


def step_rows(trace: Trace) -> list[dict[str, Any]]:
    """One row per step (:data:`STEP_COLUMNS`), with the step's first source and quote."""
    return [
        {
            "index": s.index,
            "event": s.event,
            "kind": s.kind,
            "date": s.date,
            "phase_before": s.phase_before,
            "phase_after": s.phase_after,
            "accepted": s.accepted,
            "rejected_by": s.rejected_by or "",
            "reason": s.reason or "",
            "violation_count": len(s.violations),
            "source_article": s.sources[0].article if s.sources else "",
            "source_quote": s.sources[0].quote if s.sources else "",
        }
        for s in trace.steps
    ]


def trace_html(trace: Trace) -> str:
    rows = [
        [s.index, s.date, s.event, "accepted" if s.accepted else f"rejected by {s.rejected_by}",
         s.phase_after, s.sources[0].quote if s.sources else ""]
        for s in trace.steps
    ]  # fmt: skip
    return _figures(f"Trace of {trace.model}", trace.summary()) + _table(
        ["#", "date", "event", "result", "after", "quote"], rows
    )


def event_log_html(log: EventLog) -> str:
    rows = [
        [e.date.isoformat(), e.id, e.kind, e.sources[0].quote if e.sources else "",
         e.sources[0].article if e.sources else ""]
        for e in log.events
    ]  # fmt: skip
    figures = {"events": len(log.events), "conflicts": len(log.conflicts)}
    return _figures(f"Event log {log.dispute}".strip(), figures) + _table(
        ["date", "event", "kind", "quote", "article"], rows
    )


def cell_result_html(result: CellResult) -> str:
    status = "expectations met" if result.passed else "expectations NOT met"
    failures = "".join(f"<li>{html.escape(f)}</li>" for f in result.failures)
    return (
        f"<p><b>{html.escape(result.name)}</b> ({html.escape(result.file)}): {status}</p>"
        + (f"<ul>{failures}</ul>" if failures else "")
        + trace_html(result.trace)
    )


def exploration_html(exploration: Exploration) -> str:
    e = exploration
    figures = {
        "states": e.distinct_states,
        "depth": e.max_depth,
        "complete": e.complete,
        "stopped": e.stopped,
    }
    rows = [["outcome", f.id, f.depth] for f in e.outcomes]
    rows += [[f"{f.type} violated", f.id, f.depth] for f in e.violations]
    return _figures(f"Exploration of {e.model}", figures) + _table(
        ["found", "what", "events to reach it"], rows
    )


def simulation_html(simulation: Simulation) -> str:
    s = simulation
    figures = {"runs": s.runs, "seed": s.seed, "policy": s.policy, "complete": s.complete}
    rows = [
        [name, o["n"], o["p"], f"{o['ci95'][0]}–{o['ci95'][1]}", o["median_days"]]
        for name, o in s.outcomes.items()
    ]
    return _figures(f"Simulation of {s.model}", figures) + _table(
        ["outcome", "runs", "p", "95% interval", "median days"], rows
    )
