"""Sentences → typed, dated, sourced event mentions; articles → a merged event log.

>>> import datetime as dt
>>> ms = extract_text("The opposition threatened on Monday to boycott parliament.",
...                   published=dt.date(2013, 9, 17), article_id="a1")
>>> [(m.kind, m.date.isoformat(), m.date_text) for m in ms]
[('boycott_threatened', '2013-09-16', 'on Monday')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from negotiation.events import Citation, EventLog, Facts
from negotiation.events.actors import Gazetteer
from negotiation.extract.actors import ActorMatcher, MatchedActor, candidate_slug, family_names
from negotiation.extract.anchoring import anchor_to_election
from negotiation.extract.articles import (
    ArticleLike,
    SentenceLike,
    TextArticle,
    body,
    closes,
    plain,
    without_dateline,
)
from negotiation.extract.clauses import asides, unquoted
from negotiation.extract.dates import ResolvedDate
from negotiation.extract.dating import StoryDays
from negotiation.extract.facts import parse_facts
from negotiation.extract.lexicon import Lexicon, Trigger, load_lexicon
from negotiation.extract.mention import MODALITIES, EventMention, Modality
from negotiation.extract.roles import election_body, roles
from negotiation.extract.speakers import SPEECH_KINDS, co_speakers, find_speaker, pronoun_person

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "ArticleLike",
    "Extractor",
    "TextArticle",
    "default_gazetteer",
    "extract",
    "extract_events",
    "extract_text",
]


def default_gazetteer() -> Gazetteer:
    """The built-in actors (``seeds/actors.yaml``)."""
    from negotiation.events.log import load_actors

    return load_actors()


_BOTH_SIDES = re.compile(
    r"\b(?:the two (?:parties|sides|camps|rivals)|both (?:parties|sides|camps)|the parties)\b", re.I
)
# "both men", "the two candidates", "Afghanistan's two presidential candidates": its two people
_BOTH_PEOPLE = re.compile(
    r"\b(?:the two|both|\w+['’]s two)(?: presidential| main)? (?:men|women|candidates)\b", re.I
)
_DISTINCT = re.compile(r"\b(?:in another|another incident|in a separate|separately)\b", re.I)
# kinds that are the speech act itself: whoever speaks acts (others: only with no subject)
_SPEAKER_ACTS = frozenset({"statement", "accusation", "appeal"})
# the actor types that demand, besides the sides, when they call on someone
_DOMESTIC = frozenset({"person", "institution"})
# (and after a fronted phrase: "In his inaugural speech he said", "On Tuesday she told")
_PRONOUN = re.compile(
    r"(?:But |And |However, )?"
    r"(?:(?:In|On|At|During|Later|Earlier|Speaking)(?: [\w’'.-]+){1,6}?,? (?=(?:it|they|he|she)\b))?"
    r"(It|They|He|She|it|they|he|she)\b"
)


_OPENING = ('"', "“")
_COURT = re.compile(r"\b(?:court|tribunal|constitutional council|constitutional chamber)\b", re.I)


def _overlaps(span: tuple[int, int, str], actor: MatchedActor) -> bool:
    return span[0] < actor.end and actor.start < span[1]


class Extractor:
    """Extraction with a fixed gazetteer and lexicon (reuse it across many articles)."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer([])
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.matcher = ActorMatcher(self.gazetteer)
        self._body = election_body(self.gazetteer)  # who announces results no one is said to
        self._courts = {
            a.id for a in self.gazetteer if a.type.value == "institution" and _COURT.search(a.name)
        }  # what a court says, it rules
        # per-article context: what "the two sides" and a leading "It"/"He" refer to
        self._pair: list[str] = []
        self._duo: list[str] = []  # the two people it names most: "both men"
        self._previous: list[MatchedActor] = []
        self.days = StoryDays(self.lexicon)  # the days the report has named so far
        self._subjects: list[str] = []  # the first actor of each sentence so far
        self._named: dict[str, list[MatchedActor]] = {}  # actors of each sentence, found once
        self._quoting: str | None = None  # who speaks the quotation the sentence is part of
        self._people: dict[str, str] = {}  # family name -> full name of the article's people
        self._person = ""  # the first of them the last sentence naming one named

    def _actors(self, text: str) -> list[MatchedActor]:
        """The gazetteer actors of a sentence (a new list: callers add to it)."""
        found = self._named.get(text)
        if found is None:
            found = self._named[text] = self.matcher.find(text)
        return list(found)

    # -- one article -------------------------------------------------------------------------
    def extract(self, article: ArticleLike) -> list[EventMention]:
        """The mentions that become events: asserted ones, threats and plans of their own kinds."""
        return [m for m in self.mentions(article) if self.keeps(m)]

    @staticmethod
    def keeps(mention: EventMention) -> bool:
        """Whether a mention becomes an event (negated, conditional ... ones do not)."""
        if mention.modality == "asserted":
            return True
        # a threat or a plan is an event of its own kind, unless it is only asked about
        # ("unclear whether it would stay away") or denied
        own = mention.kind.endswith(("_threatened", "_planned"))
        return own and mention.modality not in ("question", "negated")

    def mentions(self, article: ArticleLike) -> list[EventMention]:
        """Every mention with its modality, including those that do not become events."""
        out: list[EventMention] = []
        seen: set[tuple[str, str, str, str, tuple[str, ...]]] = set()
        published = article.published
        sentences = [
            plain(s) for s in body(article)
            if len(s.text.split()) >= 3 and re.search(r"[^\W\d_]{3}", s.text)
        ]  # fmt: skip
        self._named = {}
        self._pair = self._main(sentences, "party")
        self._duo = self._main(sentences, "person")
        self._previous = []
        self._subjects = []
        self._people = {}
        self._person = ""
        self.days.reset()
        quoted_by = self._quoted_by(sentences)
        captions = [
            (p.start, p.end) for p in getattr(article, "paragraphs", ()) if p.kind == "caption"
        ]
        for i, whole in enumerate(sentences):
            self._quoting = quoted_by.get(i)
            sentence = without_dateline(whole)
            text = sentence.text
            found = self._actors(text)
            cands = self.matcher.candidate_spans(text, found, self._people)
            found_dates = self.days.dates(text, published)
            for mention in self.sentence(
                text, sentence.start, article.id, published, dates=found_dates, names=cands
            ):
                flat = re.sub(r"\s+", " ", text).strip()
                key = (mention.kind, str(mention.date), flat, mention.modality, mention.actors)
                if key in seen:
                    continue
                seen.add(key)
                out.append(mention)
            if any(a <= whole.start < b for a, b in captions):
                continue  # a photo's caption: its day and people are not the story's context
            people = family_names([name for _, _, name in cands])
            self._people.update(people)
            if people and not found:
                self._person = next(iter(people.values()))  # who "he" names next
            if found:
                self._previous = found
                spoke = find_speaker(text, found, self._subjects, self.gazetteer)
                self._subjects.append(spoke or found[0].actor)
            self.days.after_sentence(text, found_dates, published)
        votes = {k for k, r in self.lexicon.rules.items() if r.names_election}
        return _verbatim(anchor_to_election(out, published, votes), article.text)

    def _seat_holder(self, actor: str) -> str:
        """Who holds the seats a count next to ``actor`` gives: a person's party, if the
        gazetteer gives one ("Likud of Prime Minister Benjamin Netanyahu won 35 of the 120
        seats" gave the seats to Netanyahu), else the actor."""
        if actor in self.gazetteer:
            a = self.gazetteer[actor]
            if a.type.value == "person" and a.party:
                return a.party
        return actor

    def _type(self, actor: str) -> str:
        """An actor's type in the gazetteer ("" for a name it does not hold)."""
        return self.gazetteer[actor].type.value if actor in self.gazetteer else ""

    def _side(self, actor: str) -> bool:
        """Whether an actor is one of the sides: a party, or a person of a party."""
        return self._type(actor) == "party" or (
            actor in self.gazetteer and self.gazetteer[actor].party is not None
        )

    def _demands(self, actor: str) -> bool:
        """Whether an actor calling on someone demands (``by_side``): a side, or a person or an
        institution of the country (an interim president, a speaker); outsiders and groups
        ("the international community") appeal."""
        return self._side(actor) or self._type(actor) in _DOMESTIC

    def _referents(self, pronoun: str, previous: list[MatchedActor]) -> list[str]:
        """Who a sentence-initial pronoun names: "He"/"She" the first person before; "They"
        the people named together before ("the king brought Hun Sen and Sam Rainsy
        together ... They agreed"), else the first party or group, else any non-person."""
        known = [(a.actor, self._type(a.actor)) for a in previous if self._type(a.actor)]
        if pronoun.lower() in ("he", "she"):
            return [a for a, t in known if t == "person"][:1]
        if pronoun.lower() == "they":
            people = list(dict.fromkeys(a for a, t in known if t == "person"))
            if len(people) >= 2:
                return people[-2:]
            groups = [a for a, t in known if t in ("party", "group")]
            if groups:
                return groups[:1]
        return [a for a, t in known if t != "person"][:1]

    def _names(
        self, text: str, actors: list[MatchedActor], found: list[tuple[int, int, str]] | None
    ) -> list[tuple[int, int, str]]:
        """The names in a sentence the gazetteer does not know, as ``(start, end, name)``
        (``found``: those the article's pass found, before actors were added)."""
        if found is not None:
            cands = [c for c in found if not any(_overlaps(c, a) for a in actors)]
        else:
            cands = self.matcher.candidate_spans(text, actors, self._people)
        if not actors and self._person:
            cands = pronoun_person(text, cands, self._person)
        return cands

    def _quoted_by(self, sentences: Sequence[SentenceLike]) -> dict[int, str]:
        """Who speaks the sentences of a quotation that a later sentence closes and attributes
        ('"The vote was stolen. We will not accept it," the party's leader said.')."""
        out: dict[int, str] = {}
        for i, s in enumerate(sentences):
            text = s.text.lstrip()
            if text[:1] not in _OPENING or closes(text[1:]):
                continue
            for j in range(i + 1, min(i + 4, len(sentences))):
                later = sentences[j].text
                if closes(later):
                    spoke = find_speaker(later, self._actors(later), [], self.gazetteer)
                    if spoke is not None:
                        out.update((k, spoke) for k in range(i, j))
                    break
        return out

    def _main(self, sentences: Sequence[SentenceLike], kind: str) -> list[str]:
        """The two parties (people) an article names most: "the two sides" ("both men")."""
        counts: Counter[str] = Counter()
        for s in sentences:
            for a in self._actors(s.text):
                if self._type(a.actor) == kind:
                    counts[a.actor] += 1
        return [a for a, _ in counts.most_common(2)] if len(counts) >= 2 else []

    # -- one sentence ------------------------------------------------------------------------
    def sentence(
        self,
        text: str,
        offset: int,
        article_id: str,
        published: dt.date,
        *,
        dates: list[ResolvedDate] | None = None,
        doc: Doc | None = None,
        names: list[tuple[int, int, str]] | None = None,
    ) -> list[EventMention]:
        """Mentions in one sentence; ``offset`` is its position in the article text; ``dates``,
        when given, are the sentence's :meth:`dates` (computed once); ``doc``, its tokens;
        ``names``, its unknown names (``ActorMatcher.candidate_spans``, computed once)."""
        triggers = self.lexicon.triggers(text, doc)
        if not triggers:
            return []
        triggers = unquoted(text, triggers)
        # "The monk, who said he wanted to die, was stopped": speech in an aside is no statement
        aside = asides(text)
        triggers = [
            t for t in triggers
            if not (t.rule.fallback and any(a <= t.start and t.end <= b for a, b in aside))
        ]  # fmt: skip
        if not triggers:
            return []
        actors = self._actors(text)
        pronoun = _PRONOUN.match(text)
        previous = self._previous
        if pronoun and previous:
            word = pronoun.group(1)
            found = self._referents(word, previous)
            if not found and word.lower() in ("he", "she"):
                # no person named just before: the last person who spoke or acted
                found = [a for a in self._subjects if self._type(a) == "person"][-1:]
            for actor in found[::-1]:
                actors.insert(0, MatchedActor(0, pronoun.end(1), actor, word))
        for both, pair in ((_BOTH_SIDES, self._pair), (_BOTH_PEOPLE, self._duo)):
            for m in both.finditer(text) if pair else ():
                actors += [MatchedActor(m.start(), m.end(), a, m.group(0)) for a in pair]
        actors.sort(key=lambda a: a.start)
        cands = self._names(text, actors, names)
        triggers = [
            t for t in triggers
            if not t.rule.fallback
            or any(a.end <= t.start for a in actors)
            or any(e <= t.start for _, e, _ in cands)
        ]  # fmt: skip
        if not triggers:
            return []
        spans = [(a.start, a.end, self._seat_holder(a.actor)) for a in actors]
        spans += [(s, e, candidate_slug(n)) for s, e, n in cands]
        spans.sort()
        facts = parse_facts(text, spans)
        citation = Citation(article=article_id, quote=text, start=offset, end=offset + len(text))
        if dates is None:
            dates = self.days.dates(text, published)
        distinct = bool(_DISTINCT.search(text))
        out: list[EventMention] = []
        for trig in triggers:
            chosen = self.days.dates_for(text, trig, dates)
            options: list[ResolvedDate | None] = list(chosen) if chosen else [None]
            for date in options:
                if date is not None and date.date > published:
                    if trig.rule.modal == "drop" and not trig.modal:
                        # scheduled, not yet happened: a plan, not an event of the record
                        trig = replace(trig, modality="planned", dropped=True)
                    elif not trig.dropped:
                        date = None  # the date of the threatened/proposed act, not of the threat
                mention = self._mention(
                    trig, text, date, published, actors, [n for _, _, n in cands], facts, citation
                )
                if distinct:
                    mention = mention.model_copy(update={"distinct": True})
                out.append(mention)
        return out

    def _mention(
        self,
        trig: Trigger,
        text: str,
        date: ResolvedDate | None,
        published: dt.date,
        actors: list[MatchedActor],
        candidates: list[str],
        facts: Facts,
        citation: Citation,
    ) -> EventMention:
        rule = trig.rule
        confidence = rule.confidence
        inferred = date is None
        date, source, penalty, notes = self.days.dated(trig, date, published, text)
        confidence -= penalty
        acting, acted_on = roles(rule, trig, text, actors)
        speaker = find_speaker(text, actors, self._subjects, self.gazetteer) or self._quoting
        if speaker is not None and (
            trig.kind in _SPEAKER_ACTS or (trig.kind in SPEECH_KINDS and not acting)
        ):
            # whoever speaks acts; the others named are what the speech is about
            party = self.gazetteer[speaker].party if speaker in self.gazetteer else None
            who = [*co_speakers(text, actors, speaker), speaker, *([str(party)] if party else [])]
            acted_on = [a for a in (*acted_on, *acting) if a not in who]
            acting = who
        kind = trig.kind
        if rule.sides != "acting":
            # a country holds an election (sides: none); a commission (or whoever says so)
            # announces results (sides: recipients): the parties and people named are who won
            # or lost, not who acted
            sides = [a for a in acting if self._side(a) or self._type(a) == "person"]
            acting = [a for a in acting if a not in sides]
            if rule.sides == "none":
                acting, acted_on = [], []  # whoever else is named runs, watches or rules on it
            if rule.sides == "recipients":
                acted_on = [*acted_on, *(a for a in sides if a not in acted_on)]
                if speaker is not None and speaker not in acting and speaker not in sides:
                    acting = [speaker, *acting]  # "..., the election committee said"
                if not acting and self._body is not None:
                    acting = [self._body]  # "official results showed": the election body's
        third = trig.third_party or rule.third_party
        if third is not None and acting:
            # only outsiders named, or an outsider meeting the sides ("the envoy held talks
            # with the president and the opposition"): they mediate
            subject = [a.actor for a in actors if a.end <= trig.start and a.actor in acting]
            types = {self._type(a) for a in (subject or acting)} - {""}
            if types and types <= self.lexicon.third_party_types:
                kind = third
        by_side = trig.by_side or rule.by_side
        if by_side is not None and acting and all(self._demands(a) for a in acting):
            kind = by_side  # a side calling on the other demands; a third party appeals
        if kind == "statement" and acting and all(a in self._courts for a in acting):
            kind = "court_ruling"  # "the court said the evidence came too late": it rules
        if not acting and not acted_on and not candidates:
            confidence -= 0.1
        if trig.modal or trig.negated:
            confidence -= 0.05
        kind_rule = self.lexicon.rules.get(kind, rule)
        kept = {k: v for k, v in facts.present().items() if k in kind_rule.facts}
        return EventMention(
            kind=kind,
            date=date.date,
            granularity=date.granularity,
            date_end=date.date_end,
            date_text=date.text,
            date_inferred=inferred,
            date_source=source,
            actors=tuple(acting),
            recipients=tuple(acted_on),
            facts=Facts.model_validate(kept),
            citation=citation,
            trigger=trig.text,
            candidate_actors=tuple(candidates),
            confidence=round(min(0.99, max(0.05, confidence)), 2),
            notes=tuple(notes),
            modality=_modality(trig),
            speaker=speaker,
            standing=inferred and kind_rule.ongoing,
        )


def _modality(trig: Trigger) -> Modality:
    for m in MODALITIES:
        if m == trig.modality:
            return m
    return "asserted"


def extract(
    article: ArticleLike, gazetteer: Gazetteer | None = None, *, lexicon: Lexicon | None = None
) -> list[EventMention]:
    """Event mentions proposed from one article, in text order.

    ``gazetteer`` defaults to the built-in actors; unknown capitalised names are reported in
    each mention's ``candidate_actors``.
    """
    g = gazetteer if gazetteer is not None else default_gazetteer()
    return Extractor(g, lexicon).extract(article)


def extract_text(
    text: str,
    published: dt.date,
    *,
    article_id: str = "text",
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
) -> list[EventMention]:
    """Extract from raw text (split by the plain splitter). The gazetteer defaults to empty."""
    return Extractor(gazetteer, lexicon).extract(TextArticle(article_id, published, text))


def extract_events(
    articles: Iterable[ArticleLike],
    gazetteer: Gazetteer | None = None,
    *,
    lexicon: Lexicon | None = None,
    dispute: str = "",
) -> EventLog:
    """Extract every article and merge the mentions into one event log (with conflicts)."""
    from negotiation.extract.merge import merge_mentions

    g = gazetteer if gazetteer is not None else default_gazetteer()
    ex = Extractor(g, lexicon)
    mentions = [m for a in articles for m in ex.extract(a)]
    unique = {k for k, r in ex.lexicon.rules.items() if r.unique}
    return merge_mentions(mentions, dispute=dispute, gazetteer=g, unique=unique)


def _verbatim(mentions: list[EventMention], text: str) -> list[EventMention]:
    """The mentions citing the text's own characters (the rules read :func:`plain` ones:
    line breaks as spaces, single quotation marks as double ones)."""
    out = []
    for m in mentions:
        own = text[m.citation.start : m.citation.end]
        if own != m.citation.quote:
            m = m.model_copy(update={"citation": m.citation.model_copy(update={"quote": own})})
        out.append(m)
    return out
