"""How far to trust extraction: detection precision/recall/F1 against a curated log.

An extracted event matches a gold event when the kinds are equal, the extracted date falls in
the gold event's period ``[date, last_day]`` widened by ``tolerance_days`` (a coarse extracted
date — week, month, year — also matches when its period contains the gold date), and, when both name actors, their actors (or
recipients, or a person's party) overlap. Matching is greedy and one-to-one, best pairs first.
Per-field accuracy is measured over the matched pairs: ``date`` (within the gold period and the
tolerance), ``date_exact`` (the gold day itself, or inside a gold range), ``actors`` (the same
set), ``actor_overlap`` (extracted actors and recipients share one with the gold's, a party
counting for its members), ``recipients``, ``facts`` and ``modality`` (plus the hand-labelled
non-asserted mentions of an evaluation set). ``duplicate_rate`` is the share of extracted events
that detect a gold event another extracted event already detects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from negotiation.events import Event, EventLog, Granularity
from negotiation.events.actors import Gazetteer

__all__ = [
    "Evaluation",
    "KindScore",
    "MatchedPair",
    "combine",
    "evaluate",
    "event_matches",
    "modality_of",
    "with_modality_checks",
]


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
    date_exact: bool = False
    actor_overlap: bool = False
    modality_ok: bool = True


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
    duplicates: list[str] = Field(
        default_factory=list, description="extracted events repeating a detected gold event"
    )
    modality_checks: list[tuple[str, bool]] = Field(
        default_factory=list, description="labelled non-asserted mentions: (label, handled)"
    )
    extracted: int = 0

    @property
    def duplicate_rate(self) -> float:
        return len(self.duplicates) / self.extracted if self.extracted else 0.0

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
            "duplicate_rate": round(self.duplicate_rate, 4),
            "duplicates": self.duplicates,
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
            "labelled_mentions": [
                {"mention": label, "modality_ok": ok} for label, ok in self.modality_checks
            ],
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
    if not inside and (extracted.granularity is not Granularity.day or extracted.date_end):
        # a coarse date ("this month", "last week") or a range ("after the election, before
        # publication") matches when its period holds the gold date
        inside = extracted.date <= gold.date <= extracted.last_day
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


def _date_exact(extracted: Event, gold: Event) -> bool:
    if (extracted.date, extracted.last_day) == (gold.date, gold.last_day):
        return True  # the very period ("in April 2021" for an event dated April 2021)
    if extracted.granularity is not Granularity.day:
        return False
    if gold.date_end is None and gold.granularity is Granularity.day:
        return extracted.date == gold.date
    return gold.date <= extracted.date <= gold.last_day


def modality_of(kind: str) -> str:
    """The modality an event kind carries (``boycott_threatened`` is a threat)."""
    for suffix in ("threatened", "planned"):
        if kind.endswith("_" + suffix):
            return suffix
    return "asserted"


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
    modality: dict[str, str] | None = None,
) -> Evaluation:
    """Precision, recall and F1 of ``extracted`` against ``gold``, per kind and per field.

    ``modality`` gives the gold modality of events that are not plain assertions (by id).
    """
    modality = modality or {}
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
                date_exact=_date_exact(e, g),
                actor_overlap=_actors_overlap(e, g, gazetteer),
                modality_ok=modality_of(e.kind) == modality.get(g.id, modality_of(g.kind)),
            )
        )
    matched_gold = {j for _, i, j in pairs if i in used_e and j in used_g}
    duplicates = [
        extracted.events[i].id
        for i in sorted({i for _, i, j in pairs if i not in used_e and j in matched_gold})
    ]
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
    return _assemble(
        matches=matches,
        per_kind=per_kind,
        false_positives=[e.id for i, e in enumerate(extracted.events) if i not in used_e],
        false_negatives=[g.id for j, g in enumerate(gold.events) if j not in used_g],
        duplicates=duplicates,
        extracted=len(extracted.events),
        tolerance_days=tolerance_days,
        modality_checks=[],
    )


def _actors_overlap(extracted: Event, gold: Event, gazetteer: Gazetteer | None) -> bool:
    ea = _expand((*extracted.actors, *extracted.recipients), gazetteer)
    ga = _expand((*gold.actors, *gold.recipients), gazetteer)
    return bool(ea & ga) or (not ea and not ga)


def _assemble(
    *,
    matches: list[MatchedPair],
    per_kind: list[KindScore],
    false_positives: list[str],
    false_negatives: list[str],
    duplicates: list[str],
    extracted: int,
    tolerance_days: int,
    modality_checks: list[tuple[str, bool]],
) -> Evaluation:
    tp = len(matches)
    fp = len(false_positives)
    fn = len(false_negatives)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0

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
            "date_exact": rate([m.date_exact for m in matches]),
            "actors": rate([m.actors_ok for m in matches]),
            "actor_overlap": rate([m.actor_overlap for m in matches]),
            "recipients": rate([m.recipients_ok for m in matches]),
            "facts": rate(fact_checks),
            "modality": rate([m.modality_ok for m in matches] + [ok for _, ok in modality_checks]),
        },
        per_kind=per_kind,
        matches=matches,
        false_positives=false_positives,
        false_negatives=false_negatives,
        duplicates=duplicates,
        modality_checks=modality_checks,
        extracted=extracted,
    )


def combine(parts: Iterable[tuple[str, Evaluation]]) -> Evaluation:
    """One evaluation of several (per-dispute) ones: counts summed, ids prefixed ``part:``."""
    parts = list(parts)
    kinds: dict[str, list[int]] = {}
    for _, ev in parts:
        for k in ev.per_kind:
            row = kinds.setdefault(k.kind, [0, 0, 0])
            row[0] += k.tp
            row[1] += k.fp
            row[2] += k.fn

    def ids(name: str, values: list[str]) -> list[str]:
        return [f"{name}:{v}" for v in values]

    return _assemble(
        matches=[
            m.model_copy(update={"gold": f"{n}:{m.gold}", "extracted": f"{n}:{m.extracted}"})
            for n, ev in parts
            for m in ev.matches
        ],
        per_kind=[KindScore(kind=k, tp=v[0], fp=v[1], fn=v[2]) for k, v in sorted(kinds.items())],
        false_positives=[x for n, ev in parts for x in ids(n, ev.false_positives)],
        false_negatives=[x for n, ev in parts for x in ids(n, ev.false_negatives)],
        duplicates=[x for n, ev in parts for x in ids(n, ev.duplicates)],
        extracted=sum(ev.extracted for _, ev in parts),
        tolerance_days=parts[0][1].tolerance_days if parts else 1,
        modality_checks=[
            (f"{n}:{label}", ok) for n, ev in parts for label, ok in ev.modality_checks
        ],
    )


def with_modality_checks(ev: Evaluation, checks: list[tuple[str, bool]]) -> Evaluation:
    """``ev`` with the labelled mentions' modality checks counted in its modality accuracy."""
    return _assemble(
        matches=ev.matches,
        per_kind=ev.per_kind,
        false_positives=ev.false_positives,
        false_negatives=ev.false_negatives,
        duplicates=ev.duplicates,
        extracted=ev.extracted,
        tolerance_days=ev.tolerance_days,
        modality_checks=[*ev.modality_checks, *checks],
    )
