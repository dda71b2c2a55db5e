"""Variations: what a scenario changes before it replays the record.

Each operation is one class below, registered when it is defined:

- ``key`` is its name in a scenario file (``drop``, ``insert`` …);
- :meth:`Operation.field` is the value it takes there, as a pydantic type (what the JSON
  Schema shows);
- :meth:`Operation.apply` changes the events; :meth:`Operation.configure` changes the settings
  (model, profile, interpretation, rules switched off) instead.

:class:`Variation`, one entry of a scenario's ``variations:``, has one optional field per
registered operation, in the order they are defined here, and exactly one of them must be
given. A new operation is one new class in this module (and its test)::

    >>> from negotiation.events import Event
    >>> events = [Event(id=f"e{i}", kind="protest", date=f"2014-01-0{i}") for i in (1, 2, 3)]
    >>> varied = apply_variations(events, [Variation(drop="e2"), Variation(swap=("e1", "e3"))])
    >>> [e.id for e in varied]
    ['e3', 'e1']
    >>> Variation(interpretation="opposition_2013").operation.configure(Settings(), ()).interpretation
    'opposition_2013'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, cast

from pydantic import (
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    field_validator,
    model_validator,
)

from negotiation._internal import yamldoc
from negotiation._internal.suggest import unknown
from negotiation.errors import InputError, Problem, format_path
from negotiation.events import Event
from negotiation.events.checks import count_problems
from negotiation.scenario.dating import by_date, shifted
from negotiation.scenario.document import Loc, Strict, locate
from negotiation.scenario.settings import Settings

__all__ = [
    "OPERATIONS",
    "SETTING_OPS",
    "Change",
    "DisableRules",
    "Drop",
    "Edit",
    "Insert",
    "Move",
    "OneOperation",
    "Operation",
    "Replace",
    "Setting",
    "Shift",
    "Swap",
    "SwitchInterpretation",
    "SwitchModel",
    "SwitchProfile",
    "Valued",
    "Variation",
    "apply_variations",
]


@dataclass
class Edit:
    """The events while variations are applied, and the problems found so far. ``at`` is the
    path of the operation being applied (``("variations", 2, "move")``); problems are located
    below it."""

    events: list[Event]
    doc: yamldoc.Document | None = None
    at: Loc = ()
    problems: list[Problem] = field(default_factory=list)
    #: events the operation dated anew (or inserted with no place): they go to their date's place
    redated: list[Event] = field(default_factory=list)
    #: ids an earlier variation removed (dropped, or replaced under another id), and where
    removed: dict[str, Loc] = field(default_factory=dict)

    def fail(self, where: Loc, message: str) -> None:
        self.problems.append(locate(self.doc, (*self.at, *where), message))

    def find(self, where: Loc, event_id: str) -> int | None:
        """The index of the event ``event_id``, or ``None`` and a problem naming the nearest."""
        for j, e in enumerate(self.events):
            if e.id == event_id:
                return j
        if event_id in self.removed:  # not unknown: gone, and the file says where
            self.fail(where, f"event {event_id!r} is no longer in the log: {self._by(event_id)}")
        else:
            self.fail(where, unknown("event id", event_id, [e.id for e in self.events]))
        return None

    def _by(self, event_id: str) -> str:
        loc = self.removed[event_id]
        pos = self.doc.position(loc) if self.doc is not None else None
        line = f" (line {pos[0]})" if pos is not None else ""
        return f"{format_path(loc)}{line} removed it before this variation"

    def taken(self, where: Loc, event_id: str) -> bool:
        """Whether an event already has this id (a problem if so)."""
        if any(e.id == event_id for e in self.events):
            self.fail(where, f"an event with id {event_id!r} already exists")
            return True
        return False

    def put(self, j: int, event: Event) -> None:
        """Put ``event`` at ``j``: at its date's place once the operation is done if that date
        is not the one of the event it replaces."""
        if event.date != self.events[j].date:
            self.redated.append(event)
        self.events[j] = event

    def validated(self, data: dict[str, Any], what: str) -> Event | None:
        """The event ``data`` describes, or ``None`` and a problem saying what is wrong."""
        try:
            return yamldoc.validate(Event, data)
        except ValidationError as exc:  # each wrong field, as a file's errors say it
            wrong = "; ".join(yamldoc.describe(dict(e)) for e in exc.errors())
            self.fail((), f"{what} is invalid: {wrong}")
        except ValueError as exc:
            self.fail((), f"{what} is invalid: {exc}".replace("\n", " "))
        return None


#: every operation, by its key in a scenario file, in the order they are defined
OPERATIONS: dict[str, type[Operation]] = {}


class Operation:
    """One kind of variation. Subclasses that set ``key`` are registered in :data:`OPERATIONS`.

    An operation given as a mapping in the file is a pydantic model (a :class:`Strict`
    subclass too): it is its own value. One given as a plain value (an id, a name, a list) is a
    :class:`Valued` operation holding that value.
    """

    key: ClassVar[str]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "key" in cls.__dict__:
            OPERATIONS[cls.key] = cls

    @classmethod
    def field(cls) -> tuple[Any, Any]:
        """The type and pydantic ``Field`` of this operation in a :class:`Variation` (absent by
        default; given, it needs a value)."""
        return (cls, Field(default=None))

    @classmethod
    def of(cls, value: Any) -> Operation:
        """The operation for the value a :class:`Variation` holds."""
        return cast(Operation, value)

    def apply(self, edit: Edit) -> None:
        """Change ``edit.events`` (report problems with ``edit.fail``). Default: leave them."""

    def configure(self, settings: Settings, at: Loc) -> Settings:
        """The run's settings after this operation. Default: unchanged."""
        return settings


class Valued(Operation):
    """An operation whose value in the file is a plain value rather than a mapping."""

    value_type: ClassVar[Any]
    description: ClassVar[str]

    def __init__(self, value: Any) -> None:
        self.value = value

    @classmethod
    def field(cls) -> tuple[Any, Any]:
        return (cls.value_type, Field(default=None, description=cls.description))

    @classmethod
    def of(cls, value: Any) -> Operation:
        return cls(value)


# --- operations on events ------------------------------------------------------------------
class Drop(Valued):
    """Remove one event or several."""

    key = "drop"
    value_type = str | tuple[str, ...]
    description = "event id(s) to remove"

    def apply(self, edit: Edit) -> None:
        ids = (self.value,) if isinstance(self.value, str) else self.value
        for k, event_id in enumerate(ids):
            j = edit.find(() if isinstance(self.value, str) else (k,), event_id)
            if j is not None:
                edit.events.pop(j)


class Insert(Strict, Operation):
    """Insert a (hypothetical or real) event before/after an event id, or at (its) date."""

    key: ClassVar[str] = "insert"

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
            raise ValueError("give at most one of before, after, at (none: at its date's place)")
        return self

    def apply(self, edit: Edit) -> None:
        if edit.taken(("event", "id"), self.event.id):
            return
        evs = edit.events
        if self.before is not None or self.after is not None:
            where = "before" if self.before is not None else "after"
            j = edit.find((where,), self.before or self.after or "")
            if j is not None:
                evs.insert(j if self.before is not None else j + 1, self.event)
        elif self.at is not None:
            at = self.at
            if not self.event.date <= at <= self.event.last_day:  # was placed there silently
                edit.fail(
                    ("at",),
                    f"the event is dated {self.event.date}, not {at}: at that place the log would "
                    "go back in time (give at its date, or before/after an event id)",
                )
                return
            evs.insert(
                max((j + 1 for j, e in enumerate(evs) if e.date <= at), default=0), self.event
            )
        else:  # at its date's place: the end, for an event dated last
            evs.append(self.event)
            edit.redated.append(self.event)


class Move(Strict, Operation):
    """Move an event before or after another one."""

    key: ClassVar[str] = "move"

    event: str
    before: str | None = None
    after: str | None = None

    @model_validator(mode="after")
    def _one_place(self) -> Move:
        if (self.before is None) == (self.after is None):
            raise ValueError("give exactly one of before, after")
        return self

    def apply(self, edit: Edit) -> None:
        where = "before" if self.before is not None else "after"
        if (self.before or self.after) == self.event:
            edit.fail((where,), f"an event cannot move {where} itself ({self.event!r})")
            return
        j = edit.find(("event",), self.event)
        if j is None:
            return
        moved = edit.events.pop(j)
        target = edit.find((where,), self.before or self.after or "")
        if target is None:
            edit.events.insert(j, moved)
        else:
            edit.events.insert(target if self.before is not None else target + 1, moved)


class Swap(Valued):
    """Swap two events."""

    key = "swap"
    value_type = tuple[str, str]
    description = "two event ids"

    def apply(self, edit: Edit) -> None:
        if self.value[0] == self.value[1]:
            edit.fail((1,), f"swap needs two different events (both are {self.value[0]!r})")
            return
        a, b = (edit.find((n,), event_id) for n, event_id in enumerate(self.value))
        if a is not None and b is not None:
            edit.events[a], edit.events[b] = edit.events[b], edit.events[a]


class Replace(Strict, Operation):
    """Replace an event by another (which may keep or change the id)."""

    key: ClassVar[str] = "replace"

    event: str
    with_: Event = Field(alias="with")

    def apply(self, edit: Edit) -> None:
        j = edit.find(("event",), self.event)
        if j is None:
            return
        if self.with_.id != edit.events[j].id and edit.taken(("with", "id"), self.with_.id):
            return
        edit.put(j, self.with_)


def _merge(base: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in patch.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


class Change(Strict, Operation):
    """Change facts (merged: ``{seats: {cnrp: 63}}`` keeps the other parties) or other fields."""

    key: ClassVar[str] = "change"

    event: str
    facts: dict[str, Any] = Field(default_factory=dict)
    set: dict[str, Any] = Field(default_factory=dict, description="other event fields")

    def apply(self, edit: Edit) -> None:
        j = edit.find(("event",), self.event)
        if j is None:
            return
        data = edit.events[j].model_dump()
        data["facts"] = _merge(data["facts"], self.facts)
        changed = edit.validated(_merge(data, self.set), "the changed event")
        if changed is not None:
            edit.put(j, changed)


class Shift(Strict, Operation):
    """Move dates by days or months, of one event, several or all from one on, in date order."""

    key: ClassVar[str] = "shift"

    events: tuple[str, ...] = ()
    from_: str | None = Field(default=None, alias="from", description="this event and all after")
    days: int = 0
    months: int = 0

    def apply(self, edit: Edit) -> None:
        targets = {
            event_id
            for k, event_id in enumerate(self.events)
            if edit.find(("events", k), event_id) is not None
        }
        start = edit.find(("from",), self.from_) if self.from_ is not None else None
        for j, e in enumerate(edit.events):
            if e.id in targets or (start is not None and j >= start):
                try:  # a date past the calendar's limits was taken silently (year 2424)
                    update = shifted(e, self.days, self.months)
                except (ValueError, OverflowError) as exc:
                    why = f": {exc}" if "outside" in str(exc) else ""
                    edit.fail((), f"event {e.id}: the shifted date is out of range{why}")
                    break
                moved = edit.validated({**e.model_dump(), **update}, f"event {e.id} shifted")
                if moved is None:
                    break
                edit.put(j, moved)


# --- operations on settings ----------------------------------------------------------------
class Setting(Valued):
    """An operation that changes a setting of the run (its key) rather than the events."""

    def configure(self, settings: Settings, at: Loc) -> Settings:
        return settings.with_(at, **{self.key: self.value})


class SwitchModel(Setting):
    """Replay under another model."""

    key = "model"
    value_type = str
    description = "switch model (name or spec file)"


class SwitchProfile(Setting):
    """Replay under another constitution profile."""

    key = "profile"
    value_type = str
    description = "switch profile (name or file)"


class SwitchInterpretation(Setting):
    """Replay under another interpretation of the profile."""

    key = "interpretation"
    value_type = str
    description = "switch interpretation"


class DisableRules(Setting):
    """Switch rules off (they add up with the rules already switched off)."""

    key = "disable_rules"
    value_type = tuple[str, ...]
    description = "switch rules off: what would the invariants catch?"


#: variation operations that change the settings rather than the events
SETTING_OPS = tuple(key for key, op in OPERATIONS.items() if issubclass(op, Setting))


# --- one entry of `variations:` ------------------------------------------------------------
class OneOperation(Strict):
    """Exactly one of the operations below."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1, "maxProperties": 1})

    def __init__(self, **operation: Any) -> None:  # the fields are the registered operations
        super().__init__(**operation)

    @model_validator(mode="after")
    def _exactly_one(self) -> OneOperation:
        if len(self.model_fields_set) != 1:
            ops = ", ".join(type(self).model_fields)
            raise ValueError(f"a variation has exactly one operation: {ops}")
        return self

    @property
    def op(self) -> str:
        """The operation's key."""
        return next(iter(self.model_fields_set))

    @property
    def operation(self) -> Operation:
        return OPERATIONS[self.op].of(getattr(self, self.op))


if TYPE_CHECKING:
    Variation = OneOperation
else:
    Variation = create_model(
        "Variation",
        __base__=OneOperation,
        __module__=__name__,
        __doc__=OneOperation.__doc__,
        **{key: op.field() for key, op in OPERATIONS.items()},
    )


def apply_variations(
    events: Sequence[Event],
    variations: Sequence[Variation],
    doc: yamldoc.Document | None = None,
    base: Loc = ("variations",),
    notes: list[Problem] | None = None,
    removed: dict[str, Loc] | None = None,
) -> list[Event]:
    """Apply variations in order. An unknown id is an error naming the nearest ids; every
    problem is reported, located, in one :class:`InputError`.

    An event a variation dates anew goes to its date's place (:mod:`.dating`); ``notes``, when
    given, gets one located note for each operation that moved events so.

    Setting operations (model, profile, interpretation, disable_rules) leave the events alone:
    :func:`~negotiation.scenario.running.plan_scenario` folds them into the :class:`Settings`.
    """
    edit = Edit(list(events), doc)
    made: dict[str, Loc] = {}  # the variation that last inserted or changed each event
    for i, variation in enumerate(variations):
        edit.at = (*base, i, variation.op)
        before = {id(e) for e in edit.events}
        before_ids = {e.id for e in edit.events}
        variation.operation.apply(edit)
        edit.removed |= dict.fromkeys(before_ids - {e.id for e in edit.events}, edit.at)
        moved = by_date(edit.events, edit.redated)
        edit.redated.clear()
        if moved and notes is not None:
            more = f"; and {len(moved) - 3} more" if len(moved) > 3 else ""
            notes.append(locate(doc, edit.at, "; ".join(moved[:3]) + more))
        made |= {e.id: edit.at for e in edit.events if id(e) not in before}
    # "votes_for: 999" of 123 seats; seats beyond their total are the model's to reject
    # (seats_match_total), as what-ifs of the safeguards do on purpose
    for j, fact, message in count_problems(edit.events):
        if fact != "seats" and edit.events[j].id in made:
            edit.at = made[edit.events[j].id]
            edit.fail((), f"{edit.events[j].id}: {message}")
    if edit.problems:
        raise InputError(edit.problems)
    removed is None or removed.update(edit.removed)  # for expectations that name them
    return edit.events
