"""negotiation: political negotiations as state machines built from sourced news events."""

from __future__ import annotations

from negotiation.actors import Actor, Gazetteer
from negotiation.errors import InputError, Problem
from negotiation.events import Citation, Conflict, Event, EventKind, EventLog, Facts, Granularity

__all__ = [
    "Actor",
    "Citation",
    "Conflict",
    "Event",
    "EventKind",
    "EventLog",
    "Facts",
    "Gazetteer",
    "Granularity",
    "InputError",
    "Problem",
]
