"""Who acts and who is acted on in a sentence: the actors of a trigger's own clause, before it
and after it."""

from __future__ import annotations

import re

from negotiation.extract.actors import MatchedActor
from negotiation.extract.lexicon import KindRule, Trigger

__all__ = ["roles"]

_EARLIER_CLAUSE = re.compile(
    r";|,\s+(?:and|but|while|whereas)\s+(?!\w+ing\b)",
    re.I,
)
_CLAUSE_GAP = re.compile(r"[,;:]\s|\b(?:while|whereas|but|although|though)\b", re.I)


def roles(
    rule: KindRule, trig: Trigger, text: str, actors: list[MatchedActor]
) -> tuple[list[str], list[str]]:
    """Who acts and who is acted on: the trigger's own clause, before it and after it."""
    acting: list[str] = []
    acted_on: list[str] = []
    subject_first = any(a.end <= trig.start for a in actors)
    for a in actors:
        if subject_first and a.start >= trig.end and _CLAUSE_GAP.search(text[trig.end : a.start]):
            continue  # named in another clause
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
