"""Temporal properties: cited statements about the order and timing of accepted events.

Invariants look at one step; temporal properties look at the whole history of accepted events.
A model spec lists them under ``properties:``, each citing a provision of the profile like a
rule does. Three patterns cover what constitutions say about sequences:

``precedence``  ``event`` only after one of ``after`` ("no government before the Assembly met")
``response``    after one of ``after``, ``event`` within ``within_months`` months (bounded)
``absence``     ``event`` never (e.g. an amendment touching the unamendable core)

``facts`` narrows ``event`` to events reporting those facts; ``scope: term`` limits a property to
events dated before the Assembly's term ends. A bounded response is broken by the first accepted
event dated after the deadline while the response is still due (the record shows the time
passed), so over a finite record it is checked as far as the record reaches::

    >>> from negotiation.events import Event
    >>> p = Property(id="gov_after_assembly", type="precedence", event="government_formed",
    ...              after=["assembly_convened"], provision="confidence_vote")
    >>> m = Monitor([p])
    >>> from negotiation.model.world import WorldSchema
    >>> state, broken = m.step(m.initial, WorldSchema.builtin().initial(),
    ...                        Event(id="g", kind="government_formed", date="2013-09-24"))
    >>> broken
    (('gov_after_assembly', 'government_formed on 2013-09-24 before any assembly_convened'),)

:class:`Monitor` is a pure function over a hashable state, so that exploration can keep it in
its state space (``(phase, world, monitor state)``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from negotiation._internal.calendar import months_before
from negotiation.events import Event
from negotiation.model.world import World

__all__ = ["Monitor", "Property", "PropertyState"]

#: per property: precedence -> seen (bool), response -> deadline (date or None), absence -> None
PropertyState = tuple[bool | dt.date | None, ...]


#: an identifier or an event kind: lower case, digits and underscores
_Kind = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


class Property(BaseModel):
    """A temporal property of a model, citing the provision it encodes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: _Kind
    type: Literal["precedence", "response", "absence"]
    event: _Kind | tuple[_Kind, ...] = Field(
        description="the constrained (precedence, absence) or due event kind; a response may "
        "name several (any one of them answers it)"
    )
    after: tuple[_Kind, ...] = Field(
        default=(), description="precedence: what must come first; response: what triggers it"
    )
    within_months: Annotated[int, Field(ge=0, le=12_000)] | None = Field(
        default=None, description="response: the bound, in months (with `within_days`: added)"
    )
    within_days: Annotated[int, Field(ge=0, le=146_461)] | None = Field(
        default=None, description="response: the bound in days (after `within_months`, if given)"
    )
    facts: dict[str, Any] = Field(
        default_factory=dict, description="only events reporting these facts count as `event`"
    )
    scope: Literal["always", "term"] = Field(
        default="always", description="term: only events dated before the Assembly's term ends"
    )
    provision: str = Field(description="provision id in the profile")
    summary: str = ""

    @model_validator(mode="after")
    def _shape(self) -> Property:
        if self.type in ("precedence", "response") and not self.after:
            raise ValueError(f"a {self.type} property needs `after`")
        bounded = self.within_months is not None or self.within_days is not None
        if self.type == "response" and not bounded:
            raise ValueError("a response property needs `within_months` or `within_days`")
        if self.type != "response" and bounded:
            raise ValueError(f"a {self.type} property takes no `within_months` or `within_days`")
        if self.type == "absence" and self.after:
            raise ValueError("an absence property takes no `after`")
        if self.type != "response" and not isinstance(self.event, str):
            raise ValueError(f"a {self.type} property names one `event` kind")
        return self

    def __hash__(self) -> int:  # facts is a dict
        return hash(
            (self.id, self.type, self.event, self.after, self.within_months, self.within_days)
        )

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds ``event`` names (one, or a response's several)."""
        return (self.event,) if isinstance(self.event, str) else self.event

    def bound(self) -> str:
        """A response's bound in words: '2 month(s) and 1 day(s)'."""
        parts = [f"{self.within_months} month(s)"] if self.within_months is not None else []
        parts += [f"{self.within_days} day(s)"] if self.within_days is not None else []
        return " and ".join(parts)

    def due(self, day: dt.date) -> dt.date:
        """A response's deadline for a trigger on ``day``."""
        due = months_after(day, self.within_months or 0)
        return due + dt.timedelta(days=self.within_days or 0)

    def due_by(self, deadline: dt.date) -> str:
        """What a response broken at ``deadline`` owed: 'X was due by D (2 month(s) after Y)'."""
        after = " or ".join(self.after)
        return f"{' or '.join(self.kinds)} was due by {deadline} ({self.bound()} after {after})"

    def describe(self) -> str:
        after = " or ".join(self.after)
        what = " or ".join(self.kinds) + (
            f" ({', '.join(f'{k}={v}' for k, v in self.facts.items())})" if self.facts else ""
        )
        if self.type == "precedence":
            text = f"{what} only after {after}"
        elif self.type == "response":
            text = f"after {after}, {what} within {self.bound()}"
        else:
            text = f"never {what}"
        return text + (" (during the term)" if self.scope == "term" else "")

    def matches(self, event: Event) -> bool:
        if event.kind not in self.kinds:
            return False
        return all(getattr(event.facts, k, None) == v for k, v in self.facts.items())


def months_after(day: dt.date, months: int) -> dt.date:
    return months_before(day, -months)


class Monitor:
    """Checks a list of properties over accepted events, one step at a time."""

    def __init__(self, properties: Iterable[Property]):
        self.properties: tuple[Property, ...] = tuple(properties)
        self.initial: PropertyState = tuple(
            False if p.type == "precedence" else None for p in self.properties
        )
        #: property id -> the provision id it cites
        self.provisions: dict[str, str] = {p.id: p.provision for p in self.properties}
        self._watched = frozenset(k for p in self.properties for k in (*p.kinds, *p.after))
        #: a bounded response is broken by any event dated after its deadline
        self._every = any(p.type == "response" for p in self.properties)

    def watches(self, kind: str) -> bool:
        """Whether an event of ``kind`` can change the monitor's state or break a property."""
        return self._every or kind in self._watched

    def __bool__(self) -> bool:
        return bool(self.properties)

    def step(
        self, state: PropertyState, before: World, event: Event
    ) -> tuple[PropertyState, tuple[tuple[str, str], ...]]:
        """The state after the accepted ``event`` (``before`` is the world it met) and the
        ``(property id, message)`` pairs it breaks."""
        if not self._every and event.kind not in self._watched:
            return state, ()
        new: list[bool | dt.date | None] = list(state)
        broken: tuple[tuple[str, str], ...] = ()
        for i, p in enumerate(self.properties):
            s = state[i]
            in_scope = (
                p.scope == "always" or before.term_end is None or event.date < before.term_end
            )
            if p.type == "precedence":
                if not s and in_scope and p.matches(event):
                    after = " or ".join(p.after)
                    broken += ((p.id, f"{event.kind} on {event.date} before any {after}"),)
                if not s and event.kind in p.after:
                    new[i] = True
            elif p.type == "response":
                if isinstance(s, dt.date):
                    if event.date > s:
                        late = "came too late" if p.matches(event) else "came first"
                        broken += ((p.id, f"{p.due_by(s)}; {event.kind} on {event.date} {late}"),)
                        new[i] = s = None
                    elif in_scope and p.matches(event):
                        new[i] = s = None
                if s is None and event.kind in p.after:
                    new[i] = p.due(event.date)
            elif in_scope and p.matches(event):
                broken += ((p.id, f"{event.kind} on {event.date}: {p.describe()}"),)
        return tuple(new), broken

    def overdue(self, state: PropertyState, day: dt.date) -> tuple[tuple[str, str], ...]:
        """The ``(property id, message)`` pairs of the bounded responses still due in ``state``
        whose deadline is before ``day`` (where a finite run stopped: its time ran past them
        with no accepted event to show it). A response not yet due by ``day`` is not broken."""
        out: tuple[tuple[str, str], ...] = ()
        for i, p in enumerate(self.properties):
            s = state[i]
            if p.type == "response" and isinstance(s, dt.date) and day > s:
                out += ((p.id, f"{p.due_by(s)}; still due when the run ended on {day}"),)
        return out
