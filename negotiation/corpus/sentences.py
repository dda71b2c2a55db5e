"""Sentences of a clean paragraph, with offsets into the original text."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from negotiation._internal import limits
from negotiation.corpus.paragraphs import _trim

__all__ = ["Sentence", "ends_sentence", "split_sentences"]


class Sentence(BaseModel):
    """A sentence of a clean paragraph, with offsets into the original text."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    paragraph: int = Field(default=0, description="index of its paragraph in Article.paragraphs")


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


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence: ``.``, ``!``, ``?`` or ``…`` (plus closing quotes),
    a period not of an abbreviation ("Jan.", "U.S.")."""
    m = re.search(r"[.!?…]+[\"”’')\]]*$", text)
    if m is None:
        return False
    if m.group().rstrip("\"”’')]") != ".":
        return True
    token = text[: m.start() + 1].rsplit(None, 1)[-1]
    return not _is_abbreviation(token)


def split_sentences(
    text: str, start: int = 0, end: int | None = None, *, paragraph: int = 0
) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences with offsets into ``text``.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus closing quotes) followed by white
    space and an upper-case letter, a digit or an opening quote -- unless the period belongs to
    an abbreviation ("Mr.", "Sept. 17"), an initial or a dotted acronym ("U.S.", "p.m.").

    A sentence longer than the sentence limit (``NEGOTIATION_MAX_SENTENCE`` characters, see
    :mod:`negotiation._internal.limits`) is cut into pieces at a ``;``, a ``,`` or a space, so
    that extraction stays linear in the text's length however it is written.
    """
    stop = len(text) if end is None else end
    limit = limits.current().sentence
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
        out += _pieces(text, begin, m.end(), paragraph, limit)
        begin = m.end()
    out += _pieces(text, begin, stop, paragraph, limit)
    return out


def _pieces(text: str, begin: int, stop: int, paragraph: int, limit: int) -> list[Sentence]:
    """The sentence ``text[begin:stop]`` (trimmed), cut into pieces of at most ``limit``."""
    out: list[Sentence] = []
    s, e = _trim(text, begin, stop)
    while s < e:
        cut = e
        if e - s > limit:
            window = text[s : s + limit]
            at = max(window.rfind("; "), window.rfind(", "), window.rfind(" "))
            cut = s + at + 1 if at > limit // 2 else s + limit
        ps, pe = _trim(text, s, cut)
        if ps < pe:
            out.append(Sentence(start=ps, end=pe, text=text[ps:pe], paragraph=paragraph))
        s = cut
    return out
