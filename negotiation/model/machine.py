"""The dispute model as users handle it, and its ``transitions`` adapter.

:class:`DisputeModel` is the friendly facade: a compiled model plus a current state, stepped
one event at a time::

    >>> from negotiation.events import Event
    >>> m = DisputeModel()
    >>> m.step(Event(id="e", kind="election_held", date="2013-07-28")).accepted, m.phase
    (True, 'election_held')
    >>> out = m.step(Event(id="d", kind="assembly_dissolved", date="2014-02-01"))
    >>> out.accepted, out.rejected_by
    (False, 'not_enabled')

:attr:`DisputeModel.machine` builds, on first use, a ``transitions`` machine from the compiled
model (``auto_transitions=False``): a plain ``Machine`` for a single-track model, a
``HierarchicalMachine`` with one parallel state per region otherwise, so diagrams and users'
callbacks (``on_enter_<state>``, ``after`` …) see the regions. The adapter does not decide
anything: each trigger asks the compiled model which transition fires (one semantics, kept in
:mod:`~negotiation.model.compiled`), and the machine moves along its own transitions to the
states the core reached. A hypothesis test keeps the two equal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transitions import Machine
from transitions.extensions import HierarchicalMachine
from transitions.extensions.nesting import NestedState

from negotiation.events import Event
from negotiation.model.compiled import NOT_ENABLED, CompiledModel, State, StepResult
from negotiation.model.compiler import compile_model
from negotiation.model.profile import Parameters, Profile, Provision
from negotiation.model.spec import ModelSpec
from negotiation.model.world import World

__all__ = ["NOT_ENABLED", "DisputeModel", "TransitionsAdapter"]

ROOT = "dispute"


class _State(NestedState):
    separator = "/"  # state ids contain underscores, the default separator


class _Hierarchical(HierarchicalMachine):
    state_cls = _State


@dataclass
class _Runner:
    """The object the ``transitions`` machine drives (its ``model``)."""

    result: StepResult | None = None
    state: Any = ""
    # added by transitions: trigger(), and the state attribute above
    trigger: Callable[..., bool] = field(init=False, repr=False)


class TransitionsAdapter:
    """A ``transitions`` machine that follows a :class:`CompiledModel`."""

    def __init__(self, compiled: CompiledModel) -> None:
        self.compiled = compiled
        self.runner = _Runner()
        spec = compiled.spec
        if compiled.single_track:
            self.machine: Machine = Machine(
                model=self.runner,
                states=spec.regions[0].state_ids(),
                initial=compiled.initial.config[0],
                auto_transitions=False,
                send_event=True,
                ignore_invalid_triggers=True,
                model_override=False,
            )
        else:
            parallel = [
                {"name": r, "children": spec.region(r).state_ids(), "initial": s}
                for r, s in zip(compiled.regions, compiled.initial.config, strict=True)
            ]
            self.machine = _Hierarchical(
                model=self.runner,
                states=[{"name": ROOT, "parallel": parallel}],
                initial=ROOT,
                auto_transitions=False,
                send_event=True,
                ignore_invalid_triggers=True,
                model_override=False,
            )
        for cand in compiled.candidates:
            self._add(cand.index)

    def _name(self, region: int, state: str) -> str:
        if self.compiled.single_track:
            return state
        return f"{ROOT}/{self.compiled.regions[region]}/{state}"

    def _add(self, index: int) -> None:
        compiled, cand = self.compiled, self.compiled.candidates[index]
        spec_t = compiled.spec.transitions[index]

        def chosen(_: Any, index: int = index) -> bool:
            r = self.runner.result
            return r is not None and r.accepted and r.transition == index

        moves: dict[int, str] = dict(cand.targets)
        for _, instances, _, target in cand.party_regions:
            if target is not None:
                for r in instances.values():
                    moves[r] = target
        if not moves:  # stays in every region: an internal transition
            source: Any = "*" if compiled.single_track else ROOT
            self.machine.add_transition(spec_t.kind, source, None, conditions=[chosen])
            return
        for r, target in moves.items():
            region_id = compiled.regions[r]
            states = compiled.spec.region(region_id).state_ids()
            allowed = dict(cand.sources).get(r)
            for _, instances, party_allowed, _ in cand.party_regions:
                if r in instances.values():
                    allowed = party_allowed
            sources: list[Any] = [
                self._name(r, s) for s in states if allowed is None or s in allowed
            ]
            self.machine.add_transition(
                spec_t.kind, sources, self._name(r, target), conditions=[chosen]
            )

    def config(self) -> tuple[str, ...]:
        """The machine's own current configuration, one state per region."""
        if self.compiled.single_track:
            return (str(self.runner.state),)
        names = self.runner.state if isinstance(self.runner.state, list) else [self.runner.state]
        by_region = {n.split("/")[1]: n.split("/")[2] for n in names}
        return tuple(by_region[r] for r in self.compiled.regions)

    def set(self, config: tuple[str, ...]) -> None:
        if self.compiled.single_track:
            self.machine.set_state(config[0], model=self.runner)
        else:
            names: Any = [self._name(i, s) for i, s in enumerate(config)]  # parallel: a list
            self.machine.set_state(names, model=self.runner)

    def fire(self, result: StepResult, event: Event) -> None:
        """Let the machine take the transition the core chose (callbacks run)."""
        self.runner.result = result
        try:
            if result.accepted:
                self.runner.trigger(event.kind, event=event)
        finally:
            self.runner.result = None


class DisputeModel:
    """A dispute model: spec + constitution profile (+ interpretation), compiled, with a
    current state."""

    def __init__(
        self,
        spec: ModelSpec | Path | str | None = None,
        profile: Profile | Path | str | None = None,
        interpretation: str | None = None,
        *,
        compiled: CompiledModel | None = None,
    ) -> None:
        self.compiled = compiled or compile_model(spec, profile, interpretation)
        self.spec: ModelSpec = self.compiled.spec
        self.profile: Profile = self.compiled.profile
        self.params: Parameters = self.compiled.params
        self.state: State = self.compiled.initial
        self._adapter: TransitionsAdapter | None = None

    def __repr__(self) -> str:
        interp = f", {self.params.interpretation}" if self.params.interpretation else ""
        return f"<DisputeModel {self.spec.id} ({self.profile.id}{interp}) at {self.phase}>"

    @property
    def machine(self) -> Machine:
        """The ``transitions`` machine (built on first use; follows every step from then on)."""
        if self._adapter is None:
            self._adapter = TransitionsAdapter(self.compiled)
            self._adapter.set(self.state.config)
        return self._adapter.machine

    @property
    def adapter(self) -> TransitionsAdapter:
        self.machine  # noqa: B018  (builds it)
        assert self._adapter is not None
        return self._adapter

    # -- the current state -----------------------------------------------------------------
    @property
    def phase(self) -> str:
        return self.compiled.label(self.state.config)

    @property
    def regions(self) -> dict[str, str]:
        return self.compiled.region_states(self.state.config)

    @property
    def world(self) -> World:
        return self.state.world

    def reset(self, world: World | None = None, phase: str | None = None) -> None:
        """Back to the initial state (or the world / single-track phase given)."""
        state = self.compiled.initial
        if world is not None:
            state = state._replace(world=world)
        if phase is not None:
            state = state._replace(config=(phase,))
        self.state = state
        if self._adapter is not None:
            self._adapter.set(state.config)

    def step(self, event: Event) -> StepResult:
        """Feed one event; the state moves only if a transition fires."""
        result = self.compiled.step(self.state, event, record=True)
        self.state = result.state
        if self._adapter is not None:
            self._adapter.fire(result, event)
        return result

    # -- questions ---------------------------------------------------------------------------
    def available(self) -> list[str]:
        """Kinds enabled now whose state conditions hold (guards not evaluated)."""
        return self.compiled.available(self.state)

    def handles(self, kind: str) -> bool:
        return self.compiled.handles(kind)

    @property
    def handled(self) -> frozenset[str]:
        return self.compiled.handled

    def provision(self, rule_or_invariant: str) -> Provision | None:
        """The quoted provision a rule, invariant or property cites (the text in force now)."""
        return self.compiled.provision(rule_or_invariant, self.state.world.in_force)
