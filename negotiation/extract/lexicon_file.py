"""The lexicon file format: a ``lexicon.yaml`` document (or a vocabulary's ``triggers``)
compiled into a :class:`~negotiation.extract.lexicon.Lexicon`, every field checked and a bad one
located by file and line.

    >>> from negotiation._internal.yamldoc import Document
    >>> lex = parse(Document(file="mine.yaml", data={"kinds": {"boycott": {"patterns": ["shun"]}}}))
    >>> sorted(lex.rules)
    ['boycott']
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from negotiation._internal.yamldoc import Document
from negotiation.errors import InputError
from negotiation.events.vocabulary import Vocabulary, builtin_vocabulary
from negotiation.extract.lexicon import Lexicon
from negotiation.extract.lexicon_fields import (
    FACT_FIELDS,
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
from negotiation.extract.patterns import alternation, compile_pattern, is_phrase
from negotiation.extract.rules import KindRule

__all__ = ["parse", "with_vocabulary_triggers"]


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
    patterns, nominal, anchored, sided, outsiders = pattern_entries(spec.get("patterns"), doc, path)
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
        outsiders=tuple(
            (i, str(third_party_kind(k, doc, [*path, "patterns", i, "third_party"], vocab)))
            for i, k in sorted(outsiders.items())
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


def parse(
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


def with_vocabulary_triggers(
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
