"""Outcome distributions: what the runs of a simulation add up to.

Chunks are merged in run order, so the result depends on the seed and the runs only. The
distribution of final configurations sums to 1; each outcome (a region's final state, or one
the policy names) has the share of runs that reached it with a 95% Wilson interval, and the days
it took (median and quartiles over the runs that reached it).
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from negotiation.simulate.runs import STOPS, Chunk

__all__ = ["Z95", "Simulation", "wilson"]

Z95 = 1.959963984540054  # the 97.5th percentile of the standard normal


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for ``k`` successes in ``n`` trials.

    >>> wilson(0, 10)[0], round(wilson(5, 10)[1], 4)
    (0.0, 0.7634)
    """
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def _r(x: float) -> float:
    return round(x, 6)


def _quartiles(days: Sequence[int]) -> tuple[float, float, float] | None:
    if not days:
        return None
    if len(days) == 1:
        return (float(days[0]),) * 3
    q1, q2, q3 = statistics.quantiles(days, n=4, method="inclusive")
    return (q1, q2, q3)


@dataclass
class Simulation:
    """The result of :func:`negotiation.simulate`: every run's summary, merged in run order."""

    seed: int
    requested: int
    outcome_names: tuple[str, ...]
    policy: str
    model: str
    start: str  # ISO date the runs start on
    chunks: list[Chunk] = field(default_factory=list)
    interrupted: bool = False
    wall_s: float = 0.0
    #: the model's temporal properties, in the model's order (each checked on every run)
    property_ids: tuple[str, ...] = ()

    # -- the merged columns --------------------------------------------------------------------
    @property
    def runs(self) -> int:
        return sum(len(c.steps) for c in self.chunks)

    @property
    def complete(self) -> bool:
        return self.runs == self.requested and not self.interrupted

    def _column(self, name: str) -> list[Any]:
        out: list[Any] = []
        for c in self.chunks:
            out.extend(getattr(c, name))
        return out

    def reached(self, outcome: int) -> list[int]:
        out: list[int] = []
        for c in self.chunks:
            out.extend(c.reached[outcome])
        return out

    @property
    def steps(self) -> int:
        return sum(sum(c.steps) for c in self.chunks)

    @property
    def cpu_s(self) -> float:
        return sum(c.cpu_s for c in self.chunks)

    @property
    def rejections(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for c in self.chunks:
            total.update(c.rejections)
        return dict(sorted(total.items(), key=lambda kv: (-kv[1], kv[0])))

    @property
    def violated(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for c in self.chunks:
            total.update(c.violated)
        return dict(sorted(total.items()))

    @property
    def broken_runs(self) -> int:
        """The runs that broke at least one temporal property."""
        return sum(sum(1 for b in c.broken_runs if b) for c in self.chunks)

    @property
    def properties(self) -> dict[str, dict[str, Any]]:
        """Per temporal property of the model: the runs that broke it (``n``), their share
        ``p`` with its 95% Wilson interval, and the first run that broke it (``example``: its
        index, the day after the start it broke and the monitor's message; reproduce it with
        the same seed), or ``None``."""
        n = self.runs
        counts: Counter[str] = Counter()
        examples: dict[str, tuple[int, int, str]] = {}
        for c in self.chunks:  # in run order: the first example is the lowest run
            counts.update(c.broken)
            for pid, first in c.broken_example.items():
                examples.setdefault(pid, first)
        out: dict[str, dict[str, Any]] = {}
        for pid in self.property_ids:
            k = counts.get(pid, 0)
            lo, hi = wilson(k, n)
            ex = examples.get(pid)
            out[pid] = {
                "n": k,
                "p": _r(k / n) if n else 0.0,
                "ci95": [_r(lo), _r(hi)],
                "example": {"run": ex[0], "days": ex[1], "message": ex[2]} if ex else None,
            }
        return out

    @property
    def outcomes(self) -> dict[str, dict[str, Any]]:
        """Per outcome: runs that reached it, ``p``, ``ci95`` and days (median, quartiles)."""
        n = self.runs
        out: dict[str, dict[str, Any]] = {}
        for i, name in enumerate(self.outcome_names):
            days = sorted(d for d in self.reached(i) if d >= 0)
            q = _quartiles(days)
            lo, hi = wilson(len(days), n)
            out[name] = {
                "n": len(days),
                "p": _r(len(days) / n) if n else 0.0,
                "ci95": [_r(lo), _r(hi)],
                "median_days": q[1] if q else None,
                "quartiles_days": [q[0], q[2]] if q else None,
            }
        return out

    @property
    def configurations(self) -> dict[str, dict[str, Any]]:
        """The distribution of final configurations (sums to 1 over the runs)."""
        n = self.runs
        counts = Counter(self._column("final"))
        out: dict[str, dict[str, Any]] = {}
        for label, k in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            lo, hi = wilson(k, n)
            out[label] = {"n": k, "p": _r(k / n), "ci95": [_r(lo), _r(hi)]}
        return out

    @property
    def stops(self) -> dict[str, int]:
        counts = Counter(self._column("stop"))
        return {name: counts.get(i, 0) for i, name in enumerate(STOPS)}

    # -- views ---------------------------------------------------------------------------------
    def __repr__(self) -> str:
        status = "complete" if self.complete else "partial"
        return (
            f"<Simulation {self.model}: {self.runs} runs ({status}), seed {self.seed}, "
            f"policy {self.policy}, {len(self.outcome_names)} outcome(s)>"
        )

    def _repr_html_(self) -> str:
        from negotiation.render.notebook import simulation_html

        return simulation_html(self)

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` document. Only ``steps_per_s``, ``cpu_s`` and ``wall_s`` depend on
        the machine; the rest is the same for a seed on every executor and worker count."""
        steps, cpu = self.steps, self.cpu_s
        return {
            "format_version": 1,
            "model": self.model,
            "policy": self.policy,
            "start": self.start,
            "runs": self.runs,
            "requested": self.requested,
            "seed": self.seed,
            "complete": self.complete,
            "outcomes": self.outcomes,
            "configurations": self.configurations,
            "stops": self.stops,
            "rejections": self.rejections,
            "violations": sum(self.violated.values()),
            "violated": self.violated,
            "properties": self.properties,
            "broken_runs": self.broken_runs,
            "steps": steps,
            "steps_per_s": round(steps / cpu) if cpu > 0 else None,
            "cpu_s": round(cpu, 3),
            "wall_s": round(self.wall_s, 3),
        }

    def summary(self) -> str:
        """A plain-text report."""
        n = self.runs
        lines = [
            f"simulation of {self.model} under policy {self.policy!r}: {n} runs"
            + ("" if self.complete else f" of {self.requested} (interrupted)")
            + f", seed {self.seed}, from {self.start}",
            "outcomes (share of runs, 95% Wilson interval, days to reach: median [quartiles]):",
        ]
        for name, o in self.outcomes.items():
            when = (
                f"{o['median_days']:g} [{o['quartiles_days'][0]:g}, {o['quartiles_days'][1]:g}]"
                if o["median_days"] is not None
                else "-"
            )
            lines.append(
                f"  {name:<36} {o['p']:7.2%}  [{o['ci95'][0]:.2%}, {o['ci95'][1]:.2%}]  {when}"
            )
        lines.append("final configurations:")
        for label, c in list(self.configurations.items())[:10]:
            lines.append(f"  {c['p']:7.2%}  {label}")
        more = len(self.configurations) - 10
        if more > 0:
            lines.append(f"  ... and {more} more")
        stops = ", ".join(f"{k} {v}" for k, v in self.stops.items() if v)
        lines.append(f"runs stopped: {stops or '-'}")
        rej = ", ".join(f"{k} {v}" for k, v in self.rejections.items())
        lines.append(f"rejected moves by rule: {rej or 'none'}")
        lines.append(f"invariant violations: {sum(self.violated.values())}")
        props = self.properties
        if props:
            lines.append(
                f"temporal properties broken: {self.broken_runs} run(s)"
                + (" (share of runs, 95% Wilson interval, first run):" if self.broken_runs else "")
            )
            for pid, b in props.items():
                if b["n"]:
                    ex = b["example"]
                    lines.append(
                        f"  {pid:<36} {b['p']:7.2%}  [{b['ci95'][0]:.2%}, {b['ci95'][1]:.2%}]"
                        f"  run {ex['run']}, day {ex['days']}: {ex['message']}"
                    )
        cpu = self.cpu_s
        rate = f"{self.steps / cpu:,.0f} steps per CPU-second" if cpu > 0 else "-"
        lines.append(f"{self.steps:,} steps in {cpu:.2f} CPU-s ({rate})")
        return "\n".join(lines) + "\n"

    def rows(self) -> Iterable[dict[str, Any]]:
        """One row per run, in run order."""
        for c in self.chunks:
            for j in range(len(c.steps)):
                row: dict[str, Any] = {
                    "run": c.first + j,
                    "steps": c.steps[j],
                    "days": c.days[j],
                    "final": c.final[j],
                    "stop": STOPS[c.stop[j]],
                    "violations": c.violations[j],
                    "broken": c.broken_runs[j],
                }
                for i, name in enumerate(self.outcome_names):
                    d = c.reached[i][j]
                    row[f"days_to:{name}"] = d if d >= 0 else None
                yield row

    def to_pandas(self) -> Any:
        """Every run as a pandas DataFrame (the ``[sim]`` extra)."""
        import pandas as pd

        columns = ["run", "steps", "days", "final", "stop", "violations", "broken"]
        columns += [f"days_to:{n}" for n in self.outcome_names]
        frame = pd.DataFrame.from_records(list(self.rows()), columns=columns)
        for n in self.outcome_names:
            frame[f"days_to:{n}"] = frame[f"days_to:{n}"].astype("Int64")
        return frame
