"""Dates in news sentences, resolved against the article's publication date.

Reports word dates relative to when they were written ("on Monday", "last week", "July 28"). A
past-tense report never resolves after its publication date; a future-tense one ("will meet on
Monday") resolves forward. Every resolved date keeps its granularity and the raw text::

    >>> import datetime as dt
    >>> pub = dt.date(2013, 9, 17)   # a Tuesday
    >>> r = resolve_date("They reached an agreement on Monday.", pub)
    >>> r.date.isoformat(), r.granularity.value, r.text
    ('2013-09-16', 'day', 'on Monday')
    >>> resolve_date("talks on November 16-17", dt.date(2013, 12, 1)).date_end.isoformat()
    '2013-11-17'
    >>> resolve_date("no date here", pub) is None
    True
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from negotiation.events import Granularity, period_end
from negotiation.extract.date_patterns import (
    DATE_PATTERN,
    HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    PATTERNS,
    WEEKDAYS,
)
from negotiation.extract.literals import LiteralFilter

__all__ = [
    "DATE_PATTERN",
    "NUMBER_WORDS",
    "ResolvedDate",
    "fallback_date",
    "find_dates",
    "resolve_date",
]

_COMPILED = [(name, re.compile(pattern)) for name, pattern in PATTERNS]
_PREFILTER = LiteralFilter.of([rx for _, rx in _COMPILED])


class ResolvedDate(NamedTuple):
    """A date expression in a text and what it resolves to."""

    date: dt.date
    granularity: Granularity
    text: str
    date_end: dt.date | None = None
    start: int = 0
    end: int = 0
    adjusted: bool = False  # the literal reading fell after publication and was moved back
    ahead: bool = False  # dates only what follows it ("..., a day after supporters rallied")
    relation: bool = False  # "two days after X": a day relative to another event, X


def _month_num(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def _day_num(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _add_months(day: dt.date, months: int) -> dt.date:
    idx = day.year * 12 + day.month - 1 + months
    return dt.date(idx // 12, idx % 12 + 1, 1)


def _clamp_year(year: int) -> int:
    return min(max(year, dt.MINYEAR + 1), dt.MAXYEAR - 1)


def _infer_year(m: int, d: int, pub: dt.date, future: bool) -> tuple[dt.date | None, bool]:
    """Year for a month-day without one: past reports never after ``pub``."""
    year = _clamp_year(pub.year)
    cand = _safe(year, m, d)
    if cand is None:  # a day the month does not have this year (February 29)
        return None, False
    if future:
        if cand < pub - dt.timedelta(days=60):
            return _safe(year + 1, m, d) or cand, False
        return cand, False
    if cand > pub:
        return _safe(year - 1, m, d), True
    return cand, False


def _weekday(wd: str, pub: dt.date, prefix: str, future: bool) -> dt.date:
    target = WEEKDAYS.index(wd.lower())
    back = (pub.weekday() - target) % 7
    ahead = (target - pub.weekday()) % 7
    if prefix == "last":
        return pub - dt.timedelta(days=back or 7)
    if prefix == "next":
        return pub + dt.timedelta(days=ahead or 7)
    if future and prefix not in ("past", "this past"):
        return pub + dt.timedelta(days=ahead)
    return pub - dt.timedelta(days=back)


_Groups = dict[str, Any]


def _resolve_iso(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate | None:
    """An ISO date, ``2013-09-16``."""
    day = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
    if day is None:  # a day the month does not have: the month, as with words
        month = _safe(int(g["y"]), int(g["m"]), 1)
        return ResolvedDate(month, Granularity.month, text) if month else None
    return ResolvedDate(day, Granularity.day, text)


def _resolve_month_day(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate | None:
    """A month and day (either order), with or without a year, maybe a range of days."""
    mon, d = _month_num(g["mon"]), _day_num(g["d"])
    adjusted = False
    if g.get("y"):
        start = _safe(int(g["y"]), mon, d)
    else:
        start, adjusted = _infer_year(mon, d, pub, future)
    if start is None:  # a day the month does not have ("April 31", "February 30"): the month
        return _month_only(g, mon, text, pub, future)
    end = None
    if g.get("d2"):
        mon2 = _month_num(g["mon2"]) if g.get("mon2") else mon
        year2 = start.year + (1 if mon2 < mon else 0)
        end = _safe(_clamp_year(year2), mon2, _day_num(g["d2"]))
        if end is not None and end <= start:
            end = None
    return ResolvedDate(start, Granularity.day, text, end, adjusted=adjusted)


def _month_only(g: _Groups, mon: int, text: str, pub: dt.date, future: bool) -> ResolvedDate | None:
    """The month of a month-day whose day that month does not have."""
    if g.get("y"):
        return ResolvedDate(dt.date(int(g["y"]), mon, 1), Granularity.month, text)
    first, adjusted = _infer_year(mon, 1, pub, future)
    return ResolvedDate(first, Granularity.month, text, adjusted=adjusted) if first else None


def _resolve_month_year(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate:
    """A month of a given year, ``July 2013``."""
    return ResolvedDate(dt.date(int(g["y"]), _month_num(g["mon"]), 1), Granularity.month, text)


def _resolve_month(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate:
    """A month without a year: the nearest one on the side the tense points to."""
    low = text.lower()
    mon = _month_num(g["mon"])
    year = _clamp_year(pub.year)
    cand = dt.date(year, mon, 1)
    if "next" in low.split() or (future and cand < dt.date(year, pub.month, 1)):
        if cand <= pub:
            cand = dt.date(year + 1, mon, 1)
    elif cand > pub or ("last" in low.split() and cand.month == pub.month):
        cand = dt.date(year - 1, mon, 1)
    return ResolvedDate(cand, Granularity.month, text)


def _resolve_weekday(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate:
    """A weekday, maybe after "last", "next", "this" or "(this) past"."""
    low = text.lower()
    prefix = ""
    for p in ("this past", "last", "next", "past", "this"):
        if low.startswith(p + " "):
            prefix = p
            break
    if low.startswith("for ") and not low.endswith(("'s", "’s")):
        future = True  # "called a strike for Wednesday", "set for Monday": the day to come
    return ResolvedDate(_weekday(g["wd"], pub, prefix, future), Granularity.day, text)


def _resolve_relative_day(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate:
    """ "Yesterday", "today" and the like (days relative to another day of the story, "the
    next day", are :mod:`~negotiation.extract.relative`'s)."""
    D = Granularity.day
    if g["rel"].lower() in ("yesterday", "last night"):
        return ResolvedDate(pub - dt.timedelta(days=1), D, text)
    return ResolvedDate(pub, D, text)


def _resolve_ago(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate:
    """ "Three days ago", "two weeks ago", "a month ago", "a year ago"."""
    n_text = g["n"].lower()
    n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text, 1)
    unit = g["unit"].lower().rstrip("s")
    if unit == "day":
        return ResolvedDate(pub - dt.timedelta(days=n), Granularity.day, text)
    if unit == "week":
        day = pub - dt.timedelta(weeks=n)
        return ResolvedDate(day - dt.timedelta(days=day.weekday()), Granularity.week, text)
    if unit == "month":
        return ResolvedDate(_add_months(pub, -n), Granularity.month, text)
    return ResolvedDate(dt.date(_clamp_year(pub.year - n), 1, 1), Granularity.year, text)


def _resolve_weekend(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate:
    """A weekend (Saturday to Sunday): last, this or next."""
    sat_back = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
    words = text.lower().split()
    if "next" in words or (future and "last" not in words and "past" not in words):
        sat = pub + dt.timedelta(days=(5 - pub.weekday()) % 7) if pub.weekday() < 5 else pub
        if "next" in words:
            sat = sat + dt.timedelta(days=7) if pub.weekday() >= 5 else sat
    elif "last" in words and pub.weekday() >= 5:
        sat = sat_back - dt.timedelta(days=7)
    else:
        sat = sat_back
    return ResolvedDate(sat, Granularity.day, text, sat + dt.timedelta(days=1))


def _resolve_week(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate:
    """A week (from its Monday): last, this or next."""
    monday = pub - dt.timedelta(days=pub.weekday())
    words = text.lower().split()
    if "last" in words or "previous" in words or "past" in words:
        monday -= dt.timedelta(days=7)
    elif "next" in words or "following" in words:
        monday += dt.timedelta(days=7)
    return ResolvedDate(monday, Granularity.week, text)


def _period_shift(text: str) -> int:
    """-1 for the last month or year, 1 for the next, 0 for this one."""
    words = text.lower().split()
    shift = -1 if ("last" in words or "previous" in words or "past" in words) else 0
    return 1 if "next" in words else shift


def _resolve_relative_month(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate:
    """Last, this or next month."""
    return ResolvedDate(_add_months(pub, _period_shift(text)), Granularity.month, text)


def _resolve_relative_year(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate:
    """Last, this or next year."""
    year = _clamp_year(pub.year + _period_shift(text))
    return ResolvedDate(dt.date(year, 1, 1), Granularity.year, text)


def _resolve_year(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate:
    """A year, ``in 2013``."""
    return ResolvedDate(dt.date(int(g["y"]), 1, 1), Granularity.year, text)


def _resolve_holiday(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate | None:
    """A holiday on a fixed day ("on New Year's Day", "Christmas Eve 2019"): the nearest one
    on the side the tense points to, unless a year is given."""
    words = g["hol"].lower().split()
    month, day = HOLIDAYS[(words[0], words[-1])]
    if g.get("y"):
        return ResolvedDate(dt.date(int(g["y"]), month, day), Granularity.day, text)
    date, adjusted = _infer_year(month, day, pub, future)
    return ResolvedDate(date, Granularity.day, text, adjusted=adjusted) if date else None


#: the months of each season (northern hemisphere, as wire reports use them)
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}


def _resolve_season(g: _Groups, text: str, pub: dt.date, future: bool) -> ResolvedDate | None:
    """ "In the spring", "last summer", "the autumn of 2014": three months (a winter runs from
    December into the next year); without a year, the nearest on the side the tense points to.
    """
    name = (g["season"] or g["season2"] or "").lower()
    if not name:
        return None
    first, last = _SEASONS[name]

    def span(year: int) -> tuple[dt.date, dt.date]:
        end_year = year + 1 if last < first else year
        return dt.date(year, first, 1), period_end(dt.date(end_year, last, 1), Granularity.month)

    given = g["sy"] or g["sy2"]
    rel = (g["srel"] or "").lower()
    spans = [span(y) for y in range(pub.year - 2, pub.year + 2)]
    if given:
        start, end = span(int(given))
    elif rel == "next" or (future and rel != "this" and rel not in ("last", "past", "previous")):
        start, end = next(p for p in spans if (p[0] > pub if rel == "next" else p[1] >= pub))
    elif rel in ("last", "past", "previous"):
        start, end = [p for p in spans if p[1] < pub][-1]
    else:
        start, end = [p for p in spans if p[0] <= pub][-1]
    return ResolvedDate(start, Granularity.month, text, end)


_Resolver = Callable[[_Groups, str, dt.date, bool], ResolvedDate | None]

#: How each kind of date expression (a name in ``date_patterns.PATTERNS``) resolves.
_RESOLVERS: dict[str, _Resolver] = {
    "iso": _resolve_iso,
    "mdy": _resolve_month_day,
    "dmy": _resolve_month_day,
    "my": _resolve_month_year,
    "month": _resolve_month,
    "weekday": _resolve_weekday,
    "relday": _resolve_relative_day,
    "ago": _resolve_ago,
    "weekend": _resolve_weekend,
    "week": _resolve_week,
    "relmonth": _resolve_relative_month,
    "relyear": _resolve_relative_year,
    "season": _resolve_season,
    "year": _resolve_year,
    "elyear": _resolve_year,
    "holiday": _resolve_holiday,
}


def _resolve(kind: str, m: re.Match[str], pub: dt.date, future: bool) -> ResolvedDate | None:
    """What the date expression ``m`` of kind ``kind`` means, read at ``pub``."""
    resolver = _RESOLVERS.get(kind)
    if resolver is None:
        return None
    r = resolver(m.groupdict(), m.group(0).strip(), pub, future)
    if r is not None and r.granularity is Granularity.month and r.date_end is None:
        return _part_of_month(r, m)
    return r


#: the part of a month a date names before the month ("late December", "by the end of June")
_PART = re.compile(
    r"(?i)\b(early|mid|late|end|beginning|start)(?:-|\s+)(?:(?:of|in)\s+)?(?:the\s+)?$"
)
_PARTS = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20)}


def _part_of_month(r: ResolvedDate, m: re.Match[str]) -> ResolvedDate:
    """ "Early", "mid-" and "late" December: its first, middle or last ten days or so (the
    21st to the month's end), as a range of days; a month named alone stays the month."""
    if "mon" not in m.re.groupindex or m.start("mon") < 0:
        return r  # "last month"
    part = _PART.search(m.string[max(0, m.start() - 24) : m.start("mon")])
    if part is None:
        return r
    first, last = _PARTS.get(part.group(1).lower(), (21, 31))
    end = r.date.replace(day=last) if last <= 20 else period_end(r.date, Granularity.month)
    return r._replace(date=r.date.replace(day=first), granularity=Granularity.day, date_end=end)


def _never_after(r: ResolvedDate, pub: dt.date, future: bool) -> ResolvedDate:
    """Past-tense reports: a date after publication is not what the writer meant."""
    if future or r.date <= pub:
        if r.date_end is not None and not future and r.date_end > pub:
            return r._replace(date_end=None if pub <= r.date else pub)
        return r
    if re.search(r"\d{4}", r.text):
        return r  # an explicit year the writer chose: keep it (the caller lowers confidence)
    # "next week" in a past-tense report: the writer's time, at the latest, is publication
    return r._replace(date=pub, granularity=Granularity.day, adjusted=True, date_end=None)


@functools.lru_cache(maxsize=8)
def _expressions(text: str) -> tuple[tuple[int, int, str, re.Match[str]], ...]:
    """The date expressions of a text, longest first at each start (read once per text: a
    sentence is read for the past and for the future)."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for at in _PREFILTER.candidates(text):
        kind, rx = _COMPILED[at]
        for m in rx.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), kind, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    return tuple(found)


def find_dates(text: str, published: dt.date, *, future: bool = False) -> list[ResolvedDate]:
    """Every date expression in ``text``, resolved, in order, non-overlapping (longest first)."""
    found = _expressions(text)
    out: list[ResolvedDate] = []
    last_end = -1
    for start, end, kind, m in found:
        if start < last_end:
            continue
        try:
            r = _resolve(kind, m, published, future)
        except (ValueError, OverflowError, KeyError):
            r = None
        if r is None:
            continue
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        r = r._replace(start=start + lead, end=start + lead + len(r.text))
        out.append(_never_after(r, published, future))
        last_end = end
        if kind == "year":  # "in 1962 and 1988", "in 2005, 2010 and 2015": each year listed
            for more in _listed_years(text, end):
                out.append(more)
                last_end = more.end
    return out


_MORE_YEAR = re.compile(
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)((?:19|20)\d{2})\b"
    r"(?=\s*(?:[,.;:)]|(?:and|or|when|after|before|as|but)\b|$))"
)


def _listed_years(text: str, at: int) -> list[ResolvedDate]:
    """The bare years listed right after a year ("in 1962 and 1988")."""
    out = []
    while (m := _MORE_YEAR.match(text, at)) is not None:
        year = int(m.group(1))
        out.append(
            ResolvedDate(
                dt.date(year, 1, 1), Granularity.year, m.group(1), None, m.start(1), m.end(1)
            )
        )
        at = m.end()
    return out


def resolve_date(text: str, published: dt.date, *, future: bool = False) -> ResolvedDate | None:
    """The first date expression in ``text`` resolved against ``published``, or ``None``."""
    found = find_dates(text, published, future=future)
    return found[0] if found else None


def fallback_date(published: dt.date) -> ResolvedDate:
    """What an event with no date in its sentence gets: the publication week, no raw text."""
    return ResolvedDate(published, Granularity.week, "")
