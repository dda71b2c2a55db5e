"""A lexicon's patterns ready to run on a sentence: regular expressions behind a literal
pre-filter, and one spaCy ``Matcher`` for every lemma phrase (built on first use)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from negotiation.extract.literals import LiteralFilter
from negotiation.extract.tokens import forms

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc

    from negotiation.extract.lexicon import KindRule

__all__ = ["PatternIndex", "Spans"]

Spans = dict[tuple[str, int], list[tuple[int, int]]]


@dataclass
class PatternIndex:
    """Every pattern of a lexicon, ready to run: regular expressions with the literals one of
    which a sentence must contain for them to match, and spaCy ``Matcher``s for the lemma
    phrases, one per first word (a sentence runs those whose first word it contains)."""

    regexes: list[tuple[tuple[str, int], re.Pattern[str]]]
    phrases: dict[str, tuple[str, int]]  # matcher key -> (kind, pattern index)
    matchers: list[Matcher]  # the phrases starting with one lemma each
    prefilter: LiteralFilter
    rank: dict[tuple[str, int], int]  # (kind, pattern index) -> its place in the lexicon
    phrase_filter: LiteralFilter  # the forms of each matcher's first lemma
    # each matcher's phrases, each as the forms of every one of its lemmas
    phrase_forms: list[list[tuple[frozenset[str], ...]]]

    @classmethod
    def build(cls, rules: dict[str, KindRule]) -> PatternIndex:
        regexes: list[tuple[tuple[str, int], re.Pattern[str]]] = []
        phrases: dict[str, tuple[str, int]] = {}
        for rule in rules.values():
            if not rule.enabled:
                continue
            for i, p in enumerate(rule.patterns):
                if isinstance(p, str):
                    phrases[f"{rule.kind}#{i}"] = (rule.kind, i)
                else:
                    regexes.append(((rule.kind, i), p))
        matchers: dict[str, Matcher] = {}  # by first lemma
        words: dict[str, list[tuple[frozenset[str], ...]]] = {}
        if phrases:
            from spacy.matcher import Matcher

            from negotiation.extract.tokens import pipeline

            nlp = pipeline()
            for key, (kind, i) in phrases.items():
                text = rules[kind].patterns[i]
                assert isinstance(text, str)
                lemmas = [t.lemma_ for t in nlp(text)]
                if lemmas[0] not in matchers:
                    matchers[lemmas[0]] = Matcher(nlp.vocab)
                matchers[lemmas[0]].add(key, _phrase_patterns(lemmas))
                words.setdefault(lemmas[0], []).append(tuple(forms(lemma) for lemma in lemmas))
        firsts: list[frozenset[str] | None] = [forms(lemma) for lemma in matchers]
        rank = {(kind, i): n for n, (kind, i) in enumerate(
            (r.kind, i) for r in rules.values() for i in range(len(r.patterns))
        )}  # fmt: skip
        regex_filter = LiteralFilter.of([p for _, p in regexes])
        every = [words[lemma] for lemma in matchers]
        return cls(
            regexes,
            phrases,
            list(matchers.values()),
            regex_filter,
            rank,
            LiteralFilter(firsts),
            every,
        )

    def spans(self, sentence: str, doc: Doc | None) -> Spans:
        """Where each pattern matches in ``sentence`` (character offsets), in text order."""
        out: Spans = {}
        for at in self.prefilter.candidates(sentence):
            key, pattern = self.regexes[at]
            found = [
                (m.start(), m.end()) for m in pattern.finditer(sentence) if m.end() > m.start()
            ]
            if found:
                out[key] = found
        view = _without_asides(sentence)
        if view is not None:
            # "agreed Saturday to an audit" matches "agreed to": the span runs over the day
            short, where = view
            for at in self.prefilter.candidates(short):
                key, pattern = self.regexes[at]
                known = out.get(key, [])
                for m in pattern.finditer(short):
                    if m.end() == m.start():
                        continue
                    a, b = where[m.start()], where[m.end() - 1] + 1
                    if not any(x == a or (x <= a and b <= y) for x, y in known):
                        known = sorted([*known, (a, b)])
                if known:
                    out[key] = known
        which = self.phrase_filter.candidates(sentence) if self.matchers else []
        if which:
            # a matcher runs (and the sentence is tokenized) only when every word of one of its
            # phrases is in the sentence, in some form
            low = sentence.lower()
            which = [
                at for at in which
                if any(all(any(f in low for f in fs) for fs in p) for p in self.phrase_forms[at])
            ]  # fmt: skip
        if which:
            if doc is None:
                from negotiation.extract.tokens import tokenize

                doc = tokenize([sentence])[0]
            longest: dict[tuple[tuple[str, int], int], int] = {}
            for at in which:
                for match_id, start, end in self.matchers[at](doc):
                    key = self.phrases[doc.vocab.strings[match_id]]
                    a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
                    if longest.get((key, a), -1) < b:
                        longest[(key, a)] = b
            for (key, a), b in sorted(longest.items(), key=lambda kv: kv[0][1]):
                out.setdefault(key, []).append((a, b))
        return out


# words a sentence may tell between two others that patterns read past: a weekday ("agreed on
# Saturday to", AP style "agreed Saturday to"), a courtesy title ("stripped Mr. Rainsy of") and
# a vote's tally ("voted 105-19 to remove")
_ASIDE_WORDS = re.compile(
    r"(?<=[a-z]) (?:(?:early|late) )?(?:on )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?: (?:morning|afternoon|evening|night))?(?= [a-z])"
    r"|\b(?:Mr|Mrs|Ms|Dr|Prof)\.? (?=[A-Z])"
    # a tally between a vote and what it decided: "voted 105-19 to", "voted by 74 to 45 to"
    r"|(?<=\bvoted) (?:by )?\d{1,3}(?: votes?)?(?: ?[-–] ?| to )\d{1,3}(?: votes?)?(?: against)?(?= to [a-z])"
)


def _without_asides(sentence: str) -> tuple[str, list[int]] | None:
    """The sentence without the weekdays told between two words ("agreed on Saturday to",
    "agreed late Saturday to", "agreed Saturday to": "agreed to"), courtesy titles ("stripped
    Mr. Rainsy of": "stripped Rainsy of") and a vote's tally ("voted 105-19 to": "voted to"),
    with each kept character's offset in the sentence; ``None`` when it has none of them. Patterns then match across them, as they do in the
    plain sentence (news agencies and papers differ: "on Saturday" or "Saturday", "Rainsy" or
    "Mr. Rainsy")."""
    cuts = [(m.start(), m.end()) for m in _ASIDE_WORDS.finditer(sentence)]
    if not cuts:
        return None
    keep: list[int] = []
    pos = 0
    for a, b in cuts:
        keep += range(pos, a)
        pos = b
    keep += range(pos, len(sentence))
    return "".join(sentence[i] for i in keep), keep


_POSSESSIVE = ["'s", "’s", "'", "’"]
_DETERMINERS = ["the", "a", "an", "its", "their", "his", "her", "this", "that"]


def _phrase_patterns(lemmas: list[str]) -> list[list[dict[str, Any]]]:
    """A lemma phrase as Matcher patterns: the lemmas in order and, for two words or more,
    with a determiner or a possessive before the last one ("take their seat", "the opening
    of Cambodia's new parliament")."""
    plain: list[dict[str, Any]] = [{"NORM": lemma} for lemma in lemmas]
    if len(lemmas) < 2 or lemmas[-1] in _DETERMINERS:
        return [plain]
    det: list[dict[str, Any]] = [{"LOWER": {"IN": _DETERMINERS}}]
    owner: list[dict[str, Any]] = [
        {"IS_ALPHA": True, "OP": "{1,3}"},
        {"ORTH": {"IN": _POSSESSIVE}},
        {"IS_ALPHA": True, "OP": "?"},
    ]
    head = plain[:-1]
    if lemmas[-2] in _DETERMINERS:
        return [plain, [*head, *owner[:2], plain[-1]]]
    return [plain, [*head, *det, plain[-1]], [*head, *owner, plain[-1]]]
