"""The hypothesis helpers users import: strategies, the generated state machine, CI profile."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.stateful import run_state_machine_as_test

from negotiation.events import Event
from negotiation.model import DisputeModel, load_profile
from negotiation.replay import replay
from negotiation.scenario import LoadedScenario, Scenario, run_scenario
from negotiation.testing import (
    CI_PROFILE,
    dispute_state_machine,
    events,
    scenarios,
    variants,
)

MODEL = DisputeModel()
FEW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def ev(i: str, kind: str, date: str, **kw: object) -> Event:
    return Event.model_validate({"id": i, "kind": kind, "date": date, **kw})


RECORD_START = [
    ev("a", "election_held", "2013-07-28"),
    ev("b", "results_announced", "2013-08-12", facts={"seats": {"cpp": 68, "cnrp": 55}}),
    ev("c", "boycott", "2013-09-23", actors=["cnrp"]),
    ev("d", "assembly_convened", "2013-09-23"),
    ev("e", "government_formed", "2013-09-24", facts={"votes_for": 68}),
]

TestDisputeStateMachine = dispute_state_machine(MODEL).TestCase
TestDisputeStateMachine.settings = settings(
    max_examples=15, stateful_step_count=15, deadline=None, database=None
)


def test_state_machine_has_a_rule_per_kind_and_the_model_invariants() -> None:
    machine = dispute_state_machine(MODEL)()
    names = {r.function.__name__ for r in machine.rules}
    assert names == MODEL.spec.handled_kinds() | {"advance"}
    invariants = {i.function.__name__ for i in machine.invariants}
    assert "holds_no_early_dissolution" in invariants
    assert "holds_core_never_amended" in invariants  # temporal properties too


def test_state_machine_runs_under_the_ci_profile() -> None:
    run_state_machine_as_test(
        dispute_state_machine(MODEL),
        settings=settings(settings.get_profile(CI_PROFILE), max_examples=5),
    )


@pytest.mark.slow  # about 25 s: finding the 4-step path, then shrinking it
def test_state_machine_finds_a_planted_rule_bug() -> None:
    broken = DisputeModel(
        profile=load_profile().model_copy(update={"disabled_rules": ("no_early_dissolution",)})
    )
    with pytest.raises(AssertionError, match="no_early_dissolution"):
        run_state_machine_as_test(
            dispute_state_machine(broken),
            settings=settings(
                max_examples=300,
                stateful_step_count=20,
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            ),
        )


@FEW
@given(events(MODEL))
def test_events_are_handled_kinds(e: Event) -> None:
    assert MODEL.handles(e.kind)


@FEW
@given(variants(RECORD_START))
def test_variants_are_valid_event_lists(evs: list[Event]) -> None:
    assert len({e.id for e in evs}) == len(evs)
    assert {e.id for e in evs} <= {e.id for e in RECORD_START}
    replay(MODEL, evs)  # replays without error


@FEW
@given(scenarios(MODEL, max_size=8))
def test_scenarios_run(sc: Scenario) -> None:
    (result,) = run_scenario(LoadedScenario(sc, None, Path(".")))
    assert result.passed and result.trace.total == len(sc.events)
