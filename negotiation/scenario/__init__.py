"""Scenario files: replay the record or vary it, and say what should happen.

A scenario file names a model, a profile or interpretation, a base event log, variations
(drop, insert, move, swap, replace, change a fact, shift dates, switch profile or
interpretation, switch rules off) and expectations. A ``matrix`` runs the same scenario under
several settings, one result per cell. A what-if in a few lines::

    name: What if the King had dissolved the Assembly in February 2014?
    variations:
      - insert:
          at: 2014-02-10
          event: {id: 2014-02-10-dissolution, kind: assembly_dissolved, date: 2014-02-10}
    expect:
      rejected_by: {2014-02-10-dissolution: no_early_dissolution}

Loading validates everything that can be checked without running: the schema, every event id a
variation or an expectation names (an unknown id is an error naming the nearest ids), phases,
rules and invariants the expectations name, the model, profile and interpretation. Errors point
at ``file:line:col`` with the path inside the document. :func:`plan_scenario` does that and
:func:`run_cell` replays one planned cell; :func:`run_scenario` does both.

The modules, in the order a scenario goes through them:

- :mod:`~negotiation.scenario.schema`: the file as pydantic models (``Scenario``, ``Cell``,
  ``Expect``); :mod:`~negotiation.scenario.document` what they share;
- :mod:`~negotiation.scenario.variations`: one class per variation operation;
- :mod:`~negotiation.scenario.settings`: model, profile, interpretation, rules switched off;
- :mod:`~negotiation.scenario.loading`: files, directories, globs, the base event log;
- :mod:`~negotiation.scenario.running`: planning (every check before running) and running;
- :mod:`~negotiation.scenario.expectations`: checking what should happen;
- :mod:`~negotiation.scenario.reports`: the report of a run that did not meet them;
- :mod:`~negotiation.scenario.coverage`: what a set of scenarios exercises in a model.
"""

from __future__ import annotations

from negotiation.scenario.expectations import check_expectations
from negotiation.scenario.loading import (
    LoadedScenario,
    dump_scenario,
    load_scenario,
    load_scenario_text,
    scenario_files,
)
from negotiation.scenario.reports import failure_report
from negotiation.scenario.running import (
    CellResult,
    PlannedCell,
    plan_files,
    plan_scenario,
    run_cell,
    run_scenario,
)
from negotiation.scenario.schema import Cell, Expect, InvariantExpect, Scenario
from negotiation.scenario.settings import Settings
from negotiation.scenario.variations import Variation, apply_variations

__all__ = [
    "Cell",
    "CellResult",
    "Expect",
    "InvariantExpect",
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
