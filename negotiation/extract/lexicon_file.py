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
from pathlib import Path
from typing import Any

from negotiation._internal.paths import data_dir
from negotiation._internal.yamldoc import Document
from negotiation.errors import InputError
from negotiation.events.vocabulary import Vocabulary, builtin_vocabulary
from negotiation.extract.lexicon import Lexicon
from negotiation.extract.lexicon_fields import (
    CUE_LISTS,
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
from negotiation.extract.modality import planned_cues, prevented_cues
from negotiation.extract.patterns import (
    alternation,
    compile_pattern,
    compile_word,
    expand,
    is_phrase,
)
from negotiation.extract.rules import KindRule

__all__ = ["parse", "with_vocabulary_triggers"]

#: the lists that a lexicon file lacking them takes from the built-in one (code, not data, once)
_BUILTIN_DEFAULT = ("prevented", "prevented_between", "planned", "planned_between")


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


def _cue_lists(
    data: dict[Any, Any], doc: Document, base: Lexicon | None
) -> dict[str, tuple[str, ...]]:
    """Each top-level cue list as written, every cue checked (a bad one is located): a partial
    lexicon's are added to its base's; a whole one lacking ``prevented``, ``planned`` or their
    ``_between`` words takes the built-in lexicon's."""
    lists = dict(base.cues) if base is not None else {}
    for key in CUE_LISTS:
        if data.get(key) is None:
            continue
        own = string_list(data[key], doc, [key])
        check = compile_word if key.endswith("_between") else compile_pattern
        for i, cue in enumerate(own):
            check(cue, doc, [key, i], {})
        lists[key] = tuple(dict.fromkeys([*lists.get(key, ()), *own]))  # each once
    if base is None and Path(doc.file).resolve() != (data_dir() / "lexicon.yaml").resolve():
        from negotiation.extract.lexicon import load_lexicon

        for key in _BUILTIN_DEFAULT:
            lists.setdefault(key, load_lexicon().cues.get(key, ()))
    return lists


def _compiled_cues(lists: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """The :class:`Lexicon` fields made of the global cue lists."""

    def expanded(key: str) -> list[str]:
        return [expand(c, {}) for c in lists.get(key, ())]

    return {
        "negators": alternation(list(lists.get("negators", ()))),
        "modals": alternation(list(lists.get("modals", ()))),
        "future": alternation(list(lists["future"])) if "future" in lists else None,
        "prevented": prevented_cues(expanded("prevented"), expanded("prevented_between")),
        "planned": planned_cues(expanded("planned"), expanded("planned_between")),
        "cues": lists,
    }


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
    for i, cue in enumerate(negators):  # checked as the global ones are (was a traceback)
        compile_pattern(cue, doc, [*path, "negators", i], {})
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
        spoken=flag(spec.get("spoken"), doc, [*path, "spoken"]),
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
    cues = _cue_lists(data, doc, base)
    if base is not None:
        lex = replace(base.extended(rules, doc.file), macros=macros)
        return lex if cues == base.cues else replace(lex, **_compiled_cues(cues))
    return Lexicon(
        macros=macros,
        rules=rules,
        third_party_types=frozenset(
            string_list(data.get("third_party_types"), doc, ["third_party_types"])
        ),
        source=doc.file,
        **_compiled_cues(cues),
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
