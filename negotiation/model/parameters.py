"""The parameters of a constitution profile: thresholds, time windows, dissolution powers and
the scalar values the rules read, and :class:`Parameters`, one interpretation of a profile
resolved (what the rules see at every step).

Thresholds are exact fractions of a stated base, ``at_least`` or ``more_than`` ("more than
half" of 500 is 251; "at least half" is 250), or fixed numbers::

    >>> Threshold(share="1/2", rule="more_than").votes(500), Threshold(share="1/2").votes(500)
    (251, 250)
    >>> Threshold(fixed=120).votes(123)
    120
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "Need",
    "ParameterSet",
    "Parameters",
    "Power",
    "Share",
    "Threshold",
    "Window",
    "derived",
    "frozen_items",
]

FRACTION = r"^\d{1,6}/\d{1,6}$"


def _nonzero(v: str) -> str:
    if int(v.partition("/")[2]) == 0:  # was a ZeroDivisionError traceback from Fraction(v)
        raise ValueError(f"{v} divides by zero, expected a fraction like 2/3")
    return v


#: a fraction written ``n/d`` (``13/20``), every share in a profile
Share = Annotated[str, Field(pattern=FRACTION), AfterValidator(_nonzero)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


Quorum = Literal["majority", "min_members"]
Majority = Literal["more_than_half", "half_plus_one"]
Basis = Literal["election", "results"]


class Threshold(_Strict):
    """How many members a vote (or a quorum) needs: a share of a base, or a fixed number.

    ``base``: ``total`` (the Assembly's seats), ``elected`` (total less the reserved seats
    counted in it), ``all_members`` (total plus reserved seats filled apart from the election)
    or ``present`` (members who sit: boycotters do not).
    """

    share: Share | None = Field(default=None)
    rule: Literal["at_least", "more_than", "half_plus_one"] = "at_least"
    base: Literal["total", "elected", "present", "all_members"] = "total"
    fixed: Annotated[int, Field(ge=0, le=1_000_000)] | None = None

    @model_validator(mode="after")
    def _one(self) -> Threshold:
        if (self.share is None) == (self.fixed is None) and self.rule != "half_plus_one":
            raise ValueError("a threshold has exactly one of `share` or `fixed`")
        if self.share is not None and Fraction(self.share) > 1:
            raise ValueError(f"share {self.share} is more than the whole")
        return self

    def votes(self, base: int) -> int:
        """Members needed out of ``base``."""
        if self.fixed is not None:
            return self.fixed
        if self.rule == "half_plus_one":  # "50 percent plus one", rounded up: 123 -> 63
            return (base + 3) // 2
        f = Fraction(self.share or "1/2")
        if self.rule == "more_than":
            return base * f.numerator // f.denominator + 1
        return -(-base * f.numerator // f.denominator)

    def describe(self) -> str:
        if self.fixed is not None:
            return f"{self.fixed} members"
        if self.rule == "half_plus_one":
            return f"half plus one of the {self.base} members"
        words = "more than" if self.rule == "more_than" else "at least"
        return f"{words} {self.share} of the {self.base} members"


class Window(_Strict):
    """Days allowed between a starting event and the one the window governs."""

    min_days: Annotated[int, Field(ge=0, le=100_000)] = 0
    max_days: Annotated[int, Field(ge=0, le=100_000)] | None = None
    start: Basis = Field(default="election", description="first session: from election or results")

    @model_validator(mode="after")
    def _order(self) -> Window:
        if self.max_days is not None and self.max_days < self.min_days:
            raise ValueError(f"max_days {self.max_days} is below min_days {self.min_days}")
        return self

    def describe(self) -> str:
        if self.max_days is None:
            return f"at least {self.min_days} days"
        if self.min_days:
            return f"{self.min_days} to {self.max_days} days"
        return f"no more than {self.max_days} days"


class Power(_Strict):
    """A power to dissolve: who, after how many dismissals, how many months after election day."""

    by: tuple[str, ...] = Field(
        default=(), description="actor ids who may dissolve (any of them acting); empty: anyone"
    )
    after_dismissals: Annotated[int, Field(ge=0, le=100)] = Field(
        default=0, description="the government deposed this many times within window_months"
    )
    window_months: Annotated[int, Field(ge=1, le=1200)] = 12
    not_within_months_of_election: Annotated[int, Field(ge=0, le=1200)] = 0
    at_most_once_in_months: Annotated[int, Field(ge=0, le=1200)] = Field(
        default=0, description="no second dissolution within this many months (0: no limit)"
    )
    note: str = ""


class ParameterSet(_Strict):
    """Every parameter optional, so that interpretations and changes can override a few.

    A model's rules say which parameters they read; a profile gives those it needs.
    """

    min_members: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    reserved_seats: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    term_years: Annotated[int, Field(ge=1, le=100)] | None = None
    majority_rule: Majority | None = None
    amendment_fraction: Share | None = None
    censure_fraction: Share | None = None
    dismissals_for_dissolution: Annotated[int, Field(ge=0, le=100)] | None = None
    dismissal_window_months: Annotated[int, Field(ge=1, le=1200)] | None = None
    first_session_days: Annotated[int, Field(ge=0, le=100_000)] | None = None
    first_session_from: Basis | None = None
    first_session_quorum: Quorum | None = None
    election_after_dissolution_days: Annotated[int, Field(ge=0, le=100_000)] | None = None
    boycott_forfeits_seats: bool | None = None
    dissolved_party_seats: Literal["vacant", "reallocated"] | None = None
    thresholds: dict[str, Threshold] | None = None
    windows: dict[str, Window] | None = None
    dissolution: tuple[Power, ...] | None = None
    custom: dict[str, int | float | bool | str] | None = Field(
        default=None, description="further named values, for rules written in data (params.custom)"
    )

    @field_validator("amendment_fraction", "censure_fraction")
    @classmethod
    def _proper(cls, v: str | None) -> str | None:
        if v is not None and (Fraction(v) > 1 or Fraction(v) == 0):
            raise ValueError(f"{v} is not a share between 0 and 1")
        return v


def frozen_items(d: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(d.items()))


class Need:
    """A threshold as the rules use it at every step: its votes per base, memoised."""

    __slots__ = ("_cache", "base", "fixed", "threshold")

    def __init__(self, threshold: Threshold) -> None:
        self.threshold = threshold
        self.base = threshold.base
        self.fixed = threshold.fixed
        self._cache: dict[int, int] = {}

    def __reduce__(self) -> tuple[Any, ...]:
        return (Need, (self.threshold,))

    def votes(self, base: int) -> int:
        found = self._cache.get(base)
        if found is None:
            found = self._cache[base] = self.threshold.votes(base)
        return found

    def describe(self) -> str:
        return self.threshold.describe()


@dataclass(frozen=True)
class Parameters:
    """A profile's parameters with one interpretation (and the changes in force) applied:
    what the rules read. Hashable and picklable."""

    profile: str
    interpretation: str | None
    values: tuple[tuple[str, Any], ...]
    thresholds: tuple[tuple[str, Threshold], ...]
    windows: tuple[tuple[str, Window], ...]
    dissolution: tuple[Power, ...]
    disabled_rules: frozenset[str]
    in_force: tuple[str, ...] = ()
    _values: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _needs: dict[str, Need] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _windows: dict[str, Window] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_values", dict(self.values))
        # the rules ask these at every step: plain dictionaries, votes memoised by base
        object.__setattr__(self, "_needs", {name: Need(t) for name, t in self.thresholds})
        object.__setattr__(self, "_windows", dict(self.windows))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return self.__dict__["_values"][name]
        except KeyError:
            raise AttributeError(f"profile parameter {name!r}") from None

    def get(self, name: str) -> Any:
        """A parameter's value, ``None`` when the profile does not give it."""
        return self._values.get(name)

    def threshold(self, name: str) -> Need | None:
        return self._needs.get(name)

    def window(self, name: str) -> Window | None:
        return self._windows.get(name)

    def majority(self, total: int) -> int:
        """Votes for an absolute majority of ``total`` members (the confidence threshold)."""
        t = self._needs.get("confidence")
        return t.votes(total) if t is not None else total // 2 + 1

    def two_thirds(self, total: int) -> int:
        """Votes for an amendment (the profile's share, two thirds in Cambodia)."""
        t = self._needs.get("amendment")
        return t.votes(total) if t is not None else -(-total * 2 // 3)

    def censure(self, total: int) -> int:
        t = self._needs.get("censure")
        return t.votes(total) if t is not None else -(-total * 2 // 3)

    def to_json(self) -> dict[str, Any]:
        return {
            "profile": self.profile,
            "interpretation": self.interpretation,
            "in_force": list(self.in_force),
            **{k: v for k, v in self.values},
            "thresholds": {k: t.model_dump(exclude_none=True) for k, t in self.thresholds},
            "windows": {k: w.model_dump(exclude_none=True) for k, w in self.windows},
            "dissolution": [p.model_dump() for p in self.dissolution],
        }


def derived(
    values: dict[str, Any],
) -> tuple[dict[str, Threshold], dict[str, Window], tuple[Power, ...]]:
    """Thresholds, windows and powers, from the explicit sections and the scalar parameters."""
    thresholds: dict[str, Threshold] = {}
    if values.get("majority_rule") is not None:
        rule = values["majority_rule"]
        thresholds["confidence"] = (
            Threshold(rule="half_plus_one")
            if rule == "half_plus_one"
            else Threshold(share="1/2", rule="more_than")
        )
    if values.get("amendment_fraction") is not None:
        thresholds["amendment"] = Threshold(share=values["amendment_fraction"])
    if values.get("censure_fraction") is not None:
        thresholds["censure"] = Threshold(share=values["censure_fraction"])
    quorum = values.get("first_session_quorum")
    if quorum == "min_members" and values.get("min_members") is not None:
        thresholds["opening_quorum"] = Threshold(fixed=values["min_members"])
    elif quorum == "majority" and "confidence" in thresholds:
        thresholds["opening_quorum"] = thresholds["confidence"]
    thresholds.update(values.get("thresholds") or {})
    windows: dict[str, Window] = {}
    if values.get("first_session_days") is not None:
        windows["first_session"] = Window(
            max_days=values["first_session_days"],
            start=values.get("first_session_from") or "election",
        )
    if values.get("election_after_dissolution_days") is not None:
        windows["election_after_dissolution"] = Window(
            max_days=values["election_after_dissolution_days"]
        )
    windows.update(values.get("windows") or {})
    powers: tuple[Power, ...] = ()
    if values.get("dismissals_for_dissolution") is not None:
        powers = (
            Power(
                after_dismissals=values["dismissals_for_dissolution"],
                window_months=values.get("dismissal_window_months") or 12,
            ),
        )
    if values.get("dissolution") is not None:
        powers = tuple(values["dissolution"])
    return thresholds, windows, powers
