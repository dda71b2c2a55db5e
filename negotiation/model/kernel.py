"""The compiled kernel: the model's spec as plain tables and pure functions.

The ``transitions`` machine (:class:`~negotiation.model.machine.DisputeModel`) is what users
inspect: callbacks, diagrams, one mutable current state. Exploration and Monte Carlo need
something else: a pure function ``(phase, world, event) -> (accepted, phase', world', rule,
reason)`` over hashable world states, so that states can be kept in sets and stepped from any
point. :class:`Kernel` compiles the same spec and parameters into a table
``(phase, kind) -> candidate transitions`` and calls the very same condition, rule and effect
functions (``CONDITIONS``, ``RULES``, ``EFFECTS``): one implementation of the semantics, two
engines. A hypothesis differential test (``tests/test_kernel.py``) keeps them equal::

    >>> from negotiation.events import Event
    >>> from negotiation.model import DisputeModel, WorldState
    >>> k = Kernel(DisputeModel())
    >>> r = k.step("campaign", WorldState(), Event(id="e", kind="election_held", date="2013-07-28"))
    >>> r.accepted, r.phase, r.world.assembly.value
    (True, 'election_held', 'elected')
    >>> k.step(r.phase, r.world, Event(id="d", kind="assembly_dissolved", date="2014-02-01"))[3]
    'not_enabled'

Semantics (those of the machine, candidate by candidate): an event whose kind has no transition
from the phase is ``not_enabled``; otherwise the phase's candidates for the kind are tried in
spec order, each checking its state conditions (``when``) then its guards (rules switched off by
the profile's ``disabled_rules`` are skipped); the first candidate whose checks all pass fires
(effects in order, then the event's date is stamped on the world). If none fires, the first
failure met names the rejection, a rule failure before a state condition (as in the machine).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from negotiation.events import Event
from negotiation.model.effects import EFFECTS, Effect
from negotiation.model.invariants import INVARIANTS, Invariant
from negotiation.model.machine import NOT_ENABLED, DisputeModel, Violation
from negotiation.model.profile import Parameters
from negotiation.model.rules import RULES, Check
from negotiation.model.spec import CONDITIONS, ModelSpec
from negotiation.model.world import WorldState

__all__ = ["Candidate", "Kernel", "StepResult"]


class StepResult(NamedTuple):
    """What one event did, as the machine's :class:`~negotiation.model.machine.Outcome` says it."""

    accepted: bool
    phase: str
    world: WorldState
    rejected_by: str | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One transition of the spec, compiled for one source phase."""

    index: int  # position in the spec's transitions
    when: tuple[tuple[str, Callable[[WorldState], bool]], ...]
    guards: tuple[tuple[str, Check], ...]  # enabled rules only
    effects: tuple[tuple[Effect, str | None], ...]
    dest: str | None  # None: stay in the phase


class Kernel:
    """A model compiled to tables: ``(phase, kind) -> candidates``. Stateless and reentrant."""

    def __init__(
        self,
        model: DisputeModel | None = None,
        *,
        spec: ModelSpec | None = None,
        params: Parameters | None = None,
        invariants: Iterable[Invariant] | None = None,
    ):
        if model is not None:
            spec, params = model.spec, model.params
            invariants = model.invariants if invariants is None else invariants
        if spec is None or params is None:
            raise TypeError("give a DisputeModel, or both spec and params")
        self.spec = spec
        self.params: Parameters = params
        self.initial = spec.initial
        self.phases: tuple[str, ...] = tuple(spec.phase_ids())
        self.handled: frozenset[str] = frozenset(spec.handled_kinds())
        disabled = params.disabled_rules
        table: dict[tuple[str, str], list[Candidate]] = {}
        for i, t in enumerate(spec.transitions):
            cand_when = tuple((c, CONDITIONS[c]) for c in t.when)
            cand_guards = tuple((g, RULES[g].check) for g in t.guards if g not in disabled)
            cand_effects = tuple((EFFECTS[name], arg) for name, arg in t.effects)
            for source in spec.sources(t):
                table.setdefault((source, t.kind.value), []).append(
                    Candidate(i, cand_when, cand_guards, cand_effects, t.to)
                )
        #: (phase, kind) -> candidate transitions, in spec order
        self.table: dict[tuple[str, str], tuple[Candidate, ...]] = {
            k: tuple(v) for k, v in table.items()
        }
        #: phase -> kinds with at least one transition from it (as ``DisputeModel.enabled``)
        self.enabled: dict[str, tuple[str, ...]] = {p: () for p in self.phases}
        for phase, kind in self.table:
            self.enabled[phase] += (kind,)
        self.invariants: tuple[Invariant, ...] = tuple(
            invariants if invariants is not None else (INVARIANTS[i] for i in spec.invariant_ids())
        )
        self._inv_checks = tuple((inv.id, inv.check) for inv in self.invariants)

    # -- stepping -----------------------------------------------------------------------------
    def step(self, phase: str, world: WorldState, event: Event) -> StepResult:
        """Feed ``event`` to the dispute in ``phase`` with ``world``; nothing is mutated."""
        candidates = self.table.get((phase, event.kind))  # a StrEnum: hashes as its value
        if candidates is None:
            kind = event.kind.value
            reason = (
                f"no transition for {kind!r} in phase {phase!r}"
                if kind in self.handled
                else f"the model has no transition for {kind!r}"
            )
            return StepResult(False, phase, world, NOT_ENABLED, reason)
        params = self.params
        # as in DisputeModel.step: a rule that stopped a candidate whose state conditions held
        # says more than the state condition of another candidate
        first_rule: tuple[str, str] | None = None
        first_state: tuple[str, str] | None = None
        for cand in candidates:
            failed = False
            for name, pred in cand.when:
                if not pred(world):
                    if first_state is None:
                        first_state = (NOT_ENABLED, f"requires the state condition {name!r}")
                    failed = True
                    break
            if failed:
                continue
            for rule_id, check in cand.guards:
                why = check(world, event, params)
                if why is not None:
                    if first_rule is None:
                        first_rule = (rule_id, why)
                    failed = True
                    break
            if failed:
                continue
            after = world
            for effect, arg in cand.effects:
                after = effect(after, event, params, arg)
            return StepResult(True, cand.dest or phase, after.evolve(date=event.date), None, None)
        rule, reason = first_rule or first_state or (NOT_ENABLED, "no transition")
        return StepResult(False, phase, world, rule, reason)

    def violations(
        self, before: WorldState, event: Event, after: WorldState
    ) -> tuple[Violation, ...]:
        """The model's invariants that an accepted step from ``before`` to ``after`` breaks."""
        params = self.params
        out: tuple[Violation, ...] = ()
        for inv_id, check in self._inv_checks:
            msg = check(before, event, after, params)
            if msg is not None:
                out += (Violation(inv_id, msg),)
        return out

    def run(
        self, events: Iterable[Event], phase: str | None = None, world: WorldState | None = None
    ) -> list[StepResult]:
        """Step through ``events`` from ``phase``/``world`` (default: initial, empty)."""
        phase = self.initial if phase is None else phase
        world = WorldState() if world is None else world
        out = []
        for e in events:
            r = self.step(phase, world, e)
            out.append(r)
            phase, world = r.phase, r.world
        return out

    def available(self, phase: str, world: WorldState) -> list[str]:
        """Kinds enabled in ``phase`` whose state conditions hold (guards not evaluated)."""
        return [
            kind
            for kind in self.enabled[phase]
            if any(all(p(world) for _, p in c.when) for c in self.table[(phase, kind)])
        ]
