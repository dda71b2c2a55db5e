"""Hypothesis strategies and a generated state machine for property tests of dispute models."""

from __future__ import annotations

from negotiation.testing.strategies import (
    CI_PROFILE,
    dispute_state_machine,
    enabled_sequences,
    event_sequences,
    events,
    facts,
    scenarios,
    shrink_events,
    variants,
)

__all__ = [
    "CI_PROFILE",
    "dispute_state_machine",
    "enabled_sequences",
    "event_sequences",
    "events",
    "facts",
    "scenarios",
    "shrink_events",
    "variants",
]
