"""Extraction quality with drafted actors (``extract --draft-actors``), on an evaluation set.

Each part of the set is extracted three ways: with no gazetteer, with a gazetteer drafted from
its own articles (:func:`negotiation.extract.drafting.drafted_gazetteer`), and with its curated
one. Scored first on kind and date alone (actors stripped on both sides), then with actors,
each drafted actor mapped to the curated id its name resolves to (what a reviewer would do)::

    python benchmarks/draft_actors_quality.py [SET]     # default: tuning
"""

from __future__ import annotations

import sys
from typing import Any

from negotiation.events.actors import Gazetteer
from negotiation.extract.drafting import drafted_gazetteer
from negotiation.extract.evaluate import evaluate
from negotiation.extract.extract import Extractor
from negotiation.extract.merge import merge_mentions
from negotiation.extract.sets import load_set


def _log(part: Any, gazetteer: Gazetteer) -> Any:
    ex = Extractor(gazetteer, part.lexicon)
    kept = [m for a in part.articles for m in ex.mentions(a) if ex.keeps(m)]
    return merge_mentions(kept, gazetteer=gazetteer)


def _relabel(log: Any, ids: Any) -> Any:
    events = [
        e.model_copy(update={"actors": ids(e.actors), "recipients": ids(e.recipients)})
        for e in log.events
    ]
    return log.model_copy(update={"events": events})


def _mapped(drafted: Gazetteer, curated: Gazetteer) -> Any:
    def ids(actors: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for a in actors:
            names = drafted[a].names() if a in drafted else iter(())
            out.append(next((r for n in names if (r := curated.resolve(n))), a))
        return tuple(dict.fromkeys(out))

    return ids


def main(name: str) -> None:
    s = load_set(name)
    totals: dict[str, list[int]] = {}
    for part in s.parts:
        gold = _relabel(part.gold, lambda _: ())
        draft = drafted_gazetteer(part.articles)
        for label, g in (("none", Gazetteer([])), ("drafted", draft), ("curated", part.gazetteer)):
            log = _log(part, g)
            plain = evaluate(
                _relabel(log, lambda _: ()), gold, gazetteer=part.gazetteer, modality=s.modality
            )
            t = totals.setdefault(label, [0] * 5)
            t[0] += plain.tp
            t[1] += plain.fp
            t[2] += plain.fn
            if label == "drafted":
                full = evaluate(
                    _relabel(log, _mapped(draft, part.gazetteer)),
                    part.gold,
                    gazetteer=part.gazetteer,
                    modality=s.modality,
                )
                t[3] += sum(m.actor_overlap for m in full.matches)
                t[4] += len(full.matches)
    for label, (tp, fp, fn, right, matched) in totals.items():
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        line = (
            f"{name} {label:8} kind+date: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}"
        )
        if matched:
            line += f"; with actors mapped by name: {right}/{matched} matched events have the right actors"
        print(line)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tuning")
