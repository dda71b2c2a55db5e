"""Hypothesis: events stepped per second when property-testing the reference model.

``enabled_sequences`` drawn by hypothesis and replayed with ``replay`` (what
``tests/test_model.py`` does), and the generated ``RuleBasedStateMachine``; both counted in
model steps per second, generation included.
"""

from __future__ import annotations

import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis.stateful import run_state_machine_as_test

from negotiation.events import Event
from negotiation.model import DisputeModel
from negotiation.replay import replay
from negotiation.testing import dispute_state_machine, enabled_sequences


def measure(quick: bool = False) -> dict[str, Any]:
    model = DisputeModel()
    examples = 100 if quick else 400
    steps = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(enabled_sequences(model, max_size=14))
    def prop(events: list[Event]) -> None:
        nonlocal steps
        steps += len(events)
        replay(model, events)

    t = time.perf_counter()
    prop()
    t_seq = time.perf_counter() - t
    seq_steps = steps

    counted = 0
    original = model.step

    def counting(e: Event) -> Any:
        nonlocal counted
        counted += 1
        return original(e)

    model.step = counting  # type: ignore[method-assign]
    t = time.perf_counter()
    run_state_machine_as_test(
        dispute_state_machine(model),
        settings=settings(
            max_examples=examples // 2,
            stateful_step_count=20,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        ),
    )
    t_sm = time.perf_counter() - t
    return {
        "sequence_steps": seq_steps,
        "sequence_steps_per_s": seq_steps / t_seq,
        "state_machine_steps": counted,
        "state_machine_steps_per_s": counted / t_sm,
    }
