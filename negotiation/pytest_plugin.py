"""pytest plugin: scenario files collected as tests (see negotiation.scenario)."""

from __future__ import annotations
