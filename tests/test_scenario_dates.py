"""Variations that date an event anew (shift, change of date, replace, insert with no place)
leave it at its date's place in the log, as a stable sort by date would, and the run says so;
move, swap and insert before/after place an event against its date, as the file asks."""

from __future__ import annotations

import itertools
import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_scenario import INLINE  # the 2013 opening without the opposition, inline

from negotiation.cli import main
from negotiation.errors import InputError
from negotiation.events import Event
from negotiation.model import DisputeModel
from negotiation.replay import replay
from negotiation.scenario import (
    Variation,
    apply_variations,
    load_scenario_text,
    plan_scenario,
    run_scenario,
)
from negotiation.scenario.dating import by_date


def planned(variations: str) -> tuple[list[str], list[str]]:
    """The ids of the planned log and the notes, for these variations of INLINE."""
    (cell,) = plan_scenario(load_scenario_text(INLINE + variations, "s.yaml"))
    return [e.id for e in cell.events], [str(n) for n in cell.notes]


def in_date_order(events: list[Event]) -> bool:
    return all(a.date <= b.date for a, b in itertools.pairwise(events))


def test_a_shift_past_later_events_takes_its_new_place_and_says_so() -> None:
    ids, notes = planned("variations:\n  - shift: {events: [a-election], days: 20}\n")
    assert ids[:2] == ["b-results", "a-election"]
    assert notes == [
        "s.yaml:11:5: variations[0].shift: a-election, now dated 2013-08-17, takes its "
        "date's place: after b-results (2013-08-12)"
    ]
    ids, notes = planned("variations:\n  - shift: {events: [e-government], days: -80}\n")
    assert ids[0] == "e-government" and "first, before a-election (2013-07-28)" in notes[0]


def test_a_shift_that_keeps_the_order_is_not_noted() -> None:
    ids, notes = planned("variations:\n  - shift: {from: c-boycott, days: 45}\n")
    assert ids == ["a-election", "b-results", "c-boycott", "d-convened", "e-government"]
    assert notes == []


def test_ties_keep_the_log_order() -> None:
    """Onto a day that has events, an event shifted forward goes before them (it was before
    them in the log), one shifted back after them; replay checks whether that order matters."""
    ids, _ = planned("variations:\n  - shift: {events: [b-results], days: 42}\n")
    assert ids == ["a-election", "b-results", "c-boycott", "d-convened", "e-government"]
    ids, _ = planned("variations:\n  - shift: {events: [e-government], days: -1}\n")
    assert ids[2:] == ["c-boycott", "d-convened", "e-government"]
    ids, _ = planned("variations:\n  - shift: {events: [a-election, b-results], days: 60}\n")
    assert ids == ["c-boycott", "d-convened", "e-government", "a-election", "b-results"]


def test_change_replace_and_insert_without_a_place_go_by_date() -> None:
    ids, notes = planned("variations:\n  - change: {event: a-election, set: {date: 2013-09-30}}\n")
    assert ids[-1] == "a-election" and "after e-government (2013-09-24)" in notes[0]
    ids, notes = planned(
        "variations:\n  - replace: {event: e-government, with: "
        "{id: e-early-government, kind: government_formed, date: 2013-08-01}}\n"
    )
    assert ids[:2] == ["a-election", "e-early-government"]
    assert "variations[0].replace: e-early-government, now dated 2013-08-01" in notes[0]
    ids, notes = planned(
        "variations:\n  - insert: {event: {id: x-protest, kind: protest, date: 2013-08-01}}\n"
    )
    assert ids[1] == "x-protest" and "variations[0].insert: x-protest" in notes[0]
    ids, notes = planned(  # dated last, it goes at the end, as it always did: nothing to note
        "variations:\n  - insert: {event: {id: x-protest, kind: protest, date: 2014-01-01}}\n"
    )
    assert ids[-1] == "x-protest" and notes == []


def test_move_swap_and_insert_after_place_against_the_date_as_asked() -> None:
    ids, notes = planned("variations:\n  - swap: [a-election, e-government]\n")
    assert (ids[0], ids[-1], notes) == ("e-government", "a-election", [])
    ids, _ = planned("variations:\n  - move: {event: a-election, after: d-convened}\n")
    assert ids[3] == "a-election"
    ids, _ = planned(
        "variations:\n  - insert: {after: a-election, event: "
        "{id: x-protest, kind: protest, date: 2013-12-01}}\n"
    )
    assert ids[1] == "x-protest"
    # the last word is the file's: a shifted event moved afterwards stays where it is moved
    ids, _ = planned(
        "variations:\n  - shift: {events: [a-election], days: 20}\n"
        "  - move: {event: a-election, before: b-results}\n"
    )
    assert ids[:2] == ["a-election", "b-results"]


def test_a_re_dated_event_in_a_log_out_of_order_goes_after_what_comes_before_it() -> None:
    events = [
        Event(id=i, kind="protest", date=d)
        for i, d in [("a", "2014-01-10"), ("b", "2014-01-02"), ("c", "2014-01-20")]
    ]
    events[2] = events[2].model_copy(update={"date": events[2].date.replace(day=5)})
    moved = by_date(events, [events[2]])
    assert [e.id for e in events] == ["a", "b", "c"] and moved == []
    events[0] = events[0].model_copy(update={"date": events[0].date.replace(day=3)})
    by_date(events, [events[0]])
    assert [e.id for e in events] == ["b", "a", "c"]


def test_a_month_granular_event_shifted_by_days_becomes_a_range() -> None:
    """January 2014 plus 45 days is 15 February to 17 March (a date on the 15th known to a
    month was taken silently); plus two months, March 2014."""
    log = INLINE + "  - {id: f-demand, kind: protest, date: 2014-01-01, granularity: month}\n"
    (cell,) = plan_scenario(
        load_scenario_text(log + "variations: [{shift: {events: [f-demand], days: 45}}]\n")
    )
    e = cell.events[-1]
    assert (str(e.date), str(e.date_end), e.granularity) == ("2014-02-15", "2014-03-17", "day")
    (cell,) = plan_scenario(
        load_scenario_text(log + "variations: [{shift: {events: [f-demand], months: 2}}]\n")
    )
    e = cell.events[-1]
    assert (str(e.date), e.date_end, e.granularity) == ("2014-03-01", None, "month")


def test_the_run_command_prints_and_reports_the_notes(tmp_path: Path) -> None:
    f = tmp_path / "late.yaml"
    f.write_text(INLINE + "variations:\n  - shift: {events: [a-election], days: 20}\n")
    text = CliRunner().invoke(main, ["run", "-q", str(f)])
    assert f"note: {f}:11:5: variations[0].shift: a-election, now dated 2013-08-17" in text.output
    out = CliRunner().invoke(main, ["run", "--json", str(f)])
    (result,) = json.loads(out.output)["results"]
    assert result["notes"] == [line[6:] for line in text.output.splitlines() if line[:5] == "note:"]


# --- any shift of the reference log ------------------------------------------------------------
MODEL = DisputeModel()


@cache
def reference() -> tuple[Event, ...]:
    (cell,) = plan_scenario(load_scenario_text("name: record\nevents: builtin\n", "r.yaml"))
    return tuple(cell.events)


@st.composite
def shifts(draw: st.DrawFn) -> dict[str, object]:
    ids = [e.id for e in reference()]
    op: dict[str, object] = {
        "days": draw(st.one_of(st.integers(-800, 800), st.integers(-(10**7), 10**7))),
        "months": draw(st.sampled_from([0, 0, 1, -1, 13, -25, 600, -100_000])),
    }
    if draw(st.booleans()):
        op["events"] = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=6, unique=True))
    else:
        op["from"] = draw(st.sampled_from(ids))
    return {"shift": op}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(shifts(), min_size=1, max_size=3))
def test_any_shift_of_the_reference_log_is_in_date_order_and_replays(
    ops: list[dict[str, object]],
) -> None:
    try:
        events = apply_variations(reference(), [Variation.model_validate(op) for op in ops])
    except InputError as exc:  # a date past the calendar's ends
        assert all("out of range" in p.message for p in exc.problems), exc
        return
    assert in_date_order(events)
    assert sorted(e.id for e in events) == sorted(e.id for e in reference())
    assert replay(MODEL, events).total == len(events)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(shifts(), min_size=1, max_size=2))
def test_any_shift_in_a_scenario_file_runs_or_is_a_located_error(
    ops: list[dict[str, object]],
) -> None:
    text = "name: shifted\nevents: builtin\nvariations:\n" + "".join(
        f"  - {json.dumps(op)}\n" for op in ops
    )
    try:
        (result,) = run_scenario(load_scenario_text(text, "shifted.yaml"))
    except InputError as exc:
        assert all(str(p).startswith("shifted.yaml:") for p in exc.problems), exc
        return
    assert in_date_order(result.events)
    assert all(str(n).startswith("shifted.yaml:") for n in result.notes)


@pytest.mark.parametrize("days", [10**9, -(10**9)])
def test_a_shift_off_the_calendar_is_an_error_not_a_crash(days: int) -> None:
    with pytest.raises(InputError, match=r"s.yaml:11:5: variations\[0\].shift: event a-election"):
        planned(f"variations:\n  - shift: {{events: [a-election], days: {days}}}\n")
