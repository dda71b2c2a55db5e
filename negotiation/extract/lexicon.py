"""The trigger lexicon: per event kind, the patterns that report it, loaded from a data file.

The built-in lexicon is ``negotiation/data/lexicon.yaml`` (shipped inside the package; nothing is
downloaded). A user lexicon in the same format can be passed to :func:`load_lexicon`::

    >>> lex = load_lexicon()
    >>> [t.kind for t in lex.triggers("The opposition threatened to boycott parliament.")]
    ['boycott_threatened']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotiation._internal import files
from negotiation._internal.paths import data_dir
from negotiation._internal.yamldoc import Document, load
from negotiation.errors import InputError
from negotiation.events.vocabulary import Vocabulary, builtin_vocabulary
from negotiation.extract.lexicon_fields import (
    FACT_FIELDS,
    Outcome,
    check_kind_fields,
    election_anchor,
    fact_names,
    flag,
    pattern_entries,
    priority_and_confidence,
    sides_role,
    string_list,
    suppressed_kinds,
    third_party_kind,
    vocab_kind,
    vocab_outcome,
)
from negotiation.extract.matching import PatternIndex, Spans
from negotiation.extract.modality import (
    asks_whether,
    coordinated_head,
    governed,
    is_generic,
    modality_of,
    own_predicate,
    participle_head,
    planned_for,
    prevented,
    until_head,
)
from negotiation.extract.overlaps import is_inside, is_reason, overlap, plans, said_too, same_clause
from negotiation.extract.patterns import alternation, compile_pattern, is_phrase
from negotiation.extract.rules import KindRule, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["FACT_FIELDS", "KindRule", "Lexicon", "Trigger", "lexicon_for_pack", "load_lexicon"]

_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]—–]|\s-\s|\b(?:but|while|whereas|although|though|after|as|because|which|who)\b",
    re.I,
)
# "urging him to resign, which he refused to do": the answer to what is asked, not asked;
# "demanding the resignation of its chairwoman, whom they accuse of bias": who the person is
_ANSWER = re.compile(r"(?:which|who|whom)\b", re.I)
_WINDOW_WORDS = 6
_VOTED_TO = re.compile(r"\bvot(?:ed|es|ing)\s+to$", re.I)
# "more protests were possible", "talks are expected": the words after a trigger make it one
_MODAL_AFTER = re.compile(
    r"\w*\s+(?:were|are|is|was|would be|could be|will be|remain|remained)\s+(?:still\s+)?"
    r"(?:possible|likely|unlikely|expected|planned|due|scheduled|set to)\b",
    re.I,
)
# "X was sworn in on Monday, and his rival Y took the oath": a second act of the same kind
_AND_ANOTHER = re.compile(r",\s+(?:and|while)\s+(?:his|her|their|its|the)\b")
_CLAUSE_SHIFT = re.compile(
    r"\b(?:while|whereas|but|although|though)\b|;"
    # "offered a referendum, a proposal his rival rejected": an appositive saying what came of it
    r"|,\s+(?:a|an|the)\s+$"
    # "said it was ready to recount ballots, a day after thousands marched": another event's time
    r"|,\s+(?:(?:a|one|two|three|several|some)\s+(?:days?|weeks?|hours?)\s+|hours\s+|days\s+)?"
    r"(?:after|before|since)\b"
    # "the court endorsed the transfer, and Rajoelina, 34, was sworn in": a clause of its own
    r"|,\s+and\s+(?:then\s+)?(?:(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)*|he|she|they)"
    r"(?:,[^,;]{1,40},)?\s+(?:(?:was|were|had|has|have|is|are)\s+)?$",
    re.I,
)


@dataclass
class Lexicon:
    """Compiled rules for every kind, and the global negation and modality cues."""

    rules: dict[str, KindRule]
    negators: re.Pattern[str]
    modals: re.Pattern[str]
    future: re.Pattern[str] | None = None
    third_party_types: frozenset[str] = field(default_factory=frozenset)
    source: str = "<builtin>"
    macros: dict[str, str] = field(default_factory=dict)
    _index: PatternIndex | None = field(default=None, init=False, repr=False, compare=False)

    def index(self) -> PatternIndex:
        """The compiled matchers (built on first use: the phrase matcher needs spaCy)."""
        if self._index is None:
            self._index = PatternIndex.build(self.rules)
        return self._index

    def extended(self, rules: dict[str, KindRule], source: str) -> Lexicon:
        """This lexicon with more (or replacing) kind rules."""
        return replace(self, rules={**self.rules, **rules}, source=f"{self.source}+{source}")

    def window(self, sentence: str, start: int) -> str:
        """The few words before ``start`` in the same clause (where negation and modality live)."""
        before = sentence[max(0, start - 200) : start]
        cut = 0
        for m in _CLAUSE_BREAK.finditer(before):
            # a relative clause opens with its pronoun: "which won 55 seats in 2013"
            cut = m.start() if m.group(0).lower() in ("which", "who") else m.end()
        if own_predicate(sentence, start):
            return ""  # "flew to the capital and opened talks": the first verb's cues are its own
        words = governed(before[cut:]).split()
        return " ".join(words[-_WINDOW_WORDS:])

    def is_modal(self, sentence: str, start: int) -> bool:
        """Whether the clause before ``start`` makes what follows future or hypothetical."""
        return bool(self.modals.search(self.window(sentence, start)))

    def is_future(self, sentence: str, start: int) -> bool:
        """Whether the clause before ``start`` points forward in time (for reading dates)."""
        cues = self.future if self.future is not None else self.modals
        return bool(cues.search(self.window(sentence, start)))

    def modality(self, sentence: str, start: int, *, negated: bool) -> str:
        """The modality the cues before ``start`` give (:func:`~.modality.modality_of`)."""
        return modality_of(self.window(sentence, start), sentence, negated=negated)

    def triggers(self, sentence: str, doc: Doc | None = None) -> list[Trigger]:
        """Kind triggers in ``sentence``: negation/modality applied, overlaps resolved.

        ``doc`` is the sentence's tokens (:func:`~negotiation.extract.tokens.parse`), made here
        when not given. Triggers that negation or modality drop from their kind come
        last-resort: they are kept (``dropped``, with their ``modality``) where no live trigger
        overlaps them.
        """
        spans = self.index().spans(sentence, doc)
        found = self._triggers(sentence, spans)
        live = [t for t in found if not t.dropped]
        kept = self._resolve(sentence, live, spans)
        kept = [self._said(sentence, k, found) for k in kept]
        kept = [k for k in kept if not plans(sentence, k, found, self.is_future)]
        for t in sorted(
            (t for t in found if t.dropped), key=lambda t: (-t.priority, t.start, t.start - t.end)
        ):
            if not any(overlap(t, k) or t.kind == k.kind for k in kept):
                kept.append(t)
        return sorted(kept, key=lambda t: t.start)

    def _triggers(self, sentence: str, spans: Spans) -> list[Trigger]:
        raw: list[Trigger] = []
        rank = self.index().rank
        for kind, i in sorted(spans, key=rank.__getitem__):  # the lexicon's order
            rule = self.rules[kind]
            if not rule.enabled or rule.fallback:
                continue
            for start, end in spans[(kind, i)]:
                if i in rule.nominal:
                    t: Trigger | None = replace(
                        self._plain(rule, sentence, start, end), nominal=True
                    )
                    if prevented(sentence, start):  # "stopped a rerun of the vote on Saturday"
                        t = replace(
                            self._plain(rule, sentence, start, end),
                            negated=True,
                            modality="negated",
                            dropped=True,
                        )
                    elif rule.names_election and planned_for(sentence, start):
                        # "proposed holding the vote on June 2": put forward, not yet held
                        t = replace(
                            self._plain(rule, sentence, start, end),
                            modal=True,
                            modality="planned",
                            dropped=True,
                        )
                else:
                    t = self._apply(rule, sentence, start, end)
                if t is not None:
                    if i in rule.anchored and t.kind == rule.kind:
                        t = replace(t, anchor=True)
                    if t.kind == rule.kind and i in dict(rule.sided):
                        t = replace(t, by_side=dict(rule.sided)[i])
                    raw.append(t)
        return raw

    def _resolve(self, sentence: str, raw: list[Trigger], spans: Spans) -> list[Trigger]:
        kept: list[Trigger] = []
        for t in sorted(raw, key=lambda t: (-t.priority, t.start, -(t.end - t.start))):
            inner = [k for k in kept if is_inside(k, t)]
            if inner and not any(overlap(t, k) for k in kept if k not in inner):
                kept = [k for k in kept if k not in inner]  # the longer phrase says more
            if any(overlap(t, k) for k in kept):
                continue
            if any(t.kind == k.kind and not _apart(sentence, k, t) for k in kept):
                continue
            kept.append(t)
        suppressed = {s for k in kept for s in k.rule.suppresses}
        kept = [k for k in kept if k.kind not in suppressed and not is_reason(sentence, k, kept)]
        governing = [k.end for k in kept if k.rule.governs]
        if governing:
            first = min(governing)
            kept = [
                k
                for k in kept
                if k.start < first
                or k.nominal
                or k.rule.modal != "drop"
                or _CLAUSE_SHIFT.search(sentence[first : k.start])
                or _ANSWER.match(k.text)
            ]
        for rule in self.rules.values():
            if rule.enabled and rule.fallback and not any(k.rule.fallback for k in kept):
                for i in range(len(rule.patterns)):
                    where = [
                        w for w in spans.get((rule.kind, i), []) if said_too(sentence, w, kept)
                    ]
                    if where:
                        kept.append(self._plain(rule, sentence, *where[0]))
                        break
        return kept

    def _said(self, sentence: str, said: Trigger, found: list[Trigger]) -> Trigger:
        """ "Jeenbekov said ... political forces had used the election as a pretext to seize
        power illegally": reported speech whose first clause holds a (modal) trigger of a kind
        marked ``reported`` is a speech act of that kind, made by whoever speaks."""
        if not said.rule.fallback:
            return said
        for t in found:
            if (
                t.dropped
                and not t.negated  # "said he had found no evidence of fraud": no charge
                and t.rule.reported
                and t.start >= said.end
                and same_clause(sentence, said.end, t.start)
            ):
                return replace(said, kind=t.kind, rule=t.rule, priority=t.rule.priority)
        return said

    def _plain(self, rule: KindRule, sentence: str, start: int, end: int) -> Trigger:
        return Trigger(
            rule.kind, start, end, sentence[start:end], rule.priority, rule.confidence, rule
        )

    def _apply(self, rule: KindRule, sentence: str, start: int, end: int) -> Trigger | None:
        window = self.window(sentence, start)
        negated = bool(self.negators.search(window)) or bool(
            rule.negators is not None and rule.negators.search(window)
        )
        modal = bool(self.modals.search(window)) or _MODAL_AFTER.match(sentence, end) is not None
        at = participle_head(sentence, start)
        if not modal and not negated and at is not None:
            # "will join parliament, putting an end to the boycott": the clause it hangs on
            modal = bool(self.modals.search(self.window(sentence, at)))
        wait = until_head(sentence, start)
        if not modal and not negated and wait is not None:
            # "would stay in office until a successor was sworn in": what the wait is for
            before = self.window(sentence, wait)
            modal = bool(self.modals.search(before) or self.negators.search(before))
        head = coordinated_head(sentence, start)
        if not modal and not negated and head is not None:
            # "it would end its boycott and take up its seats": the first verb's modality
            before = self.window(sentence, head)
            negated = bool(self.negators.search(before))
            # "voted to dissolve itself and hold elections": what the vote did, then what it set
            modal = bool(self.modals.search(before)) or _VOTED_TO.search(before) is not None
        outcome: Outcome = "keep"
        if negated:
            outcome = rule.negated
        elif modal:
            outcome = rule.modal
            if outcome == "keep" and self.future is not None and self.future.search(window):
                outcome = rule.announced  # "said it would appeal to the court": not yet made
        if asks_whether(window):
            outcome = "drop"  # "unclear whether the party would stay away": asked, not said
        generic = rule.kind != "statement" and is_generic(sentence[:start], rule.kind)
        if outcome == "drop" or generic:
            t = self._plain(rule, sentence, start, end)
            modality = "conditional" if generic else self.modality(sentence, start, negated=negated)
            return replace(t, negated=negated, modal=modal, modality=modality, dropped=True)
        if outcome == "keep":
            t = self._plain(rule, sentence, start, end)
        else:
            other = self.rules.get(outcome)
            if other is None or not other.enabled:
                return None
            t = self._plain(other, sentence, start, end)
        modality = "asserted"
        if t.kind.endswith(("_threatened", "_planned")):
            modality = t.kind.rsplit("_", 1)[1]
        return Trigger(
            t.kind,
            t.start,
            t.end,
            t.text,
            t.priority,
            t.confidence,
            t.rule,
            negated,
            modal,
            modality=modality,
        )

    def __iter__(self) -> Iterator[KindRule]:
        return iter(self.rules.values())


def _compile(
    text: str, doc: Document, path: list[str | int], macros: dict[str, str]
) -> re.Pattern[str] | str:
    """A phrase of plain words stays text (matched on lemmas); anything else is a regex."""
    return text if is_phrase(text) else compile_pattern(text, doc, path, macros)


def _cues(
    cues: list[str], doc: Document, path: list[str | int], macros: dict[str, str]
) -> re.Pattern[str] | None:
    """Regular expressions (macros and <word> forms allowed) as one pattern; none if empty."""
    if not cues:
        return None
    alts = [compile_pattern(c, doc, [*path, i], macros).pattern for i, c in enumerate(cues)]
    return re.compile("|".join(alts), re.I)


def _global_cues(data: dict[Any, Any], doc: Document, key: str) -> re.Pattern[str]:
    """A top-level cue list as one pattern; a cue that is no regular expression is located."""
    cues = string_list(data.get(key), doc, [key])
    for i, cue in enumerate(cues):
        compile_pattern(cue, doc, [key, i], {})
    return alternation(cues)


def _macros(data: dict[Any, Any], doc: Document, base: Lexicon | None) -> dict[str, str]:
    """The document's macros over the base lexicon's (a partial lexicon inherits them)."""
    macros_raw = data.get("macros") or {}
    if not isinstance(macros_raw, dict):
        raise InputError(doc.problem(["macros"], "expected a mapping of NAME: pattern"))
    return {**(base.macros if base else {}), **{str(k): str(v) for k, v in macros_raw.items()}}


def _kind_rule(
    name: object, spec: Any, doc: Document, macros: dict[str, str], vocab: Vocabulary
) -> KindRule:
    """The rule for one entry of ``kinds``, every field checked."""
    path: list[str | int] = ["kinds", str(name)]
    try:
        kind = vocab_kind(name, vocab)
    except ValueError:
        raise InputError(doc.problem(path, f"unknown event kind {name!r}")) from None
    check_kind_fields(spec, doc, path)
    patterns, nominal, anchored, sided = pattern_entries(spec.get("patterns"), doc, path)
    compiled = tuple(
        _compile(p, doc, [*path, "patterns", i], macros) for i, p in enumerate(patterns)
    )
    negators = string_list(spec.get("negators"), doc, [*path, "negators"])
    undergo = string_list(spec.get("subject_acted_on"), doc, [*path, "subject_acted_on"])
    facts = fact_names(spec.get("facts"), doc, [*path, "facts"])
    suppresses = suppressed_kinds(spec.get("suppresses"), doc, [*path, "suppresses"], vocab)
    third = spec.get("third_party")
    priority, confidence = priority_and_confidence(spec, doc, path)
    return KindRule(
        kind=kind,
        patterns=compiled,
        nominal=frozenset(nominal),
        anchored=frozenset(anchored),
        sided=tuple(
            (i, str(third_party_kind(k, doc, [*path, "patterns", i, "by_side"], vocab)))
            for i, k in sorted(sided.items())
        ),
        anchor=election_anchor(spec.get("anchor"), doc, [*path, "anchor"]),
        ongoing=bool(spec.get("ongoing", False)),
        governs=bool(spec.get("governs", False)),
        reason=bool(spec.get("reason", False)),
        election_dates=bool(spec.get("election_dates", False)),
        priority=priority,
        confidence=confidence,
        negated=vocab_outcome(spec.get("negated", "drop"), doc, [*path, "negated"], vocab),
        modal=vocab_outcome(spec.get("modal", "keep"), doc, [*path, "modal"], vocab),
        announced=vocab_outcome(spec.get("announced", "keep"), doc, [*path, "announced"], vocab),
        negators=alternation(negators) if negators else None,
        suppresses=frozenset(suppresses),
        recipients=bool(spec.get("recipients", False)),
        third_party=third_party_kind(third, doc, [*path, "third_party"], vocab),
        by_side=third_party_kind(spec.get("by_side"), doc, [*path, "by_side"], vocab),
        facts=frozenset(facts),
        fallback=bool(spec.get("fallback", False)),
        enabled=bool(spec.get("enabled", True)),
        subject_acts=flag(spec.get("subject_acts"), doc, [*path, "subject_acts"]),
        subject_acted_on=_cues(undergo, doc, [*path, "subject_acted_on"], macros),
        sides=sides_role(spec.get("sides"), doc, [*path, "sides"]),
        reported=flag(spec.get("reported"), doc, [*path, "reported"]),
        unique=flag(spec.get("unique"), doc, [*path, "unique"]),
        names_election=flag(spec.get("names_election"), doc, [*path, "names_election"]),
    )


def _parse(
    doc: Document, vocabulary: Vocabulary | None = None, base: Lexicon | None = None
) -> Lexicon:
    """A lexicon document; with ``base``, a partial one (kinds only) that extends it."""
    vocab = vocabulary if vocabulary is not None else builtin_vocabulary()
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise InputError(doc.problem([], "expected a mapping with a 'kinds' mapping"))
    macros = _macros(data, doc, base)
    rules: dict[str, KindRule] = {}
    for name, spec in data["kinds"].items():
        rule = _kind_rule(name, spec, doc, macros, vocab)
        rules[rule.kind] = rule
    if base is not None:
        return replace(base.extended(rules, doc.file), macros=macros)
    return Lexicon(
        macros=macros,
        rules=rules,
        negators=_global_cues(data, doc, "negators"),
        modals=_global_cues(data, doc, "modals"),
        future=_global_cues(data, doc, "future") if data.get("future") is not None else None,
        third_party_types=frozenset(
            string_list(data.get("third_party_types"), doc, ["third_party_types"])
        ),
        source=doc.file,
    )


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, stamp: object = None) -> Lexicon:
    return _with_vocabulary_triggers(_parse(load(path)), builtin_vocabulary(), "vocabulary.yaml")


def _with_vocabulary_triggers(
    lex: Lexicon, vocab: Vocabulary, file: str, source: Document | None = None
) -> Lexicon:
    """Kinds whose vocabulary entry lists ``triggers`` and that the lexicon lacks get a rule;
    a bad trigger of a kind ``source`` (the vocabulary file's document) defines is located."""
    rules: dict[str, KindRule] = {}
    own = source.data.get("kinds") if source is not None and isinstance(source.data, dict) else {}
    for kind, definition in vocab.kinds.items():
        if kind in lex.rules or not definition.triggers:
            continue
        mine = source is not None and isinstance(own, dict) and kind in own
        doc = source if mine and source is not None else Document(file=file, data={})
        patterns = tuple(
            _compile(t, doc, ["kinds", kind, "triggers", i], lex.macros)
            for i, t in enumerate(definition.triggers)
        )
        facts = frozenset(f for f in definition.facts if f in FACT_FIELDS)
        # a dispute's own kinds are narrower than the general ones they overlap ("refused their
        # 11 seats" is not a result): they win a tie of overlapping triggers
        rules[kind] = KindRule(kind=kind, patterns=patterns, facts=facts, priority=60)
    return lex.extended(rules, file) if rules else lex


@functools.lru_cache(maxsize=16)
def _pack_lexicon(root: str, stamp: object = None) -> Lexicon:
    from negotiation.events.vocabulary import load_vocabulary

    folder = Path(root)
    vocab = builtin_vocabulary()
    extra = folder / "vocabulary.yaml"
    if files.is_file(extra):
        vocab = vocab.extend(load_vocabulary(extra), str(extra))
    source = load(extra) if files.is_file(extra) else None  # its lines, for a bad trigger
    lex = _with_vocabulary_triggers(load_lexicon(), vocab, str(extra), source)
    own = folder / "lexicon.yaml"
    if files.is_file(own):
        lex = _parse(load(own), vocab, lex)
    return lex


def lexicon_for_pack(folder: Path | str) -> Lexicon:
    """The built-in lexicon extended by a pack's vocabulary triggers and its ``lexicon.yaml``."""
    root = Path(folder).resolve()
    return _pack_lexicon(str(root), files.stamp(root / "vocabulary.yaml", root / "lexicon.yaml"))


def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """Load and compile a lexicon file (``None``: the built-in one). Cached per path and
    content (modification time and size)."""
    target = Path(path) if path is not None else data_dir() / "lexicon.yaml"
    return _load_cached(str(target), files.stamp(target))


def _apart(sentence: str, a: Trigger, b: Trigger) -> bool:
    """Whether two triggers of one kind stand in clauses of their own, each with its subject."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return _AND_ANOTHER.search(sentence, first.end, second.start) is not None
