"""The world state: institutional facts the rules read and the effects change.

Frozen and hashable, so that exploration can keep sets of states::

    >>> w = WorldState().with_seats({"cpp": 68, "cnrp": 55}, total=123)
    >>> w.seat_map()["cpp"], w.present_seats()
    (68, 123)
    >>> w.model_copy(update={"boycotting": ("cnrp",)}).present_seats()
    68
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Amendment", "AssemblyStatus", "Government", "Track", "WorldState"]

_new = object.__new__
_setattr = object.__setattr__


class AssemblyStatus(StrEnum):
    not_elected = "not_elected"
    elected = "elected"  # election held, not yet convened
    convened = "convened"
    dissolved = "dissolved"


class Track(StrEnum):
    """Which negotiation track is active."""

    none = "none"
    royal = "royal"  # brokered by the head of state
    working_group = "working_group"
    summit = "summit"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Government(_Frozen):
    formed_on: dt.date
    votes_for: int


class Amendment(_Frozen):
    passed_on: dt.date
    votes_for: int
    affects_core: bool = False
    enables_early_election: bool = False


class WorldState(_Frozen):
    """Institutional facts at one point of a dispute."""

    date: dt.date | None = Field(default=None, description="date of the last accepted event")
    total_seats: int = 0
    seats: tuple[tuple[str, int], ...] = Field(default=(), description="(party, seats), sorted")
    election_date: dt.date | None = None
    results_on: dt.date | None = Field(default=None, description="when official results came")
    assembly: AssemblyStatus = AssemblyStatus.not_elected
    convened_on: dt.date | None = None
    members_present: int | None = Field(default=None, description="at the first session")
    term_end: dt.date | None = None
    boycotting: tuple[str, ...] = Field(default=(), description="parties refusing their seats")
    government: Government | None = None
    dismissals: tuple[dt.date, ...] = Field(default=(), description="governments deposed, dates")
    dissolved_on: dt.date | None = None
    amendments: tuple[Amendment, ...] = ()
    early_election_on: dt.date | None = None
    track: Track = Track.none
    agreements: int = 0

    def evolve(self, **changes: Any) -> WorldState:
        """``model_copy(update=changes)`` without pydantic's generic copy machinery.

        Effects run at every step of replay and exploration, so this is the hot path. Like
        ``model_copy`` it does not validate: effects build values of the right types.

        >>> WorldState().evolve(agreements=2).agreements
        2
        """
        new = _new(WorldState)
        d = self.__dict__.copy()
        d.update(changes)
        _setattr(new, "__dict__", d)
        _setattr(new, "__pydantic_extra__", None)
        _setattr(new, "__pydantic_fields_set__", self.__pydantic_fields_set__ | changes.keys())
        _setattr(new, "__pydantic_private__", None)
        return new

    def seat_map(self) -> dict[str, int]:
        return dict(self.seats)

    def with_seats(self, seats: Mapping[str, int], total: int | None = None) -> WorldState:
        return self.evolve(
            seats=tuple(sorted(seats.items())),
            total_seats=total if total is not None else sum(seats.values()),
        )

    def present_seats(self) -> int:
        """Members who sit: all seats less those of the boycotting parties. Results may list
        only some parties (the others' seats are then counted as sitting)."""
        away = sum(n for party, n in self.seats if party in self.boycotting)
        return max(self.total_seats, sum(n for _, n in self.seats)) - away

    def diff(self, other: WorldState) -> dict[str, tuple[object, object]]:
        """Fields that differ, as ``{field: (self value, other value)}`` in JSON-ready form."""
        changed = {k for k, v in self.__dict__.items() if other.__dict__[k] != v}
        if not changed:
            return {}
        a = self.model_dump(mode="json", include=changed)
        b = other.model_dump(mode="json", include=changed)
        return {k: (a[k], b[k]) for k in self.__dict__ if k in changed}
