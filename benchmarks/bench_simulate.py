"""Simulation: steps per CPU-second against a hand-written random walk, and many runs on a
process pool against Dask.

* ``steps``: :func:`negotiation.simulate.runs.run_chunk` (the empirical policy, runs of 30
  steps) against the baseline a user wrote by hand: a walk choosing uniformly among the kinds
  the model has available, stepping the same compiled model with the record's events as
  templates, the same number of steps. CPU time, interleaved, median of paired ratios.
  Target: >= 150,000 simulated steps per CPU-second on one core.
* ``executors``: ``runs`` runs of <= 30 steps on the reference model with 2 workers on the
  process pool and on a Dask ``LocalCluster``, interleaved (pool, dask, dask, pool ...), wall
  time (the work is spread over processes); the results must be identical. Targets: 1,000,000
  runs <= 120 s on the pool, Dask within 1.3x of it.

    python benchmarks/bench_simulate.py                    # 100,000 runs per executor
    python benchmarks/bench_simulate.py --runs 1000000 --rounds 1
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import paired

from negotiation.events import Event
from negotiation.model import CompiledModel
from negotiation.simulate import prepare, run_job
from negotiation.simulate.runs import Job, dated, run_chunk

TIMING = ("steps_per_s", "cpu_s", "wall_s")


def random_walk(model: CompiledModel, events: list[Event], runs: int, steps: int) -> int:
    """The hand-written baseline: uniform among the available kinds, a record event of that
    kind as the template, 0-30 days between events. Returns the steps taken."""
    rng = random.Random(0)
    by_kind: dict[str, list[Event]] = {}
    for e in events:
        by_kind.setdefault(e.kind, []).append(e)
    done = 0
    for _ in range(runs):
        state = model.initial
        day = events[0].date
        for _ in range(steps):
            kinds = [k for k in model.available(state) if k in by_kind]
            if not kinds:
                break
            template = rng.choice(by_kind[rng.choice(kinds)])
            day = day.fromordinal(day.toordinal() + rng.randint(0, 30))
            state = model.step(state, dated(template, day)).state
            done += 1
    return done


def _steps(job: Job, events: list[Event], runs: int, rounds: int) -> dict[str, Any]:
    ours_steps = sum(run_chunk(job, 0, runs).steps)
    base_steps = random_walk(job.model, events, runs, job.max_steps)
    r = paired(
        lambda: run_chunk(job, 0, runs),
        lambda: random_walk(job.model, events, runs, job.max_steps),
        rounds=rounds,
    )
    return {
        "runs": runs,
        "steps_per_cpu_s": ours_steps / r.ours_s,
        "baseline_steps_per_cpu_s": base_steps / r.baseline_s,
        "ratio_per_step": (r.ours_s / ours_steps) / (r.baseline_s / base_steps),
        "spread": r.spread,
        "rounds": r.rounds,
    }


def _stable(data: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in data.items() if k not in TIMING})


def executors(runs: int, rounds: int, workers: int = 2) -> dict[str, Any]:
    job = prepare(seed=2026, max_steps=30)
    walls: dict[str, list[float]] = {"processes": [], "dask": []}
    outputs: dict[str, set[str]] = {"processes": set(), "dask": set()}
    order = ["processes", "dask"]
    for i in range(rounds):
        for name in order if i % 2 == 0 else reversed(order):
            start = time.perf_counter()
            sim = run_job(job, runs, executor=name, workers=workers)  # type: ignore[arg-type]
            walls[name].append(time.perf_counter() - start)
            outputs[name].add(_stable(sim.to_json()))
    serial = _stable(run_job(job, min(runs, 2_000)).to_json()) if runs <= 2_000 else None
    ratios = [d / p for d, p in zip(walls["dask"], walls["processes"], strict=True)]
    return {
        "runs": runs,
        "workers": workers,
        "pool_wall_s": statistics.median(walls["processes"]),
        "dask_wall_s": statistics.median(walls["dask"]),
        "dask_vs_pool": statistics.median(ratios),
        "identical": len(outputs["processes"] | outputs["dask"]) == 1
        and (serial is None or serial in outputs["processes"]),
        "rounds": rounds,
    }


def measure(quick: bool = False) -> dict[str, Any]:
    from negotiation.events import load_event_log
    from negotiation.packs import load_pack

    job = prepare(seed=1, max_steps=30)
    pack = load_pack("cambodia-2013-2017")
    cambodia = prepare(pack.compile(), seed=1, max_steps=30, events=pack.event_log().events)
    runs = 300 if quick else 1_500
    rounds = 5 if quick else 9
    out: dict[str, Any] = {"steps": _steps(job, list(load_event_log().events), runs, rounds)}
    c0 = time.process_time()
    steps = sum(run_chunk(cambodia, 0, runs).steps)
    out["cambodia_steps_per_cpu_s"] = {"steps_per_cpu_s": steps / (time.process_time() - c0)}
    out["executors"] = executors(20_000 if quick else 50_000, 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--executors-only", action="store_true")
    args = parser.parse_args()
    result: dict[str, Any] = {}
    if not args.executors_only:
        result = measure()
    result["executors"] = executors(args.runs, args.rounds, args.workers)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
