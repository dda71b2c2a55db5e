"""Invariants: named, cited properties every accepted step must keep.

Guards (rules) decide whether an event may happen; invariants check, independently, that what
was accepted leaves the world in a constitutional state. A profile that switches a rule off
(``disabled_rules``) lets events through that the invariants then catch. Each check sees the
state before the step, the event and the state after, so both state properties ("seats sum to
the total") and step properties ("a boycott does not change seats") can be written::

    >>> from negotiation.model.world import WorldState
    >>> bad = WorldState().with_seats({"a": 70, "b": 60}, total=123)
    >>> INVARIANTS["seats_sum_to_total"].check(WorldState(), None, bad, None)
    'seats add up to 130, the Assembly has 123'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from negotiation._internal.calendar import months_before
from negotiation.events import Event, EventKind
from negotiation.model.profile import Parameters
from negotiation.model.world import WorldState

__all__ = ["INVARIANTS", "Invariant"]

Check = Callable[[WorldState, Event | None, WorldState, Parameters | None], str | None]


@dataclass(frozen=True)
class Invariant:
    id: str
    provision: str
    summary: str
    check: Check


def _seats_sum(b: WorldState, e: Event | None, a: WorldState, p: Parameters | None) -> str | None:
    if a.seats and sum(n for _, n in a.seats) != a.total_seats:
        return f"seats add up to {sum(n for _, n in a.seats)}, the Assembly has {a.total_seats}"
    return None


def _dissolution(b: WorldState, e: Event | None, a: WorldState, p: Parameters | None) -> str | None:
    if a.dissolved_on is None or b.dissolved_on == a.dissolved_on:
        return None
    if b.term_end is not None and a.dissolved_on >= b.term_end:
        return None
    needed = p.dismissals_for_dissolution if p else 2
    window = p.dismissal_window_months if p else 12
    since = months_before(a.dissolved_on, window)
    recent = sum(1 for d in a.dismissals if since < d <= a.dissolved_on)
    if recent < needed:
        return (
            f"Assembly dissolved on {a.dissolved_on} before its term ended with {recent} "
            f"dismissal(s) of the government in the {window} months before ({needed} needed)"
        )
    return None


def _confidence(b: WorldState, e: Event | None, a: WorldState, p: Parameters | None) -> str | None:
    if a.government is None or a.government == b.government or p is None:
        return None
    needed = p.majority(a.total_seats)
    if a.government.votes_for < needed:
        return f"government formed with {a.government.votes_for} votes, {needed} needed"
    return None


def _amendments(b: WorldState, e: Event | None, a: WorldState, p: Parameters | None) -> str | None:
    if p is None:
        return None
    needed = p.two_thirds(a.total_seats)
    for amendment in a.amendments[len(b.amendments) :]:  # the step's new one: reported once
        if amendment.votes_for < needed:
            return f"amendment of {amendment.passed_on} passed with {amendment.votes_for} votes, {needed} needed"
    return None


def _core(b: WorldState, e: Event | None, a: WorldState, p: Parameters | None) -> str | None:
    for amendment in a.amendments[len(b.amendments) :]:
        if amendment.affects_core:
            return f"amendment of {amendment.passed_on} touches the unamendable core"
    return None


def _early_election(
    b: WorldState, e: Event | None, a: WorldState, p: Parameters | None
) -> str | None:
    if a.early_election_on is None or b.early_election_on == a.early_election_on:
        return None
    if b.dissolved_on is not None or any(x.enables_early_election for x in b.amendments):
        return None
    if b.term_end is not None and a.early_election_on >= b.term_end:
        return None
    return f"early election on {a.early_election_on} without a dissolution or an amendment"


def _boycott_keeps(
    b: WorldState, e: Event | None, a: WorldState, p: Parameters | None
) -> str | None:
    boycott = e is not None and e.kind in (EventKind.boycott, EventKind.boycott_threatened)
    if boycott and (a.seats != b.seats or a.total_seats != b.total_seats):
        return "a boycott changed the seats held"
    return None


INVARIANTS: dict[str, Invariant] = {
    i.id: i
    for i in [
        Invariant(
            "seats_sum_to_total",
            "assembly_size",
            "seats held add up to the Assembly's size",
            _seats_sum,
        ),
        Invariant(
            "no_early_dissolution",
            "dissolution",
            "dissolution only after the term or two dismissals within twelve months",
            _dissolution,
        ),
        Invariant(
            "government_has_confidence",
            "confidence_vote",
            "no government without a confidence vote that meets the threshold",
            _confidence,
        ),
        Invariant(
            "amendments_two_thirds",
            "amendment_procedure",
            "amendments only with the share of all members the profile sets",
            _amendments,
        ),
        Invariant(
            "core_not_amended",
            "amendment_core",
            "no amendment touches pluralist democracy or the constitutional monarchy",
            _core,
        ),
        Invariant(
            "early_election_preceded",
            "term",
            "an early election is preceded by a dissolution or an amendment",
            _early_election,
        ),
        Invariant(
            "boycott_keeps_seats",
            "seats_on_boycott",
            "a boycotting party keeps its seats (2013 law)",
            _boycott_keeps,
        ),
    ]
}
