"""The ``transitions`` adapter: a machine built from a :class:`CompiledModel`
(``auto_transitions=False``): a plain ``Machine`` for a single-track model, a
``HierarchicalMachine`` with one parallel state per region otherwise, so diagrams and users'
callbacks (``on_enter_<state>``, ``after`` …) see the regions. The adapter does not decide
anything: each trigger asks the compiled model which transition fires (one semantics, kept in
:mod:`~negotiation.model.compiled`), and the machine moves along its own transitions to the
states the core reached. A hypothesis test keeps the two equal.

It is imported on first use (``DisputeModel.machine``): ``transitions`` is not loaded to replay,
explore or simulate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from transitions import Machine
from transitions.extensions import HierarchicalMachine
from transitions.extensions.nesting import NestedState

from negotiation.events import Event
from negotiation.model.compiled import CompiledModel, StepResult

__all__ = ["ROOT", "TransitionsAdapter"]

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
