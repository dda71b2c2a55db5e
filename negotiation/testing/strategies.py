"""Hypothesis strategies for dispute models, for your own test suites.

Strategies are composable functions, as in hypothesis itself. Events are drawn from the
model's one event **domain** (:mod:`negotiation.explore.domain`, shared with exploration and
simulation): the dispute's own parties and seats, votes and members present around the
thresholds the profile sets, dates from the dispute's start. So a property test of any model
(Cambodia's, Kenya's, a pack's) reaches its interesting states::

    from hypothesis import given
    from negotiation import compile_model, replay
    from negotiation.testing import enabled_sequences

    model = compile_model()

    @given(enabled_sequences(model, max_size=12))
    def test_invariants_hold(events):
        assert not replay(model, events).violations

``event_sequences`` draws any kinds the model handles, in any order; ``enabled_sequences``
draws, at each step, a kind the model enables in its current configuration, preferring those
that move a region, which reaches deep states far more often and still shrinks to short
counterexamples. ``variants(log)`` draws the log under random variations and
``scenarios(model)`` whole scenarios; :mod:`~negotiation.testing.machine` builds a
``RuleBasedStateMachine``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from negotiation.events import Event, Facts
from negotiation.explore.domain import VOTE_KINDS, Domain, domain_for
from negotiation.model.compiled import CompiledModel, State
from negotiation.model.machine import DisputeModel

__all__ = [
    "CI_PROFILE",
    "Model",
    "domain_of",
    "enabled_sequences",
    "event_sequences",
    "events",
    "facts",
    "gaps",
    "make_event",
    "scenarios",
    "tiers",
    "variants",
]

#: a hypothesis settings profile for CI: ``settings.load_profile(CI_PROFILE)``
CI_PROFILE = "negotiation-ci"
settings.register_profile(
    CI_PROFILE,
    max_examples=25,
    stateful_step_count=20,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

Model = DisputeModel | CompiledModel


def _compiled(model: Model) -> CompiledModel:
    return model.compiled if isinstance(model, DisputeModel) else model


def domain_of(model: Model, domain: Domain | None = None, **given: Any) -> Domain:
    """The event domain to draw from: ``domain``, or the model's (see
    :func:`~negotiation.explore.domain.domain_for`; ``given`` are its keyword arguments)."""
    return domain if domain is not None else domain_for(_compiled(model), **given)


def gaps(max_gap_days: int = 400) -> st.SearchStrategy[int]:
    """Days between events: mostly short (deadlines are weeks), sometimes long (terms are
    years); shrinking goes to 0."""
    steps = [min(d, max_gap_days) for d in (0, 1, 3, 10, 30, 0, 1, 3, 10, 90, 400, 2000)]
    return st.sampled_from(steps)


def _near(xs: Sequence[int | None], total: int) -> list[int | None]:
    out: list[int | None] = []
    for x in xs:
        for y in (None,) if x is None else (x - 1, x, x + 1):
            if (y is None or 0 <= y <= total) and y not in out:
                out.append(y)
    return out


def facts(kind: str, domain: Domain) -> st.SearchStrategy[Facts]:
    """Facts that matter to ``kind``'s rules: the domain's abstract facts and their
    neighbours (votes one either side of each threshold)."""
    templates = domain.templates().get(kind) or []
    base = st.sampled_from([t.facts for t in templates]) if templates else st.just(Facts())
    t = domain.thresholds()
    if kind in VOTE_KINDS:
        votes = _near([None, t["majority"], t["two_thirds"], t["censure"]], t["total"])
        return st.tuples(base, st.sampled_from(votes)).map(
            lambda fv: fv[0].model_copy(update={"votes_for": fv[1]})
        )
    if kind == "assembly_convened":
        present = _near([None, t["majority"], t["least"] or None], t["total"])
        return st.sampled_from(present).map(lambda n: Facts(members_present=n))
    return base


def make_event(kind: str, index: int, date: dt.date, f: Facts, actor: str, **extra: Any) -> Event:
    return Event(
        id=f"e{index:03d}-{kind.replace('_', '-')}",
        kind=kind,
        date=date,
        actors=(actor,),
        facts=f,
        summary="generated",
        **extra,
    )


class _Parts:
    """What a domain's events are drawn from, each strategy built once (hypothesis validates a
    new strategy at every draw: built per event, that was most of a sequence's cost)."""

    def __init__(self, domain: Domain) -> None:
        self.domain = domain
        self.actors = st.sampled_from(list(domain.parties))
        self._facts: dict[str, st.SearchStrategy[Facts]] = {}

    def facts(self, kind: str) -> st.SearchStrategy[Facts]:
        found = self._facts.get(kind)
        if found is None:
            found = self._facts[kind] = facts(kind, self.domain)
        return found


@st.composite
def _event_of(draw: st.DrawFn, kind: str, index: int, date: dt.date, parts: _Parts) -> Event:
    templates = parts.domain.templates().get(kind) or []
    actor = draw(parts.actors)
    recipients = templates[0].recipients if templates else ()
    return make_event(kind, index, date, draw(parts.facts(kind)), actor, recipients=recipients)


def events(
    model: Model,
    *,
    domain: Domain | None = None,
    kinds: Sequence[str] | None = None,
    days: int = 6 * 365,
) -> st.SearchStrategy[Event]:
    """Single events of the kinds ``model`` handles (or ``kinds``), dated within ``days`` of
    the domain's start."""
    d = domain_of(model, domain)
    pool = sorted(kinds if kinds is not None else _compiled(model).handled)
    parts, kinds_st = _Parts(d), st.sampled_from(pool)

    @st.composite
    def one(draw: st.DrawFn) -> Event:
        kind = draw(kinds_st)
        date = d.start + dt.timedelta(days=draw(st.integers(0, days)))
        return draw(_event_of(kind, 0, date, parts))

    return one()


def event_sequences(
    model: Model,
    max_size: int = 10,
    *,
    min_size: int = 0,
    domain: Domain | None = None,
    max_gap_days: int = 200,
) -> st.SearchStrategy[list[Event]]:
    """Sequences of any handled kinds, dates non-decreasing, ids unique."""
    d = domain_of(model, domain)
    pool = sorted(_compiled(model).handled)
    parts, kinds, gap = _Parts(d), st.sampled_from(pool), gaps(max_gap_days)

    @st.composite
    def seq(draw: st.DrawFn) -> list[Event]:
        n = draw(st.integers(min_size, max_size))
        out: list[Event] = []
        date = d.start
        for i in range(n):
            kind = draw(kinds)
            date += dt.timedelta(days=draw(gap))
            out.append(draw(_event_of(kind, i, date, parts)))
        return out

    return seq()


def tiers(model: CompiledModel, config: tuple[str, ...]) -> tuple[list[str], list[str], list[str]]:
    """The kinds enabled in ``config`` in three tiers: those that move a region, other
    institutional kinds (with guards or effects), and the rest (statements, protests ...)."""
    moving, institutional = set(), set()
    for kind in model.enabled(config):
        for c in model.table(config, kind):
            if c.targets or any(target is not None for *_, target in c.party_regions):
                moving.add(kind)
            elif c.guards or c.effects:
                institutional.add(kind)
    institutional -= moving
    rest = set(model.enabled(config)) - moving - institutional
    return sorted(moving), sorted(institutional), sorted(rest)


def enabled_sequences(
    model: Model,
    max_size: int = 10,
    *,
    min_size: int = 0,
    domain: Domain | None = None,
    max_gap_days: int = 200,
    start: State | None = None,
) -> st.SearchStrategy[list[Event]]:
    """Sequences whose every kind is available in the state reached so far (from ``start``,
    default the model's initial state).

    Each draw prefers kinds that move a region, then other institutional kinds, then the
    rest, and shrinks in that direction: towards the shortest path. (The events may still be
    rejected by a rule: that is what is tested.)
    """
    compiled = _compiled(model)
    d = domain_of(model, domain)
    parts, gap = _Parts(d), gaps(max_gap_days)
    tiered: dict[tuple[str, ...], tuple[list[str], list[str], list[str]]] = {}

    @st.composite
    def seq(draw: st.DrawFn) -> list[Event]:
        n = draw(st.integers(min_size, max_size))
        state = start or compiled.initial
        out: list[Event] = []
        date = max(d.start, state.world.date or d.start)
        for i in range(n):
            available = set(compiled.available(state))
            if state.config not in tiered:
                tiered[state.config] = tiers(compiled, state.config)
            options = [[k for k in t if k in available] for t in tiered[state.config]]
            options = [t for t in options if t]
            if not options:
                break
            # 0-4: the first tier present (moves), 5-8: the next, 9: the last
            roll = draw(st.integers(0, 9))
            tier = options[0 if roll < 5 else min(len(options) - 1, 1 if roll < 9 else 2)]
            kind = draw(st.sampled_from(tuple(tier)))  # a tuple: hypothesis keeps the strategy
            date += dt.timedelta(days=draw(gap))
            event = draw(_event_of(kind, i, date, parts))
            state = compiled.step(state, event).state
            out.append(event)
        return out

    return seq()


# --- variants of a log, scenarios -----------------------------------------------------------
def variants(log: Sequence[Event] | Any, max_variations: int = 3) -> st.SearchStrategy[list[Event]]:
    """The events of ``log`` under 1..``max_variations`` random variations (drop, swap,
    shift a date by months, change a vote), applied as scenario files apply them."""
    from negotiation.scenario import Variation, apply_variations

    base = list(log)
    if not base:
        return st.just([])
    ids = [e.id for e in base]
    votes = sorted({n for e in base for n in (e.facts.votes_for,) if n is not None} | {0, 1})

    def variation(draw: st.DrawFn) -> Variation:
        op = draw(st.sampled_from(("drop", "swap", "shift", "change")))
        a = draw(st.sampled_from(ids))
        if op == "drop":
            return Variation(drop=(a,))
        if op == "swap":
            return Variation(swap=(a, draw(st.sampled_from(ids))))
        if op == "shift":
            months = draw(st.sampled_from((-13, -2, -1, 1, 2, 13, 60)))
            return Variation.model_validate({"shift": {"events": [a], "months": months}})
        vote = draw(
            st.sampled_from([*votes, *(v + 1 for v in votes), *(max(v - 1, 0) for v in votes)])
        )
        return Variation.model_validate({"change": {"event": a, "facts": {"votes_for": vote}}})

    @st.composite
    def varied(draw: st.DrawFn) -> list[Event]:
        n = draw(st.integers(1, max_variations))
        out = list(base)
        for _ in range(n):
            v = variation(draw)
            try:
                out = apply_variations(out, [v])
            except Exception:  # e.g. an id dropped by an earlier variation
                continue
        return out

    return varied()


def scenarios(
    model: Model,
    max_size: int = 10,
    *,
    model_ref: str = "cambodia",
    profile_ref: str | None = None,
    domain: Domain | None = None,
) -> st.SearchStrategy[Any]:
    """:class:`~negotiation.scenario.Scenario` objects with inline events enabled in turn
    (``enabled_sequences``), naming the model as ``model_ref``; no expectations."""
    from negotiation.scenario import Scenario

    compiled = _compiled(model)
    return enabled_sequences(model, max_size, domain=domain).map(
        lambda evs: Scenario(
            name=f"generated, {len(evs)} events",
            model=model_ref,
            profile=profile_ref,
            interpretation=compiled.params.interpretation,
            events=tuple(evs),
        )
    )
