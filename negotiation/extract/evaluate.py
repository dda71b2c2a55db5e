"""How far to trust extraction: detection precision/recall/F1 against a curated log.

An extracted event matches a gold event when the kinds are equal, the extracted date falls in
the gold event's period ``[date, last_day]`` widened by ``tolerance_days`` (a coarse extracted
date — week, month, year — also matches when its period contains the gold date), and, when both name actors, their actors (or
recipients, or a person's party) overlap. Matching is greedy and one-to-one, best pairs first.
Per-field accuracy (date, actors, recipients, facts) is measured over the matched pairs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from negotiation.events import Event, EventLog, Granularity, period_end
from negotiation.events.actors import Gazetteer

__all__ = ["Evaluation", "KindScore", "MatchedPair", "evaluate", "event_matches"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class KindScore(_Model):
    kind: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


class MatchedPair(_Model):
    gold: str
    extracted: str
    date_ok: bool
    actors_ok: bool
    recipients_ok: bool
    facts_ok: bool | None = None


class Evaluation(_Model):
    """Scores of one extracted log against a gold log."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    tolerance_days: int = 1
    fields: dict[str, float | None] = Field(
        default_factory=dict, description="accuracy of each field over the matched pairs"
    )
    per_kind: list[KindScore] = Field(default_factory=list)
    matches: list[MatchedPair] = Field(default_factory=list)
    false_positives: list[str] = Field(default_factory=list, description="extracted, unmatched")
    false_negatives: list[str] = Field(default_factory=list, description="gold, unmatched")

    def summary(self) -> dict[str, object]:
        """The JSON form: headline scores, per-field accuracy, per-kind scores and the misses."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tolerance_days": self.tolerance_days,
            "fields": {k: None if v is None else round(v, 4) for k, v in self.fields.items()},
            "per_kind": {
                k.kind: {
                    "tp": k.tp,
                    "fp": k.fp,
                    "fn": k.fn,
                    "precision": round(k.precision, 4),
                    "recall": round(k.recall, 4),
                    "f1": round(k.f1, 4),
                }
                for k in self.per_kind
            },
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
        }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _window(e: Event, tol: int) -> tuple[dt.date, dt.date]:
    slack = dt.timedelta(days=tol)
    return e.date - slack, e.last_day + slack


def _expand(ids: Iterable[str], gazetteer: Gazetteer | None) -> set[str]:
    out = set(ids)
    if gazetteer is not None:
        for a in list(out):
            if a in gazetteer and gazetteer[a].party:
                out.add(str(gazetteer[a].party))
    return out


def event_matches(
    extracted: Event, gold: Event, *, tolerance_days: int = 1, gazetteer: Gazetteer | None = None
) -> bool:
    """Whether ``extracted`` detects ``gold`` (kind, date within period ± tolerance, actors)."""
    if extracted.kind != gold.kind:
        return False
    lo, hi = _window(gold, tolerance_days)
    inside = lo <= extracted.date <= hi
    if not inside and extracted.granularity is not Granularity.day:
        # a coarse date ("this month", "last week") matches when its period holds the gold date
        inside = extracted.date <= gold.date <= period_end(extracted.date, extracted.granularity)
    if not inside:
        return False
    ea = _expand((*extracted.actors, *extracted.recipients), gazetteer)
    ga = _expand((*gold.actors, *gold.recipients), gazetteer)
    return not ea or not ga or bool(ea & ga)


def _score(extracted: Event, gold: Event) -> tuple[float, ...]:
    ea = {*extracted.actors, *extracted.recipients}
    ga = {*gold.actors, *gold.recipients}
    jaccard = len(ea & ga) / len(ea | ga) if ea | ga else 0.0
    shared = len(
        {(c.article, c.start) for c in extracted.sources}
        & {(c.article, c.start) for c in gold.sources}
    )
    exact = extracted.date == gold.date and extracted.granularity is gold.granularity
    return (shared, float(exact), jaccard, -abs((extracted.date - gold.date).days))


def _date_ok(extracted: Event, gold: Event, tol: int) -> bool:
    if gold.granularity is Granularity.day and gold.date_end is None:
        return (
            extracted.granularity is Granularity.day
            and abs((extracted.date - gold.date).days) <= tol
        )
    lo, hi = gold.date, gold.last_day
    return lo <= extracted.date <= hi and extracted.last_day <= hi + dt.timedelta(days=tol)


def _facts_ok(extracted: Event, gold: Event) -> bool | None:
    want = gold.facts.present()
    want.pop("subject", None)
    want.pop("affects_core", None)
    if not want:
        return None
    got = extracted.facts.present()
    for key, value in want.items():
        if key == "seats":
            have = got.get("seats") or {}
            if any(have.get(k) != v for k, v in value.items()):
                return False
        elif got.get(key) != value:
            return False
    return True


def evaluate(
    extracted: EventLog,
    gold: EventLog,
    *,
    tolerance_days: int = 1,
    gazetteer: Gazetteer | None = None,
) -> Evaluation:
    """Precision, recall and F1 of ``extracted`` against ``gold``, per kind and per field."""
    pairs = [
        (_score(e, g), i, j)
        for i, e in enumerate(extracted.events)
        for j, g in enumerate(gold.events)
        if event_matches(e, g, tolerance_days=tolerance_days, gazetteer=gazetteer)
    ]
    pairs.sort(key=lambda p: (p[0], -p[1], -p[2]), reverse=True)
    used_e: set[int] = set()
    used_g: set[int] = set()
    matches: list[MatchedPair] = []
    for _, i, j in pairs:
        if i in used_e or j in used_g:
            continue
        used_e.add(i)
        used_g.add(j)
        e, g = extracted.events[i], gold.events[j]
        matches.append(
            MatchedPair(
                gold=g.id,
                extracted=e.id,
                date_ok=_date_ok(e, g, tolerance_days),
                actors_ok=set(e.actors) == set(g.actors),
                recipients_ok=set(e.recipients) == set(g.recipients),
                facts_ok=_facts_ok(e, g),
            )
        )
    tp = len(matches)
    fp = len(extracted.events) - tp
    fn = len(gold.events) - tp
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    kinds = sorted({e.kind for e in extracted.events} | {g.kind for g in gold.events})
    per_kind = []
    for k in kinds:
        ktp = sum(1 for i in used_e if extracted.events[i].kind == k)
        per_kind.append(
            KindScore(
                kind=k,
                tp=ktp,
                fp=sum(1 for e in extracted.events if e.kind == k) - ktp,
                fn=sum(1 for g in gold.events if g.kind == k) - ktp,
            )
        )

    def rate(values: list[bool]) -> float | None:
        return sum(values) / len(values) if values else None

    fact_checks = [m.facts_ok for m in matches if m.facts_ok is not None]
    return Evaluation(
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
        tp=tp,
        fp=fp,
        fn=fn,
        tolerance_days=tolerance_days,
        fields={
            "date": rate([m.date_ok for m in matches]),
            "actors": rate([m.actors_ok for m in matches]),
            "recipients": rate([m.recipients_ok for m in matches]),
            "facts": rate(fact_checks),
        },
        per_kind=per_kind,
        matches=matches,
        false_positives=[e.id for i, e in enumerate(extracted.events) if i not in used_e],
        false_negatives=[g.id for j, g in enumerate(gold.events) if j not in used_g],
    )
