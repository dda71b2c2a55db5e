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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, Protocol

from negotiation.corpus import clean_paragraphs, split_sentences
from negotiation.events import Citation, EventLog, Facts, Granularity
from negotiation.events.actors import Gazetteer
from negotiation.extract.actors import ActorMatcher, MatchedActor, candidate_slug
from negotiation.extract.anchoring import FALLBACK_NOTE, anchor_to_election
from negotiation.extract.clauses import (
    about_election,
    asides,
    blocked,
    is_dateline,
    outside,
    quoted_spans,
)
from negotiation.extract.dates import ResolvedDate, fallback_date, find_dates
from negotiation.extract.facts import parse_facts
from negotiation.extract.lexicon import Lexicon, Trigger, load_lexicon
from negotiation.extract.mention import MODALITIES, EventMention, Modality
from negotiation.extract.relative import leads, offsets
from negotiation.extract.roles import roles
from negotiation.extract.speakers import SPEECH_KINDS, find_speaker

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


def default_gazetteer() -> Gazetteer:
    """The built-in actors (``seeds/actors.yaml``)."""
    from negotiation.events.log import load_actors

    return load_actors()


_BOTH_SIDES = re.compile(
    r"\b(?:the two (?:parties|sides|camps|rivals)|both (?:parties|sides|camps)|the parties)\b", re.I
)
_DISTINCT = re.compile(r"\b(?:in another|another incident|in a separate|separately)\b", re.I)
# kinds that are the speech act itself: whoever speaks acts (others: only with no subject)
_SPEAKER_ACTS = frozenset({"statement", "accusation", "appeal"})
# "the agreement of July 2014": a date naming a thing, not dating the event
_ATTRIBUTIVE = re.compile(r"of\s", re.I)
_SOON = dt.timedelta(days=45)
_PRONOUN = re.compile(r"(?:But |And |However, )?(It|They|He|She)\b")
_QUOTE_OPEN = '“"'
_QUOTE_CLOSE = '”"'
_NEXT_CLAUSE = re.compile(r",\s*(?:and|but|while|whereas)\s|;")
_KIND_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _body(article: ArticleLike) -> Sequence[SentenceLike]:
    """The sentences outside a headline: a headline summarises (often in the present or future
    tense, "Opposition Plans Boycott") what the body reports with its date."""
    paragraphs = getattr(article, "paragraphs", None)
    sentences = article.sentences()
    if not paragraphs:
        return sentences
    titles = [(p.start, p.end) for p in paragraphs if p.kind == "title"]
    return [s for s in sentences if not any(a <= s.start < b for a, b in titles)]


class Extractor:
    """Extraction with a fixed gazetteer and lexicon (reuse it across many articles)."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer([])
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.matcher = ActorMatcher(self.gazetteer)
        # per-article context: what "the two sides" and a leading "It"/"He" refer to
        self._pair: list[str] = []
        self._previous: list[MatchedActor] = []
        self._context: ResolvedDate | None = None  # the last day named before this sentence
        self._election: ResolvedDate | None = None  # the last election day the report named
        self._story: ResolvedDate | None = None  # the last day the report named, any sentence
        self._subjects: list[str] = []  # the first actor of each sentence so far
        self._named: dict[str, list[MatchedActor]] = {}  # actors of each sentence, found once

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
        return mention.modality == "asserted" or mention.kind.endswith(("_threatened", "_planned"))

    def mentions(self, article: ArticleLike) -> list[EventMention]:
        """Every mention with its modality, including those that do not become events."""
        out: list[EventMention] = []
        seen: set[tuple[str, str, str, str]] = set()
        published = article.published
        sentences = [
            s for s in _body(article)
            if len(s.text.split()) >= 3 and re.search(r"[^\W\d_]{3}", s.text)
        ]  # fmt: skip
        self._named = {}
        self._pair = self._main_parties(sentences)
        self._previous = []
        self._subjects = []
        self._context = None
        self._election = None
        self._story = None
        for sentence in sentences:
            text = sentence.text
            found = self._actors(text)
            found_dates = self.dates(text, published)
            named = [
                d for d in found_dates
                if d.date <= published and d.granularity.value == "day" and d.date_end is None
            ]  # fmt: skip
            for mention in self.sentence(
                text, sentence.start, article.id, published, dates=found_dates
            ):
                flat = re.sub(r"\s+", " ", text).strip()
                key = (mention.kind, mention.date.isoformat(), flat, mention.modality)
                if key in seen:
                    continue
                seen.add(key)
                out.append(mention)
            if found:
                self._previous = found
                spoke = find_speaker(text, found, self._subjects, self.gazetteer)
                self._subjects.append(spoke or found[0].actor)
            # only the sentence right before dates an undated one ("... on 30 October. The
            # party said ..."); further back, background is as likely as sequel
            self._context = named[-1] if named else None
            if named:
                self._story = named[-1]
            for d in named:
                if about_election(text, d):
                    self._election = d
        return anchor_to_election(out, published)

    def _side(self, actor: str) -> bool:
        """Whether an actor is one of the sides: a party, or a person of a party."""
        if actor not in self.gazetteer:
            return False
        entry = self.gazetteer[actor]
        return entry.type.value == "party" or entry.party is not None

    def _referents(self, pronoun: str, previous: list[MatchedActor]) -> list[str]:
        """Who a sentence-initial pronoun names: "He"/"She" the first person before; "They"
        the people named together before ("the king brought Hun Sen and Sam Rainsy
        together ... They agreed"), else the first party or group, else any non-person."""

        def kind(a: MatchedActor) -> str:
            return self.gazetteer[a.actor].type.value if a.actor in self.gazetteer else ""

        known = [a for a in previous if kind(a)]
        if pronoun.lower() in ("he", "she"):
            return [a.actor for a in known if kind(a) == "person"][:1]
        if pronoun.lower() == "they":
            people = list(dict.fromkeys(a.actor for a in known if kind(a) == "person"))
            if len(people) >= 2:
                return people[-2:] if len(people) > 2 else people
            groups = [a.actor for a in known if kind(a) in ("party", "group")]
            if groups:
                return groups[:1]
        return [a.actor for a in known if kind(a) != "person"][:1]

    def _main_parties(self, sentences: Sequence[SentenceLike]) -> list[str]:
        """The two parties an article names most: what "the two sides" refers to."""
        counts: Counter[str] = Counter()
        for s in sentences:
            for a in self._actors(s.text):
                if a.actor in self.gazetteer and self.gazetteer[a.actor].type.value == "party":
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
    ) -> list[EventMention]:
        """Mentions in one sentence; ``offset`` is its position in the article text; ``dates``,
        when given, are the sentence's :meth:`dates` (computed once); ``doc``, its tokens."""
        triggers = self.lexicon.triggers(text, doc)
        if not triggers:
            return []
        quoted = quoted_spans(text)
        triggers = [t for t in triggers if not any(s <= t.start and t.end <= e for s, e in quoted)]
        if not triggers:
            return []
        actors = self._actors(text)
        pronoun = _PRONOUN.match(text)
        previous = self._previous
        if pronoun and previous:
            word = pronoun.group(1)
            for actor in self._referents(word, previous)[::-1]:
                actors.insert(0, MatchedActor(0, pronoun.end(1), actor, word))
        pair = self._pair
        if pair:
            for m in _BOTH_SIDES.finditer(text):
                actors += [MatchedActor(m.start(), m.end(), a, m.group(0)) for a in pair]
            actors.sort(key=lambda a: a.start)
        cands = self.matcher.candidate_spans(text, actors)
        triggers = [
            t for t in triggers
            if not t.rule.fallback
            or any(a.end <= t.start for a in actors)
            or any(e <= t.start for _, e, _ in cands)
        ]  # fmt: skip
        if not triggers:
            return []
        spans = [(a.start, a.end, a.actor) for a in actors]
        spans += [(s, e, candidate_slug(n)) for s, e, n in cands]
        spans.sort()
        facts = parse_facts(text, spans)
        citation = Citation(article=article_id, quote=text, start=offset, end=offset + len(text))
        if dates is None:
            dates = self.dates(text, published)
        distinct = bool(_DISTINCT.search(text))
        out: list[EventMention] = []
        for trig in triggers:
            chosen = self._dates_for(text, trig, dates)
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

    def dates(self, text: str, published: dt.date) -> list[ResolvedDate]:
        """Dates of a sentence; each is read as future only when its own clause is future.

        A dateline ("DHAKA, Jan 6 - ...") repeats the publication date and is left out.
        """
        past = find_dates(text, published, future=False)
        future = {d.start: d for d in find_dates(text, published, future=True)}
        out = []
        for d in past:
            if is_dateline(text, d):
                continue
            ahead = future.get(d.start)
            if ahead is not None and (
                self.lexicon.is_future(text, d.start)
                # "on September 23" in a report of September 10: the day to come, not the one
                # a year before (a writer names a year-old day with its year)
                or (d.adjusted and ahead.date <= published + _SOON)
            ):
                d = ahead
            out.append(d)
        for off in offsets(text):
            # "the next day", "two days later": from the story's last day, not publication
            before = [
                d for d in out
                if d.end <= off.start and d.granularity.value == "day" and d.date_end is None
            ]  # fmt: skip
            anchor = before[-1] if before else (self._context or self._story)
            forward = off.relation and not leads(text, off)
            if off.election and self._election is not None and not forward:
                anchor = self._election  # "The day after the vote, ...": the vote's day
            if anchor is None:
                continue
            out = [d for d in out if d.end <= off.start or d.start >= off.end]
            # "..., a day after supporters rallied": the rally is a day before this event
            day = anchor.date + dt.timedelta(days=-off.days if forward else off.days)
            grain = anchor.granularity
            if off.week:  # weeks run from Monday, as "last week" does
                day, grain = day - dt.timedelta(days=day.weekday()), Granularity.week
            out.append(ResolvedDate(day, grain, off.text, None, off.start, off.end, False, forward))
        return sorted(out, key=lambda d: d.start)

    def _dates_for(self, text: str, trig: Trigger, found: list[ResolvedDate]) -> list[ResolvedDate]:
        """The date(s) of a trigger: the nearest date of its clause.

        Dates naming the election ("the July 28 polls") date only the election; a date after
        the trigger but inside a following relative or temporal clause ("talks that were agreed
        on November 16") belongs to that clause's event.
        """
        aside = asides(text)
        found = [
            d for d in found
            if not outside(aside, d.start, d.end, trig.start) and not (d.ahead and d.end > trig.start)
        ]  # fmt: skip
        usable = [
            d for d in found
            if (trig.kind == "election_held" or _relation(d) or not about_election(text, d))
            and not _possessive_elsewhere(text, d, trig)
            and not (_ATTRIBUTIVE.match(d.text) and d.start > trig.end)
            and (not blocked(text, trig, d) or _since(text, trig, d))
        ]  # fmt: skip
        if not usable and trig.rule.election_dates:
            usable = [d for d in found if not blocked(text, trig, d)]
        if not usable:
            return []

        def distance(d: ResolvedDate) -> int:
            if d.end <= trig.start:
                # "arrested on July 15, and freed them two days later": another clause's date
                other = _NEXT_CLAUSE.search(text, d.end, trig.start) is not None
                return trig.start - d.end + (1000 if other else 0)
            if d.start >= trig.end:
                return d.start - trig.end
            return 0

        best = min(usable, key=lambda d: (distance(d), _KIND_RANK[d.granularity.value]))
        i = found.index(best)
        if (
            i + 1 < len(found)
            and re.search(r"\b(?:over|between|from)\s+$", text[max(0, best.start - 9) : best.start])
            and re.fullmatch(r"\s*(?:and|to|-|–)\s*", text[best.end : found[i + 1].start])
            and found[i + 1].date > best.date
        ):
            # "detained over Thursday and Friday": one event over both days
            last = found[i + 1]
            return [best._replace(date_end=last.date_end or last.date, end=last.end)]
        chosen = [best]
        # "at the meetings on March 3 and March 17": one mention per listed date
        while i + 1 < len(found):
            gap = text[found[i].end : found[i + 1].start]
            if not re.fullmatch(r"\s*(?:,|and|,\s*and|&)\s*(?:on\s+)?", gap):
                break
            chosen.append(found[i + 1])
            i += 1
        return chosen

    def _dated(
        self, trig: Trigger, date: ResolvedDate | None, published: dt.date
    ) -> tuple[ResolvedDate, Literal["text", "context", "publication"], float, list[str]]:
        """A mention's date, where it came from, the confidence it costs and the notes."""
        rule = trig.rule
        confidence = 0.0
        notes: list[str] = []
        source: Literal["text", "context", "publication"] = "text"
        ctx = self._context
        if date is None and not (rule.anchor or trig.anchor or rule.ongoing) and ctx is not None:
            # undated, after a dated report: on or after that day, on or before publication
            date = ResolvedDate(
                ctx.date, ctx.granularity, "", published if published > ctx.date else None
            )
            confidence += 0.2
            source = "context"
            notes.append(
                f"no date in the sentence: on or after {ctx.text or ctx.date.isoformat()!r} "
                "(the last date named before it) and on or before publication"
            )
        elif date is None:
            date = fallback_date(published)
            source = "publication"
            confidence += 0.2
            notes.append(FALLBACK_NOTE)
            if rule.anchor or trig.anchor:
                notes.append("anchor")
        elif date.adjusted:
            confidence += 0.25
            notes.append(
                f"{date.text!r} read literally falls after publication ({published}); "
                f"resolved to {date.date}"
            )
        return date, source, confidence, notes

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
        date, source, penalty, notes = self._dated(trig, date, published)
        confidence -= penalty
        acting, acted_on = roles(rule, trig, text, actors)
        speaker = find_speaker(text, actors, self._subjects, self.gazetteer)
        if speaker is not None and (
            trig.kind in _SPEAKER_ACTS or (trig.kind in SPEECH_KINDS and not acting)
        ):
            # whoever speaks acts; the others named are what the speech is about
            party = self.gazetteer[speaker].party if speaker in self.gazetteer else None
            who = [speaker, *([str(party)] if party else [])]
            acted_on = [a for a in (*acted_on, *acting) if a not in who]
            acting = who
        kind = trig.kind
        if rule.third_party is not None and acting:
            types = {self.gazetteer[a].type.value for a in acting if a in self.gazetteer}
            if types and types <= self.lexicon.third_party_types:
                kind = rule.third_party
        if rule.by_side is not None and acting and all(self._side(a) for a in acting):
            kind = rule.by_side  # a side calling on the other demands; a third party appeals
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


def _relation(d: ResolvedDate) -> bool:
    """ "The day after [the vote]": a day relative to the election, not the election's."""
    return d.text.lower().endswith(("after", "before"))


def _since(text: str, trig: Trigger, d: ResolvedDate) -> bool:
    """ "have boycotted the Assembly since it opened in September": a standing state dated
    from its start, past the "since" that would otherwise block the date."""
    if not trig.rule.ongoing or d.start < trig.end:
        return False
    return bool(re.match(r"\W*(?:[\w’'-]+\W+){0,5}?since\b[^,;.]{0,40}$", text[trig.end : d.start]))


def _possessive_elsewhere(text: str, d: ResolvedDate, trig: Trigger) -> bool:
    """ "last month's election": a possessive date dates the noun right after it only."""
    if not re.match(r"['’]s?\b", text[d.end : d.end + 2]):
        return False
    return not (d.end <= trig.start <= d.end + 40)


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
    return merge_mentions(mentions, dispute=dispute, gazetteer=g)
