"""Replay: feed an event log through a dispute model and keep a trace of every step."""

from __future__ import annotations

from negotiation.replay.trace import Step, StepViolation, Trace, replay

__all__ = ["Step", "StepViolation", "Trace", "replay"]
