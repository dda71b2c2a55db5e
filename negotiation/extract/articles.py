"""The articles extraction reads: what it needs of one (:class:`ArticleLike`), raw text as one
(:class:`TextArticle`), and its body: the sentences outside headlines and headings, each
without its wire dateline.

>>> import datetime as dt
>>> a = TextArticle("a1", dt.date(2013, 9, 17), "Talks fail\\n\\nPHNOM PENH (AP) - Talks failed.")
>>> [s.text for s in a.sentences()]
['Talks fail', 'PHNOM PENH (AP) - Talks failed.']
>>> [s.text for s in body(a)]
['PHNOM PENH (AP) - Talks failed.']
>>> without_dateline(body(a)[0]).text
'Talks failed.'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from negotiation.corpus import Paragraph, clean_paragraphs, split_sentences
from negotiation.extract.clauses import dateline_end

__all__ = [
    "ArticleLike",
    "SentenceLike",
    "TextArticle",
    "body",
    "closes",
    "double_quoted",
    "plain",
    "without_dateline",
]


class SentenceLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


class ArticleLike(Protocol):
    """What extraction needs of an article (``negotiation.corpus.Article`` is one)."""

    @property
    def id(self) -> str: ...
    @property
    def published(self) -> dt.date: ...
    @property
    def text(self) -> str: ...
    def sentences(self) -> Sequence[SentenceLike]: ...


@dataclass(frozen=True)
class TextArticle:
    """Raw text with an id and a publication date, cleaned and split like a corpus article."""

    id: str
    published: dt.date
    text: str

    @functools.cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Its clean paragraphs: titles, headings and captions told apart as in an article."""
        return clean_paragraphs(self.text)

    def sentences(self) -> Sequence[SentenceLike]:
        return [
            s
            for i, p in enumerate(self.paragraphs)
            for s in split_sentences(self.text, p.start, p.end, paragraph=i)
        ]


def closes(text: str) -> bool:
    """Whether a text closes a quotation opened before it (its first quote mark closes)."""
    m = re.search(r'[“”"]', text)
    return m is not None and (m.group(0) == "”" or (m.group(0) == '"' and text.count('"') % 2 == 1))


# single quotation marks (British style, '...' or ‘...’), told from apostrophes ("party's",
# "the parties' leaders" inside no quotation): an opening one starts a word after a space, a
# closing one ends a word before a space or a punctuation mark
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–-]))[‘'](?=[^\W_])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s‘'])[’'](?=[\s.,;:!?)\]—–-]|$)")
# a closing mark with no opening one before it closes a quotation of an earlier sentence only
# when speech is attributed after it ("... accept it,' he said")
_ATTRIBUTED = re.compile(
    r"[’'](?:[,.!?]|\s+(?:(?:he|she|they|it|[A-Z][\w.-]*)(?:\s+[\w.-]+){0,3}?\s+)?"
    r"(?:said|says|told|added|according)\b)"
)
_DOUBLE = {"'": '"', "‘": "“", "’": "”"}
_PLURAL_POSSESSIVE = re.compile(r"s[’'] [a-z]")
# what the rules read instead of the text's own characters (one for one, so offsets hold): a
# line break, a tab or a no-break space is a space
_SPACES = str.maketrans(dict.fromkeys("\n\r\t\v\f\u00a0\u2007\u2009\u202f", " "))


def double_quoted(text: str) -> str:
    """``text`` with British single quotation marks as double ones, typographic as typographic
    (same length; a text that has double quotation marks keeps its single ones: they are quotes
    inside quotes).

    >>> print(double_quoted("'We will not accept it,' Rainsy said of the party's result."))
    "We will not accept it," Rainsy said of the party's result.
    """
    if '"' in text or "“" in text or "”" in text or not ("'" in text or "‘" in text or "’" in text):
        return text
    marks = sorted(
        [(m.start(), "open") for m in _SINGLE_OPEN.finditer(text)]
        + [(m.start(), "close") for m in _SINGLE_CLOSE.finditer(text)]
    )
    chars = list(text)
    opened: int | None = None
    last = max((at for at, what in marks if what == "close"), default=-1)
    for at, what in marks:
        if what == "open" and opened is None:
            opened = at
        elif what == "close" and at < last and _PLURAL_POSSESSIVE.match(text, at - 1):
            continue  # "'the parties' stances are closer,' he said": a later mark closes
        elif what == "close" and opened is not None and at > opened:
            chars[opened], chars[at], opened = _DOUBLE[text[opened]], _DOUBLE[text[at]], None
        elif what == "close" and opened is None and _ATTRIBUTED.match(text, at):
            chars[at] = _DOUBLE[text[at]]  # the end of a quotation begun in an earlier sentence
    if opened == 0:
        chars[0] = _DOUBLE[text[0]]  # a quotation going on into the next sentence
    return "".join(chars)


def plain(sentence: SentenceLike) -> SentenceLike:
    """The sentence as the rules read it: spaces plain and quotation marks double
    (:func:`double_quoted`); citations quote the text's own characters at the same offsets."""
    text = double_quoted(sentence.text.translate(_SPACES))
    return sentence if text == sentence.text else _Span(sentence.start, text)


@dataclass(frozen=True)
class _Span:
    """A sentence, or the part of one after its dateline."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def without_dateline(sentence: SentenceLike) -> SentenceLike:
    cut = dateline_end(sentence.text)
    return sentence if cut == 0 else _Span(sentence.start + cut, sentence.text[cut:])


def body(article: ArticleLike) -> Sequence[SentenceLike]:
    """The sentences outside headlines and headings: a headline, a section heading or a
    summary's point summarises (often in the present or future tense, "Opposition Plans
    Boycott", "• Police arrest dozens") what the body reports with its date."""
    paragraphs = getattr(article, "paragraphs", None)
    sentences = article.sentences()
    if not paragraphs:
        return sentences
    titles = [(p.start, p.end) for p in paragraphs if p.kind in ("title", "heading")]
    if len(titles) == len(paragraphs):
        return sentences  # a text of one line, or of headings alone: nothing else to read
    return [s for s in sentences if not any(a <= s.start < b for a, b in titles)]
