"""Reports: traces as text, models as Mermaid or Graphviz diagrams.

>>> from negotiation.model.spec import load_spec
>>> print(mermaid(load_spec()).splitlines()[0])
stateDiagram-v2
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from negotiation.model.spec import ModelSpec
from negotiation.replay import Step, Trace

__all__ = ["derive", "dot", "mermaid", "render_step", "render_trace"]


def _edges(spec: ModelSpec) -> dict[tuple[str, str], list[str]]:
    """(from, to) -> kinds, for the transitions that change phase, in spec order."""
    edges: dict[tuple[str, str], list[str]] = {}
    for t in spec.transitions:
        if t.to is None:
            continue
        for s in spec.sources(t):
            if s != t.to:
                label = t.kind.value + (f" [{', '.join(t.guards)}]" if t.guards else "")
                kinds = edges.setdefault((s, t.to), [])
                if label not in kinds:
                    kinds.append(label)
    return edges


def mermaid(spec: ModelSpec) -> str:
    """A Mermaid ``stateDiagram-v2`` of the phases; guards in brackets on the edges."""
    lines = ["stateDiagram-v2", f"    [*] --> {spec.initial}"]
    for phase in spec.phases:
        if phase.description:
            lines.append(f"    {phase.id} : {phase.description}")
    for (a, b), kinds in _edges(spec).items():
        lines.append(f"    {a} --> {b} : {'<br/>'.join(kinds)}")
    for p in spec.final_phases():
        lines.append(f"    {p} --> [*]")
    return "\n".join(lines) + "\n"


def dot(spec: ModelSpec) -> str:
    """A Graphviz ``digraph`` (no Graphviz needed to produce it)."""
    lines = [f'digraph "{spec.id}" {{', "  rankdir=LR;", "  node [shape=box, style=rounded];"]
    for phase in spec.phases:
        shape = ", peripheries=2" if phase.final else ""
        lines.append(f'  {phase.id} [label="{phase.id}"{shape}];')
    lines.append(f"  __start [shape=point]; __start -> {spec.initial};")
    for (a, b), kinds in _edges(spec).items():
        label = "\\n".join(kinds).replace('"', '\\"')
        lines.append(f'  {a} -> {b} [label="{label}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


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
    if citations and s.citation is not None:
        lines.append(f"{'':>17}cites {s.citation.cite()}")
    for v in s.violations:
        lines.append(f"{'':>17}INVARIANT {v.invariant} violated: {v.message}")
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


def derive(spec: ModelSpec, traces: Iterable[Trace]) -> str:
    """The phase path observed in replays, transition counts and the events behind them."""
    counts: Counter[tuple[str, str, str]] = Counter()
    behind: dict[tuple[str, str, str], list[str]] = {}
    lines: list[str] = []
    for trace in traces:
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
    model_edges = _edges(spec)
    observed = {(a, b) for (a, b, _k) in counts}
    lines.append(f"model phase changes: {len(model_edges)}; observed in the log: {len(observed)}")
    for (a, b), labels in model_edges.items():
        mark = "observed" if (a, b) in observed else "not observed"
        lines.append(f"  {a} -> {b} ({', '.join(labels)}): {mark}")
    return "\n".join(lines) + "\n"
