"""Days named relative to another day of the story, not to the publication date.

A report tells a sequence: "Police arrested him on July 15. He was released the next day."
"The next day", "two days later", "that same day" count from the last day the story named, in
the sentence or the one before it::

    >>> [(o.text, o.days) for o in offsets("They met again two days later and the next day.")]
    [('two days later', 2), ('the next day', 1)]
    >>> [(o.text, o.days) for o in offsets("He was freed that same day.")]
    [('that same day', 0)]
    >>> [(o.text, o.days) for o in offsets("Hours later, a day before the rally, he left.")]
    [('Hours later', 0), ('a day before the rally', -1)]
    >>> [(o.text, o.days) for o in offsets("The day after the vote, they cried foul.")]
    [('The day after the vote', 1)]
    >>> [(o.text, o.days, o.week) for o in offsets("He had resigned the previous week.")]
    [('the previous week', -7, True)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

__all__ = ["Offset", "offsets"]

_COUNT = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_UNIT = {"day": 1, "days": 1, "week": 7, "weeks": 7}

_OFFSET = re.compile(
    r"\b(?:"
    r"(?P<same>(?:on\s+)?(?:that\s+same|the\s+same|that)\s+day)"
    r"|(?P<next>(?:on\s+)?the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night))"
    r"|(?P<prev>(?:on\s+)?the\s+(?:day\s+before|previous\s+day))\b(?!\s+(?:the|a|an|his|her|their|its)\b)"
    r"|(?P<vote>the\s+day\s+(?P<vdir>after|before)\s+(?:the|its|their|this|that)\s+"
    r"(?:[\w-]+\s+)?(?:vote|voting|elections?|polls?|ballot))\b"
    r"|(?P<hours>(?:hours|minutes|moments)\s+(?:later|afterwards?|earlier)"
    r"|(?:hours|minutes|moments)\s+(?:after|before)\s+(?=the\b|his\b|her\b|its\b|their\b))"
    r"|(?P<event>(?:a|one|the)\s+day\s+(?P<edir>after|before)\s+(?:the|that|this)\s+"
    r"(?:[\w-]+\s+)?(?:rally|protest|march|meeting|talks|deal|agreement|clash|raid|arrest|"
    r"crackdown|session|ruling|verdict|strike|coup|announcement|signing))\b"
    r"|(?P<week>(?:in\s+|during\s+)?the\s+(?P<wdir>previous|following|preceding)\s+week)"
    r"|(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?)\s+(?P<dir>later|afterwards?|earlier|before)\b(?!\s+(?:the|a|an|his|her|their|its)\b)"
    r")",
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


def offsets(text: str) -> Iterator[Offset]:
    """The relative day expressions of a sentence, in order."""
    for m in _OFFSET.finditer(text):
        if m.group("same"):
            days = 0
        elif m.group("next"):
            days = 1
        elif m.group("prev"):
            days = -1
        elif m.group("vote"):
            days = 1 if m.group("vdir").lower() == "after" else -1
            yield Offset(m.start(), m.end(), days, m.group(0), election=True)
            continue
        elif m.group("hours"):  # "hours later", "hours after the deal": the same day
            days = 0
        elif m.group("event"):  # "a day before the rally": the rally the story just told
            days = 1 if m.group("edir").lower() == "after" else -1
        elif m.group("week"):
            back = m.group("wdir").lower() in ("previous", "preceding")
            yield Offset(m.start(), m.end(), -7 if back else 7, m.group(0), week=True)
            continue
        else:
            n = m.group("n").lower()
            count = int(n) if n.isdigit() else _COUNT[n]
            days = count * _UNIT[m.group("unit").lower()]
            if m.group("dir").lower() in ("earlier", "before"):
                days = -days
        yield Offset(m.start(), m.end(), days, m.group(0))
