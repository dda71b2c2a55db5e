"""The articles extraction reads: what it needs of one (:class:`ArticleLike`), raw text as one
(:class:`TextArticle`), and its body: the sentences outside a headline, each without its wire
dateline.

>>> import datetime as dt
>>> a = TextArticle("a1", dt.date(2013, 9, 17), "Talks fail\\n\\nPHNOM PENH (AP) - Talks failed.")
>>> [s.text for s in body(a)]
['Talks fail', 'PHNOM PENH (AP) - Talks failed.']
>>> without_dateline(body(a)[1]).text
'Talks failed.'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from negotiation.corpus import clean_paragraphs, split_sentences
from negotiation.extract.clauses import dateline_end

__all__ = ["ArticleLike", "SentenceLike", "TextArticle", "body", "closes", "without_dateline"]


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

    def sentences(self) -> Sequence[SentenceLike]:
        return [
            s
            for i, p in enumerate(clean_paragraphs(self.text))
            for s in split_sentences(self.text, p.start, p.end, paragraph=i)
        ]


def closes(text: str) -> bool:
    """Whether a text closes a quotation opened before it (its first quote mark closes)."""
    m = re.search(r'[“”"]', text)
    return m is not None and (m.group(0) == "”" or (m.group(0) == '"' and text.count('"') % 2 == 1))


@dataclass(frozen=True)
class _Span:
    """A sentence, or the part of one after its dateline."""

    start: int
    text: str


def without_dateline(sentence: SentenceLike) -> SentenceLike | _Span:
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
    return [s for s in sentences if not any(a <= s.start < b for a, b in titles)]
