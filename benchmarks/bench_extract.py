"""Extraction speed: articles per CPU-second on the seed articles, against a baseline.

The baseline, measured in the same run on the same texts, is a plain regular-expression
sentence split (what any extractor must at least do). The ratio says how many times slower than
that split the whole extraction (dates, facts, actors, triggers, merging) is::

    python benchmarks/bench_extract.py [--quick]

``--long`` measures one long article instead: the seed articles repeated (each copy's
paragraphs and sentences marked apart, so that no paragraph repeats another and none is
dropped as a repetition) to 0.5, 1 and 2 MB, extracted once each: CPU seconds per MB at each
size (linear time gives the same figure at every size)::

    python benchmarks/bench_extract.py --long
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from typing import Any

from harness import paired

from negotiation.corpus import load_articles
from negotiation.events.log import load_actors
from negotiation.extract.extract import Extractor, TextArticle
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


def long_text(size: int) -> str:
    """The seed articles repeated to ``size`` characters, every copy marked apart."""
    base = "\n\n".join(a.text for a in load_articles().values())
    parts: list[str] = []
    n = i = 0
    while n < size:
        marked = re.sub(r"\. ([A-Z])", rf". Copy{i} \1", base)
        chunk = f"Copy{i} " + marked.replace("\n\n", f"\n\nCopy{i} ") + "\n\n"
        parts.append(chunk)
        n += len(chunk)
        i += 1
    return "".join(parts)[:size]


def measure_long(sizes: tuple[float, ...] = (0.5, 1.0, 2.0)) -> dict[str, Any]:
    """CPU seconds per MB of one long article, at each size (MB)."""
    from harness import cpu

    extractor = Extractor(load_actors())
    extractor.extract(TextArticle("warm-up", dt.date(2014, 1, 6), long_text(20_000)))
    out: dict[str, Any] = {}
    for mb in sizes:
        text = long_text(int(mb * 1_000_000))
        article = TextArticle("long", dt.date(2014, 1, 6), text)
        seconds = cpu(lambda article=article: extractor.extract(article))
        out[f"{mb:g} MB"] = {"cpu_s": round(seconds, 2), "cpu_s_per_mb": round(seconds / mb, 2)}
    return out


if __name__ == "__main__":
    import json

    if "--long" in sys.argv:
        print(json.dumps(measure_long(), indent=2))
    else:
        print(json.dumps(measure(quick="--quick" in sys.argv), indent=2))
