"""Who a sentence names: gazetteer actors (every alias) and capitalised names it does not know.

>>> from negotiation.events.actors import Actor, Gazetteer
>>> g = Gazetteer([Actor(id="cpp", name="Cambodian People's Party", type="party",
...                      aliases=["CPP"])])
>>> m = ActorMatcher(g)
>>> [(s.actor, s.text) for s in m.find("The Cambodian People’s Party (CPP) said so.")]
[('cpp', 'Cambodian People’s Party'), ('cpp', 'CPP')]
>>> m.candidates("Raila Odinga of the Orange Democratic Movement rejected it.")
['Raila Odinga', 'Orange Democratic Movement']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from negotiation.events.actors import Gazetteer

__all__ = [
    "INSTITUTION_WORDS",
    "PARTY_WORDS",
    "ActorMatcher",
    "MatchedActor",
    "candidate_slug",
    "family_names",
    "fold_accents",
]

_TITLES = {
    "president", "vice", "prime", "minister", "deputy", "opposition", "leader", "chief", "head",
    "secretary", "general", "state", "spokesman", "spokeswoman", "spokesperson", "mr", "mrs",
    "ms", "dr", "sir", "senator", "lawmaker", "ambassador", "foreign", "interior", "defence",
    "defense", "chairman", "chairwoman", "chair", "commander", "gen", "lt", "col", "former",
    "acting", "interim", "incumbent", "candidate", "king", "queen", "his", "her", "majesty",
    "excellency", "party", "presidential", "justice", "finance", "information", "mp", "premier",
}  # fmt: skip
_STOP = {
    "the", "a", "an", "but", "and", "or", "meanwhile", "however", "in", "on", "at", "of", "for",
    "to", "by", "with", "after", "before", "during", "since", "as", "it", "its", "he", "she",
    "they", "we", "i", "this", "that", "these", "those", "there", "his", "her", "their", "our",
    "both", "earlier", "later", "despite", "according", "while", "when", "if", "speaking",
    "reported", "written", "translated", "photo", "credit", "email", "print", "comment",
    "comments", "view", "more", "breaking", "news", "accessibility", "links", "anonymous",
    "reader", "thank", "first", "god", "wake", "shame", "keep", "don't", "no", "stances",
    "claiming", "opposition", "ruling", "cambodian", "said", "says", "what", "who", "all",
    "some", "many", "several", "one", "two", "three", "new", "old", "other", "another", "each",
    "yes", "so", "then", "now", "today", "yesterday", "tomorrow", "tonight", "last", "next",
    "unlike", "although", "though", "because", "once", "until", "under", "over", "from",
}  # fmt: skip
_DATES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}  # fmt: skip
_LOCATIVE = {"in", "at", "near", "from", "to", "outside", "inside", "across", "around", "into",
             "toward", "towards", "through", "throughout", "visiting", "visited", "capital"}  # fmt: skip
_CONNECTORS = {"of", "for", "the", "and", "de", "du", "des", "del", "la", "le", "da", "do",
               "dos", "van", "von", "y", "bin", "al", "el"}  # fmt: skip
# the words a name does not end with, does not start with, is not made of only (once, not
# for every run of capitalised words)
_NOT_LAST = frozenset(_CONNECTORS | _TITLES)
_NOT_FIRST = frozenset(_STOP | _TITLES | _CONNECTORS)
_DATES_OR_STOP = frozenset(_DATES | _STOP)
_TOKEN = re.compile(r"[^\W\d_][\w’'\-.]*", re.UNICODE)


@dataclass(frozen=True)
class MatchedActor:
    start: int
    end: int
    actor: str
    text: str


class _BaseLetters(dict[int, int]):
    """``str.translate`` table: a letter with diacritics to its base letter, one for one."""

    def __missing__(self, code: int) -> int:
        parts = unicodedata.normalize("NFD", chr(code))
        base = (
            ord(parts[0]) if len(parts) > 1 and all(map(unicodedata.combining, parts[1:])) else code
        )
        self[code] = base
        return base


_BASE_LETTERS = _BaseLetters()


def fold_accents(text: str) -> str:
    """``text`` with each accented letter as its base letter (same length: offsets hold), so that
    "Arévalo" in a text is the gazetteer's "Arevalo" and the reverse.

    >>> fold_accents("Tshisékédi and Áñez")
    'Tshisekedi and Anez'
    """
    return text if text.isascii() else text.translate(_BASE_LETTERS)


def _form_pattern(form: str) -> str:
    parts = [re.escape(p) for p in form.replace("’", "'").split()]
    body = r"\s+".join(parts)
    return body.replace("'", "['’]").replace(r"\-", r"[-‐]")


def candidate_slug(name: str) -> str:
    """A slug usable as an actor id for a name the gazetteer does not know."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "unknown"


_SPACE = (" ", "\u00a0")


class ActorMatcher:
    """Finds gazetteer actors (by any alias) and candidate actors in sentences."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer([])
        forms = list(self.gazetteer.surface_forms())
        surnames = self._surnames(forms)
        forms.extend(surnames)
        self._surname_keys = {fold_accents(n).casefold() for n, _ in surnames}
        self._ids: dict[str, str] = {}
        sensitive: list[str] = []
        insensitive: list[str] = []

        def order(form: tuple[str, str]) -> tuple[int, str, bool, str]:
            # a form two actors share goes to the one it is the name of, then by id: the same
            # actor on every run
            name, actor = form
            own = actor in self.gazetteer and self.gazetteer[actor].name == name
            return -len(name), name, not own, actor

        for name, actor in sorted(forms, key=order):
            name = fold_accents(name.strip())
            if not name:
                continue
            key = re.sub(r"\s+", " ", name.replace("’", "'")).casefold()
            if key in self._ids:
                continue
            self._ids[key] = actor
            # short or all-capital forms (acronyms) are matched as written
            if len(name) <= 4 or name.isupper():
                sensitive.append(_form_pattern(name))
            else:
                insensitive.append(_form_pattern(name))
        bound = r"(?<![\w’'-])(?:{})(?![\w-]|['’][a-rt-z])"
        self._sensitive = re.compile(bound.format("|".join(sensitive))) if sensitive else None
        self._insensitive = (
            re.compile(bound.format("|".join(insensitive)), re.I) if insensitive else None
        )

    def _surnames(self, forms: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Persons are often named by one part of their name ("Rainsy said"): add unique parts."""
        out: list[tuple[str, str]] = []
        persons = [a for a in self.gazetteer if a.type.value == "person"]
        counts: Counter[str] = Counter()
        owner: dict[str, set[str]] = {}
        for a in persons:
            for n in a.names():
                words = n.split()
                if len(words) < 2:
                    continue
                for w in (words[-1],):
                    counts[w] += 1
                    owner.setdefault(w, set()).add(a.id)
        known = {n.casefold() for n, _ in forms}
        for w, ids in owner.items():
            if len(ids) == 1 and len(w) >= 4 and w[0].isupper() and w.casefold() not in known:
                if w.lower() in _STOP or w.lower() in _TITLES or w.lower() in _DATES:
                    continue
                out.append((w, next(iter(ids))))
        return out

    def find(self, sentence: str) -> list[MatchedActor]:
        """Gazetteer actors named in ``sentence``, in order (longest match wins on overlap)."""
        found: list[MatchedActor] = []
        folded = fold_accents(sentence)
        for rx in (self._insensitive, self._sensitive):
            if rx is None:
                continue
            for m in rx.finditer(folded):
                if any(m.start() < f.end and f.start < m.end() for f in found):
                    continue
                key = re.sub(r"\s+", " ", m.group(0).replace("’", "'")).casefold()
                if key in self._surname_keys and self._other_person(sentence, m.start()):
                    continue  # "Thaksin Shinawatra" is not the Yingluck Shinawatra of the gazetteer
                actor = self._ids.get(key) or self.gazetteer.resolve(m.group(0))
                if actor is not None:
                    found.append(
                        MatchedActor(m.start(), m.end(), actor, sentence[m.start() : m.end()])
                    )
        return sorted(found, key=lambda f: f.start)

    @staticmethod
    def _other_person(sentence: str, start: int) -> bool:
        """A family name right after another given name names someone else."""
        before = re.search(r"([A-Z][\w’'-]+)\s+$", sentence[max(0, start - 40) : start])
        if before is None:
            return False
        word = before.group(1).casefold()
        return word not in _TITLES and word not in _STOP and word not in _DATES

    def fits(self, text: str) -> bool:
        """Whether ``text`` names an actor of the gazetteer by a name of its own (a person, or
        an acronym), not only by words any dispute has ("the opposition", "the government")."""
        for a in self.find(text[:20000]):
            if a.text.isupper() and len(a.text) >= 2:
                return True
            if a.actor in self.gazetteer and self.gazetteer[a.actor].type.value == "person":
                return True
        return False

    def candidates(
        self,
        sentence: str,
        known: list[MatchedActor] | None = None,
        people: dict[str, str] | None = None,
    ) -> list[str]:
        """Capitalised names in ``sentence`` that are not in the gazetteer (possible actors)."""
        return [name for _, _, name in self.candidate_spans(sentence, known, people)]

    def candidate_spans(
        self,
        sentence: str,
        known: list[MatchedActor] | None = None,
        people: dict[str, str] | None = None,
    ) -> list[tuple[int, int, str]]:
        """Unknown capitalised names in ``sentence`` as ``(start, end, text)``, first of each.

        ``people`` maps family names to the full names an article gave before (see
        :func:`family_names`): "Lasso said" then names the "Guillermo Lasso" named earlier.
        """
        known = self.find(sentence) if known is None else known
        tokens = list(_TOKEN.finditer(sentence[:20000]))
        groups = _capitalised_runs(sentence, tokens)
        split = _split_at_of_the(_split_at_dates(groups))
        out: list[tuple[int, int, str]] = []
        seen: set[str] = set()
        for group in split:
            span = _candidate_span(sentence, group, known)
            if span is None and people and len(group) == 1:
                span = _family_name(group[0], people, known)
            if span is None:
                continue
            if span[2] in seen:
                continue
            seen.add(span[2])
            out.append(span)
        return out


_Run = list[re.Match[str]]


def _capitalised_runs(sentence: str, tokens: list[re.Match[str]]) -> list[_Run]:
    """Runs of capitalised tokens (with connectors) joined by single spaces."""
    groups: list[_Run] = []
    current: _Run = []
    for tok in tokens:
        word = tok.group(0).rstrip(".")
        if current and current[-1].group(0).endswith(("'s", "’s")):
            groups.append(current)  # "Odinga's Orange Democratic Movement": two names
            current = []
        gap_ok = bool(current) and sentence[current[-1].end() : tok.start()] in _SPACE
        capital = word[:1].isupper()
        if capital and (not current or gap_ok):
            current.append(tok)
        elif capital:
            groups.append(current)
            current = [tok]
        elif word.lower() in _CONNECTORS and current and gap_ok:
            current.append(tok)
        else:
            if current:
                groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _split_at_dates(groups: list[_Run]) -> list[_Run]:
    """Each run cut at its month and weekday names, which are dropped."""
    undated: list[_Run] = []
    for group in groups:
        part: _Run = []
        for tok in group:
            if tok.group(0).lower().rstrip(".’'s") in _DATES:
                undated.append(part)
                part = []
            else:
                part.append(tok)
        undated.append(part)
    return undated


def _split_at_of_the(undated: list[_Run]) -> list[_Run]:
    """Each run cut at "of the" (two names) and after an "X-based" qualifier."""
    split: list[_Run] = []
    for group in undated:
        cut = 0
        for i in range(1, len(group) - 1):
            w0, w1 = group[i].group(0).lower(), group[i + 1].group(0).lower()
            if w0 == "of" and w1 == "the" and i - cut >= 2:
                split.append(group[cut:i])
                cut = i + 2
        for i, tok in enumerate(group):
            if tok.group(0).lower().endswith("-based") and i >= cut:
                cut = i + 1
        split.append(group[cut:])
    return split


def _candidate_span(
    sentence: str, group: _Run, known: list[MatchedActor]
) -> tuple[int, int, str] | None:
    """The name a run spells once trimmed, or None if it is no candidate actor."""
    while group and (
        group[-1].group(0).lower() in _NOT_LAST or not group[-1].group(0)[:1].isupper()
    ):
        group = group[:-1]
    while group and (group[0].group(0).rstrip(".").lower() in _NOT_FIRST):
        group = group[1:]
    for i, tok in enumerate(group[:-2]):
        if tok.group(0).lower() in _PERSON_TITLES and _names_a_person(
            [t.group(0).rstrip(".") for t in group[i + 1 :]]
        ):
            group = group[i + 1 :]  # "Ecuadorean President Guillermo Lasso": the person
            break
    if not group:
        return None
    start, end = group[0].start(), group[-1].end()
    text = sentence[start:end].rstrip(".’'")
    end = start + len(text)
    text = re.sub(r"['’]s$", "", text)
    end = start + len(text)
    words = text.split()
    if not words or all(w.lower().rstrip(".") in _DATES_OR_STOP for w in words):
        return None
    if any(w.lower().rstrip(".") in _DATES for w in words):
        return None  # "Monday" etc. never start or end a name; inside, the group was split
    acronym = len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", words[0]) is not None
    if len(words) < 2 and not acronym:
        return None
    if any(start < k.end and k.start < end for k in known):
        return None
    prev = sentence[max(0, start - 20) : start].lower().split()
    if prev and (
        prev[-1] in _LOCATIVE or (prev[-1] == "the" and len(prev) > 1 and prev[-2] in _LOCATIVE)
    ):
        return None
    return start, end, text


_PERSON_TITLES = {
    "president", "minister", "premier", "leader", "spokesman", "spokeswoman", "speaker",
    "chairman", "chairwoman", "secretary", "senator", "general", "commander", "ambassador",
}  # fmt: skip
#: words that make a name a party's ("the Popular Force", "Citizen Revolution Movement")
PARTY_WORDS = frozenset({
    "party", "parties", "movement", "front", "alliance", "coalition", "union", "league", "rally",
    "forum", "bloc", "platform", "convention",
})  # fmt: skip
#: words that make a name an institution's ("Constitutional Court", "Electoral Commission")
INSTITUTION_WORDS = frozenset({
    "court", "commission", "council", "assembly", "parliament", "senate", "congress",
    "ministry", "police", "army", "military", "government", "office", "tribunal", "committee",
    "bank", "cabinet", "presidency", "guard", "forces", "house", "chamber", "legislature",
    "prosecutor", "prosecutors", "authority", "electoral", "election", "board", "agency",
})  # fmt: skip
# no word of a person's name
_GROUP_WORDS = PARTY_WORDS | INSTITUTION_WORDS | {
    "national", "democratic", "republic", "university", "association", "federation", "group",
}  # fmt: skip
_NOT_IN_A_NAME = frozenset(_GROUP_WORDS | _TITLES | _CONNECTORS)


#: the particles inside a person's name ("Salvador del Solar", "Gonzalo Ortiz de Zevallos")
_NAME_PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "van", "von", "la"}
)


def _names_a_person(words: list[str]) -> bool:
    """Two or three capitalised words that read as a person's name, not an organisation's;
    particles between them ("del", "de", "van") do not count."""
    inner = words[1:-1]
    core = [words[0], *(w for w in inner if w not in _NAME_PARTICLES), *words[-1:]]
    if len(words) < 2 or len(core) > 3:
        return False
    return all(w[:1].isupper() and w.lower() not in _NOT_IN_A_NAME for w in core)


def family_names(names: list[str]) -> dict[str, str]:
    """Family name -> full name, for the names of people among ``names`` ("Guillermo Lasso")."""
    out: dict[str, str] = {}
    for name in names:
        words = name.split()
        if _names_a_person(words):
            last = words[-1]
            if len(last) >= 3 and last.lower() not in _DATES_OR_STOP:
                out[last] = name
    return out


def _family_name(
    tok: re.Match[str], people: dict[str, str], known: list[MatchedActor]
) -> tuple[int, int, str] | None:
    """A lone capitalised word naming a person the article named in full before."""
    word = re.sub(r"['’]s$", "", tok.group(0).rstrip(".’'"))
    full = people.get(word)
    if full is None or any(tok.start() < k.end and k.start < tok.end() for k in known):
        return None
    return tok.start(), tok.start() + len(word), full
