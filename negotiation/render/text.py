"""Reports as text: traces step by step, and what a replay observed beside the model.

The diagrams live in :mod:`negotiation.render.diagrams` (re-exported here as before).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from negotiation.model.spec import ModelSpec
from negotiation.render.diagrams import dot, mermaid
from negotiation.render.diagrams import edges as _edges
from negotiation.replay import Step, Trace

__all__ = ["derive", "derive_json", "dot", "mermaid", "render_step", "render_trace"]


def render_step(s: Step, *, citations: bool = True) -> list[str]:
    arrow = (
        s.phase_before
        if s.phase_before == s.phase_after
        else f"{s.phase_before} -> {s.phase_after}"
    )
    if s.accepted:
        verdict = "accepted"
    elif s.rejected_by == "not_enabled":
        verdict = f"REJECTED (not enabled): {s.reason}"
    else:
        verdict = f"REJECTED by {s.rejected_by}: {s.reason}"
    lines = [f"{s.index:>3}  {s.date}  {s.event:<44} {arrow:<34} {verdict}"]
    if s.assumed_order and s.event == s.assumed_order[0]:
        # once a run, at its first step: the day's verdicts rest on the order the log gives
        lines.append(
            f"{'':>17}the verdicts of this day depend on the order of its events; "
            f"assumed (the log's): {', '.join(s.assumed_order)}"
        )
    if citations and s.citation is not None:
        lines.append(f"{'':>17}cites {s.citation.cite()}")
    if s.accepted and (changes := s.describe_changes()):
        # what the step did to the world: seats reallocated change no region's state
        lines.append(f"{'':>17}world: {changes}")
    for v in s.violations:
        lines.append(f"{'':>17}{v.label()}: {v.message}")
        if citations and v.citation is not None:
            lines.append(f"{'':>17}cites {v.citation.cite()}")
    return lines


def render_trace(trace: Trace, *, steps: bool = True) -> str:
    head = (
        f"model {trace.model} · profile {trace.profile} · "
        f"interpretation {trace.interpretation or '-'}"
    )
    lines = [head]
    if steps:
        lines.append(f"{'#':>3}  {'date':<10}  {'event':<44} {'phase':<34} result")
        for s in trace.steps:
            lines += render_step(s)
    dev = trace.first_deviation
    lines.append(
        f"conformance {trace.accepted}/{trace.total} ({trace.conformance:.1%}) · first deviation: "
        f"{'none' if dev is None else f'step {dev} ({trace.steps[dev].event})'} · "
        f"final phase: {trace.final_phase}"
    )
    n = len(trace.violations)
    lines.append("invariants: all hold" if n == 0 else f"invariants: {n} violation(s)")
    lines.append("phases: " + " -> ".join(trace.phases()))
    return "\n".join(lines) + "\n"


def _observed_edges(trace: Trace) -> set[tuple[str, str]]:
    """The state changes a replay made, as the model's edges name them: whole phases, and on a
    model of concurrent regions each region's own change (``sitting -> dissolved``)."""
    out: set[tuple[str, str]] = set()
    before = dict(trace.initial_regions)
    for s in trace.steps:
        if s.accepted and s.phase_before != s.phase_after:
            out.add((s.phase_before, s.phase_after))
        if s.accepted:
            out |= {
                (before[r], state)
                for r, state in s.regions.items()
                if before.get(r, state) != state
            }
        before.update(s.regions)
    return out


def derive(spec: ModelSpec, traces: Iterable[Trace]) -> str:
    """The phase path observed in replays, transition counts and the events behind them."""
    counts: Counter[tuple[str, str, str]] = Counter()
    behind: dict[tuple[str, str, str], list[str]] = {}
    lines: list[str] = []
    observed: set[tuple[str, str]] = set()
    for trace in traces:
        observed |= _observed_edges(trace)
        lines.append("observed phases: " + " -> ".join(trace.phases()))
        for s in trace.steps:
            if s.accepted and s.phase_before != s.phase_after:
                key = (s.phase_before, s.phase_after, s.kind)
                counts[key] += 1
                behind.setdefault(key, []).append(s.event)
        kinds = Counter(s.kind for s in trace.steps)
        stays = Counter(
            s.kind for s in trace.steps if s.accepted and s.phase_before == s.phase_after
        )
        rejected = [s for s in trace.steps if not s.accepted]
        lines.append(f"events: {trace.total} ({trace.accepted} accepted, {len(rejected)} rejected)")
        lines.append("phase changes (observed):")
        for (a, b, k), c in counts.items():
            lines.append(f"  {a} -> {b} on {k} x{c}: {', '.join(behind[(a, b, k)])}")
        lines.append(
            "events within a phase: " + ", ".join(f"{k} x{c}" for k, c in sorted(stays.items()))
        )
        for s in rejected:
            lines.append(f"  rejected: {s.event} ({s.kind}) in {s.phase_before}: {s.reason}")
        unused = sorted(spec.handled_kinds() - set(kinds.keys()))
        lines.append("model kinds not in the log: " + (", ".join(unused) or "none"))
    model_edges = {
        edge: labels for r in spec.region_ids() for edge, labels in _edges(spec, r).items()
    }
    seen = sum(1 for edge in model_edges if edge in observed)
    lines.append(f"model phase changes: {len(model_edges)}; observed in the log: {seen}")
    for (a, b), labels in model_edges.items():
        mark = "observed" if (a, b) in observed else "not observed"
        lines.append(f"  {a} -> {b} ({', '.join(labels)}): {mark}")
    return "\n".join(lines) + "\n"


def derive_json(spec: ModelSpec, trace: Trace) -> dict[str, Any]:
    """What :func:`derive` reports, as data: the observed path, the phase changes with the
    events behind them, rejections, the model's kinds absent from the log and its phase
    changes never observed."""
    changes: dict[tuple[str, str, str], list[str]] = {}
    for s in trace.steps:
        if s.accepted and s.phase_before != s.phase_after:
            changes.setdefault((s.phase_before, s.phase_after, s.kind), []).append(s.event)
    observed = _observed_edges(trace)
    model_edges = {
        edge: labels for r in spec.region_ids() for edge, labels in _edges(spec, r).items()
    }
    return {
        "format_version": 1,
        "model": spec.id,
        "observed_phases": trace.phases(),
        "events": trace.total,
        "accepted": trace.accepted,
        "phase_changes": [
            {"from": a, "to": b, "kind": k, "count": len(ev), "events": ev}
            for (a, b, k), ev in changes.items()
        ],
        "rejected": [
            {"event": s.event, "kind": s.kind, "phase": s.phase_before, "reason": s.reason or ""}
            for s in trace.steps
            if not s.accepted
        ],
        "kinds_not_in_log": sorted(spec.handled_kinds() - {s.kind for s in trace.steps}),
        "model_phase_changes": [
            {"from": a, "to": b, "labels": labels, "observed": (a, b) in observed}
            for (a, b), labels in model_edges.items()
        ],
    }
