"""A scenario file as pydantic models: :class:`Scenario`, its matrix :class:`Cell` and its
expectations :class:`Expect`. The variations are in :mod:`negotiation.scenario.variations`, one
class per operation. ``negotiation schema scenario`` prints the JSON Schema of these models
(shipped in ``schema/scenario.json`` for editors).

    >>> Scenario(name="the record").model
    'cambodia'
    >>> Expect.model_validate({"world": "seats.cnrp >= 55"}).world
    ('seats.cnrp >= 55',)
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, field_validator, model_validator

from negotiation._internal.calendar import parse_iso_date
from negotiation._internal.limits import MAX_CELLS, MAX_STEPS
from negotiation.events import Event
from negotiation.scenario.document import Strict
from negotiation.scenario.variations import Variation

__all__ = [
    "CLAIM",
    "STEP",
    "WORLD_PREDICATE",
    "Cell",
    "During",
    "Expect",
    "InvariantExpect",
    "Scenario",
    "SimulationSettings",
]


#: a world predicate: ``field op value``, the field dotted (``seats.cnrp``); use ``fullmatch``
#: (linear time: a lazy value followed by optional blanks would backtrack quadratically)
WORLD_PREDICATE = re.compile(
    r"\s*([A-Za-z_][\w.-]*)\s*(==|!=|>=|<=|>|<|not contains|contains)\s*(.*\S)\s*"
)
#: a claim on a simulation: ``p(outcome) op share [within N days]``, the share a number from 0
#: to 1 or a percentage; use ``fullmatch``
CLAIM = re.compile(
    r"\s*p\(\s*([A-Za-z0-9_][\w.=-]*)\s*\)\s*(>=|<=|>|<)\s*([0-9]+(?:\.[0-9]+)?%?)"
    r"(?:\s+within\s+([0-9]+)\s+days?)?\s*"
)
#: a step reference: '#' and ASCII digits, counted from 0 ('#²' is not a step)
STEP = re.compile(r"#([0-9]+)")


def _claim(text: str) -> str:
    m = CLAIM.fullmatch(text)
    if m is None:
        raise ValueError(
            f"simulation claim {text!r} is not 'p(OUTCOME) OP SHARE [within N days]' "
            "(OP: >= <= > <; SHARE from 0 to 1, or a percentage)"
        )
    share = m.group(3)
    if (float(share[:-1]) / 100 if share.endswith("%") else float(share)) > 1:
        raise ValueError(f"simulation claim {text!r}: the share {share} is above 1 (100%)")
    return text


class InvariantExpect(Strict):
    """Invariants (and temporal properties) expected violated, or expected to hold."""

    violated: tuple[str, ...] = Field(default=(), description="invariant ids")
    hold: tuple[str, ...] = Field(default=(), description="invariant ids")


class During(Strict):
    """A region in a state on every day from ``from`` through ``through`` (inclusive)."""

    region: str
    state: str
    from_: dt.date = Field(alias="from")
    through: dt.date

    @field_validator("from_", "through", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        return parse_iso_date(value)

    @model_validator(mode="after")
    def _order(self) -> During:
        if self.through < self.from_:
            raise ValueError(f"through {self.through} is before from {self.from_}")
        return self


def _world_predicate(p: str) -> str:
    """A world predicate, checked where it is written (was located at ``expect``)."""
    if not WORLD_PREDICATE.fullmatch(p):
        raise ValueError(
            f"world predicate {p!r} is not 'field op value' "
            "(op: == != >= <= > < contains, not contains)"
        )
    return p


class Expect(Strict):
    """What should happen. Events are named by id or by step number ``'#k'`` (from 0)."""

    accepted: Literal["all"] | tuple[str, ...] | None = Field(
        default=None, description="'all', or the event ids / '#k' steps accepted"
    )
    rejected: tuple[str, ...] | None = Field(default=None, description="ids rejected, any rule")
    rejected_by: dict[str, str] | None = Field(
        default=None, description="{event id or step '#k': rule id (or not_enabled)}"
    )
    rejected_citing: dict[str, str] | None = Field(
        default=None,
        description="{event id or step '#k': article}: rejected by a rule (or invariant) whose "
        "cited provision's article contains this text ('Art. 70(1)', 'Article 78')",
    )
    final_phase: str | dict[str, str] | None = Field(
        default=None,
        description="the phase at the end: its name ('house=sitting participation.x=seated'), "
        "a region's state ('house=sitting', or 'sitting' alone), or {region: state, ...}, each "
        "holding at the end",
    )

    def final_phases(self) -> list[str]:
        """``final_phase`` as the states that must hold at the end (``region=state`` each)."""
        if isinstance(self.final_phase, dict):
            return [f"{region}={state}" for region, state in self.final_phase.items()]
        return [] if self.final_phase is None else [self.final_phase]

    reached: tuple[str, ...] | None = Field(default=None, description="phases entered")
    not_reached: tuple[str, ...] | None = Field(default=None, description="phases never entered")
    world: tuple[Annotated[str, AfterValidator(_world_predicate)], ...] = Field(
        default=(),
        description="final-state predicates 'field op value': 'assembly == convened', "
        "'seats.cnrp >= 55', 'boycotting contains cnrp' (op: == != >= <= > < contains, "
        "not contains)",
    )
    invariants: Literal["hold"] | InvariantExpect | None = Field(
        default=None,
        description="'hold' (no invariant or temporal property violated), or by id: "
        "{violated: [...], hold: [...]}",
    )
    min_conformance: float | None = Field(default=None, ge=0, le=1)
    phase_after: dict[str, dict[str, str]] | None = Field(
        default=None, description="{event id or '#k': {region: state}} after that step"
    )
    during: tuple[During, ...] = Field(
        default=(), description="[{region, state, from, through}]: the region's state each day"
    )

    simulation: tuple[Annotated[str, AfterValidator(_claim)], ...] = Field(
        default=(),
        description="claims on the scenario's simulation (its `simulation:` settings): "
        "'p(OUTCOME) OP SHARE [within N days]', OP one of >= <= > <, SHARE from 0 to 1 or a "
        "percentage: 'p(opposition_seated) >= 0.4 within 365 days'. A claim fails when the "
        "Wilson interval at the stated confidence lies wholly on the wrong side of SHARE",
    )

    @field_validator("world", "simulation", mode="before")
    @classmethod
    def _one_predicate(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v


class SimulationSettings(Strict):
    """How a scenario simulates the dispute for its ``expect.simulation`` claims. A matrix
    cell's settings override the scenario's, key by key. The runs start from the state the
    scenario's events (after its variations) reached at ``from`` (default: the start), and
    the empirical policy is estimated from those events."""

    policy: str | None = Field(
        default=None,
        description="'empirical' (estimated from the scenario's events), a policy file "
        "(relative to the scenario), or the name of one of the pack's policies",
    )
    runs: int | None = Field(default=None, ge=1, le=1_000_000)
    seed: int | None = Field(default=None, ge=0)
    horizon: int | None = Field(default=None, ge=0, description="days after the start")
    max_steps: int | None = Field(
        default=None, ge=0, le=MAX_STEPS, description="attempted events per run"
    )
    from_: str | None = Field(default=None, alias="from", description="an event id")
    smoothing: float | None = Field(
        default=None, ge=0, allow_inf_nan=False, description="the empirical policy's add-alpha"
    )
    confidence: float | None = Field(
        default=None,
        gt=0,
        lt=1,
        description="of the two-sided Wilson interval a claim is checked with (default 0.95: "
        "a true claim fails at most about 2.5% of seeds)",
    )
    weights: dict[str, Annotated[float, Field(ge=0, allow_inf_nan=False)]] | None = Field(
        default=None, description="{event kind: factor} multiplying that kind's move weights"
    )

    def over(self, base: SimulationSettings | None) -> SimulationSettings:
        """These settings over ``base``'s: a key given here wins."""
        if base is None:
            return self
        given = self.model_dump(exclude_unset=True, exclude_none=True)
        return base.model_copy(update=given)


class Cell(Strict):
    """One cell of a matrix: settings and variations added to the scenario's."""

    name: str
    model: str | None = None
    profile: str | None = None
    interpretation: str | None = None
    disable_rules: tuple[str, ...] = ()
    variations: tuple[Variation, ...] = ()
    expect: Expect | None = Field(default=None, description="replaces the scenario's expectations")
    simulation: SimulationSettings | None = Field(
        default=None, description="overrides the scenario's simulation settings, key by key"
    )


def _few_cells(cells: Any) -> Any:
    """A matrix has at most :data:`MAX_CELLS` cells, counted before any is read."""
    if isinstance(cells, (list, tuple)) and len(cells) > MAX_CELLS:
        raise ValueError(f"{len(cells):,} matrix cells, more than the {MAX_CELLS:,} allowed")
    return cells


def _unique_cells(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """Matrix cells have names of their own (was located at the top of the file)."""
    counts = Counter(c.name for c in cells)
    dupes = sorted(n for n, k in counts.items() if k > 1)
    if dupes:
        raise ValueError(f"matrix cell names must be unique: {', '.join(dupes)}")
    return cells


class Scenario(Strict):
    """A scenario file: the record or a variation of it, and what should happen."""

    name: str
    description: str = ""
    pack: str | None = Field(
        default=None,
        description="a dispute pack (id or folder): its model, profile and event log, unless "
        "model, profile or events are given",
    )
    model: str = Field(
        default="cambodia",
        description="built-in model name, a spec file path, or `pack:ID` (that pack's model)",
    )
    profile: str | None = Field(
        default=None,
        description="default: the model's profile; a file path, or `pack:ID` (that pack's "
        "profile: another dispute's constitution, from a pack that can be copied as it is)",
    )
    interpretation: str | None = None
    disable_rules: tuple[str, ...] = Field(
        default=(), description="rules switched off (what do the invariants catch then?)"
    )
    events: str | tuple[Event, ...] = Field(
        default="builtin", description="'builtin', an event-log file path, or a list of events"
    )
    variations: tuple[Variation, ...] = ()
    expect: Expect = Field(default_factory=Expect)
    simulation: SimulationSettings | None = Field(
        default=None,
        description="how to simulate the dispute for the `expect.simulation` claims: policy, "
        "runs and seed (all three stated), horizon, max_steps, from, smoothing, confidence, "
        "weights",
    )
    matrix: Annotated[
        tuple[Cell, ...], BeforeValidator(_few_cells), AfterValidator(_unique_cells)
    ] = ()
