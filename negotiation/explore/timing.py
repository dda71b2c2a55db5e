"""Running a search under its limits: the garbage collector frozen, CPU time, resident
memory and bytes per state measured, the result filled in."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from negotiation.explore.progress import ProgressBar
from negotiation.explore.results import Exploration

if TYPE_CHECKING:
    from negotiation.explore.search import Search

__all__ = ["Progress", "default_max_memory_mb", "resident_mb", "timed"]

Progress = Callable[[int, int, int], None]


def _memory_mb() -> float | None:
    """This machine's memory in MB, or the control group's limit where that is lower."""
    import contextlib
    import os

    found: list[float] = []
    with contextlib.suppress(OSError, ValueError, AttributeError):
        found.append(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 1e6)
    for limit_file in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            with open(limit_file, "rb") as fh:
                value = fh.read().strip()
        except OSError:
            continue
        if value.isdigit() and int(value) < 1 << 60:  # "max", or a huge "no limit" value
            found.append(int(value) / 1e6)
    return min(found) if found else None


def default_max_memory_mb() -> float | None:
    """The default of ``explore --max-memory``: three quarters of this machine's memory (or of
    its control group's limit), so that the search stops with its partial result before the
    system's out-of-memory killer ends it with nothing; ``None`` where that is unknown."""
    total = _memory_mb()
    return None if total is None else round(total * 0.75)


def resident_mb() -> float:
    """This process's resident memory now, in MB (peak where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            pages = int(fh.read().split()[1])
        import os

        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def timed(
    search: Search,
    result: Exploration,
    limits: tuple[int, int, float, float | None],
    workers: int,
    progress: bool,
    on_progress: Progress | None,
) -> None:
    """Run the search (garbage collector off, CPU and memory measured) into ``result``."""
    max_states, max_depth, max_seconds, max_memory_mb = limits
    bar = ProgressBar(max_states) if progress else None
    report = on_progress
    if bar is not None:

        def report(states: int, trans: int, depth: int) -> None:
            bar.update(states, depth)
            if on_progress is not None:
                on_progress(states, trans, depth)

    # the young generations only: a full collection costs time in proportion to everything the
    # process holds (0.2 s per search in a test session), and the older objects are frozen
    # (left out of any collection) until the search ends anyway
    kept = gc.get_freeze_count() > 0  # what a caller froze (before forking ...) stays frozen
    enabled = gc.isenabled()
    gc.collect(1)
    gc.freeze()
    gc.disable()
    rss0 = resident_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    cpu_workers = 0.0
    try:
        if workers > 1:
            from negotiation.explore.parallel import run_parallel

            stopped, cpu_workers = run_parallel(
                search, workers, max_states, max_depth, t0 + max_seconds, max_memory_mb, report
            )
        else:
            stopped = search.run(max_states, max_depth, t0 + max_seconds, max_memory_mb, report)
    except KeyboardInterrupt:
        stopped = "interrupted"
    except MemoryError:
        search.shed()
        gc.collect()
        stopped = "max_memory"
    finally:
        # what the search allocated joins the oldest generation with what existed before,
        # unscanned: re-enabled with a young generation of every search object, the collector
        # would traverse them all at the next allocation, to find no garbage
        gc.freeze()
        if not kept:
            gc.unfreeze()
        if enabled:
            gc.enable()
        if bar is not None:
            bar.close(search.n_states)
    result.elapsed_s = time.perf_counter() - t0
    result.cpu_s = time.process_time() - c0 + cpu_workers
    result.peak_rss_mb = resident_mb()
    result.bytes_per_state = max(result.peak_rss_mb - rss0, 0.0) * 1e6 / max(search.n_states, 1)
    _collect(search, result, stopped)


def _collect(search: Search, result: Exploration, stopped: str) -> None:
    search.settle()
    result.distinct_states = search.n_states
    result.transitions = search.n_trans
    result.steps = search.n_steps
    result.max_depth = search.max_depth_seen
    result.stopped = stopped
    result.complete = stopped == "exhausted"
    result.rejections = dict(search.rejections)
    result.phases = search.phases
    result.outcomes = sorted(search.outcomes, key=lambda f: (f.depth, f.id))
    result.violations = sorted(search.violations, key=lambda f: (f.depth, f.type, f.id))
