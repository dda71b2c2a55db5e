"""Bounded exhaustive exploration of every sequence of abstract events the rules allow.

:mod:`~negotiation.explore.domain` draws the abstract events (one domain shared with the
property tests and the simulation), :mod:`~negotiation.explore.search` runs the breadth-first
search, :mod:`~negotiation.explore.results` holds what it found and
:mod:`~negotiation.explore.saving` writes it as scenario files.
"""

from __future__ import annotations

from negotiation.explore.domain import DEFAULT_GAPS, Domain, Gap, Template, domain_for
from negotiation.explore.results import Exploration, Found
from negotiation.explore.search import explore

__all__ = [
    "DEFAULT_GAPS",
    "Domain",
    "Exploration",
    "Found",
    "Gap",
    "Template",
    "domain_for",
    "explore",
]
