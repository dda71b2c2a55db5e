"""One event domain: the abstract events exploration, property tests and simulation draw from.

Real events carry any date and any number; the domain draws them from finite sets chosen at the
thresholds the model's rules test, computed from the profile's parameters and the dispute's
own parties, seats and dates (shown for Cambodia, 123 seats):

* seats (results): the real split (68/55), one short of a majority (62/61), two thirds
  (82/41), a report whose seats do not add up, and an Assembly below the minimum size;
* votes (confidence, censure, amendments, officers, laws): none reported, one below and at the
  threshold that the kind's rule tests (majority 63; two thirds 82), and two thirds for
  confidence;
* members present at the opening: none reported, majority - 1, majority, the minimum (120);
* amendments: touching the core or not, providing for an early election or not;
* acts of one party (boycotts, seats taken, oaths, resignations): by the second party;
  dissolutions: by whoever the profile's dissolution powers name, and by no one in particular;
  party dissolutions and annulments: with and without a court;
* dates: each event comes a gap after the last accepted one (the first on ``start``): +0
  days, +1 month, +13 months, +5 years, plus the bounds of the profile's time windows. Only
  kinds whose rules or effects read or record dates get every gap.

:func:`domain_for` derives parties, seats and the start date from, in order: what the caller
gives, the dispute's event log (a pack's), the model's initial world; it refuses to guess::

    >>> from negotiation.model import compile_model
    >>> d = domain_for(compile_model())
    >>> d.parties, d.split, d.start.isoformat()
    (('cpp', 'cnrp'), (68, 55), '2013-07-28')
    >>> [t.label for t in d.templates()["results_announced"]][:2]
    ['68/55', '62/61 no majority']
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from negotiation._internal.calendar import add_months
from negotiation.errors import InputError
from negotiation.events import Event, Facts
from negotiation.explore.literals import (
    around,
    compared_facts,
    compared_params,
    named_parties,
    threshold_facts,
)
from negotiation.model.compiled import CompiledModel

__all__ = [
    "DEFAULT_GAPS",
    "VOTE_KINDS",
    "Domain",
    "Gap",
    "Template",
    "dated_kinds",
    "domain_for",
]


@dataclass(frozen=True)
class Gap:
    """Time between the last accepted event and the next one."""

    label: str
    months: int = 0
    days: int = 0

    def after(self, day: dt.date) -> dt.date:
        if self.months:
            day = add_months(day, self.months)
        return day + dt.timedelta(days=self.days)


DEFAULT_GAPS: tuple[Gap, ...] = (
    Gap("+0", 0),
    Gap("+1 month", 1),
    Gap("+13 months", 13),
    Gap("+5 years", 60),
)


@dataclass(frozen=True)
class Template:
    """An abstract event: a kind with facts and actors, dated when it is drawn."""

    kind: str
    facts: Facts = field(default_factory=Facts)
    actors: tuple[str, ...] = ()
    label: str = ""
    recipients: tuple[str, ...] = ()

    def event(self, event_id: str, day: dt.date) -> Event:
        return Event(
            id=event_id,
            kind=self.kind,
            date=day,
            actors=self.actors,
            recipients=self.recipients,
            facts=self.facts,
        )


def dated_kinds(model: CompiledModel) -> frozenset[str]:
    """Kinds with a transition that checks a rule or records the date."""
    from negotiation.model.library.effects import EFFECTS

    return frozenset(
        t.kind
        for t in model.spec.transitions
        if t.guards or any(EFFECTS[n].dated for n, _ in t.effects if n in EFFECTS)
    )


@dataclass(frozen=True)
class Domain:
    """Parties, seats, start date and date gaps of the abstract events, for one model."""

    model: CompiledModel
    parties: tuple[str, ...]
    split: tuple[int, ...]
    start: dt.date
    gaps: tuple[Gap, ...] = DEFAULT_GAPS
    source: str = "given"  # where parties and seats came from

    def thresholds(self) -> dict[str, int]:
        p = self.model.params
        total = sum(self.split)
        return {
            "total": total,
            "majority": p.majority(total),
            "two_thirds": p.two_thirds(total),
            "censure": p.censure(total),
            "least": p.get("min_members") or 0,
        }

    @functools.cached_property
    def _templates(self) -> dict[str, list[Template]]:
        return {kind: self._refined(kind, self._of(kind)) for kind in sorted(self.model.handled)}

    def _refined(self, kind: str, templates: list[Template]) -> list[Template]:
        """What the model's own structure adds: acts of the parties its per-party regions
        follow, court and no court where a guard reads the court, and the laws whose passage
        brings a change of the profile into force."""
        out = list(templates)
        spec = self.model.spec
        followed = [p for r in spec.regions for p in r.parties]
        if kind in _BY_A_PARTY:
            out += [
                Template(kind, Facts(), (p,), f"by {p}")
                for p in followed
                if all(t.actors != (p,) for t in out)
            ]
        if kind in _TO_A_PARTY:
            out += [
                replace(t, recipients=(p,), label=f"{t.label}, of {p}")
                for p in followed
                for t in templates
                if t.recipients != (p,)
            ]
        reads_court = any(
            "event.facts.court" in self.model.rules[g].reads
            for t in spec.transitions
            if t.kind == kind
            for g in t.guards
            if g in self.model.rules
        )
        if reads_court and all(t.facts.court is None for t in out):
            out += [
                replace(
                    t,
                    facts=t.facts.model_copy(update={"court": "court"}),
                    label=f"{t.label or kind}, by a court",
                )
                for t in list(out)
            ]
        base = list(templates) + self._at_thresholds(kind, templates, out)
        out += base[len(templates) :]
        for name, value in compared_facts(spec, kind) + self._compared_params(kind):
            if any(getattr(t.facts, name, None) == value for t in out):
                continue
            out += [
                _with_fact(t, name, value, f"{t.label or kind}, {name} {value!r}") for t in base
            ]
        for role, who in named_parties(spec, kind):
            if any(getattr(t, role) == (who,) for t in out):
                continue
            out += [_with_role(t, role, who, f"{t.label or kind}, {role} {who}") for t in templates]
        laws = [law for (k, law) in self.model.enactments if k == kind and law is not None]
        out += [
            replace(
                t, facts=t.facts.model_copy(update={"law": law}), label=f"{t.label or kind}, {law}"
            )
            for law in laws
            for t in templates
        ]
        return out

    def _compared_params(self, kind: str) -> list[tuple[str, str | int | float | bool]]:
        """Values around every value a profile parameter that a rule of ``kind`` compares a
        fact with takes, under this interpretation and with each change in time in force."""
        model = self.model
        found: dict[tuple[str, str | int | float | bool], None] = {}
        for fact, param, op in compared_params(model.spec, kind):
            values = [model.params.get(param)] + [
                model.profile.resolve(model.params.interpretation, (c.id,)).get(param)
                for c in model.profile.changes
            ]
            for value in values:
                if isinstance(value, (str, int, float)):
                    found.update(dict.fromkeys((fact, v) for v in around(value, op)))
        return list(found)

    def _at_thresholds(
        self, kind: str, templates: list[Template], drawn: list[Template]
    ) -> list[Template]:
        """Events whose fact a CEL rule or condition compares with a profile threshold
        (``event.facts.votes_for >= params.needed.dissolution_law``), one below and at the
        votes it needs of the domain's members: without them a pack's own vote kind, or a
        built-in kind outside the vote kinds (a dissolution by law), was never accepted."""
        total = sum(self.split)
        needed = {name: need.votes(total) for name, need in self.model.params.thresholds}
        out: list[Template] = []
        for fact, threshold in threshold_facts(self.model.spec, kind):
            n = needed.get(threshold)
            if n is None or any(getattr(t.facts, fact, None) == n for t in drawn):
                continue
            out += [
                _with_fact(t, fact, v, f"{t.label or kind}, {fact} {v}")
                for t in templates
                for v in dict.fromkeys(x for x in (n - 1, n) if 0 <= x <= total)
            ]
        return out

    def templates(self) -> dict[str, list[Template]]:
        """The abstract events of every kind the model handles."""
        return self._templates

    def _of(self, kind: str) -> list[Template]:
        t = self.thresholds()
        total, maj, tt, cen, least = (
            t["total"],
            t["majority"],
            t["two_thirds"],
            t["censure"],
            t["least"],
        )
        first, second = self.parties[0], self.parties[-1]

        def uniq(xs: Iterable[int | None]) -> list[int | None]:
            return list(dict.fromkeys(x for x in xs if x is None or 0 <= x <= total))

        if kind == "results_announced":
            small = max(least - 1, 1)
            seats = [
                (self.split[0], self.split[1], total, f"{self.split[0]}/{self.split[1]}"),
                (maj - 1, total - maj + 1, total, f"{maj - 1}/{total - maj + 1} no majority"),
                (tt, total - tt, total, f"{tt}/{total - tt} two thirds"),
                (self.split[0], self.split[1], total + 1, f"seats do not add up to {total + 1}"),
                (small // 2, small - small // 2, small, f"{small} members, below minimum"),
            ]
            results = [
                Template(kind, Facts(seats={first: a, second: b}, total_seats=n), (), label)
                for a, b, n, label in seats
            ]
            return results if self._reads_seats(kind) else results[:1]
        if kind == "assembly_convened":
            return [
                Template(
                    kind, Facts(members_present=n), (), f"{n} present" if n else "present: all"
                )
                for n in uniq([None, maj - 1, maj, least])
            ]
        if kind in VOTE_KINDS:
            threshold = {"government_formed": maj, "government_dismissed": cen}.get(kind, tt)
            if kind in ("officers_elected", "officer_removed", "law_passed"):
                threshold = maj
            votes = uniq(
                [None, threshold - 1, threshold, tt]
                if kind == "government_formed"
                else [None, threshold - 1, threshold]
            )
            sorts: list[tuple[bool | None, bool | None, str]] = [(None, None, "")]
            if kind == "amendment_passed":
                sorts += [(True, None, ", core"), (None, True, ", early election")]
            return [
                Template(
                    kind,
                    Facts(votes_for=v, affects_core=c, early_election=ee),
                    (),
                    (f"{v} votes" if v is not None else "votes: all present") + label,
                )
                for v in votes
                for c, ee, label in sorts
            ]
        if kind in _BY_A_PARTY:
            return [Template(kind, Facts(), (second,), f"by {second}")]
        if kind == "assembly_dissolved":
            actors = dict.fromkeys(a for p in self.model.params.dissolution for a in p.by)
            return [Template(kind)] + [Template(kind, Facts(), (a,), f"by {a}") for a in actors]
        if kind in ("party_dissolved", "election_annulled"):
            return [
                Template(kind, Facts(court="court"), (), "by a court", recipients=(second,)),
                Template(kind, Facts(), (), "no court", recipients=(second,)),
            ]
        if kind == "seats_reallocated":
            return [
                Template(
                    kind, Facts(seats={first: self.split[-1]}), (), f"{self.split[-1]} to {first}"
                )
            ]
        if kind in ("arrest", "release", "officers_elected", "officer_removed"):
            return [Template(kind, Facts(), (), f"of {second}", recipients=(second,))]
        return [Template(kind)]

    def _reads_seats(self, kind: str) -> bool:
        """Whether a transition of ``kind`` tells seat counts apart: an effect (the built-in
        ones record seats) or a guard or condition reading the event's seats (not Malawi's)."""
        reads = [p.reads for c in self.model.candidates if c.kind == kind for p in c.guards]
        reads += [p.reads for c in self.model.candidates if c.kind == kind for p in c.when]
        seats = {"event.facts.seats", "event.facts.total_seats", "event.facts", "event.*"}
        return any(c.effects for c in self.model.candidates if c.kind == kind) or any(
            seats & r for r in reads
        )

    def gaps_for(
        self, kind: str, mode: Literal["dated", "all"], dated: frozenset[str]
    ) -> tuple[int, ...]:
        """Indices of the gaps drawn before an event of ``kind``."""
        if mode == "all" or kind in dated:
            return tuple(range(len(self.gaps)))
        zero = tuple(i for i, g in enumerate(self.gaps) if not g.months and not g.days)
        return zero or (0,)


#: kinds whose verdicts turn on a vote count (the domain varies ``votes_for`` around thresholds)
VOTE_KINDS = frozenset(
    {
        "government_formed",
        "government_dismissed",
        "amendment_passed",
        "law_passed",
        "officers_elected",
        "officer_removed",
    }
)
_TO_A_PARTY = frozenset(
    {
        "party_dissolved",
        "election_annulled",
        "arrest",
        "release",
        "officers_elected",
        "officer_removed",
    }
)
_BY_A_PARTY = frozenset(
    {
        "boycott",
        "seats_taken",
        "boycott_threatened",
        "election_boycott",
        "sworn_in",
        "mass_resignation",
    }
)


def _with_fact(t: Template, name: str, value: object, label: str) -> Template:
    """The template with one fact set (a vote's count, a compared value) and its label."""
    return replace(t, facts=t.facts.model_copy(update={name: value}), label=label)


def _with_role(t: Template, role: str, who: str, label: str) -> Template:
    if role == "actors":
        return replace(t, actors=(who,), label=label)
    return replace(t, recipients=(who,), label=label)


def window_gaps(model: CompiledModel) -> tuple[Gap, ...]:
    """Gaps at both bounds of the profile's windows that have a lower bound (one day inside
    and outside each): the default gaps already run past an upper bound alone."""
    days: set[int] = set()
    for _, w in model.params.windows:
        if w.min_days:
            days |= {w.min_days - 1, w.min_days}
            if w.max_days is not None:
                days |= {w.max_days, w.max_days + 1}
    return tuple(Gap(f"+{d} days", days=d) for d in sorted(days))


def _from_log(events: Sequence[Event]) -> tuple[tuple[str, ...], tuple[int, ...], dt.date] | None:
    """The last official results that name two sides (a one-party Assembly, as Cambodia's of
    2018, gives no second side to draw abstract events for: an earlier result does)."""
    seats: list[tuple[str, int]] = []
    for e in reversed(events):
        if e.kind != "results_announced" or not e.facts.seats:
            continue
        seats = list(e.facts.seats.items())
        held = sum(n for _, n in seats)
        if e.facts.total_seats is not None and e.facts.total_seats > held:  # parties omitted
            seats.append(("others", e.facts.total_seats - held))
        if len(seats) >= 2:
            break
    if len(seats) < 2:
        return None
    seats.sort(key=lambda kv: (-kv[1], kv[0]))
    first, rest = seats[0], seats[1:]
    parties = (first[0], rest[0][0])
    split = (first[1], sum(n for _, n in rest))
    return parties, split, min(e.date for e in events)


def domain_for(
    model: CompiledModel,
    *,
    parties: Sequence[str] | None = None,
    split: Sequence[int] | None = None,
    start: dt.date | None = None,
    events: Sequence[Event] = (),
    gaps: Sequence[Gap] | None = None,
) -> Domain:
    """The domain of ``model``: what is given, else what the dispute's log (``events``, the
    built-in record for the reference model) or the model's initial world says."""
    source = "given"
    if parties is None or split is None or start is None:
        log = list(events) or _builtin_log(model)
        found = _from_log(log) if log else None
        world = model.initial.world
        # a compiled world keeps only the fields its model uses: a model that reads no seats
        # (or no election date) has none
        fields = world.schema.by_name
        seats = world.seats if "seats" in fields else ()
        elected = world.election_date if "election_date" in fields else None
        if found is not None:
            source = "event log"
        elif len(seats) >= 2:
            ranked = sorted(seats, key=lambda kv: (-kv[1], kv[0]))
            found = (
                (ranked[0][0], ranked[1][0]),
                (ranked[0][1], sum(n for _, n in ranked[1:])),
                world.date or elected or dt.date(2000, 1, 1),
            )
            source = "initial world"
        if found is None and (parties is None or split is None):
            one = (
                f"; the model's world.initial.seats names one party ({seats[0][0]!r}): "
                "give two or more"
                if len(seats) == 1
                else ""
            )
            raise InputError(
                f"model {model.spec.id!r}: no parties and seats to draw abstract events from; "
                "give them (--parties A,B --split N,M --start DATE; in Python parties=, split=, "
                f"start=; or a pack or event log with official results){one}"
            )
        if found is not None:
            parties = parties or found[0]
            split = split or found[1]
            start = start or found[2]
        elif start is None and log:
            # parties and seats given, the start still the log's (the help says so)
            start = min(e.date for e in log)
    assert parties is not None and split is not None
    if len(parties) != 2 or len(split) != 2:
        raise InputError("the abstract events name two parties with two seat counts")
    if any(n < 0 for n in split) or sum(split) == 0:
        raise InputError(f"seats {split} must be whole numbers >= 0 with a positive total")
    return Domain(
        model=model,
        parties=tuple(parties),
        split=tuple(split),
        start=start or dt.date(2000, 1, 1),
        gaps=tuple(gaps) if gaps is not None else DEFAULT_GAPS + window_gaps(model),
        source=source,
    )


def _builtin_log(model: CompiledModel) -> list[Event]:
    """The built-in record for the reference model, else the ``events.yaml`` beside the
    model's file (as ``explore --model`` reads it; the testing strategies read none), or none."""
    from negotiation.events import load_event_log
    from negotiation.model.spec import load_spec

    if model.spec == load_spec():
        return list(_the_record())
    source = model.spec.source_file
    beside = Path(source).parent / "events.yaml" if source else None
    return list(load_event_log(beside).events) if beside and beside.is_file() else []


@functools.cache
def _the_record() -> tuple[Event, ...]:
    from negotiation.events import load_event_log

    return load_event_log().events
