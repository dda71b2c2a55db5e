"""What an export reads: an event log with its articles' metadata and actors, as one
:class:`ExportData`, and the flat event rows the table formats share.

Every row carries the event's first source (article id, outlet, publication date, verbatim
quote) and the number of sources; all of them are in ``sources`` (JSON)::

    >>> data = ExportData.from_log()            # the built-in Cambodian record
    >>> row = event_rows(data)[0]
    >>> row["source_quote"] in data.log.events[0].sources[0].quote
    True
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from negotiation._internal import files
from negotiation.corpus.metadata import ArticleMeta
from negotiation.events import Event, EventLog
from negotiation.events.actors import Actor

__all__ = ["COLUMNS", "ExportData", "event_rows"]

#: the columns of the CSV and Parquet exports (and of ``EventLog.to_pandas()``), in order
COLUMNS: tuple[str, ...] = (
    "case_id",
    "event_id",
    "date",
    "date_end",
    "granularity",
    "kind",
    "actors",
    "recipients",
    "mediator",
    "summary",
    "plover_event",
    "plover_mode",
    "plover_context",
    "cameo",
    "goldstein",
    "acled",
    "source_article",
    "source_outlet",
    "source_published",
    "source_quote",
    "source_count",
    "sources",
    "facts",
)


@dataclass(frozen=True)
class ExportData:
    """An event log to export: ``case_id`` names the dispute (one case of a process-mining
    log), ``articles`` and ``actors`` give outlets, dates and names (empty when unknown)."""

    case_id: str
    log: EventLog
    articles: Mapping[str, ArticleMeta] = field(default_factory=dict)
    actors: Mapping[str, Actor] = field(default_factory=dict)

    @classmethod
    def from_log(cls, path: Path | str | None = None, *, case_id: str | None = None) -> ExportData:
        """An event log file (``None``: the built-in record), with the articles and actors
        beside it (in a pack: the folders its ``pack.yaml`` lists too)."""
        from negotiation.events.log import load_event_log

        return cls._beside(load_event_log(path), path, case_id)

    @classmethod
    def _beside(cls, log: EventLog, path: Path | str | None, case_id: str | None) -> ExportData:
        from negotiation._internal.paths import seeds_dir

        file = Path(path) if path is not None else seeds_dir() / "events.yaml"
        folder = file if files.is_dir(file) else file.parent
        name = case_id or _slug(log.dispute) or folder.name
        return cls(name, log, _articles(folder), _actors(folder))

    @classmethod
    def from_pack(cls, pack: str) -> ExportData:
        """A dispute pack's event log; the case is the pack id. A problem with the log is also
        reported where pack.yaml names it (a missing log was named only by its path)."""
        from negotiation.packs import load_pack

        p = load_pack(pack)
        return cls._beside(p.event_log(), p.events_path, p.id)

    def outlet(self, article: str) -> str:
        meta = self.articles.get(article)
        return meta.outlet if meta is not None else ""

    def published(self, article: str) -> str:
        meta = self.articles.get(article)
        return meta.published.isoformat() if meta is not None else ""

    def actor_name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor is not None else actor_id


def _slug(text: str) -> str:
    out = "".join(c if c.isalnum() else "-" for c in text.lower())
    return "-".join(p for p in out.split("-") if p)


def _articles(folder: Path) -> dict[str, ArticleMeta]:
    from negotiation.corpus.article import load_articles

    found = {k: a.meta for k, a in load_articles(folder).items()}
    if files.is_file(folder / "pack.yaml"):
        from negotiation.packs import load_pack

        pack = load_pack(folder)
        for name in pack.meta.articles:
            found.update({k: a.meta for k, a in load_articles(pack.path(name)).items()})
    return dict(sorted(found.items()))


def _actors(folder: Path) -> dict[str, Actor]:
    from negotiation.events.log import load_actors

    if not files.is_file(folder / "actors.yaml"):
        return {}
    return dict(load_actors(folder / "actors.yaml").actors)


def _date(d: dt.date | None) -> str:
    return d.isoformat() if d is not None else ""


def event_row(data: ExportData, event: Event) -> dict[str, Any]:
    """One event as a flat row of :data:`COLUMNS` (strings, a float or None, an int)."""
    cw = event.crosswalk
    first = event.sources[0] if event.sources else None
    return {
        "case_id": data.case_id,
        "event_id": event.id,
        "date": event.date.isoformat(),
        "date_end": _date(event.date_end),
        "granularity": event.granularity.value,
        "kind": event.kind,
        "actors": ";".join(event.actors),
        "recipients": ";".join(event.recipients),
        "mediator": event.mediator or "",
        "summary": event.summary,
        "plover_event": cw.plover.event if cw.plover else "",
        "plover_mode": (cw.plover.mode or "") if cw.plover else "",
        "plover_context": ";".join(cw.plover.context) if cw.plover else "",
        "cameo": cw.cameo or "",
        "goldstein": cw.goldstein,
        "acled": cw.acled or "",
        "source_article": first.article if first else "",
        "source_outlet": data.outlet(first.article) if first else "",
        "source_published": data.published(first.article) if first else "",
        "source_quote": first.quote if first else "",
        "source_count": len(event.sources),
        "sources": json.dumps(
            [
                {
                    "article": c.article,
                    "outlet": data.outlet(c.article),
                    "published": data.published(c.article),
                    "quote": c.quote,
                    "start": c.start,
                    "end": c.end,
                }
                for c in event.sources
            ],
            ensure_ascii=False,
            sort_keys=True,
        ),
        # the typed facts (seats, votes, a pack's own), as JSON; empty when none
        "facts": _facts(event),
    }


def _facts(event: Event) -> str:
    facts = event.facts.model_dump(mode="json", exclude_none=True)
    return json.dumps(facts, ensure_ascii=False, sort_keys=True) if facts else ""


def event_rows(data: ExportData) -> list[dict[str, Any]]:
    """Every event of the log, in log order, as rows of :data:`COLUMNS`."""
    return [event_row(data, e) for e in data.log.events]
