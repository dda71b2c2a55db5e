"""A draft gazetteer for a dispute nobody has written one for: the names the articles use.

Extraction needs actors to say who did what: "Lasso said" is a statement of someone only if
"Lasso" is somebody. For a dispute without an ``actors.yaml``, :func:`draft_actors` drafts one
from the articles themselves: every capitalised name the gazetteer in use does not know becomes
an actor (a person is then also found by a family name of their own, as with any gazetteer),
an acronym in brackets after a name is that name's alias, and each actor's type is guessed from its words
("Party", "Movement" a party; "Court", "Commission" an institution; a person's name a person;
international bodies outside the dispute). Extraction with the draft then gives roles, speakers
and pronouns as with a curated gazetteer. Every entry is a guess for a person to review:

>>> import datetime as dt
>>> from negotiation.extract.articles import TextArticle
>>> text = ("Ecuador's President Guillermo Lasso dissolved the National Assembly on Wednesday. "
...         "The Citizen Revolution Movement (RC) of Rafael Correa said it was ready. Lasso said "
...         "the decree was legal. The Organization of American States called for calm.")
>>> art = TextArticle("a", dt.date(2023, 5, 17), text)
>>> [(a.id, a.type.value, a.aliases) for a in draft_actors([art])]  # doctest: +NORMALIZE_WHITESPACE
[('guillermo-lasso', 'person', ()), ('national-assembly', 'institution', ()),
 ('citizen-revolution-movement', 'party', ('RC',)), ('rafael-correa', 'person', ()),
 ('organization-of-american-states', 'foreign_government', ())]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from negotiation.events.actors import Actor, ActorType, Gazetteer
from negotiation.extract.actors import (
    INSTITUTION_WORDS,
    PARTY_WORDS,
    ActorMatcher,
    candidate_slug,
    family_names,
)
from negotiation.extract.articles import ArticleLike
from negotiation.extract.clauses import dateline_end

__all__ = ["draft_actors", "drafted_gazetteer"]

_STATE = {"united", "states", "kingdom", "republic", "federation", "emirates"}
# bodies that are never a side of a country's dispute: outsiders appeal, sides demand
_INTERNATIONAL = re.compile(
    r"\b(?:United Nations|European (?:Union|Commission|Parliament)|African Union|Commonwealth"
    r"|Organi[sz]ation of American States|Inter-American|Economic Community of"
    r"|Southern African Development|East African Community|Arab League|ASEAN|NATO"
    r"|International Criminal Court|Security Council|World Bank|IMF)\b"
)
_NGO = re.compile(
    r"\b(?:Amnesty International|Human Rights Watch|International Crisis Group|Carter Center"
    r"|Transparency International|Red Cross|Reporters Without Borders)\b"
)
# what follows a name: a common noun that says what it is ("the Popular Force party"), and an
# acronym in brackets ("(FP)")
_AFTER = re.compile(r"(?:\s+([a-z]+))?(?:\s*\(\s*([A-Z][A-Za-z]{1,7})\s*\))?")


# a party's or a body's own last word, capitalised, that the candidate names leave off (they
# treat "Party" as a title): "the Spanish Socialist Workers' Party", "the Pheu Thai Party"
_KIND_WORD = r"(?:Party|Movement|Front|Alliance|Coalition|Union|League|Rally|Forum|Bloc|Platform)"
_ENDS_WITH_KIND = re.compile(rf"['’]?\s+{_KIND_WORD}\b")
# the name before a bracketed acronym, a possessive inside it: "The People's Party (PP)"
_NAME_BEFORE = re.compile(rf"((?:[A-Z][\w-]*(?:['’]s?)?\s+){{0,5}}{_KIND_WORD})\s*\(\s*$")


def _whole_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Candidate names made whole for a draft: the kind word a name ends with ("Spanish
    Socialist Workers" + "' Party"), and for an acronym in brackets with no name drafted right
    before it, the party or body it abbreviates ("The People's Party (PP)": "People's Party",
    whose alias "PP" then is)."""
    out: list[tuple[int, int, str]] = []
    ends = {end for _, end, _ in spans}
    for start, end, name in spans:
        kind = _ENDS_WITH_KIND.match(text, end)
        if kind is not None and not name.isupper():
            end = kind.end()
            name = text[start:end]
        elif name.isupper() and text[:start].rstrip().endswith("("):
            before = _NAME_BEFORE.search(text[:start])
            if before is not None and not any(abs(before.end(1) - e) <= 2 for e in ends):
                start = before.start(1)
                if text.startswith(("The ", "the "), start):
                    start += 4
                end = before.end(1)
                name = text[start:end]
        out.append((start, end, name))
    return out


def _type(name: str, person: bool) -> ActorType:
    if _NGO.search(name):
        return ActorType.ngo
    if _INTERNATIONAL.search(name):
        return ActorType.foreign_government
    words = {w.lower().strip(".,") for w in name.split()}
    if words & _STATE:
        return ActorType.group  # a country: a side, or an outsider, the draft cannot tell
    if words & PARTY_WORDS:
        return ActorType.party
    if words & INSTITUTION_WORDS:
        return ActorType.institution
    return ActorType.person if person else ActorType.group


def draft_actors(articles: Iterable[ArticleLike], known: Gazetteer | None = None) -> list[Actor]:
    """Actors for the names in ``articles`` that ``known`` (default: none) does not hold, in
    the order the articles first name them; ids are slugs of the names, made unique."""
    matcher = ActorMatcher(known)
    names: dict[str, list[str]] = {}  # full name -> aliases
    people: dict[str, str] = {}  # family name -> full name
    persons: set[str] = set()
    nouns: dict[str, str] = {}  # name -> the common noun first written after it
    for article in articles:
        for sentence in article.sentences():
            text = sentence.text[dateline_end(sentence.text) :]  # "LIMA, Dec 7 (AP) -": no actors
            found = matcher.find(text)
            spans = _whole_names(text, matcher.candidate_spans(text, found, people))
            for _, end, name in spans:
                aliases = names.setdefault(name, [])
                after = _AFTER.match(text, end)
                noun, acronym = (after.group(1), after.group(2)) if after else (None, None)
                if noun and noun in PARTY_WORDS | INSTITUTION_WORDS:
                    nouns.setdefault(name, noun)
                if acronym and acronym not in aliases and acronym != name:
                    aliases.append(acronym)
            own = family_names([n for _, _, n in spans])
            people.update(own)
            persons.update(own.values())
    aliased = {a for aliases in names.values() for a in aliases}
    out: list[Actor] = []
    ids = {a.id for a in known} if known is not None else set()
    for name, aliases in names.items():
        if name in aliased:
            continue  # "RC" alone names the movement it was the bracketed acronym of
        base = candidate_slug(name)
        slug, n = base, 2
        while slug in ids:
            slug, n = f"{base}-{n}", n + 1
        ids.add(slug)
        out.append(
            Actor(
                id=slug,
                name=name,
                type=_type(f"{name} {nouns.get(name, '')}", name in persons),
                aliases=tuple(aliases),
            )
        )
    return out


def drafted_gazetteer(articles: Iterable[ArticleLike], known: Gazetteer | None = None) -> Gazetteer:
    """``known``'s actors (default: none) and those :func:`draft_actors` drafts."""
    base = list(known) if known is not None else []
    return Gazetteer([*base, *draft_actors(articles, known)])
