"""What ``articles.yaml`` records about an article, and how it is inferred from the text when
the file does not list it: the outlet, the publication date and the title."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from negotiation._internal.calendar import parse_iso_date
from negotiation.corpus.paragraphs import (
    _DATE_PATTERNS,
    _MONTHS,
    _SIGN_OFF,
    Paragraph,
    _raw_paragraphs,
    clean_paragraphs,
    page_stamps,
)

__all__ = [
    "UNKNOWN_DATE",
    "ArticleMeta",
    "ArticlesFile",
    "DateBasis",
    "find_dates",
    "infer_outlet",
    "infer_published",
]

DateBasis = Literal["stated", "inferred", "given", "unknown"]

UNKNOWN_DATE = dt.date.min


class ArticleMeta(BaseModel):
    """What ``articles.yaml`` records about one article."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, Field(min_length=1, description="the text file's stem")]
    outlet: Annotated[str, Field(min_length=1)]
    outlet_reasoning: str = Field(default="", description="how the outlet was determined")
    title: str | None = None
    published: dt.date
    date_basis: DateBasis
    date_reasoning: str = ""
    confidence: Annotated[float, Field(ge=0.0, le=1.0, description="confidence in `published`")]
    language: str = "en"

    @field_validator("published", mode="before")
    @classmethod
    def _parse_date(cls, value: Any) -> Any:
        return parse_iso_date(value)

    @field_validator("id")
    @classmethod
    def _stem(cls, value: str) -> str:
        # '../other/text' passed when that file existed outside the folder, and the folder's own
        # text of that name was read without its metadata
        if "/" in value or os.sep in value:
            raise ValueError("expected the name of a text of the folder without .txt (no '/')")
        return value


class ArticlesFile(BaseModel):
    """Schema of ``articles.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    articles: tuple[ArticleMeta, ...] = ()


# --------------------------------------------------------------------------- inference

_OUTLET_NAMES = {
    "radio free asia": "RFA",
    "voice of america": "VOA",
    "vietnam news agency": "VNA",
    "agence france-presse": "AFP",
    "associated press": "AP",
    "reuters": "Reuters",
    "xinhua": "Xinhua",
}
_CREDIT_OUTLET = re.compile(r"\bfor\s+(?P<outlet>[A-Z]{2,6})(?:[’']s)?\b")


def infer_outlet(text: str, paragraphs: tuple[Paragraph, ...] | None = None) -> tuple[str, str]:
    """(outlet, reasoning) from a sign-off ("-VNA"), credits ("Reported by ... for RFA") or an
    outlet's full name; ``("unknown", ...)`` when the text names none."""
    paras = clean_paragraphs(text) if paragraphs is None else paragraphs
    for start, end in reversed(_raw_paragraphs(text)):
        m = _SIGN_OFF.search(text[start:end])
        if m:
            return m.group("outlet"), f"sign-off '{m.group().strip()}' at the end of the text"
    for p in paras:
        if p.kind == "credit":
            m = _CREDIT_OUTLET.search(p.text)
            if m:
                return m.group("outlet"), f"credit line: '{p.text[:80]}'"
    folded = text.casefold()
    for name, outlet in _OUTLET_NAMES.items():
        if name in folded:
            return outlet, f"the text names '{name}'"
    return "unknown", "no sign-off, credit line or outlet name in the text"


def find_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Explicit full dates (``Sept. 17, 2013``, ``17 September 2013``, ``2013-09-17``) with
    their spans, in text order. Impossible dates are skipped."""
    found: dict[int, tuple[dt.date, int, int]] = {}
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            g = m.groupdict()
            try:
                month = int(g["mon"]) if g.get("mon") else _MONTHS[g["month"][:3].casefold()]
                day = dt.date(int(g["year"]), month, int(g["day"]))
            except (ValueError, KeyError):
                continue
            found.setdefault(m.start(), (day, m.start(), m.end()))
    return [found[k] for k in sorted(found)]


#: a dateline: an optional place, a month and day (and year), an optional agency, a dash
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*[\s,]+){0,4}?(?P<month>(?-i:[A-Z])[a-z]{2,8}|[A-Z]{3,9})\.?\s+(?P<day>[0-3]?\d)(?:,?\s+(?P<year>(?:19|20)\d{2}))?\s*(?:\([^)]{1,30}\)\s*)?[-–—]\s",
    re.I,
)
_MONTH_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
#: words before a date that make it a date to come ("will meet on", "due on", "scheduled for")
_FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|due|scheduled|set|expected|planned|next|upcoming|until|before)\b"
    r"[^.;]{0,40}$",
    re.I,
)


def _dateline(
    paras: tuple[Paragraph, ...], known: list[dt.date], near: dt.date | None = None
) -> tuple[dt.date, str, bool] | None:
    """The dateline of the first body paragraphs ("PHNOM PENH, Sept 24 (dpa) - ...",
    "July 23 (Reuters) - ..."), its year from the text's full dates when it gives none, else
    the year that puts it nearest ``near`` (a date the caller gives); and whether its year
    came from ``near``."""
    for p in paras[:3]:
        m = _DATELINE.match(p.text)
        if m is None:
            continue
        word = m.group("month").casefold()
        if word not in _MONTH_WORDS:
            continue
        month = _MONTHS[word[:3]]
        day = int(m.group("day"))
        if m.group("year"):
            year = int(m.group("year"))
        elif known:
            latest = max(known)  # a dateline follows what it reports: at most a year later
            year = latest.year + (1 if (month, day) < (latest.month, latest.day) else 0)
        elif near is not None:
            year = _nearest_year(month, day, near)
        else:
            continue
        try:
            day_stated = dt.date(year, month, day)
        except ValueError:
            continue
        return day_stated, m.group(0).strip(" -–—"), not m.group("year") and not known
    return None


def _nearest_year(month: int, day: int, near: dt.date) -> int:
    """The year in which ``month``/``day`` falls nearest ``near`` (29 February only in a leap
    year)."""
    best: tuple[int, int] | None = None
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            gap = abs((dt.date(year, month, day) - near).days)
        except ValueError:
            continue
        if best is None or gap < best[0]:
            best = (gap, year)
    return near.year if best is None else best[1]


def _yearless_dateline(paras: tuple[Paragraph, ...]) -> str | None:
    """The words of a dateline that names a month and a day but no year, if the text opens
    with one."""
    for p in paras[:3]:
        m = _DATELINE.match(p.text)
        if m is not None and m.group("month").casefold() in _MONTH_WORDS and not m.group("year"):
            return m.group(0).strip(" -–—")
    return None


def infer_published(
    text: str, paragraphs: tuple[Paragraph, ...] | None = None, near: dt.date | None = None
) -> tuple[dt.date, DateBasis, str, float]:
    """(published, basis, reasoning, confidence): the dateline's date when the text has one
    (its year taken from the text's full dates when it gives none, else from ``near``, a date
    the caller gives: the year nearest it); else the latest explicit full date in the clean
    paragraphs that is not a date to come ("will convene on ..."); else ``date.min`` with
    basis ``unknown``."""
    paras = clean_paragraphs(text) if paragraphs is None else paragraphs
    # the 64 characters before a date hold any cue of _FUTURE_CUE (a word and at most 40 more):
    # the whole text before it would make this quadratic in a paragraph's length
    found = [
        (d, p.text[s:e], p.text[max(0, s - 64) : s])
        for p in paras
        for d, s, e in find_dates(p.text)
    ]
    past = [(d, words) for d, words, before in found if not _FUTURE_CUE.search(before)]
    line = _dateline(paras, [d for d, _ in past], near)
    if line is not None:
        if line[2]:
            why = f"dateline '{line[1]}', its year the nearest to the date given ({near})"
            return line[0], "stated", why, 0.8
        return line[0], "stated", f"dateline '{line[1]}'", 0.8
    stamped = _stamped(text)
    if stamped is not None:
        return stamped[0], "stated", f"the page's time stamp '{stamped[1]}'", 0.8
    if not past:
        yearless = _yearless_dateline(paras)
        if yearless is not None:
            reasoning = f"the dateline '{yearless}' gives no year and the text no full date"
            return UNKNOWN_DATE, "unknown", reasoning, 0.0
        if found:
            return UNKNOWN_DATE, "unknown", "the text's only full dates are dates to come", 0.0
        return UNKNOWN_DATE, "unknown", "no explicit full date in the text", 0.0
    day, words = max(past, key=lambda x: x[0])
    reasoning = (
        f"latest explicit full date in the text ('{words}'); the article may have been "
        "published later"
    )
    return day, "inferred", reasoning, 0.5


def _stamped(text: str) -> tuple[dt.date, str] | None:
    """The day the page says it went up ("First published on Sat 12 Jul 2014"), else the
    earliest day it says it was changed ("Updated: July 12, 2014")."""
    days = [
        (not re.match(r"\W*(?:first\s+)?(?:published|posted)", stamp, re.I), d, stamp)
        for stamp in page_stamps(text)
        for d, _, _ in find_dates(stamp)
    ]
    if not days:
        return None
    _, day, stamp = min(days)
    return day, stamp


def _title(paragraphs: tuple[Paragraph, ...]) -> str | None:
    if paragraphs and paragraphs[0].kind == "title":
        return paragraphs[0].text.rstrip(".")
    return None
