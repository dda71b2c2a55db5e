"""Replay: feed an event log through a dispute model and keep a trace of every step.

>>> from negotiation import load_event_log
>>> trace = replay(DisputeModel(), load_event_log())
>>> trace.conformance, trace.first_deviation
(1.0, None)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict

from negotiation.errors import InputError
from negotiation.events import Citation, Event, EventLog
from negotiation.model.machine import DisputeModel
from negotiation.model.profile import Provision
from negotiation.model.properties import Monitor
from negotiation.model.world import WorldState

__all__ = ["Step", "StepViolation", "Trace", "replay"]


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class StepViolation(_Out):
    invariant: str
    message: str
    citation: Provision | None = None


class Step(_Out):
    """One event fed to the model and what it did."""

    index: int
    event: str
    kind: str
    date: str
    phase_before: str
    phase_after: str
    accepted: bool
    rejected_by: str | None = None
    reason: str | None = None
    citation: Provision | None = None  # of the rule that rejected the event
    changes: dict[str, tuple[Any, Any]] = {}
    violations: tuple[StepViolation, ...] = ()
    sources: tuple[Citation, ...] = ()
    #: the state of every region after the step (a single-track model has one region, "phase")
    regions: dict[str, str] = {}


class Trace(_Out):
    """A replay: the steps, the final phase and world, and conformance figures."""

    model: str
    profile: str
    interpretation: str | None
    steps: tuple[Step, ...]
    final_phase: str
    final_world: WorldState
    #: region ids in declaration order, and the state of each before the first step
    region_ids: tuple[str, ...] = ("phase",)
    initial_regions: dict[str, str] = {}

    @property
    def accepted(self) -> int:
        return sum(s.accepted for s in self.steps)

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def conformance(self) -> float:
        """Share of events the model accepted (1.0 for an empty log)."""
        return self.accepted / self.total if self.steps else 1.0

    @property
    def first_deviation(self) -> int | None:
        """Index of the first rejected event, if any."""
        return next((s.index for s in self.steps if not s.accepted), None)

    @property
    def violations(self) -> list[StepViolation]:
        return [v for s in self.steps for v in s.violations]

    def phases(self) -> list[str]:
        """Phases in the order they were entered (the initial one first)."""
        out = [self.steps[0].phase_before] if self.steps else [self.final_phase]
        for s in self.steps:
            if s.phase_after != out[-1]:
                out.append(s.phase_after)
        return out

    def step_for(self, event_id: str) -> Step | None:
        return next((s for s in self.steps if s.event == event_id), None)

    def summary(self) -> dict[str, Any]:
        return {
            "accepted": self.accepted,
            "total": self.total,
            "conformance": round(self.conformance, 4),
            "first_deviation": self.first_deviation,
            "final_phase": self.final_phase,
            "violations": len(self.violations),
        }

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude_none=True)
        data.update(self.summary())
        return data


def replay(
    model: DisputeModel,
    events: EventLog | Iterable[Event],
    *,
    world: WorldState | None = None,
    phase: str | None = None,
) -> Trace:
    """Reset ``model`` and feed it ``events`` in order; a rejected event leaves the state as it was.

    An event whose kind the model has no transition for at all is an input error: the model
    does not describe such events, so their rejection would say nothing about the rules.
    """
    evs = list(events.events if isinstance(events, EventLog) else events)
    unhandled = sorted({e.kind.value for e in evs if not model.handles(e.kind.value)})
    if unhandled:
        raise InputError(
            f"model {model.spec.id!r} has no transition for event kind(s): {', '.join(unhandled)}"
        )
    model.reset(world, phase)
    initial = model.phase
    steps = []
    monitor = Monitor(model.spec.properties)  # temporal properties, over accepted events
    held = monitor.initial
    broken: tuple[tuple[str, str], ...] = ()
    for i, event in enumerate(evs):
        out = model.step(event)
        if out.accepted and monitor:
            held, broken = monitor.step(held, out.world_before, event)
        steps.append(
            Step(
                index=i,
                event=event.id,
                kind=event.kind.value,
                date=event.date.isoformat(),
                phase_before=out.phase_before,
                phase_after=out.phase_after,
                accepted=out.accepted,
                rejected_by=out.rejected_by,
                reason=out.reason,
                citation=model.provision(out.rejected_by) if out.rejected_by else None,
                changes=out.world_before.diff(out.world_after) if out.accepted else {},
                violations=tuple(
                    StepViolation(
                        invariant=v.invariant,
                        message=v.message,
                        citation=model.provision(v.invariant),
                    )
                    for v in out.violations
                )
                + tuple(
                    StepViolation(
                        invariant=pid,
                        message=msg,
                        citation=model.profile.provisions.get(monitor.provisions[pid]),
                    )
                    for pid, msg in (broken if out.accepted else ())
                ),
                sources=event.sources,
                regions={"phase": out.phase_after},
            )
        )
    return Trace(
        model=model.spec.id,
        profile=model.profile.id,
        interpretation=model.params.interpretation,
        steps=tuple(steps),
        final_phase=model.phase,
        final_world=model.world,
        initial_regions={"phase": initial},
    )
