"""The explorer's alphabet: the domain's abstract events, numbered, with the date gaps each
kind is drawn at; one event object per (template, date)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from negotiation.events import Event
from negotiation.explore.domain import Domain, Template, dated_kinds

__all__ = ["Alphabet"]


class Alphabet:
    """The abstract events, numbered, with the gaps each kind is drawn at.

    ``rows(now)`` lists, per kind, the events drawn after a state dated ``now`` (``(event
    number, event, whether it falls on now)``) and whether they all fall on ``now``; built
    once per date."""

    def __init__(self, domain: Domain, gaps_for: Literal["dated", "all"]) -> None:
        templates = domain.templates()
        dated = dated_kinds(domain.model)
        self.gaps = domain.gaps
        self.flat: list[Template] = []
        self.choices: dict[str, tuple[tuple[int, tuple[int, ...]], ...]] = {}
        for kind, ts in templates.items():
            which = domain.gaps_for(kind, gaps_for, dated)
            entries = []
            for t in ts:
                entries.append((len(self.flat), which))
                self.flat.append(t)
            self.choices[kind] = tuple(entries)
        self.ids = [f"x-{t.kind.replace('_', '-')}" for t in self.flat]
        self.numbers: dict[tuple[int, dt.date], int] = {}
        self.events: list[Event] = []
        #: the template of each event number (events of one template differ only in date)
        self.template_of: list[int] = []
        self.gaps_for = gaps_for
        self.domain_args: dict[str, Any] = {
            "parties": domain.parties,
            "split": domain.split,
            "start": domain.start,
            "gaps": domain.gaps,
        }
        self._rows: dict[dt.date, dict[str, tuple[tuple[tuple[int, Event, bool], ...], bool]]] = {}
        self.abstraction: dict[str, Any] = {
            "start": domain.start.isoformat(),
            "parties": list(domain.parties),
            "split": list(domain.split),
            "from": domain.source,
            "gaps": [g.label for g in self.gaps],
            "gaps_for": gaps_for,
            "dated_kinds": sorted(dated) if gaps_for == "dated" else sorted(templates),
            "events": {k: [t.label or k for t in ts] for k, ts in templates.items()},
        }

    def number(self, n: int, day: dt.date) -> int:
        """The number of template ``n`` dated ``day`` (one event object per number)."""
        found = self.numbers.get((n, day))
        if found is None:
            found = self.numbers[(n, day)] = len(self.events)
            self.events.append(self.flat[n].event(f"{self.ids[n]}-{n}", day))
            self.template_of.append(n)
        return found

    def rows(self, now: dt.date) -> dict[str, tuple[tuple[tuple[int, Event, bool], ...], bool]]:
        found = self._rows.get(now)
        if found is None:
            days = [g.after(now) for g in self.gaps]
            found = {}
            for kind, entries in self.choices.items():
                row = []
                for n, gis in entries:
                    for gi in gis:
                        k = self.number(n, days[gi])
                        row.append((k, self.events[k], days[gi] == now))
                found[kind] = (tuple(row), all(today for *_, today in row))
            self._rows[now] = found
        return found
