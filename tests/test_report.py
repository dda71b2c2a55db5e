"""The HTML report: read back with html.parser for every built-in pack and for scenarios with
rejected events (every event shown with its quote and article, every rejection with its rule and
provision, the path highlighted, nothing loaded from the network), byte-identical on a second run,
clean errors; and opened in headless Chromium when it is installed (no console errors, not
blank)."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from negotiation.cli import main
from negotiation.packs import available_packs
from negotiation.render.diagrams import path_states
from negotiation.render.report import ReportInput, report_html

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"


class Page(HTMLParser):
    """What a test needs of a report page: the event rows, rejected rows, figures, resources."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[dict[str, Any]] = []
        self.rejected: list[dict[str, Any]] = []
        self.figures: dict[str, Any] = {}
        self.external: list[str] = []
        self._row: dict[str, Any] | None = None
        self._capture: str | None = None
        self._json_id: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        for key in ("src", "href"):
            value = a.get(key) or ""
            if value.startswith(("http:", "https:", "//")):
                self.external.append(value)
        if tag == "link":
            self.external.append(str(a.get("href")))
        if tag == "tr" and "event" in cls:
            self._row = {
                "event": a.get("data-event"),
                "quote": "",
                "article": "",
                "rejected": "rejected" in cls,
            }
            self.events.append(self._row)
        elif tag == "tr" and "rejected" in cls and "event" not in cls:
            self._row = {"event": a.get("data-event"), "rule": "", "provision": ""}
            self.rejected.append(self._row)
        elif self._row is not None and (
            (tag == "blockquote" and "quote" in cls)
            or (tag == "code" and "article" in cls)
            or (tag == "td" and "rule" in cls)
            or (tag == "div" and "provision" in cls)
        ):
            self._capture = {
                "blockquote": "quote",
                "code": "article",
                "td": "rule",
                "div": "provision",
            }[tag]
            self._text = []
        if tag == "script" and a.get("type") == "application/json":
            self._json_id, self._text = str(a.get("id")), []

    def handle_endtag(self, tag: str) -> None:
        if self._capture and tag in ("blockquote", "code", "td", "div") and self._row is not None:
            self._row[self._capture] = "".join(self._text).strip()
            self._capture = None
        if tag == "tr":
            self._row = None
        if tag == "script" and self._json_id:
            self.figures[self._json_id] = json.loads("".join(self._text))
            self._json_id = None

    def handle_data(self, data: str) -> None:
        if self._capture or self._json_id:
            self._text.append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    return p


def check(inp: ReportInput, page: str) -> Page:
    p = parse(page)
    assert not p.external, p.external  # self-contained
    steps = [s for run in inp.runs for s in run.trace.steps]
    assert [r["event"] for r in p.events] == [s.event for s in steps]
    assert all(r["quote"] and r["article"] for r in p.events)  # every event sourced
    rejected = [s for s in steps if not s.accepted]
    assert [r["event"] for r in p.rejected] == [s.event for s in rejected]
    for row, step in zip(p.rejected, rejected, strict=True):
        assert row["rule"] == step.rejected_by
        if step.citation is not None:
            assert step.citation.text in row["provision"]
    for k, run in enumerate(inp.runs):
        timeline = p.figures[f"timeline-{k}-data"]
        shown = {d[1] for trace in timeline["data"] for d in trace["customdata"]}
        assert shown == {s.event for s in run.trace.steps}
        nodes = p.figures[f"diagram-{k}-data"]["data"][-1]
        lit = [c for c in nodes["marker"]["color"] if c != "#d9d9d9"]
        assert len(lit) == sum(len(v) for v in path_states(inp.model.spec, run.trace).values())
    return p


@pytest.mark.parametrize("pack_id", sorted(available_packs()))
def test_report_of_each_pack(pack_id: str) -> None:
    inp = ReportInput.from_pack(pack_id)
    check(inp, report_html(inp))


@pytest.mark.parametrize("name", ["cambodia_2013_2014", "opposition_calendar", "cnrp_63_seats"])
def test_report_of_scenarios(name: str) -> None:
    inp = ReportInput.from_scenario(SCENARIOS / f"{name}.yaml")
    page = check(inp, report_html(inp))
    if name != "cambodia_2013_2014":
        assert page.rejected and all(r["rule"] for r in page.rejected)


def test_report_charts_a_simulation(tmp_path: Path) -> None:
    from negotiation.simulate import simulate

    sim = simulate(runs=20, seed=1, max_steps=30).to_json()
    (tmp_path / "sim.json").write_text(json.dumps(sim), encoding="utf-8")
    out = tmp_path / "r.html"
    r = CliRunner().invoke(
        main, ["report", "--pack", "kenya-2007-2008", "--simulation", str(tmp_path / "sim.json"),
               "--out", str(out), "--json"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["simulation"] is True
    chart = parse(out.read_text(encoding="utf-8")).figures["outcomes-data"]["data"][0]
    assert chart["x"] == list(sim["outcomes"]) and chart["y"] == [
        v["p"] for v in sim["outcomes"].values()
    ]


def test_report_cli_is_deterministic_and_reports_bad_input(tmp_path: Path) -> None:
    scenario = str(SCENARIOS / "cambodia_2013_2014.yaml")
    pages = []
    for name in ("a.html", "b.html"):
        r = CliRunner().invoke(main, ["report", scenario, "--out", str(tmp_path / name)])
        assert r.exit_code == 0, r.output
        pages.append((tmp_path / name).read_bytes())
    assert pages[0] == pages[1]
    (tmp_path / "bad.json").write_text('{"outcomes": 3}', encoding="utf-8")
    for args in (
        ["report", "nope.yaml", "--out", str(tmp_path / "x.html")],
        ["report", "--pack", "nope", "--out", str(tmp_path / "x.html")],
        ["report", scenario, "--pack", "kenya-2007-2008", "--out", str(tmp_path / "x.html")],
        [
            "report",
            scenario,
            "--simulation",
            str(tmp_path / "bad.json"),
            "--out",
            str(tmp_path / "x.html"),
        ],
        ["report", scenario, "--out", str(tmp_path / "missing" / "x.html")],
    ):
        bad = CliRunner().invoke(main, args)
        assert bad.exit_code == 2 and "Traceback" not in bad.output, (args, bad.output)
    assert not (tmp_path / "x.html").exists()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _png_is_blank(data: bytes) -> bool:
    """Whether every pixel row of a PNG screenshot is the same bytes (a blank page)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, depth = 8, b"", 0, 4
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width = struct.unpack(">I", body[:4])[0]
            depth = {2: 3, 6: 4}[body[9]]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + width * depth
    rows = {raw[i + 1 : i + stride] for i in range(0, len(raw), stride)}
    return len(rows) <= 1


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium (Debian package 'chromium')")
def test_report_opens_in_a_headless_browser(tmp_path: Path) -> None:
    """The acceptance: the Cambodian record's report opens with no console errors, renders its
    charts and is not a blank page."""
    out = tmp_path / "r.html"
    scenario = str(SCENARIOS / "cambodia_2013_2014.yaml")
    assert CliRunner().invoke(main, ["report", scenario, "--out", str(out)]).exit_code == 0
    args = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--virtual-time-budget=20000", "--window-size=1280,2000", "--enable-logging=stderr",
            "--v=0"]  # fmt: skip
    dom = subprocess.run(
        [*args, "--dump-dom", out.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    body = re.search(r"<body[^>]*>", dom.stdout)
    assert body is not None and 'data-rendered="ok"' in body.group(0), dom.stdout[-300:]
    assert "data-errors" not in body.group(0)
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line.upper()]
    assert not [line for line in console if "error" in line.lower()], console
    assert dom.stdout.count('class="main-svg"') >= 2  # plotly drew the timeline and the diagram
    shot = tmp_path / "shot.png"
    subprocess.run(
        [*args, f"--screenshot={shot}", out.as_uri()], capture_output=True, timeout=180, check=False
    )
    assert shot.is_file() and not _png_is_blank(shot.read_bytes())
