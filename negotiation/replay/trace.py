"""Replay: feed an event log through a dispute model and keep a trace of every step.

>>> from negotiation import load_event_log
>>> trace = replay(DisputeModel(), load_event_log())
>>> trace.conformance, trace.first_deviation
(1.0, None)

**Events of the same day.** A log lists events of one day in some order, but the sources
rarely say in which. Replay checks whether a verdict depends on that order: for each run of
same-day events it replays every other possible order (up to six events; adjacent swaps
beyond; an order in which an event the log accepts is not even enabled, such as results before
the election, is not possible). Where a verdict changes, every step of the run names the order
it assumed (``assumed_order``), so a verdict never silently rests on how the curator listed the
day's events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, PlainSerializer

from negotiation.errors import InputError
from negotiation.events import Citation, Event, EventLog, Granularity
from negotiation.model.compiled import NOT_ENABLED, CompiledModel, State, StepResult
from negotiation.model.machine import DisputeModel
from negotiation.model.profile import Provision
from negotiation.model.world import World

__all__ = ["Step", "StepViolation", "Trace", "replay"]

#: 3: the summary's count of violations is ``violation_count`` (``violations`` is a list in
#: every JSON document: a step's, an exploration's)
FORMAT_VERSION = 3
MAX_PERMUTED = 6  # same-day runs up to this size are checked in every order


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)


_O = TypeVar("_O", bound=_Out)


def _trusted(cls: type[_O], fields: dict[str, Any]) -> _O:
    """The record ``cls.model_construct(**fields)`` builds when ``fields`` gives every field in
    declaration order (no alias, default, extra or private attribute to resolve), without its
    per-field loop: the engine's own, already validated results. ``tests/test_replay_order.py``
    checks it builds the same record as ``model_construct`` and as validation."""
    out = cls.__new__(cls)
    object.__setattr__(out, "__dict__", fields)
    object.__setattr__(out, "__pydantic_fields_set__", set(fields))
    object.__setattr__(out, "__pydantic_extra__", None)
    object.__setattr__(out, "__pydantic_private__", None)
    return out


class StepViolation(_Out):
    invariant: str  # the invariant's id, or the temporal property's (``kind`` says which)
    message: str
    citation: Provision | None = None
    kind: Literal["invariant", "property"] = "invariant"

    def label(self) -> str:
        """``INVARIANT x violated`` or ``PROPERTY x broken``, as the text reports print it."""
        if self.kind == "property":
            return f"PROPERTY {self.invariant} broken"
        return f"INVARIANT {self.invariant} violated"


def _show(value: Any) -> str:
    """A world value as the reports print it: party counts as ``{cpp: 79}``, none as ``-``."""
    if isinstance(value, list) and value and all(isinstance(x, list) for x in value):
        return "{" + ", ".join(f"{x[0]}: {x[1]}" for x in value if len(x) == 2) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_show(x) for x in value) + "]"
    if value is None:
        return "-"
    return str(value)


class Step(_Out):
    """One event fed to the model and what it did: the one per-step record of the library."""

    index: int
    event: str
    kind: str
    date: str
    phase_before: str
    phase_after: str
    accepted: bool
    rejected_by: str | None = None
    reason: str | None = None
    citation: Provision | None = None  # of the rule that rejected the event
    changes: dict[str, tuple[Any, Any]] = {}
    violations: tuple[StepViolation, ...] = ()
    sources: tuple[Citation, ...] = ()
    #: the state of every region after the step (a single-track model has one region, "phase")
    regions: dict[str, str] = {}
    #: when a verdict of this day's events depends on their order: the order assumed (log order)
    assumed_order: tuple[str, ...] = ()
    transition: int | None = None  # index of the spec transition that fired
    evaluated: tuple[tuple[str, bool], ...] = ()  # rules evaluated, in order, and their verdicts

    def describe_changes(self) -> str:
        """What the step changed in the world, the date aside (``seats: {cpp: 68} -> {cpp:
        79}; vacant_seats: 11 -> 0``), or ``""``."""
        return "; ".join(
            f"{k}: {_show(a)} -> {_show(b)}" for k, (a, b) in self.changes.items() if k != "date"
        )


class Trace(_Out):
    """A replay: the steps, the final phase and world, and conformance figures."""

    model: str
    profile: str
    interpretation: str | None
    steps: tuple[Step, ...]
    final_phase: str
    #: the final world (attribute access: ``trace.final_world.seats``; JSON: a mapping)
    final_world: Annotated[World, PlainSerializer(lambda w: w.to_json(), return_type=dict)]
    #: region ids in declaration order, and the state of each before the first step
    region_ids: tuple[str, ...] = ("phase",)
    initial_regions: dict[str, str] = {}

    @property
    def final_regions(self) -> dict[str, str]:
        return self.steps[-1].regions if self.steps else dict(self.initial_regions)

    @property
    def accepted(self) -> int:
        return sum(s.accepted for s in self.steps)

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def conformance(self) -> float:
        """Share of events the model accepted (1.0 for an empty log)."""
        return self.accepted / self.total if self.steps else 1.0

    @property
    def first_deviation(self) -> int | None:
        """Index of the first rejected event, if any."""
        return next((s.index for s in self.steps if not s.accepted), None)

    @property
    def violations(self) -> list[StepViolation]:
        return [v for s in self.steps for v in s.violations]

    def phases(self) -> list[str]:
        """Phases (configurations) in the order they were entered (the initial one first)."""
        out = [self.steps[0].phase_before] if self.steps else [self.final_phase]
        for s in self.steps:
            if s.phase_after != out[-1]:
                out.append(s.phase_after)
        return out

    def states_entered(self) -> set[str]:
        """Every ``region=state`` (and bare state id) the trace was ever in."""
        seen: set[str] = set()
        for regions in [self.initial_regions, *(s.regions for s in self.steps)]:
            for r, s in regions.items():
                seen |= {s, f"{r}={s}"}
        return seen | set(self.phases())

    def step_for(self, event_id: str) -> Step | None:
        return next((s for s in self.steps if s.event == event_id), None)

    def summary(self) -> dict[str, Any]:
        return {
            "accepted": self.accepted,
            "total": self.total,
            "conformance": round(self.conformance, 4),
            "first_deviation": self.first_deviation,
            "final_phase": self.final_phase,
            "violation_count": len(self.violations),
        }

    def __repr__(self) -> str:
        return (
            f"<Trace {self.model}: {self.accepted}/{self.total} accepted, final {self.final_phase}, "
            f"{len(self.violations)} violation(s)>"
        )

    def _repr_html_(self) -> str:
        from negotiation.render.notebook import trace_html

        return trace_html(self)

    def to_pandas(self) -> Any:
        """One row per step, with its first source and quote (pandas: the ``tables`` extra)."""
        from negotiation.render.notebook import STEP_COLUMNS, data_frame, step_rows

        return data_frame(step_rows(self), STEP_COLUMNS)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format_version": FORMAT_VERSION}
        data.update(self.model_dump(mode="json", exclude_none=True))
        data.update(self.summary())
        return data


def _compiled(model: DisputeModel | CompiledModel) -> CompiledModel:
    return model.compiled if isinstance(model, DisputeModel) else model


def replay(
    model: DisputeModel | CompiledModel,
    events: EventLog | Iterable[Event],
    *,
    world: World | None = None,
    phase: str | None = None,
    state: State | None = None,
) -> Trace:
    """Feed ``events`` in order from the model's initial state (or ``state``, or the ``world``
    and single-track ``phase`` given); a rejected event leaves the state as it was.

    An event whose kind the model has no transition for at all is an input error: the model
    does not describe such events, so their rejection would say nothing about the rules.
    """
    compiled = _compiled(model)
    evs = list(events.events if isinstance(events, EventLog) else events)
    unhandled = sorted({e.kind for e in evs if not compiled.handles(e.kind)})
    if unhandled:
        raise InputError(
            f"model {compiled.spec.id!r} has no transition for event kind(s): {', '.join(unhandled)}"
        )
    start = state or compiled.initial
    if world is not None:
        start = start._replace(world=world)
    if phase is not None:
        start = start._replace(config=(phase,))
    results, states = [], [start]
    for event in evs:
        r = compiled.step(states[-1], event, record=True)
        results.append(r)
        states.append(r.state)
    if evs and compiled.monitor:
        # a bounded response still due past the last day the log reaches (a rejected event
        # shows the time passed too), as simulate counts one where a run stops
        overdue = compiled.monitor.overdue(states[-1].monitor, max(e.date for e in evs))
        results[-1] = results[-1]._replace(broken=results[-1].broken + overdue)
    order = _order_dependence(compiled, evs, states, results)
    steps = tuple(
        _step(compiled, i, e, states[i], r, order.get(i, ()))
        for i, (e, r) in enumerate(zip(evs, results, strict=True))
    )
    end = states[-1]
    trace = Trace(
        model=compiled.spec.id,
        profile=compiled.profile.id,
        interpretation=compiled.params.interpretation,
        steps=steps,
        final_phase=compiled.label(end.config),
        final_world=end.world,
        region_ids=compiled.regions,
        initial_regions=compiled.region_states(start.config),
    )
    return trace


def _step(
    compiled: CompiledModel,
    i: int,
    event: Event,
    before: State,
    r: StepResult,
    order: tuple[str, ...],
) -> Step:
    in_force = before.world.in_force
    cite = compiled.provision
    # every part is already validated (events, provisions, the engine's own results): built
    # as trusted records, as model_construct would, without validating them a second time
    violations = tuple(
        _trusted(
            StepViolation,
            {
                "invariant": inv,
                "message": msg,
                "citation": cite(inv, in_force, event.date),
                "kind": kind,
            },
        )
        for kind, found in (("invariant", r.violations), ("property", r.broken))
        for inv, msg in found
    )
    after = r.state
    return _trusted(
        Step,
        {
            "index": i,
            "event": event.id,
            "kind": event.kind,
            "date": event.date.isoformat(),
            "phase_before": compiled.label(before.config),
            "phase_after": compiled.label(after.config),
            "accepted": r.accepted,
            "rejected_by": r.rejected_by,
            "reason": _reason(compiled, before, event, r),
            "citation": cite(r.rejected_by, in_force, event.date) if r.rejected_by else None,
            "changes": before.world.diff(after.world) if r.accepted else {},
            "violations": violations,
            "sources": event.sources,
            "regions": compiled.region_states(after.config),
            "assumed_order": order,
            "transition": r.transition,
            "evaluated": r.evaluated,
        },
    )


def _reason(compiled: CompiledModel, before: State, event: Event, r: StepResult) -> str | None:
    """The step's reason; for an event no transition took, with what the phase lacks."""
    if r.rejected_by != NOT_ENABLED or r.reason is None:
        return r.reason
    return r.reason + compiled.not_enabled_detail(before, event)


def _same_day_runs(events: Sequence[Event]) -> list[range]:
    runs, start = [], 0
    for i in range(1, len(events) + 1):
        if i == len(events) or not _same_day(events[i], events[start]):
            if i - start > 1:
                runs.append(range(start, i))
            start = i
    return runs


def _same_day(a: Event, b: Event) -> bool:
    return (
        a.date == b.date and a.granularity is Granularity.day and b.granularity is Granularity.day
    )


def _another_order_differs(
    compiled: CompiledModel, start: State, day: Sequence[Event], logged: dict[str, Any]
) -> bool:
    """Whether some other order of ``day`` changes a verdict: a depth-first walk over the
    orders that shares prefixes and prunes as soon as an order is impossible (an event the
    log accepts is not even enabled, such as results before the election) or already
    differs. Orders beyond :data:`MAX_PERMUTED` events are limited to adjacent swaps."""
    if len(day) > MAX_PERMUTED:
        return _a_swap_differs(compiled, start, day, logged)
    return _walk(compiled, start, list(day), logged)


def _a_swap_differs(
    compiled: CompiledModel, start: State, day: Sequence[Event], logged: dict[str, Any]
) -> bool:
    """Whether swapping two adjacent events of ``day`` gives a possible order with another
    verdict. A loop, not a recursion per event (a day of thousands of events overflowed the
    stack); once a swapped order is back in the logged order's state, the rest of the day
    replays as logged, so most swaps cost two steps."""
    states = [start]
    for e in day:
        states.append(compiled.step(states[-1], e).state)
    for k in range(len(day) - 1):
        state, differs = states[k], False
        order = iter([day[k + 1], day[k], *day[k + 2 :]])
        j = k  # the logged position the swapped order has reached
        for e in order:
            r = compiled.step(state, e)
            verdict = (r.accepted, r.rejected_by)
            if verdict == (False, NOT_ENABLED) and logged[e.id][0]:
                break  # not a possible order of that day
            differs = differs or verdict != logged[e.id]
            state, j = r.state, j + 1
            if j >= k + 2 and state == states[j]:
                if differs:
                    return True
                break  # back on the logged path: the rest is as logged
        else:
            if differs:
                return True
    return False


def _walk(
    compiled: CompiledModel,
    state: State,
    rest: list[Event],
    logged: dict[str, Any],
    *,
    differs: bool = False,
    seen: set[tuple[State, frozenset[str], bool]] | None = None,
) -> bool:
    """Place the ``rest`` of the day's events after ``state``, in every order; true when a
    possible complete order has a verdict other than the logged one.
    Orders that reach the same state with the same events left are walked once (``seen``)."""
    if not rest:
        return differs
    seen = set() if seen is None else seen
    key = (state, frozenset(e.id for e in rest), differs)
    if key in seen:
        return False
    seen.add(key)
    for k in range(len(rest)):
        e = rest[k]
        r = compiled.step(state, e)
        verdict = (r.accepted, r.rejected_by)
        if verdict == (False, NOT_ENABLED) and logged[e.id][0]:
            continue  # not a possible order of that day
        if _walk(
            compiled,
            r.state,
            [*rest[:k], *rest[k + 1 :]],
            logged,
            differs=differs or verdict != logged[e.id],
            seen=seen,
        ):
            return True
    return False


def _order_dependence(
    compiled: CompiledModel,
    events: Sequence[Event],
    states: Sequence[State],
    results: Sequence[StepResult],
) -> dict[int, tuple[str, ...]]:
    """Steps whose day's verdicts change with the order of that day's events."""
    out: dict[int, tuple[str, ...]] = {}
    for run in _same_day_runs(events):
        whole = [events[i] for i in run]
        if all(_inert(compiled, states[i], e) for i, e in zip(run, whole, strict=True)):
            continue  # nothing that day reads or changes the state: order cannot matter
        # events that commute with everything keep their verdict in any order: leave them out
        day = [e for e in whole if not compiled.order_free(e.kind)]
        if len(day) < 2:
            continue
        logged = {
            events[i].id: (results[i].accepted, results[i].rejected_by)
            for i in run
            if not compiled.order_free(events[i].kind)
        }
        if _another_order_differs(compiled, states[run.start], day, logged):
            ids = tuple(e.id for e in whole)
            out.update({i: ids for i in run})
    return out


def _inert(compiled: CompiledModel, state: State, event: Event) -> bool:
    """The event's candidates neither test nor change anything (statements, appeals ...)."""
    cands = compiled.table(state.config, event.kind)
    return bool(cands) and all(c.inert for c in cands) and not compiled.monitor.watches(event.kind)
