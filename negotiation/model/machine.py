"""The dispute model: a ``transitions.Machine`` built from a spec, with rules as conditions.

One machine per model (never ``add_model`` per step); :meth:`DisputeModel.reset` puts it back
at the initial phase. :meth:`DisputeModel.step` feeds one event and says what happened::

    >>> from negotiation.events import Event
    >>> m = DisputeModel()
    >>> m.step(Event(id="e", kind="election_held", date="2013-07-28")).accepted, m.phase
    (True, 'election_held')
    >>> out = m.step(Event(id="d", kind="assembly_dissolved", date="2014-02-01"))
    >>> out.accepted, out.rejected_by
    (False, 'not_enabled')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transitions import Machine

from negotiation.errors import InputError
from negotiation.events import Event
from negotiation.model import effects as fx
from negotiation.model.invariants import INVARIANTS
from negotiation.model.profile import Parameters, Profile, Provision, load_profile
from negotiation.model.rules import RULES
from negotiation.model.spec import CONDITIONS, ModelSpec, Transition, load_spec
from negotiation.model.world import WorldState

__all__ = ["NOT_ENABLED", "DisputeModel", "Outcome", "Violation"]

NOT_ENABLED = "not_enabled"


@dataclass(frozen=True)
class Violation:
    invariant: str
    message: str


@dataclass(frozen=True)
class Outcome:
    """What one event did: accepted, or rejected by a rule (or not enabled in the phase)."""

    accepted: bool
    phase_before: str
    phase_after: str
    world_before: WorldState
    world_after: WorldState
    rejected_by: str | None = None
    reason: str | None = None
    violations: tuple[Violation, ...] = ()
    #: rules evaluated for this event, in order, and whether each allowed it (for coverage)
    evaluated: tuple[tuple[str, bool], ...] = ()
    #: index in ``spec.transitions`` of the transition taken (``None`` when rejected)
    transition: int | None = None


@dataclass
class _Runner:
    """The object the ``transitions`` machine drives (its ``model``)."""

    world: WorldState = field(default_factory=WorldState)
    event: Event | None = None
    failures: list[tuple[str, str]] = field(default_factory=list)
    evaluated: list[tuple[str, bool]] = field(default_factory=list)
    taken: int | None = None
    state: str = ""
    # added by transitions.Machine:
    trigger: Callable[..., bool] = field(init=False, repr=False)


class DisputeModel:
    """A dispute model: spec + constitution profile (+ interpretation) on a ``transitions`` machine."""

    def __init__(
        self,
        spec: ModelSpec | Path | str | None = None,
        profile: Profile | Path | str | None = None,
        interpretation: str | None = None,
    ):
        self.spec = spec if isinstance(spec, ModelSpec) else load_spec(spec)
        if isinstance(profile, Profile):
            self.profile = profile
        else:
            self.profile = load_profile(profile if profile is not None else self.spec.profile)
        self.params: Parameters = self.profile.resolve(interpretation)
        self._check_provisions()
        self._runner = _Runner()
        self.machine = Machine(
            model=self._runner,
            states=self.spec.phase_ids(),
            initial=self.spec.initial,
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=False,
            model_override=False,
        )
        self.enabled: dict[str, tuple[str, ...]] = {}
        kinds_by_phase: dict[str, dict[str, None]] = {p: {} for p in self.spec.phase_ids()}
        for index, t in enumerate(self.spec.transitions):
            sources = self.spec.sources(t)
            for s in sources:
                kinds_by_phase[s][t.kind.value] = None
            self.machine.add_transition(
                trigger=t.kind.value,
                source=list(sources),
                dest=t.to,
                conditions=self._conditions(t),
                after=self._effects(t, index),
            )
        self.enabled = {p: tuple(k) for p, k in kinds_by_phase.items()}
        self.handled: frozenset[str] = frozenset(self.spec.handled_kinds())
        # per (phase, kind): the state conditions of each candidate transition
        self._when: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        for t in self.spec.transitions:
            for s in self.spec.sources(t):
                self._when.setdefault((s, t.kind.value), []).append(t.when)
        self.invariants = tuple(INVARIANTS[i] for i in self.spec.invariant_ids())

    # -- construction ----------------------------------------------------------------------
    def _check_provisions(self) -> None:
        needed = {RULES[g].provision for t in self.spec.transitions for g in t.guards}
        needed |= {INVARIANTS[i].provision for i in self.spec.invariant_ids()}
        needed |= {prop.provision for prop in self.spec.properties}
        missing = sorted(needed - set(self.profile.provisions))
        if missing:
            raise InputError(
                f"profile {self.profile.id!r} does not provide the provisions the model's rules, "
                f"invariants and properties cite: {', '.join(missing)}"
            )

    def _conditions(self, t: Transition) -> list[Any]:
        runner, params = self._runner, self.params
        conds: list[Any] = []
        for name in t.when:
            pred = CONDITIONS[name]

            def when(_: Any, pred: Callable[[WorldState], bool] = pred, name: str = name) -> bool:
                if pred(runner.world):
                    return True
                runner.failures.append((NOT_ENABLED, f"requires the state condition {name!r}"))
                return False

            conds.append(when)
        for rule_id in t.guards:
            if rule_id in params.disabled_rules:
                continue
            check = RULES[rule_id].check

            def guard(_: Any, check: Any = check, rule_id: str = rule_id) -> bool:
                assert runner.event is not None
                reason = check(runner.world, runner.event, params)
                runner.evaluated.append((rule_id, reason is None))
                if reason is None:
                    return True
                runner.failures.append((rule_id, reason))
                return False

            conds.append(guard)
        return conds

    def _effects(self, t: Transition, index: int | None = None) -> list[Any]:
        runner, params, effects = self._runner, self.params, t.effects

        def after(_: Any) -> None:
            assert runner.event is not None
            runner.taken = index
            runner.world = fx.apply(runner.world, runner.event, params, effects)

        return [after]

    # -- running ---------------------------------------------------------------------------
    @property
    def phase(self) -> str:
        return self._runner.state

    @property
    def world(self) -> WorldState:
        return self._runner.world

    def reset(self, world: WorldState | None = None, phase: str | None = None) -> None:
        """Back to the initial phase and an empty world (or the ones given)."""
        self.machine.set_state(phase or self.spec.initial, model=self._runner)
        self._runner.world = world or WorldState()
        self._runner.event = None

    def available(self, phase: str | None = None, world: WorldState | None = None) -> list[str]:
        """Kinds enabled in ``phase`` whose state conditions hold in ``world`` (default: now).

        Guards are not evaluated: an available event may still be rejected by a rule.
        """
        phase = self.phase if phase is None else phase
        world = self.world if world is None else world
        return [
            k
            for k in self.enabled[phase]
            if any(all(CONDITIONS[c](world) for c in w) for w in self._when[(phase, k)])
        ]

    def handles(self, kind: str) -> bool:
        return kind in self.handled

    def step(self, event: Event) -> Outcome:
        """Feed one event; the machine moves only if it is enabled and every guard allows it."""
        runner = self._runner
        before, phase = runner.world, runner.state
        kind = event.kind.value
        if kind not in self.enabled[phase]:
            reason = (
                f"no transition for {kind!r} in phase {phase!r}"
                if self.handles(kind)
                else f"the model has no transition for {kind!r}"
            )
            return Outcome(False, phase, phase, before, before, NOT_ENABLED, reason)
        runner.event, runner.failures = event, []
        runner.evaluated, runner.taken = [], None
        accepted = runner.trigger(kind)
        evaluated = tuple(runner.evaluated)
        if not accepted:
            # a rule that stopped a candidate whose state conditions held says more than the
            # state condition of another candidate
            rules = [f for f in runner.failures if f[0] != NOT_ENABLED] or runner.failures
            rule, reason = rules[0] if rules else (NOT_ENABLED, "no transition")
            return Outcome(False, phase, phase, before, before, rule, reason, evaluated=evaluated)
        after = runner.world
        violations = tuple(
            Violation(inv.id, msg)
            for inv in self.invariants
            if (msg := inv.check(before, event, after, self.params)) is not None
        )
        return Outcome(
            True,
            phase,
            runner.state,
            before,
            after,
            violations=violations,
            evaluated=evaluated,
            transition=runner.taken,
        )

    # -- citations -------------------------------------------------------------------------
    def provision(self, rule_or_invariant: str) -> Provision | None:
        """The quoted provision a rule or invariant encodes, from this model's profile."""
        item = RULES.get(rule_or_invariant) or INVARIANTS.get(rule_or_invariant)
        if item is None:
            return None
        return self.profile.provisions.get(item.provision)
