"""Where a re-dated event goes: the place of its new date in the log.

A variation that sets an event's date (``shift``, ``change`` of ``date``, ``replace`` by an
event of another date) or inserts one without a place leaves the event where its new date puts
it, as a stable sort by date would: after the events of earlier dates, and among the events of
its own date in the order the log had them (an inserted one last). Replay then checks whether
that day's verdicts depend on the order (``assumed_order``). Only ``move``, ``swap`` and
``insert`` ``before``/``after`` an id place an event against its date, as the file asks::

    >>> from negotiation.events import Event
    >>> log = [Event(id=i, kind="protest", date=d) for i, d in
    ...        [("a", "2014-01-01"), ("b", "2014-01-05"), ("c", "2014-01-09")]]
    >>> log[0] = log[0].model_copy(update={"date": log[0].date.replace(day=7)})
    >>> moved = by_date(log, [log[0]])
    >>> [e.id for e in log], moved
    (['b', 'a', 'c'], ["a, now dated 2014-01-07, takes its date's place: after b (2014-01-05)"])
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Any

from negotiation._internal.calendar import add_months, check_date
from negotiation.events import Event, Granularity
from negotiation.events.event import period_end

__all__ = ["by_date", "shifted"]


def _shift(d: dt.date, days: int, months: int) -> dt.date:
    return check_date(add_months(d, months) + dt.timedelta(days=days))


def shifted(event: Event, days: int, months: int) -> dict[str, Any]:
    """The date fields of ``event`` moved by ``months`` then ``days`` (a ValueError or an
    OverflowError past the calendar). An event known to a week, month or year that the shift
    takes off its period's bounds (January 2014 plus 45 days) becomes the range of days it
    may have happened on (15 February to 17 March)."""
    start = _shift(event.date, days, months)
    if event.granularity is Granularity.day:
        end = event.date_end and _shift(event.date_end, days, months)
        return {"date": start} if end is None else {"date": start, "date_end": end}
    end = _shift(event.last_day, days, months)
    g = event.granularity
    first = g is Granularity.week or (
        start.day == 1 and (g is Granularity.month or start.month == 1)
    )
    if first and event.date_end is None and period_end(start, g) == end:
        return {"date": start}
    return {"date": start, "date_end": end, "granularity": Granularity.day}


def _where(events: Sequence[Event], k: int) -> str:
    e = events[k]
    if k:
        prev = events[k - 1]
        return f"{e.id}, now dated {e.date}, takes its date's place: after {prev.id} ({prev.date})"
    after = f", before {events[1].id} ({events[1].date})" if len(events) > 1 else ""
    return f"{e.id}, now dated {e.date}, takes its date's place: first{after}"


def by_date(events: list[Event], moving: Sequence[Event]) -> list[str]:
    """Put each of ``moving`` (events of ``events``, by identity) at its date's place, in
    place; what each one whose place changed now follows. The others keep their order (a log
    that ``move`` or ``swap`` left out of date order stays so: a re-dated event then goes after
    the last event that comes before it)."""
    ids = {id(e) for e in moving}
    if not ids:
        return []
    rank = {id(e): j for j, e in enumerate(events)}

    def key(e: Event) -> tuple[object, int]:
        return (e.date, rank[id(e)])

    rest = [e for e in events if id(e) not in ids]
    if all(a.date <= b.date for a, b in itertools.pairwise(rest)):
        placed = sorted(events, key=key)  # the others are in order: a stable sort by date
    else:
        placed = rest
        for e in (e for e in events if id(e) in ids):
            k = max((j + 1 for j, r in enumerate(placed) if key(r) < key(e)), default=0)
            placed.insert(k, e)

    # a re-dated event has moved when the others before it are not those it followed
    def others_before(log: Sequence[Event]) -> dict[int, int]:
        seen, out = 0, {}
        for e in log:
            if id(e) in ids:
                out[id(e)] = seen
            else:
                seen += 1
        return out

    was = others_before(events)
    events[:] = placed
    now = others_before(events)
    return [
        _where(events, k) for k, e in enumerate(events) if id(e) in ids and was[id(e)] != now[id(e)]
    ]
