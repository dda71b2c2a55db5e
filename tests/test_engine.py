"""One engine: the compiled core, its ``transitions`` adapter, memoised steps, pickling, and
the results of the engine it replaced (golden files recorded before the rebuild)."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation.events import Event, load_event_log
from negotiation.explore import Exploration, explore
from negotiation.model import NOT_ENABLED, DisputeModel, compile_model
from negotiation.model.compiled import CompiledModel
from negotiation.model.memo import StepMemo
from negotiation.replay import replay
from negotiation.testing import enabled_sequences, event_sequences

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
KENYA = ROOT / "negotiation" / "data" / "packs" / "kenya-2007-2008"

MODEL = compile_model()
BROKEN = compile_model(disabled_rules=("no_early_dissolution", "amendment_two_thirds"))
OPPOSITION = compile_model(interpretation="opposition_2013")
MODELS = [MODEL, BROKEN, OPPOSITION]


def assert_adapter_follows(compiled: CompiledModel, events: list[Event]) -> None:
    """The ``transitions`` machine reaches, event by event, the configuration of the core."""
    model = DisputeModel(compiled=compiled)
    machine = model.adapter
    state = compiled.initial
    for i, e in enumerate(events):
        assert model.available() == compiled.available(state), i
        out = model.step(e)
        direct = compiled.step(state, e, record=True)
        assert out == direct, (i, e.kind)
        state = direct.state
        assert machine.config() == state.config, (i, e.kind, machine.config(), state.config)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(MODELS))), st.data())
def test_adapter_follows_the_core_on_enabled_sequences(which: int, data: st.DataObject) -> None:
    events = data.draw(enabled_sequences(MODELS[which], max_size=16))
    assert_adapter_follows(MODELS[which], events)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event_sequences(MODEL, max_size=12))
def test_adapter_follows_the_core_on_any_order(events: list[Event]) -> None:
    assert_adapter_follows(MODEL, events)
    assert_adapter_follows(BROKEN, events)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(MODELS))), st.data())
def test_memoised_steps_equal_direct_steps(which: int, data: st.DataObject) -> None:
    """Sound because every library entry declares what it reads: the same step, memoised."""
    compiled = MODELS[which]
    memo = StepMemo(compiled)
    # a verdict that reads no date is shared by events equal but for their date
    undated = StepMemo(compiled, lambda key: (key[0], *key[2:]))
    events = data.draw(enabled_sequences(compiled, max_size=14))
    # the same events again from other states: the memo must still agree
    for seq in (events, events[::2], events[1:]):
        state = compiled.initial
        for e in seq:
            direct = compiled.step(state, e)
            key = (
                e.kind,
                e.date,
                json.dumps(e.facts.present(), sort_keys=True, default=str),
                e.actors,
                e.recipients,
            )
            assert memo.step(state, e, key) == direct._replace(evaluated=())
            assert undated.step(state, e, key) == direct._replace(evaluated=())
            state = direct.state


def test_the_transitions_machine_is_built_only_on_demand() -> None:
    model = DisputeModel()
    assert model._adapter is None
    model.step(Event(id="e", kind="election_held", date="2013-07-28"))
    assert model.machine.get_state("election_held") is not None  # type: ignore[attr-defined]
    assert model.adapter.config() == ("election_held",)


def test_not_enabled_reason_names_the_phase() -> None:
    e = Event(id="d", kind="assembly_dissolved", date="2014-02-01")
    r = MODEL.step(MODEL.initial, e)
    assert r.rejected_by == NOT_ENABLED and "in phase 'campaign'" in (r.reason or "")


def test_step_is_pure() -> None:
    e = Event(id="e", kind="election_held", date=dt.date(2013, 7, 28))
    a, b = MODEL.step(MODEL.initial, e), MODEL.step(MODEL.initial, e)
    assert a == b and a.state.world is not b.state.world
    assert MODEL.initial.world == compile_model().initial.world


def test_a_rule_outranks_another_candidates_state_condition() -> None:
    # government_formed has two candidates from assembly_convened (boycotting / no_boycott):
    # with no boycott and 60 votes, the confidence rule is what stops it
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
    assert MODEL.run(events)[-1].rejected_by == "confidence_vote"


@pytest.mark.parametrize("compiled", MODELS, ids=["reference", "broken", "opposition"])
def test_a_compiled_model_pickles_and_steps_identically(compiled: CompiledModel) -> None:
    copy = pickle.loads(pickle.dumps(compiled))
    log = list(load_event_log())
    assert [r.state for r in copy.run(log)] == [r.state for r in compiled.run(log)]
    assert [(r.rejected_by, r.reason) for r in copy.run(log)] == [
        (r.rejected_by, r.reason) for r in compiled.run(log)
    ]


# --- the results of the engine this one replaced (recorded before the rebuild) ---------------
def _golden(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))


def _same_exploration(result: dict, golden: dict) -> None:  # type: ignore[type-arg]
    for key in (
        "distinct_states",
        "transitions",
        "steps",
        "max_depth",
        "violations",
        "phases",
        "rejections",
        "complete",
        "stopped",
    ):
        assert result[key] == golden[key], key
    # witnesses now carry the events' recipients (the old engine dropped them)
    for found in result["outcomes"]:
        for e in found["events"]:
            e.pop("recipients", None)
    assert result["outcomes"] == golden["outcomes"]
    for key in ("events", "gaps", "dated_kinds", "start"):
        assert result["abstraction"][key] == golden["abstraction"][key], key


def test_exploration_equals_the_old_engine_on_the_reference_model(
    reference_depth_5: Exploration,
) -> None:
    result = reference_depth_5.to_json()  # explore(max_depth=5, max_states=10**7, ...)
    _same_exploration(result, _golden("explore_cambodia_d5"))


def test_exploration_with_every_gap_equals_the_old_engine() -> None:
    result = explore(max_depth=3, gaps_for="all", max_states=10**7, max_seconds=600).to_json()
    _same_exploration(result, _golden("explore_cambodia_d3_all"))


def test_exploration_with_rules_off_finds_what_the_old_engine_found(tmp_path: Path) -> None:
    profile = tmp_path / "broken.yaml"
    text = (ROOT / "negotiation" / "data" / "profiles" / "cambodia.yaml").read_text()
    profile.write_text(
        text + "disabled_rules: [no_early_dissolution, amendment_two_thirds, confidence_vote]\n"
    )
    result = explore(profile=profile, max_depth=5, max_states=10**7, max_seconds=600).to_json()
    _same_exploration(result, _golden("explore_cambodia_broken_d5"))


@pytest.mark.slow
def test_kenya_exploration_equals_the_old_engine() -> None:
    result = explore(
        KENYA / "model.yaml",
        parties=("odm", "others"),
        split=(99, 111),
        start=dt.date(2007, 12, 27),
        max_depth=6,
        max_states=10**7,
        max_seconds=600,
    ).to_json()
    _same_exploration(result, _golden("explore_kenya_d6"))


def test_kenya_exploration_from_the_record_equals_the_old_engine() -> None:
    log = list(load_event_log(KENYA / "events.yaml"))
    upto = [e.id for e in log].index("2008-01-15-parliament-opens") + 1
    result = explore(
        KENYA / "model.yaml",
        parties=("odm", "others"),
        split=(99, 111),
        start=dt.date(2007, 12, 27),
        max_depth=4,
        start_events=log[:upto],
        max_states=10**7,
        max_seconds=600,
    ).to_json()
    _same_exploration(result, _golden("explore_kenya_after"))


def test_every_scenario_keeps_its_result() -> None:
    """Each scenario step as the old engine judged it. One deliberate difference: an invariant
    is now reported at the step that breaks it, not again at every later step."""
    from negotiation.scenario import plan_files, run_cell

    golden = {(g["file"], g["cell"]): g for g in _golden("run_scenarios")}  # type: ignore[arg-type]
    cells = plan_files([ROOT / "scenarios", KENYA / "scenarios"])
    assert len(cells) == len(golden)
    for cell in cells:
        g = golden[(str(Path(cell.file).relative_to(ROOT)), cell.cell)]
        result = run_cell(cell)
        assert result.passed == g["passed"], cell.name
        assert result.trace.final_phase == g["final_phase"], cell.name
        first_seen: set[str] = set()
        for step, (eid, accepted, rule, phase, violated) in zip(
            result.trace.steps, g["steps"], strict=True
        ):
            assert (step.event, step.accepted, step.rejected_by, step.phase_after) == (
                eid,
                accepted,
                rule,
                phase,
            ), cell.name
            new = sorted(set(violated) - first_seen)
            first_seen |= set(violated)
            assert sorted({v.invariant for v in step.violations}) == new, (cell.name, eid)


def test_replay_of_the_record_equals_the_old_engine() -> None:
    for name, compiled in (("replay_cambodia", MODEL), ("replay_cambodia_opposition", OPPOSITION)):
        golden = _golden(name)
        trace = replay(compiled, load_event_log()).to_json()
        for key in ("accepted", "total", "final_phase", "conformance", "first_deviation"):
            assert trace[key] == golden[key], (name, key)
        for mine, old in zip(trace["steps"], golden["steps"], strict=True):
            for key in ("event", "phase_before", "phase_after", "accepted", "rejected_by"):
                assert mine.get(key) == old.get(key), (name, mine["event"], key)
            # the old engine's reason, and for an event no transition took, what the phase
            # lacks (replay adds it: CompiledModel.not_enabled_detail)
            reason, was = mine.get("reason"), old.get("reason")
            assert reason == was or (
                mine["rejected_by"] == "not_enabled"
                and reason.startswith(f"{was}; for this event the phase needs ")
            ), (name, mine["event"], "reason")
            assert mine.get("changes", {}) == _pairs_as_maps(old.get("changes", {}))
        old_world = _pairs_as_maps(golden["final_world"])
        assert {k: trace["final_world"].get(k) for k in old_world} == old_world


def _pairs_as_maps(data: dict) -> dict:  # type: ignore[type-arg]
    """The old engine wrote seat maps as lists of pairs; the new one as mappings."""

    def fix(v: object) -> object:
        if (
            isinstance(v, list)
            and v
            and all(isinstance(x, list) and len(x) == 2 and isinstance(x[0], str) for x in v)
        ):
            return dict(v)  # type: ignore[arg-type]
        if isinstance(v, list):
            return [fix(x) for x in v]
        return v

    return {k: fix(v) for k, v in data.items()}
