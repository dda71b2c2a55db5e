"""Constitution profiles: the numbers and texts a country's rules are parameterised by.

A profile is data (YAML). It quotes the provisions the rules encode, gives the parameters
(term, majorities, quorum, deadlines) and offers named *interpretations* where the text was
argued both ways::

    >>> p = load_profile()                     # the built-in Cambodian profile
    >>> params = p.resolve("opposition_2013")
    >>> params.first_session_quorum, params.majority(123), params.two_thirds(123)
    ('min_members', 63, 82)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from negotiation._internal import yamldoc
from negotiation._internal.paths import data_dir
from negotiation._internal.suggest import unknown
from negotiation.errors import InputError

__all__ = ["BUILTIN_PROFILES", "Parameters", "Profile", "Provision", "load_profile"]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Provision(_Strict):
    """A constitutional (or statutory) text a rule encodes, quoted."""

    article: str = Field(description="e.g. 'Article 78'")
    text: str = Field(description="the quoted wording")
    source: str = Field(description="which text/translation the quote is from")
    uncertain: bool = Field(default=False, description="wording or reading not established")
    note: str = ""

    def cite(self) -> str:
        flag = " [UNCERTAIN]" if self.uncertain else ""
        return f"{self.article}{flag}: “{self.text}” ({self.source})"


Quorum = Literal["majority", "min_members"]
Majority = Literal["more_than_half", "half_plus_one"]
Basis = Literal["election", "results"]


class ParameterSet(_Strict):
    """Every parameter optional, so that interpretations can override a few of them."""

    min_members: int | None = None
    term_years: int | None = None
    majority_rule: Majority | None = None
    amendment_fraction: str | None = Field(default=None, pattern=r"^\d+/\d+$")
    censure_fraction: str | None = Field(default=None, pattern=r"^\d+/\d+$")
    dismissals_for_dissolution: int | None = None
    dismissal_window_months: int | None = None
    first_session_days: int | None = None
    first_session_from: Basis | None = None
    first_session_quorum: Quorum | None = None
    election_after_dissolution_days: int | None = None


class Interpretation(_Strict):
    description: str
    provisions: tuple[str, ...] = Field(default=(), description="provision ids it reads")
    parameters: ParameterSet = Field(default_factory=ParameterSet)


@dataclass(frozen=True)
class Parameters:
    """A profile's parameters with one interpretation applied: what the rules read."""

    profile: str
    interpretation: str | None
    min_members: int
    term_years: int
    majority_rule: Majority
    amendment_fraction: Fraction
    censure_fraction: Fraction
    dismissals_for_dissolution: int
    dismissal_window_months: int
    first_session_days: int
    first_session_from: Basis
    first_session_quorum: Quorum
    election_after_dissolution_days: int
    disabled_rules: frozenset[str]

    def majority(self, total: int) -> int:
        """Votes for an absolute majority of ``total`` members."""
        if self.majority_rule == "more_than_half":
            return total // 2 + 1
        return (total + 3) // 2  # "50 percent plus one", rounded up: 123 -> 62.5 -> 63

    def two_thirds(self, total: int) -> int:
        """Votes for an amendment (the profile's fraction, two thirds in Cambodia)."""
        return _ceil_share(self.amendment_fraction, total)

    def censure(self, total: int) -> int:
        return _ceil_share(self.censure_fraction, total)


def _ceil_share(fraction: Fraction, total: int) -> int:
    """The smallest whole number of members that is at least ``fraction`` of ``total``
    (exact integer arithmetic: these run at every step of replay and exploration)."""
    return -(-total * fraction.numerator // fraction.denominator)


class Profile(_Strict):
    """A constitution profile: provisions, parameters and named interpretations."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")]
    country: str
    constitution: str
    provisions: dict[str, Provision]
    parameters: ParameterSet
    interpretations: dict[str, Interpretation] = Field(default_factory=dict)
    default_interpretation: str | None = None
    disabled_rules: tuple[str, ...] = Field(
        default=(), description="rules switched off (for testing what the invariants catch)"
    )

    @model_validator(mode="after")
    def _complete(self) -> Profile:
        missing = [k for k, v in self.parameters.model_dump().items() if v is None]
        if missing:
            raise ValueError(f"parameters missing: {', '.join(missing)}")
        if self.default_interpretation and self.default_interpretation not in self.interpretations:
            raise ValueError(
                f"default_interpretation {self.default_interpretation!r} is not defined"
            )
        for name, interp in self.interpretations.items():
            for pid in interp.provisions:
                if pid not in self.provisions:
                    raise ValueError(f"interpretation {name!r} cites unknown provision {pid!r}")
        return self

    def resolve(self, interpretation: str | None = None) -> Parameters:
        """Parameters under ``interpretation`` (default: the profile's default one)."""
        name = interpretation or self.default_interpretation
        values = self.parameters.model_dump()
        if name is not None:
            if name not in self.interpretations:
                raise InputError(
                    unknown("interpretation", name, sorted(self.interpretations)),
                    file=f"profile {self.id}",
                )
            values.update(self.interpretations[name].parameters.model_dump(exclude_none=True))
        return Parameters(
            profile=self.id,
            interpretation=name,
            min_members=values["min_members"],
            term_years=values["term_years"],
            majority_rule=values["majority_rule"],
            amendment_fraction=Fraction(values["amendment_fraction"]),
            censure_fraction=Fraction(values["censure_fraction"]),
            dismissals_for_dissolution=values["dismissals_for_dissolution"],
            dismissal_window_months=values["dismissal_window_months"],
            first_session_days=values["first_session_days"],
            first_session_from=values["first_session_from"],
            first_session_quorum=values["first_session_quorum"],
            election_after_dissolution_days=values["election_after_dissolution_days"],
            disabled_rules=frozenset(self.disabled_rules),
        )


BUILTIN_PROFILES = {"cambodia": "cambodia.yaml"}


def load_profile(path: Path | str | None = None) -> Profile:
    """Load a profile file; ``None`` or a built-in name ("cambodia") gives a built-in one."""
    if path is None or str(path) in BUILTIN_PROFILES:
        name = BUILTIN_PROFILES["cambodia" if path is None else str(path)]
        path = data_dir() / "profiles" / name
    doc = yamldoc.load(path)
    return yamldoc.parse(doc, Profile)
