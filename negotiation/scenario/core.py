"""Scenarios: replay the record or vary it, and say what should happen.

A scenario file names a model, a profile or interpretation, a base event log, variations
(drop, insert, move, swap, replace, change a fact, shift dates, switch profile or
interpretation, switch rules off) and expectations. A ``matrix`` runs the same scenario under
several settings, one result per cell. A what-if in a few lines::

    name: What if the King had dissolved the Assembly in February 2014?
    variations:
      - insert:
          at: 2014-02-10
          event: {id: 2014-02-10-dissolution, kind: assembly_dissolved, date: 2014-02-10}
    expect:
      rejected_by: {2014-02-10-dissolution: no_early_dissolution}

Loading validates everything that can be checked without running: the schema, every event id a
variation or an expectation names (an unknown id is an error naming the nearest ids), phases,
rules and invariants the expectations name, the model, profile and interpretation. Errors point
at ``file:line:col`` with the path inside the document. :func:`plan_scenario` does that and
:func:`run_cell` replays one planned cell; :func:`run_scenario` does both.
"""

from __future__ import annotations

import datetime as dt
import difflib
import glob
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from negotiation._internal import yamldoc
from negotiation._internal.calendar import months_before, parse_iso_date
from negotiation.errors import InputError, Problem, format_path
from negotiation.events import Event, EventLog
from negotiation.model.compiled import NOT_ENABLED, compile_model
from negotiation.model.machine import DisputeModel
from negotiation.model.profile import BUILTIN_PROFILES
from negotiation.model.spec import BUILTIN_MODELS
from negotiation.replay import Step, Trace, replay

__all__ = [
    "Cell",
    "CellResult",
    "Expect",
    "InvariantExpect",
    "LoadedScenario",
    "PlannedCell",
    "Scenario",
    "Settings",
    "Variation",
    "apply_variations",
    "check_expectations",
    "checked_properties",
    "dump_scenario",
    "failure_report",
    "load_scenario",
    "load_scenario_text",
    "plan_files",
    "plan_scenario",
    "run_cell",
    "run_scenario",
    "scenario_files",
]

Loc = tuple[str | int, ...]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


# --- variations ---------------------------------------------------------------------------
class Insert(_Strict):
    """Insert a (hypothetical or real) event before/after an event id, or at a date."""

    event: Event
    before: str | None = Field(default=None, description="an event id")
    after: str | None = Field(default=None, description="an event id")
    at: dt.date | None = Field(default=None, description="after the last event on or before it")

    @field_validator("at", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()):
            return dt.date(*(int(x) for x in value.strip().split("-")))
        return value

    @model_validator(mode="after")
    def _one_place(self) -> Insert:
        if sum(x is not None for x in (self.before, self.after, self.at)) > 1:
            raise ValueError("give at most one of before, after, at (none: append at the end)")
        return self


class Move(_Strict):
    """Move an event before or after another one."""

    event: str
    before: str | None = None
    after: str | None = None

    @model_validator(mode="after")
    def _one_place(self) -> Move:
        if (self.before is None) == (self.after is None):
            raise ValueError("give exactly one of before, after")
        return self


class Replace(_Strict):
    """Replace an event by another (which may keep or change the id)."""

    event: str
    with_: Event = Field(alias="with")


class Change(_Strict):
    """Change facts (merged: ``{seats: {cnrp: 63}}`` keeps the other parties) or other fields."""

    event: str
    facts: dict[str, Any] = Field(default_factory=dict)
    set: dict[str, Any] = Field(default_factory=dict, description="other event fields")


class Shift(_Strict):
    """Move dates by days or months: one event, several, or every event from one on."""

    events: tuple[str, ...] = ()
    from_: str | None = Field(default=None, alias="from", description="this event and all after")
    days: int = 0
    months: int = 0


#: variation operations that change the settings rather than the events
SETTING_OPS = ("model", "profile", "interpretation", "disable_rules")


class Variation(_Strict):
    """Exactly one of the operations below."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1, "maxProperties": 1})

    drop: str | tuple[str, ...] | None = Field(default=None, description="event id(s) to remove")
    insert: Insert | None = None
    move: Move | None = None
    swap: tuple[str, str] | None = Field(default=None, description="two event ids")
    replace: Replace | None = None
    change: Change | None = None
    shift: Shift | None = None
    model: str | None = Field(default=None, description="switch model (name or spec file)")
    profile: str | None = Field(default=None, description="switch profile (name or file)")
    interpretation: str | None = Field(default=None, description="switch interpretation")
    disable_rules: tuple[str, ...] | None = Field(
        default=None, description="switch rules off: what would the invariants catch?"
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Variation:
        if len(self.model_fields_set) != 1:
            ops = ", ".join(type(self).model_fields)
            raise ValueError(f"a variation has exactly one operation: {ops}")
        return self

    @property
    def op(self) -> str:
        return next(iter(self.model_fields_set))

    @property
    def dropped(self) -> tuple[str, ...]:
        if self.drop is None:
            return ()
        return (self.drop,) if isinstance(self.drop, str) else self.drop


# --- expectations -------------------------------------------------------------------------
_PRED = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*(==|!=|>=|<=|>|<|not contains|contains)\s*(.+?)\s*$")


class InvariantExpect(_Strict):
    violated: tuple[str, ...] = Field(default=(), description="invariant ids")
    hold: tuple[str, ...] = Field(default=(), description="invariant ids")


class During(_Strict):
    """A region in a state on every day from ``from`` through ``through`` (inclusive)."""

    region: str
    state: str
    from_: dt.date = Field(alias="from")
    through: dt.date

    @field_validator("from_", "through", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        return parse_iso_date(value)

    @model_validator(mode="after")
    def _order(self) -> During:
        if self.through < self.from_:
            raise ValueError(f"through {self.through} is before from {self.from_}")
        return self


class Expect(_Strict):
    """What should happen. Events are named by id or by step number ``'#k'`` (from 0)."""

    accepted: Literal["all"] | tuple[str, ...] | None = Field(
        default=None, description="'all', or the event ids / '#k' steps accepted"
    )
    rejected: tuple[str, ...] | None = Field(default=None, description="ids rejected, any rule")
    rejected_by: dict[str, str] | None = Field(
        default=None, description="{event id or step '#k': rule id (or not_enabled)}"
    )
    final_phase: str | None = None
    reached: tuple[str, ...] | None = Field(default=None, description="phases entered")
    not_reached: tuple[str, ...] | None = Field(default=None, description="phases never entered")
    world: tuple[str, ...] = Field(
        default=(),
        description="final-state predicates 'field op value': 'assembly == convened', "
        "'seats.cnrp >= 55', 'boycotting contains cnrp' (op: == != >= <= > < contains, "
        "not contains)",
    )
    invariants: Literal["hold"] | InvariantExpect | None = Field(
        default=None,
        description="'hold' (no invariant or temporal property violated), or by id: "
        "{violated: [...], hold: [...]}",
    )
    min_conformance: float | None = Field(default=None, ge=0, le=1)
    phase_after: dict[str, dict[str, str]] | None = Field(
        default=None, description="{event id or '#k': {region: state}} after that step"
    )
    during: tuple[During, ...] = Field(
        default=(), description="[{region, state, from, through}]: the region's state each day"
    )

    @field_validator("world", mode="before")
    @classmethod
    def _one_predicate(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v

    @model_validator(mode="after")
    def _predicates(self) -> Expect:
        for p in self.world:
            if not _PRED.match(p):
                raise ValueError(
                    f"world predicate {p!r} is not 'field op value' "
                    "(op: == != >= <= > < contains, not contains)"
                )
        return self


class Cell(_Strict):
    """One cell of a matrix: settings and variations added to the scenario's."""

    name: str
    model: str | None = None
    profile: str | None = None
    interpretation: str | None = None
    disable_rules: tuple[str, ...] = ()
    variations: tuple[Variation, ...] = ()
    expect: Expect | None = Field(default=None, description="replaces the scenario's expectations")


class Scenario(_Strict):
    """A scenario file: the record or a variation of it, and what should happen."""

    name: str
    description: str = ""
    model: str = Field(default="cambodia", description="built-in model name or a spec file path")
    profile: str | None = Field(default=None, description="default: the model's profile")
    interpretation: str | None = None
    disable_rules: tuple[str, ...] = Field(
        default=(), description="rules switched off (what do the invariants catch then?)"
    )
    events: str | tuple[Event, ...] = Field(
        default="builtin", description="'builtin', an event-log file path, or a list of events"
    )
    variations: tuple[Variation, ...] = ()
    expect: Expect = Field(default_factory=Expect)
    matrix: tuple[Cell, ...] = ()

    @model_validator(mode="after")
    def _unique_cells(self) -> Scenario:
        names = [c.name for c in self.matrix]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"matrix cell names must be unique: {', '.join(dupes)}")
        return self


# --- applying variations -------------------------------------------------------------------
def _unknown(event_id: str, ids: Sequence[str]) -> str:
    near = difflib.get_close_matches(event_id, ids, n=3, cutoff=0.4)
    hint = f"; nearest: {', '.join(near)}" if near else ""
    return f"unknown event id {event_id!r}{hint}"


def _shift_date(d: dt.date, days: int, months: int) -> dt.date:
    if months:
        d = months_before(d, -months)
    return d + dt.timedelta(days=days)


def _merge(base: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in patch.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _locate(doc: yamldoc.Document | None, path: Loc, msg: str) -> Problem:
    if doc is not None:
        return doc.problem(path, msg)
    return Problem("<scenario>", msg, path=format_path(path))


def apply_variations(
    events: Sequence[Event],
    variations: Sequence[Variation],
    doc: yamldoc.Document | None = None,
    base: Loc = ("variations",),
) -> list[Event]:
    """Apply variations in order. An unknown id is an error naming the nearest ids.

    Setting operations (model, profile, interpretation, disable_rules) leave the events alone:
    :func:`plan_scenario` folds them into the :class:`Settings`.
    """
    evs = list(events)
    problems: list[Problem] = []

    def fail(i: int, where: Loc, msg: str) -> None:
        problems.append(_locate(doc, (*base, i, *where), msg))

    def find(i: int, where: Loc, event_id: str) -> int | None:
        for j, e in enumerate(evs):
            if e.id == event_id:
                return j
        fail(i, where, _unknown(event_id, [e.id for e in evs]))
        return None

    for i, v in enumerate(variations):
        op = v.op
        if v.drop is not None:
            for k, eid in enumerate(v.dropped):
                j = find(i, (op,) if isinstance(v.drop, str) else (op, k), eid)
                if j is not None:
                    evs.pop(j)
        elif v.insert is not None:
            ins = v.insert
            if any(e.id == ins.event.id for e in evs):
                fail(i, (op, "event", "id"), f"an event with id {ins.event.id!r} already exists")
                continue
            if ins.before is not None or ins.after is not None:
                where = "before" if ins.before is not None else "after"
                j = find(i, (op, where), ins.before or ins.after or "")
                if j is None:
                    continue
                evs.insert(j if ins.before is not None else j + 1, ins.event)
            elif ins.at is not None:
                at = ins.at
                pos = max((j + 1 for j, e in enumerate(evs) if e.date <= at), default=0)
                evs.insert(pos, ins.event)
            else:
                evs.append(ins.event)
        elif v.move is not None:
            j = find(i, (op, "event"), v.move.event)
            if j is None:
                continue
            moved = evs.pop(j)
            where = "before" if v.move.before is not None else "after"
            target = find(i, (op, where), v.move.before or v.move.after or "")
            if target is None:
                evs.insert(j, moved)
                continue
            evs.insert(target if v.move.before is not None else target + 1, moved)
        elif v.swap is not None:
            a, b = (find(i, (op, n), x) for n, x in enumerate(v.swap))
            if a is not None and b is not None:
                evs[a], evs[b] = evs[b], evs[a]
        elif v.replace is not None:
            j = find(i, (op, "event"), v.replace.event)
            if j is not None:
                new = v.replace.with_
                if new.id != evs[j].id and any(e.id == new.id for e in evs):
                    fail(i, (op, "with", "id"), f"an event with id {new.id!r} already exists")
                    continue
                evs[j] = new
        elif v.change is not None:
            j = find(i, (op, "event"), v.change.event)
            if j is not None:
                data = evs[j].model_dump()
                data["facts"] = _merge(data["facts"], v.change.facts)
                data = _merge(data, v.change.set)
                try:
                    evs[j] = Event.model_validate(data)
                except ValueError as exc:
                    fail(i, (op,), f"the changed event is invalid: {exc}".replace("\n", " "))
        elif v.shift is not None:
            sh = v.shift
            targets = {
                eid
                for k, eid in enumerate(sh.events)
                if find(i, (op, "events", k), eid) is not None
            }
            start = find(i, (op, "from"), sh.from_) if sh.from_ is not None else None
            for j, e in enumerate(evs):
                if e.id in targets or (start is not None and j >= start):
                    upd: dict[str, Any] = {"date": _shift_date(e.date, sh.days, sh.months)}
                    if e.date_end is not None:
                        upd["date_end"] = _shift_date(e.date_end, sh.days, sh.months)
                    evs[j] = e.model_copy(update=upd)
    if problems:
        raise InputError(problems)
    return evs


# --- settings --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Settings:
    """Model, profile, interpretation and switched-off rules of one run, and where each was set.

    The scenario's fields, its setting variations, a matrix cell's fields and the cell's
    setting variations are folded in that order, later ones winning (rules switched off add up).
    """

    model: str = "cambodia"
    profile: str | None = None
    interpretation: str | None = None
    disable_rules: tuple[str, ...] = ()
    where: dict[str, Loc] = field(default_factory=dict, compare=False, hash=False)

    def with_(self, at: Loc, **changes: Any) -> Settings:
        values: dict[str, Any] = {
            "model": self.model,
            "profile": self.profile,
            "interpretation": self.interpretation,
            "disable_rules": self.disable_rules,
        }
        where = dict(self.where)
        for key, value in changes.items():
            if value is None or value == ():
                continue
            if key == "disable_rules":
                value = tuple(dict.fromkeys((*self.disable_rules, *value)))
            values[key] = value
            where[key] = (*at, key)
        return Settings(**values, where=where)


def _fold(settings: Settings, variations: Sequence[Variation], base: Loc) -> Settings:
    for i, v in enumerate(variations):
        if v.op in SETTING_OPS:
            settings = settings.with_((*base, i), **{v.op: getattr(v, v.op)})
    return settings


# --- expectations --------------------------------------------------------------------------
def world_view(trace: Trace) -> dict[str, Any]:
    """The final world as plain data, with ``seats`` as a mapping."""
    data = trace.final_world.to_json()
    data["phase"] = trace.final_phase
    return data


def _lookup(data: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(data, dict) and part in data:
            data = data[part]
        else:
            raise KeyError(path)
    return data


def _compare(actual: Any, op: str, expected: Any) -> bool:
    if op == "contains":
        return actual is not None and expected in actual
    if op == "not contains":
        return actual is None or expected not in actual
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
    except TypeError:  # e.g. a date (a string) against a number
        a, b = str(actual), str(expected)
        ops = {">=": a >= b, "<=": a <= b, ">": a > b, "<": a < b}
    return bool(ops[op])


def _step_of(trace: Trace, ref: str) -> Step | None:
    if ref.startswith("#") and ref[1:].isdigit():
        k = int(ref[1:])
        return trace.steps[k] if k < len(trace.steps) else None
    return trace.step_for(ref)


def check_expectations(trace: Trace, expect: Expect) -> list[str]:
    """Every unmet expectation, as a sentence. Empty when all are met."""
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
    final = {trace.final_phase, *(f"{r}={s}" for r, s in trace.final_regions.items())}
    if len(trace.region_ids) > 1:
        final |= set(trace.final_regions.values())
    if expect.final_phase is not None and expect.final_phase not in final:
        failures.append(f"expected final phase {expect.final_phase}, got {trace.final_phase}")
    failures += _regions_failures(trace, expect)
    seen = trace.states_entered()
    for p in expect.reached or ():
        if p not in seen:
            failures.append(
                f"expected phase {p} to be reached; phases: {' -> '.join(trace.phases())}"
            )
    for p in expect.not_reached or ():
        if p in seen:
            failures.append(f"expected phase {p} never to be reached, but it was")
    view = world_view(trace)
    for pred in expect.world:
        m = _PRED.match(pred)
        assert m is not None  # validated
        path, op, raw = m.groups()
        try:
            actual = _lookup(view, path)
        except KeyError:
            failures.append(
                f"world predicate {pred!r}: no field {path!r} (fields: {', '.join(view)})"
            )
            continue
        expected = yaml.safe_load(raw)
        if isinstance(expected, dt.date):
            expected = expected.isoformat()
        if not _compare(actual, op, expected):
            failures.append(f"world predicate {pred!r} is false: {path} is {actual!r}")
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


def _regions_failures(trace: Trace, expect: Expect) -> list[str]:
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
        failures += _during_failures(trace, d)
    return failures


def _during_failures(trace: Trace, d: During) -> list[str]:
    """The region's state on each day is its state after the day's last accepted step."""
    state = trace.initial_regions.get(d.region)
    wrong: list[str] = []
    steps = [s for s in trace.steps if s.accepted]
    i = 0
    day = d.from_
    # the state at the start of the span: after every accepted step dated before it
    while i < len(steps) and dt.date.fromisoformat(steps[i].date) < day:
        state = steps[i].regions.get(d.region)
        i += 1
    while day <= d.through:
        while i < len(steps) and dt.date.fromisoformat(steps[i].date) == day:
            state = steps[i].regions.get(d.region)
            i += 1
        if state != d.state:
            wrong.append(f"{day} ({state})")
        day += dt.timedelta(days=1)
    if not wrong:
        return []
    shown = ", ".join(wrong[:3]) + (f" and {len(wrong) - 3} more days" if len(wrong) > 3 else "")
    return [f"expected {d.region} = {d.state} from {d.from_} through {d.through}; not on {shown}"]


def checked_properties(model: DisputeModel) -> list[str]:
    """Ids of what a replay reports as violations: invariants, then temporal properties."""
    props = getattr(model.spec, "properties", ())
    return [inv.id for inv in model.compiled.invariants] + [p.id for p in props]


def _known(what: str, name: str, known: Sequence[str]) -> str:
    near = difflib.get_close_matches(name, list(known), n=3, cutoff=0.5)
    hint = f"nearest: {', '.join(near)}" if near else f"known: {', '.join(known)}"
    return f"unknown {what} {name!r}; {hint}"


def expectation_problems(
    expect: Expect,
    events: Sequence[Event],
    model: DisputeModel,
    doc: yamldoc.Document | None = None,
    base: Loc = ("expect",),
) -> list[Problem]:
    """Names in ``expect`` that cannot refer to anything: event ids not in the (varied) events,
    steps past the end, unknown phases, rules, invariants and world fields."""
    problems: list[Problem] = []
    ids = [e.id for e in events]

    def at(path: Loc, msg: str) -> None:
        problems.append(_locate(doc, (*base, *path), msg))

    def check_ref(path: Loc, ref: str) -> None:
        if ref.startswith("#"):
            if not ref[1:].isdigit():
                at(path, f"a step is written '#k' with k a number from 0, got {ref!r}")
            elif int(ref[1:]) >= len(events):
                at(path, f"step {ref} is past the last step (#{len(events) - 1})")
        elif ref not in ids:
            at(path, _unknown(ref, ids))

    if isinstance(expect.accepted, tuple):
        for i, ref in enumerate(expect.accepted):
            check_ref(("accepted", i), ref)
    for i, ref in enumerate(expect.rejected or ()):
        check_ref(("rejected", i), ref)
    rules = [*model.compiled.rules, NOT_ENABLED]
    for ref, rule in (expect.rejected_by or {}).items():
        check_ref(("rejected_by", ref), ref)
        if rule not in rules:
            at(("rejected_by", ref), _known("rule", rule, rules))
    phases = model.spec.phase_ids()
    if not model.spec.single_track:
        phases = [*phases, *dict.fromkeys(s for r in model.spec.regions for s in r.state_ids())]
    if expect.final_phase is not None and expect.final_phase not in phases:
        at(("final_phase",), _known("phase", expect.final_phase, phases))
    for key in ("reached", "not_reached"):
        for i, p in enumerate(getattr(expect, key) or ()):
            if p not in phases:
                at((key, i), _known("phase", p, phases))
    fields = [*model.compiled.schema.names(), "phase"]
    for i, pred in enumerate(expect.world):
        m = _PRED.match(pred)
        head = m.group(1).split(".")[0] if m else ""
        if head not in fields:
            at(("world", i), _known("world field", head, fields))
    regions = {r: model.spec.region(r).state_ids() for r in model.compiled.regions}
    for ref, wanted in (expect.phase_after or {}).items():
        check_ref(("phase_after", ref), ref)
        for region, state in wanted.items():
            if region not in regions:
                at(("phase_after", ref, region), _known("region", region, list(regions)))
            elif state not in regions[region]:
                at(("phase_after", ref, region), _known("state", state, regions[region]))
    for i, d in enumerate(expect.during):
        if d.region not in regions:
            at(("during", i, "region"), _known("region", d.region, list(regions)))
        elif d.state not in regions[d.region]:
            at(("during", i, "state"), _known("state", d.state, regions[d.region]))
    if isinstance(expect.invariants, InvariantExpect):
        invariants = checked_properties(model)
        for key in ("violated", "hold"):
            for i, name in enumerate(getattr(expect.invariants, key)):
                if name not in invariants:
                    at(("invariants", key, i), _known("invariant", name, invariants))
    return problems


# --- loading ---------------------------------------------------------------------------------
@dataclass
class LoadedScenario:
    scenario: Scenario
    doc: yamldoc.Document | None
    base_dir: Path

    @property
    def file(self) -> str:
        return self.doc.file if self.doc else "<scenario>"


def _from_document(doc: yamldoc.Document, base_dir: Path) -> LoadedScenario:
    if doc.data is None:
        raise InputError(
            doc.problem((), "empty document, expected a scenario (a mapping with at least 'name')")
        )
    if not isinstance(doc.data, dict):
        raise InputError(
            doc.problem(
                (),
                f"expected a scenario (a mapping with at least 'name'), got a "
                f"{type(doc.data).__name__}",
            )
        )
    return LoadedScenario(yamldoc.parse(doc, Scenario), doc, base_dir)


def load_scenario(path: Path | str) -> LoadedScenario:
    """Load and validate a scenario file's schema (errors located at file:line:col).

    Names (event ids, phases, rules ...) are checked by :func:`plan_scenario`.
    """
    return _from_document(yamldoc.load(path), Path(path).parent)


def load_scenario_text(
    text: str, file: str = "<scenario>", base_dir: Path | str = "."
) -> LoadedScenario:
    """A scenario from YAML text (relative paths in it are read from ``base_dir``)."""
    return _from_document(yamldoc.load_text(text, file), Path(base_dir))


def dump_scenario(scenario: Scenario) -> str:
    """A scenario as YAML, defaults left out: ``load_scenario_text(dump_scenario(s))`` gives
    ``s`` back. Exploration writes its counterexamples with this."""
    data = scenario.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return yamldoc.dump(data)


def scenario_files(paths: Sequence[str | Path]) -> list[Path]:
    """Files, directories (every *.yaml/*.yml below) and globs, sorted, without repeats."""
    found: list[Path] = []
    for raw in paths:
        text = str(raw)
        matches = (
            [Path(m) for m in sorted(glob.glob(text, recursive=True))]
            if glob.has_magic(text)
            else [Path(text)]
        )
        if not matches:
            raise InputError(Problem(file=text, message="no file matches this pattern"))
        for p in matches:
            if p.is_dir():
                found += sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml"))
            elif p.exists():
                found.append(p)
            else:
                raise InputError(Problem(file=str(p), message="file not found"))
    seen: set[Path] = set()
    out: list[Path] = []
    for p in found:
        if p.resolve() not in seen:
            seen.add(p.resolve())
            out.append(p)
    return out


# --- planning and running --------------------------------------------------------------------
_MODELS: dict[tuple[str, str | None, str | None, tuple[str, ...]], DisputeModel] = {}
_LOGS: dict[tuple[str, float], tuple[Event, ...]] = {}


def model_for(
    model: str,
    profile: str | None,
    interpretation: str | None,
    disable_rules: tuple[str, ...] = (),
) -> DisputeModel:
    """A (cached) model for these settings; models are reset before each replay."""
    key = (model, profile, interpretation, disable_rules)
    if key not in _MODELS:
        compiled = compile_model(model, profile, interpretation, disabled_rules=disable_rules)
        _MODELS[key] = DisputeModel(compiled=compiled)
    return _MODELS[key]


def _resolve_model(base_dir: Path, ref: str) -> str:
    if ref in BUILTIN_MODELS or Path(ref).is_absolute():
        return ref
    return str(base_dir / ref)


def _resolve_profile(base_dir: Path, ref: str | None) -> str | None:
    if ref is None or ref in BUILTIN_PROFILES or Path(ref).is_absolute():
        return ref
    return str(base_dir / ref)


def base_events(loaded: LoadedScenario) -> list[Event]:
    """The events the variations start from: the built-in log, a log file, or inline events."""
    from negotiation.events.log import load_event_log  # late: the corpus layer is heavier

    events = loaded.scenario.events
    if not isinstance(events, str):
        return list(events)
    if events == "builtin":
        from negotiation._internal.paths import seeds_dir

        path = seeds_dir() / "events.yaml"
    else:
        path = loaded.base_dir / events
        if path.is_dir():
            path = path / "events.yaml"
    try:
        key = (str(path.resolve()), path.stat().st_mtime)
    except OSError:
        where = ("events",) if events != "builtin" else ()
        raise InputError(_locate(loaded.doc, where, f"event log {str(path)!r} not found")) from None
    if key not in _LOGS:
        log: EventLog = load_event_log(path)
        _LOGS[key] = log.events
    return list(_LOGS[key])


@dataclass
class PlannedCell:
    """One run of a scenario, checked and ready: its events, settings, model and expectations."""

    scenario: str
    cell: str | None
    file: str
    events: list[Event]
    settings: Settings
    model: DisputeModel
    expect: Expect
    #: where the expectations are in the file (for locating problems)
    expect_at: Loc = ("expect",)

    @property
    def name(self) -> str:
        return self.scenario if self.cell is None else f"{self.scenario} [{self.cell}]"


def _model_of(loaded: LoadedScenario, settings: Settings) -> DisputeModel:
    try:
        known = model_for(
            _resolve_model(loaded.base_dir, settings.model),
            _resolve_profile(loaded.base_dir, settings.profile),
            settings.interpretation,
        ).compiled.rules
    except InputError:
        known = {}
    unknown = [r for r in settings.disable_rules if known and r not in known]
    if unknown:
        where = settings.where.get("disable_rules", ("disable_rules",))
        raise InputError([_locate(loaded.doc, where, _known("rule", r, sorted(known))) for r in unknown])
    try:
        return model_for(
            _resolve_model(loaded.base_dir, settings.model),
            _resolve_profile(loaded.base_dir, settings.profile),
            settings.interpretation,
            settings.disable_rules,
        )
    except InputError as exc:
        # the problem is in the file the setting names (keep it), or in the setting itself
        where = (
            settings.where.get("interpretation")
            or settings.where.get("profile")
            or settings.where.get("model")
            or ()
        )
        raise InputError(
            [
                p if p.line is not None else _locate(loaded.doc, where, p.message)
                for p in exc.problems
            ]
        ) from None


def plan_scenario(loaded: LoadedScenario) -> list[PlannedCell]:
    """Check a loaded scenario and prepare its runs (each matrix cell, or the scenario itself).

    Every problem that can be found without running is raised here as one located
    :class:`InputError`: unknown event ids in variations and expectations, unknown phases,
    rules, invariants, world fields, models, profiles, interpretations, unhandled event kinds.
    """
    sc, doc = loaded.scenario, loaded.doc
    top = Settings(model=sc.model).with_(
        (),
        profile=sc.profile,
        interpretation=sc.interpretation,
        disable_rules=sc.disable_rules,
    )
    top = _fold(top, sc.variations, ("variations",))
    events = apply_variations(base_events(loaded), sc.variations, doc)
    planned: list[PlannedCell] = []
    problems: list[Problem] = []
    cells: list[tuple[int, Cell] | None] = list(enumerate(sc.matrix)) or [None]
    for item in cells:
        settings, evs, expect = top, events, sc.expect
        expect_at: Loc = ("expect",)
        cell_name: str | None = None
        try:
            if item is not None:
                k, cell = item
                cell_name = cell.name
                settings = settings.with_(
                    ("matrix", k),
                    model=cell.model,
                    profile=cell.profile,
                    interpretation=cell.interpretation,
                    disable_rules=cell.disable_rules,
                )
                settings = _fold(settings, cell.variations, ("matrix", k, "variations"))
                if cell.variations:
                    evs = apply_variations(
                        events, cell.variations, doc, ("matrix", k, "variations")
                    )
                if cell.expect is not None:
                    expect, expect_at = cell.expect, ("matrix", k, "expect")
            model = _model_of(loaded, settings)
        except InputError as exc:
            problems += exc.problems
            continue
        unhandled = sorted({e.kind for e in evs if not model.handles(e.kind)})
        if unhandled:
            problems.append(
                _locate(
                    doc,
                    settings.where.get("model", ()),
                    f"model {model.spec.id!r} has no transition for event kind(s): "
                    f"{', '.join(unhandled)}",
                )
            )
            continue
        problems += expectation_problems(expect, evs, model, doc, expect_at)
        planned.append(
            PlannedCell(sc.name, cell_name, loaded.file, evs, settings, model, expect, expect_at)
        )
    if problems:
        unique = list(dict.fromkeys(problems))
        raise InputError(unique)
    return planned


@dataclass
class CellResult:
    scenario: str
    cell: str | None
    file: str
    trace: Trace
    failures: list[str]
    events: list[Event]
    expect: Expect | None = None

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def name(self) -> str:
        return self.scenario if self.cell is None else f"{self.scenario} [{self.cell}]"


def run_cell(planned: PlannedCell) -> CellResult:
    """Replay one planned cell and check its expectations."""
    trace = replay(planned.model, planned.events)
    return CellResult(
        planned.scenario,
        planned.cell,
        planned.file,
        trace,
        check_expectations(trace, planned.expect),
        planned.events,
        planned.expect,
    )


def run_scenario(loaded: LoadedScenario) -> list[CellResult]:
    """Run a scenario (each matrix cell, or the scenario itself when it has none)."""
    return [run_cell(p) for p in plan_scenario(loaded)]


# --- reporting a failure ------------------------------------------------------------------------
def _show(value: Any) -> str:
    if isinstance(value, list) and value and all(isinstance(x, list) for x in value):
        return "{" + ", ".join(f"{x[0]}: {x[1]}" for x in value if len(x) == 2) + "}"
    if value is None:
        return "-"
    return str(value)


def _involved(result: CellResult) -> list[Step]:
    """Steps the unmet expectations are about: named ones, rejected ones, violating ones."""
    steps = result.trace.steps
    text = "\n".join(result.failures)
    named = {
        s.index
        for s in steps
        if re.search(rf"(?<![\w.-]){re.escape(s.event)}(?![\w.-])", text)
        or f"#{s.index} " in text + " "
        or f"step {s.index} " in text
    }
    marked = {s.index for s in steps if not s.accepted or s.violations}
    chosen = named | marked
    if not chosen:  # e.g. a final phase or a world predicate: the steps that moved the phase
        chosen = {s.index for s in steps if s.phase_before != s.phase_after}
    return [s for s in steps if s.index in chosen]


def failure_report(result: CellResult, *, quote_width: int = 160) -> str:
    """The unmet expectations, then the replay step by step with only what changed at each
    step, then the sources (article id and quote) of the events involved."""
    lines = [f"scenario {result.name!r} ({result.file})"]
    t = result.trace
    lines.append(
        f"model {t.model} · profile {t.profile} · interpretation {t.interpretation or '-'}"
    )
    lines.append("expectations not met:" if result.failures else "expectations met")
    lines += [f"  - {f}" for f in result.failures]
    lines.append("steps (what changed):")
    for s in t.steps:
        phase = (
            s.phase_before
            if s.phase_before == s.phase_after
            else f"{s.phase_before} -> {s.phase_after}"
        )
        verdict = "accepted" if s.accepted else f"REJECTED by {s.rejected_by}: {s.reason}"
        lines.append(f"  #{s.index:<3} {s.date}  {s.event}  [{s.kind}]  {phase}  {verdict}")
        changes = {k: v for k, v in s.changes.items() if k != "date"}
        if changes:
            lines.append(
                "         "
                + "; ".join(f"{k}: {_show(a)} -> {_show(b)}" for k, (a, b) in changes.items())
            )
        if not s.accepted and s.citation is not None:
            lines.append(f"         cites {s.citation.cite()}")
        for v in s.violations:
            lines.append(f"         INVARIANT {v.invariant} violated: {v.message}")
    involved = _involved(result)
    if involved:
        by_id = {e.id: e for e in result.events}
        lines.append("sources of the events involved:")
        for s in involved:
            ev = by_id.get(s.event)
            lines.append(f"  #{s.index} {s.event}:")
            if ev is None or not ev.sources:
                why = f" ({ev.note})" if ev is not None and ev.note else ""
                lines.append(f"    no source: hypothetical or outside the corpus{why}")
                continue
            for c in ev.sources:
                quote = (
                    c.quote if len(c.quote) <= quote_width else c.quote[: quote_width - 3] + "..."
                )
                lines.append(f"    [{c.article}] “{quote}”")
    return "\n".join(lines) + "\n"


def plan_files(paths: Sequence[str | Path]) -> list[PlannedCell]:
    """Plan every scenario in these files, directories or globs. Every invalid file is
    reported (one :class:`InputError` with all the problems) before anything runs."""
    planned: list[PlannedCell] = []
    problems: list[Problem] = []
    for f in scenario_files(paths):
        try:
            planned += plan_scenario(load_scenario(f))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return planned
