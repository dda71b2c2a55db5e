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
from typing import TYPE_CHECKING

from negotiation._internal import files
from negotiation._internal.paths import data_dir
from negotiation._internal.yamldoc import load
from negotiation.events.vocabulary import builtin_vocabulary
from negotiation.extract.lexicon_fields import (
    FACT_FIELDS,
    Outcome,
)
from negotiation.extract.matching import PatternIndex, Spans
from negotiation.extract.modality import (
    asks_whether,
    awaited,
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


_NEVER = re.compile(r"(?!x)x")


@dataclass
class Lexicon:
    """Compiled rules for every kind, and the global negation and modality cues: ``prevented``
    and ``planned`` end the text before a nominal trigger that is stopped or put off, or put
    forward (:func:`~.modality.prevented`, :func:`~.modality.planned_for`); ``cues`` holds each
    global cue list as written, for a pack's lexicon to add to."""

    rules: dict[str, KindRule]
    negators: re.Pattern[str]
    modals: re.Pattern[str]
    future: re.Pattern[str] | None = None
    third_party_types: frozenset[str] = field(default_factory=frozenset)
    source: str = "<builtin>"
    macros: dict[str, str] = field(default_factory=dict)
    prevented: re.Pattern[str] = _NEVER
    planned: re.Pattern[str] = _NEVER
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
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
                    # "stopped a rerun of the vote on Saturday"
                    if prevented(sentence, start, self.prevented):
                        t = replace(
                            self._plain(rule, sentence, start, end),
                            negated=True,
                            modality="negated",
                            dropped=True,
                        )
                    elif rule.names_election and planned_for(sentence, start, self.planned):
                        # "proposed holding the vote on June 2": put forward, not yet held
                        t = replace(
                            self._plain(rule, sentence, start, end),
                            modal=True,
                            modality="planned",
                            dropped=True,
                        )
                else:
                    t = self._apply(rule, sentence, start, end)
                    if (
                        t is not None
                        and rule.names_election
                        and not t.dropped
                        and planned_for(sentence, start, self.planned)
                    ):
                        # "voted to dissolve itself and hold a new election on 17 September":
                        # the vote sets the election, it does not hold it
                        t = replace(t, modal=True, modality="planned", dropped=True)
                if t is not None:
                    if i in rule.anchored and t.kind == rule.kind:
                        t = replace(t, anchor=True)
                    if t.kind == rule.kind and i in dict(rule.sided):
                        t = replace(t, by_side=dict(rule.sided)[i])
                    if t.kind == rule.kind and i in dict(rule.outsiders):
                        t = replace(t, third_party=dict(rule.outsiders)[i])
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
            modal = modal or awaited(sentence, wait, end)
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


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, stamp: object = None) -> Lexicon:
    from negotiation.extract.lexicon_file import parse, with_vocabulary_triggers

    return with_vocabulary_triggers(parse(load(path)), builtin_vocabulary(), "vocabulary.yaml")


@functools.lru_cache(maxsize=16)
def _pack_lexicon(root: str, stamp: object = None) -> Lexicon:
    from negotiation.events.vocabulary import load_vocabulary
    from negotiation.extract.lexicon_file import parse, with_vocabulary_triggers

    folder = Path(root)
    vocab = builtin_vocabulary()
    extra = folder / "vocabulary.yaml"
    if files.is_file(extra):
        vocab = vocab.extend(load_vocabulary(extra), str(extra))
    source = load(extra) if files.is_file(extra) else None  # its lines, for a bad trigger
    lex = with_vocabulary_triggers(load_lexicon(), vocab, str(extra), source)
    own = folder / "lexicon.yaml"
    if files.is_file(own):
        lex = parse(load(own), vocab, lex)
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
