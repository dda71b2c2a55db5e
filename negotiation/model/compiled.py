"""The compiled model: one pure, picklable step function holding all the step semantics.

:func:`compile_model` builds a :class:`CompiledModel` once from a spec, a profile and an
interpretation. :meth:`CompiledModel.step` feeds one event to a :class:`State` (the regions'
configuration, the world and the temporal-property monitor) and returns a :class:`StepResult`;
nothing is mutated, so replay, exploration, property tests, coverage and simulation all call
the same function::

    >>> from negotiation.events import Event
    >>> from negotiation.model import compile_model
    >>> m = compile_model()
    >>> r = m.step(m.initial, Event(id="e", kind="election_held", date="2013-07-28"))
    >>> r.accepted, m.label(r.state.config), r.state.world.assembly
    (True, 'election_held', 'elected')
    >>> m.step(r.state, Event(id="d", kind="assembly_dissolved", date="2014-02-01")).rejected_by
    'not_enabled'
    >>> import pickle
    >>> e = Event(id="e", kind="election_held", date="2013-07-28")
    >>> pickle.loads(pickle.dumps(m)).step(m.initial, e).state == m.step(m.initial, e).state
    True

**Semantics.** The candidates for an event are the transitions of its kind whose ``from``
matches the configuration, in spec order. An event with no candidate is ``not_enabled``. Each
candidate checks its state conditions (``when``), then the states of the acting parties'
instances of per-party regions (the parties among the event's actors and recipients), then its guards (rules switched off by the profile's
``disabled_rules`` are skipped); the first candidate whose checks all pass fires: its effects
run in order, the event's date is stamped on the world, the regions in ``to`` move, changes of
the profile the event enacts come into force, the invariants that read a field the transition
writes are checked, and the temporal-property monitor steps. If none fires, the first rule
failure names the rejection (a rule says more than a state condition), else the first state
condition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from negotiation.errors import NegotiationError
from negotiation.events import Event
from negotiation.model.library.conditions import Condition
from negotiation.model.library.effects import Apply
from negotiation.model.library.invariants import Invariant
from negotiation.model.library.rules import Rule
from negotiation.model.profile import Parameters, Profile, Provision
from negotiation.model.properties import Monitor, PropertyState
from negotiation.model.spec import ModelSpec
from negotiation.model.world import World, WorldSchema

__all__ = [
    "NOT_ENABLED",
    "Candidate",
    "CompiledModel",
    "State",
    "StepResult",
]

NOT_ENABLED = "not_enabled"
_new = tuple.__new__
_NO_RECORD: list[tuple[str, bool]] = []  # never appended to: steps that do not record


class State(NamedTuple):
    """Where a dispute is: one state per region, the world, the temporal monitor's state."""

    config: tuple[str, ...]
    world: World
    monitor: PropertyState


class StepResult(NamedTuple):
    """What one event did to a :class:`State`."""

    accepted: bool
    state: State  # the state after (the same state when rejected)
    rejected_by: str | None = None  # a rule id, or ``not_enabled``
    reason: str | None = None
    transition: int | None = None  # index in the spec's transitions of the one that fired
    violations: tuple[tuple[str, str], ...] = ()  # (invariant id, message)
    broken: tuple[tuple[str, str], ...] = ()  # (temporal property id, message)
    evaluated: tuple[tuple[str, bool], ...] = ()  # rules evaluated, when asked to record them


@dataclass(frozen=True, slots=True)
class Candidate:
    """One transition of the spec, compiled."""

    index: int
    kind: str
    sources: tuple[tuple[int, frozenset[str] | None], ...]  # (region, allowed states)
    targets: tuple[tuple[int, str], ...]  # (region, new state)
    # per-party regions: (template id, {party: region index}, allowed states, target state)
    party_regions: tuple[tuple[str, Mapping[str, int], frozenset[str] | None, str | None], ...]
    when: tuple[Condition, ...]
    guards: tuple[Rule, ...]
    effects: tuple[tuple[Apply, str | None], ...]
    invariants: tuple[Invariant, ...]
    writes: frozenset[str]
    effect_reads: frozenset[str]  # world fields the effects read
    inert: bool  # no condition, guard, effect or move: accepted and changes nothing but the date


@dataclass
class CompiledModel:
    """A model compiled to tables over compact states. Pure: :meth:`step` mutates nothing."""

    spec: ModelSpec
    profile: Profile
    params: Parameters
    schema: WorldSchema
    regions: tuple[str, ...]
    initial: State
    candidates: tuple[Candidate, ...]
    monitor: Monitor
    invariants: tuple[Invariant, ...]
    rules: Mapping[str, Rule]
    enactments: Mapping[tuple[str, str | None], tuple[str, ...]]  # (kind, law) -> change ids
    dated_changes: tuple[tuple[dt.date, str], ...]
    handled: frozenset[str]
    _tables: dict[tuple[tuple[str, ...], str], tuple[Candidate, ...]] = field(
        default_factory=dict, repr=False
    )
    _params: dict[tuple[str, ...], Parameters] = field(default_factory=dict, repr=False)
    _enabled: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, repr=False)
    _configs: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, repr=False)
    _labels: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False)
    #: kinds the temporal-property monitor must see (every kind when a response is declared)
    _monitored: frozenset[str] = field(default=frozenset(), repr=False)
    #: kinds an event of which commutes with every other event of its day: see :meth:`order_free`
    _order_free: frozenset[str] = field(default=frozenset(), repr=False)
    #: transitions that fire whatever the world and the event, first in their table, and change
    #: nothing but the date: inert, breaking no invariant, unseen by the monitor, enacting nothing
    _plain: frozenset[int] = field(default=frozenset(), repr=False)
    _date_at: int = field(default=0, repr=False)  # the date's place in a world

    def __post_init__(self) -> None:
        kinds = {c.kind for c in self.candidates}
        self._monitored = frozenset(k for k in kinds if self.monitor and self.monitor.watches(k))
        enacting = {kind for kind, _ in self.enactments}
        self._plain = frozenset(
            c.index
            for c in self.candidates
            if c.inert
            and not c.invariants
            and c.kind not in self._monitored
            and c.kind not in enacting
        )
        self._date_at = self.schema.type._index["date"]
        reads: set[str] = set()
        for c in self.candidates:
            for parts in (c.when, c.guards, c.invariants):
                for part in parts:
                    reads |= part.reads
            reads |= c.effect_reads
        if "date" not in reads:  # nothing tells "earlier today" from "yesterday"
            enacting = {kind for kind, _ in self.enactments}
            self._order_free = frozenset(
                k
                for k in kinds - self._monitored - enacting
                if all(
                    c.inert and not c.sources and not c.party_regions
                    for c in self.candidates
                    if c.kind == k
                )
            )

    # -- the configuration ------------------------------------------------------------------
    @property
    def single_track(self) -> bool:
        return self.spec.single_track

    def label(self, config: Sequence[str]) -> str:
        """A configuration as one string: the phase (single-track) or ``region=state ...``."""
        key = config if isinstance(config, tuple) else tuple(config)
        found = self._labels.get(key)
        if found is None:
            if len(self.regions) == 1 and self.single_track:
                found = key[0]
            else:
                found = " ".join(f"{r}={s}" for r, s in zip(self.regions, key, strict=True))
            self._labels[key] = found
        return found

    def region_states(self, config: Sequence[str]) -> dict[str, str]:
        return dict(zip(self.regions, config, strict=True))

    def table(self, config: tuple[str, ...], kind: str) -> tuple[Candidate, ...]:
        """The candidates of ``kind`` whose ``from`` matches ``config``, in spec order."""
        key = (config, kind)
        found = self._tables.get(key)
        if found is None:
            found = tuple(
                c
                for c in self.candidates
                if c.kind == kind
                and all(allowed is None or config[r] in allowed for r, allowed in c.sources)
            )
            self._tables[key] = found
        return found

    def params_at(self, world: World, day: dt.date | None) -> Parameters:
        """The parameters in force: the profile's, with the changes enacted so far and the
        dated changes effective by ``day``."""
        if not self.dated_changes and not world.in_force:
            return self.params
        key = self.in_force_at(world.in_force, day)
        params = self._params.get(key)
        if params is None:
            params = self.profile.resolve(self.params.interpretation, key)
            self._params[key] = params
        return params

    def in_force_at(self, enacted: tuple[str, ...], day: dt.date | None) -> tuple[str, ...]:
        """The changes in force on ``day``, in the order they came into force (a later one
        overrides an earlier one where both set a value): ``enacted`` (the world's
        ``in_force``, already in that order), then the dated changes effective by ``day`` that
        came after it, by date."""
        if day is None or not self.dated_changes:
            return enacted
        later = tuple(cid for when, cid in self.dated_changes if when <= day and cid not in enacted)
        return (*enacted, *later) if later else enacted

    # -- stepping ----------------------------------------------------------------------------
    def step(self, state: State, event: Event, *, record: bool = False) -> StepResult:
        """Feed ``event`` to ``state``; ``record`` also lists every rule evaluated. ``state``
        is read by position, as :meth:`fire` reads it: the explorer passes plain ``(config,
        world, monitor)`` tuples."""
        config, world, _ = state
        kind = event.kind
        candidates = self._tables.get((config, kind))
        if candidates is None:
            candidates = self.table(config, kind)
        if not candidates:
            return StepResult(False, state, NOT_ENABLED, self._not_enabled(kind, config))
        first = candidates[0]
        if first.index in self._plain:  # it fires: only the date changes (a hot path)
            day = event.date
            if world.date != day:
                values = list(world)
                values[self._date_at] = day
                world = _new(type(world), values)
            new = _new(State, (config, world, state[2]))
            return _new(StepResult, (True, new, None, None, first.index, (), (), ()))
        params = self.params
        if self.dated_changes or world.in_force:
            params = self.params_at(world, event.date)
        first_rule: tuple[str, str] | None = None
        first_state: tuple[str, str] | None = None
        evaluated: list[tuple[str, bool]] = [] if record else _NO_RECORD
        for cand in candidates:
            failed = False
            for cond in cand.when:
                if not cond.test(world, event, params):
                    if first_state is None:
                        first_state = (NOT_ENABLED, _unmet(cond))
                    failed = True
                    break
            if failed:
                continue
            if cand.party_regions:
                why = _party_mismatch(cand, config, event)
                if why is not None:
                    if first_state is None:
                        first_state = (NOT_ENABLED, why)
                    continue
            for rule in cand.guards:
                why = rule.check(world, event, params)
                if record:
                    evaluated.append((rule.id, why is None))
                if why is not None:
                    if first_rule is None:
                        first_rule = (rule.id, why)
                    failed = True
                    break
            if failed:
                continue
            return self._fire(cand, state, event, params, tuple(evaluated) if record else ())
        rule_id, reason = first_rule or first_state or (NOT_ENABLED, "no transition")
        return StepResult(
            False, state, rule_id, reason, None, (), (), tuple(evaluated) if record else ()
        )

    def _fire(
        self,
        cand: Candidate,
        state: State,
        event: Event,
        params: Parameters,
        evaluated: tuple[tuple[str, bool], ...],
    ) -> StepResult:
        config, before, monitor = state
        after = before
        for apply, arg in cand.effects:
            after = apply(after, event, params, arg)
        day = event.date
        if self.enactments and (enacts := self._enacts(event)):
            # in the order they came into force: the dated changes already in force before
            # these, and a change enacted again moves to the end (it overrides what came between)
            earlier = self.in_force_at(after.in_force, day)
            in_force = (*(c for c in earlier if c not in enacts), *enacts)
            after = after.evolve(date=day, in_force=in_force)
        elif after.date != day:
            values = list(after)
            values[self._date_at] = day
            after = _new(type(after), values)
        if cand.targets or cand.party_regions:
            moved = list(config)
            for r, target in cand.targets:
                moved[r] = target
            for _, instances, _, party_target in cand.party_regions:
                if party_target is not None:
                    for actor in (*event.actors, *event.recipients):
                        at = instances.get(actor)
                        if at is not None:
                            moved[at] = party_target
            config = tuple(moved)
            config = self._configs.setdefault(config, config)  # one tuple per configuration
        violations: tuple[tuple[str, str], ...] = ()
        for inv in cand.invariants:
            msg = inv.check(before, event, after, params)
            if msg is not None:
                violations += ((inv.id, msg),)
        broken: tuple[tuple[str, str], ...] = ()
        if cand.kind in self._monitored:
            monitor, broken = self.monitor.step(monitor, before, event)
        # tuple.__new__ skips the NamedTuples' Python-level constructors (a hot path)
        return _new(
            StepResult,
            (
                True,
                _new(State, (config, after, monitor)),
                None,
                None,
                cand.index,
                violations,
                broken,
                evaluated,
            ),
        )

    def order_free(self, kind: str) -> bool:
        """Whether an event of ``kind`` is accepted in every state and changes nothing but the
        world's date (which no part of the model reads), unseen by the monitor: it commutes
        with any event of the same day. Statements, appeals and demands usually are.

        >>> from negotiation.model import compile_model
        >>> m = compile_model()
        >>> m.order_free("statement"), m.order_free("assembly_dissolved")
        (True, False)
        """
        return kind in self._order_free

    def fire(self, index: int, state: State, event: Event) -> StepResult:
        """Fire transition ``index`` (whose conditions and guards are known to pass)."""
        params = self.params
        if self.dated_changes or state[1].in_force:
            params = self.params_at(state[1], event.date)
        return self._fire(self.candidates[index], state, event, params, ())

    def _enacts(self, event: Event) -> tuple[str, ...]:
        return self.enactments.get((event.kind, event.facts.law)) or self.enactments.get(
            (event.kind, None), ()
        )

    def _not_enabled(self, kind: str, config: tuple[str, ...]) -> str:
        if kind in self.handled:
            return f"no transition for {kind!r} in phase {self.label(config)!r}"
        return f"the model has no transition for {kind!r}"

    def not_enabled_detail(self, state: State, event: Event) -> str:
        """What the phase lacks, for an event no transition took: the states the transitions of
        its kind whose conditions it meets need in the regions where the phase differs. Off the
        hot path (replay adds it to the reason): "requires the state condition 'on_the_deadline'"
        alone did not say that the ruling on the acts it was needs `court=in_force`."""
        config, world, _ = state
        params = self.params_at(world, event.date)
        here = {c.index for c in self.table(config, event.kind)}
        needs: list[str] = []
        for cand in self.candidates:
            if cand.kind != event.kind or cand.index in here:
                continue
            try:
                if not all(cond.test(world, event, params) for cond in cand.when):
                    continue
            except NegotiationError:
                continue
            missing = [
                f"{self.regions[r]}={'|'.join(sorted(allowed))}"
                for r, allowed in cand.sources
                if allowed is not None and config[r] not in allowed
            ]
            if missing and (need := ", ".join(missing)) not in needs:
                needs.append(need)
        if not needs:
            return ""
        return "; for this event the phase needs " + " or ".join(needs)

    def run(self, events: Iterable[Event], state: State | None = None) -> list[StepResult]:
        """Step through ``events`` from ``state`` (default: the initial state)."""
        state = self.initial if state is None else state
        out = []
        for e in events:
            r = self.step(state, e)
            out.append(r)
            state = r.state
        return out

    # -- questions ----------------------------------------------------------------------------
    def handles(self, kind: str) -> bool:
        return kind in self.handled

    def enabled(self, config: tuple[str, ...]) -> tuple[str, ...]:
        """Kinds with at least one transition from ``config`` (guards and conditions aside)."""
        found = self._enabled.get(config)
        if found is None:
            kinds = dict.fromkeys(c.kind for c in self.candidates)
            found = self._enabled[config] = tuple(k for k in kinds if self.table(config, k))
        return found

    def available(self, state: State) -> list[str]:
        """Kinds enabled in ``state`` whose state conditions hold (guards not evaluated; a
        condition that reads the event counts as met)."""
        out = []
        for kind in self.enabled(state.config):
            for cand in self.table(state.config, kind):
                if all(c.reads_event or c.test(state.world, None, self.params) for c in cand.when):
                    out.append(kind)
                    break
        return out

    def provision(
        self, item: str, in_force: tuple[str, ...] = (), day: dt.date | None = None
    ) -> Provision | None:
        """The quoted provision a rule, invariant or property cites (the text in force: with
        the changes ``in_force`` and, given ``day``, the dated changes effective by then)."""
        pid = self.spec.provision_of(item)
        if pid is None:
            return None
        return self.profile.provisions_in_force(self.in_force_at(in_force, day)).get(pid)


def _unmet(cond: Condition) -> str:
    """Why a transition whose condition does not hold was not taken, with what the condition
    asks (its summary, or a CEL condition's test): "requires the state condition 'by_law'"
    alone did not say that the event's `ground` was what it read."""
    asks = cond.summary or getattr(getattr(cond.test, "test", None), "source", "")
    return f"requires the state condition {cond.id!r}" + (f" ({asks})" if asks else "")


def _party_mismatch(cand: Candidate, config: tuple[str, ...], event: Event) -> str | None:
    for template, instances, allowed, _ in cand.party_regions:
        acting = [instances[a] for a in (*event.actors, *event.recipients) if a in instances]
        if not acting:
            return f"no party of region {template!r} ({', '.join(instances)}) is in the event"
        if allowed is not None:
            for r in acting:
                if config[r] not in allowed:
                    party = next(p for p, i in instances.items() if i == r)
                    return (
                        f"requires region {template}.{party} in {' or '.join(sorted(allowed))}, "
                        f"not {config[r]}"
                    )
    return None
