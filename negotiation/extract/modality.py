"""Modality: whether a mention asserts its event, or negates, plans, threatens, demands,
conditions or asks about it.

>>> modality_of("said it would", "The party said it would boycott.", negated=False)
'planned'
>>> modality_of("unless", "It will boycott unless talks resume.", negated=False)
'conditional'
"""

from __future__ import annotations

import re

__all__ = ["is_generic", "modality_of"]

_MODALITY_CUES = (
    ("conditional", re.compile(r"\b(?:if|unless|provided|in case)\b", re.I)),
    (
        "demanded",
        re.compile(r"\b(?:call(?:s|ed|ing)? (?:for|on)|urg\w*|demand\w*|ask\w*|need to)\b", re.I),
    ),
    ("threatened", re.compile(r"\b(?:threat\w*|warn\w*|vow\w*)\b", re.I)),
)


def modality_of(window: str, sentence: str, *, negated: bool) -> str:
    """The modality that the cues in ``window`` (the words before a trigger, in its clause)
    give: negated, conditional, demanded, threatened, question, or planned for any other
    modal cue ("will", "is due to", "plans to")."""
    if negated:
        return "negated"
    for name, cue in _MODALITY_CUES:
        if cue.search(window):
            return name
    if sentence.rstrip().endswith("?"):
        return "question"
    return "planned"


# what a law or rule provides ("It provides that a party which ... boycotts ... loses its
# seats", "allow the court to dissolve a party"): a condition, not an event
_GENERIC = re.compile(
    r"\b(?:provides|provided|stipulates|stipulated|requires|required|states) that\b"
    r"|\b(?:a|an|any) (?:[\w-]+ ){0,2}(?:party|person|member|candidate|lawmaker|government|"
    r"leader|official)s? (?:which|that|who|whose)\b"
    r"|\ballow(?:s|ed|ing)?\b(?:\s+[\w’'-]+){0,4}\s+to\s*$"
    r"|\bbar(?:s|red|ring)?\b(?:\s+[\w’'-]+){0,5}\s+from\s*$",
    re.I,
)


def is_generic(before: str) -> bool:
    """Whether the text before a trigger (in its sentence) makes it a rule's content.

    >>> is_generic("It also provides that a party which wins seats but")
    True
    >>> is_generic("On Monday the opposition")
    False
    """
    return bool(_GENERIC.search(before[-160:]))
