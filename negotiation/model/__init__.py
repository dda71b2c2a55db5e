"""The dispute model: spec, constitution profile, rules, invariants, effects and the engine."""

from __future__ import annotations

from negotiation.model.invariants import INVARIANTS, Invariant
from negotiation.model.machine import NOT_ENABLED, DisputeModel, Outcome, Violation
from negotiation.model.profile import Parameters, Profile, Provision, load_profile
from negotiation.model.rules import RULES, Rule
from negotiation.model.spec import ModelSpec, Phase, Transition, load_spec
from negotiation.model.world import AssemblyStatus, Track, WorldState

__all__ = [
    "INVARIANTS",
    "NOT_ENABLED",
    "RULES",
    "AssemblyStatus",
    "DisputeModel",
    "Invariant",
    "ModelSpec",
    "Outcome",
    "Parameters",
    "Phase",
    "Profile",
    "Provision",
    "Rule",
    "Track",
    "Transition",
    "Violation",
    "WorldState",
    "load_profile",
    "load_spec",
]
