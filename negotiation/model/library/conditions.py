"""State conditions a transition may require (``when:``). They are not rules: they cite nothing,
and a transition whose condition fails is simply not the one that fires::

    >>> from negotiation.model.world import WorldSchema
    >>> w = WorldSchema.builtin().initial().evolve(boycotting=("cnrp",))
    >>> CONDITIONS["boycotting"].test(w, None, None), CONDITIONS["no_boycott"].test(w, None, None)
    (True, False)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from negotiation.events import Event
from negotiation.model.profile import Parameters
from negotiation.model.world import World

__all__ = ["CONDITIONS", "Condition", "Test"]

Test = Callable[[World, Event | None, Parameters | None], bool]


@dataclass(frozen=True)
class Condition:
    """``test(world, event, params)``; ``event`` is ``None`` when asking which kinds are
    available before any event is given (conditions that read the event then count as met)."""

    id: str
    test: Test
    reads: frozenset[str]
    summary: str = ""

    @property
    def reads_event(self) -> bool:
        return any(r.startswith("event.") for r in self.reads)


def _c(id: str, test: Test, reads: set[str], summary: str) -> Condition:
    return Condition(id, test, frozenset(reads), summary)


def _actors_boycotting(w: World, e: Event | None, p: Parameters | None) -> bool:
    return e is None or any(a in w.boycotting for a in e.actors)


def _boycotting(w: World, e: Event | None, p: Parameters | None) -> bool:
    return bool(w.boycotting)


def _no_boycott(w: World, e: Event | None, p: Parameters | None) -> bool:
    return not w.boycotting


def _government_sitting(w: World, e: Event | None, p: Parameters | None) -> bool:
    return w.government is not None


def _government_vacant(w: World, e: Event | None, p: Parameters | None) -> bool:
    return w.government is None


def _assembly_sitting(w: World, e: Event | None, p: Parameters | None) -> bool:
    return w.assembly == "convened"


def _assembly_not_sitting(w: World, e: Event | None, p: Parameters | None) -> bool:
    return w.assembly != "convened"


def _assembly_dissolved(w: World, e: Event | None, p: Parameters | None) -> bool:
    return w.assembly == "dissolved"


def _seats_vacant(w: World, e: Event | None, p: Parameters | None) -> bool:
    return w.vacant_seats > 0


def _emergency(w: World, e: Event | None, p: Parameters | None) -> bool:
    return w.emergency


def _no_emergency(w: World, e: Event | None, p: Parameters | None) -> bool:
    return not w.emergency


CONDITIONS: dict[str, Condition] = {
    c.id: c
    for c in [
        _c("boycotting", _boycotting, {"boycotting"}, "some party refuses its seats"),
        _c("no_boycott", _no_boycott, {"boycotting"}, "no party refuses its seats"),
        _c(
            "actors_boycotting",
            _actors_boycotting,
            {"boycotting", "event.actors"},
            "a party acting in the event refuses its seats",
        ),
        _c("government_sitting", _government_sitting, {"government"}, "a government is in office"),
        _c("government_vacant", _government_vacant, {"government"}, "no government is in office"),
        _c("assembly_sitting", _assembly_sitting, {"assembly"}, "the Assembly sits"),
        _c(
            "assembly_not_sitting", _assembly_not_sitting, {"assembly"}, "the Assembly does not sit"
        ),
        _c("assembly_dissolved", _assembly_dissolved, {"assembly"}, "the Assembly is dissolved"),
        _c("seats_vacant", _seats_vacant, {"vacant_seats"}, "some seats are vacant"),
        _c("emergency", _emergency, {"emergency"}, "a state of emergency is in force"),
        _c("no_emergency", _no_emergency, {"emergency"}, "no state of emergency"),
    ]
}
