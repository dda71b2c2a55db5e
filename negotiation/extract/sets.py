"""Evaluation sets of ``negotiation evaluate``: the seeds, the tuning split, the held-out split.

``negotiation/data/evaluation/sets.yaml`` names them. The held-out split was frozen in its own
commit before any tuning against it; a set drawn from dispute packs is scored pack by pack, each
with its own gazetteer, vocabulary and trigger additions, and the scores are summed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from negotiation._internal import paths, yamldoc
from negotiation._internal.suggest import unknown
from negotiation.corpus import Article, load_articles
from negotiation.errors import InputError, Problem
from negotiation.events import EventLog
from negotiation.events.actors import Gazetteer
from negotiation.extract.evaluate import (
    Evaluation,
    combine,
    evaluate,
    with_modality_checks,
)
from negotiation.extract.lexicon import Lexicon
from negotiation.extract.mention import Modality

__all__ = ["EvaluationSet", "LabelledMention", "Part", "load_set", "run_set", "set_names"]


class LabelledMention(BaseModel):
    """A hand-labelled mention that is not a plain assertion ("No results were announced.")."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    article: str
    kind: str
    modality: Modality
    quote: str


class _FolderSpec(BaseModel):
    """Texts kept for evaluation only, beside ``sets.yaml``: ``*.txt``, ``articles.yaml`` and a
    gold ``events.yaml``; the gazetteer is the folder's ``actors.yaml`` or a pack's."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dir: str = Field(description="a folder relative to the evaluation directory")
    pack: str | None = Field(
        default=None, description="a pack whose gazetteer and vocabulary the texts use"
    )
    events: tuple[str, ...] = Field(default=(), description="the folder's gold ids, frozen")


class _SetSpec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str
    held_out: bool
    gold: str | None = Field(default=None, description="builtin:seeds: the seed log")
    packs: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    folders: tuple[_FolderSpec, ...] = ()
    events: tuple[str, ...] = Field(default=(), description="the gold ids, frozen")
    modality: dict[str, Modality] = Field(default_factory=dict)
    mentions: tuple[LabelledMention, ...] = ()


class _SetsFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    sets: dict[str, _SetSpec]


@dataclass(frozen=True)
class Part:
    """One dispute of a set: its articles, gold log, gazetteer and lexicon."""

    name: str
    articles: tuple[Article, ...]
    gold: EventLog
    gazetteer: Gazetteer
    lexicon: Lexicon


@dataclass(frozen=True)
class EvaluationSet:
    name: str
    description: str
    held_out: bool
    parts: tuple[Part, ...]
    modality: dict[str, str] = field(default_factory=dict)
    mentions: tuple[LabelledMention, ...] = ()


def _file() -> Path:
    return paths.data_dir() / "evaluation" / "sets.yaml"


@functools.cache
def _specs() -> dict[str, _SetSpec]:
    return yamldoc.parse(yamldoc.load(_file()), _SetsFile).sets


def set_names() -> list[str]:
    """The names of the evaluation sets, in file order."""
    return list(_specs())


def _restrict(log: EventLog, keep: set[str]) -> EventLog:
    """The gold events with a source in ``keep``, citing only those sources."""
    events = []
    for e in log.events:
        sources = [c for c in e.sources if c.article in keep]
        if sources:
            events.append(e.model_copy(update={"sources": sources}))
    return log.model_copy(update={"events": events, "conflicts": []})


def _pack_part(pack_id: str, wanted: set[str], name: str) -> Part:
    from negotiation.events.log import load_actors
    from negotiation.extract.lexicon import lexicon_for_pack
    from negotiation.packs import load_pack

    pack = load_pack(pack_id)
    log = pack.event_log()
    arts = {k: v for k, v in load_articles(pack.root).items() if k in wanted}
    return Part(
        name=pack_id,
        articles=tuple(arts[k] for k in sorted(arts)),
        gold=_restrict(log, set(arts)),
        gazetteer=load_actors(pack.root),
        lexicon=lexicon_for_pack(pack.root),
    )


def _folder_part(spec: _FolderSpec) -> Part:
    from negotiation.events.log import load_actors, load_event_log
    from negotiation.extract.lexicon import lexicon_for_pack
    from negotiation.packs import load_pack

    folder = _file().parent / spec.dir
    if not folder.is_dir() or not folder.resolve().is_relative_to(_file().parent.resolve()):
        raise InputError([Problem(file=str(_file()), message=f"no evaluation folder {spec.dir!r}")])
    root = load_pack(spec.pack).root if spec.pack else folder
    arts = load_articles(folder)
    gazetteer = load_actors(root)
    gold = load_event_log(folder, articles=arts, actors=gazetteer)
    have, frozen = [e.id for e in gold.events], set(spec.events)
    changed = sorted(set(have) ^ frozen)
    if changed:
        raise InputError(
            [
                Problem(
                    file=str(_file()),
                    message=f"folder {spec.dir!r}: gold event {e!r} is "
                    + ("not in the frozen list" if e in have else "missing from events.yaml"),
                )
                for e in changed
            ]
        )
    return Part(
        name=spec.dir,
        articles=tuple(arts[k] for k in sorted(arts)),
        gold=gold,
        gazetteer=gazetteer,
        lexicon=lexicon_for_pack(root),
    )


def load_set(name: str) -> EvaluationSet:
    """An evaluation set by name (an unknown name is an error naming the known ones)."""
    from negotiation.events.log import load_actors, load_event_log
    from negotiation.extract.lexicon import load_lexicon

    specs = _specs()
    if name not in specs:
        raise InputError(
            [Problem(file=str(_file()), message=unknown("evaluation set", name, list(specs)))]
        )
    spec = specs[name]
    parts: list[Part] = []
    if spec.gold == "builtin:seeds":
        arts = load_articles()
        gazetteer = load_actors()
        gold = load_event_log(articles=arts, actors=gazetteer)
        parts.append(
            Part("seeds", tuple(arts[k] for k in sorted(arts)), gold, gazetteer, load_lexicon())
        )
    wanted = set(spec.articles)
    for pack_id in spec.packs:
        parts.append(_pack_part(pack_id, wanted, name))
    parts += [_folder_part(f) for f in spec.folders]
    found = {a.id for p in parts for a in p.articles}
    ids = [a.id for p in parts for a in p.articles]
    doubles = [
        Problem(file=str(_file()), message=f"set {name!r}: article {a!r} is in two folders")
        for a in sorted({a for a in ids if ids.count(a) > 1})
    ]
    problems = doubles + [
        Problem(file=str(_file()), message=f"set {name!r}: no article {a!r} in its packs")
        for a in sorted(wanted - found)
    ]
    if spec.events:
        gold_ids = {e.id for p in parts if p.name in spec.packs for e in p.gold.events}
        problems += [
            Problem(
                file=str(_file()),
                message=f"set {name!r}: frozen gold event {e!r} is missing from the pack logs",
            )
            for e in spec.events
            if e not in gold_ids
        ]
        problems += [
            Problem(
                file=str(_file()),
                message=f"set {name!r}: pack logs have gold event {e!r} the frozen set lacks",
            )
            for e in sorted(gold_ids - set(spec.events))
        ]
    if problems:
        raise InputError(problems)
    return EvaluationSet(
        name=name,
        description=spec.description,
        held_out=spec.held_out,
        parts=tuple(parts),
        modality=dict(spec.modality),
        mentions=spec.mentions,
    )


def _labelled_checks(
    part: Part, mentions: tuple[LabelledMention, ...], all_mentions: list[Any]
) -> list[tuple[str, bool]]:
    """Each labelled mention is handled when no asserted mention of its kind comes from its
    sentence, and any mention of its kind there carries the labelled modality."""
    from negotiation.extract.evaluate import modality_of

    texts = {a.id: a.text for a in part.articles}
    out = []
    for lm in mentions:
        if lm.article not in texts:
            continue
        at = texts[lm.article].find(lm.quote)
        here = [
            m for m in all_mentions
            if m.citation.article == lm.article
            and m.citation.start <= at < m.citation.end
            and (m.kind == lm.kind or m.kind.startswith(lm.kind.split("_")[0] + "_"))
        ]  # fmt: skip
        asserted = any(m.kind == lm.kind and m.modality == "asserted" for m in here)
        wrong = any(m.modality != lm.modality and modality_of(m.kind) != lm.modality for m in here)
        out.append((f"{lm.article}:{lm.kind}:{lm.modality}", not asserted and not wrong))
    return out


def run_set(
    s: EvaluationSet, *, tolerance_days: int = 1, lexicon: Lexicon | None = None
) -> Evaluation:
    """Extract every article of the set and score it against the set's gold."""
    from negotiation.extract.extract import Extractor
    from negotiation.extract.merge import merge_mentions

    parts: list[tuple[str, Evaluation]] = []
    for part in s.parts:
        ex = Extractor(part.gazetteer, lexicon if lexicon is not None else part.lexicon)
        every = [m for a in part.articles for m in ex.mentions(a)]
        kept = [m for m in every if ex.keeps(m)]
        unique = {k for k, r in ex.lexicon.rules.items() if r.unique}
        log = merge_mentions(kept, gazetteer=part.gazetteer, unique=unique)
        ev = evaluate(
            log,
            part.gold,
            tolerance_days=tolerance_days,
            gazetteer=part.gazetteer,
            modality=s.modality,
        )
        parts.append(
            (part.name, with_modality_checks(ev, _labelled_checks(part, s.mentions, every)))
        )
    if len(parts) == 1:
        return parts[0][1]
    return combine(parts)
