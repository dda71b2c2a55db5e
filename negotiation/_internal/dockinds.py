"""What kind of file a YAML document is, told by its top-level keys: so that a file of one kind
given where another is expected (a scenario as an event log, a model as a policy) is reported
as that, in one line, instead of as every field that does not fit.

    >>> sign_of({"name": "x", "events": []}, "EventLog")
    ('name', 'scenario')
    >>> sign_of({"name": "x", "events": []}, "Scenario", fields={"name", "events"}) is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from pydantic import BaseModel

__all__ = ["SCHEMA_KINDS", "SIGNS", "kind_words", "sign_of", "value_words", "with_article"]

#: a top-level key and the kind of file it tells (the first that fits wins)
SIGNS: tuple[tuple[str, str], ...] = (
    ("title", "pack"),
    ("sweep", "sweep"),
    ("kinds", "vocabulary"),
    ("facts", "vocabulary"),
    ("name", "scenario"),
    ("transitions", "model"),
    ("provisions", "profile"),
    ("outcomes", "policy"),
    ("wait", "policy"),
    ("dispute", "event log"),
    ("events", "event log"),
    ("actors", "actors"),
    ("articles", "articles"),
)

#: the kind of file each schema (by class name) reads
SCHEMA_KINDS: Mapping[str, str] = {
    "PackFile": "pack",
    "VocabularyFile": "vocabulary",
    "Scenario": "scenario",
    "ModelSpec": "model",
    "Profile": "profile",
    "PolicyFile": "policy",
    "SweepFile": "sweep",
    "EventLog": "event log",
    "ActorsFile": "actors",
    "ArticlesFile": "articles",
}


def sign_of(
    data: Mapping[str, Any], schema: str, fields: Collection[str] | None = None
) -> tuple[str, str] | None:
    """(key, kind) when ``data`` is plainly a file of another kind than ``schema`` reads: it
    has a key that tells that kind and that ``schema`` does not have (``fields``: its keys)."""
    expected = SCHEMA_KINDS.get(schema)
    if expected is None:
        return None
    for key, kind in SIGNS:
        if key in data and kind != expected and (fields is None or key not in fields):
            return key, kind
    return None


def kind_words(model: type[BaseModel]) -> tuple[str, str]:
    """What a file of ``model`` is, in words, and the keys it takes: a class name is no word
    for a user ('expected a EventLog').

    >>> from negotiation.events.log import EventLog
    >>> kind_words(EventLog)
    ('an event log', ", with keys among 'dispute', 'events', 'conflicts'")
    """
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", model.__name__.strip("_")).lower()
    words = words.removesuffix(" spec") + (" file" if words.endswith(" spec") else "")
    noun = with_article(words)
    fields = model.model_fields
    required = [name for name, field in fields.items() if field.is_required()]
    if required:
        return noun, f", with {', '.join(repr(k) for k in required)}"
    return noun, f", with keys among {', '.join(repr(k) for k in fields)}" if fields else ""


def with_article(noun: str) -> str:
    """``noun`` with "a" or "an" before it (by its first letter)::

    >>> with_article("event log"), with_article("person")
    ('an event log', 'a person')
    """
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


#: what a YAML value of each Python type is, in words ('got a str' said Python's name)
_VALUE_WORDS = {
    "str": "text",
    "int": "a number",
    "float": "a number",
    "bool": "true or false",
    "list": "a list",
    "dict": "a mapping",
}


def value_words(value: Any) -> str:
    """What a YAML value is, in words, for 'expected ..., got ...'::

    >>> value_words("x"), value_words(12), value_words([1])
    ('text', 'a number', 'a list')
    """
    name = type(value).__name__
    return _VALUE_WORDS.get(name, with_article(name))
