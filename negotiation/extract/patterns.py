"""Trigger patterns: lemma phrases for spaCy's Matcher, and regular expressions with macros,
inflections and word boundaries, errors located in the file.

A pattern of plain words ("take to the street", "reach agreement") is a **phrase**: it matches
any inflection of each word (lemmas from ``spacy-lookups-data``) and a possessive before its
last word ("the opening of Cambodia's parliament"). Any other pattern is a regular expression in
which ``<word>`` stands for every form of that word's lemma, ``{NAME}`` for a macro, ``{DATE}``
for any date expression and ``{MONTH}`` for a month's name or abbreviation::

    >>> p = compile_pattern("<threaten> to <boycott>", Document("x", {}), [], {})
    >>> bool(p.search("They threatened to boycott it")), bool(p.search("threatens to boycotts"))
    (True, True)
    >>> is_phrase("take to the street"), is_phrase("(?:took|take) to")
    (True, False)
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from negotiation._internal.paths import data_dir
from negotiation._internal.redos import exponential
from negotiation._internal.yamldoc import Document
from negotiation.errors import InputError
from negotiation.extract.date_patterns import MONTH
from negotiation.extract.dates import DATE_PATTERN
from negotiation.extract.tokens import forms

__all__ = [
    "alternation",
    "compile_pattern",
    "compile_word",
    "expand",
    "is_phrase",
    "phrase_words",
]

_MACRO = re.compile(r"\{([A-Z_]+)\}")
_LEMMA_REF = re.compile(r"(?<!\?P)<([a-z][a-z-]*)>")
_PHRASE = re.compile(r"[a-z][a-z'’-]*(?: [a-z][a-z'’-]*)*")


def is_phrase(pattern: str) -> bool:
    """Whether a pattern is plain lower-case words (matched on lemmas, not as a regex)."""
    return _PHRASE.fullmatch(pattern) is not None


def phrase_words(pattern: str) -> list[str]:
    return pattern.split()


def alternation(cues: list[str]) -> re.Pattern[str]:
    """Cues (checked by :func:`compile_pattern`) as one pattern, word boundaries around;
    ``<word>`` forms, ``{DATE}`` and ``{MONTH}`` expanded, no file's macros.

    >>> bool(alternation(["<fail> to", "by {MONTH}"]).search("it had failed to meet by March"))
    True
    """
    if not cues:
        return re.compile(r"(?!x)x")
    alts = "|".join(f"(?:{expand(c, {})})" for c in cues)
    return re.compile(r"(?<![\w’'])(?:" + alts + r")(?![\w’'])", re.I)


def _lemma_forms(m: re.Match[str]) -> str:
    words = sorted(forms(m.group(1)), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


def expand(pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    if depth > 5:
        return pattern

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "DATE":
            return DATE_PATTERN
        if name == "MONTH" and name not in macros:  # a file's own MONTH macro wins
            return "(?:" + MONTH + ")"
        if name not in macros:
            raise KeyError(name)
        return "(?:" + expand(macros[name], macros, depth + 1) + ")"

    return _LEMMA_REF.sub(_lemma_forms, _MACRO.sub(sub, pattern))


def compile_pattern(
    text: str, doc: Document, path: list[str | int], macros: dict[str, str]
) -> re.Pattern[str]:
    try:
        expanded = expand(text, macros)
    except KeyError as exc:
        raise InputError(doc.problem(path, f"unknown macro {{{exc.args[0]}}}")) from None
    try:
        # word boundaries on both sides (a pattern ending in a space needs no right boundary)
        compiled = re.compile(r"(?<![\w’'])(?:" + expanded + r")(?:(?<=\s)|(?![\w’']))", re.I)
    except (re.error, OverflowError, RecursionError) as exc:
        # OverflowError: a repeat Python cannot compile for its size ("x{0,10**20}")
        raise InputError(doc.problem(path, f"invalid pattern: {exc}")) from None
    # a --lexicon file's pattern would hang extraction, not fail; the shipped ones are checked
    # by a test, not on every start (0.12 CPU-s a process)
    slow = None if _shipped(doc.file) else exponential(expanded)
    if slow is not None:
        raise InputError(doc.problem(path, f"{slow}: write the inner part once"))
    return compiled


def compile_word(text: str, doc: Document, path: list[str | int], macros: dict[str, str]) -> str:
    """One entry of a list of words that repeat (``prevented_between``: the words between a cue
    and its trigger), its macros expanded: checked as :func:`compile_pattern` checks a pattern,
    and as it stands, a word then spaces up to eight times in a row (a word that can match
    the spaces after it takes exponential time there).

    >>> doc = Document("mine.yaml", {})
    >>> compile_word("{MONTH}", doc, [], {}).startswith("(?:(?:January|")
    True
    >>> try:
    ...     compile_word(r"[\\w\\s]+", doc, ["planned_between", 0], {})
    ... except InputError as exc:
    ...     print(exc)  # doctest: +ELLIPSIS
    mine.yaml: planned_between[0]: repeated word after word (a word, then spaces), a group ...
    """
    compile_pattern(text, doc, path, macros)
    expanded = expand(text, macros)
    slow = None if _shipped(doc.file) else exponential(rf"(?:(?:{expanded})\s+)+")
    if slow is not None:
        slow = slow.replace("a group repeated with + or *", "a group", 1)
        where = "repeated word after word (a word, then spaces)"
        raise InputError(doc.problem(path, f"{where}, {slow}: a word must not match a space"))
    return expanded


@functools.lru_cache(maxsize=64)
def _shipped(file: str) -> bool:
    """Whether ``file`` is one of the package's own data files (once a file: a pattern each)."""
    return Path(file).resolve().is_relative_to(data_dir().resolve())
