"""Replay through our engine vs a hand-written plain ``transitions`` machine; kernel vs machine.

* engine overhead: ``DisputeModel.step`` (spec-built machine: cited rules, effects on frozen
  world states, invariants) vs :class:`baseline.PlainMachine` on the same events — target
  <= 1.5x. The full ``replay()`` (a ``Trace`` with world diffs and citations) is shown too.
* kernel speed-up: ``Kernel.step`` vs ``DisputeModel.step`` (``transitions`` triggers) on the
  same random walks — target >= 30x.
"""

from __future__ import annotations

from typing import Any

from baseline import PlainMachine
from common import best_of, random_walks

from negotiation.events import Event
from negotiation.model import DisputeModel, WorldState
from negotiation.model.kernel import Kernel
from negotiation.replay import replay


def record() -> list[Event]:
    """The curated record if present, else the record's opening as in the tests."""
    try:
        from negotiation.events.log import load_event_log

        return list(load_event_log())
    except Exception:
        ev = Event.model_validate
        return [
            ev({"id": "a", "kind": "election_held", "date": "2013-07-28"}),
            ev(
                {
                    "id": "b",
                    "kind": "results_announced",
                    "date": "2013-08-12",
                    "facts": {"seats": {"cpp": 68, "cnrp": 55}, "total_seats": 123},
                }
            ),
            ev({"id": "c", "kind": "results_rejected", "date": "2013-08-13"}),
            ev({"id": "d", "kind": "royal_mediation", "date": "2013-09-14"}),
            ev({"id": "e", "kind": "boycott", "date": "2013-09-23", "actors": ["cnrp"]}),
            ev({"id": "f", "kind": "assembly_convened", "date": "2013-09-23"}),
            ev({"id": "g", "kind": "government_formed", "date": "2013-09-24"}),
            ev({"id": "h", "kind": "talks_held", "date": "2013-11-05"}),
            ev({"id": "i", "kind": "talks_broken_off", "date": "2014-01-31"}),
            ev({"id": "j", "kind": "protest", "date": "2014-02-10"}),
        ]


def measure(quick: bool = False) -> dict[str, Any]:
    model, plain = DisputeModel(), PlainMachine()
    kernel = Kernel(model)
    events = record()
    loops = 20 if quick else 100
    repeat = 3 if quick else 5

    def ours() -> None:
        for _ in range(loops):
            model.reset()
            for e in events:
                model.step(e)

    def base() -> None:
        for _ in range(loops):
            plain.reset()
            for e in events:
                plain.step(e)

    def full_replay() -> None:
        for _ in range(loops):
            replay(model, events)

    n = loops * len(events)
    t_ours, t_base, t_replay = (best_of(f, repeat) for f in (ours, base, full_replay))

    walks = random_walks(kernel, 60 if quick else 200, 20)
    steps = sum(len(w) for w in walks)

    def machine_walks() -> None:
        for w in walks:
            model.reset()
            for e in w:
                model.step(e)

    def kernel_walks() -> None:
        step, initial = kernel.step, kernel.initial
        for w in walks:
            phase, world = initial, WorldState()
            for e in w:
                phase, world = step(phase, world, e)[1:3]

    t_machine, t_kernel = best_of(machine_walks, repeat), best_of(kernel_walks, repeat)
    return {
        "record_events": len(events),
        "engine_steps_per_s": n / t_ours,
        "plain_transitions_steps_per_s": n / t_base,
        "replay_steps_per_s": n / t_replay,
        "engine_overhead": t_ours / t_base,
        "replay_overhead": t_replay / t_base,
        "walk_steps": steps,
        "machine_steps_per_s": steps / t_machine,
        "kernel_steps_per_s": steps / t_kernel,
        "kernel_speedup": t_machine / t_kernel,
    }
