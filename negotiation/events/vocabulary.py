"""The event vocabulary: the kinds an event may have and the facts each carries, as data.

The built-in vocabulary (``negotiation/data/vocabulary.yaml``) covers elections, the Assembly,
government and law, negotiation, the street and statements. A model or a dispute pack adds
kinds and facts in a file of the same shape::

    >>> v = builtin_vocabulary()
    >>> "arrest" in v, v.kinds["arrest"].facts
    (True, ('detained', 'members'))
    >>> v.facts["seats"].type
    'party_counts'
    >>> more = v.extend(load_vocabulary_text("kinds: {curfew: {description: A curfew.}}"))
    >>> "curfew" in more, "curfew" in v
    (True, False)
    >>> v.check_kind("boycot")
    "unknown event kind 'boycot'; did you mean 'boycott'?"
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from negotiation._internal import files, paths, yamldoc
from negotiation._internal.calendar import parse_iso_date
from negotiation._internal.redos import exponential
from negotiation._internal.suggest import did_you_mean
from negotiation.errors import InputError, Problem
from negotiation.events.event import MAX_COUNT

__all__ = [
    "FactDef",
    "KindDef",
    "Vocabulary",
    "VocabularyFile",
    "builtin_vocabulary",
    "kind_crosswalk",
    "load_vocabulary",
    "load_vocabulary_text",
    "vocabulary_beside",
]

KIND_ID = r"^[a-z][a-z0-9_]*$"
FactType = Literal["int", "float", "bool", "str", "date", "party_counts", "ids"]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


#: a macro of the trigger lexicon (``{PARTY}``): a list of words, one word for this check
_MACRO = re.compile(r"\{[A-Z_]+\}")


def _trigger_problem(trigger: str) -> str | None:
    """Why a trigger cannot be used: a pattern Python cannot compile for its size (``x{0,10**20}``
    was a traceback in validate and extract), or one that takes exponential time."""
    pattern = _MACRO.sub("x", trigger)
    try:
        re.compile(pattern)
    except (OverflowError, RecursionError) as exc:
        return f"invalid pattern: {exc}"
    except re.error:
        pass  # reported where the triggers are compiled, with its position
    slow = exponential(pattern)
    return None if slow is None else f"{slow}: write the inner part once"


class FactDef(_Strict):
    """A fact an event may report: its type and unit."""

    type: FactType
    unit: str = ""
    description: str = ""


class KindDef(_Strict):
    """An event kind: what it means, the facts it carries, and (for additions) its codes and
    extraction triggers."""

    description: str
    facts: tuple[str, ...] = ()
    codes: dict[str, Any] | None = Field(
        default=None, description="PLOVER/CAMEO/Goldstein/ACLED codes (built-ins: crosswalk.yaml)"
    )
    triggers: tuple[str, ...] = Field(
        default=(), description="extraction trigger patterns (built-ins: lexicon.yaml)"
    )


class VocabularyFile(_Strict):
    """Schema of a vocabulary file (the built-in one, or a model's or pack's additions)."""

    facts: dict[Annotated[str, Field(pattern=KIND_ID)], FactDef] = Field(default_factory=dict)
    kinds: dict[Annotated[str, Field(pattern=KIND_ID)], KindDef] = Field(default_factory=dict)

    #: the document it was read from, and where in it (for errors located at a line)
    _doc: yamldoc.Document | None = PrivateAttr(default=None)
    _base: tuple[str | int, ...] = PrivateAttr(default=())

    def located(self, doc: yamldoc.Document, base: tuple[str | int, ...] = ()) -> VocabularyFile:
        """This file, remembering that it was read from ``doc`` at ``base`` (errors then name a
        line)."""
        self._doc, self._base = doc, base
        return self

    def problem(self, file: str, path: tuple[str | int, ...], message: str) -> Problem:
        """A problem at ``path`` (e.g. ``("kinds", "arrest")``), at its line when known."""
        if self._doc is None:
            return Problem(file=file, message=message)
        return self._doc.problem((*self._base, *path), message)


@dataclass(frozen=True)
class Vocabulary:
    """Kinds and facts, in declaration order."""

    kinds: Mapping[str, KindDef]
    facts: Mapping[str, FactDef]
    #: where each kind and fact was defined ("kinds.arrest" -> "FILE:LINE"), for errors
    origins: Mapping[str, str] = field(default_factory=dict, compare=False)

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds

    def __hash__(self) -> int:
        return hash((tuple(self.kinds), tuple(self.facts)))

    def extend(self, more: VocabularyFile, file: str = "<vocabulary>") -> Vocabulary:
        """This vocabulary with ``more``'s kinds and facts; a kind or fact defined twice, or a
        kind naming an undeclared fact, is an error."""
        problems = [
            more.problem(
                file, ("kinds", k), f"event kind {k!r} is already defined{self._where('kinds', k)}"
            )
            for k in more.kinds
            if k in self.kinds
        ]
        problems += [
            more.problem(
                file, ("facts", f), f"fact {f!r} is already defined{self._where('facts', f)}"
            )
            for f in more.facts
            if f in self.facts
        ]
        problems += [  # extraction on a short text never ended
            more.problem(file, ("kinds", k, "triggers", i), why)
            for k, d in more.kinds.items()
            for i, trigger in enumerate(d.triggers)
            if (why := _trigger_problem(trigger)) is not None
        ]
        facts = {**self.facts, **more.facts}
        problems += [
            more.problem(
                file,
                ("kinds", k, "facts"),
                f"kind {k!r}: undeclared fact {f!r}{did_you_mean(f, facts)}",
            )
            for k, d in more.kinds.items()
            for f in d.facts
            if f not in facts
        ]
        problems += [
            more.problem(file, ("kinds", k, "codes"), f"kind {k!r}: codes: {msg}")
            for k, d in more.kinds.items()
            if (msg := _codes_problem(d.codes)) is not None
        ]
        if problems:
            raise InputError(problems)
        origins = dict(self.origins)
        for section, names in (("kinds", more.kinds), ("facts", more.facts)):
            for name in names:
                origins[f"{section}.{name}"] = _origin(more.problem(file, (section, name), ""))
        return Vocabulary({**self.kinds, **more.kinds}, facts, origins)

    def _where(self, section: str, name: str) -> str:
        origin = self.origins.get(f"{section}.{name}")
        return f" (at {origin}; a vocabulary file adds to the built-in one)" if origin else ""

    def check_kind(self, kind: str) -> str | None:
        """``None`` if ``kind`` is known, else an error message naming the nearest kinds."""
        if kind in self.kinds:
            return None
        return f"unknown event kind {kind!r}{did_you_mean(kind, self.kinds)}"

    def check_facts(self, facts: Mapping[str, Any]) -> list[str]:
        """Problems with facts that are not declared or not of their declared type."""
        out = []
        for name, value in facts.items():
            if value is None:
                continue
            fact = self.facts.get(name)
            if fact is None:
                out.append(f"undeclared fact {name!r}{did_you_mean(name, self.facts)}")
            elif not _fits(fact.type, value):
                out.append(f"fact {name!r} is {_TYPE_WORDS[fact.type]}; got {value!r}")
        return out


def _codes_problem(codes: Mapping[str, Any] | None) -> str | None:
    """Why a kind's ``codes`` are not a crosswalk (PLOVER, CAMEO, Goldstein, ACLED), if so."""
    if codes is None:
        return None
    from pydantic import ValidationError

    from negotiation.events.event import Crosswalk

    try:
        Crosswalk.model_validate(codes)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        return f"{where}: {err['msg'].removeprefix('Value error, ')}"
    return None


def kind_crosswalk(vocabulary: Vocabulary, kind: str) -> Any:
    """The codes a model's or pack's own ``kind`` declares (a ``Crosswalk``), or ``None``."""
    from negotiation.events.event import Crosswalk

    found = vocabulary.kinds.get(kind)
    if found is None or found.codes is None:
        return None
    return Crosswalk.model_validate(found.codes)


def _origin(p: Problem) -> str:
    return p.file if p.line is None else f"{p.file}:{p.line}"


_TYPE_WORDS = {
    "int": f"a whole number from 0 to {MAX_COUNT:,}",
    "float": "a finite number",
    "bool": "true or false",
    "str": "a string",
    "date": "a date",
    "party_counts": f"a mapping of party ids to whole numbers from 0 to {MAX_COUNT:,}",
    "ids": "a list of ids",
}


def _fits(t: str, v: Any) -> bool:
    if t == "int":
        return isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_COUNT
    if t == "float":
        return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
    if t == "bool":
        return isinstance(v, bool)
    if t == "str":
        return isinstance(v, str)
    if t == "date":
        return isinstance(parse_iso_date(v), dt.date)
    if t == "party_counts":
        return isinstance(v, Mapping) and all(
            isinstance(k, str) and _fits("int", n) for k, n in v.items()
        )
    return isinstance(v, list | tuple) and all(isinstance(x, str) for x in v)


def load_vocabulary(path: Path | str) -> VocabularyFile:
    """A vocabulary file (additions), validated with located errors."""
    doc = yamldoc.load(path)
    return yamldoc.parse(doc, VocabularyFile).located(doc)


def load_vocabulary_text(text: str, file: str = "<vocabulary>") -> VocabularyFile:
    doc = yamldoc.load_text(text, file)
    return yamldoc.parse(doc, VocabularyFile).located(doc)


@functools.cache
def builtin_vocabulary() -> Vocabulary:
    """The built-in vocabulary."""
    path = paths.data_dir() / "vocabulary.yaml"
    parsed = load_vocabulary(path)
    return Vocabulary({}, {}).extend(parsed, str(path))


def vocabulary_beside(extra: Path) -> tuple[Vocabulary, list[Problem]]:
    """The built-in vocabulary with the additions of ``extra`` (the ``vocabulary.yaml`` beside
    a log) when it exists, and the problems found in them (bad codes only: their kinds and
    facts still count, so that a log's are not all reported unknown)."""
    vocabulary = builtin_vocabulary()
    if not files.is_file(extra):
        return vocabulary, []
    try:
        more = load_vocabulary(extra)
    except InputError as exc:
        return vocabulary, list(exc.problems)
    try:
        return vocabulary.extend(more, str(extra)), []
    except InputError as exc:
        problems = list(exc.problems)
    try:
        bare = {k: d.model_copy(update={"codes": None}) for k, d in more.kinds.items()}
        return vocabulary.extend(more.model_copy(update={"kinds": bare}), str(extra)), problems
    except InputError:
        return vocabulary, problems
