"""Articles: the source texts, their metadata and their clean paragraphs.

Character offsets always refer to the original file text, so a citation's span can be checked
against the file itself::

    >>> arts = load_articles()
    >>> a = arts["003_37ff776b6c58cc4a"]
    >>> a.outlet, a.published.isoformat()
    ('RFA', '2013-09-17')
    >>> all(a.text[p.start:p.end] == p.text for p in a.paragraphs)
    True

Cleaning (:func:`clean_paragraphs`) is generic, not fitted to the seed files: it drops web-page
chrome ("Email story", "Accessibility links", "View Full Site" ...), everything from a reader
comments header ("Comments (5)") on, stand-alone timestamps and commenter lines, and paragraphs
that repeat an earlier one (seed 002 repeats its whole body). Titles, sub-headings, photo
captions and credits are kept but labelled with a :attr:`Paragraph.kind`.

Metadata comes from ``articles.yaml`` beside the texts when it lists the article; otherwise it is
inferred from the text (:func:`read_article`). An article whose publication date cannot be
inferred gets ``date_basis="unknown"``, ``confidence=0.0`` and ``published=datetime.date.min``
(0001-01-01), a sentinel that sorts before every real date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from negotiation import builtin, yamldoc
from negotiation.errors import InputError, Problem
from negotiation.events import _date_from_text

__all__ = [
    "Article",
    "ArticleMeta",
    "Articles",
    "ArticlesFile",
    "Paragraph",
    "ParagraphKind",
    "Sentence",
    "clean_paragraphs",
    "find_dates",
    "infer_outlet",
    "infer_published",
    "load_articles",
    "read_article",
    "split_sentences",
]

ParagraphKind = Literal["title", "heading", "caption", "credit", "body"]
DateBasis = Literal["stated", "inferred", "given", "unknown"]

UNKNOWN_DATE = dt.date.min


class Paragraph(BaseModel):
    """A clean paragraph: ``text == article.text[start:end]`` (surrounding whitespace trimmed)."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    kind: ParagraphKind = "body"


class Sentence(BaseModel):
    """A sentence of a clean paragraph, with offsets into the original text."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    paragraph: int = Field(default=0, description="index of its paragraph in Article.paragraphs")


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
        return _date_from_text(value)


class ArticlesFile(BaseModel):
    """Schema of ``articles.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    articles: tuple[ArticleMeta, ...] = ()


class Article(BaseModel):
    """One source text: metadata, the original text (exact) and its clean paragraphs."""

    model_config = ConfigDict(frozen=True)

    meta: ArticleMeta
    text: str
    paragraphs: tuple[Paragraph, ...]
    path: str | None = Field(default=None, description="the file it was read from")

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def outlet(self) -> str:
        return self.meta.outlet

    @property
    def title(self) -> str | None:
        return self.meta.title

    @property
    def published(self) -> dt.date:
        return self.meta.published

    def sentences(self, kinds: Collection[str] | None = None) -> list[Sentence]:
        """Sentences of the clean paragraphs (by default every kind except credits)."""
        wanted = set(kinds) if kinds is not None else {"title", "heading", "caption", "body"}
        out: list[Sentence] = []
        for i, p in enumerate(self.paragraphs):
            if p.kind in wanted:
                out.extend(split_sentences(self.text, p.start, p.end, paragraph=i))
        return out

    def paragraph_at(self, start: int, end: int) -> int | None:
        """Index of the clean paragraph containing the span ``start..end``, or ``None``."""
        for i, p in enumerate(self.paragraphs):
            if p.start <= start and end <= p.end:
                return i
        return None


# --------------------------------------------------------------------------- cleaning

_CHROME = re.compile(
    r"""^(?:
        e-?mail(?:\ this)?(?:\ story|\ article|\ page)? | comment\ on\ this\ (?:story|article)
      | print(?:\ this)?(?:\ story|\ article|\ page)? | share(?:\ this)?(?:\ story|\ article)?
      | accessibility\ links | breaking\ news | skip\ to\ (?:main\ )?content
      | more\ listening\ options | view\ full\ site | view\ (?:all\ )?comments
      | related(?:\ stories|\ articles|\ content)? | advertisement | back\ to\ top
      | read\ more | see\ comments | show\ comments | hide\ comments | load\ more(?:\ comments)?
      | (?:sign|log)\ in | register | subscribe(?:\ now)? | follow\ us(?:\ on\ \w+)?
      | tweet | facebook | twitter | whatsapp | telegram | copy\ link | menu | search | home
      | next\ (?:article|story) | previous\ (?:article|story) | listen(?:\ to\ this\ article)?
      | download | close | top\ stories | most\ popular | latest\ news
    )[\s.:!]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_COMMENTS_HEADER = re.compile(
    r"^(?:comments?\s*\(\d+\)|\d+\s+comments?|reader\s+comments|comments|"
    r"leave\s+a\s+comment|add\s+(?:a|your)\s+comment)[\s.:]*$",
    re.IGNORECASE,
)
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MDY = _MONTH + r"\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
_DMY = r"(?P<day>\d{1,2})\s+" + _MONTH + r"\.?,?\s+(?P<year>\d{4})"
_ISO = r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})"
_DATE_PATTERNS = [re.compile(r"\b" + p + r"\b") for p in (_MDY, _DMY, _ISO)]
_CLOCK = r"(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?"
_TIMESTAMP = re.compile(r"^(?:" + _MDY + "|" + _DMY.replace("?P<", "?P<d_") + ")" + _CLOCK + "$")
_COMMENTER = re.compile(
    r"^(?:from\s+[A-Z][\w .,'’-]{0,40}|(?i:anonymous(?:\s+(?:reader|user|coward))?))$"
)
_CREDIT = re.compile(
    r"^(?:(?:reported|written|translated|edited|produced|compiled)\b.{0,60}\bby\b"
    r"|copyright\b|©|\(c\)\s|all rights reserved)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(r"(?<=[.!?\"”’')])\s*[-–—]\s*(?P<outlet>[A-Z][A-Za-z]{1,7})\s*$")
_CAPTION = re.compile(
    r"(?:\bphoto(?:\s+credit)?\s*:|\((?:AP|AFP|Reuters|EPA)\s+Photo"
    r"|[,.]\s+" + _MDY.replace("?P<", "?P<c_") + r"\.?\s*$)",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?…:;][\"”’')\]]*$")
_WS = re.compile(r"\s+")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _raw_paragraphs(text: str) -> list[tuple[int, int]]:
    """Blank-line separated blocks; inside a block each line is a paragraph unless it is
    hard-wrapped (a long line that does not end a sentence, followed by one that begins in lower
    case)."""
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in _lines(text):
        s, e = _trim(text, start, end)
        if s == e:
            if current:
                spans.append(current)
            current = None
            continue
        if current is not None:
            prev = text[current[0] : current[1]]
            wrapped = len(text[current[0] : current[1]].splitlines()[-1]) >= 40
            if wrapped and not _TERMINAL.search(prev) and text[s].islower():
                current = (current[0], e)
                continue
            spans.append(current)
        current = (s, e)
    if current:
        spans.append(current)
    return spans


def _norm(s: str) -> str:
    return _WS.sub(" ", s.translate(_FOLD)).strip().casefold()


def _words(s: str) -> int:
    return len(s.split())


def clean_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """The article's paragraphs without boilerplate, reader comments and repetitions.

    Generic rules (nothing here knows the seed files): web chrome lines are dropped; a reader
    comments header ("Comments (5)", "12 comments", "Reader comments") ends the article; lone
    timestamps and commenter lines ("from Phnom Penh", "Anonymous Reader") are dropped; a
    paragraph equal to an earlier one (case, spacing and quote style folded) or an earlier one
    plus a few characters (a repeated caption with a credit appended) is dropped; an agency
    sign-off glued to the last sentence ("...operation.-VNA") is left out of the paragraph.
    """
    out: list[Paragraph] = []
    seen: list[str] = []
    for start, end in _raw_paragraphs(text):
        raw = text[start:end]
        if _COMMENTS_HEADER.match(raw) and out:
            break
        if _CHROME.match(raw) or _TIMESTAMP.match(raw) or _COMMENTER.match(raw):
            continue
        m = _SIGN_OFF.search(raw)
        if m and _words(raw) > 3:
            end = start + m.start()
        elif re.fullmatch(r"[-–—]\s*[A-Z][A-Za-z]{1,7}", raw):
            continue  # a sign-off on its own line
        start, end = _trim(text, start, end)
        body = text[start:end]
        key = _norm(body)
        if any(
            key == k or (len(k) >= 20 and key.startswith(k) and len(key) - len(k) <= 12)
            for k in seen
        ):
            continue
        seen.append(key)
        out.append(Paragraph(start=start, end=end, text=body, kind=_kind(body, first=not out)))
    return tuple(out)


def _kind(text: str, *, first: bool) -> ParagraphKind:
    if _CREDIT.match(text):
        return "credit"
    if _CAPTION.search(text):
        return "caption"
    short = _words(text) <= 15 and len(text) <= 120 and not _TERMINAL.search(text)
    if first and short:
        return "title"
    if short and _words(text) <= 8:
        return "heading"
    return "body"


# --------------------------------------------------------------------------- sentences

_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "gov",
        "sen",
        "rep",
        "st",
        "mt",
        "ft",
        "jr",
        "sr",
        "rev",
        "hon",
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
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "nos",
        "vs",
        "fig",
        "approx",
        "dept",
        "est",
        "univ",
        "assn",
        "bros",
    }
)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)")


def _is_abbreviation(token: str) -> bool:
    """``token`` ends with a period that does not end a sentence."""
    t = token.lstrip("\"“‘'([").rstrip(".")
    if not t:
        return False
    if t.casefold() in _ABBREVIATIONS:
        return True
    # initials and dotted acronyms: J., U.S., p.m., e.g.
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", t)) and (len(t) == 1 or "." in t)


def split_sentences(
    text: str, start: int = 0, end: int | None = None, *, paragraph: int = 0
) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences with offsets into ``text``.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus closing quotes) followed by white
    space and an upper-case letter, a digit or an opening quote -- unless the period belongs to
    an abbreviation ("Mr.", "Sept. 17"), an initial or a dotted acronym ("U.S.", "p.m.").
    """
    stop = len(text) if end is None else end
    out: list[Sentence] = []
    begin = start
    for m in _BOUNDARY.finditer(text, start, stop):
        nxt = m.end()
        while nxt < stop and text[nxt].isspace():
            nxt += 1
        if nxt >= stop:
            break
        if not (text[nxt].isupper() or text[nxt].isdigit() or text[nxt] in "\"“‘'(["):
            continue
        if m.group().startswith(".") and len(m.group().rstrip("\"”’')]")) == 1:
            token_start = m.start()
            while token_start > begin and not text[token_start - 1].isspace():
                token_start -= 1
            if _is_abbreviation(text[token_start : m.start() + 1]):
                continue
        s, e = _trim(text, begin, m.end())
        if s < e:
            out.append(Sentence(start=s, end=e, text=text[s:e], paragraph=paragraph))
        begin = m.end()
    s, e = _trim(text, begin, stop)
    if s < e:
        out.append(Sentence(start=s, end=e, text=text[s:e], paragraph=paragraph))
    return out


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


def infer_published(
    text: str, paragraphs: tuple[Paragraph, ...] | None = None
) -> tuple[dt.date, DateBasis, str, float]:
    """(published, basis, reasoning, confidence): the latest explicit full date in the clean
    paragraphs (never in reader comments), else ``date.min`` with basis ``unknown``."""
    paras = clean_paragraphs(text) if paragraphs is None else paragraphs
    dates = [(d, p.text[s:e]) for p in paras for d, s, e in find_dates(p.text)]
    if not dates:
        return UNKNOWN_DATE, "unknown", "no explicit full date in the text", 0.0
    day, words = max(dates, key=lambda x: x[0])
    reasoning = (
        f"latest explicit full date in the text ('{words}'); the article may have been "
        "published later"
    )
    return day, "inferred", reasoning, 0.5


def _title(paragraphs: tuple[Paragraph, ...]) -> str | None:
    if paragraphs and paragraphs[0].kind == "title":
        return paragraphs[0].text.rstrip(".")
    return None


def read_article(
    path: Path | str, meta: ArticleMeta | None = None, published: dt.date | None = None
) -> Article:
    """Read one article. Without ``meta`` the outlet, title and date are inferred from the
    text; ``published`` (basis ``given``) overrides the date in either case."""
    p = Path(path)
    text = yamldoc.read_text(p)
    paragraphs = clean_paragraphs(text)
    if meta is None:
        outlet, outlet_reasoning = infer_outlet(text, paragraphs)
        day, basis, reasoning, confidence = infer_published(text, paragraphs)
        meta = ArticleMeta(
            id=p.stem,
            outlet=outlet,
            outlet_reasoning=outlet_reasoning,
            title=_title(paragraphs),
            published=day,
            date_basis=basis,
            date_reasoning=reasoning,
            confidence=confidence,
        )
    if published is not None:
        meta = meta.model_copy(
            update={
                "published": published,
                "date_basis": "given",
                "date_reasoning": "given by the caller",
                "confidence": 1.0,
            }
        )
    return Article(meta=meta, text=text, paragraphs=paragraphs, path=str(p))


# --------------------------------------------------------------------------- collections


class Articles(Mapping[str, Article]):
    """Articles by id, in id order. ``meta_file`` is the ``articles.yaml`` read, if any."""

    def __init__(
        self,
        articles: Mapping[str, Article] | None = None,
        *,
        directory: Path | None = None,
        meta_file: Path | None = None,
    ) -> None:
        self._items: dict[str, Article] = dict(sorted((articles or {}).items()))
        self.directory = directory
        self.meta_file = meta_file

    def __getitem__(self, key: str) -> Article:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Articles({list(self._items)!r})"


def parse_articles_file(doc: yamldoc.Document) -> tuple[ArticlesFile, list[Problem]]:
    """Validate an ``articles.yaml`` document; problems for duplicate ids are returned."""
    parsed = yamldoc.parse(doc, ArticlesFile)
    _, problems = yamldoc.unique_ids(doc, "articles", [m.id for m in parsed.articles], "article")
    return parsed, problems


def load_articles(path: Path | str | None = None) -> Articles:
    """Articles of a directory (``*.txt`` plus an optional ``articles.yaml``), or of the
    directory of a given ``articles.yaml``; ``None`` means the built-in seeds."""
    target = builtin.seeds_dir() if path is None else Path(path)
    if target.is_file():
        directory, meta_path = target.parent, target
    elif target.is_dir():
        directory, meta_path = target, target / "articles.yaml"
    else:
        raise InputError(Problem(file=str(target), message="no such file or directory"))
    metas: dict[str, ArticleMeta] = {}
    problems: list[Problem] = []
    meta_file: Path | None = None
    if meta_path.is_file():
        meta_file = meta_path
        doc = yamldoc.load(meta_path)
        parsed, problems = parse_articles_file(doc)
        for i, m in enumerate(parsed.articles):
            if not (directory / f"{m.id}.txt").is_file():
                problems.append(
                    doc.problem(("articles", i, "id"), f"no text file {m.id}.txt in {directory}")
                )
            metas.setdefault(m.id, m)
    if problems:
        raise InputError(problems)
    articles = {f.stem: read_article(f, metas.get(f.stem)) for f in sorted(directory.glob("*.txt"))}
    return Articles(articles, directory=directory, meta_file=meta_file)
