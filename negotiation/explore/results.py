"""What a bounded search found: distinct states, transitions, outcomes reached with shortest
witnesses, violations with shortest counterexamples, and what the search cost."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from negotiation.events import Event
from negotiation.model.compiled import CompiledModel
from negotiation.model.profile import Provision

__all__ = ["Exploration", "Found", "event_json", "path_text"]

FORMAT_VERSION = 2


def event_json(e: Event) -> dict[str, Any]:
    data: dict[str, Any] = {"id": e.id, "kind": e.kind, "date": e.date.isoformat()}
    if e.actors:
        data["actors"] = list(e.actors)
    if e.recipients:
        data["recipients"] = list(e.recipients)
    facts = e.facts.model_dump(mode="json", exclude_none=True)
    if facts:
        data["facts"] = facts
    if e.sources:
        data["sources"] = [c.model_dump(mode="json") for c in e.sources]
    return data


def path_text(events: Sequence[Event]) -> str:
    return " -> ".join(e.kind for e in events) or "(empty)"


@dataclass
class Found:
    """A violation (invariant or property) or a final state reached, with a shortest path."""

    type: Literal["invariant", "property", "outcome"]
    id: str  # invariant / property id, or the final phase (region=state when regions)
    message: str
    phase: str  # the phase (configuration) the path ends in
    events: tuple[Event, ...]
    provision: Provision | None = None
    provision_id: str | None = None

    @property
    def depth(self) -> int:
        return len(self.events)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": self.type,
            "id": self.id,
            "message": self.message,
            "depth": self.depth,
            "phase": self.phase,
            "events": [event_json(e) for e in self.events],
        }
        if self.provision is not None:
            data["citation"] = {"provision": self.provision_id, **self.provision.model_dump()}
        return data


@dataclass
class Exploration:
    """What a bounded search found. ``to_json()`` for machines, ``save()`` for scenario files."""

    model: str
    profile: str
    interpretation: str | None
    distinct_states: int = 0
    transitions: int = 0  # accepted steps examined (edges, including to known states)
    steps: int = 0  # events tried, accepted or not
    max_depth: int = 0  # deepest state found
    elapsed_s: float = 0.0  # wall time
    cpu_s: float = 0.0  # CPU time of this process (and its workers)
    peak_rss_mb: float = 0.0
    bytes_per_state: float = 0.0  # memory grown during the search, per distinct state
    complete: bool = False  # every reachable state (within the abstraction) was explored
    stopped: str = (
        "exhausted"  # exhausted | max_states | max_depth | max_seconds | max_memory | interrupted
    )
    fingerprints: bool = False  # visited set of 64-bit fingerprints instead of states
    workers: int = 1
    limits: dict[str, Any] = field(default_factory=dict)
    abstraction: dict[str, Any] = field(default_factory=dict)
    violations: list[Found] = field(default_factory=list)
    outcomes: list[Found] = field(default_factory=list)
    phases: dict[str, int] = field(default_factory=dict)  # phase (or region=state) -> depth
    rejections: dict[str, int] = field(default_factory=dict)  # rule -> events it rejected
    # how saved scenarios refer to the model and profile (None: built-in or dumped)
    model_ref: str | None = None
    profile_ref: str | None = None
    compiled: CompiledModel | None = field(default=None, repr=False)

    @property
    def states_per_s(self) -> float:
        """Distinct states per CPU-second."""
        return self.distinct_states / self.cpu_s if self.cpu_s > 0 else 0.0

    def __repr__(self) -> str:
        status = "complete" if self.complete else f"stopped: {self.stopped}"
        return (
            f"<Exploration {self.model}: {self.distinct_states:,} states, depth {self.max_depth}, "
            f"{len(self.outcomes)} outcome(s), {len(self.violations)} violation(s), {status}>"
        )

    def _repr_html_(self) -> str:
        from negotiation.render.notebook import exploration_html

        return exploration_html(self)

    def to_json(self) -> dict[str, Any]:
        return {
            "format_version": FORMAT_VERSION,
            "model": self.model,
            "profile": self.profile,
            "interpretation": self.interpretation,
            "distinct_states": self.distinct_states,
            "transitions": self.transitions,
            "steps": self.steps,
            "max_depth": self.max_depth,
            "elapsed_s": round(self.elapsed_s, 3),
            "cpu_s": round(self.cpu_s, 3),
            "states_per_s": round(self.states_per_s),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "bytes_per_state": round(self.bytes_per_state),
            "complete": self.complete,
            "stopped": self.stopped,
            "fingerprints": self.fingerprints,
            "workers": self.workers,
            "limits": self.limits,
            "violations": [v.to_json() for v in self.violations],
            "outcomes": [o.to_json() for o in self.outcomes],
            "phases": self.phases,
            "rejections": dict(sorted(self.rejections.items())),
            "abstraction": self.abstraction,
        }

    def summary(self) -> str:
        lines = [
            f"model {self.model}, profile {self.profile}"
            + (f", interpretation {self.interpretation}" if self.interpretation else ""),
            f"{self.distinct_states} distinct states, {self.transitions} transitions "
            f"({self.steps} events tried), depth {self.max_depth}, {self.cpu_s:.2f} CPU-s "
            f"({self.states_per_s:,.0f} states per CPU-second); "
            + ("complete" if self.complete else f"stopped: {self.stopped}"),
            "outcomes:",
        ]
        for o in self.outcomes:
            lines.append(f"  {o.id}: shortest witness {o.depth} events: {path_text(o.events)}")
        if not self.outcomes:
            lines.append("  (no final state reached)")
        unreached = [p for p in self.limits.get("phases", []) if p not in self.phases]
        if unreached:
            lines.append(f"phases not reached: {', '.join(unreached)}")
        if self.violations:
            lines.append("violations:")
            for v in self.violations:
                cite = f" [{v.provision.article}]" if v.provision else ""
                lines.append(f"  {v.type} {v.id}{cite}: {v.message}")
                lines.append(
                    f"    shortest counterexample, {v.depth} events: {path_text(v.events)}"
                )
        else:
            lines.append("violations: none")
        return "\n".join(lines) + "\n"

    def save(self, directory: Any) -> list[Any]:
        """Write every counterexample and witness as a scenario file (see
        :func:`negotiation.explore.saving.save`)."""
        from negotiation.explore.saving import save

        return save(self, directory)
