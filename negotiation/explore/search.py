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
state (BLAKE2b of its pickle) instead of the state: about a third of the memory. As in TLC, two
distinct states may then share a fingerprint and the second is wrongly taken as seen; with n
states the odds that any pair collides are about n^2 / 2^65 (3e-8 for a million states, 3e-6
for ten million).

**Workers.** ``workers=N`` expands each breadth-first level on N processes (the compiled model
is sent once; each worker gets a share of the frontier and returns successors). Results are
identical to the serial search; the speed-up is reported by the benchmarks.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import pickle
import time
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from negotiation.events import Event
from negotiation.explore.domain import Domain, Gap, Template, dated_kinds, domain_for
from negotiation.explore.results import Exploration, Found
from negotiation.model.compiled import CompiledModel, State, compile_model
from negotiation.model.machine import DisputeModel
from negotiation.model.memo import StepMemo
from negotiation.model.profile import Profile
from negotiation.model.properties import Monitor, Property
from negotiation.model.spec import ModelSpec

__all__ = ["explore", "fingerprint_of", "resident_mb"]

Progress = Callable[[int, int, int], None]


def fingerprint_of(state: State) -> int:
    """A 64-bit fingerprint of a state (stable across processes and runs)."""
    return int.from_bytes(hashlib.blake2b(pickle.dumps(state, 4), digest_size=8).digest(), "big")


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


class _Alphabet:
    """The abstract events, numbered, with the gaps each kind is drawn at.

    ``rows(now)`` lists, per kind, the events drawn after a state dated ``now`` (``(event
    number, event, whether it falls on now)``) and whether they all fall on ``now``; built
    once per date."""

    def __init__(self, domain: Domain, gaps_for: Literal["dated", "all"]) -> None:
        templates = domain.templates()
        dated = dated_kinds(domain.model)
        self.gaps = domain.gaps
        self.flat: list[Template] = []
        self.choices: dict[str, tuple[tuple[int, tuple[int, ...]], ...]] = {}
        for kind, ts in templates.items():
            which = domain.gaps_for(kind, gaps_for, dated)
            entries = []
            for t in ts:
                entries.append((len(self.flat), which))
                self.flat.append(t)
            self.choices[kind] = tuple(entries)
        self.ids = [f"x-{t.kind.replace('_', '-')}" for t in self.flat]
        self.numbers: dict[tuple[int, dt.date], int] = {}
        self.events: list[Event] = []
        self._rows: dict[dt.date, dict[str, tuple[tuple[tuple[int, Event, bool], ...], bool]]] = {}
        self.abstraction = {
            "start": domain.start.isoformat(),
            "parties": list(domain.parties),
            "split": list(domain.split),
            "from": domain.source,
            "gaps": [g.label for g in self.gaps],
            "gaps_for": gaps_for,
            "dated_kinds": sorted(dated) if gaps_for == "dated" else sorted(templates),
            "events": {k: [t.label or k for t in ts] for k, ts in templates.items()},
        }

    def number(self, n: int, day: dt.date) -> int:
        """The number of template ``n`` dated ``day`` (one event object per number)."""
        found = self.numbers.get((n, day))
        if found is None:
            found = self.numbers[(n, day)] = len(self.events)
            self.events.append(self.flat[n].event(self.ids[n], day))
        return found

    def rows(self, now: dt.date) -> dict[str, tuple[tuple[tuple[int, Event, bool], ...], bool]]:
        found = self._rows.get(now)
        if found is None:
            days = [g.after(now) for g in self.gaps]
            found = {}
            for kind, entries in self.choices.items():
                row = []
                for n, gis in entries:
                    for gi in gis:
                        k = self.number(n, days[gi])
                        row.append((k, self.events[k], days[gi] == now))
                found[kind] = (tuple(row), all(today for *_, today in row))
            self._rows[now] = found
        return found


class _Search:
    """One breadth-first search (serial, or with worker processes expanding each level)."""

    def __init__(
        self,
        compiled: CompiledModel,
        alphabet: _Alphabet,
        start: dt.date,
        prefix: tuple[Event, ...],
        state0: State,
        fingerprint: bool,
    ) -> None:
        self.compiled, self.alphabet, self.start = compiled, alphabet, start
        self.memo = StepMemo(compiled)
        self.prefix = prefix
        self.fingerprint = fingerprint
        key0: Any = fingerprint_of(state0) if fingerprint else state0
        self.visited: set[Any] = {key0}
        self.parent: list[int] = [-1]
        self.via: list[Event | None] = [None]
        self.frontier: deque[tuple[int, State, int]] = deque([(0, state0, 0)])
        self.n_states, self.n_trans, self.n_steps, self.expanded = 1, 0, 0, 0
        self.max_depth_seen = 0
        self.rejections: defaultdict[str, int] = defaultdict(int)
        self.phases: dict[str, int] = {}
        self.outcomes: list[Found] = []
        self.violations: list[Found] = []
        self.seen_violation: set[tuple[str, str]] = set()
        self.finals = set(compiled.spec.final_phases())
        self.noted: set[tuple[str, ...]] = set()
        self._note_phases(state0.config, 0, 0)

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
            e.model_copy(update={"id": f"x{n + i + 1:02d}{e.id[1:]}"}) for i, e in enumerate(evs)
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
                        Found("outcome", name, f"final phase {name} reached",
                              compiled.label(config), self.path_to(idx))
                    )

    def _violation(
        self, idx: int, depth: int, ev: Event, new: State, violations: Any, broken: Any
    ) -> None:
        compiled = self.compiled
        for typ, items in (("invariant", violations), ("property", broken)):
            for vid, msg in items:
                if (typ, vid) in self.seen_violation:
                    continue
                self.seen_violation.add((typ, vid))
                evs = (
                    *self.path_to(idx),
                    ev.model_copy(update={"id": f"x{len(self.prefix) + depth + 1:02d}{ev.id[1:]}"}),
                )
                pid = compiled.spec.provision_of(vid)
                self.violations.append(
                    Found(typ, vid, msg, compiled.label(new.config), evs,  # type: ignore[arg-type]
                          compiled.profile.provisions.get(pid) if pid else None, pid)
                )

    # -- expanding ----------------------------------------------------------------------------
    def successors(self, state: State) -> list[tuple[Event, State, tuple[Any, ...]]]:
        """Every accepted (event, next state, what it wrote) from ``state``; counts steps,
        self-loops and rejections."""
        memo = self.memo
        plans, verdicts_of, writes_of = memo._plans, memo.verdicts, memo.writes
        fill, written = memo.fill, memo.written
        new_state = tuple.__new__
        out: list[tuple[Event, State, tuple[Any, ...]]] = []
        config, world, monitor = state
        wtype = type(world)
        rows = self.alphabet.rows(world.date or self.start)
        dated = world.date is not None
        rejections = self.rejections
        steps = loops = 0
        for kind in self.compiled.enabled(config):
            plan = plans.get((config, kind)) or memo.plan(config, kind)
            cand = plan.candidates[0]
            monitored = plan.monitored
            inert = dated and cand.inert and not cand.invariants and not monitored
            row, all_today = rows[kind]
            if inert and all_today:  # every event falls today: self-loops, nothing changes
                steps += len(row)
                loops += len(row)
                continue
            verdicts = verdicts_of(plan, world)
            writes: dict[int, Any] = {}
            for k, ev, today in row:
                steps += 1
                if inert and today:
                    loops += 1  # a self-loop: accepted, and nothing changes
                    continue
                verdict = verdicts.get(k)
                if verdict is None:
                    verdict = fill(plan, verdicts, k, state, ev)
                if verdict.__class__ is not int:
                    rejections[verdict[0]] += 1
                    continue
                memo_w = writes.get(verdict)
                if memo_w is None:
                    memo_w = writes[verdict] = writes_of(plan, verdict, state)
                entry = memo_w.get(k)
                if entry is None:
                    entry = written(plan, memo_w, verdict, k, state, ev)
                values = list(world)
                for i, v in entry[0]:
                    values[i] = v
                nxt = new_state(
                    State, (entry[1], new_state(wtype, values), entry[2] if monitored else monitor)
                )
                out.append((ev, nxt, entry))
        self.n_steps += steps
        self.n_trans += loops
        return out

    def run(
        self,
        max_states: int,
        max_depth: int,
        deadline: float,
        max_memory_mb: float | None,
        on_progress: Progress | None,
    ) -> str:
        cut_by_depth = False
        visited, frontier = self.visited, self.frontier
        add, pop, push = visited.add, frontier.popleft, frontier.append
        parent, via = self.parent.append, self.via.append
        successors = self.successors
        fp = self.fingerprint
        while frontier:
            idx, state, d = pop()
            if d >= max_depth:
                cut_by_depth = True
                continue
            self.expanded += 1
            if not self.expanded & 1023:
                if time.perf_counter() > deadline:
                    frontier.appendleft((idx, state, d))
                    return "max_seconds"
                if max_memory_mb is not None and resident_mb() > max_memory_mb:
                    frontier.appendleft((idx, state, d))
                    return "max_memory"
                if on_progress is not None:
                    on_progress(self.n_states, self.n_trans, d)
            found = successors(state)
            self.n_trans += len(found)
            config = state[0]
            for ev, new, entry in found:
                key = new if not fp else fingerprint_of(new)
                if key not in visited:
                    n = self.n_states
                    if n >= max_states:
                        return "max_states"
                    add(key)
                    parent(idx)
                    via(ev)
                    push((n, new, d + 1))
                    self.n_states = n + 1
                    if d >= self.max_depth_seen:
                        self.max_depth_seen = d + 1
                    if new[0] is not config:
                        self._note_phases(new[0], d + 1, n)
                if entry[3] or entry[4]:
                    self._violation(idx, d, ev, new, entry[3], entry[4])
        return "max_depth" if cut_by_depth else "exhausted"


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
    model_ref = None if isinstance(model, DisputeModel | CompiledModel | ModelSpec) else model
    profile_ref = None if isinstance(profile, Profile) or isinstance(model, DisputeModel | CompiledModel) else profile
    compiled = _compiled(model, profile, interpretation)
    if properties is not None:
        from negotiation.model.compiled import check_properties

        check_properties(compiled, properties)
        monitor = Monitor(properties)
        compiled = replace(compiled, monitor=monitor, initial=compiled.initial._replace(monitor=monitor.initial))
    domain = domain_for(
        compiled, parties=parties, split=split, start=start, events=events or start_events, gaps=gaps
    )
    alphabet = _Alphabet(domain, gaps_for)
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
        model_ref=str(model_ref) if model_ref is not None else None,
        profile_ref=str(profile_ref) if profile_ref is not None else None,
        compiled=compiled,
        fingerprints=fingerprint,
        workers=workers,
    )
    search = _Search(compiled, alphabet, domain.start, tuple(start_events), state0, fingerprint)
    bar = _Progress(max_states) if progress else None
    report = on_progress
    if bar is not None:
        def report(states: int, trans: int, depth: int) -> None:
            bar.update(states, depth)
            if on_progress is not None:
                on_progress(states, trans, depth)

    gc.collect()
    gc.freeze()
    gc.disable()
    rss0 = resident_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        if workers > 1:
            from negotiation.explore.parallel import run_parallel

            stopped, cpu_workers = run_parallel(
                search, workers, max_states, max_depth, t0 + max_seconds, max_memory_mb, report
            )
        else:
            stopped, cpu_workers = search.run(max_states, max_depth, t0 + max_seconds, max_memory_mb, report), 0.0
    except KeyboardInterrupt:
        stopped, cpu_workers = "interrupted", 0.0
    except MemoryError:
        stopped, cpu_workers = "max_memory", 0.0
    finally:
        gc.enable()
        gc.unfreeze()
        if bar is not None:
            bar.close(search.n_states)
    result.elapsed_s = time.perf_counter() - t0
    result.cpu_s = time.process_time() - c0 + cpu_workers
    peak = resident_mb()
    result.peak_rss_mb = peak
    result.bytes_per_state = max(peak - rss0, 0.0) * 1e6 / max(search.n_states, 1)
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
    return result


class _Progress:
    """A rich progress bar on stderr: states found out of ``max_states``."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("exploring"),
            BarColumn(),
            TextColumn("{task.completed:,} / {task.total:,} states, depth {task.fields[depth]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task("explore", total=total, depth=0)
        self._progress.start()

    def update(self, states: int, depth: int) -> None:
        self._progress.update(self._task, completed=states, depth=depth)

    def close(self, states: int) -> None:
        self._progress.update(self._task, completed=states)
        self._progress.stop()
