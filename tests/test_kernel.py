"""The compiled kernel equals the ``transitions`` machine, step for step (differential test)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation.events import Event
from negotiation.kernel import CachedParameters, Kernel
from negotiation.model import NOT_ENABLED, DisputeModel, WorldState, load_profile
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
    assert MODEL.step(e).reason == r.reason


def test_kernel_is_pure() -> None:
    world = WorldState()
    e = Event(id="e", kind="election_held", date=dt.date(2013, 7, 28))
    a = KERNEL.step("campaign", world, e)
    b = KERNEL.step("campaign", world, e)
    assert a == b and a.world is not b.world and world == WorldState()


def test_cached_parameters_agree() -> None:
    params = load_profile().resolve()
    cached = CachedParameters.of(params)
    for total in (0, 1, 100, 122, 123, 124):
        assert cached.majority(total) == params.majority(total)
        assert cached.two_thirds(total) == params.two_thirds(total)
        assert cached.censure(total) == params.censure(total)
