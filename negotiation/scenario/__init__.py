"""Scenario files: replay the record or vary it, and say what should happen."""

from __future__ import annotations

from negotiation.scenario.core import (
    Cell,
    CellResult,
    Expect,
    LoadedScenario,
    PlannedCell,
    Scenario,
    Settings,
    Variation,
    apply_variations,
    check_expectations,
    dump_scenario,
    failure_report,
    load_scenario,
    load_scenario_text,
    plan_files,
    plan_scenario,
    run_cell,
    run_scenario,
    scenario_files,
)

__all__ = [
    "Cell",
    "CellResult",
    "Expect",
    "LoadedScenario",
    "PlannedCell",
    "Scenario",
    "Settings",
    "Variation",
    "apply_variations",
    "check_expectations",
    "dump_scenario",
    "failure_report",
    "load_scenario",
    "load_scenario_text",
    "plan_files",
    "plan_scenario",
    "run_cell",
    "run_scenario",
    "scenario_files",
]
