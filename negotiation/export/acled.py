"""ACLED-style CSV: the events an ACLED category applies to, with ACLED's column names
(``event_id_cnty``, ``event_date``, ``year``, ``time_precision``, ``event_type``,
``sub_event_type``, ``actor1``, ``assoc_actor_1``, ``actor2``, ``assoc_actor_2``,
``fatalities``, ``notes``, ``source``) and the source article and verbatim quote
(``source_article``, ``source_quote``) and the event kind beside them.

The category is the crosswalk's ``acled`` code, ``Event type/Sub-event type``. Events it gives
none (ACLED codes protests, violence and some strategic developments, not elections or
parliamentary steps: the crosswalk's ``acled_none`` says why for each kind) are left out and
listed as skipped.
"""

from __future__ import annotations

from typing import Any

from negotiation.events import Event, Granularity
from negotiation.export.base import ExportFormat, Rendered
from negotiation.export.records import ExportData
from negotiation.export.table_csv import csv_text

__all__ = ["ACLED_COLUMNS", "FORMAT", "acled_row"]

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "fatalities",
    "notes",
    "source",
    "source_article",
    "source_quote",
    "kind",
)

#: ACLED's time precision: 1 the day is known, 2 the week (or a few days), 3 the month or more
_PRECISION = {Granularity.day: 1, Granularity.week: 2, Granularity.month: 3, Granularity.year: 3}


def acled_row(data: ExportData, event: Event) -> dict[str, Any]:
    """One event as an ACLED-style row (the event must carry an ACLED code)."""
    code = event.crosswalk.acled or ""
    event_type, _, sub_event_type = code.partition("/")
    names = [data.actor_name(a) for a in event.actors]
    targets = [data.actor_name(a) for a in event.recipients]
    first = event.sources[0] if event.sources else None
    outlets = sorted({data.outlet(c.article) or c.article for c in event.sources})
    precision = _PRECISION[event.granularity]
    if event.date_end is not None and event.date_end != event.date:
        precision = max(precision, 2)
    return {
        "event_id_cnty": event.id,
        "event_date": event.date.isoformat(),
        "year": event.date.year,
        "time_precision": precision,
        "event_type": event_type.strip(),
        "sub_event_type": sub_event_type.strip(),
        "actor1": names[0] if names else "",
        "assoc_actor_1": "; ".join(names[1:]),
        "actor2": targets[0] if targets else "",
        "assoc_actor_2": "; ".join(targets[1:]),
        "fatalities": event.facts.killed or 0,
        "notes": event.summary,
        "source": "; ".join(outlets),
        "source_article": first.article if first else "",
        "source_quote": first.quote if first else "",
        "kind": event.kind,
    }


def _render(data: ExportData) -> Rendered:
    coded = [e for e in data.log.events if e.crosswalk.acled]
    skipped = tuple(e.id for e in data.log.events if not e.crosswalk.acled)
    rows = [acled_row(data, e) for e in coded]
    note = f"{len(skipped)} event(s) with no ACLED category left out" if skipped else ""
    return Rendered(csv_text(ACLED_COLUMNS, rows).encode("utf-8"), len(rows), skipped, note)


FORMAT = ExportFormat("acled", ".csv", "ACLED-style CSV of the events ACLED would code", _render)
