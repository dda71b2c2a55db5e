"""Shared helpers for the benchmarks: timing, a deterministic event stream."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable

from negotiation.events import Event
from negotiation.explore import Template, alphabet
from negotiation.model import WorldState
from negotiation.model.kernel import Kernel

GAPS_DAYS = (0, 0, 0, 1, 10, 30, 90, 400, 1900)


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other processes)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def random_walks(kernel: Kernel, walks: int, length: int, seed: int = 0) -> list[list[Event]]:
    """Random walks over the kinds available in each phase (facts from the explorer's
    alphabet, random gaps): accepted and rejected events alike, as exploration meets them."""
    rng = random.Random(seed)
    templates: dict[str, list[Template]] = alphabet(kernel)
    out = []
    for w in range(walks):
        phase, world, date = kernel.initial, WorldState(), dt.date(2013, 7, 1)
        seq = []
        for i in range(length):
            kinds = kernel.available(phase, world)
            if not kinds:
                break
            t = rng.choice(templates[rng.choice(kinds)])
            date += dt.timedelta(days=rng.choice(GAPS_DAYS))
            e = Event(id=f"w{w}-{i}", kind=t.kind, date=date, actors=t.actors, facts=t.facts)
            r = kernel.step(phase, world, e)
            phase, world = r.phase, r.world
            seq.append(e)
        out.append(seq)
    return out
