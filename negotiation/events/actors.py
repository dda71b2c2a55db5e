"""Actors and the gazetteer that resolves the many ways outlets spell them.

>>> g = Gazetteer([Actor(id="cpp", name="Cambodian People's Party", type="party",
...                      aliases=["Cambodia People's Party", "CPP"])])
>>> g.resolve("Cambodia People’s Party"), g.resolve("the cpp"), g.resolve("Funcinpec")
('cpp', 'cpp', None)
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from negotiation._internal.calendar import parse_iso_date
from negotiation._internal.suggest import unknown
from negotiation.events.event import SLUG

__all__ = ["Actor", "ActorType", "Gazetteer", "Role", "normalize_name"]


class ActorType(StrEnum):
    party = "party"
    person = "person"
    institution = "institution"
    monarch = "monarch"
    foreign_official = "foreign_official"
    foreign_government = "foreign_government"
    ngo = "ngo"
    group = "group"  # protesters, security forces, the international community


class Role(BaseModel):
    """A position an actor held, with optional date bounds (inclusive)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    start: dt.date | None = None
    end: dt.date | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _parse(cls, v: object) -> object:
        return parse_iso_date(v)

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


#: a name or alias: one letter or digit at least (an empty or blank alias was taken, and named
#: the actor for every empty name)
def _named(value: str) -> str:
    if not re.search(r"\w", value):
        raise ValueError("a name needs a letter or a digit")
    return value


Name = Annotated[str, AfterValidator(_named)]


class Actor(BaseModel):
    """A person, party or institution, with every name outlets use for it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, Field(pattern=SLUG)]
    name: Name
    type: ActorType
    aliases: tuple[Name, ...] = ()
    party: str | None = Field(default=None, description="actor id of the person's party")
    roles: tuple[Role, ...] = ()
    wikidata: str | None = Field(default=None, pattern=r"^Q\d+$")

    def names(self) -> Iterator[str]:
        yield self.name
        yield from self.aliases


_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "–": "-"})
_DROP = re.compile(r"^(the|mr|mrs|ms|dr)\.?\s+", re.IGNORECASE)


def normalize_name(name: str) -> str:
    """Fold case, quotes, accents and spacing; drop leading articles and honorifics."""
    s = unicodedata.normalize("NFKC", name).translate(_QUOTES)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = re.sub(r"\s+", " ", s).strip().casefold()
    s = re.sub(r"'s\b", "", s)
    prev = None
    while prev != s:
        prev, s = s, _DROP.sub("", s)
    return s


class Gazetteer:
    """Resolves names and aliases to actor ids (case, quotes and honorifics folded)."""

    def __init__(self, actors: Iterable[Actor]):
        self.actors: dict[str, Actor] = {}
        self._index: dict[str, str] = {}
        for actor in actors:
            if actor.id in self.actors:
                raise ValueError(f"duplicate actor id {actor.id!r}")
            self.actors[actor.id] = actor
            for n in (actor.id, *actor.names()):
                self._index.setdefault(normalize_name(n), actor.id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def resolve(self, name: str) -> str | None:
        """The actor id a name refers to, or ``None``."""
        return self._index.get(normalize_name(name))

    def unknown(self, actor_id: str) -> str:
        """What to say of an id that is none of these actors: the actor it is a name of, or
        the nearest ids."""
        alias = self.resolve(actor_id)
        if alias is not None:
            return (
                f"unknown actor {actor_id!r}; did you mean {alias!r}? "
                f"({actor_id!r} is one of its names)"
            )
        return unknown("actor", actor_id, self.actors)

    def surface_forms(self) -> list[tuple[str, str]]:
        """(name, actor id) pairs, longest first: what a matcher should look for in text."""
        forms = {(n, a.id) for a in self.actors.values() for n in a.names()}
        return sorted(forms, key=lambda f: (-len(f[0]), f[0]))
