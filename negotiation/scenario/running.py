"""Planning and running scenarios.

:func:`plan_scenario` checks a loaded scenario and prepares its runs, one :class:`PlannedCell`
per matrix cell (or one for the scenario itself): every problem that can be found without
running is raised there, located. :func:`run_cell` replays one planned cell and checks its
expectations; :func:`run_scenario` does both.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from negotiation._internal import yamldoc
from negotiation.errors import InputError, Problem
from negotiation.events import Event
from negotiation.events.vocabulary import Vocabulary
from negotiation.model.machine import DisputeModel
from negotiation.replay import Trace, replay
from negotiation.scenario.document import Loc, locate
from negotiation.scenario.expectations import check_expectations, expectation_problems
from negotiation.scenario.loading import (
    LoadedScenario,
    base_actors,
    base_events,
    load_scenario,
    scenario_files,
)
from negotiation.scenario.schema import Cell, Expect, SimulationSettings
from negotiation.scenario.settings import Settings, model_of
from negotiation.scenario.simulation import (
    ClaimResult,
    PlannedSimulation,
    plan_simulation,
    run_simulation,
)
from negotiation.scenario.variations import SETTING_OPS, Variation, apply_variations

__all__ = [
    "CellResult",
    "PlannedCell",
    "fold_settings",
    "plan_files",
    "plan_scenario",
    "run_cell",
    "run_scenario",
]


@dataclass
class PlannedCell:
    """One run of a scenario, checked and ready: its events, settings, model and expectations."""

    scenario: str
    cell: str | None
    file: str
    events: list[Event]
    settings: Settings
    model: DisputeModel
    expect: Expect
    #: where the expectations are in the file (for locating problems)
    expect_at: Loc = ("expect",)
    #: the simulation its ``expect.simulation`` claims are checked on
    simulation: PlannedSimulation | None = None
    #: what the variations did that the file does not say outright (an event re-dated, so moved
    #: to its date's place in the log), located at the variation
    notes: tuple[Problem, ...] = ()

    @property
    def name(self) -> str:
        return self.scenario if self.cell is None else f"{self.scenario} [{self.cell}]"


def fold_settings(settings: Settings, variations: Sequence[Variation], base: Loc) -> Settings:
    """``settings`` after the setting operations among ``variations`` (found at ``base``)."""
    for i, variation in enumerate(variations):
        settings = variation.operation.configure(settings, (*base, i))
    return settings


def _cell_runs(
    loaded: LoadedScenario,
    top: Settings,
    events: list[Event],
    k: int,
    cell: Cell,
    notes: list[Problem],
    removed: dict[str, Loc] | None = None,
) -> tuple[Settings, list[Event], tuple[Expect, Loc]]:
    """A matrix cell's settings, events and expectations, from the scenario's (its variations'
    notes added to ``notes``, the events they took out to ``removed``)."""
    at: Loc = ("matrix", k)
    settings = top.with_(
        at,
        model=cell.model,
        profile=cell.profile,
        interpretation=cell.interpretation,
        disable_rules=cell.disable_rules,
    )
    settings = fold_settings(settings, cell.variations, (*at, "variations"))
    if cell.variations:
        varied_at = (*at, "variations")
        events = apply_variations(events, cell.variations, loaded.doc, varied_at, notes, removed)
    if cell.expect is not None:
        return settings, events, (cell.expect, (*at, "expect"))
    return settings, events, (loaded.scenario.expect, ("expect",))


def _simulation_of(loaded: LoadedScenario, k: int | None) -> tuple[SimulationSettings | None, Loc]:
    """The simulation settings of matrix cell ``k`` (or the scenario's), and where they are."""
    top = loaded.scenario.simulation
    if k is not None:
        cell = loaded.scenario.matrix[k].simulation
        if cell is not None:
            return cell.over(top), ("matrix", k, "simulation")
    return top, ("simulation",)


def _writes(event_id: str, node: dict[str, Any]) -> bool:
    """Whether a mapping of the file writes the event (``insert``'s, ``replace``'s ``with``) or
    changes it (``change``)."""
    return event_id in (node.get("id"), node.get("event"))


class _ActorCheck:
    """Notes on the actors of the events a scenario writes (inserted, replaced, changed) that
    the base log's ``actors.yaml`` does not know: a rule asking who acts would not know them."""

    def __init__(self, loaded: LoadedScenario, base: Sequence[Event]) -> None:
        self.loaded, self.gazetteer = loaded, base_actors(loaded)
        self.base = {id(e) for e in base}

    def unknown(self, events: Sequence[Event], notes: Sequence[Problem]) -> list[Problem]:
        out: list[Problem] = []
        if self.gazetteer is None:
            return out
        for e in events:
            if id(e) in self.base:
                continue
            named = [*e.actors, *e.recipients, *([e.mediator] if e.mediator else [])]
            written = functools.partial(_writes, e.id)
            for actor in dict.fromkeys(a for a in named if a not in self.gazetteer):
                where = _first_mapping(self.loaded.doc, written, "id")
                message = (
                    f"event {e.id!r} names an actor the log's actors.yaml lacks, whom a rule "
                    f"that asks who acts will not know: {self.gazetteer.unknown(actor)}"
                )
                out.append(locate(self.loaded.doc, where, message))
        return [p for p in out if p not in notes]


def _idle_variations(loaded: LoadedScenario, k: int | None) -> list[Problem]:
    """A note when the cell's events are varied but its simulation does not start from them:
    under a written policy with no ``from``, every run starts at the model's initial state."""
    sim, sim_at = _simulation_of(loaded, k)
    expect: Expect | None = loaded.scenario.expect
    if k is not None and loaded.scenario.matrix[k].expect is not None:
        expect = loaded.scenario.matrix[k].expect
    varied = [*loaded.scenario.variations]
    if k is not None:
        varied += loaded.scenario.matrix[k].variations
    if (
        sim is None
        or expect is None
        or not expect.simulation
        or sim.from_ is not None
        or sim.policy in (None, "empirical")
        or all(v.op in SETTING_OPS for v in varied)
    ):
        return []
    return [
        locate(
            loaded.doc,
            sim_at,
            f"under policy {sim.policy!r} every run starts from the model's initial state on the "
            "log's first day, not from the varied events, so the variations hardly change the "
            "runs: give `from: EVENT-ID` to start from the varied record there (the `empirical` "
            "policy is estimated from the varied events)",
        )
    ]


def _plan_cell(
    loaded: LoadedScenario,
    name: str | None,
    settings: Settings,
    events: list[Event],
    expected: tuple[Expect, Loc],
    k: int | None = None,
    notes: Sequence[Problem] = (),
    removed: dict[str, Loc] | None = None,
) -> PlannedCell:
    """A checked cell, or an :class:`InputError` with every problem found (``removed``: the
    events its variations took out, and where)."""
    model = model_of(settings, loaded.doc, loaded.base_dir)
    vocab = model.spec.vocab
    unknown_kinds = [
        _kind_problem(loaded, settings, model, e, msg)
        for e in dict((e.kind, e) for e in events).values()
        if (msg := vocab.check_kind(e.kind)) is not None
    ]
    if unknown_kinds:
        raise InputError(unknown_kinds)
    facts = _fact_problems(loaded, events, vocab)
    if facts:
        raise InputError(facts)
    unhandled = sorted({e.kind for e in events if not model.handles(e.kind)})
    if unhandled:
        raise InputError(
            locate(
                loaded.doc,
                settings.where.get("model", ()),
                f"model {model.spec.id!r} has no transition for event kind(s): "
                f"{', '.join(unhandled)}",
            )
        )
    expect, expect_at = expected
    problems = expectation_problems(expect, events, model, loaded.doc, expect_at, removed)
    if problems:
        raise InputError(problems)
    sc = loaded.scenario
    sim_settings, sim_at = _simulation_of(loaded, k)
    simulation = plan_simulation(
        sim_settings,
        expect,
        (sim_at, expect_at),
        model,
        events,
        (loaded.doc, loaded.base_dir, sc.pack),
    )
    return PlannedCell(
        sc.name,
        name,
        loaded.file,
        events,
        settings,
        model,
        expect,
        expect_at,
        simulation,
        tuple(dict.fromkeys(notes)),
    )


def plan_scenario(loaded: LoadedScenario) -> list[PlannedCell]:
    """Check a loaded scenario and prepare its runs (each matrix cell, or the scenario itself).

    Every problem that can be found without running is raised here as one located
    :class:`InputError`: unknown event ids in variations and expectations, unknown phases,
    rules, invariants, world fields, models, profiles, interpretations, unhandled event kinds.
    """
    sc = loaded.scenario
    top = Settings().with_(
        (),
        model=sc.model,
        profile=sc.profile,
        interpretation=sc.interpretation,
        disable_rules=sc.disable_rules,
    )
    top = fold_settings(top, sc.variations, ("variations",))
    top_notes: list[Problem] = []
    top_removed: dict[str, Loc] = {}
    base = base_events(loaded)
    events = apply_variations(base, sc.variations, loaded.doc, notes=top_notes, removed=top_removed)
    actors = _ActorCheck(loaded, base)
    planned: list[PlannedCell] = []
    problems: list[Problem] = []
    cells: Sequence[Cell | None] = sc.matrix or (None,)
    for k, cell in enumerate(cells):
        expect: tuple[Expect, Loc]
        notes, removed = list(top_notes), dict(top_removed)
        try:
            if cell is None:
                settings, evs, expect = top, events, (sc.expect, ("expect",))
            else:
                settings, evs, expect = _cell_runs(loaded, top, events, k, cell, notes, removed)
            name = cell.name if cell is not None else None
            index = k if cell is not None else None
            notes += _idle_variations(loaded, index) + actors.unknown(evs, notes)
            planned.append(_plan_cell(loaded, name, settings, evs, expect, index, notes, removed))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(list(dict.fromkeys(problems)))
    return planned


def plan_files(paths: Sequence[str | Path]) -> list[PlannedCell]:
    """Plan every scenario in these files, directories or globs. Every invalid file is
    reported (one :class:`InputError` with all the problems) before anything runs."""
    planned: list[PlannedCell] = []
    problems: list[Problem] = []
    for f in scenario_files(paths):
        try:
            planned += plan_scenario(load_scenario(f))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return planned


@dataclass
class CellResult:
    """The outcome of one run: its trace and every expectation it did not meet."""

    scenario: str
    cell: str | None
    file: str
    trace: Trace
    failures: list[str]
    events: list[Event]
    expect: Expect | None = None
    #: the simulation's result and each claim's verdict, when the cell has claims
    simulation: Any = None
    claims: list[ClaimResult] | None = None
    #: the planned cell's notes (events the variations moved to their new date's place)
    notes: tuple[Problem, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def name(self) -> str:
        return self.scenario if self.cell is None else f"{self.scenario} [{self.cell}]"

    def __repr__(self) -> str:
        verdict = "passed" if self.passed else f"{len(self.failures)} unmet expectation(s)"
        return f"<CellResult {self.name!r}: {verdict}, {self.trace.accepted}/{self.trace.total} accepted>"

    def _repr_html_(self) -> str:
        from negotiation.render.notebook import cell_result_html

        return cell_result_html(self)


def run_cell(planned: PlannedCell) -> CellResult:
    """Replay one planned cell and check its expectations (and simulate it, for claims on a
    simulation)."""
    trace = replay(planned.model, planned.events)
    failures = check_expectations(trace, planned.expect, planned.events)
    sim, claims = None, None
    if planned.simulation is not None:
        sim, claims = run_simulation(planned.simulation)
        if not sim.complete:  # Ctrl-C, which the simulation took as its end: `run` exited 1,
            raise KeyboardInterrupt  # its claims unmet, and went on to the next scenario
        failures += [c.sentence() for c in claims if not c.passed]
    return CellResult(
        planned.scenario,
        planned.cell,
        planned.file,
        trace,
        failures,
        planned.events,
        planned.expect,
        sim,
        claims,
        planned.notes,
    )


def run_scenario(loaded: LoadedScenario) -> list[CellResult]:
    """Run a scenario (each matrix cell, or the scenario itself when it has none)."""
    return [run_cell(p) for p in plan_scenario(loaded)]


def _fact_problems(
    loaded: LoadedScenario, events: Sequence[Event], vocab: Vocabulary
) -> list[Problem]:
    """Facts a variation gives (inserted, replaced or changed events) that the model's
    vocabulary does not declare, or of another type: a misspelt fact was taken silently, and
    changed nothing. Events of a log file were checked when it was loaded; inline ones not."""
    logged = isinstance(loaded.scenario.events, str)
    base = {id(e) for e in base_events(loaded)} if logged else set()
    out = []
    for e in events:
        if id(e) in base:
            continue
        for msg in vocab.check_facts(e.facts.model_extra or {}):
            out.append(locate(loaded.doc, _where_event(loaded.doc, e.id, "facts"), msg))
    return list(dict.fromkeys(out))


def _where_event(doc: yamldoc.Document | None, event_id: str, key: str) -> Loc:
    """Where in the scenario file the event ``event_id`` is written or changed, at ``key``."""
    return _first_mapping(
        doc, lambda node: event_id in (node.get("id"), node.get("event")) and key in node, key
    )


def _kind_problem(
    loaded: LoadedScenario, settings: Settings, model: DisputeModel, event: Event, message: str
) -> Problem:
    """An event kind the model's vocabulary lacks: where the file writes it, else (a kind of
    the log, under a model named in the file) where the model is named, with the event."""
    where = _where_kind(loaded.doc, event.kind)
    if where or "model" not in settings.where:
        return locate(loaded.doc, where, message)
    return locate(
        loaded.doc,
        settings.where["model"],
        f"model {model.spec.id!r}, named here, does not know the kind of the log's event "
        f"{event.id!r}: {message}",
    )


def _where_kind(doc: yamldoc.Document | None, kind: str) -> Loc:
    """Where in the scenario file an event of ``kind`` is written (inline or inserted)."""
    return _first_mapping(doc, lambda node: node.get("kind") == kind, "kind")


def _first_mapping(
    doc: yamldoc.Document | None, found: Callable[[dict[str, Any]], bool], key: str
) -> Loc:
    """The path to ``key`` of the first mapping of the file, in reading order, that is
    ``found``; ``()`` if none is."""
    if doc is None:
        return ()
    stack: list[tuple[Loc, Any]] = [((), doc.data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            if found(node):
                return (*path, key)
            stack.extend(((*path, k), v) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(node))))
    return ()
