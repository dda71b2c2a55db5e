"""Event extraction: propose typed, dated, sourced events from English news reports.

One concept per module: :mod:`~negotiation.extract.tokens` (spaCy tokens and lookup lemmas,
built on first use), :mod:`~negotiation.extract.lexicon` (trigger patterns per kind, from
``negotiation/data/lexicon.yaml``), :mod:`~negotiation.extract.matching` (those patterns run on a
sentence: spaCy's ``Matcher`` on lemmas, regular expressions behind a literal pre-filter), :mod:`~negotiation.extract.dates` (dates resolved against
the publication date), :mod:`~negotiation.extract.facts` (seats, votes, durations, crowds,
casualties), :mod:`~negotiation.extract.actors` (gazetteer aliases and candidate names),
:mod:`~negotiation.extract.extract` (sentences → mentions), :mod:`~negotiation.extract.merge`
(mentions → events and conflicts) and :mod:`~negotiation.extract.evaluate` (scores against a
curated log).
"""

from __future__ import annotations

from negotiation.extract.dates import ResolvedDate, find_dates, resolve_date
from negotiation.extract.evaluate import Evaluation, evaluate
from negotiation.extract.extract import (
    Extractor,
    TextArticle,
    extract,
    extract_events,
    extract_text,
)
from negotiation.extract.facts import parse_facts
from negotiation.extract.lexicon import Lexicon, load_lexicon
from negotiation.extract.mention import EventMention
from negotiation.extract.merge import merge_mentions

__all__ = [
    "Evaluation",
    "EventMention",
    "Extractor",
    "Lexicon",
    "ResolvedDate",
    "TextArticle",
    "evaluate",
    "extract",
    "extract_events",
    "extract_text",
    "find_dates",
    "load_lexicon",
    "merge_mentions",
    "parse_facts",
    "resolve_date",
]
