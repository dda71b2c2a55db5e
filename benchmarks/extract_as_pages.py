"""Extraction quality on an evaluation set's texts laid out as real news pages.

Every article of the set is re-laid-out the way texts reach users, the same way each run (the
layout is seeded by the article's id): a byline, a read time, a time stamp and a summary box
before the story; a file photo's caption with a date of its own, a link to another story and
an advertisement inside it; credits and share buttons after it; days written without "on" (AP
style: "said Monday"); every line hard-wrapped at 72 columns. Both layouts are scored against
the same gold (matching is by kind, date and actors, not by offsets)::

    python benchmarks/extract_as_pages.py [SET]     # default: tuning (held-out sets refused)
"""

from __future__ import annotations

import dataclasses
import random
import re
import sys
import textwrap

from negotiation.corpus import Article, clean_paragraphs
from negotiation.extract.evaluate import Evaluation
from negotiation.extract.sets import EvaluationSet, load_set, run_set

BEFORE = [
    "By Staff Reporter",
    "3 Min Read",
    "Updated: 12:45 PM EDT, Sat July 12, 2014",
    "Key points:",
    "• Opposition rejects results and calls for protests",
    "- Police arrest dozens",
]
INSIDE = [
    "FILE PHOTO: A man walks past a poster in the capital, March 3, 2012. REUTERS/John Doe/File "
    "Photo",
    "Read more: Opposition plans boycott of parliament",
    "Advertisement",
]
AFTER = [
    "Reporting by Jane Roe; Editing by Robert Birsel",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Share this article",
]
_ON_DAY = re.compile(r"\bon ((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")


def as_page(text: str, seed: str) -> str:
    """``text`` laid out as a news page (see the module's docstring)."""
    chunks = text.split("\n\n")
    at = random.Random(seed).randint(2, max(2, len(chunks) - 1))
    page = "\n\n".join([*chunks[:1], *BEFORE, *chunks[1:at], *INSIDE, *chunks[at:], *AFTER])
    page = _ON_DAY.sub(r"\1", page)
    return "\n".join(
        "\n".join(textwrap.wrap(line, 72, break_on_hyphens=False)) or line
        for line in page.split("\n")
    )


def as_pages(s: EvaluationSet) -> EvaluationSet:
    """The set with every article (a :class:`~negotiation.corpus.Article`) laid out as a page."""
    parts = []
    for part in s.parts:
        articles = []
        for a in part.articles:
            if isinstance(a, Article):
                text = as_page(a.text, a.id)
                a = Article(meta=a.meta, text=text, paragraphs=clean_paragraphs(text), path=a.path)
            articles.append(a)
        parts.append(dataclasses.replace(part, articles=tuple(articles)))
    return dataclasses.replace(s, parts=tuple(parts))


def _line(name: str, ev: Evaluation) -> str:
    exact = ev.fields.get("date_exact") or 0.0
    return (
        f"{name:11} F1 {ev.f1:.3f}  P {ev.precision:.3f}  R {ev.recall:.3f}  "
        f"tp {ev.tp}  fp {ev.fp}  fn {ev.fn}  exact date {exact:.3f}"
    )


def main(name: str = "tuning") -> None:
    s = load_set(name)
    if s.held_out:
        sys.exit(f"{name} is held out: not for diagnosis")
    print(_line("as written", run_set(s)))
    print(_line("as pages", run_set(as_pages(s))))


if __name__ == "__main__":
    main(*sys.argv[1:2])
