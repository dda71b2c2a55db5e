"""The declarative model spec: phases, the event kinds they handle, guards and effects.

A spec is a YAML file validated by :class:`ModelSpec`; the Cambodian reference model is the
built-in default. Loading checks the structure and reports every problem at its line::

    >>> spec = load_spec()
    >>> spec.initial, len(spec.phases) >= 13
    ('campaign', True)
    >>> sorted(spec.handled_kinds())[:3]
    ['accusation', 'agreement', 'amendment_passed']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from negotiation._internal import yamldoc
from negotiation._internal.paths import data_dir
from negotiation._internal.suggest import unknown
from negotiation.errors import InputError, Problem
from negotiation.events import EventKind
from negotiation.model.effects import ARGUMENTS, EFFECTS
from negotiation.model.invariants import INVARIANTS
from negotiation.model.profile import BUILTIN_PROFILES
from negotiation.model.properties import Property
from negotiation.model.rules import RULES
from negotiation.model.world import AssemblyStatus, WorldState

__all__ = ["BUILTIN_MODELS", "CONDITIONS", "ModelSpec", "Phase", "Transition", "load_spec"]

SLUG = r"^[a-z][a-z0-9_]*$"

#: state conditions a transition may require (``when:``): not rules, so they cite nothing
CONDITIONS: dict[str, Callable[[WorldState], bool]] = {
    "boycotting": lambda w: bool(w.boycotting),
    "no_boycott": lambda w: not w.boycotting,
    "government_sitting": lambda w: w.government is not None,
    "government_vacant": lambda w: w.government is None,
    "assembly_sitting": lambda w: w.assembly is AssemblyStatus.convened,
    "assembly_not_sitting": lambda w: w.assembly is not AssemblyStatus.convened,
}


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Phase(_Strict):
    id: Annotated[str, Field(pattern=SLUG)]
    description: str = ""
    final: bool = Field(default=False, description="an outcome: exploration reports reaching it")


class Transition(_Strict):
    """Events of ``kind`` move the dispute from a ``from`` phase to ``to`` (or keep it: null)."""

    kind: EventKind
    source: tuple[str, ...] | Literal["*"] = Field(
        alias="from", description="phases it applies in; '*' for every phase"
    )
    to: str | None = Field(default=None, description="target phase; null keeps the phase")
    when: tuple[str, ...] = Field(default=(), description="state conditions (not rules)")
    guards: tuple[str, ...] = Field(default=(), description="rule ids that must allow it")
    effects: tuple[tuple[str, str | None], ...] = Field(
        default=(), description="effect names, or {name: argument}"
    )

    @field_validator("source", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        return (v,) if isinstance(v, str) and v != "*" else v

    @field_validator("effects", mode="before")
    @classmethod
    def _effects(cls, v: Any) -> Any:
        if not isinstance(v, list | tuple):
            return v
        out: list[Any] = []
        for item in v:
            if isinstance(item, str):
                out.append((item, None))
            elif isinstance(item, dict) and len(item) == 1:
                ((name, arg),) = item.items()
                out.append((name, None if arg is None else str(arg)))
            else:
                out.append(item)
        return out


class ModelSpec(_Strict):
    """A dispute model: what users write to model another dispute."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")]
    description: str = ""
    profile: str = Field(default="cambodia", description="built-in profile name or a file path")
    initial: str
    phases: tuple[Phase, ...] = Field(min_length=1)
    transitions: tuple[Transition, ...] = Field(min_length=1)
    invariants: tuple[str, ...] | None = Field(
        default=None, description="invariant ids to check; default: all"
    )
    properties: tuple[Property, ...] = Field(
        default=(), description="temporal properties (precedence, response, absence), cited"
    )

    def phase_ids(self) -> list[str]:
        return [p.id for p in self.phases]

    def final_phases(self) -> list[str]:
        return [p.id for p in self.phases if p.final]

    def handled_kinds(self) -> set[str]:
        return {t.kind.value for t in self.transitions}

    def sources(self, t: Transition) -> tuple[str, ...]:
        return tuple(self.phase_ids()) if t.source == "*" else t.source

    def invariant_ids(self) -> tuple[str, ...]:
        return tuple(INVARIANTS) if self.invariants is None else self.invariants

    def structural_problems(self, doc: yamldoc.Document | None = None) -> list[Problem]:
        """Unknown phases, rules, effects; unreachable phases; dead ends. Located if ``doc``."""
        file = doc.file if doc else "<model>"

        def at(path: tuple[str | int, ...], msg: str) -> Problem:
            return doc.problem(path, msg) if doc else Problem(file=file, message=msg)

        problems: list[Problem] = []
        phases = self.phase_ids()
        known = set(phases)
        for i, pid in enumerate(phases):
            if pid in phases[:i]:
                problems.append(at(("phases", i, "id"), f"duplicate phase {pid!r}"))
        if self.initial not in known:
            problems.append(at(("initial",), unknown("phase", self.initial, phases)))
        for i, t in enumerate(self.transitions):
            base: tuple[str | int, ...] = ("transitions", i)
            for j, s in enumerate(() if t.source == "*" else t.source):
                if s not in known:
                    problems.append(at((*base, "from", j), unknown("phase", s, phases)))
            if t.to is not None and t.to not in known:
                problems.append(at((*base, "to"), unknown("phase", t.to, phases)))
            for j, g in enumerate(t.guards):
                if g not in RULES:
                    problems.append(at((*base, "guards", j), unknown("rule", g, sorted(RULES))))
            for j, c in enumerate(t.when):
                if c not in CONDITIONS:
                    problems.append(
                        at((*base, "when", j), unknown("condition", c, sorted(CONDITIONS)))
                    )
            for j, (name, arg) in enumerate(t.effects):
                if name not in EFFECTS:
                    problems.append(
                        at((*base, "effects", j), unknown("effect", name, sorted(EFFECTS)))
                    )
                elif name in ARGUMENTS and arg not in ARGUMENTS[name]:
                    problems.append(
                        at(
                            (*base, "effects", j),
                            f"effect {name!r} takes one of {', '.join(ARGUMENTS[name])}, got {arg!r}",
                        )
                    )
        for j, inv in enumerate(self.invariants or ()):
            if inv not in INVARIANTS:
                problems.append(
                    at(
                        ("invariants", j),
                        f"undefined invariant {inv!r}; invariants: {', '.join(sorted(INVARIANTS))}",
                    )
                )
        if problems:
            return problems
        # reachability and dead ends, ignoring guards
        edges: dict[str, set[str]] = {p: set() for p in phases}
        for t in self.transitions:
            for s in self.sources(t):
                if t.to is not None and t.to != s:
                    edges[s].add(t.to)
        seen, queue = {self.initial}, deque([self.initial])
        while queue:
            for nxt in edges[queue.popleft()]:
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        for i, phase in enumerate(self.phases):
            if phase.id not in seen:
                problems.append(
                    at(("phases", i), f"phase {phase.id!r} is unreachable from {self.initial!r}")
                )
            elif not phase.final and not edges[phase.id]:
                problems.append(
                    at(("phases", i), f"phase {phase.id!r} is not final and has no way out")
                )
        return problems


BUILTIN_MODELS = {"cambodia": "cambodia.yaml"}


def load_spec(path: Path | str | None = None) -> ModelSpec:
    """Load and check a model spec; ``None`` or a built-in name gives the reference model."""
    if path is None or str(path) in BUILTIN_MODELS:
        path = data_dir() / "models" / BUILTIN_MODELS["cambodia" if path is None else str(path)]
    doc = yamldoc.load(path)
    spec = yamldoc.parse(doc, ModelSpec)
    problems = spec.structural_problems(doc)
    if problems:
        raise InputError(problems)
    if spec.profile not in BUILTIN_PROFILES and not Path(spec.profile).is_absolute():
        spec = spec.model_copy(update={"profile": str(Path(path).parent / spec.profile)})
    return spec
