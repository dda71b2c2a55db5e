"""Who acts and who is acted on in a sentence: the actors of a trigger's own clause, before it
and after it."""

from __future__ import annotations

import re

from negotiation.events.actors import ActorType, Gazetteer
from negotiation.extract.actors import MatchedActor
from negotiation.extract.clauses import asides, outside
from negotiation.extract.lexicon import KindRule, Trigger
from negotiation.extract.speakers import SPEECH_KINDS

__all__ = ["election_body", "roles"]

# the body that runs the vote and counts it: "the Electoral Commission", "the Central Election
# Bureau", "the Federal Electoral Institute" (not a court or tribunal ruling on it)
_ELECTION_BODY = re.compile(
    r"\belect(?:oral|ions?)\b(?:\s+[\w-]+)?\s+(?:commission|committee|board|bureau|institute|"
    r"authority|body|council)\b|\b(?:commission|committee|board|bureau|institute|authority|"
    r"council) (?:for|of|on) (?:the )?elections?\b",
    re.I,
)


def election_body(gazetteer: Gazetteer) -> str | None:
    """The one institution of the gazetteer named as the body that runs the elections, if any."""
    found = [
        a.id
        for a in gazetteer
        if a.type is ActorType.institution and any(_ELECTION_BODY.search(n) for n in a.names())
    ]
    return found[0] if len(found) == 1 else None


_EARLIER_CLAUSE = re.compile(
    r";|,\s+(?:and|but|while|whereas)\s+(?!\w+ing\b)",
    re.I,
)
_CLAUSE_GAP = re.compile(r"[,;:]\s|\b(?:while|whereas|but|although|though)\b", re.I)
# a clause of another event after the trigger: "protests that erupted in June, when a lawmaker
# addressed parliament" (parliament did not protest)
_OTHER_CLAUSE = re.compile(
    r"\b(?:when|while|whereas|because|although|though|after|before|since|until)\b|;", re.I
)
# "was arrested", "were freed", "had been detained": who stands before it is acted on
_PASSIVE = re.compile(
    r"(?:\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?)$|^(?:was|were|been|being)\b",
    re.I,
)
_ADDRESSEE = re.compile(r"\b(?:told|tells|tell|telling)\s+(?:the\s+)?$", re.I)
_POSSESSIVE = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){0,2}$")
# "talks brokered by the EU and the UN", "under the auspices of the AU", "under Annan's
# chairmanship": a go-between named with talks or a deal, not a side of them (the list of
# names runs to the clause's end)
_GO_BETWEEN = re.compile(
    r"(?:\b(?:mediated|brokered|facilitated)\s+by|\bunder\s+(?:the\s+)?(?:auspices|chairmanship|aegis|mediation)\s+of)"
    r"\s+(?:[^,;:()]|,\s+(?=(?:the\s+|and\s+)?(?-i:[A-Z])))*"
    r"|\bunder\s+[^,;:()]{1,60}?['’]s?\s+(?:auspices|chairmanship|aegis|mediation)\b",
    re.I,
)
# "..., according to city police", "in the presence of the president": who tells of an event
# or watches it is no side of it (the names run to the clause's end)
_WITNESS = re.compile(
    r"\b(?:according\s+to|in\s+the\s+presence\s+of)\s+(?:[^,;:()]|,\s+(?=(?:the\s+|and\s+)?(?-i:[A-Z])))*",
    re.I,
)

# "..., at least 18 people were killed, the UN human rights office said": who tells of an act
# named after it, at the sentence's end
_TOLD_BY = re.compile(
    r"(?<=,\s)[^,;:()\"”]{1,80}?\s(?:said|says|reported|announced|told\s+reporters)"
    r"(?:\s+(?:on\s+)?\w+)?\s*[.]?\s*$",
    re.I,
)
# "the ministry said (that) 3,000 people had been detained": the speaker before the act (not
# "police said they had detained ...": a pronoun makes the speaker the act's subject)
_SAID = re.compile(
    r"(?:['’]s\s+[\w-]+\s+)?\s*(?:said|says|reported|announced)\s+(?:on\s+\w+\s+)?(?:that\s+)?",
    re.I,
)
_OWN_PRONOUN = re.compile(r"(?:it|they|he|she|its|their|his|her)\b", re.I)


def _said_before(text: str, end: int, at: int) -> bool:
    """Whether an actor ending at ``end`` tells of the act at ``at`` ("X said ...")."""
    said = _SAID.match(text, end, at)
    return said is not None and not _OWN_PRONOUN.match(text, said.end(), at)


def roles(
    rule: KindRule, trig: Trigger, text: str, actors: list[MatchedActor]
) -> tuple[list[str], list[str]]:
    """Who acts and who is acted on: the trigger's own clause, before it and after it."""
    acting: list[str] = []
    acted_on: list[str] = []
    subject_first = any(a.end <= trig.start for a in actors)
    # "Barrow was sworn in": a kind whose subject acts, passive or not (``subject_acts``);
    # "President Evo Morales resigned": a kind's trigger whose subject is acted on
    # (``subject_acted_on``), active or not
    passive = (
        rule.recipients
        and not rule.subject_acts
        and bool(
            _PASSIVE.search(text[max(0, trig.start - 24) : trig.start])
            or _PASSIVE.search(trig.text)
            or (rule.subject_acted_on is not None and rule.subject_acted_on.search(trig.text))
        )
    )
    aside = asides(text)
    between = [
        (m.start(), m.end()) for m in _GO_BETWEEN.finditer(text)
        if not m.start() <= trig.start < m.end() and "by" not in trig.text.lower().split()
    ]  # fmt: skip
    if "according" not in trig.text.lower():
        between += [(m.start(), m.end()) for m in _WITNESS.finditer(text)]
    told = trig.kind not in SPEECH_KINDS  # who tells of an act is no side of it
    if told:
        between += [(m.start(), m.end()) for m in _TOLD_BY.finditer(text, trig.end)]
    for a in actors:
        if told and a.end <= trig.start and _said_before(text, a.end, trig.start):
            continue  # "the ministry said 3,000 people had been detained": who tells of it
        if outside(aside, a.start, a.end, trig.start):
            continue  # "The EU, whose envoys met Georgian Dream last year, urged ...": an aside
        if any(b <= a.start and a.end <= e for b, e in between):
            continue  # "talks brokered by the EU": who mediates is the mediation's actor
        if a.start >= trig.end and (
            (subject_first and _CLAUSE_GAP.search(text[trig.end : a.start]))
            or _OTHER_CLAUSE.search(text[trig.end : a.start])
        ):
            continue  # named in another clause
        if _ADDRESSEE.search(text, max(0, a.start - 16), a.start):
            if a.actor not in acted_on:
                acted_on.append(a.actor)  # "told the workers", "telling Reuters": who is told
            continue
        inside = trig.start <= a.start and a.end <= trig.end
        if (
            rule.recipients
            and (a.end <= trig.start or (inside and passive))
            and (passive or _POSSESSIVE.match(text[a.end : trig.start]))
        ):
            # "Melia, who was arrested", "Melia's arrest": the one acted on
            if not _EARLIER_CLAUSE.search(text, a.end, trig.start) and a.actor not in acted_on:
                acted_on.append(a.actor)
            continue
        shift = _EARLIER_CLAUSE.search(text, a.end, trig.start)
        if shift is not None and any(
            shift.end() <= b.start and b.end <= trig.start for b in actors
        ):
            continue  # "The CPP won, and the opposition boycotted": the later clause's own
            # subject acts, not the earlier one's
        by = a.start - trig.end < 40 and re.search(
            r"\bby\s+(?:the\s+)?$", text[max(0, a.start - 12) : a.start], re.I
        )
        if rule.recipients and a.start >= trig.end and not by:
            if a.actor not in acted_on:
                acted_on.append(a.actor)
        elif a.actor not in acting:
            acting.append(a.actor)
    acted_on = [a for a in acted_on if a not in acting]
    return acting, acted_on
