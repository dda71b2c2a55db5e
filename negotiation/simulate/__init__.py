"""Seeded Monte Carlo simulation over actor policies: how likely each outcome is, and how long
it takes.

:func:`simulate` runs a compiled model under a policy (:mod:`~negotiation.simulate.policy`, or
the ``empirical`` one estimated from the record: :mod:`~negotiation.simulate.empirical`) many
times, each run on its own seed stream (:mod:`~negotiation.simulate.runs`), on one of the
executors (:mod:`~negotiation.simulate.executors`), and returns a
:class:`~negotiation.simulate.outcomes.Simulation`; :mod:`~negotiation.simulate.sweep` varies
interpretations and policy weights. numpy, pandas and Dask are imported only when used::

    >>> from negotiation.simulate import simulate
    >>> s = simulate(runs=20, seed=1, max_steps=30)
    >>> s.runs, s.complete, round(sum(c["p"] for c in s.configurations.values()), 6)
    (20, True, 1.0)
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from negotiation._internal.suggest import unknown
from negotiation.errors import InputError
from negotiation.events import Event
from negotiation.model.compiled import CompiledModel, State
from negotiation.simulate.empirical import DEFAULT_SMOOTHING, empirical_policy
from negotiation.simulate.executors import EXECUTORS, Executor, Progress, execute
from negotiation.simulate.outcomes import Simulation, wilson
from negotiation.simulate.policy import Policy, load_policy
from negotiation.simulate.runs import Job
from negotiation.simulate.sweep import Sweep, load_sweep, run_sweep
from negotiation.simulate.tables import write_sweep_table

__all__ = [
    "DEFAULT_SMOOTHING",
    "EXECUTORS",
    "Policy",
    "Simulation",
    "Sweep",
    "empirical_policy",
    "load_policy",
    "load_sweep",
    "prepare",
    "run_job",
    "run_sweep",
    "simulate",
    "wilson",
    "write_sweep_table",
]


def _record(model: CompiledModel) -> list[Event]:
    """The built-in record, for the built-in reference model only."""
    from negotiation.events import load_event_log
    from negotiation.model.spec import load_spec

    return list(load_event_log().events) if model.spec == load_spec() else []


def _final_outcomes(
    model: CompiledModel,
) -> list[tuple[str, tuple[tuple[int, frozenset[str]], ...] | None, str | None]]:
    out: list[tuple[str, tuple[tuple[int, frozenset[str]], ...] | None, str | None]] = []
    by_template = {r.id: r for r in model.spec.regions}
    for i, name in enumerate(model.regions):
        region = by_template.get(name.split(".", 1)[0])
        if region is None:
            continue
        for s in region.states:
            if s.final:
                label = s.id if len(model.regions) == 1 and model.single_track else f"{name}={s.id}"
                out.append((label, ((i, frozenset([s.id])),), None))
    return out


def prepare(
    model: CompiledModel | None = None,
    policy: Policy | str | Path | None = None,
    *,
    seed: int = 0,
    max_steps: int = 50,
    horizon: int | None = None,
    events: Sequence[Event] | None = None,
    from_event: str | None = None,
    smoothing: float = DEFAULT_SMOOTHING,
    spawn: tuple[int, ...] = (),
) -> Job:
    """The :class:`~negotiation.simulate.runs.Job` :func:`simulate` runs (its arguments;
    ``spawn`` draws from that child of ``SeedSequence(seed)``, as a sweep's cells do)."""
    from negotiation.model.compiler import compile_model

    if model is None:
        model = compile_model()
    if seed < 0:
        raise InputError(f"the seed must be a whole number >= 0, not {seed}")
    if max_steps < 0 or (horizon is not None and horizon < 0):
        raise InputError("max_steps and horizon must be >= 0")
    log = list(events) if events is not None else _record(model)
    if policy is None or policy == "empirical":
        if not log:
            raise InputError(
                "the event log has no events: the empirical policy is estimated from them"
                if events is not None
                else "the empirical policy needs the dispute's event log (a pack, or --events)"
            )
        pol: Policy = empirical_policy(model, log, alpha=smoothing)
    elif isinstance(policy, Policy):
        pol = policy
    else:
        pol = load_policy(policy, model)
    start: State = model.initial
    start_day = log[0].date if log else (model.initial.world.date or dt.date(2000, 1, 1))
    if from_event is not None:
        ids = [e.id for e in log]
        if from_event not in ids:
            raise InputError(unknown("event", from_event, ids))
        for e in log[: ids.index(from_event) + 1]:
            start = model.step(start, e).state
        start_day = log[ids.index(from_event)].date
    outcomes = _final_outcomes(model) + list(pol.outcomes)
    return Job(
        model=model,
        policy=pol,
        start=start,
        start_day=start_day,
        seed=seed,
        max_steps=max_steps,
        horizon=horizon,
        spawn=spawn,
        outcome_names=tuple(o[0] for o in outcomes),
        outcome_when=tuple(o[1] for o in outcomes),
        outcome_kind=tuple(o[2] for o in outcomes),
    )


def simulate(
    model: CompiledModel | None = None,
    policy: Policy | str | Path | None = None,
    *,
    runs: int = 1000,
    seed: int = 0,
    executor: Executor = "serial",
    workers: int = 1,
    scheduler: str | None = None,
    max_steps: int = 50,
    horizon: int | None = None,
    events: Sequence[Event] | None = None,
    from_event: str | None = None,
    smoothing: float = DEFAULT_SMOOTHING,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> Simulation:
    """Run ``model`` (default: the reference model) ``runs`` times under ``policy`` (a
    :class:`Policy`, a policy file, or ``"empirical"``, the default: estimated from
    ``events``, default the built-in record for the reference model).

    ``from_event`` starts from the state the record reached at that event. Each run stops
    after ``max_steps`` attempted events, at ``horizon`` days, when every region is final or
    when no actor has a move. The same ``seed`` gives the same result on every executor
    (``serial``, ``processes``, ``dask``; ``scheduler`` is a Dask address) with any number of
    ``workers``."""
    if runs < 0:
        raise InputError(f"runs must be >= 0, not {runs}")
    if executor not in EXECUTORS:
        raise InputError(unknown("executor", executor, list(EXECUTORS)))
    job = prepare(
        model,
        policy,
        seed=seed,
        max_steps=max_steps,
        horizon=horizon,
        events=events,
        from_event=from_event,
        smoothing=smoothing,
    )
    return run_job(
        job,
        runs,
        executor=executor,
        workers=workers,
        scheduler=scheduler,
        chunk_size=chunk_size,
        progress=progress,
    )


def run_job(
    job: Job,
    runs: int,
    *,
    executor: Executor = "serial",
    workers: int = 1,
    scheduler: str | None = None,
    chunk_size: int | None = None,
    progress: Progress | None = None,
    client: Any = None,
) -> Simulation:
    """Run a prepared job (:func:`prepare`); ``client``: a Dask client to run on, for
    ``executor="dask"`` (default: one made for this call)."""
    t0 = time.perf_counter()
    chunks, interrupted = execute(
        job,
        runs,
        executor=executor,
        workers=workers,
        chunk_size=chunk_size,
        scheduler=scheduler,
        progress=progress,
        client=client,
    )
    return Simulation(
        seed=job.seed,
        requested=runs,
        outcome_names=job.outcome_names,
        policy=job.policy.id,
        model=job.model.spec.id,
        start=job.start_day.isoformat(),
        chunks=chunks,
        interrupted=interrupted,
        wall_s=time.perf_counter() - t0,
        property_ids=tuple(p.id for p in job.model.monitor.properties),
    )
