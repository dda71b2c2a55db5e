"""The frozen evaluation sets and the scores ``negotiation evaluate`` reports on them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from negotiation.cli import main
from negotiation.errors import InputError
from negotiation.events import Citation, Event, EventLog
from negotiation.extract.evaluate import combine, evaluate, modality_of
from negotiation.extract.sets import load_set, set_names


def test_sets_are_named_and_the_heldout_split_is_disjoint_from_tuning() -> None:
    assert {"seeds", "tuning", "heldout"} <= set(set_names())
    held, tuning, seeds = load_set("heldout"), load_set("tuning"), load_set("seeds")
    assert held.held_out and not tuning.held_out and not seeds.held_out
    ids = {a.id for p in held.parts for a in p.articles}
    assert len(ids) == 33  # the 7 Thailand/Bangladesh pack texts and 26 news-style reports
    assert not ids & {a.id for p in (*tuning.parts, *seeds.parts) for a in p.articles}
    assert not {p.name for p in held.parts} & {p.name for p in tuning.parts}
    assert sum(len(p.gold.events) for p in held.parts) == 216


def test_heldout_folders_are_labelled_and_their_gold_is_frozen() -> None:
    from negotiation.extract.sets import _folder_part, _FolderSpec

    held = load_set("heldout")
    folders = [p for p in held.parts if p.name.startswith("heldout/")]
    assert len(folders) == 9 and sum(len(p.articles) for p in folders) == 26
    for part in folders:
        for a in part.articles:
            assert "not a real news article" in a.text, a.id
            assert 120 <= len(a.text.split()) <= 450, a.id
        for e in part.gold.events:
            for c in e.sources:
                text = {a.id: a.text for a in part.articles}[c.article]
                assert text[c.start : c.end] == c.quote, e.id
    with pytest.raises(InputError, match="not in the frozen list"):
        _folder_part(_FolderSpec(dir="heldout/mali-2020", events=()))
    with pytest.raises(InputError, match=r"missing from events\.yaml"):
        ids = tuple(e.id for p in folders if p.name == "heldout/mali-2020" for e in p.gold.events)
        _folder_part(_FolderSpec(dir="heldout/mali-2020", events=(*ids, "2020-01-01-nope")))
    with pytest.raises(InputError, match="no evaluation folder"):
        _folder_part(_FolderSpec(dir="../packs/kenya-2007-2008"))


def test_labelled_mentions_quote_their_articles_verbatim() -> None:
    held = load_set("heldout")
    texts = {a.id: a.text for p in held.parts for a in p.articles}
    assert held.mentions
    for m in held.mentions:
        assert m.quote in texts[m.article], m


def test_unknown_set_is_a_located_error() -> None:
    with pytest.raises(InputError, match="unknown evaluation set 'nope'"):
        load_set("nope")
    result = CliRunner().invoke(main, ["evaluate", "--set", "nope"])
    assert result.exit_code == 2  # a flag's value: named as the flag, with the known sets
    assert "Invalid value for '--set': unknown evaluation set 'nope'" in result.output


def _event(id_: str, kind: str, day: int, actors: tuple[str, ...], start: int) -> Event:
    return Event(
        id=id_,
        kind=kind,
        date=dt.date(2014, 1, day),
        actors=actors,
        sources=[Citation(article="a", quote="x", start=start, end=start + 1)],
    )


def test_an_event_dated_to_the_gold_s_own_month_has_its_exact_date() -> None:
    from negotiation.events import Granularity

    def month(id_: str, granularity: Granularity) -> Event:
        return _event(id_, "protest", 1, ("p",), 0).model_copy(
            update={"id": id_, "granularity": granularity}
        )

    gold = EventLog(events=[month("2014-01-protest", Granularity.month)])
    same = evaluate(EventLog(events=[month("2014-01-protest-1", Granularity.month)]), gold)
    assert same.tp == 1 and same.fields["date_exact"] == 1.0
    # a day in that month matches, exactly; a coarser year only matches
    day = evaluate(EventLog(events=[_event("2014-01-05-protest-1", "protest", 5, ("p",), 0)]), gold)
    assert day.fields["date_exact"] == 1.0
    year = evaluate(EventLog(events=[month("2014-protest-1", Granularity.year)]), gold)
    assert year.tp == 1 and year.fields["date_exact"] == 0.0


def test_duplicates_exact_dates_overlap_and_combining() -> None:
    gold = EventLog(
        events=[
            _event("2014-01-05-protest", "protest", 5, ("p",), 0),
            _event("2014-01-06-strike-threatened", "strike_threatened", 6, ("q",), 5),
        ]
    )
    extracted = EventLog(
        events=[
            _event("2014-01-05-protest-1", "protest", 5, ("p",), 0),
            _event("2014-01-06-protest-2", "protest", 6, ("p", "r"), 9),  # the same protest again
            _event("2014-01-06-strike-threatened-1", "strike_threatened", 6, ("q", "z"), 5),
            _event("2014-01-09-coup-1", "coup", 9, (), 20),
        ]
    )
    ev = evaluate(extracted, gold)
    assert (ev.tp, ev.fp, ev.fn) == (2, 2, 0)
    assert ev.duplicates == ["2014-01-06-protest-2"] and ev.duplicate_rate == 0.25
    assert ev.fields["date_exact"] == 1.0 and ev.fields["actor_overlap"] == 1.0
    assert ev.fields["modality"] == 1.0 and modality_of("strike_threatened") == "threatened"
    both = combine([("x", ev), ("y", ev)])
    assert (both.tp, both.fp, both.fn, both.extracted) == (4, 4, 0, 8)
    assert both.f1 == pytest.approx(ev.f1) and both.duplicates[0] == "x:2014-01-06-protest-2"


def test_cli_reports_seeds_and_heldout_by_default() -> None:
    result = CliRunner().invoke(main, ["evaluate", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["format_version"] == 1
    sets = data["sets"]
    assert set(sets) == {"seeds", "heldout"} and sets["heldout"]["held_out"] is True
    for s in sets.values():
        assert 0.0 <= s["f1"] <= 1.0 and 0.0 <= s["duplicate_rate"] <= 1.0


def test_tuning_folders_are_labelled_quoted_and_frozen() -> None:
    tuning = load_set("tuning")
    folders = [p for p in tuning.parts if p.name.startswith("tuning/")]
    assert len(folders) == 86 and sum(len(p.articles) for p in folders) == 260
    assert sum(len(p.gold.events) for p in folders) == 2377
    for part in folders:
        texts = {a.id: a.text for a in part.articles}
        for a in part.articles:
            assert "Written from public facts for the tuning evaluation set" in a.text, a.id
            assert 120 <= len(a.text.split()) <= 450, a.id
        for e in part.gold.events:
            for c in e.sources:
                assert texts[c.article][c.start : c.end] == c.quote, e.id
    texts = {a.id: a.text for p in tuning.parts for a in p.articles}
    assert len(tuning.mentions) == 523
    for m in tuning.mentions:
        assert m.quote in texts[m.article], m
