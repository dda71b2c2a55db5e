"""Hypothesis strategies and a generated state machine for property tests of dispute models.

Every strategy draws from the model's one event domain (its parties, seats, thresholds and
dates), so the same code tests Cambodia's model, Kenya's or a pack's.
"""

from __future__ import annotations

from negotiation.testing.machine import dispute_state_machine
from negotiation.testing.shrink import shrink_events
from negotiation.testing.strategies import (
    CI_PROFILE,
    domain_of,
    enabled_sequences,
    event_sequences,
    events,
    facts,
    scenarios,
    variants,
)

__all__ = [
    "CI_PROFILE",
    "dispute_state_machine",
    "domain_of",
    "enabled_sequences",
    "event_sequences",
    "events",
    "facts",
    "scenarios",
    "shrink_events",
    "variants",
]
