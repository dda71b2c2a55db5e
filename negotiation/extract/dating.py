"""The days of a report's events: the dates a sentence names, which one dates which trigger,
and the days a report names relative to another ("the next day", "a day after the vote").

A :class:`StoryDays` follows one report sentence by sentence: it remembers the last day the
previous sentence named (what an undated sentence continues), the last day the report named at
all and the election day it named (what "the day after the vote" counts from)::

    >>> import datetime as dt
    >>> from negotiation.extract.lexicon import load_lexicon
    >>> days = StoryDays(load_lexicon())
    >>> pub = dt.date(2014, 7, 25)
    >>> first = days.dates("Police arrested them on July 15.", pub)
    >>> days.after_sentence("Police arrested them on July 15.", first, pub)
    >>> [(d.text, d.date.isoformat()) for d in days.dates("They were freed the next day.", pub)]
    [('the next day', '2014-07-16')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from negotiation.events import Granularity
from negotiation.extract.anchoring import FALLBACK_NOTE, SAID_NOTE
from negotiation.extract.clauses import (
    about_election,
    asides,
    blocked,
    is_dateline,
    outside,
    possessive_elsewhere,
    possessive_of,
    since_start,
    standing_since,
)
from negotiation.extract.dates import ResolvedDate, fallback_date, find_dates
from negotiation.extract.lexicon import Lexicon, Trigger
from negotiation.extract.relative import leads, offsets, shifted
from negotiation.extract.speakers import SPEECH_KINDS
from negotiation.extract.tokens import forms, lemma_of

__all__ = ["StoryDays"]

# "the agreement of July 2014": a date naming a thing, not dating the event
_ATTRIBUTIVE = re.compile(r"of\s", re.I)
# "on the night of Oct. 5", "in the early hours of Sunday": a time of that day, which dates
_TIME_OF = re.compile(r"\b(?:night|morning|evening|afternoon|early hours|day)\s+$", re.I)
# "on the night of the May 15 vote": the election's day dates what happened then (its eve, the
# day before)
_DAY_OF = re.compile(
    r"\b(?:on|in|during)\s+the\s+(?:(?:early\s+)?(?:night|morning|evening|afternoon|hours)|day"
    r"|(?P<eve>eve))\s+of\s+the\s+$",
    re.I,
)
# "would not recognise the results of Sunday's election": what has results has been held, what
# the modal points forward to is the recognising
_HAS_OUTCOME = re.compile(
    r"\b(?:results?|outcomes?|counts?|tall(?:y|ies)|winners?|losers?|aftermath|wake|annulment)"
    r" of (?:the |this |last )?$",
    re.I,
)
_SOON = dt.timedelta(days=45)
_YEAR = dt.timedelta(days=300)
_LAG = dt.timedelta(days=1)
_NEXT_CLAUSE = re.compile(r",\s*(?:and|but|while|whereas)\s|;")
_DAY_NOTE = "no date in the sentence, none before it: the day of publication assumed"
_TOLD_NOTE = "no date in the sentence, none before it: the day before publication the report told"
_DURATIVE = re.compile(
    r"\b(?:for (?:days|weeks|months)|on (?:several|many|repeated) occasions|repeatedly"
    r"|every (?:day|night|week)|daily|nightly|day after day|night after night)\b",
    re.I,
)
_SINCE_VOTE = re.compile(
    r"\bsince (?:the|last|this)(?: [\w'’-]+)? (?:elections?|vote|polls?|ballot)\b(?! on)", re.I
)
_ELECTION_NIGHT = re.compile(
    r"\b(?:on|during)\s+(?:the\s+)?(?:election|polling)\s+(?:night|day)\b(?!\s+(?:in|of)\b)", re.I
)
# the event a relation names: "after the sacking", "before his arrest"
_OBJECT = re.compile(r"\s+(?:the|his|her|their|its)\s+([a-z]+)\b")
_NOT_EVENTS = frozenset({"first", "second", "third", "last", "next", "new", "same", "end", "start"})
# "the day before", "two days earlier": a day counted back from the story's
_BACKWARD = re.compile(r"\b(?:before|earlier|previous|preceding)\b", re.I)
_KIND_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

DateSource = Literal["text", "context", "publication"]


@dataclass
class StoryDays:
    """The days one report has named so far (see the module docstring)."""

    lexicon: Lexicon
    context: ResolvedDate | None = None  # the last day the sentence before named
    story: ResolvedDate | None = None  # the last day the report named, in any sentence
    election: ResolvedDate | None = None  # the last election day the report named
    told: list[tuple[str, list[ResolvedDate]]] = field(default_factory=list)  # dated sentences

    def reset(self) -> None:
        """Start a new report."""
        self.context = self.story = self.election = None
        self.told = []

    def after_sentence(self, text: str, found: list[ResolvedDate], published: dt.date) -> None:
        """Remember the days a sentence named (its :meth:`dates`) for the sentences after it.

        Only the sentence right before dates an undated one ("... on 30 October. The party
        said ..."); further back, background is as likely as sequel.
        """
        named = [
            d for d in found
            if d.date <= published and d.granularity.value == "day" and d.date_end is None
        ]  # fmt: skip
        ctx = self.context
        # an undated sentence tells of the day the one before it named
        told = named or ([ctx._replace(start=0, end=0)] if ctx is not None else [])
        if told:
            self.told.append((text, told))
        elections = [d for d in named if about_election(text, d)]
        if elections:
            self.election = elections[-1]
        # the day the sentence's own events happened, not the election it recalls ("ruled on
        # June 7 that the deadline after the Feb. 24 election ...")
        own = [d for d in named if d not in elections] or named
        # "On Friday he rejected the results, which the commission had revised on Dec. 5": the
        # main clause's day goes on, not the day of a relative clause about something else
        own = [d for d in own if not _in_relative(text, d)] or own
        # "On Thursday the court ruled that Sirisena's Nov. 9 decree ...": a date naming a
        # thing (after a determiner or a possessive) is that thing's day, not the story's
        own = [d for d in own if not _attributive(text, d)] or own
        # "sworn in on Wednesday, five weeks after a crackdown": Wednesday, not the crackdown
        own = [d for d in own if not d.ahead] or own
        last = own[-1] if own else None
        if (
            ctx is not None
            and last is not None
            and last.date < ctx.date
            and _BACKWARD.search(last.text)
            and re.search(r"\bhad\b", text)
        ):
            # "Soldiers had stormed the palace the day before. The next day ...": a look back
            # does not move the story on; its next day follows the day the story had reached
            return
        self.context = own[-1] if own else None
        if own:
            self.story = own[-1]

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
            # "will not take part in local elections on June 30", in May: the election to come
            # (a writer names a past year's election with its year)
            vote_ahead = (
                ahead is not None
                and d.adjusted
                and ahead.date <= published + _YEAR
                and about_election(text, d)
                and self._ahead(text[: d.start])
            )
            if ahead is not None and (
                (
                    self.lexicon.is_future(text, d.start)
                    and not _HAS_OUTCOME.search(text, 0, d.start)
                )
                # "on September 23" in a report of September 10: the day to come, not the one
                # a year before (a writer names a year-old day with its year)
                or (d.adjusted and ahead.date <= published + _SOON)
                or vote_ahead
            ):
                d = ahead
            out.append(d)
        for off in offsets(text):
            # "the next day", "two days later": from the story's last day, not publication
            # (not a related event's day: "sworn in on Tuesday, three weeks after he walked out
            # of prison, and hours later appointed ...": hours after Tuesday)
            before = [
                d for d in out
                if d.end <= off.start and d.granularity.value == "day" and d.date_end is None
                and not d.ahead
            ]  # fmt: skip
            anchor = before[-1] if before else (self.context or self.story)
            # "The day after the vote, ...", "conceded the day after the vote": the vote's day
            vote = off.election and self.election is not None and off.days > 0
            forward = off.relation and not leads(text, off) and not vote
            if vote and self.election is not None:
                anchor = self.election
            elif off.relation and not forward and not before:
                # "Two days after the sacking, ...": from the day the report dated the sacking
                anchor = self._named(text, off.end) or anchor
            if anchor is None:
                continue
            out = [d for d in out if d.end <= off.start or d.start >= off.end]
            # "..., a day after supporters rallied": the rally is a day before this event
            day, grain = shifted(anchor.date, anchor.granularity, off, forward)
            out.append(
                ResolvedDate(
                    day, grain, off.text, None, off.start, off.end, False, forward, off.relation
                )
            )
        out += self._election_night(text, out)
        return sorted(out, key=lambda d: d.start)

    def _election_night(self, text: str, out: list[ResolvedDate]) -> list[ResolvedDate]:
        """ "claimed victory on election night": the day of the election the report named."""
        vote = self.election
        if vote is None or ("election" not in text and "polling" not in text):
            return []
        return [
            ResolvedDate(vote.date, Granularity.day, m.group(0), None, m.start(), m.end())
            for m in _ELECTION_NIGHT.finditer(text)
            if not any(d.start < m.end() and m.start() < d.end for d in out)
        ]

    def _told_day(self, trig: Trigger, published: dt.date) -> dt.date | None:
        """The day before publication, when the report named it as its news's day."""
        told = self.story
        if (
            told is None
            or trig.kind in SPEECH_KINDS
            or told.granularity.value != "day"
            or not dt.timedelta(0) < published - told.date <= _LAG
        ):
            return None
        return told.date

    def _named(self, text: str, at: int) -> ResolvedDate | None:
        """The day an earlier sentence gave the event a relation names ("after the sacking":
        "... sacked him on Oct. 26"), the date nearest its word there."""
        m = _OBJECT.match(text, at)
        if m is None or m.group(1).lower() in _NOT_EVENTS:
            return None
        word = m.group(1).lower()
        # every form of its lemma: "the sacking" is told as "sacked", "his arrest" as "arrested"
        said = sorted(forms(lemma_of(word)) | {word}, key=len, reverse=True)
        pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, said))})\b", re.I)
        for sentence, named in reversed(self.told):
            hit = pattern.search(sentence)
            if hit is not None:
                return min(named, key=lambda d: abs(d.start - hit.start()))
        # "hours after the ruling" that no dated sentence tells: the report's news, the day its
        # first dated sentence names, not whatever the sentence before happened to date
        return self.told[0][1][0] if self.told else None

    def _ahead(self, before: str) -> bool:
        """Whether a future cue stands anywhere in ``before`` ("said it will not take part")."""
        cues = self.lexicon.future if self.lexicon.future is not None else self.lexicon.modals
        return cues.search(before) is not None

    def dates_for(self, text: str, trig: Trigger, found: list[ResolvedDate]) -> list[ResolvedDate]:
        """The date(s) of a trigger: the nearest date of its clause.

        Dates naming the election ("the July 28 polls") date only the election; a date after
        the trigger but inside a following relative or temporal clause ("talks that were agreed
        on November 16") belongs to that clause's event.
        """
        aside = asides(text)
        found = [
            d for d in found
            if not outside(aside, d.start, d.end, trig.start)
            and not (d.ahead and (d.end > trig.start or _past_clause(text, d, trig)))
        ]  # fmt: skip
        # "Melia, who was arrested in February when police stormed the offices, was freed in
        # May": an aside holding the trigger and a date of its own dates it
        home = [(a, b) for a, b in aside if a <= trig.start < b]
        own = [d for d in found if any(a <= d.start and d.end <= b for a, b in home)]
        if own:
            found = own
        usable = [
            d for d in found
            if (trig.rule.names_election or d.relation or not about_election(text, d)
                or _DAY_OF.search(text, max(0, d.start - 40), d.start))
            and not possessive_elsewhere(text, d, trig)
            and not (_ATTRIBUTIVE.match(d.text) and d.start > trig.end and not _TIME_OF.search(text, 0, d.start))
            and (not blocked(text, trig, d) or standing_since(text, trig, d))
            and not _in_subject_clause(text, d, trig)
            and not _THAN.search(text, max(0, d.start - 6), d.start)  # "two more than in 2013"
            and not since_start(text, d, trig)
        ]  # fmt: skip
        if not usable and trig.rule.election_dates:
            usable = [d for d in found if not blocked(text, trig, d)]
        if not usable:
            return []
        named = [d for d in usable if possessive_of(text, d, trig)]
        if named:
            return named[-1:]  # "Sunday's parliamentary election on Tuesday": Sunday's

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
        eve = _DAY_OF.search(text, max(0, best.start - 40), best.start)
        if (
            eve is not None
            and eve.group("eve")
            and best.granularity is Granularity.day
            and not trig.rule.names_election
        ):
            return [best._replace(date=best.date - dt.timedelta(days=1), date_end=None)]
        chosen = [best]
        # "at the meetings on March 3 and March 17": one mention per listed date
        while i + 1 < len(found):
            gap = text[found[i].end : found[i + 1].start]
            if not re.fullmatch(r"\s*(?:,|and|,\s*and|&)\s*(?:on\s+)?", gap):
                break
            chosen.append(found[i + 1])
            i += 1
        return chosen

    def dated(
        self, trig: Trigger, date: ResolvedDate | None, published: dt.date, text: str = ""
    ) -> tuple[ResolvedDate, DateSource, float, list[str]]:
        """A mention's date, where it came from, the confidence it costs and the notes."""
        rule = trig.rule
        confidence = 0.0
        notes: list[str] = []
        source: DateSource = "text"
        ctx = self.context
        # "killed in clashes since the election": from the day after the vote to publication
        vote = self.election if date is None and not rule.ongoing else None
        after = vote.date + dt.timedelta(days=1) if vote is not None else published
        # "had rallied for days", "on several occasions": a run of days, even of a standing state
        durative = rule.ongoing and _DURATIVE.search(text) is not None
        if vote is not None and after <= published and _SINCE_VOTE.search(text):
            date = ResolvedDate(
                after, Granularity.day, "", published if published > after else None
            )
            confidence += 0.2
            source = "context"
            notes.append("no date in the sentence: since the election, up to publication")
        elif date is None and not rule.ongoing and _pluperfect(text, trig):
            # "The donors had pressed the government to ...": told undated in the past perfect,
            # it happened before the report, not on its day: within the month before it
            date = ResolvedDate(published - _MONTH, Granularity.day, "", published)
            confidence += 0.2
            source = "context"
            notes.append("no date in the sentence, told in the past perfect: before publication")
        elif (
            date is None
            and not (rule.anchor or trig.anchor or (rule.ongoing and not durative))
            and ctx is not None
        ):
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
            waits = rule.anchor or trig.anchor  # a reaction to the election, dated from it later
            if not waits:
                # "X said ...": what a report quotes was said as it was written; what it tells
                # with no day named and none before it, the news of the day, happened on it
                date = date._replace(granularity=Granularity.day)
                # a wire report of yesterday's news ("... on Wednesday", out on Thursday): what
                # it tells undated happened on that day (what it quotes was said as it was written)
                day = self._told_day(trig, published)
                if day is not None:
                    date = date._replace(date=day)
            source = "publication"
            confidence += 0.2
            said = trig.kind in SPEECH_KINDS
            note = _DAY_NOTE if date.date == published else _TOLD_NOTE
            notes.append(FALLBACK_NOTE if waits else SAID_NOTE if said else note)
            if rule.anchor or trig.anchor:
                notes.append("anchor")
        elif date.adjusted:
            confidence += 0.25
            notes.append(
                f"{date.text!r} read literally falls after publication ({published}); "
                f"resolved to {date.date}"
            )
        return date, source, confidence, notes


_MONTH = dt.timedelta(days=30)
_HAD = re.compile(
    r"\bhad\s+(?:(?:\w+ly|not|already|also|long|earlier)\s+)?(?:been\s+)?(?:\w+\s+)?$", re.I
)


def _pluperfect(text: str, trig: Trigger) -> bool:
    """ "had pressed", "had been asked": a trigger told in the past perfect."""
    near = _HAD.search(text, max(0, trig.start - 40), trig.start) is not None
    return near or trig.text.lower().startswith("had ")


_RELATIVE = re.compile(
    r"\b(?:who|that|which)\s+(?:had\s+been|have\s+been|has\s+been|were|was|had)\s", re.I
)
_MAIN_VERB = re.compile(
    r"\b(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+(?:\w+ly\s+)?$", re.I
)


def _in_subject_clause(text: str, d: ResolvedDate, trig: Trigger) -> bool:
    """ "The lawmakers who were arrested last week were released": a date in a relative clause
    of the subject dates that clause's event, not the main verb's after it."""
    if d.end > trig.start:
        return False
    rel = max(_RELATIVE.finditer(text, 0, d.start), key=lambda m: m.start(), default=None)
    if rel is None or re.search(r"[,;]", text[rel.end() : trig.start]):
        return False
    main = _MAIN_VERB.search(text, max(rel.end(), trig.start - 30), trig.start)
    return main is not None or re.match(r"(?:were|was)\b", trig.text, re.I) is not None


_THAN = re.compile(r"\bthan\s+$", re.I)
_WH_CLAUSE = re.compile(r",\s+(?:[a-z]+\s+)?(?:which|who|whom|whose|where)\b[^,;()]*$", re.I)


def _in_relative(text: str, d: ResolvedDate) -> bool:
    """Whether a date stands in a relative clause (", who had resigned on Dec. 31,")."""
    return _WH_CLAUSE.search(text, max(0, d.start - 200), d.start) is not None


_DETERMINED = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|this|that)|\w['’]s)\s+$", re.I)


def _attributive(text: str, d: ResolvedDate) -> bool:
    """Whether a date names a thing ("the Aug. 9 vote", "Sirisena's Nov. 9 decree")."""
    return _DETERMINED.search(text, max(0, d.start - 30), d.start) is not None


def _past_clause(text: str, d: ResolvedDate, trig: Trigger) -> bool:
    """ "elected him on Monday, a day after X was ousted, as lawmakers resigned": a relation
    dates the event of its own clause (X's), not one past the comma that closes it."""
    return _CLOSES.search(text, d.end, trig.start) is not None


_CLOSES = re.compile(r",\s*(?:as|and|while|but|whereas)\s|;")
