"""The dispute model: spec (regions, transitions, world fields), constitution profile, the
built-in library of rules, conditions, effects and invariants (plus those written in CEL), and
one compiled engine with a ``transitions`` adapter.

>>> m = compile_model()
>>> m.regions, m.label(m.initial.config)
(('phase',), 'campaign')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from negotiation.model.compiled import NOT_ENABLED, CompiledModel, State, StepResult
from negotiation.model.compiler import compile_model
from negotiation.model.library import (
    CONDITIONS,
    EFFECTS,
    INVARIANTS,
    RULES,
    Condition,
    Effect,
    Invariant,
    Rule,
)
from negotiation.model.machine import DisputeModel
from negotiation.model.profile import (
    Parameters,
    Profile,
    Provision,
    Threshold,
    Window,
    load_profile,
)
from negotiation.model.properties import Monitor, Property
from negotiation.model.spec import ModelSpec, Phase, Region, Transition, load_spec
from negotiation.model.world import World, WorldSchema

if TYPE_CHECKING:
    from negotiation.model.adapter import TransitionsAdapter


def __getattr__(name: str) -> object:
    # the ``transitions`` adapter loads ``transitions`` (and asyncio): only on first use
    if name == "TransitionsAdapter":
        from negotiation.model.adapter import TransitionsAdapter

        return TransitionsAdapter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CONDITIONS",
    "EFFECTS",
    "INVARIANTS",
    "NOT_ENABLED",
    "RULES",
    "CompiledModel",
    "Condition",
    "DisputeModel",
    "Effect",
    "Invariant",
    "ModelSpec",
    "Monitor",
    "Parameters",
    "Phase",
    "Profile",
    "Property",
    "Provision",
    "Region",
    "Rule",
    "State",
    "StepResult",
    "Threshold",
    "Transition",
    "TransitionsAdapter",
    "Window",
    "World",
    "WorldSchema",
    "compile_model",
    "load_profile",
    "load_spec",
]
