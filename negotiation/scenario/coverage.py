"""Model coverage: which phases, transitions, rules and invariants a set of scenarios exercises.

- a **phase** is covered when a run is in it (the initial phase, or entered by a step);
- a **transition** (an entry of the model spec) when a step took it;
- a **rule** is *evaluated* when some event reached its guard, and *rejecting* when it rejected
  at least one event (a rule that never rejects anything is only half tested);
- an **invariant** (or a temporal **property** of the model) when a run violated it or a
  scenario expects it violated (with the built-in rules in force, they can only be exercised by
  switching a rule off: ``disable_rules``).

Only what the model uses is counted: the rules its transitions guard with, the invariants it
checks. ::

    from negotiation.scenario.coverage import measure_files
    for cov in measure_files(["scenarios/"]):
        print(cov.table())
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from negotiation.model.machine import DisputeModel
from negotiation.model.spec import ModelSpec, Transition
from negotiation.replay import replay
from negotiation.scenario.expectations import checked_properties
from negotiation.scenario.running import PlannedCell, plan_files
from negotiation.scenario.schema import InvariantExpect

__all__ = ["Coverage", "Row", "measure", "measure_files", "overall_percent", "transition_label"]


def transition_label(spec: ModelSpec, index: int) -> str:
    """``#7 royal_mediation: election_held|results_disputed -> royal_talks``."""
    t: Transition = spec.transitions[index]

    def states(x: object) -> str:
        return x if isinstance(x, str) else "|".join(x)  # type: ignore[arg-type]

    if spec.single_track:
        region = spec.regions[0].id
        src = states(t.source.get(region, "*"))
        to = t.to.get(region, "(stays)")
    else:
        src = ", ".join(f"{r}={states(v)}" for r, v in t.source.items()) or "*"
        to = ", ".join(f"{r}={v}" for r, v in t.to.items()) or "(stays)"
    guards = f" [{', '.join(t.guards)}]" if t.guards else ""
    when = f" when {', '.join(t.when)}" if t.when else ""
    return f"#{index} {t.kind}: {src} -> {to}{when}{guards}"


@dataclass(frozen=True)
class Row:
    """One line of the table: what could be exercised, and what was."""

    name: str
    covered: tuple[str, ...]
    missed: tuple[str, ...]

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.missed)

    @property
    def percent(self) -> float:
        return 100.0 * len(self.covered) / self.total if self.total else 100.0

    def to_json(self) -> dict[str, Any]:
        return {
            "covered": len(self.covered),
            "total": self.total,
            "percent": round(self.percent, 1),
            "exercised": list(self.covered),
            "never": list(self.missed),
        }


@dataclass
class Coverage:
    """What the runs of one model exercised (counts per item)."""

    spec: ModelSpec
    rules: tuple[str, ...]
    invariants: tuple[str, ...]
    properties: tuple[str, ...] = ()
    runs: int = 0
    files: list[str] = field(default_factory=list)
    phases: Counter[str] = field(default_factory=Counter)
    transitions: Counter[int] = field(default_factory=Counter)
    evaluated: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    violated: Counter[str] = field(default_factory=Counter)
    expected_violated: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, model: DisputeModel) -> Coverage:
        rules = tuple(dict.fromkeys(g for t in model.spec.transitions for g in t.guards))
        invariants = tuple(inv.id for inv in model.compiled.invariants)
        properties = tuple(p for p in checked_properties(model) if p not in invariants)
        return cls(model.spec, rules, invariants, properties)

    # -- collecting ------------------------------------------------------------------------------
    def add(self, cell: PlannedCell) -> None:
        """Run one planned cell step by step and count what it exercised."""
        trace = replay(cell.model, cell.events)
        self.runs += 1
        if cell.file not in self.files:
            self.files.append(cell.file)
        single = cell.model.spec.single_track

        def enter(regions: dict[str, str], before: dict[str, str] | None) -> None:
            for r, state in regions.items():
                if before is None or before.get(r) != state:
                    self.phases[state if single else f"{r}={state}"] += 1

        enter(trace.initial_regions, None)
        current = trace.initial_regions
        for step in trace.steps:
            for rule, allowed in step.evaluated:
                self.evaluated[rule] += 1
                if not allowed:
                    self.rejected[rule] += 1
            if step.accepted:
                if step.transition is not None:
                    self.transitions[step.transition] += 1
                enter(step.regions, current)
                current = step.regions
            for v in step.violations:
                self.violated[v.invariant] += 1
        if isinstance(cell.expect.invariants, InvariantExpect):
            for inv in cell.expect.invariants.violated:
                self.expected_violated[inv] += 1

    # -- reporting -------------------------------------------------------------------------------
    def _row(self, name: str, items: Iterable[str], hit: Any) -> Row:
        items = list(items)
        return Row(
            name,
            tuple(i for i in items if hit(i)),
            tuple(i for i in items if not hit(i)),
        )

    def rows(self) -> list[Row]:
        labels = [transition_label(self.spec, i) for i in range(len(self.spec.transitions))]
        return [
            self._row("phases", self.spec.phase_ids(), lambda p: self.phases[p] > 0),
            self._row(
                "transitions",
                labels,
                lambda label: self.transitions[int(label[1:].split(" ")[0])] > 0,
            ),
            self._row("rules evaluated", self.rules, lambda r: self.evaluated[r] > 0),
            self._row("rules rejecting", self.rules, lambda r: self.rejected[r] > 0),
            self._row("invariants", self.invariants, self._violated),
            *(
                [self._row("properties", self.properties, self._violated)]
                if self.properties
                else []
            ),
        ]

    def _violated(self, name: str) -> bool:
        return self.violated[name] > 0 or self.expected_violated[name] > 0

    def counted_rows(self) -> list[Row]:
        """The rows the total is made of (``rules rejecting`` is reported, not counted)."""
        return [r for r in self.rows() if r.name != "rules rejecting"]

    @property
    def covered(self) -> int:
        return sum(len(r.covered) for r in self.counted_rows())

    @property
    def total(self) -> int:
        return sum(r.total for r in self.counted_rows())

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 100.0

    def table(self) -> str:
        """The coverage table, then everything never exercised."""
        rows = self.rows()
        lines = [
            f"model {self.spec.id}: {len(self.files)} scenario file(s), {self.runs} run(s)",
            f"  {'':<18}{'exercised':>10}{'total':>7}{'%':>8}",
        ]
        for r in rows:
            lines.append(f"  {r.name:<18}{len(r.covered):>10}{r.total:>7}{r.percent:>7.1f}%")
        lines.append(
            f"  {'total':<18}{self.covered:>10}{self.total:>7}{self.percent:>7.1f}%"
            "   (every row but 'rules rejecting')"
        )
        never = [r for r in rows if r.missed]
        if never:
            lines.append("never exercised:")
            for r in never:
                head = {
                    "rules evaluated": "rules never evaluated",
                    "rules rejecting": "rules that never rejected an event",
                }.get(r.name, r.name)
                lines.append(f"  {head}:")
                lines += [f"    {m}" for m in r.missed]
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "model": self.spec.id,
            "files": list(self.files),
            "runs": self.runs,
            "covered": self.covered,
            "total": self.total,
            "percent": round(self.percent, 1),
        }
        for r in self.rows():
            data[r.name.replace(" ", "_")] = r.to_json()
        data["counts"] = {
            "phases": dict(self.phases),
            "transitions": {transition_label(self.spec, i): n for i, n in self.transitions.items()},
            "rules_evaluated": dict(self.evaluated),
            "rules_rejected": dict(self.rejected),
            "invariants_violated": dict(self.violated),
            "invariants_expected_violated": dict(self.expected_violated),
        }
        return data


def measure(cells: Iterable[PlannedCell]) -> list[Coverage]:
    """Coverage per model (by spec id, in order of first use) of the planned runs."""
    out: dict[str, Coverage] = {}
    for cell in cells:
        key = cell.model.spec.id
        if key not in out:
            out[key] = Coverage.of(cell.model)
        out[key].add(cell)
    return list(out.values())


def measure_files(paths: Sequence[str | Path]) -> list[Coverage]:
    """Coverage of the scenario files, directories or globs. Every invalid file is reported
    (one :class:`InputError` with all the problems) before anything is measured."""
    return measure(plan_files(paths))


def overall_percent(coverages: Sequence[Coverage]) -> float:
    """Covered items over all items, across models (100 when there is nothing to cover)."""
    total = sum(c.total for c in coverages)
    return 100.0 * sum(c.covered for c in coverages) / total if total else 100.0
