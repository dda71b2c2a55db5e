"""Typed, dated, sourced events: the schema every later stage reads.

An :class:`Event` is one real-world happening, however many articles report it. Each report is a
:class:`Citation` (article id, verbatim quote, character span in the original file text). An
:class:`EventLog` is an ordered list of events plus the :class:`Conflict` s between sources that
were kept rather than silently resolved::

    >>> from negotiation.events import Citation, Event
    >>> e = Event(
    ...     id="2013-07-28-election-held", kind="election_held",
    ...     date="2013-07-28", date_text="July 28", actors=["nec"],
    ...     sources=[Citation(article="a1", quote="held a general election on July 28",
    ...                       start=0, end=34)])
    >>> e.date.isoformat(), e.granularity.value
    ('2013-07-28', 'day')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from negotiation._internal.calendar import parse_iso_date

__all__ = [
    "MAX_COUNT",
    "Citation",
    "Claim",
    "Conflict",
    "Crosswalk",
    "Event",
    "EventLog",
    "Facts",
    "Granularity",
    "Plover",
    "period_end",
]

SLUG = r"^[a-z0-9][a-z0-9._-]*$"

#: the largest count a fact holds: JSON's safe integer, exact in every reader of an export and
#: far inside the 64-bit integers of CEL rules (10**26 seats became a float there)
MAX_COUNT = 2**53 - 1
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]


class Granularity(StrEnum):
    """How precisely a date is known. ``date`` is then the first day of that period."""

    day = "day"
    week = "week"
    month = "month"
    year = "year"


KIND = r"^[a-z][a-z0-9_]*$"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Citation(_Frozen):
    """A verbatim quote from an article, with its character span in the original file text."""

    article: Annotated[str, Field(min_length=1, description="article id (the seed file's stem)")]
    quote: Annotated[str, Field(min_length=1, description="the sentence, verbatim")]
    start: Annotated[int, Field(ge=0, description="offset of the quote's first character")]
    end: Annotated[int, Field(ge=0, description="offset one past the quote's last character")]

    @model_validator(mode="after")
    def _span_matches_quote(self) -> Citation:
        if self.end - self.start != len(self.quote):
            raise ValueError(
                f"span {self.start}..{self.end} is {self.end - self.start} characters "
                f"but the quote has {len(self.quote)}"
            )
        return self


class Facts(_Frozen):
    """Typed facts an event reports. Seat maps are keyed by actor id."""

    model_config = ConfigDict(frozen=True, extra="allow")

    seats: dict[str, Count] | None = None
    total_seats: Annotated[int, Field(gt=0, le=MAX_COUNT)] | None = None
    votes_for: Count | None = None
    votes_against: Count | None = None
    members_present: Count | None = None
    duration_hours: Annotated[float, Field(gt=0, allow_inf_nan=False)] | None = None
    participants: Count | None = None
    killed: Count | None = None
    injured: Count | None = None
    points_agreed: Count | None = None
    meeting_number: Annotated[int, Field(ge=1, le=MAX_COUNT)] | None = None
    uncontested_seats: Count | None = None
    members: Count | None = None
    detained: Count | None = None
    law: str | None = Field(default=None, description="identifier of a law or amendment")
    body: str | None = Field(default=None, description="a body appointed or dissolved")
    post: str | None = Field(default=None, description="an Assembly post")
    court: str | None = Field(default=None, description="the court that ruled")
    election_day: dt.date | None = Field(
        default=None, description="the election day a dissolution decree fixes"
    )
    subject: str | None = Field(default=None, description="what a demand/agreement is about")
    affects_core: bool | None = Field(
        default=None,
        description="an amendment touching pluralist democracy or the monarchy",
    )
    early_election: bool | None = Field(
        default=None,
        description="an amendment that provides for an election before the term ends",
    )

    def present(self) -> dict[str, Any]:
        """Only the facts that are set."""
        return self.model_dump(exclude_none=True)


#: PLOVER's event categories: the 16 of the PLOVER manual (draft 2.0) and the names only earlier
#: versions have (INVESTIGATE, DEMAND, DISAPPROVE, CRIME, FIGHT)
PLOVER_EVENTS = frozenset(
    {
        *("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"),
        *("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
        *("INVESTIGATE", "DEMAND", "DISAPPROVE", "CRIME", "FIGHT"),
    }
)


class Plover(_Frozen):
    event: str
    mode: str | None = None
    context: tuple[str, ...] = ()

    @field_validator("event")
    @classmethod
    def _a_plover_category(cls, v: str) -> str:
        if v not in PLOVER_EVENTS:
            from negotiation._internal.suggest import did_you_mean

            raise ValueError(
                f"unknown PLOVER event category {v!r}{did_you_mean(v, sorted(PLOVER_EVENTS))}"
                f" (one of {', '.join(sorted(PLOVER_EVENTS))})"
            )
        return v


class Crosswalk(_Frozen):
    """Codes of this event in other event ontologies (defaults come from the event kind)."""

    plover: Plover | None = None
    cameo: str | None = None
    goldstein: float | None = None
    acled: str | None = None
    alternatives: tuple[str, ...] = Field(
        default=(), description="other codings coders have used, e.g. 'CAMEO 163 (dictionary)'"
    )


class Event(_Frozen):
    """One real-world event, with every report of it."""

    id: Annotated[str, Field(pattern=SLUG, description="stable slug, e.g. 2013-09-23-assembly")]
    kind: Annotated[str, Field(pattern=KIND, description="an event kind of the vocabulary")]
    date: dt.date
    granularity: Granularity = Granularity.day
    date_text: str = Field(default="", description="the date as the source words it")
    date_end: dt.date | None = Field(default=None, description="last day, for ranges")
    actors: tuple[str, ...] = Field(default=(), description="actor ids of who acted")
    recipients: tuple[str, ...] = Field(default=(), description="actor ids acted upon")
    mediator: str | None = None
    facts: Facts = Field(default_factory=Facts)
    summary: str = ""
    crosswalk: Crosswalk = Field(default_factory=Crosswalk)
    sources: tuple[Citation, ...] = Field(default=(), description="every report of the event")
    note: str = ""

    @field_validator("date", "date_end", mode="before")
    @classmethod
    def _parse_date(cls, value: Any) -> Any:
        return parse_iso_date(value)

    @model_validator(mode="after")
    def _check_dates(self) -> Event:
        if self.date_end is not None and self.date_end < self.date:
            raise ValueError(f"date_end {self.date_end} is before date {self.date}")
        if self.granularity is Granularity.month and self.date.day != 1:
            raise ValueError("a month-granular date must be the first of the month")
        if self.granularity is Granularity.year and (self.date.month, self.date.day) != (1, 1):
            raise ValueError("a year-granular date must be 1 January")
        return self

    @property
    def last_day(self) -> dt.date:
        """The last day the event may have happened on, given its granularity."""
        if self.date_end is not None:
            return self.date_end
        return period_end(self.date, self.granularity)

    def cites(self, article: str) -> bool:
        return any(c.article == article for c in self.sources)


def period_end(start: dt.date, granularity: Granularity) -> dt.date:
    """Last day of the period of ``granularity`` that starts at ``start``."""
    if granularity is Granularity.day:
        return start
    if granularity is Granularity.week:
        return start + dt.timedelta(days=6)
    if granularity is Granularity.month:
        nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(start.year, 12, 31)


class Claim(_Frozen):
    """One side of a contradiction: a value and the citation that asserts it."""

    value: str
    source: Citation


class Conflict(_Frozen):
    """Sources that disagree about a fact of one or more events. Kept, never resolved silently."""

    id: Annotated[str, Field(pattern=SLUG)]
    events: tuple[str, ...] = Field(min_length=1, description="ids of the events concerned")
    field: str = Field(description="what they disagree on: date, seats, ...")
    description: str
    claims: tuple[Claim, ...] = Field(min_length=2)
    resolution: str = Field(default="", description="what the log assumes, and why")


class EventLog(_Frozen):
    """An ordered, curated list of events of one dispute, and the conflicts between sources."""

    dispute: str = ""
    events: tuple[Event, ...] = ()
    conflicts: tuple[Conflict, ...] = ()

    def __iter__(self) -> Iterator[Event]:  # type: ignore[override]
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, event_id: str) -> Event:
        for e in self.events:
            if e.id == event_id:
                return e
        raise KeyError(event_id)

    @property
    def ids(self) -> list[str]:
        return [e.id for e in self.events]

    def __repr__(self) -> str:
        span = (
            f", {self.events[0].date.isoformat()}..{self.events[-1].last_day.isoformat()}"
            if self.events
            else ""
        )
        name = f" {self.dispute!r}" if self.dispute else ""
        return (
            f"<EventLog{name}: {len(self.events)} events{span}, {len(self.conflicts)} conflict(s)>"
        )

    def _repr_html_(self) -> str:
        from negotiation.render.notebook import event_log_html

        return event_log_html(self)

    def to_pandas(self) -> Any:
        """One row per event, the columns of the CSV export (pandas: the ``tables`` extra)."""
        from negotiation.export.records import COLUMNS, ExportData, event_rows
        from negotiation.render.notebook import data_frame

        return data_frame(event_rows(ExportData(self.dispute, self)), COLUMNS)

    def chronological(self) -> list[Event]:
        """Events by date; events of the same date keep their order in the log."""
        return sorted(self.events, key=lambda e: e.date)
