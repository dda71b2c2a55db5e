"""The words and regular expressions of date expressions (what :mod:`~negotiation.extract.dates`
resolves): month and weekday names, number words and one pattern per kind of expression."""

from __future__ import annotations

import re

__all__ = ["DATE_PATTERN", "HOLIDAYS", "MONTH", "MONTHS", "NUMBER_WORDS", "PATTERNS", "WEEKDAYS"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
    "a few": 3, "few": 3,
}  # fmt: skip

#: the month and day of each holiday a date pattern names (by its first word and last)
HOLIDAYS = {
    ("new", "day"): (1, 1), ("new", "eve"): (12, 31), ("christmas", "day"): (12, 25),
    ("christmas", "eve"): (12, 24), ("boxing", "day"): (12, 26),
}  # fmt: skip

# Month and weekday names are matched case-sensitively: "may" and "march" are also verbs.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
#: a month's name or abbreviation, as a regular expression (case-sensitive where used so)
MONTH = _MONTH
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-z])"
_DAY = r"(?<!\d)(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_DASH = r"\s*(?:-|–|—|to|through|until)\s*"
_PREP = r"(?:(?:on|since|from|by|until|till|before|after|in|during|of|early|late|mid-?|last|this|next|earlier this|later this|the past|this past)\s+)?"
_I = "(?i:{})"

PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)"),
    (
        "mdy",
        _PREP
        + rf"(?P<mon>{_MONTH})\s*(?P<d>{_DAY})"
        + rf"(?:(?:{_DASH}(?:(?P<mon2>{_MONTH})\s*)?|\s+and\s+)(?P<d2>{_DAY}))?"
        + rf"(?:,?\s+(?P<y>{_YEAR}))?",
    ),
    (
        "dmy",
        _PREP
        + rf"(?:the\s+)?(?P<d>{_DAY})(?:{_DASH}(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<mon>{_MONTH})"
        + rf"(?:,?\s+(?P<y>{_YEAR}))?",
    ),
    ("my", _PREP + rf"(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})"),
    (
        "month",
        # "In July, ...": a sentence may open with the preposition
        # no "earlier in": "earlier" then "in" reads it, and a second way to read it made
        # "earlier in " repeated take exponential time (20 times: 2.4 CPU-s)
        r"(?:(?i:in|since|during|by|until|from|early|late|mid-|last|this|next|earlier|"
        r"later in|the end of|end of|the beginning of)\s+|(?i:mid)-)+"
        + rf"(?P<mon>{_MONTH})(?!\s*\d)",
    ),
    (
        "weekday",
        r"(?:(?:on|last|this|next|this past|past|since|from|until|by|early|late|for)\s+)?"
        + rf"(?P<wd>{_WEEKDAY})(?:['’]s)?"
        + r"(?:\s+(?:morning|afternoon|evening|night))?",
    ),
    (
        "relday",
        _I.format(
            r"\b(?P<rel>yesterday|today|tonight|this (?:morning|afternoon|evening)|last night)\b"
        ),
    ),
    (
        "ago",
        _I.format(
            r"\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
            r"|twelve|several|a few)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b"
        ),
    ),
    (
        "weekend",
        _I.format(
            r"\b(?P<we>(?:(?:sometimes?|some ?time|later|earlier)\s+)?(?:over\s+|at\s+)?"
            r"(?:this|last|next|the past|the|that)\s+weekend)\b"
        ),
    ),
    (
        "week",
        _I.format(
            r"\b(?P<wk>(?:(?:earlier|later)\s+)?(?:last|this|next|the past|the previous|the following)"
            r"\s+week)\b(?!end)"
        ),
    ),
    (
        "relmonth",
        _I.format(
            r"\b(?P<rm>(?:(?:earlier|later)\s+)?(?:last|this|next|the previous|the past)\s+month)\b"
        ),
    ),
    (
        "relyear",
        _I.format(
            r"\b(?P<ry>(?:(?:earlier|later)\s+)?(?:last|this|next|the previous|the past)\s+year)\b"
        ),
    ),
    (
        "season",
        _I.format(
            r"\b(?:(?:(?:in|during|since|by|until|from|early|late|over)\s+(?:the\s+)?"
            r"|(?P<srel>last|this|next|past|previous)\s+)"
            r"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<sy>(?:19|20)\d{2}))?"
            r"|(?:the\s+)?(?P<season2>spring|summer|autumn|fall|winter)\s+of\s+(?P<sy2>(?:19|20)\d{2}))\b"
        ),
    ),
    (
        "year",
        r"(?:(?i:in|since|during|by|until|from|early|late|mid-?)\s+|(?i:mid)-)(?P<y>"
        + _YEAR
        + r")",
    ),
    (
        # "the 2018 general election", "won the 2021 runoff": an election named by its year
        "elyear",
        r"(?<![\w-])(?P<y>" + _YEAR + r")(?=\s+(?:(?:general|presidential|parliamentary|legislative"
        r"|national|local|municipal|regional)\s+)?(?:elections?|polls|vote|run-?off|re-?run)\b)",
    ),
    (
        # holidays on a fixed day of the calendar ("on New Year's Day", "Christmas Eve")
        "holiday",
        r"(?:(?i:on|since|by|until|before|after|over|from)\s+)?(?P<hol>New\s+Year['’]s\s+(?:Day|Eve)"
        r"|Christmas\s+(?:Day|Eve)|Boxing\s+Day)(?:,?\s+(?P<y>" + _YEAR + r"))?",
    ),
]

#: One regular expression matching any date expression (for lexicon patterns: ``{DATE}``).
_UNNAMED = re.compile(r"\(\?P<\w+>")
DATE_PATTERN = "(?:" + "|".join("(?:" + _UNNAMED.sub("(?:", p) + ")" for _, p in PATTERNS) + ")"
