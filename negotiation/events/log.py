"""The curated event log: load it, check it against its sources, dump it back to YAML.

``seeds/events.yaml`` holds the log of the 2013-2014 Cambodian post-election dispute. Loading
checks everything a reader would want checked, and reports *all* problems at once, each at its
``file:line:col``::

    >>> log = load_event_log()                  # the built-in seeds/events.yaml
    >>> log["2013-07-28-election-held"].kind
    'election_held'
    >>> log["2013-07-28-results-announced"].facts.seats
    {'cpp': 68, 'cnrp': 55}

Checks (:func:`check_event_log`): unique event and conflict ids; ids start with the event's
date; events in chronological order; every actor, recipient, mediator and seat-holder is a known
actor (with a "did you mean" suggestion); every event has a source; every quote is found verbatim
at its span in its article, inside the article's clean paragraphs (not boilerplate, comments or
a repeated passage); no event is dated after an article that reports it; seat counts do not
exceed the total, nor votes and members present the Assembly's size the last results gave. An event without ``crosswalk`` gets the defaults of its kind
(:mod:`negotiation.events.crosswalk`); :func:`dump_event_log` leaves such defaults out again, so that
``load(dump(log)) == log``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from negotiation._internal import files, paths, yamldoc
from negotiation._internal.dockinds import with_article
from negotiation._internal.suggest import unknown
from negotiation.corpus import Articles
from negotiation.corpus.article import read_articles
from negotiation.errors import InputError, Problem
from negotiation.events.actors import Actor, Gazetteer, normalize_name
from negotiation.events.checks import check_event_log, verify_citation
from negotiation.events.crosswalk import default_crosswalk
from negotiation.events.crosswalk import table as crosswalk_table
from negotiation.events.event import Event, EventLog
from negotiation.events.vocabulary import (
    Vocabulary,
    kind_crosswalk,
    vocabulary_beside,
)

__all__ = [
    "ACTORS_FILE",
    "FORMAT_VERSION",
    "ActorsFile",
    "actors_from_document",
    "articles_beside",
    "check_event_log",
    "dump_event_log",
    "event_log_from_document",
    "load_actors",
    "load_event_log",
    "log_file",
    "verify_citation",
]

EVENTS_FILE = "events.yaml"
ACTORS_FILE = "actors.yaml"
VOCABULARY_FILE = "vocabulary.yaml"  # a dispute's additions to the built-in vocabulary


class ActorsFile(BaseModel):
    """Schema of ``actors.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    actors: tuple[Actor, ...] = ()


# --------------------------------------------------------------------------- helpers


def log_file(path: Path | str | None) -> Path:
    """The file :func:`load_event_log` reads for ``path`` (a file, a folder, ``None``)."""
    return _resolve(path, EVENTS_FILE)


def _resolve(path: Path | str | None, default_name: str) -> Path:
    if path is None:
        return paths.seeds_dir() / default_name
    p = Path(path)
    return p / default_name if files.is_dir(p) else p


# --------------------------------------------------------------------------- actors


#: the actor types a ``party:`` may name (a coalition or a list of independents is a group)
_PARTY_TYPES = frozenset({"party", "group"})


def actors_from_document(doc: yamldoc.Document) -> Gazetteer:
    """Validate an ``actors.yaml`` document: schema, unique ids, known parties, role dates."""
    parsed = yamldoc.parse(doc, ActorsFile)
    first, problems = yamldoc.unique_ids(doc, "actors", [a.id for a in parsed.actors], "actor")
    ids = set(first)
    types = {a.id: a.type.value for a in reversed(parsed.actors)}
    for i, actor in enumerate(parsed.actors):
        if actor.party is not None and actor.party not in ids:
            problems.append(
                doc.problem(
                    ("actors", i, "party"),
                    unknown("actor", actor.party, sorted(ids)),
                )
            )
        elif actor.party == actor.id:  # was taken: a party whose party is itself
            problems.append(
                doc.problem(
                    ("actors", i, "party"),
                    f"{actor.party!r} is the actor itself, expected another actor, a party",
                )
            )
        elif actor.party is not None and types[actor.party] not in _PARTY_TYPES:
            problems.append(  # was taken: a person's party another person, made a side
                doc.problem(
                    ("actors", i, "party"),
                    f"{actor.party!r} is {with_article(types[actor.party].replace('_', ' '))}, expected "
                    "a party (an actor of type party or group)",
                )
            )
        for j, role in enumerate(actor.roles):
            if role.start and role.end and role.end < role.start:
                problems.append(
                    doc.problem(
                        ("actors", i, "roles", j, "end"),
                        f"role ends ({role.end}) before it starts ({role.start})",
                    )
                )
    problems += _shared_names(doc, parsed.actors)
    if problems:
        raise InputError(problems)
    return Gazetteer(parsed.actors)


def _shared_names(doc: yamldoc.Document, actors: Sequence[Actor]) -> list[Problem]:
    """A problem for every name or alias an earlier actor already goes by (compared as the
    gazetteer compares them): a name in the text could only ever resolve to the first."""
    owner: dict[str, tuple[str, tuple[str | int, ...]]] = {}
    problems: list[Problem] = []
    for i, actor in enumerate(actors):
        forms: list[tuple[str, tuple[str | int, ...]]] = [
            (actor.id, ("actors", i, "id")),
            (actor.name, ("actors", i, "name")),
        ]
        forms += [(a, ("actors", i, "aliases", j)) for j, a in enumerate(actor.aliases)]
        for form, where in forms:
            key = normalize_name(form)
            first = owner.setdefault(key, (actor.id, where))
            if first[0] != actor.id:
                pos = doc.position(first[1])
                line = f" (line {pos[0]})" if pos else ""
                problems.append(
                    doc.problem(
                        where,
                        f"{form!r} already names actor {first[0]!r}{line}: expected each name "
                        "and alias to name one actor of the file",
                    )
                )
    return problems


def load_actors(path: Path | str | None = None) -> Gazetteer:
    """The actors of ``actors.yaml`` (a file or a directory holding one; ``None``: built-in)."""
    return actors_from_document(yamldoc.load(_resolve(path, ACTORS_FILE)))


# --------------------------------------------------------------------------- loading


#: the ``format_version`` of ``negotiation events --json``, read back as a log
FORMAT_VERSION = 1


def _without_format_version(doc: yamldoc.Document) -> Any:
    """The raw document without the ``format_version`` a log printed by ``negotiation events
    --json`` carries (the one version this package writes); another version is an error."""
    data = doc.data
    if not isinstance(data, dict) or "format_version" not in data:
        return data
    version = data["format_version"]
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise InputError(
            [
                doc.problem(
                    ("format_version",),
                    f"format_version {version!r}: this version of negotiation reads event logs "
                    f"of format_version {FORMAT_VERSION} (what `negotiation events --json` "
                    "prints), or without one",
                )
            ]
        )
    return {k: v for k, v in data.items() if k != "format_version"}


def _with_default_crosswalks(data: Any, vocabulary: Vocabulary | None = None) -> Any:
    """A copy of the raw document with each event's omitted ``crosswalk`` filled from its kind:
    the built-in table, or the ``codes`` a model's or pack's vocabulary gives its own kind."""
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        return data
    events = []
    for item in data["events"]:
        if isinstance(item, dict) and "crosswalk" not in item:
            kind = item.get("kind")
            if isinstance(kind, str) and kind in crosswalk_table():
                item = {**item, "crosswalk": default_crosswalk(kind).model_dump(mode="json")}
            elif isinstance(kind, str) and vocabulary is not None:
                codes = kind_crosswalk(vocabulary, kind)
                if codes is not None:
                    item = {**item, "crosswalk": codes.model_dump(mode="json")}
        events.append(item)
    return {**data, "events": events}


def _raw_kind_problems(doc: yamldoc.Document, vocab: Vocabulary) -> list[Problem]:
    events = doc.data.get("events") if isinstance(doc.data, dict) else None
    out = []
    for i, item in enumerate(events if isinstance(events, list) else []):
        kind = item.get("kind") if isinstance(item, dict) else None
        if isinstance(kind, str) and (msg := vocab.check_kind(kind)) is not None:
            out.append(doc.problem(("events", i, "kind"), msg))
    return out


def articles_beside(directory: Path | str) -> Articles:
    """The articles a log in ``directory`` is checked against: the folder's texts and, in a
    dispute pack, those of the folders its ``pack.yaml`` lists (``builtin:seeds``)."""
    articles, problems = _articles_beside(Path(directory))
    if problems:
        raise InputError(problems)
    return articles


def _articles_beside(directory: Path) -> tuple[Articles, list[Problem]]:
    """The articles of a log's folder, and (in a dispute pack) of the folders its
    ``pack.yaml`` lists under ``articles``, with the problems of those that cannot be read."""
    first, problems = read_articles(directory)
    found, unreadable = dict(first), set(first.unreadable)
    if files.is_file(directory / "pack.yaml"):
        from negotiation.packs import load_pack

        pack = load_pack(directory)
        for name in pack.meta.articles:
            more, also = read_articles(pack.path(name))
            found.update(more)
            unreadable |= more.unreadable
            problems += also
    articles = Articles(found, directory=directory, unreadable=frozenset(unreadable - set(found)))
    return articles, problems


def event_log_from_document(
    doc: yamldoc.Document,
    *,
    articles: Articles | None = None,
    actors: Gazetteer | None = None,
    check: bool = True,
    vocabulary: Vocabulary | None = None,
) -> EventLog:
    """Validate an events document; with ``check``, articles, actors and vocabulary additions
    (``vocabulary.yaml``) default to the ones beside the file and every problem found is
    raised in one :class:`InputError`."""
    directory = Path(doc.file).parent
    problems: list[Problem] = []
    if vocabulary is None:
        vocabulary, found = vocabulary_beside(directory / VOCABULARY_FILE)
        problems.extend(found)
    try:
        data = _without_format_version(doc)
        log = yamldoc.parse(doc, EventLog, data=_with_default_crosswalks(data, vocabulary))
    except InputError as exc:  # report unknown kinds with the schema's problems
        kinds = _raw_kind_problems(doc, vocabulary)
        raise InputError([*problems, *kinds, *exc.problems]) from None
    if not check:
        return log
    if articles is None:
        try:
            articles, unread = _articles_beside(directory)
            problems.extend(unread)
        except InputError as exc:
            problems.extend(exc.problems)
            articles = Articles()
    if actors is None:
        actors_path = directory / ACTORS_FILE
        if files.is_file(actors_path):
            try:
                actors = load_actors(actors_path)
            except InputError as exc:
                problems.extend(exc.problems)
        else:
            problems.append(
                Problem(
                    file=doc.file,
                    message=(f"no {ACTORS_FILE} beside the log to check actor ids against"),
                )
            )
    problems.extend(check_event_log(doc, log, articles, actors, vocabulary))
    if problems:
        raise InputError(problems)
    return log


def load_event_log(
    path: Path | str | None = None,
    *,
    articles: Articles | None = None,
    actors: Gazetteer | None = None,
    check: bool = True,
) -> EventLog:
    """Load an event log (a file, or a directory holding ``events.yaml``; ``None``: the built-in
    seeds). Articles and actors default to the ones in the log's directory."""
    doc = yamldoc.load(_resolve(path, EVENTS_FILE))
    return event_log_from_document(doc, articles=articles, actors=actors, check=check)


# --------------------------------------------------------------------------- dumping


def _event_data(event: Event) -> dict[str, Any]:
    data = event.model_dump(mode="json", exclude_defaults=True)
    data.pop("crosswalk", None)
    if event.crosswalk != default_crosswalk(event.kind):
        data_cw = event.crosswalk.model_dump(mode="json")
        # keep the field order of Event: crosswalk goes before sources and note
        ordered: dict[str, Any] = {}
        for key in Event.model_fields:
            if key == "crosswalk":
                ordered[key] = data_cw
            elif key in data:
                ordered[key] = data[key]
        data = ordered
    return data


def dump_event_log(log: EventLog) -> str:
    """The log as YAML; crosswalks equal to their kind's defaults are left out.
    ``event_log_from_document(load_text(dump_event_log(log)), check=False) == log``."""
    data: dict[str, Any] = {}
    if log.dispute:
        data["dispute"] = log.dispute
    data["events"] = [_event_data(e) for e in log.events]
    if log.conflicts:
        data["conflicts"] = [
            c.model_dump(mode="json", exclude_defaults=True) for c in log.conflicts
        ]
    return yamldoc.dump(data)
