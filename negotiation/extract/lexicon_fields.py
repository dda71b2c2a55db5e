"""The fields of a lexicon document, read and checked one by one, every error located.

A kind's entry in ``lexicon.yaml`` names an event kind of the vocabulary, lists its patterns,
and may set weights, outcomes, negators, facts and the kinds it suppresses::

    >>> from negotiation._internal.yamldoc import Document
    >>> doc = Document("lexicon.yaml", {})
    >>> pattern_entries(["reach agreement", {"re": "talks", "nominal": True}], doc, [])
    (['reach agreement', 'talks'], {1}, set(), {}, {})
    >>> priority_and_confidence({"confidence": 0.9}, doc, [])
    (50, 0.9)
"""

from __future__ import annotations

from typing import Any, Literal

from negotiation._internal.yamldoc import Document
from negotiation.errors import InputError
from negotiation.events.vocabulary import Vocabulary

__all__ = [
    "CUE_LISTS",
    "FACT_FIELDS",
    "KIND_FIELDS",
    "Outcome",
    "Sides",
    "check_kind_fields",
    "election_anchor",
    "fact_names",
    "flag",
    "pattern_entries",
    "priority_and_confidence",
    "sides_role",
    "string_list",
    "suppressed_kinds",
    "third_party_kind",
    "vocab_kind",
    "vocab_outcome",
]

FACT_FIELDS = frozenset(
    {
        "seats", "total_seats", "votes_for", "votes_against", "members_present",
        "duration_hours", "participants", "killed", "injured", "points_agreed",
        "meeting_number", "subject",
    }
)  # fmt: skip

#: the fields a kind's entry may have
KIND_FIELDS = frozenset(
    {
        "priority", "confidence", "patterns", "negated", "modal", "negators", "suppresses",
        "recipients", "third_party", "by_side", "facts", "fallback", "enabled", "election_dates",
        "anchor", "ongoing", "governs", "reason", "subject_acts", "subject_acted_on", "sides",
        "reported", "announced", "unique", "names_election", "spoken",
    }
)  # fmt: skip

#: the top-level cue lists: regular expressions (``<word>`` forms, ``{DATE}``, ``{MONTH}``)
#: that a pack's lexicon adds to
CUE_LISTS = (
    "negators", "modals", "future", "prevented", "prevented_between", "planned", "planned_between",
)  # fmt: skip

Outcome = Literal["drop", "keep"] | str
#: what the sides (parties and people) named with a kind's trigger are: its actors (the default),
#: neither actors nor recipients ("the country held an election"), or its recipients (results
#: name who won and lost; whoever announces them acts)
Sides = Literal["acting", "none", "recipients"]

_Path = list[str | int]


def vocab_kind(name: object, vocab: Vocabulary) -> str:
    """An event kind of the vocabulary (a ValueError names the nearest ones)."""
    kind = str(name)
    msg = vocab.check_kind(kind)
    if msg is not None:
        raise ValueError(msg)
    return kind


def vocab_outcome(value: Any, doc: Document, path: _Path, vocab: Vocabulary) -> Outcome:
    """What becomes of a negated or modal trigger: drop, keep, or an event kind."""
    if value in ("drop", "keep"):
        return "drop" if value == "drop" else "keep"
    try:
        return vocab_kind(value, vocab)
    except ValueError:
        raise InputError(
            doc.problem(path, f"expected drop, keep or an event kind, got {value!r}")
        ) from None


def third_party_kind(value: Any, doc: Document, path: _Path, vocab: Vocabulary) -> str | None:
    """The kind a trigger becomes when only third parties act (an event kind, or none)."""
    if not value:
        return None
    try:
        return vocab_kind(value, vocab)
    except ValueError as exc:
        raise InputError(doc.problem(path, f"expected an event kind: {exc}")) from None


def sides_role(value: Any, doc: Document, path: _Path) -> Sides:
    """What the sides named with a kind's trigger are (``sides:``; default ``acting``)."""
    if value is None or value == "acting":
        return "acting"
    if value == "none":
        return "none"
    if value == "recipients":
        return "recipients"
    raise InputError(doc.problem(path, f"expected acting, none or recipients, got {value!r}"))


def flag(value: Any, doc: Document, path: _Path) -> bool:
    """A yes/no field (absent: no)."""
    if value is None:
        return False
    if not isinstance(value, bool):
        raise InputError(doc.problem(path, f"expected true or false, got {value!r}"))
    return value


def election_anchor(value: Any, doc: Document, path: _Path) -> bool:
    """Whether a kind is anchored to an election (``anchor: election``)."""
    if value is None:
        return False
    if value != "election":
        raise InputError(doc.problem(path, f"expected: election, got {value!r}"))
    return True


def string_list(value: Any, doc: Document, path: _Path) -> list[str]:
    """A list of strings (none if the field is absent)."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(doc.problem(path, "expected a list of strings"))
    return list(value)


def pattern_entries(
    raw_patterns: Any, doc: Document, path: _Path
) -> tuple[list[str], set[int], set[int], dict[int, str], dict[int, str]]:
    """A kind's pattern list: plain strings or ``{re:, nominal:, anchor:, by_side:,
    third_party:}`` mappings; the last two values map a pattern's index to its own ``by_side``
    and ``third_party`` kinds (unchecked)."""
    if not isinstance(raw_patterns, list) or not raw_patterns:
        raise InputError(doc.problem(path, "a kind needs a list of patterns"))
    patterns: list[str] = []
    nominal: set[int] = set()
    anchored: set[int] = set()
    sided: dict[int, str] = {}
    outsiders: dict[int, str] = {}
    for i, entry in enumerate(raw_patterns):
        where = [*path, "patterns", i]
        if isinstance(entry, dict) and isinstance(entry.get("re"), str):
            if set(entry) - {"re", "nominal", "anchor", "by_side", "third_party"}:
                raise InputError(doc.problem(where, "unknown field"))
            patterns.append(entry["re"])
            if entry.get("nominal"):
                nominal.add(i)
            if entry.get("anchor") is not None:
                if entry["anchor"] != "election":
                    raise InputError(doc.problem([*where, "anchor"], "expected: election"))
                anchored.add(i)
            if entry.get("by_side") is not None:
                sided[i] = str(entry["by_side"])
            if entry.get("third_party") is not None:
                outsiders[i] = str(entry["third_party"])
        elif isinstance(entry, str):
            patterns.append(entry)
        else:
            raise InputError(doc.problem(where, "expected a pattern or {re: ..., nominal: ...}"))
    return patterns, nominal, anchored, sided, outsiders


def check_kind_fields(spec: Any, doc: Document, path: _Path) -> None:
    """A kind's entry is a mapping of known fields."""
    if not isinstance(spec, dict):
        raise InputError(doc.problem(path, "expected a mapping"))
    unknown = set(spec) - KIND_FIELDS
    if unknown:
        raise InputError(doc.problem([*path, sorted(unknown)[0]], "unknown field"))


def fact_names(value: Any, doc: Document, path: _Path) -> set[str]:
    """The facts a kind reads (names of :data:`FACT_FIELDS`)."""
    facts = set(string_list(value, doc, path))
    if facts - FACT_FIELDS:
        bad = sorted(facts - FACT_FIELDS)[0]
        raise InputError(doc.problem(path, f"unknown fact {bad!r}"))
    return facts


def suppressed_kinds(value: Any, doc: Document, path: _Path, vocab: Vocabulary) -> set[str]:
    """The event kinds a kind suppresses (each in the vocabulary)."""
    suppresses = set()
    for i, s in enumerate(string_list(value, doc, path)):
        try:
            suppresses.add(vocab_kind(s, vocab))
        except ValueError:
            raise InputError(doc.problem([*path, i], f"unknown event kind {s!r}")) from None
    return suppresses


def priority_and_confidence(spec: dict[str, Any], doc: Document, path: _Path) -> tuple[int, float]:
    """A kind's priority (default 50) and confidence (default 0.7, between 0 and 1)."""
    try:
        priority = int(spec.get("priority", 50))
        confidence = float(spec.get("confidence", 0.7))
    except (TypeError, ValueError):
        raise InputError(doc.problem(path, "priority and confidence must be numbers")) from None
    if not 0.0 <= confidence <= 1.0:
        raise InputError(doc.problem([*path, "confidence"], "must be between 0 and 1"))
    return priority, confidence
