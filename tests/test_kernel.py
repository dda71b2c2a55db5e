"""The compiled kernel equals the ``transitions`` machine, step for step (differential test)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation.events import Event
from negotiation.model import NOT_ENABLED, DisputeModel, WorldState, load_profile
from negotiation.model.kernel import Kernel
from negotiation.testing import enabled_sequences, event_sequences

MODEL = DisputeModel()
KERNEL = Kernel(MODEL)
BROKEN = DisputeModel(
    profile=load_profile().model_copy(
        update={"disabled_rules": ("no_early_dissolution", "amendment_two_thirds")}
    )
)
BROKEN_KERNEL = Kernel(BROKEN)
OPPOSITION = DisputeModel(interpretation="opposition_2013")
OPPOSITION_KERNEL = Kernel(OPPOSITION)

PAIRS = [(MODEL, KERNEL), (BROKEN, BROKEN_KERNEL), (OPPOSITION, OPPOSITION_KERNEL)]


def assert_same(model: DisputeModel, kernel: Kernel, events: list[Event]) -> None:
    model.reset()
    phase, world = kernel.initial, WorldState()
    for i, e in enumerate(events):
        assert kernel.available(phase, world) == model.available(), i
        out = model.step(e)
        r = kernel.step(phase, world, e)
        assert (r.accepted, r.phase, r.rejected_by, r.reason) == (
            out.accepted,
            out.phase_after,
            out.rejected_by,
            out.reason,
        ), (i, e.kind)
        assert r.world == out.world_after, (i, out.world_before.diff(r.world))
        assert hash(r.world) == hash(out.world_after)
        assert r.world.model_dump() == out.world_after.model_dump()
        if r.accepted:
            assert kernel.violations(world, e, r.world) == out.violations
        phase, world = r.phase, r.world
    assert (phase, world) == (model.phase, model.world)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(PAIRS))), st.data())
def test_kernel_equals_machine_on_enabled_sequences(which: int, data: st.DataObject) -> None:
    model, kernel = PAIRS[which]
    events = data.draw(enabled_sequences(model, max_size=16))
    assert_same(model, kernel, events)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event_sequences(MODEL, max_size=12))
def test_kernel_equals_machine_on_any_order(events: list[Event]) -> None:
    assert_same(MODEL, KERNEL, events)
    assert_same(BROKEN, BROKEN_KERNEL, events)


def test_not_enabled_reasons_match() -> None:
    e = Event(id="d", kind="assembly_dissolved", date="2014-02-01")
    r = KERNEL.step("campaign", WorldState(), e)
    assert r.rejected_by == NOT_ENABLED and "in phase 'campaign'" in (r.reason or "")
    MODEL.reset()  # the shared model is wherever the last test left it
    assert MODEL.step(e).reason == r.reason


def test_kernel_is_pure() -> None:
    world = WorldState()
    e = Event(id="e", kind="election_held", date=dt.date(2013, 7, 28))
    a = KERNEL.step("campaign", world, e)
    b = KERNEL.step("campaign", world, e)
    assert a == b and a.world is not b.world and world == WorldState()


def test_a_rule_outranks_another_candidates_state_condition() -> None:
    # government_formed has two candidates from assembly_convened (boycotting / no_boycott):
    # with no boycott and 60 votes, the confidence rule is what stops it, in both engines
    events = [
        Event(id="a", kind="election_held", date=dt.date(2013, 7, 28)),
        Event(
            id="b",
            kind="results_announced",
            date=dt.date(2013, 8, 12),
            facts={"seats": {"cpp": 68, "cnrp": 55}, "total_seats": 123},
        ),
        Event(id="c", kind="assembly_convened", date=dt.date(2013, 9, 23)),
        Event(id="d", kind="government_formed", date=dt.date(2013, 9, 24), facts={"votes_for": 60}),
    ]
    MODEL.reset()
    outs = [MODEL.step(e) for e in events]
    results = KERNEL.run(events)
    assert outs[-1].rejected_by == results[-1].rejected_by == "confidence_vote"
