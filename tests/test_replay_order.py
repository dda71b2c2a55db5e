"""Same-day order: ``replay`` marks the steps of a day whose verdicts change with the order of
that day's events (``assumed_order``). Its walk shares prefixes, prunes impossible orders and
leaves out events that commute with everything; here it is held to a brute force over every
permutation of each day."""

from __future__ import annotations

import datetime as dt
from itertools import permutations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation.events import Event
from negotiation.explore.domain import Domain, domain_for
from negotiation.model import NOT_ENABLED, compile_model
from negotiation.model.compiled import CompiledModel, State
from negotiation.packs import load_pack
from negotiation.replay import replay
from negotiation.replay.trace import MAX_PERMUTED
from negotiation.testing import enabled_sequences


def _pack(ref: str) -> tuple[CompiledModel, Domain | None]:
    pack = load_pack(ref)
    compiled = pack.compile()
    return compiled, domain_for(compiled, events=list(pack.event_log()))


MODELS: list[tuple[CompiledModel, Domain | None]] = [
    (compile_model(), None),
    (compile_model(disabled_rules=("no_early_dissolution", "amendment_two_thirds")), None),
    _pack("cambodia-2013-2017"),
    _pack("kenya-2007-2008"),
]


def brute_force(compiled: CompiledModel, events: list[Event]) -> set[int]:
    """Indices of the steps whose day has a possible order with another verdict. Every order
    is stepped through; ``step`` is pure, so a step already taken from the same state (orders
    share prefixes) is looked up rather than taken again."""
    taken: dict[tuple[State, int], tuple[tuple[bool, str | None], State]] = {}

    def step(s: State, j: int) -> tuple[tuple[bool, str | None], State]:
        found = taken.get((s, j))
        if found is None:
            r = compiled.step(s, events[j])
            found = taken[(s, j)] = ((r.accepted, r.rejected_by), r.state)
        return found

    logged, state = [], compiled.initial
    states = [state]
    for e in events:
        r = compiled.step(state, e)
        logged.append((r.accepted, r.rejected_by))
        state = r.state
        states.append(state)
    marked: set[int] = set()
    start = 0
    for i in range(1, len(events) + 1):
        if i < len(events) and events[i].date == events[start].date:
            continue
        day = list(range(start, i))
        for order in permutations(day):
            s, possible, differs = states[start], True, False
            for j in order:
                verdict, after = step(s, j)
                if verdict == (False, NOT_ENABLED) and logged[j][0]:
                    possible = False
                    break
                differs = differs or verdict != logged[j]
                s = after
            if possible and differs:
                marked.update(day)
                break
        start = i
    return marked


@st.composite
def same_day_sequences(
    draw: st.DrawFn, compiled: CompiledModel, domain: Domain | None
) -> list[Event]:
    """Enabled sequences whose events are gathered into days of up to MAX_PERMUTED events."""
    events = draw(enabled_sequences(compiled, max_size=10, domain=domain))
    out: list[Event] = []
    run = 0
    for e in events:
        together = bool(out) and run < MAX_PERMUTED and draw(st.booleans())
        date: dt.date = out[-1].date if together else e.date
        if not together and out and date <= out[-1].date:
            # a new day: events the sequence happened to date alike would make a day longer
            # than MAX_PERMUTED, where replay checks adjacent swaps only (as documented)
            date = out[-1].date + dt.timedelta(days=1)
        run = run + 1 if together else 1
        out.append(e.model_copy(update={"date": date}))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(MODELS))), st.data())
def test_assumed_order_equals_a_brute_force_over_every_order(
    which: int, data: st.DataObject
) -> None:
    compiled, domain = MODELS[which]
    events = data.draw(same_day_sequences(compiled, domain))
    trace = replay(compiled, events)
    marked = {s.index for s in trace.steps if s.assumed_order}
    assert marked == brute_force(compiled, events)


def test_a_day_of_thousands_of_events_is_checked_without_recursing_per_event() -> None:
    """A model with a bounded response watches every kind, so a day of 2,000 statements was
    walked one recursive call per event for each adjacent swap: a RecursionError (and n²
    steps). An adjacent swap that leads back to the logged state changes nothing after it."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "examples" / "spain-2015-2016"
    pack = load_pack(root)
    compiled = pack.compile()
    assert any(p.type == "response" for p in compiled.spec.properties)
    log = list(pack.event_log())[:3]
    day = log[-1].date
    events = log + [
        Event.model_validate({"id": f"{day}-s{i}", "kind": "statement", "date": day})
        for i in range(2000)
    ]
    trace = replay(compiled, events)
    assert trace.conformance == 1.0
    assert not any(s.assumed_order for s in trace.steps)
