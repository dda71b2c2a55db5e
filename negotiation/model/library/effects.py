"""Effects: what an accepted event does to the world state.

A model names effects, optionally with an argument (``set_track: working_group``). Each is a
pure function ``(world, event, parameters, argument) -> world`` that declares the world fields
it ``reads`` and ``writes`` (a property test holds it to them)::

    >>> from negotiation.events import Event
    >>> from negotiation.model.world import WorldSchema
    >>> e = Event(id="r", kind="results_announced", date="2013-08-12",
    ...           facts={"seats": {"cpp": 68, "cnrp": 55}, "total_seats": 123})
    >>> w = EFFECTS["record_results"].apply(WorldSchema.builtin().initial(), e, None, None)
    >>> w.seat_map(), w.total_seats
    ({'cnrp': 55, 'cpp': 68}, 123)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from negotiation._internal.calendar import add_years
from negotiation.events import Event
from negotiation.model.library.rules import votes_for
from negotiation.model.profile import Parameters
from negotiation.model.world import World

__all__ = ["EFFECTS", "Apply", "Effect"]

Apply = Callable[[World, Event, Parameters | None, str | None], World]


@dataclass(frozen=True)
class Effect:
    """A named change of the world; ``arguments`` lists the values its argument may take."""

    id: str
    apply: Apply
    reads: frozenset[str]
    writes: frozenset[str]
    summary: str = ""
    arguments: tuple[str, ...] | None = None
    dated: bool = False  # records the event's date in the world (waiting before it matters)


def _record_election(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    return w.evolve(election_date=e.date, assembly="elected")


def _record_results(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    if not e.facts.seats:
        return w.evolve(results_on=e.date)
    return w.with_seats(e.facts.seats, e.facts.total_seats).evolve(results_on=e.date)


def _parties_acting(w: World, e: Event) -> set[str]:
    held = {party for party, _ in w.seats}
    return {a for a in e.actors if a in held}


def _parties_concerned(w: World, e: Event) -> set[str]:
    """Seat-holding parties among the event's recipients, else among its actors."""
    held = {party for party, _ in w.seats}
    return {a for a in e.recipients if a in held} or {a for a in e.actors if a in held}


def _start_boycott(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    parties = _parties_acting(w, e)
    if not parties:
        return w
    return w.evolve(boycotting=tuple(sorted(set(w.boycotting) | parties)))


def _end_boycott(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    parties = _parties_acting(w, e) or set(w.boycotting)
    return w.evolve(boycotting=tuple(sorted(set(w.boycotting) - parties)))


def _convene(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    present = e.facts.members_present
    term = (p.get("term_years") if p else None) or 5
    return w.evolve(
        assembly="convened",
        convened_on=e.date,
        term_end=add_years(e.date, term),
        members_present=present if present is not None else w.present_seats(),
        sworn_in=(),
    )


def _form_government(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    record = w.schema.by_name["government"].record
    assert record is not None
    return w.evolve(government=record.make(formed_on=e.date, votes_for=votes_for(w, e)))


def _dismiss_government(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    return w.evolve(government=None, dismissals=(*w.dismissals, e.date))


def _dissolve(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    return w.evolve(assembly="dissolved", dissolved_on=e.date)


def _pass_amendment(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    record = w.schema.by_name["amendments"].record
    assert record is not None
    amendment = record.make(
        passed_on=e.date,
        votes_for=votes_for(w, e),
        affects_core=bool(e.facts.affects_core),
        enables_early_election=bool(e.facts.early_election),
    )
    laws = w.laws if e.facts.law is None else tuple(sorted({*w.laws, e.facts.law}))
    return w.evolve(amendments=(*w.amendments, amendment), laws=laws)


def _early_election(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    return w.evolve(
        early_election_on=e.date,
        election_date=e.date,
        assembly="elected",
        government=None,
        boycotting=(),
        track="none",
    )


def _set_track(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    return w.evolve(track=arg or "none")


def _record_agreement(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    return w.evolve(agreements=w.agreements + 1)


def _add(
    counts: tuple[tuple[str, int], ...], parties: set[str], n: int
) -> tuple[tuple[str, int], ...]:
    out = dict(counts)
    for party in parties:
        out[party] = max(out.get(party, 0) + n, 0)
    return tuple(sorted((k, v) for k, v in out.items() if v))


def _arrest(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    n = e.facts.members or e.facts.detained or 1
    return w.evolve(detained=_add(w.detained, _parties_concerned(w, e), n))


def _release(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    parties = _parties_concerned(w, e) or {party for party, _ in w.detained}
    n = e.facts.members or e.facts.detained
    if n is None:
        return w.evolve(detained=tuple((k, v) for k, v in w.detained if k not in parties))
    return w.evolve(detained=_add(w.detained, parties, -n))


def _officers(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    n = 1 if arg == "remove" else (e.facts.members or 1)
    return w.evolve(
        officers=_add(w.officers, _parties_concerned(w, e), -n if arg == "remove" else n)
    )


def _record_law(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    if e.facts.law is None:
        return w
    return w.evolve(laws=tuple(sorted({*w.laws, e.facts.law})))


def _dissolve_party(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    parties = _parties_concerned(w, e) or {a for a in e.recipients}
    freed = sum(n for party, n in w.seats if party in parties)
    return w.evolve(
        dissolved_parties=tuple(sorted({*w.dissolved_parties, *parties})),
        seats=tuple((k, v) for k, v in w.seats if k not in parties),
        vacant_seats=w.vacant_seats + freed,
        boycotting=tuple(x for x in w.boycotting if x not in parties),
        officers=tuple((k, v) for k, v in w.officers if k not in parties),
        sworn_in=tuple(x for x in w.sworn_in if x not in parties),
    )


def _reallocate(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    gained = dict(e.facts.seats or {})
    seats = dict(w.seats)
    for party, n in gained.items():
        seats[party] = seats.get(party, 0) + n
    return w.evolve(
        seats=tuple(sorted(seats.items())),
        vacant_seats=max(w.vacant_seats - sum(gained.values()), 0),
    )


def _resign(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    parties = _parties_acting(w, e)
    n = e.facts.members
    seats = dict(w.seats)
    freed = 0
    for party in parties:
        gone = seats[party] if n is None else min(n, seats[party])
        seats[party] -= gone
        freed += gone
    return w.evolve(
        seats=tuple(sorted((k, v) for k, v in seats.items() if v)),
        vacant_seats=w.vacant_seats + freed,
        boycotting=tuple(x for x in w.boycotting if seats.get(x)),
    )


def _swear_in(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    parties = _parties_acting(w, e) or _parties_concerned(w, e)
    return w.evolve(
        sworn_in=tuple(sorted({*w.sworn_in, *parties})),
        boycotting=tuple(x for x in w.boycotting if x not in parties),
    )


def _boycott_election(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    return w.evolve(election_boycotters=tuple(sorted({*w.election_boycotters, *e.actors})))


def _annul_election(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    return w.evolve(
        annulled_on=e.date,
        assembly="dissolved" if w.dissolved_on is not None else "not_elected",
        seats=(),
        total_seats=0,
        results_on=None,
    )


def _emergency(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    return w.evolve(emergency=arg != "lift")


def _coup(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    return w.evolve(assembly="dissolved", dissolved_on=e.date, government=None, emergency=True)


def _remove_leader(w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
    return w.evolve(government=None)


_VOTE = {"total_seats", "seats", "boycotting", "event.facts.votes_for"}
_CONCERNED = {"seats", "event.actors", "event.recipients"}


def _e(
    id: str,
    apply: Apply,
    reads: set[str],
    writes: set[str],
    summary: str,
    arguments: tuple[str, ...] | None = None,
    dated: bool = False,
) -> Effect:
    return Effect(id, apply, frozenset(reads), frozenset(writes), summary, arguments, dated)


EFFECTS: dict[str, Effect] = {
    x.id: x
    for x in [
        _e(
            "record_election",
            _record_election,
            {"event.date"},
            {"election_date", "assembly"},
            "the election's date; the Assembly is elected",
            dated=True,
        ),
        _e(
            "record_results",
            _record_results,
            {"seats", "event.facts.seats", "event.facts.total_seats", "event.date"},
            {"seats", "total_seats", "results_on"},
            "the seats won",
            dated=True,
        ),
        _e(
            "start_boycott",
            _start_boycott,
            {"seats", "boycotting", "event.actors"},
            {"boycotting"},
            "the acting parties refuse their seats",
        ),
        _e(
            "end_boycott",
            _end_boycott,
            {"seats", "boycotting", "event.actors"},
            {"boycotting"},
            "the acting parties (else every boycotting party) take their seats",
        ),
        _e(
            "convene_assembly",
            _convene,
            {"total_seats", "seats", "boycotting", "event.date", "event.facts.members_present"},
            {"assembly", "convened_on", "term_end", "members_present", "sworn_in"},
            "the Assembly sits; its term runs from today",
            dated=True,
        ),
        _e(
            "form_government",
            _form_government,
            _VOTE | {"event.date"},
            {"government"},
            "a government with the vote that formed it",
            dated=True,
        ),
        _e(
            "dismiss_government",
            _dismiss_government,
            {"dismissals", "event.date"},
            {"government", "dismissals"},
            "the government is deposed",
            dated=True,
        ),
        _e(
            "dissolve_assembly",
            _dissolve,
            {"event.date"},
            {"assembly", "dissolved_on"},
            "the Assembly is dissolved",
            dated=True,
        ),
        _e(
            "pass_amendment",
            _pass_amendment,
            _VOTE
            | {
                "amendments",
                "laws",
                "event.date",
                "event.facts.affects_core",
                "event.facts.early_election",
                "event.facts.law",
            },
            {"amendments", "laws"},
            "an amendment with its vote",
            dated=True,
        ),
        _e(
            "hold_early_election",
            _early_election,
            {"event.date"},
            {"early_election_on", "election_date", "assembly", "government", "boycotting", "track"},
            "an election before the term's end",
            dated=True,
        ),
        _e(
            "set_track",
            _set_track,
            set(),
            {"track"},
            "the negotiation track",
            arguments=("none", "royal", "working_group", "summit"),
        ),
        _e(
            "record_agreement",
            _record_agreement,
            {"agreements"},
            {"agreements"},
            "one more agreement",
        ),
        _e(
            "arrest_members",
            _arrest,
            _CONCERNED | {"detained", "event.facts.members", "event.facts.detained"},
            {"detained"},
            "members of the parties concerned are detained",
        ),
        _e(
            "release_members",
            _release,
            _CONCERNED | {"detained", "event.facts.members", "event.facts.detained"},
            {"detained"},
            "detained members are released",
        ),
        _e(
            "record_officers",
            _officers,
            _CONCERNED | {"officers", "event.facts.members"},
            {"officers"},
            "Assembly posts given to (or, with `remove`, taken from) a party",
            arguments=("add", "remove"),
        ),
        _e(
            "record_law",
            _record_law,
            {"laws", "event.facts.law"},
            {"laws"},
            "the law passed (its `law` fact)",
        ),
        _e(
            "dissolve_party",
            _dissolve_party,
            _CONCERNED
            | {"dissolved_parties", "vacant_seats", "boycotting", "officers", "sworn_in"},
            {"dissolved_parties", "seats", "vacant_seats", "boycotting", "officers", "sworn_in"},
            "the party is dissolved; its seats fall vacant and its members sworn in no longer sit",
        ),
        _e(
            "reallocate_seats",
            _reallocate,
            {"seats", "vacant_seats", "event.facts.seats"},
            {"seats", "vacant_seats"},
            "vacant seats go to the parties named",
        ),
        _e(
            "resign_members",
            _resign,
            {"seats", "boycotting", "vacant_seats", "event.actors", "event.facts.members"},
            {"seats", "vacant_seats", "boycotting"},
            "members of the acting parties resign",
        ),
        _e(
            "swear_in",
            _swear_in,
            _CONCERNED | {"sworn_in", "boycotting"},
            {"sworn_in", "boycotting"},
            "members take the oath (and so their seats)",
        ),
        _e(
            "boycott_election",
            _boycott_election,
            {"election_boycotters", "event.actors"},
            {"election_boycotters"},
            "the acting parties boycott the election",
        ),
        _e(
            "annul_election",
            _annul_election,
            {"dissolved_on", "event.date"},
            {"annulled_on", "assembly", "seats", "total_seats", "results_on"},
            "the election is void: no Assembly was elected",
            dated=True,
        ),
        _e(
            "declare_emergency",
            _emergency,
            set(),
            {"emergency"},
            "a state of emergency (with `lift`: lifted)",
            arguments=("declare", "lift"),
        ),
        _e(
            "seize_power",
            _coup,
            {"event.date"},
            {"assembly", "dissolved_on", "government", "emergency"},
            "the military takes power: the Assembly and government are gone",
            dated=True,
        ),
        _e(
            "remove_leader",
            _remove_leader,
            set(),
            {"government"},
            "the head of government is removed",
        ),
    ]
}
