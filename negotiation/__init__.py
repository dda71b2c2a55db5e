"""negotiation: political negotiations as state machines built from sourced news events."""

from __future__ import annotations

from negotiation.corpus import Article, load_articles
from negotiation.errors import InputError, Problem
from negotiation.events import Citation, Conflict, Event, EventKind, EventLog, Facts, Granularity
from negotiation.events.actors import Actor, Gazetteer
from negotiation.events.log import load_event_log
from negotiation.explore import Exploration, explore
from negotiation.extract import extract
from negotiation.model import DisputeModel, load_profile, load_spec
from negotiation.model.kernel import Kernel
from negotiation.replay import Trace, replay

__all__ = [
    "Actor",
    "Article",
    "Citation",
    "Conflict",
    "DisputeModel",
    "Event",
    "EventKind",
    "EventLog",
    "Exploration",
    "Facts",
    "Gazetteer",
    "Granularity",
    "InputError",
    "Kernel",
    "Problem",
    "Trace",
    "explore",
    "extract",
    "load_articles",
    "load_event_log",
    "load_profile",
    "load_spec",
    "replay",
]
