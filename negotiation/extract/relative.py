"""Days named relative to another day of the story, not to the publication date.

A report tells a sequence: "Police arrested him on July 15. He was released the next day."
"The next day", "two days later", "that same day" count from the last day the story named, in
the sentence or the one before it::

    >>> [(o.text, o.days) for o in offsets("They met again two days later and the next day.")]
    [('two days later', 2), ('the next day', 1)]
    >>> [(o.text, o.days) for o in offsets("He was freed that same day.")]
    [('that same day', 0)]
    >>> [(o.text, o.days) for o in offsets("She was sworn in later in the day, he left that evening.")]
    [('later in the day', 0), ('that evening', 0)]
    >>> [(o.text, o.days, o.relation) for o in offsets("Hours later, a day before the rally")]
    [('Hours later', 0, False), ('a day before', -1, True)]
    >>> [(o.text, o.days, o.election) for o in offsets("The day after the vote, they left.")]
    [('The day after', 1, True)]
    >>> [(o.text, o.days, o.week) for o in offsets("He had resigned the previous week.")]
    [('the previous week', -7, True)]
    >>> [(o.text, o.months) for o in offsets("sworn in a month earlier, two months after the vote")]
    [('a month earlier', -1), ('two months after', 2)]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

from negotiation.events import Granularity
from negotiation.extract.dates import NUMBER_WORDS
from negotiation.extract.literals import may_match

__all__ = ["Offset", "leads", "offsets", "shifted"]

_UNIT = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 0, "months": 0}

_OFFSET = re.compile(
    r"\b(?:"
    r"(?P<same>(?:on\s+)?(?:that\s+same|the\s+same|that)\s+day"
    # "later in the day", "earlier that day", "that evening", "later the same night"
    r"|(?:later|earlier)\s+(?:in\s+the|that|the\s+same)\s+(?:day|morning|afternoon|evening)"
    r"|(?:(?:later|earlier)\s+)?(?:on\s+)?(?:that|the\s+same)\s+(?:morning|afternoon|evening|night))"
    r"|(?P<next>(?:on\s+)?the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night))"
    r"|(?P<prev>(?:on\s+)?the\s+(?:day\s+before|previous\s+day))\b"
    r"(?!\s+(?:the|a|an|his|her|their|its)\b)"
    # "two days after the vote", "a day after supporters rallied", "hours after the deal"
    r"|(?P<rel>(?:(?:just|only|barely|some)\s+)?"
    r"(?P<rn>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|the)\s+"
    r"(?P<ru>days?|weeks?|months?)\s+(?P<rdir>after|before)\b"
    r"|(?:hours|minutes|moments)\s+(?P<hdir>after|before)\b)"
    r"|(?P<hours>(?:hours|minutes|moments)\s+(?:later|afterwards?|earlier))"
    r"|(?P<week>(?:in\s+|during\s+)?the\s+(?P<wdir>previous|following|preceding)\s+week)"
    r"|(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?|months?)\s+(?P<dir>later|afterwards?|earlier)\b"
    r")",
    re.I,
)
_ELECTION_AFTER = re.compile(
    r"\s+(?:the|its|their|this|that)\s+(?:[\w-]+\s+)?(?:vote|voting|elections?|polls?|ballot)\b",
    re.I,
)


class Offset(NamedTuple):
    """A relative day expression: ``days`` after (negative: before) the story's last day."""

    start: int
    end: int
    days: int
    text: str
    #: "the previous week": the week around that day, not a day
    week: bool = False
    #: "the day after the vote": counted from the election day
    election: bool = False
    #: "two days after X": a relation between the sentence's event and another one, X
    relation: bool = False
    #: "a month earlier", "two months after X": months (``days`` is 0), told as a month
    months: int = 0


def offsets(text: str) -> Iterator[Offset]:
    """The relative day expressions of a sentence, in order."""
    if not may_match(_OFFSET, text.lower()):
        return  # most sentences hold none of the words every expression needs
    for m in _OFFSET.finditer(text):
        if m.group("same"):
            days = 0
        elif m.group("next"):
            days = 1
        elif m.group("prev"):
            days = -1
        elif m.group("rel"):
            after = (m.group("rdir") or m.group("hdir")).lower() == "after"
            days = count = 0
            if m.group("rn"):
                n = m.group("rn").lower()
                count = int(n) if n.isdigit() else NUMBER_WORDS.get(n, 1)
                days = count * _UNIT[m.group("ru").lower()]
            months = count if m.group("ru") and m.group("ru").lower().startswith("month") else 0
            sign = 1 if after else -1
            election = _ELECTION_AFTER.match(text, m.end()) is not None
            yield Offset(
                m.start(), m.end(), sign * days, m.group(0), False, election, True, sign * months
            )
            continue
        elif m.group("hours"):  # "hours later": the same day
            days = 0
        elif m.group("week"):
            back = m.group("wdir").lower() in ("previous", "preceding")
            yield Offset(m.start(), m.end(), -7 if back else 7, m.group(0), week=True)
            continue
        else:
            n = m.group("n").lower()
            count = int(n) if n.isdigit() else NUMBER_WORDS[n]
            sign = -1 if m.group("dir").lower() == "earlier" else 1
            unit = m.group("unit").lower()
            months = sign * count if unit.startswith("month") else 0
            yield Offset(m.start(), m.end(), sign * count * _UNIT[unit], m.group(0), months=months)
            continue
        yield Offset(m.start(), m.end(), days, m.group(0))


def shifted(
    day: dt.date, grain: Granularity, off: Offset, forward: bool
) -> tuple[dt.date, Granularity]:
    """The day ``off`` names from ``day`` (back from it when ``forward``: "..., a day after
    supporters rallied" dates the rally); weeks run from Monday, as "last week" does; "a
    month earlier" is that day of the month before, "two months after X" X's month.

    >>> shifted(dt.date(2019, 5, 31), Granularity.day, next(offsets("a month earlier")), False)
    (datetime.date(2019, 4, 30), <Granularity.day: 'day'>)
    >>> shifted(dt.date(2019, 5, 30), Granularity.day, next(offsets("a month after X")), True)
    (datetime.date(2019, 4, 1), <Granularity.month: 'month'>)
    """
    if off.months:
        idx = day.year * 12 + day.month - 1 + (-off.months if forward else off.months)
        first = dt.date(idx // 12, idx % 12 + 1, 1)
        if off.relation:  # "two months after the vote": that month
            return first, Granularity.month
        last = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=min(day.day, last.day)), grain
    day += dt.timedelta(days=-off.days if forward else off.days)
    if off.week:
        return day - dt.timedelta(days=day.weekday()), Granularity.week
    return day, grain


def leads(text: str, offset: Offset) -> bool:
    """Whether a relation stands in the sentence's opening phrase, before its first comma ("A
    day before the rally, the king ...", "In an address two days after the sacking, he ..."):
    then it dates the sentence's own event from the other one; further in ("..., a day after
    supporters rallied") it dates the other event, which follows it, from the sentence's.

    >>> s = "In an address two days after the sacking, he accused him."
    >>> leads(s, next(offsets(s)))
    True
    """
    before = text[: offset.start]
    if _OPENS.match(before):
        return True
    comma = text.find(",", offset.end)
    return (
        _PREPOSITION.match(before) is not None
        and "," not in before
        and comma != -1
        and comma - offset.end < 80
    )


_OPENS = re.compile(r"^\W*(?:(?:on|just|only|exactly|but|and|then)\s+)?$", re.I)
# an opening prepositional phrase: "In a televised address two days after the sacking, ..."
_PREPOSITION = re.compile(r"^\W*(?:in|at|on|during|speaking|addressing|in an?|at an?)\s", re.I)
