"""Modality: whether a mention asserts its event, or negates, plans, threatens, demands,
conditions or asks about it.

>>> modality_of("said it would", "The party said it would boycott.", negated=False)
'planned'
>>> modality_of("unless", "It will boycott unless talks resume.", negated=False)
'conditional'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from negotiation.extract.lexicon import Lexicon

__all__ = [
    "asks_whether",
    "awaited",
    "coordinated_head",
    "governed",
    "is_generic",
    "modality_of",
    "own_predicate",
    "participle_head",
    "planned_cues",
    "planned_for",
    "prevented",
    "prevented_cues",
    "until_head",
]

#: "unclear whether the party would stay away": what follows is asked, not said
_WHETHER = re.compile(r"\bwhether\b", re.I)
_MODALITY_CUES = (
    ("conditional", re.compile(r"\b(?:if|unless|provided|in case)\b", re.I)),
    (
        "demanded",
        re.compile(r"\b(?:call(?:s|ed|ing)? (?:for|on)|urg\w*|demand\w*|ask\w*|need to)\b", re.I),
    ),
    ("threatened", re.compile(r"\b(?:threat\w*|warn\w*|vow\w*)\b", re.I)),
    ("question", _WHETHER),
)


def asks_whether(window: str) -> bool:
    """Whether the words before a trigger ask about it ("unclear whether it would boycott"):
    such a trigger is dropped from its kind, its modality a question unless an earlier cue of
    :func:`modality_of` says otherwise.

    >>> asks_whether("unclear whether the party would"), asks_whether("said it would")
    (True, False)
    """
    return _WHETHER.search(window) is not None


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
    # "anyone urging people not to vote could be prosecuted": whoever would do it
    r"|\b(?:anyone|anybody|whoever)\s+(?:who\s+)?$"
    r"|\ballow(?:s|ed|ing)?\b(?:\s+[\w’'-]+){0,4}\s+to\s*$"
    r"|\bbar(?:s|red|ring)?\b(?:\s+[\w’'-]+){0,5}\s+from\s*$"
    # what someone is charged with is alleged, not reported: "charged with organising violence"
    r"|\b(?:charged|accused|convicted|suspected|indicted|acquitted|guilty)\s+(?:of|with)\s+"
    r"(?:[\w’'-]+\s+){0,3}$"
    # ... and with who is charged between: "accused the Brotherhood of using violence"
    r"|\b(?:accus(?:ed|es|ing)|suspect(?:ed|s|ing))\s+(?:(?!of\b)[\w’'.-]+\s+){1,5}of\s+"
    r"(?:(?!and\b|but\b|then\b)[\w’'-]+\s+){0,3}$"
    # what a petition or a party alleges: "alleged widespread rigging, intimidation and violence"
    r"|\balleg(?:ed|es|ing)\s+(?:(?!that\b)[\w’'-]+,?\s+){0,5}$",
    re.I,
)


#: a document as the subject of a demand ("The amendment calls for ..."): its content
_DOCUMENT = re.compile(
    r"\b(?:amendment|law|bill|act|constitution|article|decree|charter|clause|agreement|accord|"
    r"deal|rule|draft|resolution)s?\s+(?:also\s+)?$",
    re.I,
)


def is_generic(before: str, kind: str = "") -> bool:
    """Whether the text before a trigger (in its sentence) makes it a rule's content.

    >>> is_generic("It also provides that a party which wins seats but")
    True
    >>> is_generic("On Monday the opposition")
    False
    """
    if kind in ("demand", "proposal") and _DOCUMENT.search(before[-60:]):
        return True
    return bool(_GENERIC.search(before[-160:]))


_PARTICIPLE = re.compile(r",\s+\w+ing(?:\s+[\w’'-]+){0,3}\s*$")


def participle_head(sentence: str, start: int) -> int | None:
    """Where the participle clause holding ``start`` begins (", putting an end to ..."), so
    that it can take the modality of the clause it hangs on; ``None`` outside one.

    >>> participle_head("It will join, putting an end to it.", 27)
    12
    """
    m = _PARTICIPLE.search(sentence[max(0, start - 80) : start])
    return None if m is None else max(0, start - 80) + m.start()


_AND = re.compile(r"\band\s+$")
_VERB_BEFORE = re.compile(
    r"\b(?:will|would|shall|could|might|may|can|should|must|not|to)\s+(\w+)\b"
)


def coordinated_head(sentence: str, start: int) -> int | None:
    """Where the first verb of a coordination begins when ``start`` is a second, bare verb
    ("it would end its boycott and take up its seats": ``take`` shares ``would end``); ``None``
    when the word at ``start`` is not a bare verb right after "and".

    >>> s = "It said it would end its boycott and take up its seats."
    >>> coordinated_head(s, s.index("take"))
    17
    >>> coordinated_head("It ended its boycott and took up its seats.", 25) is None
    True
    """
    from negotiation.extract.tokens import lemma_of

    if not _AND.search(sentence[max(0, start - 8) : start]):
        return None
    word = re.match(r"\w+", sentence[start:])
    if word is None or lemma_of(word.group(0)) != word.group(0).lower():
        return None  # "took", "taking", "takes": a verb of its own tense
    lo = max(0, start - 120)
    clause = sentence[lo:start]
    heads = list(_VERB_BEFORE.finditer(clause))
    if not heads or re.search(r"[,;:.]", clause[heads[-1].end() :]):
        return None
    return lo + heads[-1].start(1)


# the adverbials a writer puts between a verb and its infinitive: "voted in the early hours of
# Thursday to", "agreed on Monday night to", "decided late last week to", "refused again to"
_TIME_WORD = (
    r"(?:in|on|at|during|of|by|late|early|earlier|later|the|a|last|this|that|next|overnight|"
    r"hours?|morning|afternoon|evening|night|day|week(?:end)?|month|year|session|meeting|"
    r"(?-i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|May|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)|\d{1,2}(?:st|nd|rd|th)?,?|\d{4},?|"
    r"yesterday|today|tonight|again|also|unanimously|overwhelmingly|narrowly|formally|finally|"
    r"quickly|swiftly|initially|eventually|instead)"
)
_INFINITIVE = re.compile(rf"\b([a-z]+(?:ed|es|s))((?:\s+{_TIME_WORD}){{1,9}})(\s+to\s*)$", re.I)


def governed(clause: str) -> str:
    """``clause`` (the text before a trigger) with the adverbials between an infinitive's
    governing verb and its "to" left out, so that the verb stands among the few words before
    the trigger: "voted in the early hours of Thursday to" reads "voted to".

    >>> governed("Lawmakers voted in the early hours of Thursday to ")
    'Lawmakers voted to '
    >>> governed("The party threatened on Monday to ")
    'The party threatened to '
    >>> governed("It called on the president to ")
    'It called on the president to '
    """
    if not clause.rstrip().endswith(" to"):
        return clause
    m = _INFINITIVE.search(clause[-160:])
    if m is None:
        return clause
    cut = len(clause) - len(clause[-160:])
    return clause[: cut + m.end(1)] + m.group(3)


_IRREGULAR_PLURALS = frozenset({"men", "women", "children", "media", "data", "criteria"})


def own_predicate(sentence: str, start: int) -> bool:
    """Whether ``start`` opens a second predicate of its own tense after "and" ("flew to the
    capital on Monday and opened talks", "said the vote was neither free nor fair and condemned
    the arrests"): the negation and modality before "and" belong to the first verb. A bare verb
    ("would end its boycott and take up its seats") shares them (:func:`coordinated_head`).

    >>> s = "He flew to the capital and opened talks."
    >>> own_predicate(s, s.index("opened")), own_predicate(s, s.index("capital"))
    (True, False)
    >>> s = "It would not end its boycott and take up its seats."
    >>> own_predicate(s, s.index("take"))
    False
    """
    from negotiation.extract.tokens import lemma_of

    if not _AND.search(sentence[max(0, start - 8) : start]):
        return False
    word = re.match(r"[a-z]+", sentence[start:])
    if word is None:
        return False
    form = word.group(0)
    return (
        lemma_of(form) != form
        and not form.endswith(("s", "ing"))
        and form not in _IRREGULAR_PLURALS
    )


_UNTIL = re.compile(r"\b(?:until|till|unless and until)\s+[^,;:.]*$", re.I)


def until_head(sentence: str, start: int) -> int | None:
    """Where "until" opens the clause holding ``start``, so that it can take the modality of
    the clause before it ("would not resume until both sides had agreed": not yet agreed);
    ``None`` outside one.

    >>> s = "He would stay until a successor was sworn in."
    >>> until_head(s, s.index("was sworn")) == s.index("until")
    True
    >>> until_head("He stayed, and then they left.", 20) is None
    True
    """
    lo = max(0, start - 120)
    m = _UNTIL.search(sentence, lo, start)
    return None if m is None else m.start()


# "until a new one is sworn in", "until the sides have agreed": the present tense of the wait
_AWAITED = re.compile(r"\b(?:is|are|has|have)\b(?:\s+[\w’'-]+){1,4}\s*$", re.I)


def awaited(sentence: str, wait: int, end: int) -> bool:
    """Whether what the "until" clause from ``wait`` to ``end`` waits for is in the present
    tense, so still to come whatever the clause around it says ("Until a new president is
    sworn in, the country has no head of state"); "until a successor was sworn in" is not.

    >>> s = "Until a new president is sworn in, the country has no head of state."
    >>> awaited(s, 0, s.index(",")), awaited("until a successor was sworn in", 0, 30)
    (True, False)
    """
    return _AWAITED.search(sentence, wait, end) is not None


# "police stopped a rerun of the vote on Saturday", "postponed the presidential election on
# 5 May": a nominal trigger that is the object of a verb preventing it names no event held.
# "proposed holding the election on June 2", "a roadmap: a referendum on July 25 and elections
# on Dec. 17", "called for a new vote in March": a nominal trigger put forward, not yet held.
# The verbs and the words between are the lexicon's (``prevented``, ``planned`` and their
# ``_between`` lists); here, how they stand before the trigger.
_PREVENTED_WORDS, _PREVENTED_REACH = 6, 80  # words of the list between at most; characters
_PLANNED_WORDS, _PLANNED_REACH = 8, 100


def prevented_cues(cues: Sequence[str], between: Sequence[str]) -> re.Pattern[str]:
    """What :func:`prevented` looks for: one of ``cues``, then up to six words each matching
    one of ``between``, up to the trigger (regular expressions, their macros expanded).

    >>> p = prevented_cues(["postpon(?:ed|ing|es?)"], ["the", "presidential"])
    >>> s = "It postponed the presidential election."
    >>> prevented(s, s.index("election"), p), prevented(s, s.index("election"), re.compile("x"))
    (True, False)
    """
    return _ending(cues, "", between, _PREVENTED_WORDS)


def planned_cues(cues: Sequence[str], between: Sequence[str]) -> re.Pattern[str]:
    """What :func:`planned_for` looks for: one of ``cues`` (a colon or a comma may follow it),
    then up to eight words each matching one of ``between``, up to the trigger."""
    return _ending(cues, "[:,]?", between, _PLANNED_WORDS)


def _ending(cues: Sequence[str], after: str, between: Sequence[str], most: int) -> re.Pattern[str]:
    if not cues:
        return re.compile(r"(?!x)x")
    verb = "|".join(f"(?:{c})" for c in cues)
    word = "|".join(f"(?:{w})" for w in between) or r"(?!x)x"
    return re.compile(rf"\b(?:{verb}){after}\s+(?:(?:{word})\s+){{0,{most}}}$", re.I)


def prevented(sentence: str, start: int, cues: re.Pattern[str] | None = None) -> bool:
    """Whether the words before ``start`` stop, cancel or put off what starts there (``cues``:
    the lexicon's :attr:`~negotiation.extract.lexicon.Lexicon.prevented`, by default the
    built-in one's).

    >>> s = "Police stopped a rerun of the vote on Saturday."
    >>> prevented(s, s.index("rerun")), prevented("They held the rerun.", 14)
    (True, False)
    """
    if cues is None:
        cues = _builtin().prevented
    return bool(cues.search(sentence[max(0, start - _PREVENTED_REACH) : start]))


def planned_for(sentence: str, start: int, cues: re.Pattern[str] | None = None) -> bool:
    """Whether the words before ``start`` put forward what starts there (a proposal, a plan;
    ``cues``: the lexicon's :attr:`~negotiation.extract.lexicon.Lexicon.planned`, by default
    the built-in one's).

    >>> s = "A dialogue proposed holding the election on June 2."
    >>> planned_for(s, s.index("election")), planned_for("They held the election.", 13)
    (True, False)
    """
    if cues is None:
        cues = _builtin().planned
    return bool(cues.search(sentence[max(0, start - _PLANNED_REACH) : start]))


def _builtin() -> Lexicon:
    from negotiation.extract.lexicon import load_lexicon

    return load_lexicon()
