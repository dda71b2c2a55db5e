"""Diagrams: Mermaid that a Mermaid parser reads as the model (one node per state, no stray
nodes), the replayed path highlighted, Graphviz dot kept; checked structurally for every
built-in pack, and by a real Mermaid renderer when one is at hand (``NEGOTIATION_MERMAID_JS``:
the path of ``mermaid.min.js`` from the npm package ``mermaid``, and Chromium)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from negotiation.cli import main
from negotiation.model.spec import ModelSpec, load_spec
from negotiation.packs import available_packs, load_pack
from negotiation.render.diagrams import dot, escape_mermaid, mermaid, path_states
from negotiation.replay import replay

ROOT = Path(__file__).resolve().parent.parent
PACKS = sorted(available_packs())
DECL = re.compile(r'^\s*state "([^"]*)" as (\w+)( \{)?$')
EDGE = re.compile(r"^\s*(\[\*\]|\w+) --> (\[\*\]|\w+)( : (.*))?$")


def parse(text: str) -> tuple[dict[str, str], list[tuple[str, str]], dict[str, list[str]]]:
    """Nodes (node -> label), edges and classes of a diagram we write; fails on any line of
    another shape (a stray statement)."""
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str]] = []
    classes: dict[str, list[str]] = {}
    lines = text.splitlines()
    assert lines[0] == "stateDiagram-v2"
    for line in lines[1:]:
        if m := DECL.match(line):
            assert m.group(2) not in nodes, f"node declared twice: {line}"
            nodes[m.group(2)] = m.group(1)
        elif m := EDGE.match(line):
            assert ";" not in (m.group(4) or ""), line
            edges.append((m.group(1), m.group(2)))
        elif line.strip().startswith("class "):
            _, names, cls = line.split()
            classes.setdefault(cls, []).extend(names.split(","))
        else:
            assert line.strip() in ("}", "--") or line.strip().startswith("classDef "), line
    return nodes, edges, classes


def _pack_trace(pack_id: str) -> tuple[ModelSpec, object]:
    pack = load_pack(pack_id)
    compiled = pack.compile()
    return compiled.spec, replay(compiled, pack.event_log())


@pytest.mark.parametrize("pack_id", PACKS)
def test_mermaid_of_each_pack_has_one_node_per_state(pack_id: str) -> None:
    spec, trace = _pack_trace(pack_id)
    nodes, edges, classes = parse(mermaid(spec, trace))  # type: ignore[arg-type]
    leaves = {n: label for n, label in nodes.items() if not n.startswith(("region_", "s_dispute"))}
    assert len(leaves) == sum(len(r.states) for r in spec.regions)
    for region in spec.regions:
        for state in region.states:
            wanted = state.id + (
                f": {escape_mermaid(state.description)}" if state.description else ""
            )
            assert wanted in leaves.values()
    for a, b in edges:
        assert a == "[*]" or a in nodes, a
        assert b == "[*]" or b in nodes, b
    highlighted = classes.get("path", []) + classes.get("current", [])
    assert highlighted and set(highlighted) <= set(nodes)
    # the path: every state the replay was in, and no other
    visited = path_states(spec, trace)  # type: ignore[arg-type]
    assert len(highlighted) == sum(len(v) for v in visited.values())


def test_boycott_is_drawn_with_its_own_description() -> None:
    """The defects of the issue: a ';' made stray nodes, 'boycott' was drawn as 'Government
    formed'."""
    nodes, _, _ = parse(mermaid(load_spec()))
    assert nodes["boycott"].startswith("boycott: ")
    assert nodes["government_formed"].startswith("government_formed: ")


@given(st.text(max_size=60))
def test_escaped_labels_cannot_leave_their_quotes(text: str) -> None:
    out = escape_mermaid(text)
    assert not set(out) & {'"', "<", ">", "\n", "\r"}
    assert len(out.split()) == len(text.split())


def test_dot_highlights_the_path_and_quotes_every_id() -> None:
    spec, trace = _pack_trace("cambodia-2013-2017")
    text = dot(spec, trace)  # type: ignore[arg-type]
    assert text.startswith('digraph "') and text.rstrip().endswith("}")
    assert text.count("fillcolor=") == sum(len(v) for v in path_states(spec, trace).values())  # type: ignore[arg-type]
    assert "penwidth=3" in text


def test_graph_highlight_cli_json() -> None:
    scenario = str(ROOT / "scenarios" / "cambodia_2013_2014.yaml")
    r = CliRunner().invoke(main, ["graph", "--highlight", scenario, "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["format_version"] == 1 and data["model"] == "cambodia-2013"
    assert data["path"]["phase"][0] == "campaign" and "boycott" in data["path"]["phase"]
    assert "class " in data["diagram"]
    bad = CliRunner().invoke(main, ["graph", "--highlight", "nope.yaml"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_graph_highlight_is_deterministic(tmp_path: Path) -> None:
    scenario = str(ROOT / "scenarios" / "cambodia_2013_2014.yaml")
    outs = []
    for name in ("a.mmd", "b.mmd"):
        r = CliRunner().invoke(
            main, ["graph", "--highlight", scenario, "--out", str(tmp_path / name)]
        )
        assert r.exit_code == 0, r.output
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]


MERMAID_JS = os.environ.get("NEGOTIATION_MERMAID_JS", "")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    not (MERMAID_JS and Path(MERMAID_JS).is_file() and CHROMIUM),
    reason="no Mermaid to render with (set NEGOTIATION_MERMAID_JS to mermaid.min.js; needs chromium)",
)
@pytest.mark.parametrize("pack_id", ["cambodia-2013-2017", "kenya-2007-2008"])
def test_mermaid_renders_in_mermaid(pack_id: str, tmp_path: Path) -> None:
    spec, trace = _pack_trace(pack_id)
    source = mermaid(spec, trace)  # type: ignore[arg-type]
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><body><div id=out>pending</div><script>"
        + Path(MERMAID_JS).read_text(encoding="utf-8")
        + "</script><script>mermaid.initialize({startOnLoad:false});"
        + f"mermaid.render('g', {json.dumps(source)})"
        + ".then(r => {document.getElementById('out').innerHTML = r.svg;"
        + "document.body.setAttribute('data-ok','1')})"
        + ".catch(e => {document.getElementById('out').textContent = 'ERROR ' + e.message})"
        + "</script></body></html>",
        encoding="utf-8",
    )
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    ).stdout  # fmt: skip
    assert 'data-ok="1"' in dom, dom[-500:]
    drawn = re.findall(r'<g class="node ([a-z ]*)statediagram-state"', dom)
    assert len(drawn) == sum(len(r.states) for r in spec.regions)  # no stray nodes
    assert sum("path" in c or "current" in c for c in drawn) == sum(
        len(v)
        for v in path_states(spec, trace).values()  # type: ignore[arg-type]
    )
