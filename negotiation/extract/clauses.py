"""Clauses of a sentence: which date belongs to which trigger, datelines, direct quotations,
"since" phrases and possessive dates ("Sunday's election")."""

from __future__ import annotations

import functools
import re

from negotiation.extract.dates import DATE_PATTERN, ResolvedDate
from negotiation.extract.lexicon import Trigger

__all__ = [
    "SPEECH_VERB",
    "about_election",
    "asides",
    "attributed",
    "blocked",
    "dateline_end",
    "is_dateline",
    "outside",
    "possessive_elsewhere",
    "possessive_of",
    "quoted_spans",
    "since_start",
    "standing_since",
    "unquoted",
]

# "the July 28 general election" (not "proposed in June that the election ...": a clause's)
_ELECTION_AFTER = re.compile(
    r"^\s*(?:(?!(?:that|which|when|whether|if|but|and|as|after|before|because|while)\b)[\w-]+\s+){0,2}?"
    r"(?:general\s+|national\s+|presidential\s+|parliamentary\s+)?"
    r"(?:elections?|polls?|vote|ballot|run-?offs?)\b",
    re.I,
)
_PREPOSED = re.compile(r"(?:on|in|at|by|since|from|during|until)\s", re.I)
_ELECTION_NEXT = re.compile(
    r"\s*(?:general\s+|national\s+|presidential\s+|parliamentary\s+|legislative\s+|local\s+)?"
    r"(?:elections?|polls?|vote|ballot|run-?offs?)\b",
    re.I,
)
_ELECTION_BEFORE = re.compile(
    r"(?:elections?|polls?|vote|ballot|run-?offs?)\s+(?:held\s+|was\s+held\s+)?"
    r"(?:(?:(?:set|scheduled|planned|called)\s+)?for|on|in|of)?\s*$",
    re.I,
)
_TIME_ADVERB = re.compile(r"(?:early|late)\s", re.I)
_DATED_ELECTION = re.compile(
    r"(?:\d|day['’]?s?|(?:week|month|year)['’]s?)\s+(?:[\w-]+\s+)?(?:elections?|polls?|vote|ballot)"
    r"\s+(?:held\s+)?$",
    re.I,
)
_DATELINE = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?(?:-|–|—|:)\s")
_ANY_DATE = re.compile(DATE_PATTERN)

_BLOCK = re.compile(
    r"\b(?:that|which|who|whose|after|following|before|since|in the wake of|when|while|because)\b"
    r"|;|,\s+but\b",
    re.I,
)
# "denounced it, saying the amendment passed in 2015 ...": what is said tells other events;
# ", as troops prepare to leave at the end of August": a clause of its own
_CLAUSE_ON = re.compile(
    r",\s+(?:saying|adding|arguing|insisting|claiming|noting|warning|as)\s", re.I
)
# "a proposal to hold them in December": the infinitive's event, not the proposal's (a verb's
# purpose shares its day: "used tear gas to disperse the crowd on Sunday")
_INTENT = re.compile(
    r"\b(?:proposals?|plans?|calls?|offers?|bids?|motions?|requests?|demands?|attempts?)\W*$",
    re.I,
)
_INFINITIVE = re.compile(r"\bto\s+[a-z]+\s+(?:them|it|him|her|the|a|an|their|its|his)\s", re.I)


#: the verbs that report speech ("X said", "..., said X", '"...," X told reporters')
SPEECH_VERB = (
    r"(?:said|says|told|tells|added|adds|stated|states|declared|insisted|insists|warned|warns|argued"
    r"|argues|announced|stressed|noted|reiterated|confirmed|acknowledged|admitted|conceded|wrote"
    r"|claimed|claims|alleged|alleges|complained|denied|denies|maintained|explained|tweeted)"
)
# who says a quotation, named after it ('," Mesa told reporters') or before it ("Mesa said:")
_SAID_AFTER = re.compile(r"\s*[,;]?\s*(?:[\w.’'-]+\s+){0,6}?" + SPEECH_VERB + r"\b")
_SAID_BEFORE = re.compile(r"\b" + SPEECH_VERB + r"(?:\s+[\w’'-]+){0,3}\s*[:,]?\s*$")


def attributed(sentence: str, start: int, end: int) -> bool:
    """Whether the sentence names who says its quotation ``sentence[start:end]``.

    >>> s = '"We will not accept these results," Mesa said.'
    >>> attributed(s, 0, s.index(" Mesa")), attributed('Banners read "no".', 13, 17)
    (True, False)
    """
    return bool(_SAID_AFTER.match(sentence, end)) or bool(_SAID_BEFORE.search(sentence, 0, start))


def unquoted(sentence: str, triggers: list[Trigger]) -> list[Trigger]:
    """The triggers the sentence reports: those outside its quotations (:func:`quoted_spans`:
    what a quotation tells is speech), and those of ``spoken`` kinds inside a quotation whose
    speaker it names (:func:`attributed`: the words are the speaker's act)."""
    quoted = quoted_spans(sentence)
    return [
        t for t in triggers
        if not any(
            s <= t.start and t.end <= e and not (t.rule.spoken and attributed(sentence, s, e))
            for s, e in quoted
        )
    ]  # fmt: skip


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Direct quotations of six words or more (speech, not reporting).

    A sentence that opens inside a quotation (its first quote mark closes one: a curly ”, or
    an odd number of straight ") has its start quoted too::

        >>> s = 'Observers said they were concerned by the "drastic and hard to justify change".'
        >>> [s[a:b] for a, b in quoted_spans(s)]
        ['"drastic and hard to justify change"']
    """
    spans = []
    straight = sentence.count('"')
    closes_first = re.match(r'[^“"”]*”', sentence) is not None or (
        straight % 2 == 1 and "“" not in sentence and "”" not in sentence
    )
    pattern = r"[“\"]([^”\"]{1,2000})[”\"]|[“\"]([^”\"]{1,2000})$"
    if closes_first:
        pattern += r'|^([^“"]{1,2000})[”"]'
    for m in re.finditer(pattern, sentence):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) >= 6:
            spans.append((m.start(), m.end()))
    return spans


def about_election(sentence: str, d: ResolvedDate) -> bool:
    """Whether a date names an election ("the July 28 polls", "the election on July 28").

    Not when the election is already dated ("the December 27 vote on Sunday").
    """
    after = _ELECTION_AFTER.match(sentence[d.end : d.end + 40])
    if after is not None:
        # "the July 28 general elections", "in July elections"; not "on Thursday annulled the
        # presidential election": a date told with its preposition names the election only
        # right before it
        return not _PREPOSED.match(d.text) or _ELECTION_NEXT.match(after.group()) is not None
    before = sentence[max(0, d.start - 40) : d.start]
    if _TIME_ADVERB.match(d.text):
        return False  # "declared the winner of the election early Wednesday": when it was declared
    return bool(_ELECTION_BEFORE.search(before)) and not _DATED_ELECTION.search(before)


def blocked(text: str, trig: Trigger, d: ResolvedDate) -> bool:
    """A date after the trigger, past a clause boundary further on, dates another event."""
    if d.start < trig.end:
        return False
    between = text[trig.end : d.start]
    if _CLAUSE_ON.search(between) or (_INTENT.search(trig.text) and _INFINITIVE.search(between)):
        return True
    lead = re.match(r"\W*(?:\w+\W+)?", between)  # "violence that ...": a clause on the trigger
    between = between[lead.end() if lead else 0 :]
    # "since the July 28 election": a preposition of the date's own phrase (read on the last
    # words only: a pattern anchored at the end would otherwise be tried at every position)
    head, tail = between[:-80], between[-80:]
    between = head + _LAST_WORDS.sub("", tail)
    return bool(_BLOCK.search(between))


_LAST_WORDS = re.compile(r"(?:\w+\W+){0,2}$")


def is_dateline(sentence: str, d: ResolvedDate) -> bool:
    """ "DHAKA, Jan 6 - ...": the first date of a sentence, near its start, before a dash."""
    if not (
        d.start < 60
        and _DATELINE.match(sentence[d.end : d.end + 14]) is not None
        and _PLACE.match(sentence[: d.start]) is not None
    ):
        return False
    first = _ANY_DATE.search(sentence)
    return first is not None and first.start() <= d.start < first.end()


#: what may stand before a dateline's date: a place ("PHNOM PENH,", "Phnom Penh, Cambodia,")
_PLACE = re.compile(r"^[\W\d]*(?:[A-Z][\w.'’-]*[\s,]*){0,5}(?:on\s+)?$")


# ", whose ambassadors tried last year to broker a deal," / "(...)" / "— ... —": an aside about
# someone, with its own dates and people, inside the sentence of another event
_ASIDE = re.compile(
    r",\s+(?:(?:in|of|for|by|under|with|at|from|during|after)\s+)?(?:who|whose|whom|which|where)\b"
    r"[^,;()]{3,200},"
    r"|\([^()]{3,200}\)"
    r"|\s[—–]\s[^—–]{3,200}\s[—–]\s",
    re.I,
)


@functools.lru_cache(maxsize=64)
def asides(sentence: str) -> tuple[tuple[int, int], ...]:
    """Spans of relative clauses between commas, parentheses and dashes in a sentence.

    >>> s = "The EU, whose envoys met them last year, urged calm."
    >>> [s[a:b] for a, b in asides(s)]
    [', whose envoys met them last year,']
    """
    return tuple((m.start(), m.end()) for m in _ASIDE.finditer(sentence))


def outside(spans: tuple[tuple[int, int], ...], start: int, end: int, at: int) -> bool:
    """Whether ``start:end`` lies in an aside that does not hold position ``at``."""
    return any(a <= start and end <= b and not a <= at < b for a, b in spans)


_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "PHNOM PENH, Aug 8 (Reuters) - ", "TBILISI, Feb 23, 2021 (AFP) - ", "CARACAS, Venezuela (AP) — ",
# "Phnom Penh, January 4, 2014 - ": where a wire report says where and when it was filed
_DATELINE_HEAD = re.compile(
    rf"^\s*(?:[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*[A-Z][\w.'’ -]{{1,30}})?(?:,\s*{_MON}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"
    rf"|[A-Z][\w.'’ -]{{1,40}}(?:,\s*[A-Z][\w.'’ -]{{1,30}})?,\s*{_MON}\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
    r"\s*(?:\([^()]{1,25}\)\s*)?(?:-|–|—|:)\s+(?=[A-Z\"“‘'])"
)


def dateline_end(sentence: str) -> int:
    """Where a sentence's wire dateline ends (0 when it has none): the place, date and agency
    are the report's, not the event's actors or text.

    >>> s = "PHNOM PENH, Aug 8 (Reuters) - Cambodia's opposition took its seats."
    >>> s[dateline_end(s):]
    "Cambodia's opposition took its seats."
    >>> dateline_end("The opposition - and its allies - took their seats.")
    0
    """
    m = _DATELINE_HEAD.match(sentence)
    return 0 if m is None else m.end()


def standing_since(text: str, trig: Trigger, d: ResolvedDate) -> bool:
    """ "have boycotted the Assembly since it opened in September": a standing state dated
    from its start, past the "since" that would otherwise block the date."""
    if not trig.rule.ongoing or d.start < trig.end:
        return False
    return bool(re.match(r"\W*(?:[\w’'-]+\W+){0,5}?since\b[^,;.]{0,40}$", text[trig.end : d.start]))


_SINCE_PHRASE = re.compile(r"\bsince\b[^,;.]{0,60}$", re.I)


def since_start(text: str, d: ResolvedDate, trig: Trigger) -> bool:
    """ "killed since the protests began on April 18", "seized power since independence in
    1948": a date after "since" is when a period began, not the day of an event in it."""
    if trig.rule.ongoing:
        return False
    m = _SINCE_PHRASE.search(text, max(0, d.start - 70), d.start)
    if m is not None:
        since = m.start()
    elif d.text[:6].lower() == "since " and _CLAUSE_BREAK.search(
        text, *((trig.end, d.start) if trig.end <= d.start else (0, d.start))
    ):
        # "freed Kulov, an opponent jailed since 2000, ...", "X, of the party that has ruled
        # since 1975, won": the date's own "since" in a clause of its own (not "has held four
        # meetings since March 3", "Since mid-December the party had rallied": they date it)
        since = d.start
    else:
        return False
    # "governed since it won the 2012 election": a trigger in the phrase is the start itself, as
    # is one in a clause on its day ("since he froze it on July 25, when he also dismissed ...")
    after = text[d.end : trig.start]
    return trig.start < since or (re.search(r"[,;]", after) is not None and not _WHEN.match(after))


_WHEN = re.compile(r"[^,;]{0,30},\s+when\b")
_CLAUSE_BREAK = re.compile(r"[,;(]|\b(?:who|that|which)\b", re.I)


def possessive_of(text: str, d: ResolvedDate, trig: Trigger) -> bool:
    """ "Sunday's parliamentary election": a possessive date right before the trigger's noun
    (not before a verb: "last year's protesters were released on Tuesday")."""
    if _VERB_FIRST.match(trig.text):
        return False
    between = text[d.end : trig.start]
    if re.search(r"['’]s?$", d.text):
        between = "'" + between
    return re.match(r"['’]s?\s+(?:[\w-]+\s+){0,2}$", between) is not None


_VERB_FIRST = re.compile(r"(?:was|were|is|are|has|have|had|been|being)\b", re.I)


def possessive_elsewhere(text: str, d: ResolvedDate, trig: Trigger) -> bool:
    """ "last month's election": a possessive date dates the noun right after it only (also
    when the possessive is the date's own: "arrested 20 people for Sunday's attack")."""
    # "for Sunday's attack", "over Saturday's clashes": the cause of the act, another event
    cause = re.search(r"\b(?:for|over)\s+$", text[max(0, d.start - 6) : d.start], re.I)
    own = d.text.endswith(("'s", "’s")) and (
        d.text.lower().startswith(("for ", "over ")) or cause is not None
    )
    if not own and not re.match(r"['’]s?\b", text[d.end : d.end + 2]):
        return False
    return not (d.end <= trig.start <= d.end + 40)
