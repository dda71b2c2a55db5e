"""A generated hypothesis ``RuleBasedStateMachine`` for a dispute model::

    from negotiation import compile_model
    from negotiation.testing import dispute_state_machine

    TestDispute = dispute_state_machine(compile_model()).TestCase

One rule per event kind the model handles (precondition: the kind is available in the current
state), plus ``advance``, which draws one of the available kinds that move a region or carry
rules (as ``enabled_sequences`` prefers them) so that deep states are reached; one invariant
per model invariant and temporal property, failing when the last accepted event broke it.
Rejections by rules are fine: that is the model working.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from negotiation.explore.domain import Domain
from negotiation.model.compiled import StepResult
from negotiation.testing.strategies import (
    Model,
    _compiled,
    domain_of,
    facts,
    gaps,
    make_event,
    tiers,
)

__all__ = ["dispute_state_machine"]


def dispute_state_machine(
    model: Model, *, domain: Domain | None = None, max_gap_days: int = 400
) -> type[RuleBasedStateMachine]:
    """A ``RuleBasedStateMachine`` class for ``model`` (see the module docstring)."""
    compiled = _compiled(model)
    d = domain_of(model, domain)
    kinds = sorted(compiled.handled)
    parties = list(d.parties)

    def init(self: Any) -> None:
        RuleBasedStateMachine.__init__(self)
        self.state = compiled.initial
        self.date = d.start
        self.count = 0
        self.last = None

    def make_rule(kind: str) -> Any:
        def step(self: Any, f: Any, gap: int, actor: str) -> None:
            self.date += dt.timedelta(days=gap)
            event = make_event(kind, self.count, self.date, f, actor)
            self.count += 1
            self.last = compiled.step(self.state, event)
            self.state = self.last.state

        step.__name__ = step.__qualname__ = kind
        decorate = rule(f=facts(kind, d), gap=gaps(max_gap_days), actor=st.sampled_from(parties))
        return precondition(lambda self: kind in compiled.available(self.state))(decorate(step))

    def make_invariant(inv_id: str) -> Any:
        def check(self: Any) -> None:
            last: StepResult | None = self.last
            if last is None or not last.accepted:
                return
            found = [m for i, m in (*last.violations, *last.broken) if i == inv_id]
            assert not found, f"{inv_id}: {found[0]}"

        check.__name__ = check.__qualname__ = f"holds_{inv_id}"
        return invariant()(check)

    def advancing(self: Any) -> list[str]:
        available = set(compiled.available(self.state))
        moving, institutional, _ = tiers(compiled, self.state.config)
        return [k for k in (*moving, *institutional) if k in available]

    def advance(self: Any, data: st.DataObject) -> None:
        """A kind that moves a region or carries rules: so that deep states are reached."""
        kind = data.draw(st.sampled_from(advancing(self)), label="kind")
        getattr(self, f"event_{kind}")(
            data.draw(facts(kind, d), label="facts"),
            data.draw(gaps(max_gap_days), label="gap"),
            data.draw(st.sampled_from(parties), label="actor"),
        )

    namespace: dict[str, Any] = {"__init__": init}
    for kind in kinds:
        namespace[f"event_{kind}"] = make_rule(kind)
    namespace["advance"] = precondition(lambda self: bool(advancing(self)))(
        rule(data=st.data())(advance)
    )
    for inv in compiled.invariants:
        namespace[f"invariant_{inv.id}"] = make_invariant(inv.id)
    for prop in compiled.monitor.properties:
        namespace[f"property_{prop.id}"] = make_invariant(prop.id)
    name = "".join(part.title() for part in compiled.spec.id.replace("-", "_").split("_") if part)
    return type(f"{name or 'Dispute'}StateMachine", (RuleBasedStateMachine,), namespace)
