"""Calendar arithmetic the rules, scenarios and the explorer share.

Months are added by calendar month, clamped to the month's end::

    >>> add_months(dt.date(2014, 1, 31), 1)
    datetime.date(2014, 2, 28)
    >>> months_before(dt.date(2014, 3, 31), 1)
    datetime.date(2014, 2, 28)
    >>> add_years(dt.date(2012, 2, 29), 1)
    datetime.date(2013, 2, 28)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

__all__ = ["add_months", "add_years", "months_before", "parse_iso_date"]

_ISO = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later (earlier if negative), clamped to the
    month's last day."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (clamped to the month's end)."""
    return add_months(day, -months)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` years later; 29 February becomes 28 February."""
    return add_months(day, 12 * years)


def parse_iso_date(value: Any) -> Any:
    """``"2013-7-28"`` → ``date(2013, 7, 28)``; anything else is returned for pydantic to judge."""
    if isinstance(value, str) and _ISO.fullmatch(value.strip()):
        y, m, d = (int(x) for x in value.strip().split("-"))
        return dt.date(y, m, d)
    return value
