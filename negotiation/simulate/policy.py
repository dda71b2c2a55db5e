"""Actor policies: what each actor does next, and after how many days, in each configuration.

A policy file (YAML, validated with located errors) lists actors (or roles), each with rules
tried in order; the first rule whose ``when`` matches the configuration of regions (and whose
optional ``world`` CEL predicate holds) gives that actor's moves and waiting time::

    id: talks-first
    description: both parties prefer talks to the street
    wait: {exponential: 20}          # default waiting time, mean days
    outcomes:                        # named outcomes besides the regions' final states
      settled_early: {when: {talks: settled}}
      early_election: {kind: early_election}
    actors:
      - actor: cpp
        weight: 2                    # how often this actor is the one who moves
        rules:
          - when: {talks: [royal, working_group]}
            wait: {empirical: [1, 3, 7, 30]}
            moves:
              - {kind: settlement, weight: 1, recipients: [cnrp]}
              - kind: talks_broken_off
                weight: 3
                facts: [{weight: 1, value: {subject: seats}}, {weight: 2, value: {}}]

At each step one actor is drawn among those with a matching rule (by ``weight``), then one of
that rule's moves (by ``weight``), then one of the move's fact variants; the event is dated
after a waiting time drawn from the rule's ``wait`` (or the policy's).
"""

from __future__ import annotations

import bisect
import functools
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from negotiation._internal import yamldoc
from negotiation.errors import InputError, ModelError, Problem
from negotiation.events import Event, Facts, Gazetteer
from negotiation.model.compiled import CompiledModel, State
from negotiation.model.spec import dispute_actors

__all__ = [
    "ActorPolicy",
    "Move",
    "MoveSpec",
    "OutcomeSpec",
    "Policy",
    "PolicyFile",
    "PolicyRule",
    "RuleSpec",
    "Wait",
    "WaitSpec",
    "load_policy",
    "parse_policy",
]

Weight = Annotated[float, Field(ge=0, allow_inf_nan=False)]
States = str | list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FactsVariant(_Strict):
    weight: Weight = 1.0
    value: dict[str, Any] = Field(default_factory=dict)


class MoveSpec(_Strict):
    kind: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    weight: Weight = 1.0
    actors: list[str] | None = Field(default=None, description="default: the policy's actor")
    recipients: list[str] = Field(default_factory=list)
    facts: list[FactsVariant] = Field(default_factory=list)


#: the longest wait, in days: the span of the dates a file may give (1800-01-01 .. 2200-12-31);
#: a longer mean drew an infinite wait (an OverflowError traceback at run time)
MAX_WAIT = 146_461


class WaitSpec(_Strict):
    """Days until the next event: exponential with this mean, or drawn from observed gaps."""

    exponential: Annotated[float, Field(gt=0, le=MAX_WAIT, allow_inf_nan=False)] | None = None
    empirical: (
        Annotated[list[Annotated[int, Field(ge=0, le=MAX_WAIT)]], Field(min_length=1)] | None
    ) = None

    @model_validator(mode="after")
    def _one(self) -> WaitSpec:
        if (self.exponential is None) == (self.empirical is None):
            raise ValueError("give exactly one of `exponential` (mean days) or `empirical` (gaps)")
        return self


class RuleSpec(_Strict):
    when: dict[str, States] = Field(default_factory=dict)
    world: str | None = Field(default=None, description="a CEL predicate on the world")
    wait: WaitSpec | None = None
    moves: Annotated[list[MoveSpec], Field(min_length=1)]


class ActorSpec(_Strict):
    actor: str
    weight: Weight = 1.0
    rules: list[RuleSpec]


class OutcomeSpec(_Strict):
    """Reached when the configuration matches ``when`` or an event of ``kind`` is accepted."""

    when: dict[str, States] | None = None
    kind: str | None = None

    @model_validator(mode="after")
    def _one(self) -> OutcomeSpec:
        if (self.when is None) == (self.kind is None):
            raise ValueError("give exactly one of `when` (regions) or `kind` (an event kind)")
        return self


class PolicyFile(_Strict):
    """Schema of a policy file."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")]
    description: str = ""
    wait: WaitSpec = Field(default_factory=lambda: WaitSpec(exponential=30.0))
    outcomes: dict[str, OutcomeSpec] = Field(default_factory=dict)
    actors: Annotated[list[ActorSpec], Field(min_length=1)]


# -- the compiled policy -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Wait:
    mean: float | None  # exponential with this mean ...
    gaps: tuple[int, ...] = ()  # ... or one of these gaps

    def draw(self, rng: random.Random) -> int:
        if self.mean is not None:
            return int(rng.expovariate(1.0 / self.mean))  # whole days, 0 allowed
        return self.gaps[int(rng.random() * len(self.gaps))]

    @staticmethod
    def of(spec: WaitSpec) -> Wait:
        if spec.exponential is not None:
            return Wait(spec.exponential)
        return Wait(None, tuple(spec.empirical or ()))


@dataclass(frozen=True, slots=True)
class Move:
    """One kind of event, with its weighted variants (actors, recipients, facts)."""

    kind: str
    weight: float
    variants: tuple[Event, ...]  # templates, dated and numbered when drawn
    cumulative: tuple[float, ...]

    def draw(self, rng: random.Random) -> Event:
        if len(self.variants) == 1:
            return self.variants[0]
        return self.variants[_pick(self.cumulative, rng)]


@dataclass(frozen=True, slots=True)
class PolicyRule:
    when: tuple[tuple[int, frozenset[str]], ...]  # (region index, allowed states)
    world: Any  # an Expression, or None
    wait: Wait
    moves: tuple[Move, ...]
    cumulative: tuple[float, ...]

    def matches(self, config: tuple[str, ...]) -> bool:
        return all(config[r] in allowed for r, allowed in self.when)


@dataclass(frozen=True, slots=True)
class ActorPolicy:
    actor: str
    weight: float
    rules: tuple[PolicyRule, ...]


@dataclass
class Policy:
    """A policy compiled against one model: region names resolved to indices."""

    id: str
    description: str
    actors: tuple[ActorPolicy, ...]
    outcomes: tuple[tuple[str, tuple[tuple[int, frozenset[str]], ...] | None, str | None], ...]
    source: str = "<policy>"
    notes: tuple[str, ...] = ()
    _choices: dict[tuple[str, ...], tuple[tuple[PolicyRule, ...], tuple[float, ...]]] = field(
        default_factory=dict, repr=False
    )

    def choices(self, state: State) -> tuple[tuple[PolicyRule, ...], tuple[float, ...]]:
        """The rule each actor follows in ``state`` and the cumulative actor weights (cached
        per configuration and the values of the world fields the predicates read)."""
        key: Any = state.config
        if self._reads:
            key = (state.config, tuple(_hashable(state.world.get(f)) for f in self._reads))
        found = self._choices.get(key)
        if found is not None:
            return found
        rules: list[PolicyRule] = []
        weights: list[float] = []
        for actor in self.actors:
            for rule in actor.rules:
                if not rule.matches(state.config):
                    continue
                if rule.world is not None:
                    holds = rule.world.evaluate(world=state.world)
                    if not isinstance(holds, bool):  # was taken for its truth: 1, [] ...
                        raise ModelError(f"{rule.world.what} gave {holds!r}, not true or false")
                    if not holds:
                        continue
                if actor.weight > 0 and rule.cumulative and rule.cumulative[-1] > 0:
                    rules.append(rule)
                    weights.append(actor.weight)
                break
        found = (tuple(rules), _cumulate(weights))
        self._choices[key] = found
        return found

    @functools.cached_property
    def _reads(self) -> tuple[str, ...]:
        fields: set[str] = set()
        for actor in self.actors:
            for rule in actor.rules:
                if rule.world is not None:
                    fields |= set(rule.world.fields)
        return tuple(sorted(fields))

    def reweighted(self, factors: Mapping[str, float]) -> Policy:
        """This policy with the weight of each move of a kind in ``factors`` multiplied."""
        actors = []
        for a in self.actors:
            rules = []
            for r in a.rules:
                moves = tuple(
                    Move(m.kind, m.weight * factors.get(m.kind, 1.0), m.variants, m.cumulative)
                    for m in r.moves
                )
                rules.append(
                    PolicyRule(r.when, r.world, r.wait, moves, _cumulate(m.weight for m in moves))
                )
            actors.append(ActorPolicy(a.actor, a.weight, tuple(rules)))
        return Policy(self.id, self.description, tuple(actors), self.outcomes, self.source)


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, (list, set, frozenset)):
        return tuple(sorted(_hashable(v) for v in value))
    return value


def _cumulate(weights: Any) -> tuple[float, ...]:
    out: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        out.append(total)
    return tuple(out)


def _pick(cumulative: Sequence[float], rng: random.Random) -> int:
    i = bisect.bisect_right(cumulative, rng.random() * cumulative[-1])
    return min(i, len(cumulative) - 1)


# -- loading ---------------------------------------------------------------------------------


def load_policy(path: Path | str, model: CompiledModel) -> Policy:
    """Read and check a policy file against ``model`` (located :class:`InputError`)."""
    return parse_policy(yamldoc.load(path), model)


def parse_policy(doc: yamldoc.Document, model: CompiledModel) -> Policy:
    """Check a policy document against ``model``: every problem, located, in one error."""
    spec = yamldoc.parse(doc, PolicyFile)
    check = _Checker(doc, model)
    default_wait = Wait.of(spec.wait)
    actors: list[ActorPolicy] = []
    first: dict[str, int] = {}
    for a, actor in enumerate(spec.actors):
        check.actor(actor.actor, ("actors", a, "actor"))
        if actor.actor in first:  # was taken: two entries, two chances to move
            check.fail(
                ("actors", a, "actor"),
                f"actor {actor.actor!r} is listed twice (first as actors[{first[actor.actor]}]): "
                "expected one entry per actor, its rules together",
            )
        first.setdefault(actor.actor, a)
        rules: list[PolicyRule] = []
        for r, rule in enumerate(actor.rules):
            where: tuple[str | int, ...] = ("actors", a, "rules", r)
            when = check.regions(rule.when, (*where, "when"))
            world = check.predicate(rule.world, (*where, "world"))
            moves = check.moves(rule.moves, actor.actor, (*where, "moves"))
            wait = Wait.of(rule.wait) if rule.wait is not None else default_wait
            rules.append(
                PolicyRule(when, world, wait, tuple(moves), _cumulate(x.weight for x in moves))
            )
        actors.append(ActorPolicy(actor.actor, actor.weight, tuple(rules)))
    movers = [a for a in actors if a.weight > 0 and any(r.cumulative[-1:] > (0,) for r in a.rules)]
    if actors and not movers and not check.problems:
        # was taken: every run ended where it began, 0 steps, and its shares were printed
        check.fail(
            ("actors",),
            "no actor can ever move (every actor's weight or every move's "
            "weight is 0): expected a weight above 0 for one actor and one of its moves",
        )
    outcomes = []
    for name, out in spec.outcomes.items():
        if out.kind is not None:
            check.kind(out.kind, ("outcomes", name, "kind"))
        match = None if out.when is None else check.regions(out.when, ("outcomes", name, "when"))
        outcomes.append((name, match, out.kind))
    if check.problems:
        raise InputError(check.problems)
    return Policy(spec.id, spec.description, tuple(actors), tuple(outcomes), doc.file)


class _Checker:
    """Resolves a policy's names against a model, collecting located problems."""

    def __init__(self, doc: yamldoc.Document, model: CompiledModel) -> None:
        self.doc, self.model = doc, model
        self.problems: list[Problem] = []
        self.index = {r: i for i, r in enumerate(model.regions)}
        # a per-party region answers to its template id: `participation` for `participation.cnrp`
        self.templates: dict[str, list[int]] = {}
        for name, i in self.index.items():
            self.templates.setdefault(name.split(".", 1)[0], []).append(i)
        self.states = {r.id: {s.id for s in r.states} for r in model.spec.regions}
        try:  # a broken actors.yaml is the event log's to report, not the policy's
            found = dispute_actors(model.spec)
        except InputError:
            found = None
        self.actors: Gazetteer | None = found[0] if found else None
        self.actors_file = found[1] if found else ""

    def actor(self, actor_id: str, where: tuple[str | int, ...]) -> None:
        """An actor id of the dispute's gazetteer (when the model's folder gives one)."""
        if self.actors is None or actor_id in self.actors:
            return
        self.fail(where, f"{self.actors.unknown(actor_id)} (the actors of {self.actors_file})")

    def fail(self, where: tuple[str | int, ...], message: str) -> None:
        self.problems.append(self.doc.problem(where, message))

    def regions(
        self, when: Mapping[str, States], where: tuple[str | int, ...]
    ) -> tuple[tuple[int, frozenset[str]], ...]:
        out: list[tuple[int, frozenset[str]]] = []
        for name, value in when.items():
            wanted = [value] if isinstance(value, str) else list(value)
            idx = [self.index[name]] if name in self.index else self.templates.get(name, [])
            known = self.states.get(name.split(".", 1)[0], set())
            bad = [s for s in wanted if s not in known]
            if not idx:
                self.fail(
                    (*where, name),
                    f"unknown region {name!r}; the model has {', '.join(self.model.regions)}",
                )
            elif bad:
                self.fail(
                    (*where, name),
                    f"region {name!r} has no state {bad[0]!r}; expected one of "
                    f"{', '.join(sorted(known))}",
                )
            else:
                out.extend((i, frozenset(wanted)) for i in idx)
        return tuple(out)

    def predicate(self, source: str | None, where: tuple[str | int, ...]) -> Any:
        if source is None:
            return None
        from negotiation.model.expressions import Expression

        try:
            world = Expression(source, "policy predicate")
        except ModelError as exc:
            self.fail(where, str(exc))
            return None
        # what it says when it fails at run time: "policy.yaml:20:9: actors[0]...world: ..."
        world.what = str(self.doc.problem(where, "policy predicate"))
        missing = sorted(world.fields - set(self.model.schema.by_name) - {"sitting"})
        if missing or world.event_parts:
            what = f"world field {missing[0]!r}" if missing else "the event"
            self.fail(where, f"a policy predicate reads the world's fields only, not {what}")
            return None
        return world

    def kind(self, kind: str, where: tuple[str | int, ...]) -> bool:
        if self.model.handles(kind):
            return True
        self.fail(where, f"the model has no transition for {kind!r}")
        return False

    def moves(
        self, specs: Sequence[MoveSpec], actor: str, where: tuple[str | int, ...]
    ) -> list[Move]:
        out = []
        for m, move in enumerate(specs):
            for key, ids in (("actors", move.actors or ()), ("recipients", move.recipients)):
                for j, actor_id in enumerate(ids):
                    self.actor(actor_id, (*where, m, key, j))
            if self.kind(move.kind, (*where, m, "kind")):
                try:
                    out.append(_move(move, actor))
                except ValueError as exc:
                    self.fail((*where, m, "facts"), str(exc))
                    continue
                vocab = self.model.spec.vocab  # a misspelt fact was taken, and changed nothing
                for msg in dict.fromkeys(
                    x
                    for e in out[-1].variants
                    for x in vocab.check_facts(e.facts.model_extra or {})
                ):
                    self.fail((*where, m, "facts"), msg)
        return out


def _move(spec: MoveSpec, actor: str) -> Move:
    actors = tuple(spec.actors) if spec.actors is not None else (actor,)
    variants = spec.facts or [FactsVariant()]
    events = []
    for v in variants:
        try:
            facts = yamldoc.validate(Facts, v.value)
        except Exception as exc:  # pydantic's ValidationError: say which fact is wrong
            raise ValueError(f"invalid facts {v.value!r}: {_first_error(exc)}") from None
        events.append(
            Event(
                id="sim",
                kind=spec.kind,
                date="2000-01-01",
                actors=actors,
                recipients=tuple(spec.recipients),
                facts=facts,
            )
        )
    return Move(spec.kind, spec.weight, tuple(events), _cumulate(v.weight for v in variants))


def _first_error(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        loc = ".".join(str(p) for p in first.get("loc", ()))
        return f"{loc}: {first.get('msg', '')}" if loc else str(first.get("msg", ""))
    return str(exc)
