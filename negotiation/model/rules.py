"""Institutional rules: named guards that cite the provision they encode.

A rule looks at the world state before an event and at the event, under a profile's
:class:`~negotiation.model.profile.Parameters`, and returns ``None`` (allowed) or the reason it
stops the event. The quoted text comes from the profile, so the same rule serves any country
whose profile provides that provision::

    >>> from negotiation.events import Event
    >>> from negotiation.model.profile import load_profile
    >>> from negotiation.model.world import AssemblyStatus, WorldState
    >>> params = load_profile().resolve()
    >>> w = WorldState(assembly=AssemblyStatus.convened, term_end=dt.date(2018, 9, 23))
    >>> e = Event(id="x", kind="assembly_dissolved", date="2014-02-01")
    >>> RULES["no_early_dissolution"].check(w, e, params)
    'dissolution on 2014-02-01 is before the term ends (2018-09-23) and the government was deposed 0 time(s) in the 12 months before, 2 needed'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from negotiation._internal.calendar import months_before
from negotiation.events import Event
from negotiation.model.profile import Parameters
from negotiation.model.world import WorldState

__all__ = ["RULES", "Rule", "votes_for"]

Check = Callable[[WorldState, Event, Parameters], str | None]


@dataclass(frozen=True)
class Rule:
    """A guard: ``check`` returns ``None`` when the event is allowed, else the reason."""

    id: str
    provision: str  # provision id in the profile
    summary: str
    check: Check


def votes_for(world: WorldState, event: Event) -> int:
    """The reported vote, or (unreported) every member present voting with the majority."""
    if event.facts.votes_for is not None:
        return event.facts.votes_for
    return world.present_seats()


def _more_than_sit(w: WorldState, e: Event) -> str | None:
    """A reported vote larger than the members who sit (boycotters do not vote)."""
    votes = e.facts.votes_for
    if votes is None or not w.seats:
        return None
    sitting = w.present_seats()
    if votes > sitting:
        away = f" ({', '.join(w.boycotting)} boycotting)" if w.boycotting else ""
        return f"{votes} votes reported but only {sitting} members sit{away}"
    return None


def total_seats(world: WorldState, event: Event) -> int:
    """The Assembly's size as the results made it (an event cannot resize it)."""
    return world.total_seats


def _assembly_min_size(w: WorldState, e: Event, p: Parameters) -> str | None:
    total = e.facts.total_seats
    if total is not None and total < p.min_members:
        return f"an Assembly of {total} members is below the minimum of {p.min_members}"
    return None


def _seats_match_total(w: WorldState, e: Event, p: Parameters) -> str | None:
    seats, total = e.facts.seats, e.facts.total_seats
    if seats and total is not None and sum(seats.values()) != total:
        return f"the seats reported add up to {sum(seats.values())}, the Assembly has {total}"
    return None


def _first_session_deadline(w: WorldState, e: Event, p: Parameters) -> str | None:
    base = w.results_on if p.first_session_from == "results" else w.election_date
    base = base or w.election_date
    if base is None:
        return "the first session cannot be convened before an election"
    deadline = base + dt.timedelta(days=p.first_session_days)
    if e.date > deadline:
        what = "final results" if p.first_session_from == "results" else "election"
        return (
            f"first session on {e.date} is after the deadline {deadline} "
            f"({p.first_session_days} days from the {what} of {base})"
        )
    return None


def _first_session_quorum(w: WorldState, e: Event, p: Parameters) -> str | None:
    total = total_seats(w, e)
    if total == 0:
        return "the Assembly's membership is not known: no official results yet"
    present = e.facts.members_present if e.facts.members_present is not None else w.present_seats()
    if p.first_session_quorum == "min_members":
        needed, why = p.min_members, f"{p.min_members} members must be present"
    else:
        needed, why = p.majority(total), f"an absolute majority ({p.majority(total)}) of {total}"
    if present < needed:
        return f"{present} members present; {why} (interpretation {p.interpretation})"
    return None


def _vote(w: WorldState, e: Event, needed: int, what: str) -> str | None:
    """A vote (reported, or every member present) that reaches ``needed`` of the Assembly."""
    if w.total_seats == 0:
        return f"{what}: the Assembly's membership is not known (no official results yet)"
    if (too_many := _more_than_sit(w, e)) is not None:
        return too_many
    votes = votes_for(w, e)
    if votes < needed:
        return f"{what} with {votes} votes; {needed} of {total_seats(w, e)} needed"
    return None


def _confidence_vote(w: WorldState, e: Event, p: Parameters) -> str | None:
    return _vote(w, e, p.majority(total_seats(w, e)), "vote of confidence")


def _censure(w: WorldState, e: Event, p: Parameters) -> str | None:
    if w.total_seats == 0:
        return "censure: the Assembly's membership is not known (no official results yet)"
    if (too_many := _more_than_sit(w, e)) is not None:
        return too_many
    total = total_seats(w, e)
    needed = p.censure(total)
    if e.facts.votes_for is None:
        return f"a government is deposed by a censure vote of {needed} of {total}; no vote given"
    if e.facts.votes_for < needed:
        return f"censure with {e.facts.votes_for} votes; {needed} of {total} needed"
    return None


def _no_early_dissolution(w: WorldState, e: Event, p: Parameters) -> str | None:
    if w.term_end is not None and e.date >= w.term_end:
        return None
    since = months_before(e.date, p.dismissal_window_months)
    recent = sum(1 for d in w.dismissals if since < d <= e.date)
    if recent >= p.dismissals_for_dissolution:
        return None
    end = w.term_end.isoformat() if w.term_end else "unknown: not convened"
    return (
        f"dissolution on {e.date} is before the term ends ({end}) and the government was deposed "
        f"{recent} time(s) in the {p.dismissal_window_months} months before, "
        f"{p.dismissals_for_dissolution} needed"
    )


def _new_election_deadline(w: WorldState, e: Event, p: Parameters) -> str | None:
    if w.dissolved_on is None:
        return None
    deadline = w.dissolved_on + dt.timedelta(days=p.election_after_dissolution_days)
    if e.date > deadline:
        return f"election on {e.date} is after {deadline}, {p.election_after_dissolution_days} days from the dissolution"
    return None


def _early_election_basis(w: WorldState, e: Event, p: Parameters) -> str | None:
    if w.dissolved_on is not None:
        return None
    if w.term_end is not None and e.date >= w.term_end:
        return None
    if any(a.passed_on <= e.date and a.enables_early_election for a in w.amendments):
        return None
    end = w.term_end.isoformat() if w.term_end else "unknown"
    return (
        f"an election on {e.date}, before the term ends ({end}), needs a dissolution "
        "or an amendment providing for it"
    )


def _amendment_two_thirds(w: WorldState, e: Event, p: Parameters) -> str | None:
    return _vote(w, e, p.two_thirds(total_seats(w, e)), "amendment carried")


def _amendment_core(w: WorldState, e: Event, p: Parameters) -> str | None:
    if e.facts.affects_core:
        return "amendments affecting pluralist democracy or the constitutional monarchy are barred"
    return None


RULES: dict[str, Rule] = {
    r.id: r
    for r in [
        Rule(
            "assembly_min_size",
            "assembly_size",
            "the Assembly has at least the minimum members",
            _assembly_min_size,
        ),
        Rule(
            "seats_match_total",
            "assembly_size",
            "seats won add up to the Assembly's seats",
            _seats_match_total,
        ),
        Rule(
            "first_session_deadline",
            "first_session",
            "the first session is convened within the deadline",
            _first_session_deadline,
        ),
        Rule(
            "first_session_quorum",
            "opening_quorum",
            "enough members are present to open the Assembly",
            _first_session_quorum,
        ),
        Rule(
            "confidence_vote",
            "confidence_vote",
            "a government needs a vote of confidence by an absolute majority",
            _confidence_vote,
        ),
        Rule(
            "censure_two_thirds",
            "censure",
            "a government is deposed by a censure vote of two thirds",
            _censure,
        ),
        Rule(
            "no_early_dissolution",
            "dissolution",
            "no dissolution before the term ends unless the government was deposed twice in "
            "twelve months",
            _no_early_dissolution,
        ),
        Rule(
            "new_election_deadline",
            "election_after_dissolution",
            "after a dissolution, the election is held within sixty days",
            _new_election_deadline,
        ),
        Rule(
            "early_election_basis",
            "term",
            "an early election needs a dissolution or an amendment",
            _early_election_basis,
        ),
        Rule(
            "amendment_two_thirds",
            "amendment_procedure",
            "amendments need the share of all members the profile sets (two thirds in Cambodia)",
            _amendment_two_thirds,
        ),
        Rule(
            "amendment_core",
            "amendment_core",
            "the democratic and monarchic core cannot be amended",
            _amendment_core,
        ),
    ]
}
