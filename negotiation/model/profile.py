"""Constitution profiles: the numbers and texts a country's rules are parameterised by.

A profile is data (YAML). It quotes the provisions the rules encode, gives the parameters and
offers named *interpretations* where the text was argued both ways::

    >>> p = load_profile()                     # the built-in Cambodian profile
    >>> params = p.resolve("opposition_2013")
    >>> params.first_session_quorum, params.majority(123), params.two_thirds(123)
    ('min_members', 63, 82)

The parameters themselves (thresholds, time windows, dissolution powers and the resolved
:class:`~negotiation.model.parameters.Parameters`) are :mod:`negotiation.model.parameters`;
**changes** make a law or amendment passed during the dispute change parameters or provisions
from its date on.
"""

from __future__ import annotations

import datetime as dt
import functools
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, field_validator, model_validator

from negotiation._internal import paths, yamldoc
from negotiation._internal.calendar import parse_iso_date
from negotiation._internal.suggest import unknown
from negotiation.errors import InputError, Problem
from negotiation.model.parameters import (
    Need,
    Parameters,
    ParameterSet,
    Power,
    Threshold,
    Window,
    _Strict,
    derived,
    frozen_items,
)

__all__ = [
    "BUILTIN_PROFILES",
    "Change",
    "Need",
    "ParameterSet",
    "Parameters",
    "Power",
    "Profile",
    "Provision",
    "Threshold",
    "Window",
    "load_profile",
    "parse_profile",
]


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


class Interpretation(_Strict):
    description: str
    provisions: tuple[str, ...] = Field(default=(), description="provision ids it reads")
    parameters: ParameterSet = Field(default_factory=ParameterSet)


class Enactment(_Strict):
    """The event that brings a change into force: its kind and (optionally) its ``law`` fact."""

    kind: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    law: str | None = None


class Change(_Strict):
    """A law or amendment that changes parameters or provisions during the dispute.

    In force from ``effective`` (a date), or from the accepted event that ``enacted_by``
    describes (a ``law_passed`` or ``amendment_passed`` with that ``law`` fact).
    """

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
    description: str = ""
    effective: dt.date | None = None
    enacted_by: Enactment | None = None
    parameters: ParameterSet = Field(default_factory=ParameterSet)
    provisions: dict[str, Provision] = Field(default_factory=dict)

    @field_validator("effective", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        return parse_iso_date(v)

    @model_validator(mode="after")
    def _when(self) -> Change:
        if (self.effective is None) == (self.enacted_by is None):
            raise ValueError("a change has exactly one of `effective` (a date) or `enacted_by`")
        return self


class Profile(_Strict):
    """A constitution profile: provisions, parameters, interpretations and changes in time."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")]
    country: str
    constitution: str
    provisions: dict[str, Provision]
    parameters: ParameterSet
    interpretations: dict[str, Interpretation] = Field(default_factory=dict)
    default_interpretation: str | None = None
    changes: tuple[Change, ...] = Field(
        default=(), description="laws and amendments that change parameters during the dispute"
    )
    disabled_rules: tuple[str, ...] = Field(
        default=(), description="rules switched off (for testing what the invariants catch)"
    )

    @model_validator(mode="after")
    def _complete(self) -> Profile:
        if self.default_interpretation and self.default_interpretation not in self.interpretations:
            raise ValueError(
                f"default_interpretation {self.default_interpretation!r} is not defined"
            )
        for name, interp in self.interpretations.items():
            for pid in interp.provisions:
                if pid not in self.provisions:
                    raise ValueError(f"interpretation {name!r} cites unknown provision {pid!r}")
        ids = [c.id for c in self.changes]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"change ids must be unique: {', '.join(dupes)}")
        return self

    def unknown_interpretation(self, name: str) -> str:
        """Why ``name`` is no interpretation of this profile: the nearest ones, or that it has
        none (the bare 'unknown' read as if a spelling were wrong)."""
        message = unknown("interpretation", name, sorted(self.interpretations))
        if not self.interpretations:
            message += f": profile {self.id!r} has no interpretations"
        return message

    def resolve(
        self, interpretation: str | None = None, in_force: tuple[str, ...] = ()
    ) -> Parameters:
        """Parameters under ``interpretation`` (default: the profile's default one), with the
        changes named in ``in_force`` applied in that order (the order they came into force: a
        later change overrides an earlier one)."""
        name = interpretation or self.default_interpretation
        values = self.parameters.model_dump(exclude_none=True)
        if name is not None:
            if name not in self.interpretations:
                raise InputError(self.unknown_interpretation(name), file=f"profile {self.id}")
            _overlay(values, self.interpretations[name].parameters.model_dump(exclude_none=True))
        active = self._changes_in(in_force)
        for change in active:
            _overlay(values, change.parameters.model_dump(exclude_none=True))
        # sections as models again (model_dump made them dicts)
        sections = {
            "thresholds": {k: Threshold(**v) for k, v in (values.get("thresholds") or {}).items()},
            "windows": {k: Window(**v) for k, v in (values.get("windows") or {}).items()},
        }
        if values.get("dissolution") is not None:
            values["dissolution"] = tuple(Power(**p) for p in values["dissolution"])
        values.update(sections)
        thresholds, windows, powers = derived(values)
        scalars = {
            k: v for k, v in values.items() if k not in ("thresholds", "windows", "dissolution")
        }
        scalars.update(scalars.pop("custom", None) or {})
        if scalars.get("amendment_fraction"):
            scalars["amendment_fraction"] = Fraction(scalars["amendment_fraction"])
        if scalars.get("censure_fraction"):
            scalars["censure_fraction"] = Fraction(scalars["censure_fraction"])
        return Parameters(
            profile=self.id,
            interpretation=name,
            values=frozen_items(scalars),
            thresholds=frozen_items(thresholds),
            windows=frozen_items(windows),
            dissolution=powers,
            disabled_rules=frozenset(self.disabled_rules),
            in_force=tuple(c.id for c in active),
        )

    def _changes_in(self, in_force: tuple[str, ...]) -> list[Change]:
        """The changes ``in_force`` names, in its order (an id named twice counts where it is
        named last); ids of no change are left out."""
        by_id = {c.id: c for c in self.changes}
        last = {cid: i for i, cid in enumerate(in_force)}
        return [by_id[cid] for i, cid in enumerate(in_force) if cid in by_id and last[cid] == i]

    def provisions_in_force(self, in_force: tuple[str, ...] = ()) -> dict[str, Provision]:
        """Provisions with the texts of the changes in force."""
        out = dict(self.provisions)
        for change in self._changes_in(in_force):
            out.update(change.provisions)
        return out


BUILTIN_PROFILES = {"cambodia": "cambodia.yaml"}


def _references(doc: yamldoc.Document) -> list[Problem]:
    """What the profile's own names refer to, each problem at its line: a provision an
    interpretation cites, the default interpretation, change ids given twice. Read from the
    document as written (types that are wrong are the schema's to report)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    provisions = data.get("provisions")
    interpretations = data.get("interpretations")
    known = sorted(str(k) for k in provisions) if isinstance(provisions, dict) else None
    named = sorted(str(k) for k in interpretations) if isinstance(interpretations, dict) else []
    problems: list[Problem] = []
    default = data.get("default_interpretation")
    listed = interpretations is None or isinstance(interpretations, dict)  # else: the schema's
    if isinstance(default, str) and default and default not in named and listed:
        message = unknown("interpretation", default, named)
        problems.append(doc.problem(("default_interpretation",), message))
    for name, interp in interpretations.items() if isinstance(interpretations, dict) else ():
        cited = interp.get("provisions") if isinstance(interp, dict) else None
        if known is None or not isinstance(cited, list):
            continue
        for i, pid in enumerate(cited):
            if isinstance(pid, str) and pid not in known:
                where = ("interpretations", name, "provisions", i)
                message = f"interpretation {name!r} cites {unknown('provision', pid, known)}"
                problems.append(doc.problem(where, message))
    changes = data.get("changes")
    seen: dict[str, int] = {}
    for i, change in enumerate(changes if isinstance(changes, list) else []):
        cid = change.get("id") if isinstance(change, dict) else None
        if isinstance(cid, str) and cid in seen:
            pos = doc.position(("changes", seen[cid]))
            first = f" (first at line {pos[0]})" if pos else ""
            problems.append(
                doc.problem(("changes", i, "id"), f"duplicate change id {cid!r}{first}")
            )
        elif isinstance(cid, str):
            seen[cid] = i
    return problems


_KEYED_SECTIONS = ("custom", "thresholds", "windows")


def _overlay(values: dict[str, Any], over: dict[str, Any]) -> None:
    """Apply an interpretation's or a change's parameters: a scalar or the `dissolution` list
    replaces the profile's; `custom`, `thresholds` and `windows` change only the keys given (an
    interpretation setting one custom value keeps the others)."""
    for key, value in over.items():
        base = values.get(key)
        if key in _KEYED_SECTIONS and isinstance(base, dict) and isinstance(value, dict):
            values[key] = {**base, **value}
        else:
            values[key] = value


def parse_profile(doc: yamldoc.Document) -> Profile:
    """``doc`` as a :class:`Profile`; every problem located at its line (a reference to a name
    the profile does not define too, which the model's own check can only place at the top)."""
    located = _references(doc)
    try:
        profile = yamldoc.parse(doc, Profile)
    except InputError as exc:
        if not located:
            raise
        # the model's cross-check says the same as ``located`` without a place: drop it
        rest = [p for p in exc.problems if p.path or p.whole]
        raise InputError([*located, *rest]) from None
    if located:  # pragma: no cover - the model's own check fails first
        raise InputError(located)
    return profile


@functools.lru_cache(maxsize=32)
def _load_cached(path: str, mtime_ns: int, size: int) -> Profile:
    return parse_profile(yamldoc.load(path))


def load_profile(path: Path | str | None = None) -> Profile:
    """Load a profile file; ``None`` or a built-in name ("cambodia") gives a built-in one.

    Files are parsed once per content (cached on path, modification time and size)."""
    if path is None or str(path) in BUILTIN_PROFILES:
        name = BUILTIN_PROFILES["cambodia" if path is None else str(path)]
        path = paths.data_dir() / "profiles" / name
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return parse_profile(yamldoc.load(p))  # the loader reports the error
    return _load_cached(str(p), st.st_mtime_ns, st.st_size)
