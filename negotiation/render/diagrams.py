"""State diagrams of a model: Mermaid ``stateDiagram-v2`` and Graphviz ``dot``, with the path of
a replay (a :class:`~negotiation.replay.Trace`) highlighted.

Mermaid is written so that any text survives: every state is declared as
``state "id: description" as <node>`` with the description quoted (a ``;`` outside quotes would
end the statement; see :func:`escape_mermaid`), edge labels are kinds and rule ids (slugs, so
nothing to escape), node names are unique across regions (``region__state``
in a model of several regions, drawn as concurrent regions of one composite state), and the
highlighted path is a ``classDef`` applied with ``class``::

    >>> from negotiation.model.spec import load_spec
    >>> text = mermaid(load_spec())
    >>> text.splitlines()[0], 'state "boycott: ' in text
    ('stateDiagram-v2', True)
"""

from __future__ import annotations

import re

from negotiation.model.spec import ModelSpec
from negotiation.replay import Trace

__all__ = ["DIAGRAMS", "dot", "edges", "mermaid", "path_states"]

#: Mermaid words that cannot name a state
_RESERVED = {"state", "note", "direction", "class", "classdef", "click", "style", "end", "as"}
#: characters that would end a quoted label or be read as HTML, and what stands for them
_REPLACE = str.maketrans({'"': "'", "<": "‹", ">": "›"})

PATH_STYLE = "fill:#ffe08a,stroke:#b35900,stroke-width:3px,color:#000"
FINAL_STYLE = "fill:#f4a259,stroke:#7a2e00,stroke-width:4px,color:#000"


def escape_mermaid(text: str) -> str:
    """``text`` on one line, fit for a quoted Mermaid label: ``"`` becomes ``'`` and ``<``,
    ``>`` become ``‹``, ``›`` (``;``, ``#``, ``{`` are safe inside quotes)."""
    return " ".join(text.split()).translate(_REPLACE)


def edges(spec: ModelSpec, region: str) -> dict[tuple[str, str], list[str]]:
    """(from, to) -> labels (kind, the conditions that choose the transition and its guards),
    for the transitions that move ``region``, in spec order. Two transitions of one kind from
    one state differ by their conditions (``officers_elected when within_deadline`` or
    ``when past_deadline``): without them the labels were the same."""
    states = spec.region(region).state_ids()
    out: dict[tuple[str, str], list[str]] = {}
    for t in spec.transitions:
        target = t.to.get(region)
        if target is None:
            continue
        src = t.source.get(region, "*")
        for s in states if src == "*" else src:
            if s != target:
                label = t.kind + (f" when {', '.join(t.when)}" if t.when else "")
                label += f" [{', '.join(t.guards)}]" if t.guards else ""
                kinds = out.setdefault((s, target), [])
                if label not in kinds:
                    kinds.append(label)
    return out


def path_states(spec: ModelSpec, trace: Trace | None) -> dict[str, list[str]]:
    """Region -> the states the trace was in, in the order first entered (initial first)."""
    if trace is None:
        return {}
    out: dict[str, list[str]] = {r.id: [] for r in spec.regions}
    for regions in [trace.initial_regions, *(s.regions for s in trace.steps)]:
        for r, s in regions.items():
            region = _template(spec, r)
            if region in out and s not in out[region]:
                out[region].append(s)
    if spec.single_track and not any(out.values()):  # a trace that records only phases
        out[spec.regions[0].id] = trace.phases()
    return out


def _template(spec: ModelSpec, region: str) -> str:
    """The region of the spec a trace's region belongs to (``participation.cnrp``: an
    instance of ``participation``)."""
    return spec.regions[0].id if spec.single_track else region.split(".", 1)[0]


def _node(spec: ModelSpec, region: str, state: str) -> str:
    raw = state if spec.single_track else f"{region}__{state}"
    node = re.sub(r"[^A-Za-z0-9_]", "_", raw)
    return f"s_{node}" if node.lower() in _RESERVED or not node[0].isalpha() else node


def _region_lines(spec: ModelSpec, region_id: str, pad: str) -> list[str]:
    region = spec.region(region_id)
    node = {s.id: _node(spec, region_id, s.id) for s in region.states}
    lines = []
    for state in region.states:
        text = state.id + (f": {state.description}" if state.description else "")
        lines.append(f'{pad}state "{escape_mermaid(text)}" as {node[state.id]}')
    lines.append(f"{pad}[*] --> {node[region.initial]}")
    for (a, b), labels in edges(spec, region.id).items():
        label = ", ".join(labels)  # kinds and rule ids: slugs
        lines.append(f"{pad}{node[a]} --> {node[b]} : {label}")
    lines += [f"{pad}{node[s.id]} --> [*]" for s in region.states if s.final]
    return lines


def mermaid(spec: ModelSpec, highlight: Trace | None = None) -> str:
    """A Mermaid ``stateDiagram-v2``: the states of a single-track model, or one concurrent
    region per region (``--`` between them inside one composite state); guards in brackets.
    With ``highlight``, the states the trace went through get the class ``path`` and the
    states it ended in the class ``current``."""
    if spec.single_track:
        body = _region_lines(spec, spec.regions[0].id, "    ")
    else:
        body = ['    state "dispute" as s_dispute {']
        for k, region in enumerate(spec.regions):
            if k:
                body.append("        --")
            label = escape_mermaid(region.id)
            node = "region_" + re.sub(r"[^A-Za-z0-9_]", "_", region.id)
            body.append(f'        state "{label}" as {node} {{')
            body += _region_lines(spec, region.id, "            ")
            body.append("        }")
        body.append("    }")
    if highlight is not None:
        visited = path_states(spec, highlight)
        last = {(_template(spec, r), s) for r, s in highlight.final_regions.items()}
        if spec.single_track:
            last = {(spec.regions[0].id, highlight.final_phase)}
        path_nodes: list[str] = []
        end_nodes: list[str] = []
        for region_id, states in visited.items():
            for s in states:
                ends = (region_id, s) in last
                (end_nodes if ends else path_nodes).append(_node(spec, region_id, s))
        body.append(f"    classDef path {PATH_STYLE}")
        body.append(f"    classDef current {FINAL_STYLE}")
        if path_nodes:
            body.append(f"    class {','.join(path_nodes)} path")
        if end_nodes:
            body.append(f"    class {','.join(end_nodes)} current")
    return "\n".join(["stateDiagram-v2", *body]) + "\n"


def _dot_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def dot(spec: ModelSpec, highlight: Trace | None = None) -> str:
    """A Graphviz ``digraph`` (no Graphviz needed to produce it); one cluster per region. With
    ``highlight``, the trace's states are filled and the transitions it took drawn bold."""
    visited = path_states(spec, highlight)
    taken = _taken(spec, highlight)
    lines = [
        f"digraph {_dot_str(spec.id)} {{",
        "  rankdir=LR;",
        "  node [shape=box, style=rounded];",
    ]
    for region in spec.regions:
        prefix = "" if spec.single_track else f"{region.id}__"
        if not spec.single_track:
            lines.append(
                f"  subgraph {_dot_str('cluster_' + region.id)} {{ label={_dot_str(region.id)};"
            )
        for state in region.states:
            attrs = [f"label={_dot_str(state.id)}"]
            if state.description:
                attrs.append(f"tooltip={_dot_str(state.description)}")
            if state.final:
                attrs.append("peripheries=2")
            if state.id in visited.get(region.id, []):
                attrs.append('style="rounded,filled", fillcolor="#ffe08a", penwidth=2')
            lines.append(f"  {_dot_str(prefix + state.id)} [{', '.join(attrs)}];")
        start = _dot_str(prefix + "__start")
        lines.append(f"  {start} [shape=point]; {start} -> {_dot_str(prefix + region.initial)};")
        for (a, b), kinds in edges(spec, region.id).items():
            bold = ', penwidth=3, color="#b35900"' if (region.id, a, b) in taken else ""
            label = _dot_str("\n".join(kinds))
            lines.append(
                f"  {_dot_str(prefix + a)} -> {_dot_str(prefix + b)} [label={label}{bold}];"
            )
        if not spec.single_track:
            lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _taken(spec: ModelSpec, trace: Trace | None) -> set[tuple[str, str, str]]:
    """(region, from, to) of every state change the trace made."""
    if trace is None:
        return set()
    out: set[tuple[str, str, str]] = set()
    before = dict(trace.initial_regions)
    for step in trace.steps:
        for r, s in step.regions.items():
            region = _template(spec, r)
            if r in before and before[r] != s:
                out.add((region, before[r], s))
        before = dict(step.regions) or before
    return out


#: diagram formats by name: ``negotiation graph --format NAME``
DIAGRAMS = {"mermaid": mermaid, "dot": dot}
