"""Mentions from many articles → events: same kind, overlapping actors, compatible dates.

Every citation is kept. Where the merged reports disagree (a date, a seat count, a vote) a
:class:`~negotiation.events.Conflict` is recorded instead of silently picking one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from negotiation.events import (
    Citation,
    Claim,
    Conflict,
    Event,
    EventLog,
    Facts,
    Granularity,
    period_end,
)
from negotiation.events.actors import Gazetteer
from negotiation.extract.mention import EventMention

__all__ = ["actors_overlap", "compatible", "event_slug", "merge_mentions"]

_RANK = {Granularity.day: 0, Granularity.week: 1, Granularity.month: 2, Granularity.year: 3}
_SLACK = dt.timedelta(days=1)


@functools.cache
def _builtin_unique() -> frozenset[str]:
    """The kinds the built-in lexicon marks ``unique`` (once per dispute phase)."""
    from negotiation.extract.lexicon import load_lexicon

    return frozenset(k for k, r in load_lexicon().rules.items() if r.unique)


# What a sentence says about which count it reports: a once-per-phase event is told apart by the
# contest (a presidential winner vs. seats in parliament), the stage (a preliminary vs. a final
# count) and the round (a first round vs. a run-off). A sentence naming both sides of one says
# nothing about that one.
_MARKS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"\bpresiden(?:tial|cy|t-elect)\b|\bthe (?:outright )?winner\b", re.I),
        re.compile(r"\b(?:parliamentary|legislative|congressional|senate|assembly) (?:elections?|vote|polls?|race)\b"
                   r"|\b\d+ (?:of (?:the|its) (?:\d+ )?)?(?:[\w-]+ )?seats\b", re.I),
    ),
    (
        re.compile(r"\b(?:preliminary|provisional|partial|early|initial) (?:[\w-]+ )?(?:results?|tall(?:y|ies)|counts?|figures|returns)\b", re.I),
        re.compile(r"\b(?:final|definitive|certified) (?:[\w-]+ )?(?:results?|tall(?:y|ies)|counts?|figures|returns)\b", re.I),
    ),
    (
        re.compile(r"\bfirst[- ]round\b", re.I),
        re.compile(r"\b(?:run-?offs?|second[- ]round)\b", re.I),
    ),
)  # fmt: skip


def _marks(m: EventMention) -> tuple[int, ...]:
    """Per mark: 1 or 2 for the side the sentence names (seats won: a legislative count), 0."""
    return _quote_marks(m.citation.quote, bool(m.facts.seats))


@functools.lru_cache(maxsize=4096)
def _quote_marks(text: str, seats: bool) -> tuple[int, ...]:
    # read once per sentence: merging compares each mention with every cluster of its kind
    out: list[int] = []
    for i, (one, two) in enumerate(_MARKS):
        a, b = bool(one.search(text)), bool(two.search(text))
        if i == 0 and seats:
            a, b = False, True
        out.append(1 if a and not b else 2 if b and not a else 0)
    return tuple(out)


def _told_apart(a: EventMention, b: EventMention) -> bool:
    """The two sentences name different contests, stages or rounds."""
    return any(x and y and x != y for x, y in zip(_marks(a), _marks(b), strict=True))


def event_slug(kind: str) -> str:
    return kind.replace("_", "-")


def _best_key(m: EventMention) -> tuple[int, int, float, dt.date]:
    source = {"text": 0, "context": 1, "election": 1, "publication": 2}[m.date_source]
    return source, _RANK[m.granularity], -m.confidence, m.date


@dataclass
class _Cluster:
    kind: str
    mentions: list[EventMention] = field(default_factory=list)
    #: the mentions of the cluster's kind, and the best of them, kept as mentions are added (a
    #: merge asks every cluster for them for every mention: recomputed, 5,000 mentions of one
    #: kind took ten CPU-s)
    _own: list[EventMention] = field(default_factory=list)
    _best: tuple[tuple[int, int, float, dt.date], EventMention] | None = None

    def add(self, m: EventMention) -> None:
        self.mentions.append(m)
        if m.kind == self.kind:
            self._own.append(m)
            key = _best_key(m)
            if self._best is None or key < self._best[0]:  # the first of equals, as min()
                self._best = (key, m)

    @property
    def best(self) -> EventMention:
        if self._best is None:
            raise ValueError("a cluster with no mention of its kind")
        return self._best[1]

    @property
    def own(self) -> list[EventMention]:
        """Mentions of the cluster's kind."""
        return self._own

    @property
    def actors(self) -> set[str]:
        return {a for m in self.mentions for a in (*m.actors, *m.recipients)}


def _period(m: EventMention) -> tuple[dt.date, dt.date]:
    end = m.date_end if m.date_end is not None else period_end(m.date, m.granularity)
    return m.date, end


def actors_overlap(a: EventMention, b: EventMention) -> bool:
    """Who acted overlaps (or, when one side names no actor, anyone named overlaps).

    Without any gazetteer actor on either side, the candidate names compare instead.
    """
    if a.actors and b.actors:
        return bool(set(a.actors) & set(b.actors))
    sa, sb = {*a.actors, *a.recipients}, {*b.actors, *b.recipients}
    if not sa and not sb:
        # no gazetteer actor on either side: the names the gazetteer did not know decide
        # ("X said ..." and "Y said ..." are two statements even without an actors file)
        sa, sb = _names(a), _names(b)
    return not sa or not sb or bool(sa & sb)


def _names(m: EventMention) -> set[str]:
    return {n.casefold() for n in m.candidate_actors}


def _own_day(m: EventMention) -> bool:
    """Dated to one day by its own sentence."""
    return m.date_source == "text" and m.granularity is Granularity.day and m.date_end is None


def compatible(a: EventMention, b: EventMention, unique: Collection[str] | None = None) -> bool:
    """Same kind, periods that overlap (one day slack), actors that overlap (when both have).

    Kinds in ``unique`` (default: those the built-in lexicon marks ``unique``) happen once per
    dispute phase: their actors need not overlap.
    """
    if a.kind != b.kind:
        return False
    a0, a1 = _period(a)
    b0, b1 = _period(b)
    if {a.date_source, b.date_source} == {"election", "publication"}:
        return False  # a reaction dated by the election vs. a position restated at publication
    if _own_day(a) and _own_day(b) and a.date != b.date:
        if a.article == b.article:
            return False  # one report naming two days: two events ("on 15 July ... on 16 July")
        if a.recipients and b.recipients and not set(a.recipients) & set(b.recipients):
            # "the Court ruled on 8 June that the Sandu government ..." and "the Court suspended
            # Dodon on 9 June": one actor's acts on two days, on others: two events
            return False
    if a.date_source == "election" and b.date_source == "election":
        if a0 != b0 and a.granularity is b.granularity:
            return False
    elif a0 - _SLACK > b1 or b0 - _SLACK > a1:
        return False
    undated = {"publication", "context"}
    if a.article != b.article and (
        (a.date_source in undated and b.date_source in undated)
        or (a.kind == "statement" and undated & {a.date_source, b.date_source})
    ):
        return False  # undated background mentions: nothing says they are the same event
    if a.kind in (_builtin_unique() if unique is None else unique):
        return not _told_apart(a, b)
    return actors_overlap(a, b)


def _fits(cluster: _Cluster, m: EventMention, unique: Collection[str] | None) -> bool:
    if m.distinct and any(
        c.article == m.article and c.citation.start != m.citation.start for c in cluster.mentions
    ):
        return False  # "in another incident ...": not the event the article reported before
    return compatible(cluster.best, m, unique) and all(
        compatible(c, m, unique) for c in cluster.own
    )


def _standing_home(clusters: list[_Cluster], m: EventMention) -> _Cluster | None:
    """An undated report of a standing state belongs to the latest earlier event like it."""
    homes = [
        c
        for c in clusters
        if c.kind == m.kind
        and c.best.date_source != "publication"
        and c.best.date <= m.date
        and actors_overlap(c.best, m)
        and {*c.best.actors, *c.best.recipients}
    ]
    return max(homes, key=lambda c: c.best.date, default=None)


def _merge_facts(ms: list[EventMention]) -> tuple[Facts, dict[str, list[tuple[str, Citation]]]]:
    values: dict[str, object] = {}
    seats: dict[str, int] = {}
    claims: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
    for m in ms:
        for key, value in m.facts.present().items():
            if key == "seats":
                for actor, n in value.items():
                    claims[f"seats.{actor}"].append((str(n), m.citation))
                    seats.setdefault(actor, n)
            else:
                claims[key].append((str(value), m.citation))
                values.setdefault(key, value)
    if seats:
        values["seats"] = seats
    disputed = {k: v for k, v in claims.items() if len({value for value, _ in v}) > 1}
    return Facts.model_validate(values), disputed


def _dedupe(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    seen: dict[tuple[str, int, int], Citation] = {}
    for c in citations:
        seen.setdefault((c.article, c.start, c.end), c)
    return tuple(sorted(seen.values(), key=lambda c: (c.article, c.start)))


def _clusters(mentions: Iterable[EventMention], unique: Collection[str] | None) -> list[_Cluster]:
    """Mentions grouped into would-be events, best-dated first, statements last.

    A statement is an event of its own even when the same article reports its speaker acting
    on the same day ("Hun Sen told reporters after the meeting that the deadlock had ended"):
    what someone says about an event is reported apart from it.
    """
    ordered = sorted(
        mentions,
        key=lambda m: (m.date_source == "publication", _RANK[m.granularity], m.date, m.article,
                       m.citation.start, m.kind),
    )  # fmt: skip
    clusters: list[_Cluster] = []
    of_kind: dict[str, list[_Cluster]] = defaultdict(list)  # in order of creation, as clusters
    ordered.sort(key=lambda m: m.kind == "statement")
    for m in ordered:
        home = next((c for c in of_kind[m.kind] if _fits(c, m, unique)), None)
        if m.standing:
            home = _standing_home(of_kind[m.kind], m) or home
        if home is None:
            home = _Cluster(m.kind)
            clusters.append(home)
            of_kind[m.kind].append(home)
        home.add(m)
    return clusters


@dataclass
class _Draft:
    """A cluster read as one event, before it gets its id."""

    best: EventMention
    cluster: _Cluster
    actors: list[str]
    recipients: list[str]
    facts: Facts
    disputed: dict[str, list[tuple[str, Citation]]]
    day_values: Counter[dt.date]
    note: str


def _draft(c: _Cluster) -> _Draft:
    """A cluster's actors, recipients, facts, disagreements and note."""
    best = c.best
    actors: list[str] = []
    recipients: list[str] = []
    for m in sorted(c.mentions, key=lambda m: -m.confidence):
        actors += [a for a in m.actors if a not in actors]
    for m in sorted(c.mentions, key=lambda m: -m.confidence):
        recipients += [a for a in m.recipients if a not in recipients and a not in actors]
    facts, disputed = _merge_facts(c.mentions)
    dated = [m for m in c.own if not m.date_inferred and m.granularity is Granularity.day]
    day_values = Counter(m.date for m in dated)
    confidence = min(0.99, max(m.confidence for m in c.mentions) + 0.05 * (len(c.mentions) - 1))
    candidates = sorted({n for m in c.mentions for n in m.candidate_actors})
    note = f"proposed by extraction (confidence {confidence:.2f}, {len(c.mentions)} mention(s))"
    if candidates:
        note += "; candidate actors: " + ", ".join(candidates[:8])
    notes = sorted({n for m in c.mentions for n in m.notes})
    if notes:
        note += "; " + "; ".join(notes)
    return _Draft(best, c, actors, recipients, facts, disputed, day_values, note)


def _event(eid: str, d: _Draft) -> Event:
    """The event a draft proposes (an election's end: the earliest any source gives that is
    not before its date; a mention of a year-old election merged into it gives none)."""
    best, c = d.best, d.cluster
    date_end = best.date_end
    if best.date_source == "election":
        ends = [
            m.date_end
            for m in c.mentions
            if m.date_source == "election" and m.date_end and m.date_end >= best.date
        ]
        date_end = min(ends) if ends else date_end
    return Event(
        id=eid,
        kind=best.kind,
        date=best.date,
        granularity=best.granularity,
        date_text=best.date_text,
        date_end=date_end,
        actors=tuple(d.actors),
        recipients=tuple(d.recipients),
        facts=d.facts,
        summary=best.trigger,
        sources=_dedupe(m.citation for m in c.mentions),
        note=d.note,
    )


def _date_conflict(eid: str, d: _Draft) -> Conflict:
    """Sources that give the event different days, one claim per day."""
    by_date: dict[dt.date, Citation] = {}
    for m in d.cluster.own:
        if not m.date_inferred and m.granularity is Granularity.day:
            by_date.setdefault(m.date, m.citation)
    return Conflict(
        id=f"{eid}-date",
        events=(eid,),
        field="date",
        description=f"sources date this {d.best.kind} differently",
        claims=tuple(Claim(value=day.isoformat(), source=s) for day, s in sorted(by_date.items())),
        resolution=f"the log uses {d.best.date.isoformat()} ({d.best.date_text!r})",
    )


def _fact_conflicts(eid: str, d: _Draft) -> list[Conflict]:
    """Sources that disagree on a fact, one claim per value (first source of each)."""
    conflicts: list[Conflict] = []
    for key, claims in sorted(d.disputed.items()):
        firsts: dict[str, Citation] = {}
        for value, source in claims:
            firsts.setdefault(value, source)
        conflicts.append(
            Conflict(
                id=f"{eid}-{key.replace('_', '-')}",
                events=(eid,),
                field=key,
                description=f"sources disagree on {key} of this {d.best.kind}",
                claims=tuple(Claim(value=v, source=s) for v, s in firsts.items()),
                resolution="the log keeps the first value reported",
            )
        )
    return conflicts


def merge_mentions(
    mentions: Iterable[EventMention],
    *,
    dispute: str = "",
    gazetteer: Gazetteer | None = None,
    unique: Collection[str] | None = None,
) -> EventLog:
    """Merge mentions into events (ids ``YYYY-MM-DD-kind-n``, deterministic) with conflicts.

    ``gazetteer`` is accepted for compatibility: a statement by a person no longer joins an event
    the same article reports that person acting in (a statement is an event of its own).
    ``unique``: the kinds of the lexicon in use marked ``unique`` (default: the built-in one's).
    """
    del gazetteer
    drafts = [_draft(c) for c in _clusters(mentions, unique)]
    drafts.sort(key=lambda d: (d.best.date, d.best.kind, d.best.article, d.best.citation.start))
    counter: Counter[tuple[dt.date, str]] = Counter()
    events: list[Event] = []
    conflicts: list[Conflict] = []
    for d in drafts:
        best = d.best
        counter[(best.date, best.kind)] += 1
        eid = f"{best.date.isoformat()}-{event_slug(best.kind)}-{counter[(best.date, best.kind)]}"
        events.append(_event(eid, d))
        if len(d.day_values) > 1:
            conflicts.append(_date_conflict(eid, d))
        conflicts.extend(_fact_conflicts(eid, d))
    return EventLog(dispute=dispute, events=tuple(events), conflicts=tuple(conflicts))
