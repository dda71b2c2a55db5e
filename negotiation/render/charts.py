"""The report's charts as plotly.js figures (plain dictionaries: ``data`` and ``layout``), every
value computed from a trace, a model or a simulation:

- :func:`timeline`: the events of a replay in swimlanes (the phases of a single-track model, the
  regions of a model of several), accepted, accepted without a change and rejected apart; the
  citation of each event in its hover text and ``customdata`` (shown in full on click);
- :func:`state_diagram`: the model's states region by region, transitions as arcs (forward
  above, backward below), the states and transitions the replay went through highlighted;
- :func:`outcome_chart`: a simulation's outcome probabilities with their 95% intervals.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from negotiation.events import Event
from negotiation.model.spec import ModelSpec
from negotiation.render.diagrams import edges, path_states
from negotiation.replay import Step, Trace

__all__ = ["citation_of", "outcome_chart", "state_diagram", "timeline"]

ACCEPTED = "#1f77b4"
UNCHANGED = "#8c8c8c"
REJECTED = "#d62728"
PATH = "#f4a259"
CURRENT = "#b35900"
IDLE = "#d9d9d9"
NO_CHANGE = "(no state change)"
REJECTED_LANE = "(rejected)"


def _wrap(text: str, width: int = 80) -> str:
    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width)) or ""


def citation_of(event: Event | None, outlets: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    """The first source of ``event``: quote, article id, outlet and publication date."""
    if event is None or not event.sources:
        return {"quote": "", "article": "", "outlet": "", "published": ""}
    c = event.sources[0]
    outlet, published = outlets.get(c.article, ("", ""))
    return {"quote": c.quote, "article": c.article, "outlet": outlet, "published": published}


def _verdict(s: Step) -> str:
    if s.accepted:
        return (
            "accepted" if s.phase_before == s.phase_after else f"{s.phase_before} → {s.phase_after}"
        )
    return f"rejected by {s.rejected_by}: {s.reason or ''}"


def _lanes(spec: ModelSpec, trace: Trace, s: Step, before: Mapping[str, str]) -> list[str]:
    if spec.single_track:
        return [s.phase_after if s.accepted else s.phase_before]
    if not s.accepted:
        return [REJECTED_LANE]
    changed = [r for r, state in s.regions.items() if before.get(r) != state]
    return changed or [NO_CHANGE]


def timeline(
    spec: ModelSpec,
    trace: Trace,
    events: Sequence[Event],
    outlets: Mapping[str, tuple[str, str]],
) -> dict[str, Any]:
    """The events of ``trace`` by date, in swimlanes."""
    by_id = {e.id: e for e in events}
    groups: dict[str, dict[str, list[Any]]] = {
        name: {"x": [], "y": [], "text": [], "customdata": []}
        for name in ("state changed", "accepted, no change of state", "rejected")
    }
    before = dict(trace.initial_regions)
    for s in trace.steps:
        cite = citation_of(by_id.get(s.event), outlets)
        group = (
            "rejected"
            if not s.accepted
            else ("state changed" if s.regions != before or s.phase_before != s.phase_after
                  else "accepted, no change of state")
        )  # fmt: skip
        hover = (
            f"<b>{html.escape(s.event)}</b><br>{s.date} · {html.escape(s.kind)}<br>"
            f"{_wrap(_verdict(s))}<br><i>“{_wrap(cite['quote'])}”</i><br>"
            f"{html.escape(cite['outlet'])} {cite['published']} ({html.escape(cite['article'])})"
        )
        data = [s.index, s.event, s.date, s.kind, _verdict(s), *cite.values()]
        for lane in _lanes(spec, trace, s, before):
            g = groups[group]
            g["x"].append(s.date)
            g["y"].append(lane)
            g["text"].append(hover)
            g["customdata"].append(data)
        if s.accepted:
            before = dict(s.regions)
    lanes = (
        [st.id for st in spec.regions[0].states]
        if spec.single_track
        else [*trace.region_ids, NO_CHANGE, REJECTED_LANE]
    )
    styles = {
        "state changed": {"color": ACCEPTED, "symbol": "circle", "size": 11},
        "accepted, no change of state": {"color": UNCHANGED, "symbol": "circle-open", "size": 9},
        "rejected": {"color": REJECTED, "symbol": "x", "size": 12},
    }
    data = [
        {
            "type": "scatter",
            "mode": "markers",
            "name": name,
            "x": g["x"],
            "y": g["y"],
            "text": g["text"],
            "customdata": g["customdata"],
            "hovertemplate": "%{text}<extra></extra>",
            "marker": styles[name],
        }
        for name, g in groups.items()
    ]
    return {
        "data": data,
        "layout": {
            "height": max(260, 40 * len(lanes) + 120),
            "margin": {"l": 170, "r": 20, "t": 30, "b": 40},
            "xaxis": {"type": "date", "title": {"text": "date"}},
            "yaxis": {
                "type": "category",
                "categoryorder": "array",
                "categoryarray": list(reversed(lanes)),
                "range": [-0.5, len(lanes) - 0.5],
            },
            "hoverlabel": {"align": "left"},
            "legend": {"orientation": "h", "y": 1.08},
        },
    }


def _arc(x0: float, x1: float, y: float, steps: int = 16) -> tuple[list[float], list[float]]:
    """Points of an arc from (x0, y) to (x1, y): above when going right, below going left."""
    height = 0.12 + 0.06 * abs(x1 - x0)
    sign = 1 if x1 > x0 else -1
    xs, ys = [], []
    for k in range(steps + 1):
        t = k / steps
        xs.append(round(x0 + (x1 - x0) * t, 4))
        ys.append(round(y + sign * height * 4 * t * (1 - t), 4))
    return xs, ys


def _highlights(
    spec: ModelSpec, trace: Trace | None
) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    """(region, state) the trace ended in, and (region, from, to) of every move it made."""
    finals: set[tuple[str, str]] = set()
    taken: set[tuple[str, str, str]] = set()
    if trace is None:
        return finals, taken
    template = {r: (spec.regions[0].id if spec.single_track else r.split(".", 1)[0])
                for r in trace.region_ids}  # fmt: skip
    finals = {(template.get(r, r), s) for r, s in trace.final_regions.items()}
    before = dict(trace.initial_regions)
    for step in trace.steps:
        for r, s in step.regions.items():
            if before.get(r) not in (None, s):
                taken.add((template.get(r, r), before[r], s))
        before = dict(step.regions) or before
    return finals, taken


def _diagram_traces(
    lines: dict[bool, tuple[list[float | None], list[float | None]]],
    labels: dict[str, list[Any]],
    nodes: dict[str, list[Any]],
) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "mode": "lines",
            "name": "path taken" if hot else "transition",
            "x": lines[hot][0],
            "y": lines[hot][1],
            "hoverinfo": "skip",
            "line": {"color": CURRENT if hot else "#b0b0b0", "width": 4 if hot else 1},
        }
        for hot in (False, True)
    ]
    data.append(
        {
            "type": "scatter",
            "mode": "markers",
            "name": "transition (hover: kinds and rules)",
            "x": labels["x"],
            "y": labels["y"],
            "text": labels["text"],
            "hovertemplate": "%{text}<extra></extra>",
            "marker": {"size": 6, "color": "#7f7f7f"},
        }
    )
    data.append(
        {
            "type": "scatter",
            "mode": "markers+text",
            "name": "state (orange: visited, dark: final)",
            "x": nodes["x"],
            "y": nodes["y"],
            "text": nodes["text"],
            "customdata": nodes["hover"],
            "textposition": "bottom center",
            "hovertemplate": "%{customdata}<extra></extra>",
            "marker": {
                "size": 22,
                "color": nodes["color"],
                "line": {"color": "#333333", "width": nodes["line"]},
            },
        }
    )
    return data


def state_diagram(spec: ModelSpec, trace: Trace | None) -> dict[str, Any]:
    """The model's states (one row per region) and transitions, the replay's path highlighted."""
    visited = path_states(spec, trace)
    finals, taken = _highlights(spec, trace)
    nodes: dict[str, list[Any]] = {
        "x": [],
        "y": [],
        "text": [],
        "hover": [],
        "color": [],
        "line": [],
    }
    lines: dict[bool, tuple[list[float | None], list[float | None]]] = {
        False: ([], []),
        True: ([], []),
    }
    labels: dict[str, list[Any]] = {"x": [], "y": [], "text": []}
    for row, region in enumerate(spec.regions):
        y = -1.2 * row
        pos = {st.id: i for i, st in enumerate(region.states)}
        for (a, b), kinds in edges(spec, region.id).items():
            xs, ys = _arc(pos[a], pos[b], y)
            hot = (region.id, a, b) in taken
            lines[hot][0].extend([*xs, None])
            lines[hot][1].extend([*ys, None])
            labels["x"].append(xs[len(xs) // 2])
            labels["y"].append(ys[len(ys) // 2])
            labels["text"].append(html.escape(f"{a} → {b}: " + ", ".join(kinds)))
        for st in region.states:
            on_path = st.id in visited.get(region.id, [])
            end = (region.id, st.id) in finals
            nodes["x"].append(pos[st.id])
            nodes["y"].append(y)
            # every other label one line lower, so that long neighbours do not overlap
            nodes["text"].append(st.id if pos[st.id] % 2 == 0 else f"<br>{st.id}")
            nodes["hover"].append(
                html.escape(f"{region.id}: {st.id}") + "<br>" + _wrap(st.description or "")
            )
            nodes["color"].append(CURRENT if end else (PATH if on_path else IDLE))
            nodes["line"].append(3 if on_path else 1)
    rows = len(spec.regions)
    width = max(len(r.states) for r in spec.regions)
    return {
        "data": _diagram_traces(lines, labels, nodes),
        "layout": {
            "height": 220 + 190 * rows,
            "margin": {"l": 130, "r": 20, "t": 30, "b": 30},
            "showlegend": True,
            "legend": {"orientation": "h", "y": 1.08},
            "xaxis": {"visible": False, "range": [-0.8, width - 0.2]},
            "yaxis": {
                "tickmode": "array",
                "tickvals": [-1.2 * i for i in range(rows)],
                "ticktext": [r.id for r in spec.regions],
                "range": [-1.2 * (rows - 1) - 0.9, 0.9],
                "zeroline": False,
                "showgrid": False,
            },
        },
    }


def outcome_chart(simulation: Mapping[str, Any]) -> dict[str, Any]:
    """Bars of each outcome's probability over the runs, with the 95% Wilson interval."""
    outcomes: Mapping[str, Mapping[str, Any]] = simulation.get("outcomes", {})
    names = list(outcomes)
    p = [float(outcomes[n]["p"]) for n in names]
    lo = [
        max(0.0, round(v - float(outcomes[n]["ci95"][0]), 6)) for v, n in zip(p, names, strict=True)
    ]
    hi = [
        max(0.0, round(float(outcomes[n]["ci95"][1]) - v, 6)) for v, n in zip(p, names, strict=True)
    ]
    return {
        "data": [
            {
                "type": "bar",
                "x": names,
                "y": p,
                "error_y": {"type": "data", "symmetric": False, "array": hi, "arrayminus": lo},
                "marker": {"color": ACCEPTED},
                "hovertemplate": "%{x}: p=%{y}<extra></extra>",
            }
        ],
        "layout": {
            "height": 320,
            "margin": {"l": 60, "r": 20, "t": 30, "b": 80},
            "yaxis": {"title": {"text": "share of runs"}, "range": [0, 1]},
        },
    }
