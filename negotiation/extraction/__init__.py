"""Event extraction: propose typed, dated, sourced events from English news reports.

One concept per module: :mod:`~negotiation.extraction.lexicon` (trigger patterns per kind, from
``negotiation/data/lexicon.yaml``), :mod:`~negotiation.extraction.dates` (dates resolved against
the publication date), :mod:`~negotiation.extraction.facts` (seats, votes, durations, crowds,
casualties), :mod:`~negotiation.extraction.actors` (gazetteer aliases and candidate names),
:mod:`~negotiation.extraction.extract` (sentences → mentions), :mod:`~negotiation.extraction.merge`
(mentions → events and conflicts) and :mod:`~negotiation.extraction.evaluate` (scores against a
curated log).
"""

from __future__ import annotations

from negotiation.extraction.dates import ResolvedDate, find_dates, resolve_date
from negotiation.extraction.evaluate import Evaluation, evaluate
from negotiation.extraction.extract import (
    Extractor,
    TextArticle,
    extract,
    extract_events,
    extract_text,
)
from negotiation.extraction.facts import parse_facts
from negotiation.extraction.lexicon import Lexicon, load_lexicon
from negotiation.extraction.mention import EventMention
from negotiation.extraction.merge import merge_mentions

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
