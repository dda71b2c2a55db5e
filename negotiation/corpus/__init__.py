"""The corpus: source texts, their metadata, clean paragraphs and sentences.

>>> arts = load_articles()
>>> sorted(arts)[0], arts["003_37ff776b6c58cc4a"].outlet
('000_5589be6932a6ac77', 'RFA')
"""

from __future__ import annotations

from negotiation.corpus.article import Article, Articles, load_articles, read_article
from negotiation.corpus.metadata import (
    ArticleMeta,
    ArticlesFile,
    find_dates,
    infer_outlet,
    infer_published,
)
from negotiation.corpus.paragraphs import Paragraph, ParagraphKind, clean_paragraphs
from negotiation.corpus.sentences import Sentence, split_sentences

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
