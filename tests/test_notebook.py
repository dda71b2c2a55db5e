"""Notebook views: a short ``repr`` and a small ``_repr_html_`` (parsed back with html.parser) on
the result objects, ``to_pandas()`` frames whose rows are the objects' own, and
``negotiation.__version__``."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import negotiation
from negotiation import load_event_log
from negotiation.explore import explore
from negotiation.model.machine import DisputeModel
from negotiation.render.notebook import MAX_ROWS
from negotiation.replay import replay
from negotiation.scenario import plan_files, run_cell
from negotiation.simulate import simulate

ROOT = Path(__file__).resolve().parent.parent


class Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows = 0
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("table", "tr", "td", "th", "p", "ul", "li", "b", "br", "thead", "tbody"):
            if tag != "br":
                self.open.append(tag)
            self.rows += tag == "tr"

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, tag  # well nested


def body_rows(page: str) -> int:
    p = Rows()
    p.feed(page)
    assert not p.open
    return p.rows - page.count("<thead>")


def test_views_of_the_record() -> None:
    log = load_event_log()
    trace = replay(DisputeModel(), log)
    for obj in (log, trace):
        assert len(repr(obj)) < 200 and repr(obj).startswith("<")
        assert body_rows(obj._repr_html_()) == min(MAX_ROWS, len(log.events))
    assert "42 events" in repr(log) and "42/42 accepted" in repr(trace)
    frame = trace.to_pandas()
    assert list(frame["event"]) == [s.event for s in trace.steps]
    assert frame["source_quote"].str.len().min() > 0
    events = log.to_pandas()
    assert list(events["event_id"]) == log.ids and len(events.columns) == 23  # facts: 23rd


def test_views_of_results() -> None:
    result = run_cell(plan_files([ROOT / "scenarios" / "early_dissolution.yaml"])[0])
    assert "passed" in repr(result) and result.name in result._repr_html_()
    sim = simulate(runs=10, seed=1, max_steps=20)
    assert "10 runs" in repr(sim)
    assert body_rows(sim._repr_html_()) == len(sim.outcomes)
    found = explore(max_depth=3, max_states=500)
    assert body_rows(found._repr_html_()) == min(
        MAX_ROWS, len(found.outcomes) + len(found.violations)
    )


def test_version() -> None:
    assert isinstance(negotiation.__version__, str) and negotiation.__version__
