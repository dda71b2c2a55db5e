"""Saved web pages as articles: the story a page tells, and what its metadata says of it.

A news page saved from a browser (``.html``) is mostly not the story: navigation, cookie
notices, scripts, links to other stories, reader comments. `trafilatura`_ (the maintained
standard for the main text of web pages) finds the story; this module turns what it finds into
an article's text, one paragraph per block (a headline, a paragraph, a list item), separated by
blank lines, so paragraphs, sentences and citations work as for a ``.txt`` report. Citations of
a page quote this text: reading the page again gives the same text, character for character,
with the same ``trafilatura``.

The page's title, outlet and publication date come from its metadata (``<meta>`` tags, JSON-LD,
``<time>``), never guessed from the text's dates::

    >>> page = read_page(
    ...     b"<html><head><title>Opposition walks out | Daily</title>"
    ...     b"<meta property='article:published_time' content='2013-09-23T08:00:00Z'></head>"
    ...     b"<body><nav><a href='/'>Home</a></nav><article><h1>Opposition walks out</h1>"
    ...     b"<p>The opposition boycotted the opening of parliament on Monday, its leader said."
    ...     b"</p></article></body></html>", "walkout.html")
    >>> page.published, page.title
    (datetime.date(2013, 9, 23), 'Opposition walks out')
    >>> print(page.text)
    Opposition walks out
    <BLANKLINE>
    The opposition boycotted the opening of parliament on Monday, its leader said.

.. _trafilatura: https://trafilatura.readthedocs.io
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from negotiation._internal import files
from negotiation.errors import InputError, Problem

__all__ = ["PAGE_SUFFIXES", "Page", "is_page", "load_page", "read_page"]

#: file names read as web pages (any other file whose text starts as HTML is one too)
PAGE_SUFFIXES = (".html", ".htm", ".xhtml")

# a browser's "<!-- saved from url=(0045)https://... -->" may come first
_HTML_START = re.compile(r"\A\ufeff?\s*(?:<!--[^>]*-->\s*)?<(?:!doctype\s+html|html)\b", re.I)
# C0 and C1 control characters but the line breaks and tabs a text may hold
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# invisible inside words: soft hyphens ("sit\u00adu\u00ada\u00adtion"), zero-width marks
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")


#: a story has a block of at least this many words (a sentence, not a menu's "Home")
_SENTENCE_WORDS = 6


@dataclass(frozen=True)
class Page:
    """The story of a web page: its text (blocks separated by blank lines) and its metadata."""

    text: str
    title: str | None
    outlet: str | None
    published: dt.date | None


def is_page(path: Path | str, text: str | None = None) -> bool:
    """Whether a file is a web page: by its suffix, or by how its text starts
    (``<!DOCTYPE html``, ``<html``) whatever its name."""
    if Path(path).suffix.lower() in PAGE_SUFFIXES:
        return True
    return text is not None and _HTML_START.match(text[:4096]) is not None


def load_page(path: Path | str) -> Page:
    """The page at ``path`` (read and converted once a command)."""
    return files.built_once(path, "page", lambda: read_page(files.read_bytes(path), str(path)))


def read_page(data: bytes, file: str) -> Page:
    """The story of the page ``data`` (the file's bytes; its encoding is read from the page),
    or an :class:`InputError` naming ``file`` when the page holds none."""
    if b"\0" in data[:4096]:
        raise InputError(
            Problem(file=file, line=1, column=1, message="binary data, expected a web page (HTML)")
        )
    from trafilatura import bare_extraction  # 0.4 CPU-s to import: only when a page is read

    found: Any = bare_extraction(
        data,
        config=_config(),
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        # the date the page's metadata gives, never one guessed from its text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    blocks = _blocks(found.body) if found is not None and found.body is not None else []
    if not any(len(b.split()) >= _SENTENCE_WORDS for b in blocks):  # a menu, a title alone
        raise InputError(
            Problem(
                file=file,
                line=1,
                column=1,
                message="no story found in this web page: expected a news page with an "
                "article's text (its main text could not be told from the page around it)",
            )
        )
    title = _clean(found.title or "") or None
    # a headline the story's blocks lack (not a site's or a CMS's name: "escenic")
    if title and blocks[0] != title and len(title.split()) >= 3:
        blocks.insert(0, title)
    return Page(
        text="\n\n".join(blocks) + "\n",
        title=title,
        outlet=_clean(found.sitename or "") or None,
        published=_day(found.date),
    )


@functools.cache
def _config() -> Any:
    """trafilatura's settings (its file read once a process), with two of ours: a short story
    is a story (below 250 characters its last resort would run the whole page into one
    paragraph), and no date is guessed from the page's text."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def _blocks(body: Any) -> list[str]:
    """One paragraph per block of the story: a heading, a paragraph, a quotation, a list item
    (as "- item"), in order; a block's line breaks kept as lines. trafilatura gives its own
    elements, or, when it falls back on another extractor, the page's own tree: its
    containers (``<div>``, ``<section>`` ...) are walked into, each text they hold a block."""
    out: list[str] = []

    def add(text: str) -> None:
        lines = [_clean(line) for line in text.split("\n")]
        block = "\n".join(line for line in lines if line)
        if block:
            out.append(block)

    def walk(element: Any) -> None:
        add((element.text or "").replace("\n", " "))
        for child in element:
            if not isinstance(child.tag, str):  # a comment, a processing instruction
                pass
            elif child.tag in _LISTS:
                for item in child:
                    if isinstance(item.tag, str):
                        text = _clean(_text(item).replace("\n", " "))
                        if text:
                            out.append(f"- {text}")
            elif child.tag in _CONTAINERS and any(isinstance(c.tag, str) for c in child):
                walk(child)
            else:
                add(_text(child))
            add((child.tail or "").replace("\n", " "))

    walk(body)
    return out


# what holds blocks rather than being one: trafilatura's lists, and the page's own containers
_LISTS = frozenset({"list", "ul", "ol"})
_CONTAINERS = frozenset(
    {"div", "section", "article", "main", "body", "doc", "header", "footer", "aside", "figure"}
)


def _text(element: Any) -> str:
    """An element's text, a line break (trafilatura's ``<lb/>``, or the page's own ``<br>`` in
    its fallback's tree) as a new line; any other line end in the page's source is a space, as
    a browser shows it."""
    parts = [(element.text or "").replace("\n", " ")]
    for child in element:
        parts.append("\n" if child.tag in ("lb", "br") else _text(child))
        parts.append((child.tail or "").replace("\n", " "))
    return "".join(parts)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", _CONTROL.sub("", text))).strip()


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
