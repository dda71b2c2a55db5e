"""Simulations as the simulate tests compare them: a job's result on any executor, in a form
without its timings (``stable``), so that two executors' results can be compared byte for
byte."""

from __future__ import annotations

import json
from typing import Any

from negotiation.simulate.executors import dask_chunks, execute
from negotiation.simulate.outcomes import Simulation
from negotiation.simulate.runs import Job

#: what differs between two runs of the same simulation: how long they took
TIMING = ("steps_per_s", "cpu_s", "wall_s")


def _simulation(job: Job, runs: int, chunks: Any, interrupted: bool) -> Simulation:
    ids = tuple(p.id for p in job.model.monitor.properties)
    return Simulation(
        job.seed, runs, job.outcome_names, job.policy.id, "m", "d", chunks, interrupted, 0.0, ids
    )


def result(job: Job, runs: int, **kw: object) -> Simulation:
    """``runs`` runs of ``job`` on the executor ``kw`` names (serial by default)."""
    chunks, interrupted = execute(job, runs, **kw)  # type: ignore[arg-type]
    return _simulation(job, runs, chunks, interrupted)


def dask_result(job: Job, parts: list[tuple[int, int]]) -> Simulation:
    """The runs of ``parts`` (first run, count) on a local Dask cluster of two workers."""
    import distributed

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        chunks = sorted(
            dask_chunks(client, job, parts, distributed.as_completed), key=lambda c: c.first
        )
    return _simulation(job, sum(n for _, n in parts), chunks, False)


def stable(sim: Simulation) -> str:
    """The simulation's JSON without its timings."""
    data = sim.to_json()
    for key in TIMING:
        data.pop(key)
    return json.dumps(data)
