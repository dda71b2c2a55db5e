"""Expectations: what should happen in a run, checked against its trace.

:func:`expectation_problems` finds, before running, names that cannot refer to anything
(unknown event ids, steps past the end, unknown phases, rules, invariants, world fields);
:func:`check_expectations` says, after running, every expectation that was not met, one
sentence each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from negotiation._internal import yamldoc
from negotiation._internal.suggest import unknown
from negotiation.errors import InputError, Problem, format_path
from negotiation.events import Event
from negotiation.model.compiled import NOT_ENABLED
from negotiation.model.machine import DisputeModel
from negotiation.replay import Step, Trace
from negotiation.scenario.document import Loc, locate
from negotiation.scenario.schema import STEP, WORLD_PREDICATE, During, Expect, InvariantExpect

__all__ = [
    "check_expectations",
    "checked_properties",
    "expectation_problems",
    "predicate_value",
    "world_view",
]


def world_view(trace: Trace) -> dict[str, Any]:
    """The final world as plain data (seat maps as mappings), with the phase."""
    data = trace.final_world.to_json()
    data["phase"] = trace.final_phase
    return data


def _lookup(data: Any, path: str) -> Any:
    """The value at ``path``; a ``KeyError`` whose argument says which part is missing."""
    parts = path.split(".")
    for k, part in enumerate(parts):
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif k and isinstance(data, dict):  # seats.cnrp of a party with no seats left
            inside = ", ".join(map(str, data)) or "nothing"
            raise KeyError(
                f"{'.'.join(parts[:k])} has no {part!r} in the final world; it has {inside}"
            )
        else:
            raise KeyError(path)
    return data


def _contains(actual: Any, expected: Any) -> bool:
    if isinstance(actual, str):
        return str(expected) in actual
    if isinstance(actual, list | tuple | set | frozenset | dict):
        return expected in actual or str(expected) in {str(x) for x in actual}
    return False


def predicate_value(raw: str) -> Any:
    """The value of a world predicate, read as YAML (``55``, ``convened``, ``[a, b]``); text
    that is not valid YAML is taken as it is.

    >>> predicate_value("55"), predicate_value("2018-09-23"), predicate_value("[1")
    (55, '2018-09-23', '[1')
    """
    try:
        value = yamldoc.load_text(raw, "<predicate>").data
    except InputError:
        return raw
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_ORDER = (">=", "<=", ">", "<")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _compare(actual: Any, op: str, expected: Any) -> bool:
    if op == "contains":
        return _contains(actual, expected)
    if op == "not contains":
        return not _contains(actual, expected)
    if op == "==":
        return bool(actual == expected or str(actual) == str(expected))
    if op == "!=":
        return not (actual == expected or str(actual) == str(expected))
    if actual is None:
        return False
    try:
        ops = {
            ">=": actual >= expected,
            "<=": actual <= expected,
            ">": actual > expected,
            "<": actual < expected,
        }
    except TypeError:  # e.g. a date (a string) against a number, a list against a mapping
        a, b = str(actual), str(expected)
        ops = {">=": a >= b, "<=": a <= b, ">": a > b, "<": a < b}
    return bool(ops[op])


def _step_of(trace: Trace, ref: str) -> Step | None:
    if m := STEP.fullmatch(ref):
        k = int(m.group(1))
        return trace.steps[k] if k < len(trace.steps) else None
    return trace.step_for(ref)


# --- after the run: what was not met -------------------------------------------------------
def _acceptance(trace: Trace, expect: Expect) -> list[str]:
    failures: list[str] = []
    if expect.accepted == "all":
        failures += [
            f"step {s.index} {s.event} was rejected by {s.rejected_by}: {s.reason}"
            for s in trace.steps
            if not s.accepted
        ]
    elif expect.accepted:
        for ref in expect.accepted:
            s = _step_of(trace, ref)
            if s is None:
                failures.append(f"expected {ref} to be accepted, but no such step")
            elif not s.accepted:
                failures.append(
                    f"expected {ref} to be accepted; rejected by {s.rejected_by}: {s.reason}"
                )
    for ref in expect.rejected or ():
        s = _step_of(trace, ref)
        if s is None or s.accepted:
            failures.append(
                f"expected {ref} to be rejected, but it was {'absent' if s is None else 'accepted'}"
            )
    for ref, rule in (expect.rejected_by or {}).items():
        s = _step_of(trace, ref)
        if s is None:
            failures.append(f"expected {ref} to be rejected by {rule}, but no such step")
        elif s.accepted:
            failures.append(f"expected {ref} to be rejected by {rule}, but it was accepted")
        elif s.rejected_by != rule:
            failures.append(
                f"expected {ref} to be rejected by {rule}, but {s.rejected_by} rejected it: {s.reason}"
            )
    for ref, article in (expect.rejected_citing or {}).items():
        s = _step_of(trace, ref)
        if s is None or s.accepted:
            state = "no such step" if s is None else "it was accepted"
            failures.append(f"expected {ref} to be rejected citing {article!r}, but {state}")
        elif s.citation is None or article not in s.citation.article:
            cited = f"{s.citation.article!r}" if s.citation is not None else "no provision"
            failures.append(
                f"expected {ref} to be rejected citing {article!r}; {s.rejected_by} cites {cited}"
            )
    return failures


def _phases(trace: Trace, expect: Expect) -> list[str]:
    failures: list[str] = []
    final = {trace.final_phase, *(f"{r}={s}" for r, s in trace.final_regions.items())}
    if len(trace.region_ids) > 1:  # a state of any region, by its id alone
        final |= set(trace.final_regions.values())
    for wanted in expect.final_phases():
        if wanted not in final:
            failures.append(f"expected final phase {wanted}, got {trace.final_phase}")
    seen = trace.states_entered()
    for p in expect.reached or ():
        if p not in seen:
            failures.append(
                f"expected phase {p} to be reached; phases: {' -> '.join(trace.phases())}"
            )
    for p in expect.not_reached or ():
        if p in seen:
            failures.append(f"expected phase {p} never to be reached, but it was")
    return failures


def _regions(trace: Trace, expect: Expect, spans: dict[str, dt.date]) -> list[str]:
    """``phase_after`` and ``during``: region states after a step, and on every day of a span."""
    failures: list[str] = []
    for ref, wanted in (expect.phase_after or {}).items():
        s = _step_of(trace, ref)
        if s is None:
            failures.append(f"expected regions after {ref}, but no such step")
            continue
        for region, state in wanted.items():
            if s.regions.get(region) != state:
                failures.append(
                    f"expected {region} = {state} after {ref}, got {s.regions.get(region)}"
                )
    for d in expect.during:
        failures += _during(trace, d, spans)
    return failures


def _unsettled(trace: Trace, region: str, spans: dict[str, dt.date]) -> dict[dt.date, str]:
    """The days on which the region's state is the sources' guess: from the first day an event
    known only to a span (a month, a range) may have happened on to the day before its last, if
    it changed the region; each day with that event's id."""
    days: dict[dt.date, str] = {}
    state = trace.initial_regions.get(region)
    for s in trace.steps:
        if not s.accepted:
            continue
        if s.regions.get(region) != state and s.event in spans:
            day = dt.date.fromisoformat(s.date)
            while day < spans[s.event]:
                days.setdefault(day, s.event)
                day += dt.timedelta(days=1)
        state = s.regions.get(region)
    return days


def _during(trace: Trace, d: During, spans: dict[str, dt.date] | None = None) -> list[str]:
    """A region's state on a day is its state after the day's last accepted step (an event
    known only to a month or a range counts from its first day; a failure on the days it may
    not yet have happened says so)."""
    state = trace.initial_regions.get(d.region)
    steps = [
        (dt.date.fromisoformat(s.date), s.regions.get(d.region)) for s in trace.steps if s.accepted
    ]
    i, day, wrong, wrong_days = 0, d.from_, [], []
    while i < len(steps) and steps[i][0] < day:  # the state on the morning of the first day
        state = steps[i][1]
        i += 1
    while day <= d.through:
        while i < len(steps) and steps[i][0] == day:
            state = steps[i][1]
            i += 1
        if state != d.state:
            wrong.append(f"{day} ({state})")
            wrong_days.append(day)
        day += dt.timedelta(days=1)
    if not wrong:
        return []
    shown = ", ".join(wrong[:3]) + (f" and {len(wrong) - 3} more days" if len(wrong) > 3 else "")
    failure = f"expected {d.region} = {d.state} from {d.from_} through {d.through}; not on {shown}"
    spans = spans or {}
    unsettled = _unsettled(trace, d.region, spans)
    guessed = dict.fromkeys(unsettled[day] for day in wrong_days if day in unsettled)
    for event in list(guessed)[:2]:
        failure += (
            f"; the sources date {event} only to a span ending {spans[event]}: it counts from "
            "the first day it may have happened on"
        )
    return [failure]


def _world(trace: Trace, expect: Expect) -> list[str]:
    failures: list[str] = []
    view = world_view(trace)
    for pred in expect.world:
        m = WORLD_PREDICATE.fullmatch(pred)
        if m is None:  # Expect validates its predicates: only a hand-built one gets here
            failures.append(f"world predicate {pred!r} is not 'field op value'")
            continue
        path, op, raw = m.groups()
        try:
            actual = _lookup(view, path)
        except KeyError as exc:
            missing = exc.args[0]
            failures.append(
                f"world predicate {pred!r}: {missing}"
                if missing != path
                else f"world predicate {pred!r}: no field {path!r} (fields: {', '.join(view)})"
            )
            continue
        expected = predicate_value(raw)
        if op in _ORDER and _number(actual) != _number(expected) and actual is not None:
            # a number against text was compared as text: '55 >= 1e999' held ('5' > '1')
            failures.append(
                f"world predicate {pred!r} compares {path} ({actual!r}) with {raw!r}, "
                "which is not a finite number"
                if _number(actual)
                else f"world predicate {pred!r} compares {path} ({actual!r}) with a number"
            )
        elif not _compare(actual, op, expected):
            failures.append(f"world predicate {pred!r} is false: {path} is {actual!r}")
    return failures


def _invariants(trace: Trace, expect: Expect) -> list[str]:
    failures: list[str] = []
    violated = {v.invariant for v in trace.violations}
    if expect.invariants == "hold" and violated:
        failures += [f"invariant {v.invariant} violated: {v.message}" for v in trace.violations]
    elif isinstance(expect.invariants, InvariantExpect):
        for inv in expect.invariants.violated:
            if inv not in violated:
                failures.append(f"expected invariant {inv} to be violated, but it held")
        for inv in expect.invariants.hold:
            if inv in violated:
                failures.append(f"expected invariant {inv} to hold, but it was violated")
    if expect.min_conformance is not None and trace.conformance < expect.min_conformance:
        failures.append(f"conformance {trace.conformance:.3f} is below {expect.min_conformance}")
    return failures


def check_expectations(trace: Trace, expect: Expect, events: Sequence[Event] = ()) -> list[str]:
    """Every unmet expectation, as a sentence. Empty when all are met. ``events``, the replayed
    ones, tell which were known only to a span (a ``during`` failure says so)."""
    spans = {e.id: e.last_day for e in events if e.last_day != e.date}
    return [
        *_acceptance(trace, expect),
        *_phases(trace, expect),
        *_regions(trace, expect, spans),
        *_world(trace, expect),
        *_invariants(trace, expect),
    ]


# --- before the run: names that refer to nothing -------------------------------------------
def checked_properties(model: DisputeModel) -> list[str]:
    """Ids of what a replay reports as violations: invariants, then temporal properties."""
    props = getattr(model.spec, "properties", ())
    return [inv.id for inv in model.compiled.invariants] + [p.id for p in props]


def _unknown_phase(wanted: str, phases: Sequence[str], model: DisputeModel) -> str:
    """An unknown phase, with the nearest ones; with none near, a model of regions lists its
    regions' states (its phases, ``region=state``, are too many to list)."""
    message = unknown("phase", wanted, phases)
    if "did you mean" in message or "known:" in message or model.spec.single_track:
        return message
    spec = model.spec
    states = "; ".join(f"{r}: {', '.join(spec.region(r).state_ids())}" for r in spec.region_ids())
    return f"{message}; a phase is a region's state (region=state, or the state alone): {states}"


class EventIds(list[str]):
    """The ids of the varied events, and those the variations removed: where, as text."""

    def __init__(self, ids: Sequence[str], gone: dict[str, str] | None = None) -> None:
        super().__init__(ids)
        self.gone = gone or {}


def _step_problem(ref: str, ids: Sequence[str]) -> str | None:
    if ref.startswith("#"):
        if not STEP.fullmatch(ref):
            return f"a step is written '#k' with k a number from 0, got {ref!r}"
        if int(ref[1:]) >= len(ids):
            return f"step {ref} is past the last step (#{len(ids) - 1})"
        return None
    if ref in ids:
        return None
    if isinstance(ids, EventIds) and ref in ids.gone:  # not a typo: the file took it out
        return f"event {ref!r} is not in the varied log: {ids.gone[ref]} removed it"
    return unknown("event id", ref, ids)


def expectation_problems(
    expect: Expect,
    events: Sequence[Event],
    model: DisputeModel,
    doc: yamldoc.Document | None = None,
    base: Loc = ("expect",),
    removed: dict[str, Loc] | None = None,
) -> list[Problem]:
    """Names in ``expect`` that cannot refer to anything: event ids not in the (varied) events
    (``removed``: those the variations took out, and where), steps past the end, unknown
    phases, rules, invariants and world fields."""
    problems: list[Problem] = []
    gone = {}
    for event_id, loc in (removed or {}).items():
        pos = doc.position(loc) if doc is not None else None
        gone[event_id] = format_path(loc) + (f" (line {pos[0]})" if pos is not None else "")
    ids = EventIds([e.id for e in events], gone)

    def at(path: Loc, message: str | None) -> None:
        if message is not None:
            problems.append(locate(doc, (*base, *path), message))

    if isinstance(expect.accepted, tuple):
        for i, ref in enumerate(expect.accepted):
            at(("accepted", i), _step_problem(ref, ids))
    for i, ref in enumerate(expect.rejected or ()):
        at(("rejected", i), _step_problem(ref, ids))
    # only a rule a transition guards with can reject (a built-in rule the model never uses
    # was taken, and its expectation could never be met)
    rules = [*dict.fromkeys(g for t in model.spec.transitions for g in t.guards), NOT_ENABLED]
    for ref, rule in (expect.rejected_by or {}).items():
        at(("rejected_by", ref), _step_problem(ref, ids))
        if rule in model.compiled.rules and rule not in rules:
            at(
                ("rejected_by", ref),
                f"rule {rule!r} guards no transition of model {model.spec.id!r}: it rejects "
                f"nothing here; the rules that can: {', '.join(rules)}",
            )
        elif rule not in rules:
            at(("rejected_by", ref), unknown("rule", rule, rules))
    for ref in expect.rejected_citing or {}:
        at(("rejected_citing", ref), _step_problem(ref, ids))
    phases = model.spec.phase_ids()
    if not model.spec.single_track:  # region=state, or a state id alone
        phases = [*phases, *dict.fromkeys(s for r in model.spec.regions for s in r.state_ids())]
    keys = list(expect.final_phase) if isinstance(expect.final_phase, dict) else [None]
    for key, wanted in zip(keys, expect.final_phases(), strict=False):
        if wanted not in phases:
            at(("final_phase", *([key] if key else [])), _unknown_phase(wanted, phases, model))
    for key in ("reached", "not_reached"):
        for i, p in enumerate(getattr(expect, key) or ()):
            if p not in phases:
                at((key, i), _unknown_phase(p, phases, model))
    fields = [*model.compiled.schema.names(), "phase"]
    for i, pred in enumerate(expect.world):
        m = WORLD_PREDICATE.fullmatch(pred)
        head = m.group(1).split(".")[0] if m else ""
        if head not in fields:
            at(("world", i), unknown("world field", head, fields))
    problems += _region_problems(expect, ids, model, at)
    if isinstance(expect.invariants, InvariantExpect):
        invariants = checked_properties(model)
        for key in ("violated", "hold"):
            for i, name in enumerate(getattr(expect.invariants, key)):
                if name not in invariants:
                    at(("invariants", key, i), unknown("invariant", name, invariants))
    return problems


def _region_problems(
    expect: Expect, ids: Sequence[str], model: DisputeModel, at: Any
) -> list[Problem]:
    """Unknown regions and states in ``phase_after`` and ``during`` (reported through ``at``)."""
    regions = {r: model.spec.region(r).state_ids() for r in model.compiled.regions}

    def state_problem(region: str, state: str) -> str | None:
        if region not in regions:
            return unknown("region", region, list(regions))
        return None if state in regions[region] else unknown("state", state, regions[region])

    for ref, wanted in (expect.phase_after or {}).items():
        at(("phase_after", ref), _step_problem(ref, ids))
        for region, state in wanted.items():
            at(("phase_after", ref, region), state_problem(region, state))
    for i, d in enumerate(expect.during):
        at(("during", i), state_problem(d.region, d.state))
    return []
