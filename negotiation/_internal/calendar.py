"""Calendar arithmetic the rules, scenarios and the explorer share.

Months are added by calendar month, clamped to the month's end::

    >>> add_months(dt.date(2014, 1, 31), 1)
    datetime.date(2014, 2, 28)
    >>> months_before(dt.date(2014, 3, 31), 1)
    datetime.date(2014, 2, 28)
    >>> add_years(dt.date(2012, 2, 29), 1)
    datetime.date(2013, 2, 28)

Arithmetic never overflows: past the calendar's ends it saturates at ``date.min`` or
``date.max`` (a deadline ten thousand years away is simply never reached)::

    >>> add_days(dt.date(2013, 1, 1), 10**12), add_months(dt.date(2013, 1, 1), -10**9)
    (datetime.date(9999, 12, 31), datetime.date(1, 1, 1))

Dates read from files and flags lie between :data:`DATE_MIN` and :data:`DATE_MAX`
(:func:`check_date`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

__all__ = [
    "DATE_MAX",
    "DATE_MIN",
    "add_days",
    "add_months",
    "add_years",
    "check_date",
    "from_day_number",
    "months_before",
    "parse_iso_date",
]

_ISO = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")

#: the dates any input may name (files, flags): a dispute's record, with centuries to spare
DATE_MIN = dt.date(1800, 1, 1)
DATE_MAX = dt.date(2200, 12, 31)


def check_date(day: dt.date) -> dt.date:
    """``day``, or a ValueError when it is outside :data:`DATE_MIN` .. :data:`DATE_MAX`."""
    if not DATE_MIN <= day <= DATE_MAX:
        raise ValueError(f"date {day.isoformat()} is outside {DATE_MIN}..{DATE_MAX}")
    return day


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days`` (saturating at the calendar's ends)."""
    return from_day_number(day.toordinal() + int(days), origin=0)


def from_day_number(number: int, origin: int = dt.date(1970, 1, 1).toordinal()) -> dt.date:
    """The date ``number`` days after the origin (1970-01-01; 0 for proleptic ordinals),
    saturating at the calendar's ends."""
    ordinal = int(number) + origin
    if ordinal < 1:
        return dt.date.min
    if ordinal > dt.date.max.toordinal():
        return dt.date.max
    return dt.date.fromordinal(ordinal)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later (earlier if negative), clamped to the
    month's last day (saturating at the calendar's ends)."""
    y, m = divmod(day.month - 1 + int(months), 12)
    year, month = day.year + y, m + 1
    if year < dt.MINYEAR:
        return dt.date.min
    if year > dt.MAXYEAR:
        return dt.date.max
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (clamped to the month's end)."""
    return add_months(day, -months)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` years later; 29 February becomes 28 February."""
    return add_months(day, 12 * years)


def parse_iso_date(value: Any) -> Any:
    """``"2013-7-28"`` → ``date(2013, 7, 28)``; anything else is returned for pydantic to judge.
    A date written outside :data:`DATE_MIN` .. :data:`DATE_MAX` is a ValueError (a ``date``
    object is the library's own, and passes: ``date.min`` marks an unknown date)."""
    if isinstance(value, str) and _ISO.fullmatch(value.strip()):
        y, m, d = (int(x) for x in value.strip().split("-"))
        return check_date(dt.date(y, m, d))
    return value
