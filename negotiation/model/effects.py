"""Effects: what an accepted event does to the world state.

A model spec names effects, optionally with an argument (``set_track: working_group``). Each
is a pure function ``(world, event, parameters, argument) -> world``::

    >>> from negotiation.events import Event
    >>> e = Event(id="r", kind="results_announced", date="2013-08-12",
    ...           facts={"seats": {"cpp": 68, "cnrp": 55}, "total_seats": 123})
    >>> w = EFFECTS["record_results"](WorldState(), e, None, None)
    >>> w.seat_map(), w.total_seats
    ({'cnrp': 55, 'cpp': 68}, 123)
"""

from __future__ import annotations

from collections.abc import Callable

from negotiation._internal.calendar import add_years
from negotiation.events import Event
from negotiation.model.profile import Parameters
from negotiation.model.rules import votes_for
from negotiation.model.world import Amendment, AssemblyStatus, Government, Track, WorldState

__all__ = ["EFFECTS", "Effect", "apply"]

Effect = Callable[[WorldState, Event, Parameters | None, str | None], WorldState]


def _record_election(w: WorldState, e: Event, p: Parameters | None, arg: str | None) -> WorldState:
    return w.evolve(election_date=e.date, assembly=AssemblyStatus.elected)


def _record_results(w: WorldState, e: Event, p: Parameters | None, arg: str | None) -> WorldState:
    if not e.facts.seats:
        return w.evolve(results_on=e.date)
    return w.with_seats(e.facts.seats, e.facts.total_seats).evolve(results_on=e.date)


def _parties_acting(w: WorldState, e: Event) -> set[str]:
    held = {party for party, _ in w.seats}
    return {a for a in e.actors if a in held}


def _start_boycott(w: WorldState, e: Event, p: Parameters | None, arg: str | None) -> WorldState:
    parties = _parties_acting(w, e)
    if not parties:
        return w
    return w.evolve(boycotting=tuple(sorted(set(w.boycotting) | parties)))


def _end_boycott(w: WorldState, e: Event, p: Parameters | None, arg: str | None) -> WorldState:
    parties = _parties_acting(w, e) or set(w.boycotting)
    return w.evolve(boycotting=tuple(sorted(set(w.boycotting) - parties)))


def _convene(w: WorldState, e: Event, p: Parameters | None, arg: str | None) -> WorldState:
    present = e.facts.members_present
    term = p.term_years if p else 5
    return w.evolve(
        assembly=AssemblyStatus.convened,
        convened_on=e.date,
        term_end=add_years(e.date, term),
        members_present=present if present is not None else w.present_seats(),
    )


def _form_government(w: WorldState, e: Event, p: Parameters | None, arg: str | None) -> WorldState:
    return w.evolve(government=Government(formed_on=e.date, votes_for=votes_for(w, e)))


def _dismiss_government(
    w: WorldState, e: Event, p: Parameters | None, arg: str | None
) -> WorldState:
    return w.evolve(government=None, dismissals=(*w.dismissals, e.date))


def _dissolve(w: WorldState, e: Event, p: Parameters | None, arg: str | None) -> WorldState:
    return w.evolve(assembly=AssemblyStatus.dissolved, dissolved_on=e.date)


def _pass_amendment(w: WorldState, e: Event, p: Parameters | None, arg: str | None) -> WorldState:
    amendment = Amendment(
        passed_on=e.date,
        votes_for=votes_for(w, e),
        affects_core=bool(e.facts.affects_core),
        enables_early_election=bool(e.facts.early_election),
    )
    return w.evolve(amendments=(*w.amendments, amendment))


def _early_election(w: WorldState, e: Event, p: Parameters | None, arg: str | None) -> WorldState:
    return w.evolve(
        early_election_on=e.date,
        election_date=e.date,
        assembly=AssemblyStatus.elected,
        government=None,
        boycotting=(),
        track=Track.none,
    )


def _set_track(w: WorldState, e: Event, p: Parameters | None, arg: str | None) -> WorldState:
    return w.evolve(track=Track(arg or "none"))


def _record_agreement(w: WorldState, e: Event, p: Parameters | None, arg: str | None) -> WorldState:
    return w.evolve(agreements=w.agreements + 1)


EFFECTS: dict[str, Effect] = {
    "record_election": _record_election,
    "record_results": _record_results,
    "start_boycott": _start_boycott,
    "end_boycott": _end_boycott,
    "convene_assembly": _convene,
    "form_government": _form_government,
    "dismiss_government": _dismiss_government,
    "dissolve_assembly": _dissolve,
    "pass_amendment": _pass_amendment,
    "hold_early_election": _early_election,
    "set_track": _set_track,
    "record_agreement": _record_agreement,
}

#: effects that take an argument, and the values it may have
ARGUMENTS: dict[str, tuple[str, ...]] = {"set_track": tuple(t.value for t in Track)}


def apply(
    world: WorldState,
    event: Event,
    params: Parameters | None,
    effects: tuple[tuple[str, str | None], ...],
) -> WorldState:
    """Apply named effects in order, then stamp the event's date on the world."""
    for name, arg in effects:
        world = EFFECTS[name](world, event, params, arg)
    return world.evolve(date=event.date)
