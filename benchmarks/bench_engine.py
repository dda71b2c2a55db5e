"""The engine against a hand-written plain ``transitions`` machine, on the same events.

Three comparisons, each interleaved in CPU time against :class:`baseline.PlainMachine` (the
reference model's phases and transitions with hand-written conditions and a dict world):

* ``core``: ``CompiledModel.step`` over the curated record, invariants and the property monitor
  included (the same work the machine used to do). Target: >= 400,000 steps/CPU-s and >= 3x
  faster than plain ``transitions``.
* ``engine``: ``DisputeModel.step``, the facade that also drives the ``transitions`` adapter.
  Target: <= 1.3x the plain machine.
* ``replay``: ``replay()`` building a full ``Trace`` (world diffs, citations). Target: <= 2x.
"""

from __future__ import annotations

from typing import Any

from baseline import PlainMachine
from harness import paired

from negotiation.events import Event
from negotiation.events.log import load_event_log
from negotiation.model import DisputeModel, compile_model
from negotiation.replay import replay


def measure(quick: bool = False) -> dict[str, Any]:
    events: list[Event] = list(load_event_log())
    loops = 50 if quick else 250
    rounds = 7 if quick else 11
    plain, model, core = PlainMachine(), DisputeModel(), compile_model()

    def base() -> None:
        for _ in range(loops):
            plain.reset()
            for e in events:
                plain.step(e)

    def core_steps() -> None:
        step, initial = core.step, core.initial
        for _ in range(loops):
            state = initial
            for e in events:
                state = step(state, e).state

    def facade() -> None:
        for _ in range(loops):
            model.reset()
            for e in events:
                model.step(e)

    def full_replay() -> None:
        for _ in range(loops // 5):
            replay(model, events)

    def base_fifth() -> None:
        for _ in range(loops // 5):
            plain.reset()
            for e in events:
                plain.step(e)

    n = loops * len(events)
    out: dict[str, Any] = {"record_events": len(events), "steps_per_round": n}
    for name, ours, theirs, work in (
        ("core", core_steps, base, n),
        ("engine", facade, base, n),
        ("replay", full_replay, base_fifth, n // 5),
    ):
        r = paired(ours, theirs, rounds=rounds)
        mine, plain_rate = r.rate(work)
        out[name] = {
            "steps_per_cpu_s": mine,
            "plain_transitions_steps_per_cpu_s": plain_rate,
            "ratio_vs_plain": r.ratio,  # CPU time ours / plain: < 1 is faster
            "ratio_spread": list(r.spread),
            "rounds": r.rounds,
        }
    return out


if __name__ == "__main__":
    import json

    print(json.dumps(measure(quick=True), indent=2))
