"""negotiation: political negotiations as state machines built from sourced news events.

The names below are the user's vocabulary. Heavy dependencies load on first use inside the
stages, so ``import negotiation`` stays fast.
"""

from __future__ import annotations

from negotiation.corpus import Article, load_articles
from negotiation.errors import InputError, ModelError, NegotiationError, Problem
from negotiation.events import Citation, Conflict, Event, EventLog, Facts, Granularity
from negotiation.events.actors import Actor, Gazetteer
from negotiation.events.log import load_event_log
from negotiation.explore import Exploration, explore
from negotiation.extract import extract
from negotiation.model import CompiledModel, DisputeModel, compile_model, load_profile, load_spec
from negotiation.replay import Trace, replay

__all__ = [
    "Actor",
    "Article",
    "Citation",
    "CompiledModel",
    "Conflict",
    "DisputeModel",
    "Event",
    "EventLog",
    "Exploration",
    "Facts",
    "Gazetteer",
    "Granularity",
    "InputError",
    "ModelError",
    "NegotiationError",
    "Problem",
    "Trace",
    "compile_model",
    "explore",
    "extract",
    "load_articles",
    "load_event_log",
    "load_profile",
    "load_spec",
    "replay",
]
