"""Tokens and lemmas: a blank spaCy English pipeline with the lookup lemmatizer of
``spacy-lookups-data``, built once, on first use (spaCy is never imported with the package).

Nothing is downloaded: a blank pipeline has no weights, and the lemma tables are files of the
installed ``spacy-lookups-data`` package. Lemmas are lower-case, so a capitalised word at the
start of a sentence ("Protesters") has the lemma of its lower-case form. :func:`parse` runs the
pipeline (tokens and ``lemma_``); :func:`tokenize` runs its tokenizer only, each word's lemma
being its ``norm_`` (set once per word of the vocabulary from the same table).

>>> [t.lemma_ for t in parse(["Protesters took to the streets."])[0]]
['protester', 'take', 'to', 'the', 'street', '.']
>>> sorted(forms("swear"))
['swear', 'swearing', 'swears', 'swore', 'sworn']
"""

from __future__ import annotations

import functools
import gzip
import importlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["forms", "lemma_of", "lemma_table", "parse", "pipeline", "tokenize"]

_LOWER_LEMMA = "negotiation_lower_lemma"


@functools.cache
def lemma_table() -> dict[str, str]:
    """Word form → lemma: the English lookup table of ``spacy-lookups-data`` (the one spaCy's
    lookup lemmatizer uses), read as text."""
    import spacy_lookups_data

    path = Path(str(spacy_lookups_data.en["lemma_lookup"]))
    packed = path.with_name(path.name + ".gz")
    if packed.is_file():
        with gzip.open(packed, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
    else:  # pragma: no cover - an unpacked table
        data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()}


def lemma_of(word: str) -> str:
    """The lower-case lemma of one word form."""
    low = word.lower()
    return lemma_table().get(low, low)


@functools.cache
def _inverse() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for form, lemma in lemma_table().items():
        if form == form.lower():
            out.setdefault(lemma.lower(), set()).add(form)
    return {k: frozenset(v) for k, v in out.items()}


def forms(lemma: str) -> frozenset[str]:
    """Every lower-case word form whose lemma is ``lemma`` (itself included)."""
    low = lemma.lower()
    return _inverse().get(low, frozenset()) | {low}


@functools.cache
def pipeline() -> Language:
    """``spacy.blank("en")`` with the lookup lemmatizer and lower-case lemmas (built once)."""
    import spacy
    from spacy.language import Language

    table = lemma_table()

    def lower_lemma(doc: Doc) -> Doc:
        for token in doc:
            if not token.is_lower:
                low = token.lower_
                token.lemma_ = table.get(low, low)
        return doc

    if _LOWER_LEMMA not in Language.factories:
        Language.component(_LOWER_LEMMA, func=lower_lemma)
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe(_LOWER_LEMMA)
    nlp.initialize()
    # the lemma of a word form is a property of the form (the lookup table knows no context):
    # each word's NORM is its lemma, computed once when the word enters the vocabulary, so that
    # matching on lemmas needs only the tokenizer (:func:`tokenize`)
    vocab: Any = nlp.vocab  # (its lex_attr_getters are not in spaCy's type hints)
    vocab.lex_attr_getters[importlib.import_module("spacy.attrs").NORM] = lemma_of
    for lexeme in nlp.vocab:
        lexeme.norm_ = lemma_of(lexeme.orth_)
    return nlp


def parse(texts: Iterable[str]) -> list[Doc]:
    """Tokens with lemmas of each text (``nlp.pipe``: one pass over all of them)."""
    return list(pipeline().pipe(texts))


def tokenize(texts: Iterable[str]) -> list[Doc]:
    """Tokens of each text, the pipeline's tokenizer only: each token's ``norm_`` is its
    lemma, which is all that trigger matching needs.

    >>> [t.norm_ for t in tokenize(["Protesters took to the streets"])[0]]
    ['protester', 'take', 'to', 'the', 'street']
    """
    tokenizer: Any = pipeline().tokenizer  # (a Tokenizer, typed as a callable)
    return list(tokenizer.pipe(texts))
