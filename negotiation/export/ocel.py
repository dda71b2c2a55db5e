"""OCEL 2.0 JSON: an object-centric event log. Each logged event is an event of its kind
(``type``), dated at midnight UTC, related to objects: the dispute (qualifier ``case``), its
actors (``actor``), recipients (``recipient``), mediator (``mediator``) and source articles
(``source``). The event's attributes are its id in the log, position, the first source's
verbatim quote and the number of sources; objects carry their name (actors), outlet and
publication date (articles)."""

from __future__ import annotations

import json
from typing import Any

from negotiation.export.base import ExportFormat, Rendered
from negotiation.export.records import ExportData
from negotiation.export.xes import timestamp

__all__ = ["FORMAT", "ocel_document"]

EVENT_ATTRIBUTES = (
    ("event_id", "string"),
    ("position", "integer"),
    ("source_quote", "string"),
    ("source_count", "integer"),
)
OBJECT_TYPES = {
    "dispute": (("name", "string"),),
    "actor": (("name", "string"),),
    "article": (("outlet", "string"), ("published", "string")),
}
EPOCH = "1970-01-01T00:00:00Z"


def _objects(data: ExportData) -> list[dict[str, Any]]:
    actors = sorted(
        {
            a
            for e in data.log.events
            for a in (*e.actors, *e.recipients, *filter(None, [e.mediator]))
        }
    )
    articles = sorted({c.article for e in data.log.events for c in e.sources})
    out: list[dict[str, Any]] = [
        {
            "id": f"dispute:{data.case_id}",
            "type": "dispute",
            "attributes": [
                {"name": "name", "time": EPOCH, "value": data.log.dispute or data.case_id}
            ],
        }
    ]
    out += [
        {
            "id": f"actor:{a}",
            "type": "actor",
            "attributes": [{"name": "name", "time": EPOCH, "value": data.actor_name(a)}],
        }
        for a in actors
    ]
    out += [
        {
            "id": f"article:{a}",
            "type": "article",
            "attributes": [
                {"name": "outlet", "time": EPOCH, "value": data.outlet(a)},
                {"name": "published", "time": EPOCH, "value": data.published(a)},
            ],
        }
        for a in articles
    ]
    return out


def ocel_document(data: ExportData) -> dict[str, Any]:
    """The OCEL 2.0 JSON document of ``data``."""
    kinds = sorted({e.kind for e in data.log.events})
    events = []
    for i, e in enumerate(data.log.events):
        rel = [{"objectId": f"dispute:{data.case_id}", "qualifier": "case"}]
        rel += [{"objectId": f"actor:{a}", "qualifier": "actor"} for a in e.actors]
        rel += [{"objectId": f"actor:{a}", "qualifier": "recipient"} for a in e.recipients]
        if e.mediator:
            rel.append({"objectId": f"actor:{e.mediator}", "qualifier": "mediator"})
        seen = []
        for c in e.sources:
            if c.article not in seen:
                seen.append(c.article)
                rel.append({"objectId": f"article:{c.article}", "qualifier": "source"})
        events.append(
            {
                "id": f"e{i}:{e.id}",
                "type": e.kind,
                "time": timestamp(e).replace(".000+00:00", "Z"),
                "attributes": [
                    {"name": "event_id", "value": e.id},
                    {"name": "position", "value": i},
                    {"name": "source_quote", "value": e.sources[0].quote if e.sources else ""},
                    {"name": "source_count", "value": len(e.sources)},
                ],
                "relationships": rel,
            }
        )
    return {
        "objectTypes": [
            {"name": n, "attributes": [{"name": a, "type": t} for a, t in attrs]}
            for n, attrs in OBJECT_TYPES.items()
        ],
        "eventTypes": [
            {"name": k, "attributes": [{"name": a, "type": t} for a, t in EVENT_ATTRIBUTES]}
            for k in kinds
        ],
        "objects": _objects(data),
        "events": events,
    }


def _render(data: ExportData) -> Rendered:
    text = json.dumps(ocel_document(data), ensure_ascii=False, indent=1) + "\n"
    return Rendered(text.encode("utf-8"), len(data.log.events))


FORMAT = ExportFormat(
    "ocel", ".jsonocel", "OCEL 2.0 JSON, events related to dispute, actors, articles", _render
)
