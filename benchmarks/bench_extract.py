"""Extraction speed: articles per CPU-second on the seed articles, against a baseline.

The baseline, measured in the same run on the same texts, is a plain regular-expression
sentence split (what any extractor must at least do). The ratio says how many times slower than
that split the whole extraction (dates, facts, actors, triggers, merging) is::

    python benchmarks/bench_extract.py [--quick]
"""

from __future__ import annotations

import re
import sys
from typing import Any

from harness import paired

from negotiation.corpus import load_articles
from negotiation.events.log import load_actors
from negotiation.extract.extract import Extractor
from negotiation.extract.merge import merge_mentions

_SPLIT = re.compile(r"(?<=[.!?])\s+")


def measure(quick: bool = False) -> dict[str, Any]:
    """Articles per CPU-second of extraction and of the baseline split, interleaved, and the
    median of the paired ratios."""
    articles = list(load_articles().values())
    extractor = Extractor(load_actors())
    texts = [a.text for a in articles]
    loops = 2 if quick else 10

    def extraction() -> None:
        for _ in range(loops):
            merge_mentions([m for a in articles for m in extractor.extract(a)])

    def baseline() -> None:
        for _ in range(loops * 200):  # the split is fast: more rounds of it, same texts
            for t in texts:
                _SPLIT.split(t)

    r = paired(extraction, baseline, rounds=5 if quick else 9)
    ours = loops * len(articles) / r.ours_s
    base = loops * 200 * len(articles) / r.baseline_s
    return {
        "articles": len(articles),
        "articles_per_cpu_s": ours,
        "baseline_articles_per_cpu_s": base,
        "slower_than_split": base / ours,
        "rounds": r.rounds,
    }


if __name__ == "__main__":
    import json

    print(json.dumps(measure(quick="--quick" in sys.argv), indent=2))
