"""Typed, dated, sourced events; the actors who make them; the curated event log.

:mod:`~negotiation.events.event` holds the schema (:class:`Event`, :class:`Citation`,
:class:`Facts`, :class:`EventLog` …), :mod:`~negotiation.events.actors` the gazetteer,
:mod:`~negotiation.events.log` loading and dumping logs, :mod:`~negotiation.events.checks`
checking them against their sources, and
:mod:`~negotiation.events.crosswalk` the default codes of other event ontologies.
"""

from __future__ import annotations

from negotiation.events.actors import Actor, ActorType, Gazetteer, Role
from negotiation.events.checks import check_event_log, verify_citation
from negotiation.events.event import (
    Citation,
    Claim,
    Conflict,
    Crosswalk,
    Event,
    EventLog,
    Facts,
    Granularity,
    Plover,
    period_end,
)
from negotiation.events.log import dump_event_log, load_actors, load_event_log

__all__ = [
    "Actor",
    "ActorType",
    "Citation",
    "Claim",
    "Conflict",
    "Crosswalk",
    "Event",
    "EventLog",
    "Facts",
    "Gazetteer",
    "Granularity",
    "Plover",
    "Role",
    "check_event_log",
    "dump_event_log",
    "load_actors",
    "load_event_log",
    "period_end",
    "verify_citation",
]
