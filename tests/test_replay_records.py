"""The records of a replay (``Step``, ``StepViolation``) are built from the engine's already
validated results without a second validation: each must be the very record pydantic's own
``model_construct`` builds from the same fields, and survive validation, JSON and pickling."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation.events import Event, load_event_log
from negotiation.model import compile_model
from negotiation.replay import Step, StepViolation, Trace, replay
from negotiation.testing import enabled_sequences, event_sequences

MODEL = compile_model()
BROKEN = compile_model(disabled_rules=("no_early_dissolution", "amendment_two_thirds"))
OPPOSITION = compile_model(interpretation="opposition_2013")
OCTOBER = dt.date(2013, 10, 1)


def _fields(record: Step | StepViolation) -> dict[str, Any]:
    return {name: getattr(record, name) for name in type(record).model_fields}


def assert_records_sound(trace: Trace) -> None:
    for step in trace.steps:
        for record in (step, *step.violations):
            built = type(record).model_construct(**_fields(record))
            assert record == built
            assert repr(record) == repr(built)
            assert record.model_fields_set == built.model_fields_set
            assert list(record.__dict__) == list(built.__dict__)
            assert record.model_dump(mode="json") == built.model_dump(mode="json")
            assert pickle.loads(pickle.dumps(record)) == record
        assert Step.model_validate(_fields(step)) == step
    again = Trace.model_validate(
        {name: getattr(trace, name) for name in Trace.model_fields}
    ).model_dump(mode="json")
    assert again == trace.model_dump(mode="json")


def test_the_record_replays_into_sound_records() -> None:
    events = list(load_event_log())
    for compiled in (MODEL, OPPOSITION):
        trace = replay(compiled, events)
        assert any(not s.accepted for s in trace.steps) or compiled is MODEL
        assert_records_sound(trace)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data())
def test_generated_logs_replay_into_sound_records(data: st.DataObject) -> None:
    compiled = data.draw(st.sampled_from([MODEL, BROKEN]))
    strategy = data.draw(st.sampled_from([enabled_sequences, event_sequences]))
    events: list[Event] = data.draw(strategy(compiled, max_size=14))
    assert_records_sound(replay(compiled, events))


def test_a_broken_invariant_gives_sound_violation_records() -> None:
    # the shortest breaking walk (tests/test_model.py): elected, results, convened, dissolved
    log = {e.id: e for e in load_event_log()}
    walk = [
        log[i]
        for i in (
            "2013-07-28-election-held",
            "2013-07-28-results-announced",
            "2013-09-23-assembly-convened",
        )
    ]
    dissolved = walk[-1].model_copy(
        update={"id": "2013-10-01-dissolved", "kind": "assembly_dissolved", "date": OCTOBER}
    )
    trace = replay(BROKEN, [*walk, dissolved])
    assert [v.invariant for v in trace.violations] == ["no_early_dissolution"]
    assert trace.violations[0].citation is not None
    assert_records_sound(trace)
