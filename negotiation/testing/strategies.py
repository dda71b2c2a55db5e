"""Hypothesis strategies for dispute models, for your own test suites.

Strategies are composable functions, as in hypothesis itself. Facts are drawn from bounded
domains around the thresholds that matter (majorities, two thirds, the minimum size), and dates
from a window around the election, so that random sequences reach the interesting states::

    from hypothesis import given
    from negotiation.model import DisputeModel
    from negotiation.replay import replay
    from negotiation.testing import enabled_sequences

    model = DisputeModel()

    @given(enabled_sequences(model, max_size=12))
    def test_invariants_hold(events):
        assert not replay(model, events).violations

``event_sequences`` draws any kinds the model handles, in any order; ``enabled_sequences``
draws, at each step, a kind that the model enables in its current phase, which reaches deep
phases far more often and still shrinks to short counterexamples.

More for your own suites:

* ``variants(log)``: the log under random variations (drop, swap, shift, change a vote), the
  same operations scenario files use;
* ``scenarios(model)``: whole :class:`~negotiation.scenario.Scenario` objects with inline events;
* ``dispute_state_machine(model)``: a generated hypothesis ``RuleBasedStateMachine`` with one
  rule per event kind (precondition: the kind is available in the current phase), and one
  invariant per model invariant and temporal property. Run it as a test::

      from negotiation.testing import dispute_state_machine
      TestDispute = dispute_state_machine(DisputeModel()).TestCase

* a settings profile for CI, ``negotiation-ci`` (few examples, no deadline, derandomised, no
  example database): ``settings.load_profile("negotiation-ci")`` in your ``conftest.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from negotiation.events import Event, EventKind, Facts
from negotiation.model.machine import DisputeModel, Outcome
from negotiation.model.properties import Monitor

__all__ = [
    "CI_PROFILE",
    "dispute_state_machine",
    "enabled_sequences",
    "event_sequences",
    "events",
    "facts",
    "scenarios",
    "shrink_events",
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

DEFAULT_PARTIES = ("cpp", "cnrp")
DEFAULT_START = dt.date(2013, 7, 1)

#: seat splits that sit on either side of the thresholds of a 123-member Assembly
_SPLITS: tuple[tuple[int, ...], ...] = ((68, 55), (60, 63), (82, 41), (61, 62), (90, 33))
_VOTES = (0, 41, 55, 61, 62, 63, 68, 81, 82, 90, 120, 123)
_PRESENT = (55, 62, 63, 68, 119, 120, 123)


def _gaps(max_gap_days: int) -> st.SearchStrategy[int]:
    """Days between events: mostly short (deadlines are weeks), sometimes long (terms are years)."""
    # in draw order (shrinking goes to the first): three in four gaps are a month or less
    steps = [min(d, max_gap_days) for d in (0, 1, 3, 10, 30, 0, 1, 3, 10, 90, 400, 2000)]
    return st.sampled_from(steps)


@st.composite
def _seats(draw: st.DrawFn, parties: Sequence[str]) -> tuple[dict[str, int], int]:
    if len(parties) == 2 and draw(st.booleans()):
        split = draw(st.sampled_from(_SPLITS))
        return dict(zip(parties, split, strict=True)), sum(split)
    # an Assembly around the sizes that matter (below, at and above a 120-member minimum),
    # shared out at random; now and then a report whose seats do not add up
    size = draw(st.sampled_from((123, 120, 119, 150)))
    counts: list[int] = []
    for _ in parties[:-1]:
        counts.append(draw(st.integers(0, size - sum(counts))))
    counts.append(size - sum(counts))
    total = size + draw(st.sampled_from((0, 0, 0, 1)))  # +1: an inconsistent report
    return dict(zip(parties, counts, strict=True)), total


def facts(
    kind: EventKind | str, parties: Sequence[str] = DEFAULT_PARTIES
) -> st.SearchStrategy[Facts]:
    """Facts that matter to ``kind``'s rules, drawn near the thresholds."""
    kind = EventKind(kind)
    if kind is EventKind.results_announced:
        return _seats(parties).map(lambda st_: Facts(seats=st_[0], total_seats=st_[1]))
    if kind is EventKind.assembly_convened:
        return st.one_of(
            st.just(Facts()), st.sampled_from(_PRESENT).map(lambda n: Facts(members_present=n))
        )
    if kind in (
        EventKind.government_formed,
        EventKind.government_dismissed,
        EventKind.amendment_passed,
    ):
        votes = st.one_of(st.just(None), st.sampled_from(_VOTES))
        # an amendment: ordinary, touching the core, or providing for an early election
        sort = (
            st.just((None, None))
            if kind is not EventKind.amendment_passed
            else st.sampled_from(((None, None), (True, None), (None, True)))
        )
        return st.builds(
            lambda v, s: Facts(votes_for=v, affects_core=s[0], early_election=s[1]), votes, sort
        )
    return st.just(Facts())


def _event(kind: str, index: int, date: dt.date, f: Facts, actor: str) -> Event:
    return Event(
        id=f"e{index:03d}-{kind.replace('_', '-')}",
        kind=EventKind(kind),
        date=date,
        actors=(actor,),
        facts=f,
        summary="generated",
    )


def events(
    model: DisputeModel,
    *,
    kinds: Sequence[str] | None = None,
    parties: Sequence[str] = DEFAULT_PARTIES,
    start: dt.date = DEFAULT_START,
    days: int = 6 * 365,
) -> st.SearchStrategy[Event]:
    """Single events of the kinds ``model`` handles (or ``kinds``), dated within ``days``."""
    pool = sorted(kinds if kinds is not None else model.spec.handled_kinds())

    @st.composite
    def one(draw: st.DrawFn) -> Event:
        kind = draw(st.sampled_from(pool))
        date = start + dt.timedelta(days=draw(st.integers(0, days)))
        return _event(kind, 0, date, draw(facts(kind, parties)), draw(st.sampled_from(parties)))

    return one()


def event_sequences(
    model: DisputeModel,
    max_size: int = 10,
    *,
    min_size: int = 0,
    parties: Sequence[str] = DEFAULT_PARTIES,
    start: dt.date = DEFAULT_START,
    max_gap_days: int = 200,
) -> st.SearchStrategy[list[Event]]:
    """Sequences of any handled kinds, dates non-decreasing, ids unique."""
    pool = sorted(model.spec.handled_kinds())

    @st.composite
    def seq(draw: st.DrawFn) -> list[Event]:
        n = draw(st.integers(min_size, max_size))
        out: list[Event] = []
        date = start
        for i in range(n):
            kind = draw(st.sampled_from(pool))
            date += dt.timedelta(days=draw(_gaps(max_gap_days)))
            f = draw(facts(kind, parties))
            out.append(_event(kind, i, date, f, draw(st.sampled_from(parties))))
        return out

    return seq()


def _tiers(model: DisputeModel) -> dict[str, tuple[list[str], list[str], list[str]]]:
    """Per phase, the enabled kinds in three tiers: phase changes, other institutional kinds
    (with guards or effects), and the rest (statements, protests ...)."""
    out: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for phase, kinds in model.enabled.items():
        changing, institutional = set(), set()
        for t in model.spec.transitions:
            if phase not in model.spec.sources(t):
                continue
            if t.to is not None and t.to != phase:
                changing.add(t.kind.value)
            elif t.guards or t.effects:
                institutional.add(t.kind.value)
        institutional -= changing
        rest = set(kinds) - changing - institutional
        out[phase] = (sorted(changing), sorted(institutional), sorted(rest))
    return out


def enabled_sequences(
    model: DisputeModel,
    max_size: int = 10,
    *,
    min_size: int = 0,
    parties: Sequence[str] = DEFAULT_PARTIES,
    start: dt.date = DEFAULT_START,
    max_gap_days: int = 200,
) -> st.SearchStrategy[list[Event]]:
    """Sequences whose every kind is enabled in the phase the model has reached so far.

    Each draw prefers phase-changing kinds, then other institutional kinds, then the rest, and
    shrinks in that direction: towards the shortest path through the phases. (The events may still be rejected by a rule: that is what is tested.)
    """
    tiers = _tiers(model)

    @st.composite
    def seq(draw: st.DrawFn) -> list[Event]:
        n = draw(st.integers(min_size, max_size))
        model.reset()
        out: list[Event] = []
        date = start
        for i in range(n):
            available = set(model.available())
            options = [[k for k in t if k in available] for t in tiers[model.phase]]
            options = [t for t in options if t]
            if not options:
                break
            # 0-4: the first tier present (phase changes), 5-8: the next, 9: the last
            roll = draw(st.integers(0, 9))
            tier = options[0 if roll < 5 else min(len(options) - 1, 1 if roll < 9 else 2)]
            kind = draw(st.sampled_from(tier))
            date += dt.timedelta(days=draw(_gaps(max_gap_days)))
            f = draw(facts(kind, parties))
            event = _event(kind, i, date, f, draw(st.sampled_from(parties)))
            model.step(event)
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
        votes = draw(st.sampled_from(_VOTES))
        return Variation.model_validate({"change": {"event": a, "facts": {"votes_for": votes}}})

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
    model: DisputeModel,
    max_size: int = 10,
    *,
    model_ref: str = "cambodia",
    profile_ref: str | None = None,
) -> st.SearchStrategy[Any]:
    """:class:`~negotiation.scenario.Scenario` objects with inline events enabled in turn
    (``enabled_sequences``), naming the model as ``model_ref``; no expectations."""
    from negotiation.scenario import Scenario

    return enabled_sequences(model, max_size).map(
        lambda evs: Scenario(
            name=f"generated, {len(evs)} events",
            model=model_ref,
            profile=profile_ref,
            interpretation=model.params.interpretation,
            events=tuple(evs),
        )
    )


# --- a generated rule-based state machine ---------------------------------------------------
def dispute_state_machine(
    model: DisputeModel,
    *,
    parties: Sequence[str] = DEFAULT_PARTIES,
    start: dt.date = DEFAULT_START,
    max_gap_days: int = 400,
) -> type[RuleBasedStateMachine]:
    """A ``RuleBasedStateMachine`` class for ``model``: one rule per event kind the model
    handles, enabled when the kind is available in the current phase (its state conditions
    hold), plus ``advance``, which draws one of the available phase-changing or institutional
    kinds (as ``enabled_sequences`` prefers them) so that deep phases are reached; one invariant per model invariant and temporal property, failing when the last
    accepted event broke it. Rejections by rules are fine: that is the model working."""
    kinds = sorted(model.spec.handled_kinds())
    monitor = Monitor(model.spec.properties)

    def init(self: Any) -> None:
        RuleBasedStateMachine.__init__(self)
        model.reset()
        self.date = start
        self.count = 0
        self.last = None
        self.broken = ()
        self.held = monitor.initial

    def make_rule(kind: str) -> Any:
        def step(self: Any, f: Facts, gap: int, actor: str) -> None:
            self.date += dt.timedelta(days=gap)
            event = _event(kind, self.count, self.date, f, actor)
            self.count += 1
            self.last = out = model.step(event)
            self.broken = ()
            if out.accepted and monitor:
                self.held, self.broken = monitor.step(self.held, out.world_before, event)

        step.__name__ = step.__qualname__ = kind
        decorate = rule(
            f=facts(kind, parties), gap=_gaps(max_gap_days), actor=st.sampled_from(list(parties))
        )
        return precondition(lambda self: kind in model.available())(decorate(step))

    def make_invariant(inv_id: str, is_property: bool) -> Any:
        def check(self: Any) -> None:
            last: Outcome | None = self.last
            if last is None or not last.accepted:
                return
            found = (
                [m for p, m in self.broken if p == inv_id]
                if is_property
                else [v.message for v in last.violations if v.invariant == inv_id]
            )
            assert not found, f"{inv_id}: {found[0]}"

        check.__name__ = check.__qualname__ = f"holds_{inv_id}"
        return invariant()(check)

    tiers = _tiers(model)

    def changing(self: Any) -> list[str]:
        available = set(model.available())
        changes, institutional, _ = tiers[model.phase]
        return [k for k in (*changes, *institutional) if k in available]

    def advance(self: Any, data: st.DataObject) -> None:
        """A phase-changing or institutional kind: so that deep phases are reached."""
        kind = data.draw(st.sampled_from(changing(self)), label="kind")
        step = getattr(self, f"event_{kind}")
        step(
            data.draw(facts(kind, parties), label="facts"),
            data.draw(_gaps(max_gap_days), label="gap"),
            data.draw(st.sampled_from(list(parties)), label="actor"),
        )

    namespace: dict[str, Any] = {"__init__": init}
    for kind in kinds:
        namespace[f"event_{kind}"] = make_rule(kind)
    namespace["advance"] = precondition(lambda self: bool(changing(self)))(
        rule(data=st.data())(advance)
    )
    for inv in model.invariants:
        namespace[f"invariant_{inv.id}"] = make_invariant(inv.id, False)
    for prop in monitor.properties:
        namespace[f"property_{prop.id}"] = make_invariant(prop.id, True)
    name = "".join(part.title() for part in model.spec.id.replace("-", "_").split("_") if part)
    return type(f"{name or 'Dispute'}StateMachine", (RuleBasedStateMachine,), namespace)


def shrink_events(events: Sequence[Event], fails: Callable[[list[Event]], bool]) -> list[Event]:
    """The shortest sub-sequence of ``events`` that still ``fails`` that one-at-a-time deletion
    reaches (a 1-minimal counterexample, as delta debugging gives).

    Hypothesis shrinks the *choices* a strategy made; with :func:`enabled_sequences`, deleting
    an event changes the phase the later draws were made in, so the shrinker can stop at a
    sequence that still holds a step that changed nothing (a rejected event). This pass finishes
    the job on the events themselves::

        found = find(enabled_sequences(model), breaks)
        shortest = shrink_events(found, breaks)
    """
    current = list(events)
    if not fails(current):
        raise ValueError("the events given do not fail: nothing to shrink")
    changed = True
    while changed:
        changed = False
        for i in range(len(current)):
            candidate = current[:i] + current[i + 1 :]
            if fails(candidate):
                current, changed = candidate, True
                break
    return current
