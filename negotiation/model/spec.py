"""The declarative model spec: concurrent regions, the transitions events make, world fields,
and rules, conditions, effects and invariants (built-in, or written in CEL).

A dispute runs on several tracks at once. A model declares **regions**, each with its own
states; a transition acts in one or more regions (``from``/``to`` map a region to states), and
the **configuration** (one state per region) is the phase. A region declared with ``parties``
has one instance per party (``participation.cnrp``); a transition naming it acts on the
instances of the parties among the event's actors and recipients. A spec is a YAML file validated by
:class:`ModelSpec`, and loading reports every problem at its line::

    >>> spec = load_spec()
    >>> spec.region_ids(), spec.regions[0].initial
    (['phase'], 'campaign')
    >>> sorted(spec.handled_kinds())[:3]
    ['accusation', 'agreement', 'amendment_passed']

The single-track format of earlier versions (``phases:``, ``initial:``, ``from``/``to`` naming
phases) still loads: it is one region named ``phase`` (``negotiation migrate`` rewrites a file).
"""

from __future__ import annotations

import functools
import os
from collections import deque
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, WithJsonSchema, field_validator

from negotiation._internal import files, paths, yamldoc
from negotiation._internal.named import named_file
from negotiation.errors import InputError, Problem
from negotiation.events.actors import Gazetteer
from negotiation.events.vocabulary import Vocabulary, VocabularyFile, builtin_vocabulary
from negotiation.model.library.invariants import INVARIANTS
from negotiation.model.library.rules import RULES
from negotiation.model.library.schema import FieldDecl
from negotiation.model.profile import BUILTIN_PROFILES, Profile, load_profile
from negotiation.model.properties import Property

__all__ = [
    "BUILTIN_MODELS",
    "ConditionDef",
    "EffectDef",
    "InvariantDef",
    "ModelSpec",
    "Phase",
    "Region",
    "RuleDef",
    "Transition",
    "WorldDecl",
    "load_spec",
    "load_spec_text",
]

SLUG = r"^[a-z][a-z0-9_]*$"
Loc = tuple[str | int, ...]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Phase(_Strict):
    """A state of a region (in the single-track format, a phase of the dispute)."""

    id: Annotated[str, Field(pattern=SLUG)]
    description: str = ""
    final: bool = Field(default=False, description="an outcome: exploration reports reaching it")


class Region(_Strict):
    """A concurrent region: its states, its initial state and, optionally, one instance per
    party (``parties``)."""

    id: Annotated[str, Field(pattern=SLUG)]
    description: str = ""
    states: tuple[Phase, ...] = Field(min_length=1)
    initial: str
    parties: tuple[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")], ...] = Field(
        default=(), description="one instance of the region per party: region.party"
    )

    @field_validator("states", mode="before")
    @classmethod
    def _names(cls, v: Any) -> Any:
        if isinstance(v, list | tuple):
            return [{"id": s} if isinstance(s, str) else s for s in v]
        return v

    def state_ids(self) -> list[str]:
        return [s.id for s in self.states]

    def instances(self) -> list[str]:
        """The region ids it stands for: itself, or ``id.party`` for each party."""
        return [f"{self.id}.{p}" for p in self.parties] if self.parties else [self.id]


StateSet = tuple[str, ...] | Literal["*"]

#: what a file may write (the validators below accept it): one state or a list, or "*"
_FROM_SCHEMA = WithJsonSchema(
    {
        "type": "object",
        "description": "region -> state(s) it applies in: a state, a list of states, or '*'",
        "additionalProperties": {
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
        },
    }
)
#: an effect's name, or {name: argument}, as the validator below reads them
_EFFECTS_SCHEMA = WithJsonSchema(
    {
        "type": "array",
        "description": "effect names, or {name: argument}",
        "items": {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "minProperties": 1,
                    "maxProperties": 1,
                    "additionalProperties": {"type": ["string", "number", "null"]},
                },
            ]
        },
    }
)


def _states(v: Any) -> Any:
    if isinstance(v, str) and v != "*":
        return (v,)
    return v


class Transition(_Strict):
    """Events of ``kind`` move the regions in ``from`` (region -> states, or ``*``) to the
    states in ``to`` (region -> state); a transition with no ``to`` keeps every region."""

    kind: Annotated[str, Field(pattern=SLUG)]
    source: Annotated[dict[str, StateSet], _FROM_SCHEMA] = Field(
        default_factory=dict, alias="from", description="region -> state(s) it applies in"
    )
    to: dict[str, str] = Field(default_factory=dict, description="region -> target state")
    when: tuple[str, ...] = Field(default=(), description="state conditions (not rules)")
    guards: tuple[str, ...] = Field(default=(), description="rule ids that must allow it")
    effects: Annotated[tuple[tuple[str, str | None], ...], _EFFECTS_SCHEMA] = Field(
        default=(), description="effect names, or {name: argument}"
    )
    note: str = ""

    @field_validator("source", mode="before")
    @classmethod
    def _sources(cls, v: Any) -> Any:
        if isinstance(v, Mapping):
            return {k: _states(x) for k, x in v.items()}
        return v

    @field_validator("effects", mode="before")
    @classmethod
    def _effects(cls, v: Any) -> Any:
        if not isinstance(v, list | tuple):
            return v
        out: list[Any] = []
        for item in v:
            if isinstance(item, str):
                out.append((item, None))
            elif isinstance(item, dict) and len(item) == 1:
                ((name, arg),) = item.items()
                out.append((name, None if arg is None else str(arg)))
            else:
                out.append(item)
        return out


class RuleDef(_Strict):
    """A rule written in data: ``allow`` is a CEL expression over ``world``, ``event`` and
    ``params``; ``reason`` a CEL string expression saying why an event is stopped."""

    id: Annotated[str, Field(pattern=SLUG)]
    provision: str
    summary: str = ""
    allow: str = Field(min_length=1, max_length=4000)
    reason: str = Field(default="", max_length=4000)


class ConditionDef(_Strict):
    id: Annotated[str, Field(pattern=SLUG)]
    test: str = Field(min_length=1, max_length=4000, description="a CEL boolean expression")
    summary: str = ""


class EffectDef(_Strict):
    """An effect written in data: ``set`` maps world fields to CEL expressions (evaluated on the
    world before the effect)."""

    id: Annotated[str, Field(pattern=SLUG)]
    set: dict[Annotated[str, Field(pattern=SLUG)], str] = Field(min_length=1)
    summary: str = ""


class InvariantDef(_Strict):
    """An invariant written in data: ``holds`` is a CEL expression over ``before``, ``event``
    and ``after`` (the worlds around an accepted step) and ``params``."""

    id: Annotated[str, Field(pattern=SLUG)]
    provision: str
    summary: str = ""
    holds: str = Field(min_length=1, max_length=4000)
    message: str = Field(default="", max_length=4000)


class WorldDecl(_Strict):
    """World fields a model adds, and the world it starts from (a log may start mid-term)."""

    fields: dict[Annotated[str, Field(pattern=SLUG)], FieldDecl] = Field(default_factory=dict)
    initial: dict[str, Any] = Field(default_factory=dict, description="field -> value")


class ModelSpec(_Strict):
    """A dispute model: what users write to model a dispute."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")]
    description: str = ""
    profile: str = Field(default="cambodia", description="built-in profile name or a file path")
    vocabulary: VocabularyFile = Field(
        default_factory=VocabularyFile,
        description="event kinds and facts this model adds, or the file that holds them",
    )
    world: WorldDecl = Field(default_factory=WorldDecl)
    regions: tuple[Region, ...] = Field(min_length=1)
    transitions: tuple[Transition, ...] = Field(min_length=1)
    rules: tuple[RuleDef, ...] = Field(default=(), description="rules written in CEL")
    conditions: tuple[ConditionDef, ...] = Field(default=(), description="conditions in CEL")
    effects: tuple[EffectDef, ...] = Field(default=(), description="effects in CEL")
    invariants: tuple[str | InvariantDef, ...] | None = Field(
        default=None,
        description="invariant ids (built-in) or CEL invariants; default: all built-ins",
    )
    properties: tuple[Property, ...] = Field(
        default=(), description="temporal properties (precedence, response, absence), cited"
    )
    #: the document the spec was read from (its profile's problems are located in it)
    _doc: yamldoc.Document | None = PrivateAttr(default=None)

    # -- views ---------------------------------------------------------------------------------
    @property
    def source_file(self) -> str | None:
        """The file the spec was read from (``None`` for one built in memory)."""
        return self._doc.file if self._doc is not None else None

    @functools.cached_property
    def vocab(self) -> Vocabulary:
        return builtin_vocabulary().extend(self.vocabulary)

    def region_ids(self) -> list[str]:
        return [r for region in self.regions for r in region.instances()]

    def region(self, region_id: str) -> Region:
        template = region_id.split(".", 1)[0]
        return next(r for r in self.regions if r.id == template)

    @property
    def single_track(self) -> bool:
        return len(self.regions) == 1 and not self.regions[0].parties

    def phase_ids(self) -> list[str]:
        """The states of the only region (single-track models), or ``region=state`` ids."""
        if self.single_track:
            return self.regions[0].state_ids()
        return [f"{r}={s}" for r in self.region_ids() for s in self.region(r).state_ids()]

    def final_phases(self) -> list[str]:
        if self.single_track:
            return [s.id for s in self.regions[0].states if s.final]
        return [f"{r}={s.id}" for r in self.region_ids() for s in self.region(r).states if s.final]

    def handled_kinds(self) -> set[str]:
        return {t.kind for t in self.transitions}

    def invariant_ids(self) -> tuple[str, ...]:
        if self.invariants is None:
            return tuple(INVARIANTS)
        return tuple(i if isinstance(i, str) else i.id for i in self.invariants)

    def rule_ids(self) -> set[str]:
        return set(RULES) | {r.id for r in self.rules}

    def provision_of(self, item: str) -> str | None:
        """The provision id a rule, invariant or property (by id) cites."""
        for r in self.rules:
            if r.id == item:
                return r.provision
        for i in self.invariants or ():
            if not isinstance(i, str) and i.id == item:
                return i.provision
        for p in self.properties:
            if p.id == item:
                return p.provision
        found = RULES.get(item) or INVARIANTS.get(item)
        return found.provision if found else None

    # -- checks --------------------------------------------------------------------------------
    def structural_problems(self, doc: yamldoc.Document | None = None) -> list[Problem]:
        """Unknown regions, states, kinds, rules, effects; unreachable states; dead ends."""
        from negotiation.model.check import structural_problems

        return structural_problems(self, doc)


BUILTIN_MODELS = {"cambodia": "cambodia.yaml"}


def _legacy(data: Any) -> Any:
    """The single-track format (``phases``, ``initial``, ``from``/``to`` naming phases) as one
    region named ``phase``."""
    if not isinstance(data, dict) or "phases" not in data or "regions" in data:
        return data
    out = {k: v for k, v in data.items() if k not in ("phases", "initial")}
    out["regions"] = [{"id": "phase", "states": data["phases"], "initial": data.get("initial")}]
    transitions = []
    for t in data.get("transitions") or []:
        if isinstance(t, dict):
            t = dict(t)
            if "from" in t and not isinstance(t["from"], dict):
                t["from"] = {"phase": t["from"]}
            if "to" in t:
                t["to"] = (
                    {}
                    if t["to"] is None
                    else ({"phase": t["to"]} if not isinstance(t["to"], dict) else t["to"])
                )
        transitions.append(t)
    out["transitions"] = transitions
    return out


def migrate(data: Any) -> Any:
    """A single-track spec (parsed YAML) rewritten in the regions format; others unchanged."""
    return _legacy(data)


def _vocabulary_file(doc: yamldoc.Document, data: Any, base_dir: Path | None) -> Any:
    """``vocabulary: file.yaml`` (a dispute's vocabulary additions, shared with its event log)
    read in place; a missing or invalid file is an error located in that file."""
    if not isinstance(data, dict) or not isinstance(data.get("vocabulary"), str):
        return data
    from negotiation.events.vocabulary import load_vocabulary

    path = (base_dir or Path(".")) / data["vocabulary"]
    if not os.path.lexists(path):
        raise InputError(
            doc.problem(
                ["vocabulary"], f"vocabulary file not found: {path} (relative to the model)"
            )
        )
    with named_file(doc, ("vocabulary",), "vocabulary", named=path):
        more = load_vocabulary(path)
        builtin_vocabulary().extend(more, str(path))  # a kind defined twice: located there
    return {**data, "vocabulary": more.model_dump(exclude_defaults=True)}


def _load_doc(doc: yamldoc.Document, base_dir: Path | None) -> ModelSpec:
    data = _legacy(doc.data)
    if data is not doc.data:  # locations: map the region paths back onto the original lines
        doc = yamldoc.Document(doc.file, data, _legacy_positions(doc))
    data = _vocabulary_file(doc, data, base_dir)
    spec = yamldoc.parse(doc, ModelSpec, data=data)
    if data is doc.data:  # written inline: a kind defined twice is located in the model
        builtin_vocabulary().extend(spec.vocabulary.located(doc, ("vocabulary",)), doc.file)
    problems = spec.structural_problems(doc)
    if problems:
        raise InputError(problems)
    spec._doc = doc  # a profile that does not fit the model: located in both files
    if spec.profile in BUILTIN_PROFILES:
        return spec
    if base_dir is not None and not Path(spec.profile).is_absolute():
        path = base_dir / spec.profile
        if not os.path.lexists(path):
            known = ", ".join(sorted(BUILTIN_PROFILES))
            raise InputError(
                doc.problem(
                    ["profile"],
                    f"profile file not found: {path} (relative to the model; built-in "
                    f"profiles: {known})",
                )
            )
        spec = spec.model_copy(update={"profile": str(path)})
        spec._doc = doc  # the profile file is read when the model is compiled: located here
    return spec


def profile_of(spec: ModelSpec) -> Profile:
    """The profile ``spec`` names, read with a problem located where the model names it."""
    with named_file(spec._doc, ("profile",), "profile", named=spec.profile):
        return load_profile(spec.profile)


def _legacy_positions(doc: yamldoc.Document) -> dict[Any, tuple[int, int]]:
    out = dict(doc.positions)
    for path, pos in doc.positions.items():
        if path and path[0] == "phases":
            out[("regions", 0, "states", *path[1:])] = pos
        elif path and path[0] == "initial":
            out[("regions", 0, "initial")] = pos
        elif len(path) >= 3 and path[0] == "transitions" and path[2] in ("from", "to"):
            out[(*path[:3], "phase", *path[3:])] = pos
    return out


@functools.lru_cache(maxsize=32)
def _load_cached(path: str, mtime_ns: int, size: int) -> ModelSpec:
    return _load_doc(yamldoc.load(path), Path(path).parent)


def load_spec(path: Path | str | None = None) -> ModelSpec:
    """Load and check a model spec; ``None`` or a built-in name gives the reference model."""
    if path is None or str(path) in BUILTIN_MODELS:
        path = (
            paths.data_dir() / "models" / BUILTIN_MODELS["cambodia" if path is None else str(path)]
        )
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return _load_doc(yamldoc.load(p), p.parent)  # the loader reports the error
    return _load_cached(str(p), st.st_mtime_ns, st.st_size)


def load_spec_text(text: str, file: str = "<model>") -> ModelSpec:
    return _load_doc(yamldoc.load_text(text, file), None)


def reachable(spec: ModelSpec) -> dict[str, set[str]]:
    """Per region (template id): the states reachable from its initial state, ignoring guards."""
    out: dict[str, set[str]] = {}
    for region in spec.regions:
        edges: dict[str, set[str]] = {s: set() for s in region.state_ids()}
        for t in spec.transitions:
            target = t.to.get(region.id)
            if target is None:
                continue
            src = t.source.get(region.id, "*")
            for s in region.state_ids() if src == "*" else src:
                if s in edges and s != target:
                    edges[s].add(target)
        seen, queue = {region.initial}, deque([region.initial])
        while queue:
            for nxt in edges.get(queue.popleft(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        out[region.id] = seen
    return out


def dispute_actors(spec: ModelSpec) -> tuple[Gazetteer, str] | None:
    """The gazetteer of the dispute ``spec`` was written for, and its file: ``actors.yaml``
    beside the model file (the built-in actors for the built-in model); ``None`` when the model
    has no file or no actors beside it (what names an actor cannot be checked then)."""
    from negotiation.events.log import ACTORS_FILE, load_actors

    if spec.source_file is None:
        return None
    here = Path(spec.source_file).parent
    builtin = paths.data_dir() / "models"
    path = paths.seeds_dir() / ACTORS_FILE if _same(here, builtin) else here / ACTORS_FILE
    if not files.is_file(path):
        return None
    return load_actors(path), str(path)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a symlink loop: not the same folder as anything
        return False


__all__ += ["dispute_actors", "migrate", "profile_of", "reachable"]
