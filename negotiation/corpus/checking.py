"""What ``negotiation validate`` checks in an article text (a ``.txt`` file, or the story of a
saved ``.html`` page): UTF-8 without a byte-order mark, within the size limit, no binary data or terminal control characters (the
reader refuses those, located), some sentences, and the language its ``articles.yaml`` gives
(English when it gives none)::

    >>> LANGUAGE_NAMES["de"]
    'German'
"""

from __future__ import annotations

from pathlib import Path

from negotiation._internal import files, yamldoc
from negotiation.corpus.language import detect_language
from negotiation.corpus.metadata import ArticlesFile
from negotiation.corpus.page import is_page, load_page
from negotiation.errors import InputError, Problem

__all__ = ["LANGUAGE_NAMES", "check_article_text", "expected_language"]

LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "es": "Spanish", "pt": "Portuguese", "de": "German",
    "it": "Italian", "nl": "Dutch", "ru": "Russian", "ar": "Arabic", "zh": "Chinese",
    "ja": "Japanese", "ko": "Korean", "id": "Indonesian", "ms": "Malay", "vi": "Vietnamese",
    "th": "Thai", "km": "Khmer", "tl": "Tagalog", "tr": "Turkish", "pl": "Polish",
    "sw": "Swahili", "bn": "Bengali", "hi": "Hindi", "ur": "Urdu",
}  # fmt: skip

#: fewer letters than this and the language is not judged (a headline, a dateline)
MIN_LETTERS = 40


def _name(code: str) -> str:
    return f"{LANGUAGE_NAMES.get(code, code)} ({code})"


def expected_language(path: Path) -> tuple[str, str]:
    """The language ``path``'s text should be in, and where that comes from: the ``language``
    the ``articles.yaml`` beside it gives for it, else English."""
    meta = path.parent / "articles.yaml"
    if files.is_file(meta):
        try:
            parsed = yamldoc.parse(yamldoc.load(meta), ArticlesFile)
        except InputError:  # validated on its own; here only its languages matter
            return "en", "by default"
        for m in parsed.articles:
            if m.id == path.stem:
                return m.language, f"as {meta} gives for {m.id!r}"
    return "en", "by default (no articles.yaml entry gives another)"


def check_article_text(path: Path | str) -> str:
    """The text of the article file ``path``, or an :class:`InputError` naming what is wrong
    with it (its encoding, its content, its language)."""
    p = Path(path)
    if is_page(p):  # a saved web page: its story is the text
        text = load_page(p).text
    else:
        text = files.read_text(p)  # size, regular file, UTF-8, NUL bytes, control characters
        if is_page(p, text):
            text = load_page(p).text
        else:
            files.refuse_byte_order_mark(p, text, utf8=True)  # quotes' offsets would count it
    letters = sum(c.isalpha() for c in text)
    if not text.strip():
        raise InputError(
            Problem(file=str(p), line=1, column=1, message="empty, expected an article's text")
        )
    if letters == 0:
        raise InputError(
            Problem(file=str(p), line=1, column=1, message="no letters, expected an article's text")
        )
    if letters < MIN_LETTERS:
        return text
    found = detect_language(text)
    want, why = expected_language(p)
    if found and found != want:
        raise InputError(
            Problem(
                file=str(p),
                line=1,
                column=1,
                message=f"the text reads as {_name(found)}, expected {_name(want)} {why}",
            )
        )
    return text
