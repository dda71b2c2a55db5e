"""Extraction speed: articles per second on the seed articles, against a baseline.

The baseline, measured in the same run on the same texts, is a plain regular-expression
sentence split (what any extractor must at least do). The ratio says how many times slower than
that split the whole extraction (dates, facts, actors, triggers, merging) is::

    python benchmarks/bench_extract.py            # or: from bench_extract import main; main()
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from typing import Any

from negotiation.corpus import load_articles
from negotiation.events.log import load_actors
from negotiation.extract.extract import Extractor
from negotiation.extract.merge import merge_mentions

_SPLIT = re.compile(r"(?<=[.!?])\s+")


def _rate(fn: Callable[[], Any], n_articles: int, min_seconds: float) -> float:
    fn()  # warm up (regex compilation, lexicon loading)
    runs = 0
    start = time.perf_counter()
    while True:
        fn()
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return runs * n_articles / elapsed


def measure(min_seconds: float = 1.0) -> dict[str, float]:
    """Articles/s of extraction and of the baseline split, and their ratio."""
    articles = list(load_articles().values())
    extractor = Extractor(load_actors())
    texts = [a.text for a in articles]

    def extraction() -> None:
        merge_mentions([m for a in articles for m in extractor.extract(a)])

    def baseline() -> None:
        for t in texts:
            _SPLIT.split(t)

    ours = _rate(extraction, len(articles), min_seconds)
    base = _rate(baseline, len(articles), min_seconds)
    return {"articles_per_s": ours, "baseline_articles_per_s": base, "ratio": base / ours}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    seconds = float(args[0]) if args else 1.0
    r = measure(seconds)
    print(f"extraction: {r['articles_per_s']:.1f} articles/s (seed articles, with merging)")
    print(f"baseline (regex sentence split): {r['baseline_articles_per_s']:.1f} articles/s")
    print(f"ratio: extraction is {r['ratio']:.0f}x slower than the baseline split")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
