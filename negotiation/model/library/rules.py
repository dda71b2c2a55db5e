"""Institutional rules: named guards that cite the provision they encode.

A rule looks at the world before an event and at the event, under a profile's
:class:`~negotiation.model.profile.Parameters`, and returns ``None`` (allowed) or the reason it
stops the event. The quoted text comes from the profile, so the same rule serves any country
whose profile provides that provision. ``reads`` names the world fields and event parts the
rule looks at (a property test holds every rule to it)::

    >>> import datetime as dt
    >>> from negotiation.events import Event
    >>> from negotiation.model.profile import load_profile
    >>> from negotiation.model.world import WorldSchema
    >>> params = load_profile().resolve()
    >>> w = WorldSchema.builtin().initial().evolve(assembly="convened",
    ...                                            term_end=dt.date(2018, 9, 23))
    >>> e = Event(id="x", kind="assembly_dissolved", date="2014-02-01")
    >>> RULES["no_early_dissolution"].check(w, e, params)
    'dissolution on 2014-02-01 is before the term ends (2018-09-23) and the government was deposed 0 time(s) in the 12 months before, 2 needed'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from negotiation._internal.calendar import add_days, add_months, months_before
from negotiation.events import Event
from negotiation.model.profile import Parameters
from negotiation.model.world import World

__all__ = ["RULES", "Check", "Rule", "member_base", "sitting_members", "votes_for"]

Check = Callable[[World, Event, Parameters], str | None]


@dataclass(frozen=True)
class Rule:
    """A guard: ``check`` returns ``None`` when the event is allowed, else the reason."""

    id: str
    provision: str  # provision id in the profile
    summary: str
    check: Check
    reads: frozenset[str] = frozenset()  # world fields, "event.<part>", "event.facts.<fact>"
    params: frozenset[str] = frozenset()  # profile parameters (or thresholds/windows) it needs


def sitting_members(world: World) -> int:
    """Members who sit (boycotters do not)."""
    return world.present_seats()


def votes_for(world: World, event: Event) -> int:
    """The reported vote, or (unreported) every member present voting with the majority."""
    if event.facts.votes_for is not None:
        return event.facts.votes_for
    return world.present_seats()


_VOTE_READS = frozenset({"total_seats", "seats", "boycotting", "event.facts.votes_for"})


def _more_than_sit(w: World, e: Event) -> str | None:
    """A reported vote larger than the members who sit (boycotters do not vote)."""
    votes = e.facts.votes_for
    if votes is None or not w.seats:
        return None
    sitting = w.present_seats()
    if votes > sitting:
        away = f" ({', '.join(w.boycotting)} boycotting)" if w.boycotting else ""
        return f"{votes} votes reported but only {sitting} members sit{away}"
    return None


def member_base(w: World, p: Parameters, base: str) -> int:
    """Members a threshold counts: ``total`` (the Assembly's seats), ``present`` (those who
    sit), ``elected`` (total less reserved seats counted in it), ``all_members`` (total plus
    reserved seats filled apart from the election, as Bangladesh's women's seats)."""
    if base == "present":
        return w.present_seats()
    if base == "elected":
        return w.total_seats - (p.get("reserved_seats") or 0)
    if base == "all_members":
        return w.total_seats + (p.get("reserved_seats") or 0)
    return w.total_seats


def _needed(
    w: World, p: Parameters, threshold: str, fallback: Callable[[int], int]
) -> tuple[int, int]:
    """Votes the threshold needs, and of how many members."""
    t = p.threshold(threshold)
    if t is None:
        return fallback(w.total_seats), w.total_seats
    base = member_base(w, p, t.base)
    return t.votes(base), base


def _vote(w: World, e: Event, needed: tuple[int, int], what: str) -> str | None:
    """A vote (reported, or every member present) that reaches ``needed`` of the Assembly."""
    if w.total_seats == 0:
        return f"{what}: the Assembly's membership is not known (no official results yet)"
    if (too_many := _more_than_sit(w, e)) is not None:
        return too_many
    votes = votes_for(w, e)
    if votes < needed[0]:
        return f"{what} with {votes} votes; {needed[0]} of {needed[1]} needed"
    return None


def _assembly_min_size(w: World, e: Event, p: Parameters) -> str | None:
    total = e.facts.total_seats
    if total is not None and total < p.min_members:
        return f"an Assembly of {total} members is below the minimum of {p.min_members}"
    return None


def _seats_match_total(w: World, e: Event, p: Parameters) -> str | None:
    seats, total = e.facts.seats, e.facts.total_seats
    if seats and total is not None and sum(seats.values()) != total:
        return f"the seats reported add up to {sum(seats.values())}, the Assembly has {total}"
    return None


def _first_session_deadline(w: World, e: Event, p: Parameters) -> str | None:
    window = p.window("first_session")
    assert window is not None
    base = w.results_on if window.start == "results" else w.election_date
    base = base or w.election_date
    if base is None:
        return "the first session cannot be convened before an election"
    what = "final results" if window.start == "results" else "election"
    if window.max_days is not None:
        deadline = add_days(base, window.max_days)
        if e.date > deadline:
            return (
                f"first session on {e.date} is after the deadline {deadline} "
                f"({window.max_days} days from the {what} of {base})"
            )
    if window.min_days and e.date < add_days(base, window.min_days):
        return (
            f"first session on {e.date} is before {add_days(base, window.min_days)} "
            f"({window.min_days} days from the {what} of {base})"
        )
    return None


def _first_session_quorum(w: World, e: Event, p: Parameters) -> str | None:
    total = w.total_seats
    if total == 0:
        return "the Assembly's membership is not known: no official results yet"
    present = e.facts.members_present if e.facts.members_present is not None else w.present_seats()
    t = p.threshold("opening_quorum")
    assert t is not None
    needed = t.votes(member_base(w, p, t.base))
    if t.fixed is not None:
        why = f"{needed} members must be present"
    elif t.base == "total":
        why = f"an absolute majority ({needed}) of {total}"
    else:
        why = f"{needed} members ({t.describe()})"
    if present < needed:
        return f"{present} members present; {why} (interpretation {p.interpretation})"
    return None


def _confidence_vote(w: World, e: Event, p: Parameters) -> str | None:
    return _vote(w, e, _needed(w, p, "confidence", p.majority), "vote of confidence")


def _censure(w: World, e: Event, p: Parameters) -> str | None:
    if w.total_seats == 0:
        return "censure: the Assembly's membership is not known (no official results yet)"
    if (too_many := _more_than_sit(w, e)) is not None:
        return too_many
    needed, total = _needed(w, p, "censure", p.censure)
    if e.facts.votes_for is None:
        return f"a government is deposed by a censure vote of {needed} of {total}; no vote given"
    if e.facts.votes_for < needed:
        return f"censure with {e.facts.votes_for} votes; {needed} of {total} needed"
    return None


def _power_blocks(w: World, e: Event, p: Parameters) -> list[str]:
    """Why each of the profile's dissolution powers does not allow this dissolution."""
    reasons = []
    for power in p.dissolution:
        if power.by and not set(power.by) & set(e.actors):
            reasons.append(f"only {' or '.join(power.by)} may dissolve the Assembly")
            continue
        since = months_before(e.date, power.window_months)
        recent = sum(1 for d in w.dismissals if since < d <= e.date)
        if recent < power.after_dismissals:
            end = w.term_end.isoformat() if w.term_end else "unknown: not convened"
            reasons.append(
                f"dissolution on {e.date} is before the term ends ({end}) and the government was "
                f"deposed {recent} time(s) in the {power.window_months} months before, "
                f"{power.after_dismissals} needed"
            )
            continue
        quiet = power.not_within_months_of_election
        if quiet and w.election_date is not None and e.date < add_months(w.election_date, quiet):
            reasons.append(
                f"no dissolution within {quiet} months of the election of {w.election_date}"
            )
            continue
        gap = power.at_most_once_in_months
        if gap and w.dissolved_on is not None and e.date < add_months(w.dissolved_on, gap):
            reasons.append(f"no second dissolution within {gap} months of {w.dissolved_on}")
            continue
        return []
    return reasons or ["the profile gives no power to dissolve the Assembly"]


def _no_early_dissolution(w: World, e: Event, p: Parameters) -> str | None:
    if w.term_end is not None and e.date >= w.term_end:
        return None
    reasons = _power_blocks(w, e, p)
    return "; ".join(dict.fromkeys(reasons)) if reasons else None


def _new_election_deadline(w: World, e: Event, p: Parameters) -> str | None:
    if w.dissolved_on is None:
        return None
    window = p.window("election_after_dissolution")
    assert window is not None
    if window.max_days is not None:
        deadline = add_days(w.dissolved_on, window.max_days)
        if e.date > deadline:
            return f"election on {e.date} is after {deadline}, {window.max_days} days from the dissolution"
    if window.min_days:
        earliest = add_days(w.dissolved_on, window.min_days)
        if e.date < earliest:
            return f"election on {e.date} is before {earliest}, {window.min_days} days from the dissolution"
    return None


def _early_election_basis(w: World, e: Event, p: Parameters) -> str | None:
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


def _amendment_two_thirds(w: World, e: Event, p: Parameters) -> str | None:
    return _vote(w, e, _needed(w, p, "amendment", p.two_thirds), "amendment carried")


def _amendment_core(w: World, e: Event, p: Parameters) -> str | None:
    if e.facts.affects_core:
        return "amendments affecting pluralist democracy or the constitutional monarchy are barred"
    return None


def _officers_vote(w: World, e: Event, p: Parameters) -> str | None:
    what = (
        "Assembly officer removed" if e.kind == "officer_removed" else "Assembly officers elected"
    )
    return _vote(w, e, _needed(w, p, "officers", p.majority), what)


def _reallocation(w: World, e: Event, p: Parameters) -> str | None:
    gained = sum((e.facts.seats or {}).values())
    if gained == 0:
        return "a reallocation names the seats each party gains (facts.seats)"
    if gained > w.vacant_seats:
        return f"{gained} seats reallocated but only {w.vacant_seats} are vacant"
    if w.dissolved_parties and p.get("dissolved_party_seats") != "reallocated":
        return (
            "the seats of a dissolved party stay vacant under the law in force "
            f"(dissolved_party_seats: {p.get('dissolved_party_seats') or 'not given'})"
        )
    taken = set(e.facts.seats or {}) & set(w.dissolved_parties)
    if taken:
        return f"seats reallocated to a dissolved party: {', '.join(sorted(taken))}"
    return None


def _no_seats_for_dissolved(w: World, e: Event, p: Parameters) -> str | None:
    named = sorted(set(e.facts.seats or {}) & set(w.dissolved_parties))
    if named:
        return f"seats given to a dissolved party: {', '.join(named)}"
    return None


def _party_dissolution(w: World, e: Event, p: Parameters) -> str | None:
    return (
        "dissolving a party needs a court ruling (facts.court)" if e.facts.court is None else None
    )


def _annulment(w: World, e: Event, p: Parameters) -> str | None:
    return (
        "annulling an election needs a court ruling (facts.court)"
        if e.facts.court is None
        else None
    )


def _r(
    id: str, provision: str, summary: str, check: Check, reads: set[str], params: set[str]
) -> Rule:
    return Rule(id, provision, summary, check, frozenset(reads), frozenset(params))


RULES: dict[str, Rule] = {
    r.id: r
    for r in [
        _r(
            "assembly_min_size",
            "assembly_size",
            "the Assembly has at least the minimum members",
            _assembly_min_size,
            {"event.facts.total_seats"},
            {"min_members"},
        ),
        _r(
            "seats_match_total",
            "assembly_size",
            "seats won add up to the Assembly's seats",
            _seats_match_total,
            {"event.facts.seats", "event.facts.total_seats"},
            set(),
        ),
        _r(
            "first_session_deadline",
            "first_session",
            "the first session is convened within the window the profile sets",
            _first_session_deadline,
            {"results_on", "election_date", "event.date"},
            {"windows.first_session"},
        ),
        _r(
            "first_session_quorum",
            "opening_quorum",
            "enough members are present to open the Assembly",
            _first_session_quorum,
            {"total_seats", "seats", "boycotting", "event.facts.members_present"},
            {"thresholds.opening_quorum"},
        ),
        _r(
            "confidence_vote",
            "confidence_vote",
            "a government needs a vote of confidence by an absolute majority",
            _confidence_vote,
            set(_VOTE_READS),
            set(),
        ),
        _r(
            "censure_two_thirds",
            "censure",
            "a government is deposed by a censure vote of two thirds",
            _censure,
            set(_VOTE_READS),
            set(),
        ),
        _r(
            "no_early_dissolution",
            "dissolution",
            "no dissolution before the term ends unless a dissolution power of the profile "
            "allows it (in Cambodia: the government deposed twice in twelve months)",
            _no_early_dissolution,
            {
                "term_end",
                "dismissals",
                "election_date",
                "dissolved_on",
                "event.date",
                "event.actors",
            },
            {"dissolution"},
        ),
        _r(
            "new_election_deadline",
            "election_after_dissolution",
            "after a dissolution, the election is held within the window the profile sets",
            _new_election_deadline,
            {"dissolved_on", "event.date"},
            {"windows.election_after_dissolution"},
        ),
        _r(
            "early_election_basis",
            "term",
            "an early election needs a dissolution or an amendment",
            _early_election_basis,
            {"dissolved_on", "term_end", "amendments", "event.date"},
            set(),
        ),
        _r(
            "amendment_two_thirds",
            "amendment_procedure",
            "amendments need the share of all members the profile sets (two thirds in Cambodia)",
            _amendment_two_thirds,
            set(_VOTE_READS),
            set(),
        ),
        _r(
            "amendment_core",
            "amendment_core",
            "the democratic and monarchic core cannot be amended",
            _amendment_core,
            {"event.facts.affects_core"},
            set(),
        ),
        _r(
            "officers_majority",
            "assembly_officers",
            "the Assembly's officers are elected (or removed) by the majority the profile sets",
            _officers_vote,
            {*_VOTE_READS, "event.kind"},
            set(),
        ),
        _r(
            "reallocation_lawful",
            "seats_on_dissolution",
            "only vacant seats are reallocated, and a dissolved party's seats only where the law "
            "in force provides for it",
            _reallocation,
            {"vacant_seats", "dissolved_parties", "event.facts.seats"},
            set(),
        ),
        _r(
            "no_seats_for_dissolved",
            "party_dissolution",
            "a dissolved party wins no seats",
            _no_seats_for_dissolved,
            {"dissolved_parties", "event.facts.seats"},
            set(),
        ),
        _r(
            "party_dissolution_by_court",
            "party_dissolution",
            "a party is dissolved only by a court",
            _party_dissolution,
            {"event.facts.court"},
            set(),
        ),
        _r(
            "annulment_by_court",
            "election_annulment",
            "an election is annulled only by a court",
            _annulment,
            {"event.facts.court"},
            set(),
        ),
    ]
}
