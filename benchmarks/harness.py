"""Timing the benchmarks the way the project measures speed.

The machines are shared and noisy, so every figure is CPU time (``time.process_time``), the
two sides of a comparison are interleaved (ours, baseline, baseline, ours, ...), both do the
same work, and the figure reported is the median of the paired ratios.

>>> r = paired(lambda: sum(range(1000)), lambda: sum(range(1000)), rounds=3)
>>> r.rounds
3
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Paired:
    """CPU seconds per round on each side (medians), the median of ``ours / baseline`` and
    the smallest and largest of those ratios."""

    ours_s: float
    baseline_s: float
    ratio: float
    spread: tuple[float, float]
    rounds: int

    def rate(self, work: float) -> tuple[float, float]:
        """Units of ``work`` per CPU-second on each side (ours, baseline)."""
        return work / self.ours_s, work / self.baseline_s


def cpu(fn: Callable[[], object]) -> float:
    """CPU seconds ``fn`` took."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def paired(
    ours: Callable[[], object], baseline: Callable[[], object], *, rounds: int = 7
) -> Paired:
    """Run the two sides ``rounds`` times, interleaved, the order alternating each round."""
    ours(), baseline()  # warm-up: imports, caches, first-call costs
    mine: list[float] = []
    theirs: list[float] = []
    for i in range(rounds):
        if i % 2:
            theirs.append(cpu(baseline))
            mine.append(cpu(ours))
        else:
            mine.append(cpu(ours))
            theirs.append(cpu(baseline))
    ratios = [m / t for m, t in zip(mine, theirs, strict=True) if t > 0]
    return Paired(
        ours_s=statistics.median(mine),
        baseline_s=statistics.median(theirs),
        ratio=statistics.median(ratios),
        spread=(min(ratios), max(ratios)),
        rounds=rounds,
    )
