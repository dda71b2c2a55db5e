"""Bounded exhaustive exploration: every sequence of (abstract) events the rules allow.

:func:`explore` runs a breadth-first search over ``(phase, world, property-monitor state)``
with the compiled :class:`~negotiation.model.kernel.Kernel`, checks the model's invariants and
temporal properties at every accepted step, and returns an :class:`Exploration`: distinct
states, transitions, depth, each final phase reached with a shortest witness, and every
violation with a shortest counterexample (breadth first: no shorter one exists within the
abstraction). :meth:`Exploration.save` writes both as scenario files that ``negotiation run``
replays to the same result::

    >>> result = explore(max_depth=3)
    >>> result.complete, result.violations
    (False, [])
    >>> {"election_held", "results_disputed", "assembly_convened"} <= set(result.phases)
    True

**The abstraction.** Real events carry any date and any number; the search draws them from
finite domains chosen at the thresholds the rules test, computed from the profile's parameters
(shown for the Cambodian profile, 123 seats):

* seats (results): the real 68/55 split, 62/61 (no majority), 82/41 (two thirds), a report
  whose seats do not add up to the total, and an Assembly below the minimum size;
* votes (confidence, censure, amendments): none reported, one below and at the threshold that
  the kind's rule tests (majority 63; two thirds 82), and two thirds for confidence;
* members present at the opening: none reported, majority - 1, majority, the minimum (120);
* amendments: touching the core or not; boycotts and seats taken: by the second party;
* dates: each event comes a gap after the last accepted one (the first on ``start``): +0 days,
  +1 month, +13 months, +5 years — inside and outside the 60-day deadlines, the 12-month
  dismissal window and the 5-year term. Only kinds whose rules or effects read or record dates
  get every gap; the others (statements, protests, track changes …) are explored at +0, since
  waiting before them is only observable through a later dated event, which has its own gaps.
  ``gaps_for="all"`` gives every kind every gap (a larger space; needed to see bounded-response
  properties broken by the mere passing of time).

Two states are the same when phase, world state and monitor state are equal (dates included).
The search stops at ``max_states``, ``max_depth`` or ``max_seconds``; Ctrl-C returns what was
found so far with ``complete: false``.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from negotiation._internal import atomic
from negotiation._internal.calendar import months_before
from negotiation.events import Event, EventKind, Facts
from negotiation.model.kernel import Kernel
from negotiation.model.machine import DisputeModel
from negotiation.model.profile import BUILTIN_PROFILES, Profile, Provision, load_profile
from negotiation.model.properties import Monitor, Property, PropertyState
from negotiation.model.spec import BUILTIN_MODELS, ModelSpec, load_spec
from negotiation.model.world import WorldState

__all__ = [
    "DEFAULT_GAPS",
    "DEFAULT_PARTIES",
    "DEFAULT_SPLIT",
    "DEFAULT_START",
    "Exploration",
    "Found",
    "Gap",
    "Template",
    "alphabet",
    "explore",
]

DEFAULT_START = dt.date(2013, 7, 28)
DEFAULT_PARTIES = ("cpp", "cnrp")
DEFAULT_SPLIT = (68, 55)

#: effects that record the event's date in the world (so waiting before them matters)
DATED_EFFECTS = frozenset(
    {
        "record_election",
        "record_results",
        "convene_assembly",
        "form_government",
        "dismiss_government",
        "dissolve_assembly",
        "pass_amendment",
        "hold_early_election",
    }
)


@dataclass(frozen=True)
class Gap:
    """Time between the last accepted event and the next one."""

    label: str
    months: int = 0
    days: int = 0

    def after(self, day: dt.date) -> dt.date:
        if self.months:
            day = months_before(day, -self.months)
        return day + dt.timedelta(days=self.days)


DEFAULT_GAPS: tuple[Gap, ...] = (
    Gap("+0", 0),
    Gap("+1 month", 1),
    Gap("+13 months", 13),
    Gap("+5 years", 60),
)


@dataclass(frozen=True)
class Template:
    """An abstract event: a kind with facts and actors, dated when it is drawn."""

    kind: EventKind
    facts: Facts = field(default_factory=Facts)
    actors: tuple[str, ...] = ()
    label: str = ""


def alphabet(
    kernel: Kernel,
    parties: Sequence[str] = DEFAULT_PARTIES,
    split: Sequence[int] = DEFAULT_SPLIT,
) -> dict[str, list[Template]]:
    """The abstract events of every kind the model handles (see the module's docstring)."""
    p = kernel.params
    total = sum(split)
    maj, tt, cen, least = p.majority(total), p.two_thirds(total), p.censure(total), p.min_members
    first, second = parties[0], parties[-1]

    def uniq(xs: Iterable[int | None]) -> list[int | None]:
        return list(dict.fromkeys(x for x in xs if x is None or 0 <= x <= total))

    def seats(a: int, b: int, tot: int, label: str) -> Template:
        return Template(
            EventKind.results_announced,
            Facts(seats={first: a, second: b}, total_seats=tot),
            (),
            label,
        )

    out: dict[str, list[Template]] = {}
    for kind in sorted(kernel.handled):
        k = EventKind(kind)
        if k is EventKind.results_announced:
            small = max(least - 1, 1)
            out[kind] = [
                seats(split[0], split[1], total, f"{split[0]}/{split[1]}"),
                seats(maj - 1, total - maj + 1, total, f"{maj - 1}/{total - maj + 1} no majority"),
                seats(tt, total - tt, total, f"{tt}/{total - tt} two thirds"),
                seats(split[0], split[1], total + 1, f"seats do not add up to {total + 1}"),
                seats(small // 2, small - small // 2, small, f"{small} members, below minimum"),
            ]
        elif k is EventKind.assembly_convened:
            out[kind] = [
                Template(k, Facts(members_present=n), (), f"{n} present" if n else "present: all")
                for n in uniq([None, maj - 1, maj, least])
            ]
        elif k in (
            EventKind.government_formed,
            EventKind.government_dismissed,
            EventKind.amendment_passed,
        ):
            threshold = {EventKind.government_formed: maj, EventKind.government_dismissed: cen}
            t = threshold.get(k, tt)
            votes = uniq(
                [None, t - 1, t, tt] if k is EventKind.government_formed else [None, t - 1, t]
            )
            # an amendment: ordinary, touching the core, or providing for an early election
            sorts: list[tuple[bool | None, bool | None, str]] = [(None, None, "")]
            if k is EventKind.amendment_passed:
                sorts += [(True, None, ", core"), (None, True, ", early election")]
            out[kind] = [
                Template(
                    k,
                    Facts(votes_for=v, affects_core=c, early_election=ee),
                    (),
                    (f"{v} votes" if v is not None else "votes: all present") + label,
                )
                for v in votes
                for c, ee, label in sorts
            ]
        elif k in (EventKind.boycott, EventKind.seats_taken, EventKind.boycott_threatened):
            out[kind] = [Template(k, Facts(), (second,), f"by {second}")]
        else:
            out[kind] = [Template(k)]
    return out


def dated_kinds(spec: ModelSpec) -> frozenset[str]:
    """Kinds with a transition that checks a rule or records the date."""
    return frozenset(
        t.kind.value
        for t in spec.transitions
        if t.guards or any(name in DATED_EFFECTS for name, _ in t.effects)
    )


# --- results -------------------------------------------------------------------------------
def _event_json(e: Event) -> dict[str, Any]:
    data: dict[str, Any] = {"id": e.id, "kind": e.kind.value, "date": e.date.isoformat()}
    if e.actors:
        data["actors"] = list(e.actors)
    facts = e.facts.present()
    if facts:
        data["facts"] = facts
    if e.sources:
        data["sources"] = [c.model_dump(mode="json") for c in e.sources]
    return data


@dataclass
class Found:
    """A violation (invariant or property) or a final phase reached, with a shortest path."""

    type: Literal["invariant", "property", "outcome"]
    id: str  # invariant / property id, or the final phase
    message: str
    phase: str  # the phase the path ends in
    events: tuple[Event, ...]
    provision: Provision | None = None
    provision_id: str | None = None

    @property
    def depth(self) -> int:
        return len(self.events)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": self.type,
            "id": self.id,
            "message": self.message,
            "depth": self.depth,
            "phase": self.phase,
            "events": [_event_json(e) for e in self.events],
        }
        if self.provision is not None:
            data["citation"] = {"provision": self.provision_id, **self.provision.model_dump()}
        return data


@dataclass
class Exploration:
    """What a bounded search found. ``to_json()`` for machines, ``save()`` for scenario files."""

    model: str
    profile: str
    interpretation: str | None
    distinct_states: int = 0
    transitions: int = 0  # accepted steps examined (edges, including to known states)
    steps: int = 0  # events tried, accepted or not
    max_depth: int = 0  # deepest state found
    elapsed_s: float = 0.0
    complete: bool = False  # every reachable state (within the abstraction) was explored
    stopped: str = "exhausted"  # exhausted | max_states | max_depth | max_seconds | interrupted
    limits: dict[str, Any] = field(default_factory=dict)
    abstraction: dict[str, Any] = field(default_factory=dict)
    violations: list[Found] = field(default_factory=list)
    outcomes: list[Found] = field(default_factory=list)
    phases: dict[str, int] = field(default_factory=dict)  # phase -> shortest depth
    rejections: dict[str, int] = field(default_factory=dict)  # rule -> events it rejected
    # how to refer to the model and profile in saved scenarios (None: built-in or dumped)
    model_ref: str | None = None
    profile_ref: str | None = None
    spec_obj: ModelSpec | None = field(default=None, repr=False)
    profile_obj: Profile | None = field(default=None, repr=False)
    engine: DisputeModel | None = field(default=None, repr=False)  # the model explored

    @property
    def states_per_s(self) -> float:
        return self.distinct_states / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "profile": self.profile,
            "interpretation": self.interpretation,
            "distinct_states": self.distinct_states,
            "transitions": self.transitions,
            "steps": self.steps,
            "max_depth": self.max_depth,
            "elapsed_s": round(self.elapsed_s, 3),
            "states_per_s": round(self.states_per_s),
            "complete": self.complete,
            "stopped": self.stopped,
            "limits": self.limits,
            "violations": [v.to_json() for v in self.violations],
            "outcomes": [o.to_json() for o in self.outcomes],
            "phases": self.phases,
            "rejections": dict(sorted(self.rejections.items())),
            "abstraction": self.abstraction,
        }

    def summary(self) -> str:
        lines = [
            f"model {self.model}, profile {self.profile}"
            + (f", interpretation {self.interpretation}" if self.interpretation else ""),
            f"{self.distinct_states} distinct states, {self.transitions} transitions "
            f"({self.steps} events tried), depth {self.max_depth}, {self.elapsed_s:.2f} s "
            f"({self.states_per_s:,.0f} states/s); "
            + ("complete" if self.complete else f"stopped: {self.stopped}"),
            "outcomes:",
        ]
        for o in self.outcomes:
            lines.append(f"  {o.id}: shortest witness {o.depth} events: {_path(o.events)}")
        if not self.outcomes:
            lines.append("  (no final phase reached)")
        unreached = [p for p in self.limits.get("phases", []) if p not in self.phases]
        if unreached:
            lines.append(f"phases not reached: {', '.join(unreached)}")
        if self.violations:
            lines.append("violations:")
            for v in self.violations:
                cite = f" [{v.provision.article}]" if v.provision else ""
                lines.append(f"  {v.type} {v.id}{cite}: {v.message}")
                lines.append(f"    shortest counterexample, {v.depth} events: {_path(v.events)}")
        else:
            lines.append("violations: none")
        return "\n".join(lines) + "\n"

    # -- saving as scenarios ---------------------------------------------------------------
    def save(self, directory: Path | str) -> list[Path]:
        """Write every counterexample and witness as a scenario file; return the paths.

        File names and contents are deterministic. The model and profile are referred to as
        given (paths relative to ``directory``), by built-in name, or — when they were objects
        only — written beside the scenarios as ``model-<id>.yaml`` / ``profile-<id>.yaml``.
        """
        from negotiation.replay import replay

        out_dir = Path(directory)
        out_dir.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        refs: dict[str, str | None] = {}
        for what, ref, obj in (
            ("model", self.model_ref, self.spec_obj),
            ("profile", self.profile_ref, self.profile_obj),
        ):
            builtin = BUILTIN_MODELS if what == "model" else BUILTIN_PROFILES
            if ref is not None and ref not in builtin and Path(ref).exists():
                refs[what] = os.path.relpath(Path(ref).resolve(), out_dir.resolve())
            elif ref is not None:
                refs[what] = ref
            elif obj is not None:
                name = f"{what}-{getattr(obj, 'id', what)}.yaml"
                data = obj.model_dump(mode="json", by_alias=True, exclude_defaults=True)
                text = f"# written by `negotiation explore --save`: the {what} explored\n"
                atomic.write_text(out_dir / name, text + yaml.safe_dump(data, sort_keys=False))
                written.append(out_dir / name)
                refs[what] = name
            else:
                refs[what] = None
        model = self.engine or DisputeModel(self.model_ref, self.profile_ref, self.interpretation)
        for found in [*self.violations, *self.outcomes]:
            prefix = "counterexample" if found.type != "outcome" else "witness"
            path = out_dir / f"{prefix}-{found.id.replace('_', '-')}.yaml"
            trace = replay(model, found.events)
            violated = sorted({v.invariant for v in trace.violations})
            if trace.accepted != trace.total or trace.final_phase != found.phase:
                raise AssertionError(f"{path.name}: the path does not replay to {found.phase}")
            if found.type != "outcome" and found.id not in violated:
                raise AssertionError(f"{path.name}: the path does not break {found.id}")
            expect: dict[str, Any] = {"accepted": "all", "final_phase": found.phase}
            expect["invariants"] = {"violated": violated} if violated else "hold"
            abstract = sum(1 for e in found.events if not e.sources)
            if found.type == "outcome":
                name = f"witness: {found.id} reached in {found.depth} events"
            else:
                name = f"counterexample: {found.type} {found.id} broken in {found.depth} events"
            doc: dict[str, Any] = {"name": name, "description": found.message}
            if refs["model"] is not None:
                doc["model"] = refs["model"]
            if refs["profile"] is not None:
                doc["profile"] = refs["profile"]
            if self.interpretation is not None:
                doc["interpretation"] = self.interpretation
            doc["events"] = [_event_json(e) for e in found.events]
            doc["expect"] = expect
            header = [
                "# Found by `negotiation explore` (breadth first: no shorter path exists within",
                "# its abstraction). Replay: negotiation run " + path.name,
            ]
            if abstract:
                header.append(
                    f"# {abstract} of the {found.depth} events are abstract (drawn by the explorer,"
                    " not reported): they have no sources."
                )
            if found.provision is not None:
                header.append(f"# {found.provision.cite()}".replace("\n", " "))
            body = yaml.safe_dump(
                doc, sort_keys=False, default_flow_style=None, width=100, allow_unicode=True
            )
            atomic.write_text(path, "\n".join(header) + "\n" + body)
            written.append(path)
        return written


def _path(events: Sequence[Event]) -> str:
    return " -> ".join(e.kind.value for e in events) or "(empty)"


# --- the search ----------------------------------------------------------------------------
def explore(
    model: DisputeModel | ModelSpec | Path | str | None = None,
    profile: Profile | Path | str | None = None,
    interpretation: str | None = None,
    *,
    max_states: int = 200_000,
    max_depth: int = 12,
    max_seconds: float = 60.0,
    start: dt.date = DEFAULT_START,
    start_events: Sequence[Event] = (),
    gaps: Sequence[Gap] = DEFAULT_GAPS,
    gaps_for: Literal["dated", "all"] = "dated",
    properties: Sequence[Property] | None = None,
    parties: Sequence[str] = DEFAULT_PARTIES,
    split: Sequence[int] = DEFAULT_SPLIT,
    progress: bool = False,
    on_progress: Callable[[int, int, int], None] | None = None,
) -> Exploration:
    """Breadth-first search of the model's states under the abstraction (module docstring).

    ``model``/``profile``/``interpretation`` are as for :class:`DisputeModel` (or a model).
    ``start_events`` (e.g. the record up to some event) are replayed first: the search starts
    where they leave the dispute, and every path found begins with them, sources and all.
    ``properties`` replaces the spec's temporal properties.
    """
    model_ref = None if isinstance(model, DisputeModel | ModelSpec) else model
    profile_ref = None if isinstance(profile, Profile) else profile
    dm = model if isinstance(model, DisputeModel) else DisputeModel(model, profile, interpretation)
    if isinstance(model, DisputeModel):
        profile_ref = None
    kernel = Kernel(dm)
    props = tuple(dm.spec.properties if properties is None else properties)
    monitor = Monitor(props)
    provisions = dm.profile.provisions
    missing = sorted({p.provision for p in props} - set(provisions))
    if missing:
        from negotiation.errors import InputError

        raise InputError(
            f"profile {dm.profile.id!r} does not provide the provisions the properties cite: "
            f"{', '.join(missing)}"
        )
    inv_provision = {inv.id: inv.provision for inv in kernel.invariants}
    prop_provision = monitor.provisions
    finals = set(dm.spec.final_phases())
    builtin_spec = model_ref is None and dm.spec == load_spec()
    builtin_profile = profile_ref is None and dm.profile == load_profile()
    result = Exploration(
        model=dm.spec.id,
        profile=dm.profile.id,
        interpretation=dm.params.interpretation,
        limits={
            "max_states": max_states,
            "max_depth": max_depth,
            "max_seconds": max_seconds,
            "phases": dm.spec.phase_ids(),
        },
        model_ref=str(model_ref)
        if model_ref is not None
        else (next(iter(BUILTIN_MODELS)) if builtin_spec else None),
        profile_ref=str(profile_ref) if profile_ref is not None else None,
        spec_obj=None if (model_ref is not None or builtin_spec) else dm.spec,
        profile_obj=None if (profile_ref is not None or builtin_profile) else dm.profile,
        engine=dm,
    )

    # the abstract alphabet: per kind, (template, which gaps)
    templates = alphabet(kernel, parties, split)
    dated = dated_kinds(dm.spec) if gaps_for == "dated" else frozenset(kernel.handled)
    gap_list = tuple(gaps)
    zero = tuple(i for i, g in enumerate(gap_list) if not g.months and not g.days) or (0,)
    result.abstraction = {
        "start": start.isoformat(),
        "gaps": [g.label for g in gap_list],
        "gaps_for": gaps_for,
        "dated_kinds": sorted(dated),
        "events": {k: [t.label or k for t in ts] for k, ts in templates.items()},
        "start_events": len(start_events),
    }
    # per kind: list of (template number, gap numbers)
    choices: dict[str, tuple[tuple[int, tuple[int, ...]], ...]] = {}
    flat: list[Template] = []
    for kind, ts in templates.items():
        which = tuple(range(len(gap_list))) if kind in dated else zero
        entries = []
        for t in ts:
            entries.append((len(flat), which))
            flat.append(t)
        choices[kind] = tuple(entries)
    ids = [f"x-{t.kind.value.replace('_', '-')}" for t in flat]
    event_cache: dict[tuple[int, dt.date], Event] = {}
    dates_cache: dict[dt.date, tuple[dt.date, ...]] = {}

    def event_for(n: int, day: dt.date) -> Event:
        e = event_cache.get((n, day))
        if e is None:
            t = flat[n]
            e = Event(id=ids[n], kind=t.kind, date=day, actors=t.actors, facts=t.facts)
            event_cache[(n, day)] = e
        return e

    # the initial state: after the start events
    phase0, world0 = kernel.initial, WorldState()
    mon0 = monitor.initial
    for e in start_events:
        r = kernel.step(phase0, world0, e)
        if r.accepted:
            mon0, _ = monitor.step(mon0, world0, e)
            phase0, world0 = r.phase, r.world
    prefix = tuple(start_events)

    Key = tuple[str, WorldState, PropertyState]
    key0: Key = (phase0, world0, mon0)
    visited: dict[Key, int] = {key0: 0}
    states: list[Key] = [key0]
    parent: list[int] = [-1]
    via: list[Event | None] = [None]
    depth: list[int] = [0]
    frontier: deque[int] = deque([0])
    result.phases[phase0] = 0
    seen_violation: set[tuple[str, str]] = set()
    rejections: dict[str, int] = {}

    def path_to(idx: int) -> tuple[Event, ...]:
        evs: list[Event] = []
        while idx > 0:
            ev = via[idx]
            assert ev is not None
            evs.append(ev)
            idx = parent[idx]
        evs.reverse()
        # unique, readable ids: x01-election-held ...
        n = len(prefix)
        named = tuple(
            e.model_copy(update={"id": f"x{n + i + 1:02d}{e.id[1:]}"}) for i, e in enumerate(evs)
        )
        return prefix + named

    bar = _Progress(max_states) if progress else None
    step = kernel.step
    check_invariants = kernel.violations
    mon_step = monitor.step
    has_monitor = bool(monitor)
    enabled = kernel.enabled
    t0 = time.perf_counter()
    deadline = t0 + max_seconds
    n_states, n_trans, n_steps, expanded = 1, 0, 0, 0
    stopped = "exhausted"
    cut_by_depth = False
    try:
        while frontier:
            idx = frontier.popleft()
            d = depth[idx]
            if d >= max_depth:
                cut_by_depth = True
                continue
            expanded += 1
            if not expanded & 255:
                now_t = time.perf_counter()
                if now_t > deadline:
                    stopped = "max_seconds"
                    frontier.appendleft(idx)
                    break
                if bar is not None:
                    bar.update(n_states, d)
                if on_progress is not None:
                    on_progress(n_states, n_trans, d)
            phase, world, mon = states[idx]
            now = world.date or start
            days = dates_cache.get(now)
            if days is None:
                days = tuple(g.after(now) for g in gap_list)
                dates_cache[now] = days
            for kind in enabled[phase]:
                for n, gis in choices[kind]:
                    for gi in gis:
                        ev = event_cache.get((n, days[gi])) or event_for(n, days[gi])
                        n_steps += 1
                        r = step(phase, world, ev)
                        if not r.accepted:
                            rule = r.rejected_by or ""
                            rejections[rule] = rejections.get(rule, 0) + 1
                            continue
                        n_trans += 1
                        new_world = r.world
                        broken = check_invariants(world, ev, new_world)
                        if has_monitor:
                            new_mon, broken_props = mon_step(mon, world, ev)
                        else:
                            new_mon, broken_props = mon, ()
                        key = (r.phase, new_world, new_mon)
                        known = visited.get(key)
                        if known is None:
                            if n_states >= max_states:
                                stopped = "max_states"
                                raise _Stop
                            known = n_states
                            visited[key] = known
                            states.append(key)
                            parent.append(idx)
                            via.append(ev)
                            depth.append(d + 1)
                            frontier.append(known)
                            n_states += 1
                            if r.phase not in result.phases:
                                result.phases[r.phase] = d + 1
                                if r.phase in finals:
                                    result.outcomes.append(
                                        Found(
                                            "outcome",
                                            r.phase,
                                            f"final phase {r.phase} reached",
                                            r.phase,
                                            path_to(known),
                                        )
                                    )
                        if broken or broken_props:
                            for typ, vid, msg, pid in [
                                *(
                                    (
                                        "invariant",
                                        v.invariant,
                                        v.message,
                                        inv_provision.get(v.invariant),
                                    )
                                    for v in broken
                                ),
                                *(
                                    ("property", p, m, prop_provision.get(p))
                                    for p, m in broken_props
                                ),
                            ]:
                                if (typ, vid) in seen_violation:
                                    continue
                                seen_violation.add((typ, vid))
                                # the path to this edge: the parent's path plus this event
                                evs = (
                                    *path_to(idx),
                                    ev.model_copy(
                                        update={"id": f"x{len(prefix) + d + 1:02d}{ev.id[1:]}"}
                                    ),
                                )
                                result.violations.append(
                                    Found(
                                        typ,  # type: ignore[arg-type]
                                        vid,
                                        msg,
                                        r.phase,
                                        evs,
                                        provisions.get(pid) if pid else None,
                                        pid,
                                    )
                                )
        else:
            stopped = "max_depth" if cut_by_depth else "exhausted"
    except _Stop:
        pass
    except KeyboardInterrupt:
        stopped = "interrupted"
    finally:
        if bar is not None:
            bar.close(n_states)
    result.elapsed_s = time.perf_counter() - t0
    result.distinct_states = n_states
    result.transitions = n_trans
    result.steps = n_steps
    result.max_depth = max(depth)
    result.stopped = stopped
    result.complete = stopped == "exhausted"
    result.rejections = rejections
    result.outcomes.sort(key=lambda f: (f.depth, f.id))
    result.violations.sort(key=lambda f: (f.depth, f.type, f.id))
    return result


class _Stop(Exception):
    pass


class _Progress:
    """A rich progress bar on stderr: states found out of ``max_states``."""

    def __init__(self, total: int):
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
