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


def _edges(spec: ModelSpec, region: str) -> dict[tuple[str, str], list[str]]:
    """(from, to) -> kinds, for the transitions that move ``region``, in spec order."""
    states = spec.region(region).state_ids()
    edges: dict[tuple[str, str], list[str]] = {}
    for t in spec.transitions:
        target = t.to.get(region)
        if target is None:
            continue
        src = t.source.get(region, "*")
        for s in states if src == "*" else src:
            if s != target:
                label = t.kind + (f" [{', '.join(t.guards)}]" if t.guards else "")
                kinds = edges.setdefault((s, target), [])
                if label not in kinds:
                    kinds.append(label)
    return edges


def _region_lines(spec: ModelSpec, region_id: str, pad: str) -> list[str]:
    region = spec.region(region_id)
    lines = [f"{pad}[*] --> {region.initial}"]
    for state in region.states:
        if state.description:
            text = state.description.replace(";", ",").replace(":", " -")
            lines.append(f"{pad}{state.id} : {text}")
    for (a, b), kinds in _edges(spec, region.id).items():
        lines.append(f"{pad}{a} --> {b} : {'<br/>'.join(kinds)}")
    lines += [f"{pad}{state.id} --> [*]" for state in region.states if state.final]
    return lines


def mermaid(spec: ModelSpec) -> str:
    """A Mermaid ``stateDiagram-v2``: the phases of a single-track model, or one concurrent
    region per region (separated by ``--`` inside one composite state); guards in brackets."""
    if spec.single_track:
        body = _region_lines(spec, spec.regions[0].id, "    ")
    else:
        body = ["    state dispute {"]
        for k, region in enumerate(spec.regions):
            if k:
                body.append("        --")
            body.append(f"        state {region.id} {{")
            body += _region_lines(spec, region.id, "            ")
            body.append("        }")
        body.append("    }")
    return "\n".join(["stateDiagram-v2", *body]) + "\n"


def dot(spec: ModelSpec) -> str:
    """A Graphviz ``digraph`` (no Graphviz needed to produce it); one cluster per region."""
    lines = [f'digraph "{spec.id}" {{', "  rankdir=LR;", "  node [shape=box, style=rounded];"]
    for region in spec.regions:
        prefix = "" if spec.single_track else f"{region.id}__"
        if not spec.single_track:
            lines.append(f'  subgraph "cluster_{region.id}" {{ label="{region.id}";')
        for state in region.states:
            shape = ", peripheries=2" if state.final else ""
            lines.append(f'  {prefix}{state.id} [label="{state.id}"{shape}];')
        lines.append(
            f"  {prefix}__start [shape=point]; {prefix}__start -> {prefix}{region.initial};"
        )
        for (a, b), kinds in _edges(spec, region.id).items():
            label = "\\n".join(kinds).replace('"', '\\"')
            lines.append(f'  {prefix}{a} -> {prefix}{b} [label="{label}"];')
        if not spec.single_track:
            lines.append("  }")
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
    model_edges = {
        edge: labels for r in spec.region_ids() for edge, labels in _edges(spec, r).items()
    }
    observed = {(a, b) for (a, b, _k) in counts}
    lines.append(f"model phase changes: {len(model_edges)}; observed in the log: {len(observed)}")
    for (a, b), labels in model_edges.items():
        mark = "observed" if (a, b) in observed else "not observed"
        lines.append(f"  {a} -> {b} ({', '.join(labels)}): {mark}")
    return "\n".join(lines) + "\n"
