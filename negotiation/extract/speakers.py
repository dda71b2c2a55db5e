"""Who speaks in reported speech: "X said", "..., said X", "according to X", and pronouns
("he said") resolved to the nearest compatible subject of the sentences before.

>>> from negotiation.events.actors import Actor, Gazetteer
>>> from negotiation.extract.actors import ActorMatcher
>>> g = Gazetteer([Actor(id="hun-sen", name="Hun Sen", type="person", party="cpp"),
...                Actor(id="cpp", name="CPP", type="party")])
>>> m = ActorMatcher(g)
>>> text = "The talks will go on, Hun Sen said."
>>> find_speaker(text, m.find(text), [], g)
'hun-sen'
>>> find_speaker("The talks will go on, he said.", [], ["cpp", "hun-sen"], g)
'hun-sen'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from negotiation.events.actors import Gazetteer
from negotiation.extract.actors import MatchedActor
from negotiation.extract.clauses import SPEECH_VERB as _VERB
from negotiation.extract.clauses import asides

__all__ = ["SPEECH_KINDS", "find_speaker", "pronoun_person"]

#: kinds whose actor is whoever speaks (the rest are done by their grammatical subject)
SPEECH_KINDS = frozenset(
    {
        "statement", "accusation", "demand", "appeal", "proposal", "proposal_rejected",
        "results_rejected", "results_claimed", "boycott_threatened", "strike_threatened",
    }
)  # fmt: skip

# "X said", "X's spokesman said", "X's office said": X speaks
_BEFORE = re.compile(
    r"^\s*(?:['’]s?\s+(?:[\w-]+\s+){0,2}?(?:spokes(?:man|woman|person)|office|lawyers?|aides?"
    r"|campaign|representatives?|press service)\s+)?(?:,\s*)?(?:also |later |again |on \w+ )?"
    + _VERB
    + r"\b",
    re.I,
)
# "..., said Hun Sen" (the verb after a comma or a closing quote: not "critics said the CNRP
# would", where the name is what is said)
_AFTER = re.compile(r"[,”\"’']\s*" + _VERB + r"\s*$", re.I)
# "according to X", "results from the electoral commission showed": who gives results or
# figures speaks
_SOURCE = re.compile(
    r"(?:according to(?:\s+the)?"
    r"|\b(?:results?|figures|counts?|tall(?:y|ies)) (?:released |published )?(?:from|by)(?:\s+the)?)\s*$",
    re.I,
)
_APPOSITION = re.compile(r",\s+(?:the|a|an|his|her|its|their)\s[^,;()\"“”]{1,80},")
# what follows a speaker named after the verb: the sentence's end, a title, a time, a place
_INVERTED_END = re.compile(
    r"\s*(?:[,.;:!?\"”)]|$|(?:on|in|at|after|before|late|earlier|later|told|who|when|adding)\b)"
)
_PRONOUN = re.compile(r"\b(he|she|they|it)\s+(?:also\s+|later\s+)?" + _VERB + r"\b", re.I)


def _fits(actor: str, pronoun: str, gazetteer: Gazetteer) -> bool:
    if actor not in gazetteer:
        return pronoun in ("he", "she")  # an unknown capitalised name is most often a person
    person = gazetteer[actor].type.value == "person"
    return person if pronoun in ("he", "she") else not person


def find_speaker(
    text: str,
    actors: Sequence[MatchedActor],
    previous_subjects: Sequence[str],
    gazetteer: Gazetteer,
) -> str | None:
    """The actor id of whoever speaks in ``text``, or ``None``.

    ``previous_subjects`` are the subjects of the sentences before, nearest last.
    """
    aside = asides(text)
    for a in actors:
        # "Lukashenko, who flew in by helicopter, told the workers", "Mesa, the runner-up in
        # the vote, said": past the aside or the apposition
        end = next((e for s, e in aside if s == a.end), a.end)
        apposition = _APPOSITION.match(text, end)
        if apposition is not None:
            end = apposition.end()
        if _BEFORE.match(text[end : end + 48]):
            return a.actor
    for a in actors:
        # "..., said Hun Sen." (not "X said Morales should not run": what is said)
        before = text[max(0, a.start - 20) : a.start]
        if _SOURCE.search(before) or (
            _AFTER.search(before) and _INVERTED_END.match(text, a.end) is not None
        ):
            return a.actor
    m = _PRONOUN.search(text)
    if m is not None:
        pronoun = m.group(1).lower()
        for actor in reversed(previous_subjects):
            if _fits(actor, pronoun, gazetteer):
                return actor
    return None


_LEADING = re.compile(r"(?:But |And |However, )?(He|She)\b")
_SPEAKING = re.compile(r"\b(he|she) (?:also |later )?(?:said|says|told|added)\b", re.I)


def pronoun_person(
    text: str, names: list[tuple[int, int, str]], person: str
) -> list[tuple[int, int, str]]:
    """``names`` (``(start, end, name)``) with ``person`` at the "He"/"She" that opens ``text``
    or speaks in it ("..., he said"), when no name comes before it: for a sentence that names
    nobody the gazetteer knows, the person the article last named that it does not know.

    >>> pronoun_person('"We will win," he told reporters.', [], "Mariano Rajoy")
    [(15, 17, 'Mariano Rajoy')]
    """
    at = _LEADING.match(text) or _SPEAKING.search(text)
    if at is None or any(s < at.start(1) for s, _, _ in names):
        return names
    return sorted([*names, (at.start(1), at.end(1), person)])


_JOINED = re.compile(r"^(?:,\s*|\s*,?\s+and\s+)(?:the\s+)?$", re.I)


def co_speakers(text: str, actors: Sequence[MatchedActor], speaker: str) -> list[str]:
    """The actors named with the speaker before the verb ("The armed forces and the police
    said": both speak), nearest last; empty when the speaker is named alone."""
    named = [a for a in actors if a.actor == speaker]
    if not named:
        return []
    out: list[str] = []
    nxt = named[0]
    for a in reversed([a for a in actors if a.end <= nxt.start]):
        if not _JOINED.match(text[a.end : nxt.start]):
            break
        out.insert(0, a.actor)
        nxt = a
    return [a for a in out if a != speaker]
