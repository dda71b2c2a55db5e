"""One simulated run, and a chunk of runs: the sampler every executor calls.

Run ``i`` of a simulation seeded ``S`` draws from its own stream: a :class:`random.Random`
seeded with BLAKE2b(``i``) keyed with 256 bits of ``numpy.random.SeedSequence(S)`` (:func:`run_seed`).
So a run's result depends on ``S`` and ``i`` only, never on which worker ran it or how the
runs were chunked.

Each step draws an actor (among those whose policy rule matches), a move, a variant of its
facts and a waiting time; the dated event goes to the compiled model's ``step``. A move the
rules reject is recorded as attempted and rejected, with the rule, and time still passes. A
run stops at the horizon (the next event would fall after it), after ``max_steps`` attempted
events, when every region is in a final state, or when no actor has a move.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from negotiation._internal.calendar import DATE_MAX
from negotiation.events import Event
from negotiation.model.compiled import CompiledModel, State, StepResult
from negotiation.simulate.policy import Policy

__all__ = ["STOPS", "Chunk", "Job", "dated", "root_key", "run_chunk", "run_seed"]

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
    spawn: tuple[int, ...] = ()  # the SeedSequence child (a sweep's cell), or the root
    outcome_names: tuple[str, ...] = ()
    # per outcome: regions (index, allowed states) to match, or an event kind
    outcome_when: tuple[tuple[tuple[int, frozenset[str]], ...] | None, ...] = ()
    outcome_kind: tuple[str | None, ...] = ()
    _config_hits: dict[tuple[str, ...], tuple[int, ...]] = field(default_factory=dict, repr=False)
    _finals: tuple[frozenset[str], ...] = ()
    _final_configs: dict[tuple[str, ...], bool] = field(default_factory=dict, repr=False)

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
        """Whether every region that has final states is in one."""
        found = self._final_configs.get(config)
        if found is None:
            found = any(self._finals) and all(
                s in f for s, f in zip(config, self._finals, strict=True) if f
            )
            self._final_configs[config] = found
        return found


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
    #: per temporal property: the runs that broke it (a run counts once per property)
    broken: Counter[str] = field(default_factory=Counter)
    #: per temporal property: the first run of the chunk that broke it, as (run, day, message)
    broken_example: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    #: per run: how many temporal properties it broke
    broken_runs: list[int] = field(default_factory=list)
    cpu_s: float = 0.0


def root_key(seed: int, spawn: tuple[int, ...] = ()) -> bytes:
    """The simulation's key: 256 bits of ``numpy.random.SeedSequence(seed)``, or of its child
    ``spawn`` (``SeedSequence(seed).spawn(n)[i]`` is ``spawn=(i,)``)."""
    from numpy.random import SeedSequence

    return bytes(SeedSequence(seed, spawn_key=spawn).generate_state(8).tobytes())


def run_seed(key: bytes, index: int) -> int:
    """The seed of run ``index``: BLAKE2b of the index keyed with the simulation's key (a
    microsecond, where spawning a ``SeedSequence`` per run costs fifty)."""
    digest = hashlib.blake2b(index.to_bytes(8, "little"), key=key[:64], digest_size=16).digest()
    return int.from_bytes(digest, "little")


_MAX_EVENTS = 50_000  # dated events kept per chunk (one per template and day)
#: runs stop at the calendar's end (2200-12-31) as at a horizon: a run with no horizon and many
#: steps went on to the year 10000 (a ValueError)
_LAST_DAY = DATE_MAX.toordinal()


def dated(template: Event, day: dt.date) -> Event:
    """``template`` on ``day``: a copy of a validated event with only its date changed (the
    date is a valid date), built without pydantic's copy machinery."""
    event = object.__new__(Event)
    fields = template.__dict__.copy()
    fields["date"] = day
    object.__setattr__(event, "__dict__", fields)
    object.__setattr__(event, "__pydantic_fields_set__", template.__pydantic_fields_set__)
    object.__setattr__(event, "__pydantic_extra__", template.__pydantic_extra__)
    object.__setattr__(event, "__pydantic_private__", template.__pydantic_private__)
    return event


def run_chunk(job: Job, first: int, count: int) -> Chunk:
    """Runs ``first`` .. ``first + count - 1`` of ``job``."""
    t0 = time.process_time()
    out = Chunk(first, reached=[[] for _ in job.outcome_names])
    kind_outcomes: dict[str, list[int]] = {}
    for i, k in enumerate(job.outcome_kind):
        if k is not None:
            kind_outcomes.setdefault(k, []).append(i)
    rng = random.Random()
    events: dict[tuple[int, int], Event] = {}
    key = root_key(job.seed, job.spawn)
    monitor = job.model.monitor
    start = job.start_day.toordinal()
    limit = _limit(job)
    broke: dict[str, tuple[int, str]] = {}
    for index in range(first, first + count):
        rng.seed(run_seed(key, index))
        broke.clear()
        steps, days, state, stop, violations, reached = _run(
            job, rng, kind_outcomes, events, out, broke
        )
        config = state.config
        if monitor:
            # a bounded response still due when the run stopped is broken if its deadline is
            # before the run's last day: the horizon for a run stopped there, else the day of
            # its last attempted event (one not yet due then is not broken)
            end = limit if stop == 1 else start + days
            for pid, msg in monitor.overdue(state.monitor, dt.date.fromordinal(end)):
                broke.setdefault(pid, (end - start, msg))
        if broke:
            for pid, (day, msg) in broke.items():
                out.broken[pid] += 1
                if pid not in out.broken_example:
                    out.broken_example[pid] = (index, day, msg)
        out.broken_runs.append(len(broke))
        out.steps.append(steps)
        out.days.append(days)
        out.final.append(job.model.label(config))
        out.stop.append(stop)
        out.violations.append(violations)
        for o, d in enumerate(reached):
            out.reached[o].append(d)
    out.cpu_s = time.process_time() - t0
    return out


def _limit(job: Job) -> int:
    """The last day (ordinal) a run of ``job`` can reach: its horizon, or the calendar's end."""
    start = job.start_day.toordinal()
    return _LAST_DAY if job.horizon is None else min(start + job.horizon, _LAST_DAY)


def _run(
    job: Job,
    rng: random.Random,
    kind_outcomes: dict[str, list[int]],
    events: dict[tuple[int, int], Event],
    out: Chunk,
    broke: dict[str, tuple[int, str]],
) -> tuple[int, int, State, int, int, list[int]]:
    """One run: (steps, days, final state, stop, violations, day each outcome was reached or
    -1); rejections and violated invariants go to ``out``, broken properties to ``broke``. The
    draws of ``Move.draw``, ``Wait.draw`` and ``_pick`` are written out here, in the same order
    on the same stream (the hot loop: a call costs as much as a draw)."""
    step, choices, max_steps = job.model.step, job.policy.choices, job.max_steps
    hits, all_final = job.hits, job.all_final
    rejections, violated = out.rejections, out.violated
    start, limit = job.start_day.toordinal(), _limit(job)
    state = job.start
    config = state.config
    day = start
    reached = [-1] * len(job.outcome_names)
    for o in hits(config):
        reached[o] = 0
    steps = violations = 0
    final = all_final(config)
    uniform, expovariate = rng.random, rng.expovariate
    while steps < max_steps:
        if final:
            return steps, day - start, state, 0, violations, reached
        rules, cumulative = choices(state)
        n = len(rules)
        if n == 1:
            rule = rules[0]
        elif n:
            i = bisect_right(cumulative, uniform() * cumulative[-1])
            rule = rules[i if i < n else n - 1]
        else:
            return steps, day - start, state, 3, violations, reached
        moves = rule.moves
        n = len(moves)
        if n == 1:
            move = moves[0]
        else:
            cumulative = rule.cumulative
            i = bisect_right(cumulative, uniform() * cumulative[-1])
            move = moves[i if i < n else -1]
        variants = move.variants
        n = len(variants)
        if n == 1:
            template = variants[0]
        else:
            cumulative = move.cumulative
            i = bisect_right(cumulative, uniform() * cumulative[-1])
            template = variants[i if i < n else n - 1]
        wait = rule.wait
        if wait.mean is not None:
            next_day = day + int(expovariate(1.0 / wait.mean))  # whole days, 0 allowed
        else:
            gaps = wait.gaps
            next_day = day + gaps[int(uniform() * len(gaps))]
        if next_day > limit:
            return steps, day - start, state, 1, violations, reached
        day = next_day
        event = events.get((id(template), day))  # templates live as long as the policy
        if event is None:
            event = _remember(events, template, day)
        result = step(state, event)
        steps += 1
        if not result.accepted:
            rejections[result.rejected_by or "not_enabled"] += 1
            continue
        state = result.state
        if result.violations or result.broken:
            violations += _count(result, violated, broke, day - start)
        if state.config is not config:
            config = state.config
            final = all_final(config)
            _mark(reached, hits(config), day - start)
        if kind_outcomes:
            _mark(reached, kind_outcomes.get(move.kind, ()), day - start)
    return steps, day - start, state, 0 if final else 2, violations, reached


def _remember(events: dict[tuple[int, int], Event], template: Event, day: int) -> Event:
    """``template`` dated ``day``, kept for the next run that draws it on that day."""
    if len(events) >= _MAX_EVENTS:
        events.clear()
    event = events[(id(template), day)] = dated(template, dt.date.fromordinal(day))
    return event


def _count(
    result: StepResult, violated: Counter[str], broke: dict[str, tuple[int, str]], day: int
) -> int:
    """Count the step's violated invariants into ``violated`` (returning how many) and note the
    temporal properties it broke in ``broke`` (id -> the first day and message: the model's
    ``StepResult.broken``, as replay and explore report them)."""
    for inv, _ in result.violations:
        violated[inv] += 1
    for pid, msg in result.broken:
        broke.setdefault(pid, (day, msg))
    return len(result.violations)


def _mark(reached: list[int], outcomes: Iterable[int], day: int) -> None:
    for o in outcomes:
        if reached[o] < 0:
            reached[o] = day
