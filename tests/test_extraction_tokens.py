"""The spaCy layer of extraction: tokens, lookup lemmas, lemma phrases and inflection references,
and the literal pre-filter of regular-expression triggers."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation._internal.yamldoc import Document
from negotiation.extract.lexicon import load_lexicon
from negotiation.extract.literals import LiteralFilter, required_literals
from negotiation.extract.patterns import compile_pattern, is_phrase
from negotiation.extract.tokens import forms, lemma_of, parse, tokenize


def test_lemmas_are_lower_case_lookups() -> None:
    text = "Protesters Took their oaths; the CNRP's lawmakers were sworn in."
    lemmas = [t.lemma_ for t in parse([text])[0]]
    assert lemmas[:4] == ["protester", "take", "their", "oath"]
    assert "swear" in lemmas and "cnrp" in lemmas
    # the tokenizer alone gives the same lemmas (NORM, set once per word from the same table)
    norms = [t.norm_ for t in tokenize([text])[0]]
    assert [n for n, t in zip(norms, tokenize([text])[0], strict=True) if t.is_alpha] == [
        lem for lem, t in zip(lemmas, parse([text])[0], strict=True) if t.is_alpha
    ]
    assert lemma_of("Won") == "win"
    assert {"won", "wins", "winning", "win"} <= forms("win")


@pytest.mark.parametrize(
    ("sentence", "kind", "trigger"),
    [
        # the missed phrasings: inflections and possessives
        ("The parties forged a landmark agreement.", "agreement", "forged a landmark agreement"),
        ("The lawmakers took their oaths on Monday.", "sworn_in", "took their oaths"),
        ("Parliament voted to amend the constitution.", "amendment_passed", None),
        ("Lawmakers vote to amend the constitution.", "amendment_passed", None),
        ("He attended the opening of Cambodia's parliament.", "assembly_convened", None),
        ("Thousands were taking to the capital's streets.", "protest", None),
        ("Police rounds up opposition activists.", "arrest", "rounds up"),
        ("The sides sit down together.", "talks_held", None),
        ("The party threatens to boycott the session.", "boycott_threatened", None),
        ("Demonstrators rallied outside.", "protest", None),
    ],
)
def test_triggers_match_inflections_and_possessives(
    sentence: str, kind: str, trigger: str | None
) -> None:
    found = {t.kind: t.text for t in load_lexicon().triggers(sentence) if not t.dropped}
    assert kind in found, found
    if trigger is not None:
        assert found[kind] == trigger
    assert sentence[sentence.index(found[kind]) :].startswith(found[kind])


def test_lemma_references_in_regular_expressions() -> None:
    doc = Document("x.yaml", {})
    p = compile_pattern("<threaten> to <boycott>", doc, [], {})
    for s in ("threatened to boycott", "threatens to boycotts", "Threatening to boycotted"):
        assert p.search(s), s
    assert not p.search("threat to boycott")
    assert is_phrase("take to the street") and not is_phrase("(?:took) to")
    assert not is_phrase("Parliament")  # a capital: a regular expression, matched as written


_PATTERNS = [
    r"(?:reach|struck) (?:an? )?deal",
    r"organi[sz]ed (?:a |the )?(?:[\w-]+ ){0,3}rall(?:y|ies)",
    r"(?:was|were) (?:shot|killed)",
    r"<boycott>(?! the vote)",
    r"(?:\d+ )?seats? (?:for|to)",
    r"talks (?:have )?collapsed|broke off",
]
_WORDS = ["reach", "struck", "a", "an", "deal", "organized", "organised", "the", "big", "rally",
          "rallies", "was", "were", "shot", "killed", "boycotted", "boycott", "vote", "12",
          "seats", "seat", "for", "to", "talks", "have", "collapsed", "broke", "off", "X"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.sampled_from(_PATTERNS))
def test_literal_prefilter_never_hides_a_match(words: list[str], pattern: str) -> None:
    """A sentence the pre-filter skips has no match: whenever a pattern matches, one of its
    required literals is in the sentence."""
    compiled = compile_pattern(pattern, Document("x.yaml", {}), [], {})
    needs = required_literals(compiled.pattern)
    sentence = " ".join(words)
    if compiled.search(sentence) and needs is not None:
        assert any(n in sentence.lower() for n in needs)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.lists(st.sampled_from(_PATTERNS)))
def test_literal_filter_keeps_every_pattern_that_matches(
    words: list[str], chosen: list[str]
) -> None:
    doc = Document("x.yaml", {})
    compiled = [compile_pattern(p, doc, [], {}) for p in chosen]
    sentence = " ".join(words)
    kept = LiteralFilter.of(compiled).candidates(sentence)
    assert kept == sorted(set(kept))
    for i, p in enumerate(compiled):
        if p.search(sentence):
            assert i in kept


_CASED = [
    r"(?:May|June) \d{1,2}",
    r"(?:(?i:in|on)\s+)(?:19|20)\d{2}",
    r"(?i:(?:met|meets|meet) (?:with|on))",
    r"(?i:(?:(?<=proposal )|(?<=offer ))from)",
    r"(?-i:President|Premier) (?i:resign(?:s|ed)?)",
]
_CASED_WORDS = ["May", "may", "MAY", "June", "june", "5", "2014", "1999", "in", "On", "met",
                "Meets", "meet", "with", "on", "proposal", "offer", "from", "President",
                "president", "Premier", "resigned", "RESIGNS", "x"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CASED_WORDS), max_size=10), st.lists(st.sampled_from(_CASED)))
def test_literal_filter_keeps_case_sensitive_and_factored_patterns(
    words: list[str], chosen: list[str]
) -> None:
    """Case-sensitive parts are looked for as written, alternations the parser factored are
    spelled out, look-arounds count: and still every pattern that matches is kept."""
    compiled = [re.compile(p) for p in chosen]
    sentence = " ".join(words)
    kept = LiteralFilter.of(compiled).candidates(sentence)
    for i, p in enumerate(compiled):
        if p.search(sentence):
            assert i in kept


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab(?:)|[]{}*+\\d.w-^$ 01,"), max_size=30))
def test_required_literals_is_total(pattern: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compiled = re.compile(pattern, re.I)
    except re.error:
        return
    needs = required_literals(compiled.pattern)
    assert needs is None or all(isinstance(n, str) and len(n) >= 3 for n in needs)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_triggers_are_spans_of_the_sentence(sentence: str) -> None:
    for t in load_lexicon().triggers(sentence):
        assert sentence[t.start : t.end] == t.text
        assert t.end > t.start


def test_spacy_is_not_imported_with_the_package() -> None:
    code = (
        "import sys, negotiation, negotiation.cli, negotiation.extract\n"
        "from negotiation.extract import load_lexicon\n"
        "load_lexicon()\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("sentence", "accusation"),
    [
        ("The party rejected the result, alleging that the vote had been rigged.", False),
        ("He was robbed of victory in the elections, citing fraud.", False),
        ("The party accused the commission of fraud.", True),
        ("He said, alleging fraud, that the count was wrong.", True),  # a statement: no act
        ("He was arrested at home and accused of treason.", False),  # the accused acts not
    ],
)
def test_accusations_that_are_reasons_or_charges(sentence: str, accusation: bool) -> None:
    found = [t.kind for t in load_lexicon().triggers(sentence) if not t.dropped]
    assert ("accusation" in found) is accusation, found
