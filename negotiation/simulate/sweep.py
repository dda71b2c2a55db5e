"""Sweeps: one simulation per cell of a grid of settings, results as one tidy table.

A sweep file (YAML, validated with located errors) names the dispute (a pack, or model,
profile and events), the settings every cell shares, and what varies: ``grid`` (every
combination of the values given, the first axis varying slowest) and ``cells`` (settings given
one by one, after the grid's)::

    sweep: talks against the street
    pack: cambodia-2013-2017
    policy: talks-first
    runs: 2000
    seed: 1
    horizon: 730
    grid:
      interpretation: [government_2013, opposition_2013]
      weights: [{}, {settlement: 3}]
    cells:
      - {policy: empirical, smoothing: 2}

What a cell can vary: ``profile``, ``interpretation``, ``policy``, ``weights`` (``{kind:
factor}`` multiplying that kind's move weights: :meth:`Policy.reweighted`), ``smoothing``,
``horizon``, ``max_steps`` and ``from``. Cell ``i`` draws from child ``i`` of
``SeedSequence(seed)`` (its ``spawn_key`` is ``(i,)``), so adding a cell at the end never
changes the others, and the same file and seed give byte-identical tables.

The table (:meth:`Sweep.rows`, :meth:`Sweep.to_pandas`, and on disk
:func:`~negotiation.simulate.tables.write_sweep_table`) has one row
per cell and outcome: the cell's number, name and settings (one ``weight:KIND`` column per kind
any cell reweights), the outcome, ``runs``, ``n``, ``p``, ``ci_low``, ``ci_high`` (95% Wilson),
``median_days``, ``q1_days``, ``q3_days``, invariant ``violations`` and ``broken_runs``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from negotiation._internal import files, yamldoc
from negotiation._internal.limits import MAX_STEPS, too_many_cells
from negotiation._internal.named import named_file, where_named
from negotiation._internal.suggest import unknown
from negotiation.errors import InputError, Problem
from negotiation.simulate.outcomes import Simulation

__all__ = [
    "AXES",
    "COLUMNS",
    "Sweep",
    "SweepCell",
    "SweepFile",
    "SweepGrid",
    "load_sweep",
    "plan_sweep",
    "run_sweep",
]

#: what a cell can vary, in the order of the table's columns
AXES = (
    "profile",
    "interpretation",
    "policy",
    "smoothing",
    "horizon",
    "max_steps",
    "from",
    "weights",
)
#: the table's columns after the cell's settings
COLUMNS = (
    "outcome",
    "runs",
    "n",
    "p",
    "ci_low",
    "ci_high",
    "median_days",
    "q1_days",
    "q3_days",
    "violations",
    "broken_runs",
)

Factor = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Weights = dict[str, Factor]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class SweepCell(_Strict):
    """The settings of one cell (those not given are the sweep's)."""

    name: str | None = None
    profile: str | None = None
    interpretation: str | None = None
    policy: str | None = None
    smoothing: Share | None = None
    horizon: Days | None = None
    max_steps: Steps | None = None
    from_: str | None = Field(default=None, alias="from")
    weights: Weights | None = None


Share = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Days = Annotated[int, Field(ge=0)]
Steps = Annotated[int, Field(ge=0, le=MAX_STEPS)]
Names = Annotated[list[str], Field(min_length=1)]


class SweepGrid(_Strict):
    """Values of each setting: every combination is a cell."""

    profile: Names | None = None
    interpretation: Names | None = None
    policy: Names | None = None
    smoothing: Annotated[list[Share], Field(min_length=1)] | None = None
    horizon: Annotated[list[Days], Field(min_length=1)] | None = None
    max_steps: Annotated[list[Steps], Field(min_length=1)] | None = None
    from_: Names | None = Field(default=None, alias="from")
    weights: Annotated[list[Weights], Field(min_length=1)] | None = None


class SweepFile(_Strict):
    """Schema of a sweep file."""

    sweep: str = Field(description="what the sweep is about (its title)")
    description: str = ""
    pack: str | None = Field(default=None, description="a pack id or folder")
    model: str | None = None
    profile: str | None = None
    interpretation: str | None = None
    events: str | None = None
    policy: str = "empirical"
    runs: Annotated[int, Field(ge=1, le=10_000_000)] = 1000
    seed: Annotated[int, Field(ge=0)] = 0
    horizon: Annotated[int, Field(ge=0)] | None = None
    max_steps: Steps = 50
    from_: str | None = Field(default=None, alias="from")
    smoothing: Annotated[float, Field(ge=0, allow_inf_nan=False)] = 0.5
    weights: Weights = Field(default_factory=dict)
    grid: SweepGrid = Field(default_factory=SweepGrid)
    cells: list[SweepCell] = Field(default_factory=list)


# -- planning ------------------------------------------------------------------------------

Loc = tuple[str | int, ...]


@dataclass
class _Cell:
    name: str
    settings: dict[str, Any]  # every axis, resolved against the sweep's
    where: dict[str, Loc]  # where each axis was set (for located problems)


def _cells(spec: SweepFile) -> list[_Cell]:
    base: dict[str, Any] = {
        "profile": spec.profile,
        "interpretation": spec.interpretation,
        "policy": spec.policy,
        "smoothing": spec.smoothing,
        "horizon": spec.horizon,
        "max_steps": spec.max_steps,
        "from": spec.from_,
        "weights": dict(spec.weights),
    }
    top_where: dict[str, Loc] = {a: (a,) for a in AXES}
    grid = spec.grid.model_dump(by_alias=True)
    axes = [a for a in AXES if grid.get(a) is not None]
    cells: list[_Cell] = []
    for combo in itertools.product(*(list(enumerate(grid[a])) for a in axes)):
        settings, where = dict(base), dict(top_where)
        parts = []
        for a, (j, value) in zip(axes, combo, strict=True):
            settings[a] = value
            where[a] = ("grid", a, j)
            parts.append(f"{a}={_show(value)}")
        cells.append(_Cell(", ".join(parts) or "base", settings, where))
    if not axes and spec.cells:
        cells = []  # only the cells given
    for k, cell in enumerate(spec.cells):
        given = cell.model_dump(by_alias=True, exclude_none=True)
        settings, where = dict(base), dict(top_where)
        name = given.pop("name", None)
        for a, value in given.items():
            settings[a] = value
            where[a] = ("cells", k, a)
        label = ", ".join(f"{a}={_show(v)}" for a, v in given.items())
        cells.append(_Cell(name or label or f"cell {k}", settings, where))
    return cells


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v:g}" for k, v in value.items()) + "}"
    return str(value)


@dataclass
class _Context:
    doc: yamldoc.Document
    base_dir: Path
    model: str | None
    profile: str | None
    events: str | None
    policies: list[Path] = field(default_factory=list)  # folders a policy name is looked up in
    log: list[Any] = field(default_factory=list)


def _context(spec: SweepFile, doc: yamldoc.Document, base_dir: Path) -> _Context:
    ctx = _Context(doc, base_dir, spec.model, spec.profile, spec.events, [base_dir])
    for key in ("model", "profile", "events"):
        value = getattr(ctx, key)
        if value is not None and not Path(value).is_absolute() and files.exists(base_dir / value):
            setattr(ctx, key, str(base_dir / value))
    if spec.pack is not None:
        from negotiation.packs import load_pack

        folder = base_dir / spec.pack
        with named_file(doc, ("pack",), "pack"):
            pack = load_pack(folder if files.is_file(folder / "pack.yaml") else spec.pack)
        ctx.model = ctx.model or str(pack.model_path)
        if ctx.profile is None and pack.profile_path is not None:
            ctx.profile = str(pack.profile_path)
        ctx.events = ctx.events or str(pack.events_path)
        ctx.policies += [pack.root, pack.policies_dir]
    if ctx.events is None and ctx.model is not None and files.is_file(ctx.model):
        beside = Path(ctx.model).parent / "events.yaml"
        ctx.events = str(beside) if files.is_file(beside) else None
    if ctx.events is not None:
        from negotiation.events.log import load_event_log

        # where the log is named: its own key, else the pack or the model it comes with (a
        # problem in the pack's log was put at an absent `events:` key, naming its actors file)
        where: Loc = (
            ("events",)
            if spec.events is not None
            else ("pack",)
            if spec.pack is not None
            else ("model",)
        )
        try:
            ctx.log = list(load_event_log(ctx.events))
        except InputError as exc:
            problems = where_named(exc.problems, doc, where, "event log", named=ctx.events)
            raise InputError(problems) from None
    return ctx


def _at(
    problems: list[Problem], doc: yamldoc.Document, where: Loc, what: str = "file"
) -> list[Problem]:
    """Problems located inside another file keep their place (and ``where`` says the file it
    names is not valid); the others, and those about a whole file that is no document of ours
    (``/etc/passwd`` as a policy), go to ``where`` (:func:`~negotiation._internal.named.where_named`)."""
    return where_named(problems, doc, where, what)


def _policy(ctx: _Context, ref: str, where: Loc) -> str:
    if ref == "empirical":
        return ref
    names = ["empirical"]
    for folder in ctx.policies:
        for candidate in (folder / ref, folder / f"{ref}.yaml"):
            if files.is_file(candidate):
                return str(candidate)
        if folder.name == "policies" and files.is_dir(folder):
            names += sorted(p.stem for p in folder.glob("*.yaml"))
    raise InputError(ctx.doc.problem(where, unknown("policy", ref, names)))


@dataclass
class _Planned:
    index: int
    name: str
    settings: dict[str, Any]
    job: Any  # a runs.Job


def _plan_cell(
    ctx: _Context, spec: SweepFile, i: int, cell: _Cell, models: dict[Any, Any]
) -> _Planned:
    from negotiation.model.compiler import compile_model
    from negotiation.packs import PACK_REF, pack_file
    from negotiation.simulate import prepare

    s, where = cell.settings, cell.where
    profile = s["profile"]
    if (
        profile is not None
        and not Path(profile).is_absolute()
        and files.exists(ctx.base_dir / profile)
    ):
        profile = str(ctx.base_dir / profile)
    key = (profile or ctx.profile, s["interpretation"])
    if key not in models:
        try:
            chosen = key[0]
            if chosen is not None and chosen.startswith(PACK_REF):  # another dispute's
                chosen = pack_file(chosen, "profile", ctx.base_dir)
            models[key] = compile_model(ctx.model, chosen, key[1])
        except InputError as exc:
            at = where["interpretation"] if s["interpretation"] is not None else where["profile"]
            raise InputError(_at(exc.problems, ctx.doc, at)) from None
    model = models[key]
    policy = _policy(ctx, s["policy"], where["policy"])
    try:
        job = prepare(
            model,
            policy,
            seed=spec.seed,
            spawn=(i,),
            max_steps=s["max_steps"],
            horizon=s["horizon"],
            events=ctx.log,
            from_event=s["from"],
            smoothing=s["smoothing"],
        )
    except InputError as exc:
        at = where["from"] if s["from"] is not None and "event" in str(exc) else where["policy"]
        raise InputError(_at(exc.problems, ctx.doc, at, "policy")) from None
    if s["weights"]:
        bad = [k for k in s["weights"] if not model.handles(k)]
        if bad:
            known = sorted(model.handled)
            raise InputError(
                [
                    ctx.doc.problem((*where["weights"], k), unknown("event kind", k, known))
                    for k in bad
                ]
            )
        job.policy = job.policy.reweighted(s["weights"])
    return _Planned(i, cell.name, s, job)


@dataclass
class PlannedSweep:
    """A checked sweep, every cell's job prepared."""

    spec: SweepFile
    file: str
    cells: list[_Planned]


def load_sweep(path: Path | str) -> PlannedSweep:
    """Read, check and prepare a sweep file (one located :class:`InputError` with every
    problem found)."""
    return plan_sweep(yamldoc.load(path), Path(path).parent)


def plan_sweep(doc: yamldoc.Document, base_dir: Path | str = ".") -> PlannedSweep:
    """Check and prepare a sweep document (its relative paths read from ``base_dir``)."""
    spec = yamldoc.parse(doc, SweepFile)
    repeated = _repeated(spec, doc)  # was two rows per cell that the table could not tell apart
    if repeated:
        raise InputError(repeated)
    ctx = _context(spec, doc, Path(base_dir))
    models: dict[Any, Any] = {}
    planned, problems = [], []
    for i, cell in enumerate(_cells(spec)):
        try:
            planned.append(_plan_cell(ctx, spec, i, cell, models))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(list(dict.fromkeys(problems)))
    return PlannedSweep(spec, doc.file, planned)


def _repeated(spec: SweepFile, doc: yamldoc.Document) -> list[Problem]:
    """Cells the table cannot tell apart (a value twice on an axis, a name twice), or too many."""
    out = []
    grid = spec.grid.model_dump(by_alias=True)
    if many := too_many_cells([len(v) for v in grid.values() if v], len(spec.cells)):
        return [doc.problem(*many)]  # counted before building them: 100^3 cells was a hang
    for axis in AXES:
        values = grid.get(axis) or []
        for j, value in enumerate(values):
            if value in values[:j]:
                out.append(doc.problem(("grid", axis, j), f"{_show(value)} is twice in the grid"))
    names = [c.name for c in spec.cells]
    for k, name in enumerate(names):
        if name is not None and name in names[:k]:
            out.append(doc.problem(("cells", k, "name"), f"cell name {name!r} is used twice"))
    return out


# -- running ---------------------------------------------------------------------------------


@dataclass
class Sweep:
    """The result of a sweep: each cell's settings and simulation."""

    title: str
    seed: int
    runs: int
    cells: list[tuple[str, dict[str, Any], Simulation]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return all(sim.complete for _, _, sim in self.cells)

    @property
    def violations(self) -> int:
        return sum(sum(sim.violated.values()) for _, _, sim in self.cells)

    def _weight_kinds(self) -> list[str]:
        return sorted({k for _, s, _ in self.cells for k in s["weights"]})

    def columns(self) -> list[str]:
        axes = [a for a in AXES if a != "weights"]
        return ["cell", "name", *axes, *(f"weight:{k}" for k in self._weight_kinds()), *COLUMNS]

    def rows(self) -> Iterator[dict[str, Any]]:
        """One row per cell and outcome, cells in order, outcomes in the simulation's order."""
        kinds = self._weight_kinds()
        for i, (name, s, sim) in enumerate(self.cells):
            head: dict[str, Any] = {"cell": i, "name": name}
            head.update({a: s[a] for a in AXES if a != "weights"})
            head.update({f"weight:{k}": float(s["weights"].get(k, 1.0)) for k in kinds})
            violations = sum(sim.violated.values())
            for outcome, o in sim.outcomes.items():
                q = o["quartiles_days"]
                yield {
                    **head,
                    "outcome": outcome,
                    "runs": sim.runs,
                    "n": o["n"],
                    "p": o["p"],
                    "ci_low": o["ci95"][0],
                    "ci_high": o["ci95"][1],
                    "median_days": o["median_days"],
                    "q1_days": q[0] if q else None,
                    "q3_days": q[1] if q else None,
                    "violations": violations,
                    "broken_runs": sim.broken_runs,
                }

    def to_pandas(self) -> Any:
        """The tidy table as a pandas DataFrame (the ``[tables]`` extra)."""
        import pandas as pd

        return pd.DataFrame.from_records(list(self.rows()), columns=self.columns())

    def to_json(self) -> dict[str, Any]:
        return {
            "format_version": 1,
            "sweep": self.title,
            "seed": self.seed,
            "runs": self.runs,
            "complete": self.complete,
            "cells": len(self.cells),
            "violations": self.violations,
            "broken_runs": sum(sim.broken_runs for _, _, sim in self.cells),
            "columns": self.columns(),
            "rows": list(self.rows()),
        }

    def summary(self) -> str:
        lines = [
            f"sweep {self.title!r}: {len(self.cells)} cells of {self.runs} runs, seed {self.seed}"
        ]
        for i, (name, _, sim) in enumerate(self.cells):
            lines.append(f"cell {i}: {name} ({sim.runs} runs, policy {sim.policy})")
            for outcome, o in sim.outcomes.items():
                share = f"{o['p']:7.2%}  [{o['ci95'][0]:.2%}, {o['ci95'][1]:.2%}]"
                median = o["median_days"]
                when = f"  median {median:g} days" if median is not None else ""
                lines.append(f"  {outcome:<36} {share}{when}")
        return "\n".join(lines) + "\n"


def run_sweep(planned: PlannedSweep, **options: Any) -> Sweep:
    """Run every cell of a planned sweep (``options``: those of
    :func:`negotiation.simulate.run_job`: executor, workers, scheduler, chunk_size, progress;
    with ``executor="dask"`` every cell runs on one client). Ctrl-C stops at the cell it
    interrupts (that cell partial, the later ones left out)."""
    if options.get("executor") == "dask" and options.get("client") is None:
        from negotiation.simulate.executors import dask_client

        with dask_client(options.get("workers", 1), options.get("scheduler")) as client:
            return run_sweep(planned, **{**options, "client": client})
    from negotiation.simulate import run_job

    out = Sweep(planned.spec.sweep, planned.spec.seed, planned.spec.runs)
    for cell in planned.cells:
        sim = run_job(cell.job, planned.spec.runs, **options)
        out.cells.append((cell.name, cell.settings, sim))
        if not sim.complete:
            break
    return out
