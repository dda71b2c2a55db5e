"""Invariants: named, cited properties every accepted step must keep.

Guards (rules) decide whether an event may happen; invariants check, independently, that what
was accepted leaves the world in a constitutional state. A profile that switches a rule off
(``disabled_rules``) lets events through that the invariants then catch. Each check sees the
state before the step, the event and the state after. The engine checks an invariant only on
steps that write a field it ``reads`` (or whose event it reads), so a breach is reported at the
step that makes it::

    >>> from negotiation.model.world import WorldSchema
    >>> empty = WorldSchema.builtin().initial()
    >>> bad = empty.with_seats({"a": 70, "b": 60}, total=123)
    >>> INVARIANTS["seats_sum_to_total"].check(empty, None, bad, None)
    'seats add up to 130, the Assembly has 123'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from negotiation._internal.calendar import months_before
from negotiation.events import Event
from negotiation.model.profile import Parameters
from negotiation.model.world import World

__all__ = ["INVARIANTS", "Invariant", "InvariantCheck"]

InvariantCheck = Callable[[World, Event | None, World, Parameters | None], str | None]


@dataclass(frozen=True)
class Invariant:
    id: str
    provision: str
    summary: str
    check: InvariantCheck
    reads: frozenset[str] = frozenset()
    #: fields a model must write for the invariant to concern it (default: the fields it reads)
    concerns: frozenset[str] | None = None


def _seats_sum(b: World, e: Event | None, a: World, p: Parameters | None) -> str | None:
    if not a.seats:
        return None
    held = sum(n for _, n in a.seats) + a.vacant_seats
    if held != a.total_seats:
        vacant = f" with {a.vacant_seats} vacant" if a.vacant_seats else ""
        return f"seats add up to {held}{vacant}, the Assembly has {a.total_seats}"
    return None


def _dissolution(b: World, e: Event | None, a: World, p: Parameters | None) -> str | None:
    if a.dissolved_on is None or b.dissolved_on == a.dissolved_on:
        return None
    if b.term_end is not None and a.dissolved_on >= b.term_end:
        return None
    powers = p.dissolution if p is not None else ()
    if p is not None and not powers:
        return f"Assembly dissolved on {a.dissolved_on}: the profile gives no power to dissolve it"
    needed = min((x.after_dismissals for x in powers), default=2)
    window = next((x.window_months for x in powers if x.after_dismissals == needed), 12)
    since = months_before(a.dissolved_on, window)
    recent = sum(1 for d in a.dismissals if since < d <= a.dissolved_on)
    if recent < needed:
        return (
            f"Assembly dissolved on {a.dissolved_on} before its term ended with {recent} "
            f"dismissal(s) of the government in the {window} months before ({needed} needed)"
        )
    return None


def _confidence(b: World, e: Event | None, a: World, p: Parameters | None) -> str | None:
    if a.government is None or a.government == b.government or p is None:
        return None
    needed = p.majority(a.total_seats)
    if a.government.votes_for < needed:
        return f"government formed with {a.government.votes_for} votes, {needed} needed"
    return None


def _amendments(b: World, e: Event | None, a: World, p: Parameters | None) -> str | None:
    if p is None:
        return None
    needed = p.two_thirds(a.total_seats)
    for amendment in a.amendments[len(b.amendments) :]:  # the step's new one: reported once
        if amendment.votes_for < needed:
            return f"amendment of {amendment.passed_on} passed with {amendment.votes_for} votes, {needed} needed"
    return None


def _core(b: World, e: Event | None, a: World, p: Parameters | None) -> str | None:
    for amendment in a.amendments[len(b.amendments) :]:
        if amendment.affects_core:
            return f"amendment of {amendment.passed_on} touches the unamendable core"
    return None


def _early_election(b: World, e: Event | None, a: World, p: Parameters | None) -> str | None:
    if a.early_election_on is None or b.early_election_on == a.early_election_on:
        return None
    if b.dissolved_on is not None or any(x.enables_early_election for x in b.amendments):
        return None
    if b.term_end is not None and a.early_election_on >= b.term_end:
        return None
    return f"early election on {a.early_election_on} without a dissolution or an amendment"


_BOYCOTTS = frozenset({"boycott", "boycott_threatened", "election_boycott"})


def _boycott_keeps(b: World, e: Event | None, a: World, p: Parameters | None) -> str | None:
    if p is not None and p.get("boycott_forfeits_seats"):
        return None
    if (
        e is not None
        and e.kind in _BOYCOTTS
        and (a.seats != b.seats or a.total_seats != b.total_seats)
    ):
        return "a boycott changed the seats held"
    return None


def _dissolved_hold_none(b: World, e: Event | None, a: World, p: Parameters | None) -> str | None:
    held = sorted(party for party, n in a.seats if party in a.dissolved_parties and n)
    if held:
        return f"dissolved part{'ies' if len(held) > 1 else 'y'} {', '.join(held)} still hold seats"
    return None


def _i(
    id: str,
    provision: str,
    summary: str,
    check: InvariantCheck,
    reads: set[str],
    concerns: set[str] | None = None,
) -> Invariant:
    return Invariant(
        id,
        provision,
        summary,
        check,
        frozenset(reads),
        frozenset(concerns) if concerns is not None else None,
    )


INVARIANTS: dict[str, Invariant] = {
    i.id: i
    for i in [
        _i(
            "seats_sum_to_total",
            "assembly_size",
            "seats held (and vacant) add up to the Assembly's size",
            _seats_sum,
            {"seats", "total_seats", "vacant_seats"},
        ),
        _i(
            "no_early_dissolution",
            "dissolution",
            "dissolution only after the term or as a dissolution power allows",
            _dissolution,
            {"dissolved_on", "term_end", "dismissals"},
            {"dissolved_on"},
        ),
        _i(
            "government_has_confidence",
            "confidence_vote",
            "no government without a confidence vote that meets the threshold",
            _confidence,
            {"government", "total_seats"},
            {"government"},
        ),
        _i(
            "amendments_two_thirds",
            "amendment_procedure",
            "amendments only with the share of all members the profile sets",
            _amendments,
            {"amendments", "total_seats"},
            {"amendments"},
        ),
        _i(
            "core_not_amended",
            "amendment_core",
            "no amendment touches pluralist democracy or the constitutional monarchy",
            _core,
            {"amendments"},
        ),
        _i(
            "early_election_preceded",
            "term",
            "an early election is preceded by a dissolution or an amendment",
            _early_election,
            {"early_election_on", "dissolved_on", "amendments", "term_end"},
            {"early_election_on"},
        ),
        _i(
            "boycott_keeps_seats",
            "seats_on_boycott",
            "a boycotting party keeps its seats (unless a law in force says otherwise)",
            _boycott_keeps,
            {"seats", "total_seats", "event.kind"},
        ),
        _i(
            "dissolved_party_holds_no_seats",
            "party_dissolution",
            "a dissolved party holds no seats",
            _dissolved_hold_none,
            {"seats", "dissolved_parties"},
            {"dissolved_parties"},
        ),
    ]
}
