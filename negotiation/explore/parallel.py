"""Exploration on several processes: each breadth-first level is expanded by a process pool.

The main process keeps what makes the search exact and deterministic: the visited set, the
parent links, the order of discovery. Each level's frontier is cut into contiguous chunks;
workers (each with the compiled model, sent once, and its own step memo) return every chunk's
accepted successors, as ``(template, date, state, violations, broken)`` in the order the serial
search would produce them; the main process then admits them in frontier order, exactly as
:meth:`Search.run` does. So the result is identical to the serial search's; the speed-up is
what the benchmarks measure, after the cost of sending states between processes.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from negotiation.model.compiled import CompiledModel, State

if TYPE_CHECKING:
    from negotiation.explore.search import Search

__all__ = ["run_parallel"]

CHUNK = 512  # states per task: enough work to pay for pickling

_worker: Any = None  # the worker process's own search (set by _init)


def _init(
    compiled: CompiledModel, domain_args: dict[str, Any], gaps_for: str, start: dt.date
) -> None:
    from negotiation.explore.alphabet import Alphabet
    from negotiation.explore.domain import domain_for
    from negotiation.explore.search import Search

    global _worker
    domain = domain_for(compiled, **domain_args)
    alphabet = Alphabet(domain, gaps_for)  # type: ignore[arg-type]
    _worker = Search(compiled, alphabet, start, (), compiled.initial, False)


def _expand(
    states: list[State],
) -> tuple[list[list[tuple[Any, ...]]], dict[str, int], int, int, float]:
    """Successors of each state, as (template, date, state, violations, broken)."""
    search = _worker
    c0 = time.process_time()
    steps0, trans0 = search.n_steps, search.n_trans
    search.rejections.clear()
    out = []
    alphabet = search.alphabet
    for state in states:
        found = search.successors(state)
        out.append(
            [
                (_template(alphabet, ev), ev.date, new, entry[3], entry[4])
                for ev, new, entry in found
            ]
        )
    search.settle()
    return (
        out,
        dict(search.rejections),
        search.n_steps - steps0,
        search.n_trans - trans0,
        time.process_time() - c0,
    )


def _template(alphabet: Any, event: Any) -> int:
    return int(event.id.rsplit("-", 1)[1])  # the alphabet names each event x-<kind>-<template>


def run_parallel(
    search: Search,
    workers: int,
    max_states: int,
    max_depth: int,
    deadline: float,
    max_memory_mb: float | None,
    report: Callable[[int, int, int], None] | None,
) -> tuple[str, float]:
    """Run ``search`` with ``workers`` processes; returns (why it stopped, workers' CPU-s)."""
    from negotiation.explore.timing import resident_mb

    alphabet = search.alphabet
    args = (search.compiled, alphabet.domain_args, alphabet.gaps_for, search.start)
    cpu = 0.0
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=args) as pool:
        while search.frontier:
            level = search.pop_level()
            depth = level[0][2]
            if depth >= max_depth:
                search.frontier.clear()
                return "max_depth", cpu
            chunks = [level[i : i + CHUNK] for i in range(0, len(level), CHUNK)]
            results = pool.map(_expand, [[s for _, s, _ in chunk] for chunk in chunks])
            for chunk, (found, rejections, steps, trans, spent) in zip(
                chunks, results, strict=True
            ):
                cpu += spent
                search.n_steps += steps
                search.n_trans += trans
                for rule, n in rejections.items():
                    search.rejections[rule] += n
                for (idx, state, d), successors in zip(chunk, found, strict=True):
                    search.expanded += 1
                    stopped = search.admit(
                        idx,
                        state,
                        d,
                        [
                            (
                                alphabet.events[alphabet.number(n, day)],
                                new,
                                (None, None, None, v, b),
                            )
                            for n, day, new, v, b in successors
                        ],
                        max_states,
                    )
                    if stopped:
                        return stopped, cpu
            if time.perf_counter() > deadline:
                return "max_seconds", cpu
            if max_memory_mb is not None and resident_mb() > max_memory_mb:
                return "max_memory", cpu
            if report is not None:
                report(search.n_states, search.n_trans, depth)
    return "exhausted", cpu
