"""What a lexicon compiles to: the rule of one event kind, and one match of it in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from negotiation.extract.lexicon_fields import Outcome, Sides

__all__ = ["KindRule", "Trigger"]


@dataclass(frozen=True)
class KindRule:
    """How one event kind is recognised."""

    kind: str
    patterns: tuple[re.Pattern[str] | str, ...]  # a str is a lemma phrase (spaCy's Matcher)
    nominal: frozenset[int] = frozenset()  # indexes of patterns exempt from negation/modality
    priority: int = 50
    confidence: float = 0.7
    negated: Outcome = "drop"
    modal: Outcome = "keep"
    announced: Outcome = "keep"  # what a modal trigger with a future cue ("would appeal") becomes
    negators: re.Pattern[str] | None = None
    suppresses: frozenset[str] = frozenset()
    recipients: bool = False
    third_party: str | None = None
    by_side: str | None = None  # the kind when only the sides act ("the CNRP called on ...")
    facts: frozenset[str] = frozenset()
    fallback: bool = False
    enabled: bool = True
    election_dates: bool = False
    anchor: bool = False  # undated mentions: from the day after the election to publication
    anchored: frozenset[int] = frozenset()  # patterns that anchor even if the kind does not
    # patterns with a by_side of their own: "called for calm" by a side is said, not demanded
    sided: tuple[tuple[int, str], ...] = ()
    # patterns with a third_party of their own: "condemned the violence" by an outsider appeals
    outsiders: tuple[tuple[int, str], ...] = ()
    ongoing: bool = False
    governs: bool = False  # what follows it in the sentence is what is asked for, not an event
    reason: bool = False  # ", citing fraud" after another trigger: that act's reason, no event
    subject_acts: bool = False  # "Barrow was sworn in": whoever is named before it acts
    # "President Morales resigned": triggers matching it have their subject acted on (removed)
    subject_acted_on: re.Pattern[str] | None = None
    sides: Sides = "acting"  # the parties and people named: acting, none or recipients
    reported: bool = False  # "said X had used the vote to seize power illegally": this kind
    unique: bool = False  # once per dispute phase: mentions on close days are one event
    names_election: bool = False  # the vote itself: dated by "the July 28 polls", dates reactions
    spoken: bool = False  # '"We will not accept these results," X said': X's act, though quoted


@dataclass(frozen=True)
class Trigger:
    """One match of a kind's pattern in a sentence, after negation and modality were applied."""

    kind: str
    start: int
    end: int
    text: str
    priority: int
    confidence: float
    rule: KindRule
    negated: bool = False
    modal: bool = False
    anchor: bool = False
    nominal: bool = False
    modality: str = "asserted"
    dropped: bool = False  # reported, but not as a fact of its kind (negated, planned ...)
    by_side: str | None = None  # the pattern's own by_side kind, if it has one
    third_party: str | None = None  # the pattern's own third_party kind, if it has one
