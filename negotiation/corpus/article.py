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
import os
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from negotiation._internal import files, paths, yamldoc
from negotiation.corpus.metadata import (
    ArticleMeta,
    ArticlesFile,
    DateBasis,
    _title,
    infer_outlet,
    infer_published,
)
from negotiation.corpus.page import PAGE_SUFFIXES, Page, is_page, load_page
from negotiation.corpus.paragraphs import Paragraph, clean_paragraphs
from negotiation.corpus.sentences import Sentence, split_sentences
from negotiation.errors import InputError, Problem

__all__ = [
    "ARTICLE_SUFFIXES",
    "Article",
    "Articles",
    "article_file",
    "article_files",
    "load_articles",
    "no_article_file",
    "parse_articles_file",
    "read_article",
    "read_articles",
]


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


def read_article(
    path: Path | str,
    meta: ArticleMeta | None = None,
    published: dt.date | None = None,
    *,
    default_published: dt.date | None = None,
) -> Article:
    """Read one article. Without ``meta`` the outlet, title and date are inferred from the
    text; ``published`` (basis ``given``) overrides the date in either case.
    ``default_published`` is the date of an article whose ``meta`` or text does not state
    one: it gives a dateline without a year its year (the nearest) and replaces a date only
    inferred from the text (basis ``inferred``) or none (``unknown``)."""
    p = Path(path)
    page = load_page(p) if is_page(p) else None
    if page is None:
        text = yamldoc.read_text(p)
        if is_page(p, text):  # a saved page, whatever its name
            page = load_page(p)
        else:
            # as `validate` checks an article: the mark would be in quotes and in their offsets
            files.refuse_byte_order_mark(p, text, utf8=True)
    if page is not None:
        text = page.text
    paragraphs = clean_paragraphs(text)
    if meta is None:
        outlet, outlet_reasoning = infer_outlet(text, paragraphs)
        day, basis, reasoning, confidence = infer_published(
            text, paragraphs, near=default_published
        )
        if page is not None:
            outlet, outlet_reasoning, day, basis, reasoning, confidence = _page_meta(
                page, (outlet, outlet_reasoning, day, basis, reasoning, confidence)
            )
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
    if published is None and meta.date_basis in ("inferred", "unknown"):
        published = default_published
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


#: the files an article can be: a text, or a saved web page (its story is the text)
ARTICLE_SUFFIXES = (".txt", *PAGE_SUFFIXES)


def article_file(directory: Path, id: str) -> Path | None:
    """The file of the article ``id`` in ``directory`` (``id.txt``, or a saved page)."""
    for suffix in ARTICLE_SUFFIXES:
        if files.is_file(directory / f"{id}{suffix}"):
            return directory / f"{id}{suffix}"
    return None


def no_article_file(id: str, directory: Path) -> str:
    """What is wrong when ``articles.yaml`` lists an article ``directory`` has no file of."""
    return f"no text file {id}.txt (or page {id}.html) in {directory}"


def article_files(directory: Path) -> list[Path]:
    """The article files of ``directory`` (``*.txt`` and saved pages), by name."""
    return sorted(
        p for p in directory.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and files.is_file(p)
    )


def _page_meta(
    page: Page, inferred: tuple[str, str, dt.date, DateBasis, str, float]
) -> tuple[str, str, dt.date, DateBasis, str, float]:
    """A page's outlet and date: its metadata's, unless its text has a dateline (the day its
    story's "on Monday" counts from)."""
    outlet, outlet_why, day, basis, why, confidence = inferred
    if page.outlet:
        outlet, outlet_why = page.outlet, "the page's site name (its metadata)"
    if page.published is not None and not why.startswith("dateline"):
        day, basis, why, confidence = page.published, "stated", "the page's metadata", 0.9
    return outlet, outlet_why, day, basis, why, confidence


# --------------------------------------------------------------------------- collections


class Articles(Mapping[str, Article]):
    """Articles by id, in id order. ``meta_file`` is the ``articles.yaml`` read, if any."""

    def __init__(
        self,
        articles: Mapping[str, Article] | None = None,
        *,
        directory: Path | None = None,
        meta_file: Path | None = None,
        unreadable: frozenset[str] = frozenset(),
    ) -> None:
        self._items: dict[str, Article] = dict(sorted((articles or {}).items()))
        self.directory = directory
        self.meta_file = meta_file
        #: ids of articles whose files could not be read (each a problem of its own): a
        #: citation of one is not also an unknown article
        self.unreadable = unreadable

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
    articles, problems = read_articles(path)
    if problems:
        raise InputError(problems)
    return articles


def read_articles(path: Path | str | None = None) -> tuple[Articles, list[Problem]]:
    """The articles :func:`load_articles` reads that can be read, and the problems with the
    others (their ids in :attr:`Articles.unreadable`): one bad text hides no other article."""
    target = paths.seeds_dir() if path is None else Path(path)
    if files.is_file(target):
        directory, meta_path = target.parent, target
    elif files.is_dir(target):
        directory, meta_path = target, target / "articles.yaml"
    else:
        if os.path.lexists(target):  # a device, a FIFO, a symlink loop: the reader says which
            files.read_bytes(target)
        raise InputError(Problem(file=str(target), message="no such file or directory"))
    texts = article_files(directory)
    metas: dict[str, ArticleMeta] = {}
    problems: list[Problem] = []
    unreadable: set[str] = set()
    meta_file: Path | None = None
    if files.is_file(meta_path):
        meta_file = meta_path
        try:
            doc = yamldoc.load(meta_path)
            parsed, problems = parse_articles_file(doc)
        except InputError as exc:  # no metadata: no article can be read as its file says
            return Articles(unreadable=frozenset(f.stem for f in texts)), exc.problems
        for i, m in enumerate(parsed.articles):
            if article_file(directory, m.id) is None:
                problems.append(
                    doc.problem(("articles", i, "id"), no_article_file(m.id, directory))
                )
                unreadable.add(m.id)
            metas.setdefault(m.id, m)
    articles: dict[str, Article] = {}
    for f in texts:
        if f.stem in articles or f.stem in unreadable:
            what = f"a second file for article {f.stem!r}: expected one text or page an article"
            problems.append(Problem(file=str(f), message=what))
            continue
        try:
            articles[f.stem] = read_article(f, metas.get(f.stem))
        except InputError as exc:
            problems.extend(exc.problems)
            unreadable.add(f.stem)
    found = Articles(articles, directory=directory, meta_file=meta_file)
    found.unreadable = frozenset(unreadable - set(articles))
    return found, problems
