"""Exploration: distinct states per second on the reference model, one core, vs a naive BFS.

The naive BFS is the same search (same abstract alphabet, same visited set of (phase, world))
stepping the ``transitions`` machine: ``DisputeModel.reset(world, phase)`` then ``step``, and
the machine's invariants. Both run to the same depth (the naive one under a time cap).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import deque
from typing import Any

from negotiation.events import Event
from negotiation.explore import DEFAULT_GAPS, DEFAULT_START, alphabet, dated_kinds, explore
from negotiation.model import DisputeModel, WorldState
from negotiation.model.kernel import Kernel


def naive_bfs(model: DisputeModel, max_depth: int, max_seconds: float) -> tuple[int, float]:
    """Distinct (phase, world) states found, and the seconds it took."""
    kernel = Kernel(model)  # only for the alphabet's thresholds
    templates = alphabet(kernel)
    dated = dated_kinds(model.spec)
    cache: dict[tuple[int, str, dt.date], Event] = {}
    start = time.perf_counter()
    seen = {(model.spec.initial, WorldState())}
    frontier = deque([(model.spec.initial, WorldState(), 0)])
    while frontier and time.perf_counter() - start < max_seconds:
        phase, world, d = frontier.popleft()
        if d >= max_depth:
            continue
        now = world.date or DEFAULT_START
        for kind in model.enabled[phase]:
            gaps = DEFAULT_GAPS if kind in dated else DEFAULT_GAPS[:1]
            for n, t in enumerate(templates[kind]):
                for g in gaps:
                    day = g.after(now)
                    e = cache.get((n, kind, day))
                    if e is None:
                        e = cache[(n, kind, day)] = Event(
                            id="x", kind=t.kind, date=day, actors=t.actors, facts=t.facts
                        )
                    model.reset(world, phase)
                    out = model.step(e)
                    if out.accepted:
                        key = (out.phase_after, out.world_after)
                        if key not in seen:
                            seen.add(key)
                            frontier.append((*key, d + 1))
    return len(seen), time.perf_counter() - start


def measure(quick: bool = False) -> dict[str, Any]:
    depth = 4 if quick else 5
    result = explore(max_depth=depth, max_states=10_000_000, max_seconds=600)
    naive_states, naive_s = naive_bfs(DisputeModel(), depth, 30 if quick else 120)
    ours = result.distinct_states / result.elapsed_s
    naive = naive_states / naive_s
    return {
        "depth": depth,
        "distinct_states": result.distinct_states,
        "transitions": result.transitions,
        "elapsed_s": result.elapsed_s,
        "states_per_s": ours,
        "naive_states": naive_states,
        "naive_elapsed_s": naive_s,
        "naive_states_per_s": naive,
        "speedup": ours / naive,
    }
