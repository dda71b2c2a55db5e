"""The built-in library: conditions, rules, effects and invariants written in Python, each
citing (rules, invariants) the provision it encodes and declaring the world fields and event
parts it reads and writes. Models name them; data-defined ones (CEL) join them at compile time.
"""

from __future__ import annotations

from negotiation.model.library.conditions import CONDITIONS, Condition
from negotiation.model.library.effects import EFFECTS, Effect
from negotiation.model.library.invariants import INVARIANTS, Invariant
from negotiation.model.library.rules import RULES, Rule

__all__ = [
    "CONDITIONS",
    "EFFECTS",
    "INVARIANTS",
    "RULES",
    "Condition",
    "Effect",
    "Invariant",
    "Rule",
]
