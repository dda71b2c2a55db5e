"""Checks of an event log against its sources, its actors and its vocabulary
(:func:`check_event_log`), and of one citation against its article (:func:`verify_citation`):
every problem at its ``file:line:col``, all at once. :mod:`~negotiation.events.log` runs them
when it loads a log."""

from __future__ import annotations

from collections.abc import Sequence

from negotiation._internal import yamldoc
from negotiation._internal.suggest import unknown
from negotiation.corpus import Article, Articles
from negotiation.errors import Problem
from negotiation.events.actors import Gazetteer
from negotiation.events.event import Citation, Event, EventLog, Granularity
from negotiation.events.vocabulary import Vocabulary, builtin_vocabulary

__all__ = ["check_event_log", "count_problems", "verify_citation"]


def _date_prefix(event: Event) -> str:
    d = event.date
    if event.granularity is Granularity.year:
        return f"{d.year:04d}"
    if event.granularity is Granularity.month:
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def _show(s: str, limit: int = 60) -> str:
    return repr(s if len(s) <= limit else s[: limit - 3] + "...")


def verify_citation(
    doc: yamldoc.Document, path: Sequence[str | int], c: Citation, articles: Articles
) -> list[Problem]:
    """Problems with one citation: unknown article, quote not verbatim at its span, or a span
    outside the article's clean paragraphs."""
    base = tuple(path)
    article: Article | None = articles.get(c.article)
    if article is None and c.article in articles.unreadable:
        return []  # its own problem says why it cannot be read
    if article is None:
        return [doc.problem((*base, "article"), unknown("article", c.article, articles))]
    text, where = article.text, f"{c.start}..{c.end}"
    occurrences = _spans(text, c.quote)
    inside = [o for o in occurrences if article.paragraph_at(*o) is not None]
    if text[c.start : c.end] != c.quote:
        if occurrences:
            found = ", ".join(f"{a}..{b}" for a, b in (inside or occurrences))
            msg = f"quote not found at {where} in article {c.article}; it occurs at {found}"
        elif c.start >= len(text):
            msg = (
                f"quote not found in article {c.article}: span {where} is beyond the end of "
                f"the text ({len(text)} characters)"
            )
        else:
            there = text[c.start : c.end]
            k = next(
                (i for i, (a, b) in enumerate(zip(there, c.quote, strict=False)) if a != b),
                min(len(there), len(c.quote)),
            )
            msg = (
                f"quote not found verbatim in article {c.article}: at {where} the article reads "
                f"{_show(there)}; first difference at character {k} (quote has "
                f"{_show(c.quote[k : k + 12], 20)}, article has {_show(there[k : k + 12], 20)})"
            )
            # the quote's first or last 25 characters, found: where the passage would start
            for probe, before in ((c.quote[:25], 0), (c.quote[-25:], max(0, len(c.quote) - 25))):
                hits = _spans(text, probe) if len(probe) >= 10 else []
                if hits and max(0, hits[0][0] - before) != c.start:
                    msg += f"; a passage like it starts near {max(0, hits[0][0] - before)}"
                    break
        return [doc.problem((*base, "quote"), msg)]
    if article.paragraph_at(c.start, c.end) is None:
        msg = (
            f"quote at {where} lies outside the clean paragraphs of article {c.article} "
            "(boilerplate, reader comments or a repeated passage)"
        )
        if inside:
            a, b = inside[0]
            msg += f"; cite the occurrence at {a}..{b}"
        return [doc.problem((*base, "start"), msg)]
    return []


def _check_actor(
    doc: yamldoc.Document, path: Sequence[str | int], actor_id: str, actors: Gazetteer
) -> list[Problem]:
    if actor_id in actors:
        return []
    message = actors.unknown(actor_id)
    return [doc.problem(path, message)]


def _vocabulary_problems(
    doc: yamldoc.Document, at: tuple[str | int, ...], event: Event, vocab: Vocabulary
) -> list[Problem]:
    """An unknown kind, and facts the vocabulary does not declare or that have the wrong type."""
    out = []
    if (msg := vocab.check_kind(event.kind)) is not None:
        out.append(doc.problem((*at, "kind"), msg))
    for msg in vocab.check_facts(event.facts.model_extra or {}):
        out.append(doc.problem((*at, "facts"), msg))
    return out


def _actor_problems(
    doc: yamldoc.Document, at: tuple[str | int, ...], event: Event, actors: Gazetteer
) -> list[Problem]:
    """Actor ids (actors, recipients, mediator, seat holders) the gazetteer does not know."""
    out: list[Problem] = []
    for field in ("actors", "recipients"):
        for j, actor_id in enumerate(getattr(event, field)):
            out += _check_actor(doc, (*at, field, j), actor_id, actors)
    if event.mediator is not None:
        out += _check_actor(doc, (*at, "mediator"), event.mediator, actors)
    for party in event.facts.seats or {}:
        out += _check_actor(doc, (*at, "facts", "seats", party), party, actors)
    return out


def count_problems(events: Sequence[Event]) -> list[tuple[int, str, str]]:
    """``(index, fact, message)`` for each count of ``events`` (in log order) beyond what the
    results allow: seats adding up to more than their ``total_seats``, and members voting or
    present beyond the Assembly's size the last results before gave. Typos a threshold rule
    would silently accept (``votes_for: 999`` of 210 seats passes every one)."""
    out: list[tuple[int, str, str]] = []
    size: int | None = None  # the Assembly's size the last results gave
    for i, event in enumerate(events):
        facts = event.facts
        if facts.seats and facts.total_seats and sum(facts.seats.values()) > facts.total_seats:
            seats = sum(facts.seats.values())
            out.append((i, "seats", f"seats add up to {seats}, more than total_seats "
                                     f"{facts.total_seats}"))  # fmt: skip
        elif size is not None:
            found = [
                (i, name, f"{name} {n} is more than the {size} seats the last results gave "
                          "the Assembly")
                for name, n in (("votes_for", facts.votes_for),
                                ("votes_against", facts.votes_against),
                                ("members_present", facts.members_present))
                if n is not None and n > size
            ]  # fmt: skip
            voted = (facts.votes_for or 0) + (facts.votes_against or 0)
            if not found and voted > size:
                found.append((i, "votes_for", f"votes_for and votes_against add up to {voted}, "
                                              f"more than the {size} seats the last results gave"))  # fmt: skip
            out += found
        size = facts.total_seats or size
    return out


def check_event_log(
    doc: yamldoc.Document,
    log: EventLog,
    articles: Articles,
    actors: Gazetteer | None,
    vocabulary: Vocabulary | None = None,
) -> list[Problem]:
    """Every problem with a parsed log, located in ``doc``."""
    vocab = vocabulary or builtin_vocabulary()
    first, problems = yamldoc.unique_ids(doc, "events", [e.id for e in log.events], "event")
    for i, name, message in count_problems(log.events):
        problems.append(doc.problem(("events", i, "facts", name), message))
    for i, event in enumerate(log.events):
        at: tuple[str | int, ...] = ("events", i)
        problems += _vocabulary_problems(doc, at, event, vocab)
        prefix = _date_prefix(event)
        if not event.id.startswith(prefix + "-"):
            problems.append(
                doc.problem(
                    (*at, "id"),
                    (
                        f"id {event.id!r} should start with the event's date: '{prefix}-<short-name>'"
                    ),
                )
            )
        if i and event.date < log.events[i - 1].date:
            problems.append(
                doc.problem(
                    (*at, "date"),
                    (
                        f"events are not in chronological order: {event.date} comes after "
                        f"{log.events[i - 1].id} ({log.events[i - 1].date})"
                    ),
                )
            )
        if actors is not None:
            problems += _actor_problems(doc, at, event, actors)
        if not event.sources:
            problems.append(doc.problem(at, "an event needs at least one source (sources: [...])"))
        for j, c in enumerate(event.sources):
            found = verify_citation(doc, (*at, "sources", j), c, articles)
            problems += found
            article = articles.get(c.article)
            if (
                not found
                and article is not None
                and article.meta.date_basis != "unknown"
                and event.date > article.published
            ):
                problems.append(
                    doc.problem(
                        (*at, "date"),
                        (
                            f"event dated {event.date} is reported by article {c.article}, published "
                            f"{article.published}"
                        ),
                    )
                )
    ids = set(first)
    problems += yamldoc.unique_ids(doc, "conflicts", [c.id for c in log.conflicts], "conflict")[1]
    for k, conflict in enumerate(log.conflicts):
        at = ("conflicts", k)
        for j, event_id in enumerate(conflict.events):
            if event_id not in ids:
                problems.append(
                    doc.problem((*at, "events", j), unknown("event", event_id, sorted(ids)))
                )
        for j, claim in enumerate(conflict.claims):
            problems += verify_citation(doc, (*at, "claims", j, "source"), claim.source, articles)
    return problems
