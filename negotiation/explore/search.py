"""Bounded exhaustive exploration: every sequence of abstract events the rules allow.

:func:`explore` runs a breadth-first search over states (the regions' configuration, the world
and the temporal-property monitor) with the compiled model's one step function, checks the
model's invariants and temporal properties at every accepted step, and returns an
:class:`~negotiation.explore.results.Exploration`: distinct states, transitions, depth, each
final state reached with a shortest witness, and every violation with a shortest
counterexample (breadth first: no shorter one exists within the abstraction)::

    >>> result = explore(max_depth=3)
    >>> result.complete, result.violations
    (False, [])
    >>> {"election_held", "results_disputed", "assembly_convened"} <= set(result.phases)
    True

The events are drawn from the model's :mod:`~negotiation.explore.domain`. Two states are the
same when configuration, world and monitor state are equal (dates included). The search stops
at ``max_states``, ``max_depth``, ``max_seconds`` (wall) or ``max_memory_mb`` (resident
memory); Ctrl-C returns what was found so far. ``complete`` is true only when every reachable
state was explored.

**Fingerprints.** With ``fingerprint=True`` the visited set keeps a 64-bit fingerprint of each
state (BLAKE2b of its canonical text) instead of the state; the frontier still holds the
states of the level being expanded. As in TLC, two
distinct states may then share a fingerprint and the second is wrongly taken as seen; with n
states the odds that any pair collides are about n^2 / 2^65 (3e-8 for a million states, 3e-6
for ten million).

**Workers.** ``workers=N`` expands each breadth-first level on N processes (the compiled model
is sent once; each worker gets a share of the frontier and returns successors). Results are
identical to the serial search; the speed-up is reported by the benchmarks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from array import array
from bisect import bisect_right
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from negotiation.events import Event
from negotiation.explore.alphabet import Alphabet
from negotiation.explore.domain import Gap, domain_for
from negotiation.explore.results import Exploration, Found
from negotiation.explore.timing import Progress, resident_mb, timed
from negotiation.model.compiled import CompiledModel, State
from negotiation.model.compiler import compile_model
from negotiation.model.machine import DisputeModel
from negotiation.model.memo import StepMemo
from negotiation.model.profile import Profile
from negotiation.model.properties import Monitor, Property
from negotiation.model.spec import ModelSpec

__all__ = ["explore", "fingerprint_of", "resident_mb"]  # resident_mb: from .timing


def fingerprint_of(state: State) -> int:
    """A 64-bit fingerprint of a state, stable across processes and runs: BLAKE2b of the
    canonical text of its values (tuples, strings, numbers, dates; no hash-ordered sets), so
    equal states always share it. (A pickle is not canonical: it depends on which equal
    values happen to be the same object.)"""
    config, world, monitor = state
    text = repr((config, tuple(world), monitor)).encode()
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")


def _compiled(
    model: DisputeModel | CompiledModel | ModelSpec | Path | str | None,
    profile: Profile | Path | str | None,
    interpretation: str | None,
) -> CompiledModel:
    if isinstance(model, DisputeModel):
        return model.compiled
    if isinstance(model, CompiledModel):
        return model
    return compile_model(model, profile, interpretation)


def _bare(event_id: str) -> str:
    """``x-results-announced-3`` (kind and template number) -> ``-results-announced``."""
    return event_id[1:].rsplit("-", 1)[0]


class Search:
    """One breadth-first search (serial, or with worker processes expanding each level)."""

    def __init__(
        self,
        compiled: CompiledModel,
        alphabet: Alphabet,
        start: dt.date,
        prefix: tuple[Event, ...],
        state0: State,
        fingerprint: bool,
    ) -> None:
        self.compiled, self.alphabet, self.start = compiled, alphabet, start
        self.memo = StepMemo(compiled, alphabet.template_of.__getitem__)
        self.prefix = prefix
        self.fingerprint = fingerprint
        key0: Any = fingerprint_of(state0) if fingerprint else state0
        self.visited: set[Any] = {key0}
        # compact bookkeeping: parents in a typed array, the frontier holds bare states (their
        # index is ``head`` plus the position, their depth follows from ``level_start``)
        self.parent = array("q", [-1])
        self.via: list[Event | None] = [None]
        self.frontier: deque[State] = deque([state0])
        self.head = 0  # index of frontier[0]
        self.level_start = [0]  # level_start[d]: index of the first state found at depth d
        self.n_states, self.n_trans, self.n_steps, self.expanded = 1, 0, 0, 0
        self.max_depth_seen = 0
        self.rejections: defaultdict[str, int] = defaultdict(int)
        # each summary of a row of events (``_summarise``) is numbered; its counts are folded
        # into the totals by ``settle``, times the uses tallied
        self.counts: list[tuple[tuple[tuple[str, int], ...], int, int]] = []
        self.tally: list[int] = []
        self.plans_of: dict[tuple[str, ...], list[Any]] = {}
        self.phases: dict[str, int] = {}
        self.outcomes: list[Found] = []
        self.violations: list[Found] = []
        self.seen_violation: set[tuple[str, str]] = set()
        self.finals = set(compiled.spec.final_phases())
        self.noted: set[tuple[str, ...]] = set()
        self._note_phases(state0.config, 0, 0)

    def depth_of(self, idx: int) -> int:
        return bisect_right(self.level_start, idx) - 1

    def pop_level(self) -> list[tuple[int, State, int]]:
        """Every frontier state of the head's depth, as (index, state, depth)."""
        head, depth = self.head, self.depth_of(self.head)
        end = self.level_start[depth + 1] if depth + 1 < len(self.level_start) else self.n_states
        level = [(head + i, self.frontier.popleft(), depth) for i in range(end - head)]
        self.head = end
        return level

    def shed(self) -> None:
        """Drop what only a search that goes on needs (the visited set, the frontier, the
        parent links): after memory ran out, what is reported (counts, witnesses found,
        phases) needs none of it, and the memory is needed to report it."""
        self.visited = set()
        self.frontier = deque()
        self.parent = array("q")
        self.via = []
        self.memo = StepMemo(self.compiled, self.alphabet.template_of.__getitem__)
        self.plans_of = {}

    # -- paths --------------------------------------------------------------------------------
    def path_to(self, idx: int) -> tuple[Event, ...]:
        evs: list[Event] = []
        while idx > 0:
            ev = self.via[idx]
            assert ev is not None
            evs.append(ev)
            idx = self.parent[idx]
        evs.reverse()
        n = len(self.prefix)  # unique, readable ids: x01-election-held ...
        named = tuple(
            e.model_copy(update={"id": f"x{n + i + 1:02d}{_bare(e.id)}"}) for i, e in enumerate(evs)
        )
        return self.prefix + named

    def _note_phases(self, config: tuple[str, ...], depth: int, idx: int) -> None:
        if config in self.noted:
            return
        self.noted.add(config)
        compiled = self.compiled
        names = [compiled.label(config)]
        if not compiled.single_track:
            names += [f"{r}={s}" for r, s in zip(compiled.regions, config, strict=True)]
        for name in names:
            if name not in self.phases:
                self.phases[name] = depth
                if name in self.finals:
                    self.outcomes.append(
                        Found(
                            "outcome",
                            name,
                            f"final phase {name} reached",
                            compiled.label(config),
                            self.path_to(idx),
                        )
                    )

    def _violation(
        self, idx: int, depth: int, ev: Event, new: State, violations: Any, broken: Any
    ) -> None:
        compiled = self.compiled
        kinds: tuple[tuple[Literal["invariant", "property"], Any], ...] = (
            ("invariant", violations),
            ("property", broken),
        )
        for typ, items in kinds:
            for vid, msg in items:
                if (typ, vid) in self.seen_violation:
                    continue
                self.seen_violation.add((typ, vid))
                evs = (
                    *self.path_to(idx),
                    ev.model_copy(
                        update={"id": f"x{len(self.prefix) + depth + 1:02d}{_bare(ev.id)}"}
                    ),
                )
                pid = compiled.spec.provision_of(vid)
                self.violations.append(
                    Found(
                        typ,
                        vid,
                        msg,
                        compiled.label(new[0]),
                        evs,
                        compiled.profile.provisions.get(pid) if pid else None,
                        pid,
                    )
                )

    # -- expanding ----------------------------------------------------------------------------
    def successors(self, state: State) -> list[tuple[Event, State, tuple[Any, ...]]]:
        """Every accepted (event, next state, what it wrote) from ``state``; tallies the
        summaries used (steps, self-loops and rejections: see :meth:`settle`)."""
        memo = self.memo
        writes_of, written = memo.writes, memo.written
        new_world = tuple.__new__
        out: list[tuple[Event, State, tuple[Any, ...]]] = []
        config, world, monitor = state
        wtype = type(world)
        now = world.date or self.start
        dated = world.date is not None
        tally = self.tally
        plans = self.plans_of.get(config)
        if plans is None:
            plans = self.plans_of[config] = [
                memo.plan(config, kind) for kind in self.compiled.enabled(config)
            ]
        for plan in plans:
            key = (plan.verdict_of(world), now, dated)
            summary = plan.summaries.get(key)
            if summary is None:
                summary = self._summarise(plan, key, state)
            accepted, number = summary
            tally[number] += 1
            if not accepted:
                continue
            monitored = plan.monitored
            for verdict, events in accepted:
                memo_w = writes_of(plan, verdict, state)
                for k, ev in events:
                    entry = memo_w.get(k)
                    if entry is None:
                        entry = written(plan, memo_w, verdict, k, state, ev)
                    values = list(world)
                    for i, v in entry[0]:
                        values[i] = v
                    # a plain tuple, equal to and hashing as the State of the same parts (the
                    # core reads states by position): one allocation and copy less
                    nxt = (entry[1], new_world(wtype, values), entry[2] if monitored else monitor)
                    out.append((ev, nxt, entry))  # type: ignore[arg-type]
        return out

    def settle(self) -> None:
        """Fold the tally of summaries used into the counts of steps, transitions (self-loops)
        and rejections by rule: counted once per summary, not once per use."""
        tally, counts, rejections = self.tally, self.counts, self.rejections
        for number, uses in enumerate(tally):
            if uses:
                rejected, steps, loops = counts[number]
                self.n_steps += steps * uses
                self.n_trans += loops * uses
                for rule, n in rejected:
                    rejections[rule] += n * uses
                tally[number] = 0

    def _summarise(self, plan: Any, key: tuple[Any, ...], state: State) -> tuple[Any, ...]:
        """What the events of the plan's kind do from every state that reads like ``state``
        for its verdicts, on the same date: the accepted ones, in runs that fire the same
        transition, and the number of its counts (the rejections by rule, the steps and self-loops).
        Remembered under ``key``."""
        _, now, dated = key
        row, all_today = self.alphabet.rows(now)[plan.kind]
        cand = plan.candidates[0]
        inert = dated and cand.inert and not cand.invariants and not plan.monitored
        # runs of consecutive events that fire the same transition (the row's order is kept)
        accepted: list[tuple[int, list[tuple[int, Event]]]] = []
        rejected: defaultdict[str, int] = defaultdict(int)
        loops = 0
        if inert and all_today:  # every event falls today: self-loops, nothing changes
            loops = len(row)
        else:
            verdicts = self.memo.verdicts(plan, state[1])
            # verdicts that read no date are shared by a template's events of every date
            undated = self.memo.undated_keys(plan)
            for k, ev, today in row:
                if inert and today:
                    loops += 1  # a self-loop: accepted, and nothing changes
                    continue
                vk = k if undated is None else undated(k)
                verdict = verdicts.get(vk)
                if verdict is None:
                    verdict = self.memo.fill(plan, verdicts, vk, k, state, ev)
                if verdict.__class__ is not int:
                    rejected[verdict[0]] += 1
                elif accepted and accepted[-1][0] == verdict:
                    accepted[-1][1].append((k, ev))
                else:
                    accepted.append((verdict, [(k, ev)]))
        self.counts.append((tuple(rejected.items()), len(row), loops))
        self.tally.append(0)
        runs = tuple((index, tuple(events)) for index, events in accepted)
        summary = plan.summaries[key] = (runs, len(self.counts) - 1)
        return summary

    def admit(
        self,
        idx: int,
        state: State,
        d: int,
        found: list[tuple[Event, State, tuple[Any, ...]]],
        max_states: int,
    ) -> str | None:
        """Take the successors of the state ``idx`` (at depth ``d``) in order: count the
        transitions, keep the new states, note phases and violations."""
        visited, fp = self.visited, self.fingerprint
        self.n_trans += len(found)
        config = state[0]
        add = visited.add
        for ev, new, entry in found:
            key = new if not fp else fingerprint_of(new)
            size = len(visited)
            add(key)  # one hash per successor: new when the set grew
            if len(visited) != size:
                n = self.n_states
                if n >= max_states:
                    visited.discard(key)
                    return "max_states"
                self.parent.append(idx)
                self.via.append(ev)
                self.frontier.append(new)
                if len(self.level_start) == d + 1:
                    self.level_start.append(n)
                self.n_states = n + 1
                if d >= self.max_depth_seen:
                    self.max_depth_seen = d + 1
                if new[0] is not config:
                    self._note_phases(new[0], d + 1, n)
            if entry[3] or entry[4]:
                self._violation(idx, d, ev, new, entry[3], entry[4])
        return None

    def run(
        self,
        max_states: int,
        max_depth: int,
        deadline: float,
        max_memory_mb: float | None,
        on_progress: Progress | None,
    ) -> str:
        frontier, level_start = self.frontier, self.level_start
        pop, admit, successors = frontier.popleft, self.admit, self.successors
        idx = self.head
        d = self.depth_of(idx)
        while frontier:
            while d + 1 < len(level_start) and idx >= level_start[d + 1]:
                d += 1
            if d >= max_depth:  # breadth first: every state left is this deep or deeper
                frontier.clear()
                self.head = self.n_states
                return "max_depth"
            state = pop()
            self.expanded += 1
            if not self.expanded & 1023:
                stop = None
                if time.perf_counter() > deadline:
                    stop = "max_seconds"
                elif max_memory_mb is not None and resident_mb() > max_memory_mb:
                    stop = "max_memory"
                if stop is not None:
                    frontier.appendleft(state)
                    self.head = idx
                    return stop
                if on_progress is not None:
                    self.settle()
                    on_progress(self.n_states, self.n_trans, d)
            stopped = admit(idx, state, d, successors(state), max_states)
            idx += 1
            self.head = idx
            if stopped is not None:
                return stopped
        return "exhausted"


def explore(
    model: DisputeModel | CompiledModel | ModelSpec | Path | str | None = None,
    profile: Profile | Path | str | None = None,
    interpretation: str | None = None,
    *,
    max_states: int = 200_000,
    max_depth: int = 12,
    max_seconds: float = 60.0,
    max_memory_mb: float | None = None,
    start: dt.date | None = None,
    start_events: Sequence[Event] = (),
    events: Sequence[Event] = (),
    gaps: Sequence[Gap] | None = None,
    gaps_for: Literal["dated", "all"] = "dated",
    properties: Sequence[Property] | None = None,
    parties: Sequence[str] | None = None,
    split: Sequence[int] | None = None,
    fingerprint: bool = False,
    workers: int = 1,
    progress: bool = False,
    on_progress: Progress | None = None,
) -> Exploration:
    """Breadth-first search of the model's states under the abstraction (module docstring).

    ``model``/``profile``/``interpretation`` are as for :func:`~negotiation.compile_model` (or a
    compiled or dispute model). ``start_events`` (e.g. the record up to some event) are replayed
    first: the search starts where they leave the dispute, and every path found begins with
    them. ``events`` is the dispute's log, from which parties, seats and the start date are
    taken unless given. ``properties`` replaces the spec's temporal properties.
    """
    if not max_seconds > 0:  # 0 stopped at once; NaN never did
        raise ValueError(f"max_seconds must be more than 0 (inf: no limit), got {max_seconds}")
    compiled = _compiled(model, profile, interpretation)
    if properties is not None:
        compiled = _with_properties(compiled, properties)
    domain = domain_for(
        compiled,
        parties=parties,
        split=split,
        start=start,
        events=events or start_events,
        gaps=gaps,
    )
    alphabet = Alphabet(domain, gaps_for)
    alphabet.abstraction["start_events"] = len(start_events)
    state0 = compiled.initial
    for e in start_events:
        r = compiled.step(state0, e)
        if r.accepted:
            state0 = r.state
    result = Exploration(
        model=compiled.spec.id,
        profile=compiled.profile.id,
        interpretation=compiled.params.interpretation,
        limits={
            "max_states": max_states,
            "max_depth": max_depth,
            "max_seconds": max_seconds,
            "max_memory_mb": max_memory_mb,
            "phases": compiled.spec.phase_ids(),
        },
        abstraction=alphabet.abstraction,
        model_ref=_ref(model, DisputeModel | CompiledModel | ModelSpec),
        profile_ref=None
        if isinstance(model, DisputeModel | CompiledModel)
        else _ref(profile, Profile),
        compiled=compiled,
        fingerprints=fingerprint,
        workers=workers,
    )
    search = Search(compiled, alphabet, domain.start, tuple(start_events), state0, fingerprint)
    limits = (max_states, max_depth, max_seconds, max_memory_mb)
    timed(search, result, limits, workers, progress, on_progress)
    return result


def _ref(thing: object, objects: Any) -> str | None:
    """How a saved scenario names a model or profile given as a path or name."""
    return None if thing is None or isinstance(thing, objects) else str(thing)


def _with_properties(compiled: CompiledModel, properties: Sequence[Property]) -> CompiledModel:
    from negotiation.model.compiler import check_properties

    check_properties(compiled, properties)
    monitor = Monitor(properties)
    return replace(
        compiled, monitor=monitor, initial=compiled.initial._replace(monitor=monitor.initial)
    )
