"""Bounded exhaustive exploration of every sequence of abstract events the rules allow."""

from __future__ import annotations

from negotiation.explore.search import (
    DEFAULT_GAPS,
    Exploration,
    Found,
    Gap,
    Template,
    alphabet,
    explore,
)

__all__ = ["DEFAULT_GAPS", "Exploration", "Found", "Gap", "Template", "alphabet", "explore"]
