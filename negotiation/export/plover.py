"""PLOVER JSONL: one JSON object per event, with the field names of the PLOVER specification
(``id``, ``date``, ``enddate``, ``actor``, ``recipient``, ``event``, ``mode``, ``context``,
``quad_code``, ``event_text``, ``text``, ``text_info``, ``cite_info``, ``comment``) and, as the
specification allows, fields of ours beside them (``kind``, ``sources``, ``cameo``,
``case_id``; the Goldstein score is in the CSV, as PLOVER has a scale of its own).

Every key is present in every record, with one type: lists stay lists (empty when nothing
applies), ``quad_code`` is 0 when the event has no PLOVER category (``has_event`` false, the
crosswalk's reason in ``comment``). Entities are PLOVER entity objects: ``entity_text`` and
``identifier_text`` the actor's name, ``identifier_id`` its Wikidata id (or ``""``), and our
``actor_id``.
"""

from __future__ import annotations

import json
from typing import Any

from negotiation.events import Event
from negotiation.events.crosswalk import no_category
from negotiation.export.base import ExportFormat, Rendered
from negotiation.export.records import ExportData

__all__ = ["FORMAT", "QUAD", "plover_record"]

#: PLOVER's quad categories: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
#: 4 material conflict, as the PLOVER manual (draft 2.0) gives them for its 16 categories;
#: the names only earlier versions have (INVESTIGATE, DEMAND, DISAPPROVE, CRIME, FIGHT) keep
#: the quad the PLOVER README gives them
QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "DEMAND", "DISAPPROVE"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "CRIME", "FIGHT"), 4),
}
CODEBOOK = "PLOVER"


def _entity(data: ExportData, actor_id: str) -> dict[str, str]:
    actor = data.actors.get(actor_id)
    name = actor.name if actor is not None else actor_id
    wikidata = (actor.wikidata or "") if actor is not None else ""
    return {
        "actor_id": actor_id,
        "entity_text": name,
        "identifier_id": wikidata,
        "identifier_text": name,
    }


def plover_record(data: ExportData, event: Event) -> dict[str, Any]:
    """One event as a PLOVER record."""
    p = event.crosswalk.plover
    first = event.sources[0] if event.sources else None
    meta = data.articles.get(first.article) if first else None
    comment = event.summary
    if p is None:
        why = no_category(event.kind, "plover") or "the event gives no PLOVER code"
        comment = (comment + " " if comment else "") + f"(no PLOVER category: {why})"
    return {
        "id": event.id,
        "has_event": p is not None,
        "date": event.date.isoformat(),
        "enddate": event.last_day.isoformat(),
        "actor": [_entity(data, a) for a in event.actors],
        "recipient": [_entity(data, a) for a in event.recipients],
        "event": [p.event] if p else [],
        "mode": [p.mode] if p and p.mode else [],
        "context": list(p.context) if p else [],
        "quad_code": QUAD.get(p.event, 0) if p else 0,
        "event_text": [c.quote for c in event.sources],
        "text": first.quote if first else "",
        "text_info": {"start": first.start, "end": first.end} if first else {},
        "cite_info": {
            "citation": first.article if first else "",
            "title": (meta.title or "") if meta else "",
            "publication": meta.outlet if meta else "",
            "language": meta.language if meta else "",
            "codebook": CODEBOOK,
        },
        "comment": comment,
        "case_id": data.case_id,
        "kind": event.kind,
        "cameo": event.crosswalk.cameo or "",
        "sources": [
            {
                "article": c.article,
                "publication": data.outlet(c.article),
                "published": data.published(c.article),
                "quote": c.quote,
                "start": c.start,
                "end": c.end,
            }
            for c in event.sources
        ],
    }


def _render(data: ExportData) -> Rendered:
    lines = [
        json.dumps(plover_record(data, e), ensure_ascii=False, separators=(",", ":"))
        for e in data.log.events
    ]
    uncoded = tuple(e.id for e in data.log.events if e.crosswalk.plover is None)
    note = f"{len(uncoded)} event(s) without a PLOVER category (has_event false)" if uncoded else ""
    return Rendered("".join(line + "\n" for line in lines).encode("utf-8"), len(lines), (), note)


FORMAT = ExportFormat("plover", ".jsonl", "PLOVER JSONL, one object per event", _render)
