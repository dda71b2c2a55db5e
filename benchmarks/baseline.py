"""A hand-written plain ``transitions`` machine of the reference model's shape.

Same phases, same event kinds and the same (kind, from, to) transitions, in the same order, with
``auto_transitions=False``; conditions are small functions over a plain dict that do the same
kind of work as the rules (read the event's facts and date, compare with a threshold), and the
``after`` callbacks update the dict. No spec, no profile, no citations, no invariants: what a
user would write by hand with ``transitions`` alone. The baseline for "overhead of our engine".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from transitions import Machine

from negotiation.events import Event
from negotiation.model.spec import load_spec

MAJORITY, TWO_THIRDS, MIN_MEMBERS = 63, 82, 120


class Plain:
    """The machine's model: a dict world and the event being processed."""

    def __init__(self) -> None:
        self.world: dict[str, Any] = {}
        self.event: Event | None = None
        self.state = ""

    # conditions: the same kind of work as the rules
    def votes_ok(self, _: Any) -> bool:
        assert self.event is not None
        v = self.event.facts.votes_for
        return (v if v is not None else self.world.get("seats", 0)) >= MAJORITY

    def two_thirds_ok(self, _: Any) -> bool:
        assert self.event is not None
        v = self.event.facts.votes_for
        return (v if v is not None else self.world.get("seats", 0)) >= TWO_THIRDS

    def deadline_ok(self, _: Any) -> bool:
        assert self.event is not None
        elected = self.world.get("election_date")
        return elected is not None and self.event.date <= elected + dt.timedelta(days=60)

    def size_ok(self, _: Any) -> bool:
        assert self.event is not None
        total = self.event.facts.total_seats
        return total is None or total >= MIN_MEMBERS

    def term_ok(self, _: Any) -> bool:
        assert self.event is not None
        end = self.world.get("term_end")
        return end is not None and self.event.date >= end

    def sitting(self, _: Any) -> bool:
        return bool(self.world.get("sitting"))

    def boycotting(self, _: Any) -> bool:
        return bool(self.world.get("boycott"))

    def not_boycotting(self, _: Any) -> bool:
        return not self.world.get("boycott")

    # effects
    def record(self, _: Any) -> None:
        assert self.event is not None
        e = self.event
        w = dict(self.world)  # a new world per step, as frozen states need
        w["date"] = e.date
        if e.kind == "election_held":
            w["election_date"] = e.date
        elif e.kind == "results_announced" and e.facts.seats:
            w["seats"] = sum(e.facts.seats.values())
        elif e.kind == "assembly_convened":
            w["sitting"] = True
            w["term_end"] = e.date.replace(year=e.date.year + 5)
        elif e.kind == "boycott":
            w["boycott"] = True
        elif e.kind == "seats_taken":
            w["boycott"] = False
        self.world = w


CONDITIONS = {
    "confidence_vote": "votes_ok",
    "censure_two_thirds": "two_thirds_ok",
    "amendment_two_thirds": "two_thirds_ok",
    "first_session_deadline": "deadline_ok",
    "first_session_quorum": "votes_ok",
    "assembly_min_size": "size_ok",
    "seats_match_total": "size_ok",
    "no_early_dissolution": "term_ok",
    "early_election_basis": "term_ok",
    "new_election_deadline": "deadline_ok",
    "amendment_core": "sitting",
}
WHEN = {
    "boycotting": "boycotting",
    "no_boycott": "not_boycotting",
    "assembly_sitting": "sitting",
    "government_sitting": "sitting",
    "government_vacant": "sitting",
}


def _source(states: str | tuple[str, ...]) -> str | list[str]:
    return "*" if states == "*" else list(states)


class PlainMachine:
    """``step(event) -> accepted``, on a plain ``transitions.Machine``."""

    def __init__(self) -> None:
        spec = load_spec()  # only for the shape: phases and (kind, from, to)
        self.model = Plain()
        self.machine = Machine(
            model=self.model,
            states=spec.phase_ids(),
            initial=spec.regions[0].initial,
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=True,
        )
        for t in spec.transitions:
            self.machine.add_transition(
                trigger=t.kind,
                source=_source(t.source["phase"]),
                dest=t.to.get("phase"),  # None: an internal transition, the phase stays
                conditions=[WHEN[c] for c in t.when] + [CONDITIONS[g] for g in t.guards],
                after="record",
            )

    def reset(self) -> None:
        self.machine.set_state(self.machine.initial, model=self.model)
        self.model.world = {}

    def step(self, event: Event) -> bool:
        self.model.event = event
        return bool(self.model.trigger(event.kind))  # type: ignore[attr-defined]
