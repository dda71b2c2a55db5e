"""Scenarios: replay the record or vary it, and say what should happen.

A scenario file names a model, a profile or interpretation, a base event log, variations
(drop, insert, move, swap, replace, change a fact, shift dates) and expectations. A ``matrix``
runs the same scenario under several settings, one result per cell. A what-if in a few lines::

    name: February 2014 dissolution
    variations:
      - insert:
          after: 2014-01-31-hor-namhong-dissolution-bar
          event: {id: dissolve, kind: assembly_dissolved, date: 2014-02-10, actors: [king-sihamoni]}
    expect:
      rejected_by: {dissolve: no_early_dissolution}
      invariants: hold
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from negotiation import yamldoc
from negotiation.errors import InputError, Problem
from negotiation.events import Event, EventLog
from negotiation.model.machine import DisputeModel
from negotiation.model.rules import months_before
from negotiation.replay import Trace, replay

__all__ = [
    "Cell",
    "CellResult",
    "Expect",
    "Scenario",
    "Variation",
    "apply_variations",
    "check_expectations",
    "load_scenario",
    "run_scenario",
]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


# --- variations ---------------------------------------------------------------------------
class Insert(_Strict):
    """Insert a (hypothetical or real) event before/after an event id, or at a date."""

    event: Event
    before: str | None = None
    after: str | None = None
    at: dt.date | None = Field(default=None, description="after the last event on or before it")

    @model_validator(mode="after")
    def _one_place(self) -> Insert:
        if sum(x is not None for x in (self.before, self.after, self.at)) > 1:
            raise ValueError("give at most one of before, after, at (none: append at the end)")
        return self


class Move(_Strict):
    event: str
    before: str | None = None
    after: str | None = None

    @model_validator(mode="after")
    def _one_place(self) -> Move:
        if (self.before is None) == (self.after is None):
            raise ValueError("give exactly one of before, after")
        return self


class Replace(_Strict):
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


class Variation(_Strict):
    """Exactly one of the operations below."""

    drop: tuple[str, ...] | None = None
    insert: Insert | None = None
    move: Move | None = None
    swap: tuple[str, str] | None = None
    replace: Replace | None = None
    change: Change | None = None
    shift: Shift | None = None

    @model_validator(mode="before")
    @classmethod
    def _drop_one(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("drop"), str):
            return {**data, "drop": [data["drop"]]}
        return data

    @model_validator(mode="after")
    def _exactly_one(self) -> Variation:
        if len(self.model_fields_set) != 1:
            ops = ", ".join(type(self).model_fields)
            raise ValueError(f"a variation has exactly one operation: {ops}")
        return self

    @property
    def op(self) -> str:
        return next(iter(self.model_fields_set))


# --- expectations -------------------------------------------------------------------------
_PRED = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*(==|!=|>=|<=|>|<|contains|not contains)\s*(.+?)\s*$")


class InvariantExpect(_Strict):
    violated: tuple[str, ...] = ()
    hold: tuple[str, ...] = ()


class Expect(_Strict):
    accepted: Literal["all"] | tuple[str, ...] | None = None
    rejected: tuple[str, ...] | None = Field(default=None, description="ids rejected, any rule")
    rejected_by: dict[str, str] | None = Field(
        default=None, description="{event id or step number '#k': rule id}"
    )
    final_phase: str | None = None
    reached: tuple[str, ...] | None = None
    not_reached: tuple[str, ...] | None = None
    world: tuple[str, ...] = Field(
        default=(), description="final-state predicates: 'assembly == convened', 'seats.cnrp >= 55'"
    )
    invariants: Literal["hold"] | InvariantExpect | None = None
    min_conformance: float | None = Field(default=None, ge=0, le=1)

    @model_validator(mode="after")
    def _predicates(self) -> Expect:
        for p in self.world:
            if not _PRED.match(p):
                raise ValueError(
                    f"world predicate {p!r} is not 'field op value' (op: == != >= <= > < contains)"
                )
        return self


class Cell(_Strict):
    """One cell of a matrix: settings and variations added to the scenario's."""

    name: str
    model: str | None = None
    profile: str | None = None
    interpretation: str | None = None
    variations: tuple[Variation, ...] = ()
    expect: Expect | None = Field(default=None, description="replaces the scenario's expectations")


class Scenario(_Strict):
    name: str
    description: str = ""
    model: str = Field(default="cambodia", description="built-in model name or a spec file path")
    profile: str | None = Field(default=None, description="default: the model's profile")
    interpretation: str | None = None
    events: str | tuple[Event, ...] = Field(
        default="builtin", description="'builtin', an event-log file path, or a list of events"
    )
    variations: tuple[Variation, ...] = ()
    expect: Expect = Field(default_factory=Expect)
    matrix: tuple[Cell, ...] = ()


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


def apply_variations(
    events: Sequence[Event],
    variations: Sequence[Variation],
    doc: yamldoc.Document | None = None,
    base: tuple[str | int, ...] = ("variations",),
) -> list[Event]:
    """Apply variations in order. An unknown id is an error naming the nearest ids."""
    evs = list(events)
    problems: list[Problem] = []

    def fail(i: int, field: str, msg: str) -> None:
        path = (*base, i, field)
        problems.append(
            doc.problem(path, msg) if doc else Problem("<scenario>", msg, path=str(path))
        )

    def find(i: int, field: str, event_id: str) -> int | None:
        for j, e in enumerate(evs):
            if e.id == event_id:
                return j
        fail(i, field, _unknown(event_id, [e.id for e in evs]))
        return None

    for i, v in enumerate(variations):
        op = v.op
        if v.drop is not None:
            for eid in v.drop:
                j = find(i, op, eid)
                if j is not None:
                    evs.pop(j)
        elif v.insert is not None:
            ins = v.insert
            if any(e.id == ins.event.id for e in evs):
                fail(i, op, f"an event with id {ins.event.id!r} already exists")
                continue
            if ins.before is not None or ins.after is not None:
                j = find(i, op, ins.before or ins.after or "")
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
            j = find(i, op, v.move.event)
            if j is None:
                continue
            moved = evs.pop(j)
            k = find(i, op, v.move.before or v.move.after or "")
            if k is None:
                evs.insert(j, moved)
                continue
            evs.insert(k if v.move.before is not None else k + 1, moved)
        elif v.swap is not None:
            a, b = (find(i, op, x) for x in v.swap)
            if a is not None and b is not None:
                evs[a], evs[b] = evs[b], evs[a]
        elif v.replace is not None:
            j = find(i, op, v.replace.event)
            if j is not None:
                evs[j] = v.replace.with_
        elif v.change is not None:
            j = find(i, op, v.change.event)
            if j is not None:
                data = evs[j].model_dump()
                data["facts"] = _merge(data["facts"], v.change.facts)
                data = _merge(data, v.change.set)
                try:
                    evs[j] = Event.model_validate(data)
                except ValueError as exc:
                    fail(i, op, f"the changed event is invalid: {exc}".replace("\n", " "))
        elif v.shift is not None:
            sh = v.shift
            targets = {eid for eid in sh.events if find(i, op, eid) is not None}
            start = find(i, op, sh.from_) if sh.from_ is not None else None
            for j, e in enumerate(evs):
                if e.id in targets or (start is not None and j >= start):
                    upd: dict[str, Any] = {"date": _shift_date(e.date, sh.days, sh.months)}
                    if e.date_end is not None:
                        upd["date_end"] = _shift_date(e.date_end, sh.days, sh.months)
                    evs[j] = e.model_copy(update=upd)
    if problems:
        raise InputError(problems)
    return evs


# --- expectations --------------------------------------------------------------------------
def world_view(trace: Trace) -> dict[str, Any]:
    """The final world as plain data, with ``seats`` as a mapping."""
    data = trace.final_world.model_dump(mode="json")
    data["seats"] = dict(trace.final_world.seats)
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
    ops = {
        ">=": actual >= expected,
        "<=": actual <= expected,
        ">": actual > expected,
        "<": actual < expected,
    }
    return bool(ops[op])


def check_expectations(trace: Trace, expect: Expect) -> list[str]:
    """Every unmet expectation, as a sentence. Empty when all are met."""
    failures: list[str] = []
    by_id = {s.event: s for s in trace.steps}

    def step_of(ref: str) -> Any:
        if ref.startswith("#") and ref[1:].isdigit():
            k = int(ref[1:])
            return trace.steps[k] if k < len(trace.steps) else None
        return by_id.get(ref)

    if expect.accepted == "all":
        failures += [
            f"step {s.index} {s.event} was rejected by {s.rejected_by}: {s.reason}"
            for s in trace.steps
            if not s.accepted
        ]
    elif expect.accepted:
        for ref in expect.accepted:
            s = step_of(ref)
            if s is None:
                failures.append(f"expected {ref} to be accepted, but no such step")
            elif not s.accepted:
                failures.append(
                    f"expected {ref} to be accepted; rejected by {s.rejected_by}: {s.reason}"
                )
    for ref in expect.rejected or ():
        s = step_of(ref)
        if s is None or s.accepted:
            failures.append(
                f"expected {ref} to be rejected, but it was {'absent' if s is None else 'accepted'}"
            )
    for ref, rule in (expect.rejected_by or {}).items():
        s = step_of(ref)
        if s is None:
            failures.append(f"expected {ref} to be rejected by {rule}, but no such step")
        elif s.accepted:
            failures.append(f"expected {ref} to be rejected by {rule}, but it was accepted")
        elif s.rejected_by != rule:
            failures.append(
                f"expected {ref} to be rejected by {rule}, but {s.rejected_by} rejected it: {s.reason}"
            )
    if expect.final_phase is not None and trace.final_phase != expect.final_phase:
        failures.append(f"expected final phase {expect.final_phase}, got {trace.final_phase}")
    seen = set(trace.phases())
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


# --- loading and running -------------------------------------------------------------------
@dataclass
class LoadedScenario:
    scenario: Scenario
    doc: yamldoc.Document | None
    base_dir: Path

    @property
    def file(self) -> str:
        return self.doc.file if self.doc else "<scenario>"


def load_scenario(path: Path | str) -> LoadedScenario:
    """Load and validate a scenario file (errors located at file:line:col)."""
    doc = yamldoc.load(path)
    if not isinstance(doc.data, dict):
        raise InputError(doc.problem((), "expected a mapping with at least 'name'"))
    scenario = yamldoc.parse(doc, Scenario)
    return LoadedScenario(scenario, doc, Path(path).parent)


@dataclass
class CellResult:
    scenario: str
    cell: str | None
    file: str
    trace: Trace
    failures: list[str]
    events: list[Event]

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def name(self) -> str:
        return self.scenario if self.cell is None else f"{self.scenario} [{self.cell}]"


_MODELS: dict[tuple[str, str | None, str | None], DisputeModel] = {}


def model_for(model: str, profile: str | None, interpretation: str | None) -> DisputeModel:
    """A (cached) model for these settings; models are reset before each replay."""
    key = (model, profile, interpretation)
    if key not in _MODELS:
        _MODELS[key] = DisputeModel(model, profile, interpretation)
    return _MODELS[key]


def _resolve(base_dir: Path, ref: str) -> str:
    if ref in ("cambodia",) or Path(ref).is_absolute():
        return ref
    return str(base_dir / ref)


def base_events(loaded: LoadedScenario) -> list[Event]:
    from negotiation.eventlog import load_event_log  # late: the corpus layer is heavier

    events = loaded.scenario.events
    if isinstance(events, str):
        log: EventLog = load_event_log(
            None if events == "builtin" else _resolve(loaded.base_dir, events)
        )
        return list(log.events)
    return list(events)


def run_scenario(loaded: LoadedScenario) -> list[CellResult]:
    """Run a scenario (each matrix cell, or the scenario itself when it has none)."""
    sc, doc = loaded.scenario, loaded.doc
    events = apply_variations(base_events(loaded), sc.variations, doc)
    cells: list[Cell | None] = list(sc.matrix) or [None]
    results = []
    for k, cell in enumerate(cells):
        evs = events
        if cell is not None and cell.variations:
            evs = apply_variations(events, cell.variations, doc, ("matrix", k, "variations"))
        model_ref = (cell.model if cell and cell.model else None) or sc.model
        profile = (cell.profile if cell and cell.profile else None) or sc.profile
        interp = (
            cell.interpretation if cell and cell.interpretation else None
        ) or sc.interpretation
        try:
            model = model_for(
                _resolve(loaded.base_dir, model_ref),
                _resolve(loaded.base_dir, profile) if profile else None,
                interp,
            )
        except InputError as exc:
            where = ("matrix", k) if cell is not None else ("interpretation",)
            raise InputError(
                [doc.problem(where, str(p.message)) if doc else p for p in exc.problems]
            ) from None
        trace = replay(model, evs)
        expect = cell.expect if cell is not None and cell.expect is not None else sc.expect
        results.append(
            CellResult(
                sc.name,
                cell.name if cell else None,
                loaded.file,
                trace,
                check_expectations(trace, expect),
                evs,
            )
        )
    return results
