"""Hypothesis: model steps per CPU-second when property-testing the reference model.

``enabled_sequences`` drawn by hypothesis and replayed with ``replay`` (what the tests do),
against the same hypothesis settings and strategy whose sequences are stepped through the
plain ``transitions`` baseline instead: the ratio is what our replay adds on top of generation.
The generated ``RuleBasedStateMachine`` is timed too (steps per CPU-second, no baseline).
"""

from __future__ import annotations

import time
from typing import Any

from baseline import PlainMachine
from harness import paired
from hypothesis import HealthCheck, given, settings
from hypothesis.stateful import run_state_machine_as_test

from negotiation.events import Event
from negotiation.model import DisputeModel
from negotiation.replay import replay
from negotiation.testing import dispute_state_machine, enabled_sequences

SETTINGS = {
    "deadline": None,
    "database": None,
    "derandomize": True,
    "suppress_health_check": list(HealthCheck),
}


def measure(quick: bool = False) -> dict[str, Any]:
    model = DisputeModel()
    plain = PlainMachine()
    examples = 100 if quick else 300
    steps = [0]

    @settings(max_examples=examples, **SETTINGS)  # type: ignore[arg-type]
    @given(enabled_sequences(model, max_size=14))
    def ours(events: list[Event]) -> None:
        steps[0] += len(events)
        replay(model, events)

    @settings(max_examples=examples, **SETTINGS)  # type: ignore[arg-type]
    @given(enabled_sequences(model, max_size=14))
    def base(events: list[Event]) -> None:
        plain.reset()
        for e in events:
            plain.step(e)

    steps[0] = 0
    ours()
    per_run = steps[0]
    r = paired(ours, base, rounds=3 if quick else 7)

    counted = [0]
    generated = dispute_state_machine(model)

    class Counting(generated):  # type: ignore[valid-type,misc]
        def teardown(self) -> None:
            counted[0] += self.count  # events the machine built and stepped
            super().teardown()

    start = time.process_time()
    run_state_machine_as_test(
        Counting,
        settings=settings(max_examples=examples // 2, stateful_step_count=20, **SETTINGS),  # type: ignore[arg-type]
    )
    sm_cpu = time.process_time() - start
    return {
        "sequence_steps_per_cpu_s": per_run / r.ours_s,
        "baseline_steps_per_cpu_s": per_run / r.baseline_s,
        "ratio_vs_baseline": r.ratio,
        "state_machine_steps_per_cpu_s": counted[0] / sm_cpu,
        "rounds": r.rounds,
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(measure(quick="--quick" in sys.argv), indent=2))
