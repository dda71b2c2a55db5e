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

from pathlib import Path
from typing import TYPE_CHECKING

from negotiation.events import Event
from negotiation.model.compiled import NOT_ENABLED, CompiledModel, State, StepResult
from negotiation.model.compiler import compile_model
from negotiation.model.profile import Parameters, Profile, Provision
from negotiation.model.spec import ModelSpec
from negotiation.model.world import World

if TYPE_CHECKING:
    from transitions import Machine

    from negotiation.model.adapter import TransitionsAdapter

__all__ = ["NOT_ENABLED", "DisputeModel"]


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
            from negotiation.model.adapter import TransitionsAdapter

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
        world = self.state.world
        return self.compiled.provision(rule_or_invariant, world.in_force, world.date)
