"""Memoised steps over a finite alphabet of events (exploration, simulation).

Every condition, rule, effect and invariant declares the world fields it reads (a property test
holds each to it), so a step's **verdict** (which transition fires, or which rule rejects the
event, and why) depends only on the configuration, the event and the world's values in the
fields its conditions and guards read; and what the fired transition **writes**, the invariants
it breaks and the monitor's next state depend only on the event and the fields its effects and
invariants read (and the monitor's state). :class:`StepMemo` keys each on exactly that; a
repeated step costs two projections and two dictionary lookups. It is an optimisation of
:meth:`CompiledModel.step`, never a second semantics: a miss calls ``step``, and a hypothesis
test checks memoised and direct steps agree.

A verdict that reads no date (no ``event.date`` among its conditions' and guards' reads, and
no dated parameter changes) is shared by the events that differ only in their date, when the
memo is given ``undated``: a function from an event key to the key of its undated event.

>>> from negotiation.events import Event
>>> from negotiation.model.compiler import compile_model
>>> m = compile_model()
>>> memo = StepMemo(m)
>>> e = Event(id="e", kind="election_held", date="2013-07-28")
>>> memo.step(m.initial, e, ("e", e.date)).state == m.step(m.initial, e).state
True
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from operator import itemgetter
from typing import Any

from negotiation.events import Event
from negotiation.model.compiled import NOT_ENABLED, Candidate, CompiledModel, State, StepResult

__all__ = ["StepMemo"]

Projection = Callable[[Any], tuple[Any, ...]]
Memo = dict[Hashable, dict[Hashable, Any]]


def _projection(model: CompiledModel, reads: Iterable[str]) -> Projection:
    """A fast function from a world to its values in the world fields among ``reads``."""
    index = model.schema.type._index
    fields = sorted({index[r] for r in reads if r in index})
    if not fields:
        return _nothing
    getter = itemgetter(*fields)
    if len(fields) == 1:
        return lambda w: (getter(w),)
    return getter


def _nothing(world: Any) -> tuple[()]:
    return ()


class _Plan:
    """What one (configuration, kind) reads for its verdict and, per candidate, for what it
    writes; and their memos."""

    __slots__ = (
        "candidates",
        "date_blind",
        "effects_of",
        "kind",
        "monitored",
        "summaries",
        "verdict_of",
        "verdicts",
        "writes",
    )

    def __init__(self, model: CompiledModel, config: tuple[str, ...], kind: str) -> None:
        self.kind = kind
        self.candidates = model.table(config, kind)
        params = {"in_force"} if (model.dated_changes or model.enactments) else set()
        verdict: set[str] = set(params)
        for cand in self.candidates:
            for cond in cand.when:
                verdict |= cond.reads
            for rule in cand.guards:
                verdict |= rule.reads
        self.verdict_of = _projection(model, verdict)
        #: the verdict is the same for events that differ only in their date
        self.date_blind = not model.dated_changes and not verdict & {"event.date", "event.*"}
        self.verdicts: Memo = {}
        #: the explorer's summaries of a whole row of events (see ``Search._summarise``)
        self.summaries: dict[Hashable, tuple[Any, ...]] = {}
        self.monitored = bool(model.monitor) and model.monitor.watches(kind)
        self.effects_of: dict[int, Projection] = {}
        self.writes: dict[int, Memo] = {}
        for cand in self.candidates:
            reads = set(params) | set(cand.effect_reads)
            for inv in cand.invariants:
                reads |= inv.reads
            if self.monitored:
                reads.add("term_end")  # the monitor scopes properties by the term
            self.effects_of[cand.index] = _projection(model, reads)
            self.writes[cand.index] = {}


class StepMemo:
    """:meth:`step` as :meth:`CompiledModel.step`, memoised on what the step reads. ``ekey``
    identifies the event (the explorer's event number): equal keys, equal events; ``undated``
    maps it to a key that is equal for events equal but for their date (the explorer's
    template number)."""

    def __init__(
        self, model: CompiledModel, undated: Callable[[Any], Hashable] | None = None
    ) -> None:
        self.model = model
        self.undated = undated
        self._plans: dict[tuple[tuple[str, ...], str], _Plan] = {}
        self.misses = 0

    def plan(self, config: tuple[str, ...], kind: str) -> _Plan:
        plan = self._plans.get((config, kind))
        if plan is None:
            plan = self._plans[(config, kind)] = _Plan(self.model, config, kind)
        return plan

    # -- the two memos --------------------------------------------------------------------------
    @staticmethod
    def verdicts(plan: _Plan, world: Any) -> dict[Hashable, Any]:
        """Verdicts by event key, shared by every world that reads like ``world``: the index
        of the transition that fires, or ``(rule, reason)``."""
        key = plan.verdict_of(world)
        found = plan.verdicts.get(key)
        if found is None:
            found = plan.verdicts[key] = {}
        return found

    @staticmethod
    def writes(plan: _Plan, index: int, state: State) -> dict[Hashable, Any]:
        """For the transition ``index``: by event key, ``(changes, config, monitor,
        violations, broken)``, shared by every state that reads like ``state``."""
        world = state[1]
        key = (plan.effects_of[index](world), state[2] if plan.monitored else None)
        memo = plan.writes[index]
        found = memo.get(key)
        if found is None:
            found = memo[key] = {}
        return found

    def undated_keys(self, plan: _Plan) -> Callable[[Any], Hashable] | None:
        """How ``plan``'s memo keys a verdict: by the undated event if it reads no date (the
        explorer calls it once a row), else (``None``) by the event key itself."""
        return self.undated if plan.date_blind else None

    def verdict_key(self, plan: _Plan, ekey: Hashable) -> Hashable:
        """The key of ``ekey``'s verdict in ``plan``'s memo: without its date if it reads none."""
        undated = self.undated_keys(plan)
        return ekey if undated is None else undated(ekey)

    def fill(
        self,
        plan: _Plan,
        verdicts: dict[Hashable, Any],
        vkey: Hashable,
        ekey: Hashable,
        state: State,
        event: Event,
    ) -> Any:
        """Step ``event`` for real and remember its verdict under ``vkey`` (and, if accepted,
        its writes under ``ekey``)."""
        self.misses += 1
        result = self.model.step(state, event)
        if not result.accepted:
            found: Any = (result.rejected_by or NOT_ENABLED, result.reason)
        else:
            found = result.transition
            assert found is not None
            self.writes(plan, found, state)[ekey] = self._remember(result, state)
        verdicts[vkey] = found
        return found

    def written(
        self,
        plan: _Plan,
        writes: dict[Hashable, Any],
        index: int,
        ekey: Hashable,
        state: State,
        event: Event,
    ) -> tuple[Any, ...]:
        found = writes.get(ekey)
        if found is None:
            self.misses += 1
            result = self.model.fire(index, state, event)  # the verdict is known: fire it
            found = writes[ekey] = self._remember(result, state)
        return found

    def _remember(self, result: StepResult, before: State) -> tuple[Any, ...]:
        cand: Candidate = self.model.candidates[result.transition or 0]
        index = before[1]._index
        after = result.state.world
        changes = tuple((index[f], after[index[f]]) for f in cand.writes if f in index)
        return (
            changes,
            result.state.config,
            result.state.monitor,
            result.violations,
            result.broken,
        )

    @staticmethod
    def successor(plan: _Plan, entry: tuple[Any, ...], state: State) -> State:
        """The state after a remembered transition."""
        world = state[1]
        values = list(world)
        for i, v in entry[0]:
            values[i] = v
        monitor = entry[2] if plan.monitored else state[2]
        return tuple.__new__(State, (entry[1], tuple.__new__(type(world), values), monitor))

    # -- one step ------------------------------------------------------------------------------
    def step(self, state: State, event: Event, ekey: Hashable) -> StepResult:
        """What :meth:`CompiledModel.step` returns (without the rules evaluated)."""
        config, world, _ = state
        plan = self._plans.get((config, event.kind)) or self.plan(config, event.kind)
        verdicts = self.verdicts(plan, world)
        vkey = self.verdict_key(plan, ekey)
        verdict = verdicts.get(vkey)
        if verdict is None:
            verdict = self.fill(plan, verdicts, vkey, ekey, state, event)
        if not isinstance(verdict, int):
            return StepResult(False, state, verdict[0], verdict[1])
        entry = self.written(plan, self.writes(plan, verdict, state), verdict, ekey, state, event)
        return StepResult(
            True, self.successor(plan, entry, state), None, None, verdict, entry[3], entry[4]
        )
