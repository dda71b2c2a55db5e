"""Clean paragraphs: web-page chrome, reader comments, timestamps and repeats removed; titles,
headings, captions and credits labelled. Offsets refer to the original text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["Paragraph", "ParagraphKind", "clean_paragraphs", "page_stamps"]

ParagraphKind = Literal["title", "heading", "caption", "credit", "body"]


class Paragraph(BaseModel):
    """A clean paragraph: ``text == article.text[start:end]`` (surrounding whitespace trimmed)."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    kind: ParagraphKind = "body"


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
      | \d{1,2}\ min(?:ute)?s?\ read | (?:updated|published|posted)\ \d{1,2}\ (?:minutes?|hours?|days?)\ ago
      | more\ (?:from|on)\ this\ (?:section|story|topic) | (?:more\ )?related\ (?:coverage|topics)
      | (?:sign\ up|subscribe)\b.{0,80}\bnewsletters?\b.{0,40}
      | (?:read\ more|related|see\ also|also\ read|read\ also|recommended|watch|more)\ ?[:|]\ .{1,160}
      | key\ points | summary | highlights | in\ brief | at\ a\ glance
      | share\ on\ \w+ | follow\ (?:@?[\w.]+\ )?on\ \w+ | follow\ @\w+.{0,40}
      | our\ standards:.{0,80} | tags?:.{0,160} | click\ here\b.{0,80} | contact\ the\ (?:author|reporter)\b.{0,80}
    )[\s.:!]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# a word of a time stamp, ending where a space or a comma follows ("Sat", "12", "Jul", "2014",
# "09.14", "BST"): a run of digits is one word, never split two ways
_STAMP_WORD = (
    r"[\s,]+(?:on|at|\d[\d:./]*(?:st|nd|rd|th)?|[ap]\.?m\.?|(?-i:[A-Z]{2,4})"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)(?=[\s,]|$)"
)
# when the page was put up or changed, not when anything happened: "Last updated on 12 July
# 2014", "First published on Sat 12 Jul 2014 09.14 BST", "Posted by Jane Roe at 10:00 AM"
_STAMP = re.compile(
    rf"^(?:(?:first|last)\s+)?(?:published|updated|posted|modified):?(?:{_STAMP_WORD})+[\s,]*$"
    rf"|^posted\s+by(?:\s+[\w.'-]+){{1,4}}?(?:{_STAMP_WORD})+[\s,]*$"
    r"|^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?$",
    re.IGNORECASE,
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
    r"|(?:additional )?reporting by\b|copyright\b|©|\(c\)\s|all rights reserved|image source\b"
    r"|writing by\b|(?:reuters|ap|afp)\s+graphics?$|published in the print edition\b"
    r"|a version of this (?:article|story) appear(?:s|ed) in print\b"
    r"|editor'?s'? note\b|(?:this|the) (?:story|article|report) (?:has been|was) (?:updated|corrected)\b)",
    re.IGNORECASE,
)
# a byline: "By Prak Chan Thul", "By Jane Roe and John Doe, Reuters", "By Staff Reporter"
_BYLINE = re.compile(
    r"^[Bb]y\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:(?:,|and|&)\s*(?:[A-Z][\w.'’-]*\s*){1,4}){0,3}"
    r"(?:[|,]\s*[A-Z][\w .'’-]{0,30})?$"
)
_SIGN_OFF = re.compile(r"(?<=[.!?\"”’')])\s*[-–—]\s*(?P<outlet>[A-Z][A-Za-z]{1,7})\s*$")
_CAPTION = re.compile(
    r"(?:\bphoto(?:\s+credit)?\s*:|\((?:AP|AFP|Reuters|EPA)\s+Photo|^(?:image|media|video|photo)\s+caption\b"
    r"|\b(?:REUTERS|AFP|AP|EPA(?:-EFE)?|Getty\s+Images|Xinhua|Anadolu|Bloomberg)(?:\s+Photo)?\s*/\s*[A-Z]"
    r"|[,.]\s+" + _MDY.replace("?P<", "?P<c_") + r"\.?\s*$)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"[•▪◦●‣*–—-]\s")
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
    hard-wrapped: a line of 20 characters or more that does not end a sentence, followed by one
    that begins in lower case or whose first word would not have fitted on it (the block's
    longest line giving the width it was wrapped at). A line of page chrome ("Email story") is not
    continued."""
    from negotiation.corpus.sentences import ends_sentence  # sentences build on paragraphs

    spans: list[tuple[int, int]] = []
    for block in _blocks(text):
        width = max(e - s for s, e in block)
        current = block[0]
        line = text[block[0][0] : block[0][1]]  # the paragraph's last line so far
        for s, e in block[1:]:
            word = len(text[s:e].split(maxsplit=1)[0])
            if (
                len(line) >= 20
                and not ends_sentence(line)
                and not _CHROME.match(line)
                and (text[s].islower() or len(line) + 1 + word > width)
            ):
                current = (current[0], e)
            else:
                spans.append(current)
                current = (s, e)
            line = text[s:e]
        spans.append(current)
    return spans


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """The non-blank lines, trimmed, grouped into blank-line separated blocks."""
    blocks: list[list[tuple[int, int]]] = [[]]
    for start, end in _lines(text):
        s, e = _trim(text, start, end)
        if s == e:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append((s, e))
    return [b for b in blocks if b]


def page_stamps(text: str) -> list[str]:
    """The page's time stamps ("First published on Sat 12 Jul 2014 09.14 BST", "Updated: July
    12, 2014"), which :func:`clean_paragraphs` leaves out: when the page went up, not when
    anything it tells happened.

    >>> page_stamps("Talks fail\\n\\nPublished: July 12, 2014 10:32 a.m. ET\\n\\nThe talks failed.")
    ['Published: July 12, 2014 10:32 a.m. ET']
    """
    out = []
    for start, end in _lines(text):
        s, e = _trim(text, start, end)
        if s < e and _STAMP.match(text[s:e]):
            out.append(text[s:e])
    return out


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
    seen: set[str] = set()
    for start, end in _raw_paragraphs(text):
        raw = text[start:end]
        if _COMMENTS_HEADER.match(raw) and out:
            break
        if (
            _CHROME.match(raw)
            or _TIMESTAMP.match(raw)
            or _STAMP.match(raw)
            or _COMMENTER.match(raw)
        ):
            continue
        m = _SIGN_OFF.search(raw)
        if m and _words(raw) > 3:
            end = start + m.start()
        elif re.fullmatch(r"[-–—]\s*[A-Z][A-Za-z]{1,7}", raw):
            continue  # a sign-off on its own line
        start, end = _trim(text, start, end)
        body = text[start:end]
        key = _norm(body)
        # an earlier paragraph equal to this one or to it less its last 12 characters at most
        # (of 20 or more): a few set look-ups, not a scan of every earlier paragraph
        if key in seen or any(key[:n] in seen for n in range(max(20, len(key) - 12), len(key))):
            continue
        seen.add(key)
        out.append(Paragraph(start=start, end=end, text=body, kind=_kind(body, first=not out)))
    return tuple(out)


def _kind(text: str, *, first: bool) -> ParagraphKind:
    if _CREDIT.match(text) or _BYLINE.match(text):
        return "credit"
    if _CAPTION.search(text):
        return "caption"
    if _BULLET.match(text) and _words(text) <= 25 and not _TERMINAL.search(text):
        return "heading"  # a summary's point ("• Police arrest dozens"), told like a headline
    short = _words(text) <= 15 and len(text) <= 120 and not _TERMINAL.search(text)
    if first and short:
        return "title"
    if short and _words(text) <= 8:
        return "heading"
    return "body"
