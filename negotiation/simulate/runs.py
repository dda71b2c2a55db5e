"""One simulated run, and a chunk of runs: the sampler every executor calls.

Run ``i`` of a simulation seeded ``S`` draws from its own stream: the ``i``-th child of
``numpy.random.SeedSequence(S)`` (``SeedSequence(S, spawn_key=(i,))``), whose first 128 bits
seed a :class:`random.Random`. So a run's result depends on ``S`` and ``i`` only, never on
which worker ran it or how the runs were chunked.

Each step draws an actor (among those whose policy rule matches), a move, a variant of its
facts and a waiting time; the dated event goes to the compiled model's ``step``. A move the
rules reject is recorded as attempted and rejected, with the rule, and time still passes. A
run stops at the horizon (the next event would fall after it), after ``max_steps`` attempted
events, when every region is in a final state, or when no actor has a move.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter
from dataclasses import dataclass, field

from negotiation.model.compiled import CompiledModel, State
from negotiation.simulate.policy import Policy, _pick

__all__ = ["STOPS", "Chunk", "Job", "run_chunk", "run_seed"]

STOPS = ("final", "horizon", "max_steps", "stuck")


@dataclass
class Job:
    """Everything a worker needs to run any chunk of one simulation (picklable)."""

    model: CompiledModel
    policy: Policy
    start: State
    start_day: dt.date
    seed: int
    max_steps: int
    horizon: int | None = None  # days
    outcome_names: tuple[str, ...] = ()
    # per outcome: regions (index, allowed states) to match, or an event kind
    outcome_when: tuple[tuple[tuple[int, frozenset[str]], ...] | None, ...] = ()
    outcome_kind: tuple[str | None, ...] = ()
    _config_hits: dict[tuple[str, ...], tuple[int, ...]] = field(default_factory=dict, repr=False)
    _finals: tuple[frozenset[str], ...] = ()

    def __post_init__(self) -> None:
        if not self._finals:
            by_template = {
                r.id: frozenset(s.id for s in r.states if s.final) for r in self.model.spec.regions
            }
            self._finals = tuple(
                by_template.get(r.split(".", 1)[0], frozenset()) for r in self.model.regions
            )

    def hits(self, config: tuple[str, ...]) -> tuple[int, ...]:
        """The outcomes (indices) a configuration satisfies."""
        found = self._config_hits.get(config)
        if found is None:
            found = tuple(
                i
                for i, when in enumerate(self.outcome_when)
                if when is not None and all(config[r] in ok for r, ok in when)
            )
            self._config_hits[config] = found
        return found

    def all_final(self, config: tuple[str, ...]) -> bool:
        return all(s in f for s, f in zip(config, self._finals, strict=True) if f) and any(
            self._finals
        )


@dataclass
class Chunk:
    """The results of runs ``first`` .. ``first + len(steps) - 1``, in run order."""

    first: int
    steps: list[int] = field(default_factory=list)
    days: list[int] = field(default_factory=list)
    final: list[str] = field(default_factory=list)  # the final configuration's label
    stop: list[int] = field(default_factory=list)  # index in STOPS
    reached: list[list[int]] = field(default_factory=list)  # per outcome: day reached, or -1
    rejections: Counter[str] = field(default_factory=Counter)
    violated: Counter[str] = field(default_factory=Counter)
    violations: list[int] = field(default_factory=list)
    cpu_s: float = 0.0


def run_seed(seed: int, index: int) -> int:
    """The seed of run ``index``: the ``index``-th child of ``SeedSequence(seed)``."""
    from numpy.random import SeedSequence

    a, b = SeedSequence(seed, spawn_key=(index,)).generate_state(2)
    return (int(a) << 32) | int(b)


def run_chunk(job: Job, first: int, count: int) -> Chunk:
    """Runs ``first`` .. ``first + count - 1`` of ``job``."""
    t0 = time.process_time()
    out = Chunk(first, reached=[[] for _ in job.outcome_names])
    kind_outcomes: dict[str, list[int]] = {}
    for i, k in enumerate(job.outcome_kind):
        if k is not None:
            kind_outcomes.setdefault(k, []).append(i)
    rng = random.Random()
    dates: dict[int, dt.date] = {}
    for index in range(first, first + count):
        rng.seed(run_seed(job.seed, index))
        steps, days, config, stop, violations, reached = _run(job, rng, kind_outcomes, dates, out)
        out.steps.append(steps)
        out.days.append(days)
        out.final.append(job.model.label(config))
        out.stop.append(stop)
        out.violations.append(violations)
        for o, d in enumerate(reached):
            out.reached[o].append(d)
    out.cpu_s = time.process_time() - t0
    return out


def _run(
    job: Job,
    rng: random.Random,
    kind_outcomes: dict[str, list[int]],
    dates: dict[int, dt.date],
    out: Chunk,
) -> tuple[int, int, tuple[str, ...], int, int, list[int]]:
    """One run: (steps, days, final configuration, stop, violations, day each outcome was
    reached or -1); rejections and violated invariants are counted into ``out``."""
    step, choices, max_steps = job.model.step, job.policy.choices, job.max_steps
    start = job.start_day.toordinal()
    limit = start + job.horizon if job.horizon is not None else None
    state = job.start
    config = state.config
    day = start
    reached = [-1] * len(job.outcome_names)
    for o in job.hits(config):
        reached[o] = 0
    steps = violations = 0
    while steps < max_steps:
        if job.all_final(config):
            return steps, day - start, config, 0, violations, reached
        rules, cumulative = choices(state)
        if not rules:
            return steps, day - start, config, 3, violations, reached
        rule = rules[0] if len(rules) == 1 else rules[_pick(cumulative, rng)]
        moves = rule.moves
        move = moves[0] if len(moves) == 1 else moves[_pick(rule.cumulative, rng)]
        template = move.draw(rng)
        next_day = day + rule.wait.draw(rng)
        if limit is not None and next_day > limit:
            return steps, day - start, config, 1, violations, reached
        day = next_day
        date = dates.get(day)
        if date is None:
            date = dates[day] = dt.date.fromordinal(day)
        result = step(state, template.model_copy(update={"date": date}))
        steps += 1
        if not result.accepted:
            out.rejections[result.rejected_by or "not_enabled"] += 1
            continue
        state = result.state
        if result.violations:
            violations += len(result.violations)
            for inv, _ in result.violations:
                out.violated[inv] += 1
        if state.config is not config:
            config = state.config
            for o in job.hits(config):
                if reached[o] < 0:
                    reached[o] = day - start
        for o in kind_outcomes.get(move.kind, ()):
            if reached[o] < 0:
                reached[o] = day - start
    return steps, day - start, config, 0 if job.all_final(config) else 2, violations, reached
