"""Modality: whether a mention asserts its event, or negates, plans, threatens, demands,
conditions or asks about it.

>>> modality_of("said it would", "The party said it would boycott.", negated=False)
'planned'
>>> modality_of("unless", "It will boycott unless talks resume.", negated=False)
'conditional'
"""

from __future__ import annotations

import re

__all__ = ["modality_of"]

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
