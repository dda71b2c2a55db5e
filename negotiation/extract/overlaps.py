"""How two triggers of one sentence relate: one phrase or two, a reason given for another act,
a word of a longer phrase, one clause or two.

    >>> same_clause("Jeenbekov said rivals had used the vote", 10, 30)
    True
    >>> same_clause("He said so, and they left", 7, 20)
    False
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from negotiation.extract.lexicon import Trigger

__all__ = ["is_inside", "is_reason", "overlap", "plans", "said_too", "same_clause"]

# "accusing X of", "blaming X": a participle that charges someone, not a reason given
_CHARGES = re.compile(r"(?:accusing|blaming)\b", re.I)
_BREAK = re.compile(r"[,;:]|\b(?:and|but|because|while|although|though)\b", re.I)


def is_reason(sentence: str, t: Trigger, kept: list[Trigger]) -> bool:
    """A participle clause after another trigger ("rejected the result, alleging that the vote
    had been rigged"): the reason for that act, when the kind says so. A participle that names
    whom it charges ("rejected the outcome, accusing the authorities of buying votes") reports
    a charge of its own."""
    return (
        t.rule.reason
        and t.text.split(" ", 1)[0].lower().endswith("ing")
        and _CHARGES.match(t.text) is None
        and sentence[: t.start].rstrip().endswith(",")
        and any(k.end <= t.start and not k.rule.fallback for k in kept)
    )


def is_inside(a: Trigger, b: Trigger) -> bool:
    """ "complained of violence against its monitors": a one-word trigger strictly inside a
    longer one of another kind is a word of that phrase."""
    return (
        a.kind != b.kind
        and " " not in a.text.strip()
        and b.start <= a.start
        and a.end <= b.end
        and (a.end - a.start) < (b.end - b.start)
        and not b.rule.fallback
        and not b.nominal
    )


def overlap(a: Trigger, b: Trigger) -> bool:
    """Triggers that share most of the shorter one's text report one thing, not two."""
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > 0 and shared * 2 >= min(a.end - a.start, b.end - b.start)


def same_clause(sentence: str, start: int, end: int) -> bool:
    """Whether no clause boundary (a comma, "and", "because" ...) lies between two positions."""
    return _BREAK.search(sentence, start, end) is None


# "more protests were possible if the ruling party ...": a condition set, said
_CONDITION = re.compile(r"\b(?:if|unless|only when|only if|until)\b", re.I)


def plans(
    sentence: str, said: Trigger, found: list[Trigger], future: Callable[[str, int], bool]
) -> bool:
    """Whether a speech verb (a fallback trigger) only announces a plan in its first clause
    ("Opposition leaders said they would take to the streets on Wednesday"): a planned act of a
    kind that plans drop (``modal: drop``) after a future cue (``future(sentence, start)``)
    reports that plan, not a statement. A condition after it ("... would resume if parliament
    failed to elect him") keeps the speech a statement.

    >>> from negotiation.extract.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> s = "Opposition leaders said they would take to the streets on Wednesday."
    >>> [t.kind for t in lex.triggers(s)]
    ['protest']
    """
    if not said.rule.fallback:
        return False
    return any(
        t.dropped
        and t.rule.modal == "drop"
        and t.modality == "planned"
        and t.start >= said.end
        and same_clause(sentence, said.end, t.start)
        and future(sentence, t.start)
        and _CONDITION.search(sentence, t.start) is None
        and _EXPECTS.search(sentence, said.end, t.start) is None
        for t in found
    )


# "said he was confident the recount would confirm his victory": an expectation voiced, not a
# plan announced
_EXPECTS = re.compile(
    r"\b(?:confident|sure|certain|hope[sd]?|expects?|expected|believes?|believed)\b", re.I
)


_AND_THEN = re.compile(r",\s+and\s+(?:(?:he|she|it|they)\s+)?(?:also\s+)?$", re.I)


def said_too(sentence: str, span: tuple[int, int], kept: list[Trigger]) -> bool:
    """Whether a speech verb at ``span`` is a statement beside the ``kept`` triggers: with none,
    or heading a clause coordinated after all of them ("... dealt with all complaints before
    announcing the results, and said the vote had been fair").

    >>> said_too("He left, and said so.", (12, 16), [])
    True
    """
    start = span[0]
    return (
        not kept
        or (
            _AND_THEN.search(sentence, max(0, start - 30), start) is not None
            and all(k.end <= start for k in kept)
        )
        or all(
            k.start >= span[1] and _LATER_CLAUSE.search(sentence, span[1], k.start) is not None
            for k in kept
        )
    )


# "argue that his first term does not count because he was elected by parliament": the others
# are the reason given for what is said (not ", and she called on ...": a second act of its own)
_LATER_CLAUSE = re.compile(r"\bbecause\b", re.I)
