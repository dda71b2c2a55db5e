"""Extraction: lexicon, dates, facts, actors, merging, evaluation, CLI and held-out reports."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import negotiation
from negotiation.cli import main
from negotiation.corpus import load_articles
from negotiation.errors import InputError
from negotiation.events import Granularity
from negotiation.events.actors import Actor, Gazetteer
from negotiation.events.log import load_actors, load_event_log
from negotiation.extract import (
    evaluate,
    extract,
    extract_events,
    extract_text,
    load_lexicon,
    merge_mentions,
    parse_facts,
    resolve_date,
)
from negotiation.extract.actors import ActorMatcher
from negotiation.extract.dates import find_dates
from negotiation.extract.lexicon_fields import CUE_LISTS

DATA = Path(__file__).parent / "data" / "extraction"


def kinds(text: str, pub: dt.date = dt.date(2013, 9, 17)) -> list[str]:
    return [m.kind for m in extract_text(text, pub)]


# --------------------------------------------------------------------------- lexicon


@pytest.mark.parametrize(
    ("sentence", "want", "not_want"),
    [
        ("The opposition threatened to boycott parliament.", "boycott_threatened", "boycott"),
        ("The party refused to accept the results of the vote.", "results_rejected", None),
        ("The two parties failed to reach any agreements on reforms.", None, "agreement"),
        ("The parties have not yet reached an agreement.", None, "agreement"),
        ("The working groups will meet again this weekend.", None, "talks_held"),
        ("Officials said the talks would resume next week.", None, "talks_held"),
        ("The party said it should have won 63 seats.", "results_claimed", "results_announced"),
        ("The ruling party won 68 of the 123 seats.", "results_announced", None),
        ("Police fired tear gas at protesters on Sunday.", "violence", None),
        ("The opposition has called a general strike.", "strike_threatened", None),
        ("The leaders held three hours of talks on Monday.", "talks_held", None),
        ("Negotiations between the two parties have collapsed.", "talks_broken_off", None),
        ("The government ruled out a new election.", "proposal_rejected", None),
        ("The opposition demanded an independent inquiry.", "demand", None),
        ("The monarch brokered talks between the rivals.", "royal_mediation", None),
        ("The talks were initiated by the King on Saturday.", "royal_mediation", None),
        ("The assembly cannot be dissolved before its term ends.", None, "assembly_dissolved"),
        ("The opposition ended its 10-month boycott of parliament.", "seats_taken", "boycott"),
        ("The party agreed on Tuesday to end its boycott of the assembly.", None, "boycott"),
    ],
)
def test_triggers_handle_negation_and_modality(
    sentence: str, want: str | None, not_want: str | None
) -> None:
    triggers = load_lexicon().triggers(sentence)
    found = [t.kind for t in triggers if not t.dropped]
    # what negation or modality drops from its kind stays visible with its modality
    assert all(t.modality != "asserted" for t in triggers if t.dropped)
    if want:
        assert want in found, found
    if not_want:
        assert not_want not in found, found


def test_lexicon_errors_are_located(tmp_path: Path) -> None:
    bad = tmp_path / "lex.yaml"
    bad.write_text("kinds:\n  boycott:\n    patterns: ['boycott(']\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_lexicon(bad)
    assert "lex.yaml:3" in str(err.value) and "invalid pattern" in str(err.value)
    for key in CUE_LISTS:  # the top-level cue lists too (a traceback)
        bad.write_text(f"{key}: [will, '+']\nkinds: {{}}\n", encoding="utf-8")
        with pytest.raises(InputError, match=rf"lex.yaml:1:\d+: {key}\[1\]: invalid pattern"):
            load_lexicon(bad)
    bad.write_text("kinds:\n  nonsense:\n    patterns: [x]\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown event kind"):
        load_lexicon(bad)
    for third in ("drop", "keep", "nonsense"):  # third_party takes an event kind only
        bad.write_text(
            f"kinds:\n  appeal:\n    patterns: [x]\n    third_party: {third}\n", encoding="utf-8"
        )
        with pytest.raises(InputError) as err:
            load_lexicon(bad)
        assert "lex.yaml:4" in str(err.value) and "expected an event kind" in str(err.value)


# --------------------------------------------------------------------------- dates

PUB = dt.date(2013, 9, 17)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "pub", "date", "gran", "raw"),
    [
        (
            "Sar Kheng on January 31 accused",
            dt.date(2014, 2, 1),
            "2014-01-31",
            "day",
            "on January 31",
        ),
        ("they agreed on Monday", PUB, "2013-09-16", "day", "on Monday"),
        ("officials said Tuesday", PUB, "2013-09-17", "day", "Tuesday"),
        ("held unsuccessful talks last week", PUB, "2013-09-09", "week", "last week"),
        ("turned violent this month", PUB, "2013-09-01", "month", "this month"),
        ("rally in Phnom Penh, Sept. 17, 2013.", PUB, "2013-09-17", "day", "Sept. 17, 2013"),
        ("the July 28 polls", PUB, "2013-07-28", "day", "July 28"),
        ("four meetings since March 3", dt.date(2014, 3, 24), "2014-03-03", "day", "since March 3"),
        ("talks on November 16-17", dt.date(2013, 12, 1), "2013-11-16", "day", "on November 16-17"),
        ("three days ago", PUB, "2013-09-14", "day", "three days ago"),
        ("on 31 January 2014", PUB, "2014-01-31", "day", "on 31 January 2014"),
        ("elected in 1993", PUB, "1993-01-01", "year", "in 1993"),
    ],
)
def test_dates_resolve_against_publication(
    text: str, pub: dt.date, date: str, gran: str, raw: str
) -> None:
    r = resolve_date(text, pub)
    assert r is not None
    assert (r.date.isoformat(), r.granularity.value, r.text) == (date, gran, raw)


def test_past_reports_never_resolve_after_publication() -> None:
    pub = dt.date(2013, 11, 5)
    r = resolve_date("during their talks on November 16-17", pub)
    assert r is not None and r.date <= pub and r.adjusted
    assert resolve_date("talks on Friday", pub, future=True).date == dt.date(2013, 11, 8)  # type: ignore[union-attr]
    assert resolve_date("talks on Friday", pub).date == dt.date(2013, 11, 1)  # type: ignore[union-attr]
    assert resolve_date("nothing to see", pub) is None


def test_month_and_weekday_names_are_not_verbs() -> None:
    assert find_dates("They may march on parliament.", PUB) == []


# --------------------------------------------------------------------------- facts


def test_seats_listed_after_the_first_count_belong_to_each_party() -> None:
    """'The PP won 137 of the 350 seats, the Socialists 85, Unidos Podemos 71 and Ciudadanos
    32': each party named before a bare number has those seats (only the PP's were read)."""
    text = (
        "The PP won 137 of the 350 seats, the Socialists 85, Unidos Podemos 71 and Ciudadanos 32."
    )
    spans = [(4, 6, "pp"), (37, 47, "psoe"), (52, 66, "podemos"), (74, 84, "cs")]
    assert [text[a:b] for a, b, _ in spans] == ["PP", "Socialists", "Unidos Podemos", "Ciudadanos"]
    f = parse_facts(text, spans)
    assert f.seats == {"pp": 137, "psoe": 85, "podemos": 71, "cs": 32} and f.total_seats == 350
    # a number after a party that is no seat count is left alone
    other = "The PP won 137 seats; the Socialists 85 percent of their own members voted in 2016."
    assert parse_facts(other, [(4, 6, "pp"), (21, 31, "psoe")]).seats == {"pp": 137}


def test_seats_said_after_a_party_leaders_name_go_to_the_party() -> None:
    """'Likud of Prime Minister Benjamin Netanyahu won 35 of the 120 seats': the count stands
    next to the leader, who is no seat holder; it gave {'netanyahu': 35, 'gantz': 35}."""
    g = Gazetteer(
        [
            Actor(id="likud", name="Likud", type="party"),
            Actor(id="blue-and-white", name="Blue and White", type="party"),
            Actor(id="netanyahu", name="Benjamin Netanyahu", type="person", party="likud"),
            Actor(id="gantz", name="Benny Gantz", type="person", party="blue-and-white"),
        ]
    )
    text = (
        "Israel: results\n\nJERUSALEM, April 11, 2019 - Likud of Prime Minister Benjamin "
        "Netanyahu won 35 of the 120 seats in the Knesset and Blue and White of Benny Gantz also "
        "won 35.\n"
    )
    from negotiation.extract.extract import Extractor, TextArticle

    art = TextArticle("il", dt.date(2019, 4, 11), text)
    (results,) = [m for m in Extractor(g).mentions(art) if m.kind == "results_announced"]
    assert results.facts.seats == {"likud": 35, "blue-and-white": 35}, results.facts


def test_facts() -> None:
    f = parse_facts(
        "The ruling CPP won 68 out of the 123 parliamentary seats and the CNRP got 55 seats.",
        [(11, 14, "cpp"), (58, 62, "cnrp")],
    )
    assert f.seats == {"cpp": 68, "cnrp": 55} and f.total_seats == 123
    assert parse_facts("compared to 68 seats for the CPP", [(29, 32, "cpp")]).seats == {"cpp": 68}
    assert parse_facts("says it should have won 63 seats", [(0, 4, "x")]).seats == {"x": 63}
    assert parse_facts("the ruling party's 68 lawmakers voted on Monday").votes_for == 68
    assert parse_facts("after the three-hour meeting").duration_hours == 3.0
    assert parse_facts("the meeting that lasted just one hour").duration_hours == 1.0
    assert parse_facts("a 90-minute session").duration_hours == 1.5
    assert parse_facts("some 10,000 protesters turned out").participants == 10000
    f = parse_facts("one protester shot dead and several wounded")
    assert f.killed == 1 and f.injured is None
    assert parse_facts("At least 13 people were killed").participants is None
    f = parse_facts("the 14 points agreed at the third meeting")
    assert (f.points_agreed, f.meeting_number) == (14, 3)
    assert parse_facts("passed by a vote of 70-12").votes_against == 12
    assert parse_facts("twenty-one people were injured").injured == 21


# --------------------------------------------------------------------------- actors


def test_actor_matching_uses_aliases_and_reports_candidates() -> None:
    g = Gazetteer(
        [
            Actor(id="cpp", name="Cambodian People's Party", type="party", aliases=["CPP"]),
            Actor(id="sam-rainsy", name="Sam Rainsy", type="person"),
        ]
    )
    m = ActorMatcher(g)
    found = [(a.actor, a.text) for a in m.find("The Cambodian People’s Party (CPP) met Rainsy.")]
    assert found == [("cpp", "Cambodian People’s Party"), ("cpp", "CPP"), ("sam-rainsy", "Rainsy")]
    assert m.candidates("Raila Odinga of the Orange Democratic Movement (ODM) spoke.") == [
        "Raila Odinga",
        "Orange Democratic Movement",
        "ODM",
    ]
    assert m.candidates("They met in Phnom Penh on Monday.") == []


# --------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seeds() -> tuple[object, Gazetteer]:
    return load_articles(), load_actors()


def test_extract_seed_article_gives_quoted_dated_mentions(seeds: tuple[object, Gazetteer]) -> None:
    arts, g = seeds
    article = arts["001_eaf3dc0ebd996e0e"]  # type: ignore[index]
    ms = negotiation.extract(article, g)
    assert ms
    for m in ms:
        assert article.text[m.citation.start : m.citation.end] == m.citation.quote
        assert m.date <= article.published
    talks = [m for m in ms if m.kind == "talks_held" and m.date == dt.date(2014, 3, 24)]
    assert talks and talks[0].facts.meeting_number == 4 and {"cpp", "cnrp"} <= set(talks[0].actors)
    agreed = [m for m in ms if m.kind == "agreement"]
    assert agreed and agreed[0].date == dt.date(2014, 3, 17) and agreed[0].facts.points_agreed == 14


def test_seed_f1_and_conflicts(seeds: tuple[object, Gazetteer]) -> None:
    arts, g = seeds
    log = extract_events(arts.values(), g)  # type: ignore[attr-defined]
    ids = [e.id for e in log.events]
    assert ids == sorted(ids, key=lambda i: i[:10]) and len(set(ids)) == len(ids)
    result = evaluate(log, load_event_log(), gazetteer=g)
    # 0.93 on 2026-12-02; 0.897 since an undated quoted statement is dated to its report's day
    # and a sentence no longer counts as quoted before its first quotation mark: the seed log
    # names no statement by Human Rights Watch, which an earlier week-wide date matched by luck
    assert result.f1 >= 0.88, result.summary()
    assert result.precision >= 0.85 and result.recall >= 0.9
    # the re-election: "voted on September 24" in one outlet, "his comments came a day after
    # Hun Sen was reelected" in a report of the 25th in another: one event, both sources
    (formed,) = [e for e in log.events if e.kind == "government_formed"]
    assert formed.date.isoformat() == "2013-09-24" and len({c.article for c in formed.sources}) == 2
    assert not any(c.field == "date" and "government" in c.id for c in log.conflicts)
    # deterministic
    assert extract_events(arts.values(), g).model_dump() == log.model_dump()  # type: ignore[attr-defined]


def test_merge_keeps_every_citation_and_reports_seat_conflicts() -> None:
    pub = dt.date(2013, 9, 20)
    a = extract_text("The ruling party won 68 seats on Monday.", pub, article_id="a")
    b = extract_text("The ruling party won 69 seats on Monday.", pub, article_id="b")
    g = Gazetteer([Actor(id="rp", name="ruling party", type="party")])
    a = extract_text("The ruling party won 68 seats on Monday.", pub, article_id="a", gazetteer=g)
    b = extract_text("The ruling party won 69 seats on Monday.", pub, article_id="b", gazetteer=g)
    log = merge_mentions([*a, *b])
    assert len(log.events) == 1 and len(log.events[0].sources) == 2
    assert [c.field for c in log.conflicts] == ["seats.rp"]
    assert log.events[0].id == "2013-09-16-results-announced-1"
    # two outlets a day apart on one event: merged, and the date disagreement is recorded
    c = extract_text("The ruling party won 68 seats on Sunday.", pub, article_id="c", gazetteer=g)
    log = merge_mentions([*a, *c])
    assert len(log.events) == 1 and [x.field for x in log.conflicts] == ["date"]


def test_one_actors_acts_on_others_on_two_days_are_two_events() -> None:
    """Two outlets: a court's ruling on the government on 8 June, its suspension of the
    president on 9 June. Not one ruling the sources date a day apart (merged, the log's
    event was dated 9 June and cited a report of 8 June)."""
    g = Gazetteer(
        [
            Actor(id="court", name="Constitutional Court", type="institution"),
            Actor(id="government", name="Sandu government", type="institution"),
            Actor(id="dodon", name="Igor Dodon", type="person"),
        ]
    )
    a = extract_text(
        "On 8 June the Constitutional Court ruled against the Sandu government.",
        dt.date(2019, 6, 8), article_id="a", gazetteer=g,
    )  # fmt: skip
    b = extract_text(
        "The Constitutional Court suspended Igor Dodon on Sunday 9 June.",
        dt.date(2019, 6, 10), article_id="b", gazetteer=g,
    )  # fmt: skip
    assert [(m.kind, m.recipients) for m in (*a, *b)] == [
        ("court_ruling", ("government",)),
        ("court_ruling", ("dodon",)),
    ]
    log = merge_mentions([*a, *b])
    assert [e.date.isoformat() for e in log.events] == ["2019-06-08", "2019-06-09"]
    assert not log.conflicts


def test_merge_without_a_gazetteer_tells_speakers_apart_by_name() -> None:
    pub, none = dt.date(2023, 5, 17), Gazetteer([])
    text = (
        "Assembly president Virgilio Saquicela said on Wednesday the decree was legal. "
        "Former president Rafael Correa said on Wednesday the decision was a mistake."
    )
    ms = extract_text(text, pub, article_id="a", gazetteer=none)
    assert [m.kind for m in ms] == ["statement", "statement"]
    assert all(not m.actors and m.candidate_actors for m in ms)
    assert len(merge_mentions(ms).events) == 2  # two speakers, not one statement
    again = extract_text(
        "Rafael Correa said on Wednesday the decision was a mistake.",
        pub,
        article_id="b",
        gazetteer=none,
    )
    assert len(merge_mentions([*ms, *again]).events) == 2  # the same speaker, the same day


def _results(*texts: str) -> list[negotiation.extract.EventMention]:
    pub = dt.date(2021, 3, 10)  # a Wednesday
    out: list[negotiation.extract.EventMention] = []
    for i, text in enumerate(texts):
        ms = [m for m in extract_text(text, pub, article_id=f"r{i}") if m.kind != "election_held"]
        assert [m.kind for m in ms] == ["results_announced"], text
        out += ms
    return out


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # the contest: a presidential winner vs. seats in parliament
        (
            "The commission declared the senator the winner of the presidential vote on Monday.",
            "The ruling party won 120 of the 200 seats in parliament, the commission said on Monday.",
        ),
        # the stage: a preliminary vs. a final count
        (
            "The board released preliminary results on Monday.",
            "The board announced the final results on Monday.",
        ),
        # the round: a first round vs. a run-off
        (
            "Official results showed on Monday that the mayor had come first in the first round.",
            "Official results showed on Monday that the mayor won the run-off.",
        ),
    ],
)
def test_results_of_different_counts_are_not_merged(one: str, other: str) -> None:
    assert len(merge_mentions(_results(one, other)).events) == 2
    # a report that says neither joins either
    both = _results(one, "The commission announced the results on Monday.")
    assert len(merge_mentions(both).events) == 1


def test_results_no_one_is_said_to_announce_are_the_election_body_s() -> None:
    pub = dt.date(2021, 3, 10)
    text = "Official results showed on Monday that the governor had won 52.3 percent of the vote."
    body = Actor(id="neb", name="National Electoral Board", type="institution")
    court = Actor(id="sc", name="Supreme Court", type="institution")
    g = Gazetteer([body, court])
    (m,) = extract_text(text, pub, gazetteer=g)
    assert m.kind == "results_announced" and m.actors == ("neb",)
    # two bodies that could have counted: no guess
    other = Actor(id="rec", name="Regional Election Commission", type="institution")
    (m,) = extract_text(text, pub, gazetteer=Gazetteer([body, other]))
    assert m.actors == ()


def test_a_person_named_in_full_is_named_again_by_family_name() -> None:
    text = (
        "Ecuadorean President Guillermo Lasso dissolved the National Assembly on Wednesday. "
        '"This is the best decision," Lasso said in a televised address. '
        "The Communist Party of Ecuador said on Wednesday the decision was a mistake."
    )
    ms = extract_text(text, dt.date(2023, 5, 17), gazetteer=Gazetteer([]))
    # the title is no part of the name; "Lasso" alone is the Guillermo Lasso named before
    assert [(m.kind, m.candidate_actors[:1]) for m in ms] == [
        ("assembly_dissolved", ("Guillermo Lasso",)),
        ("statement", ("Guillermo Lasso",)),
        ("statement", ("Communist Party of Ecuador",)),
    ]
    # "he" with nobody named: the first unknown person the last sentence naming one named
    text = (
        "Prime Minister Mariano Rajoy dismissed the government of Carles Puigdemont on Friday. "
        '"We never wanted to get here," he told reporters.'
    )
    said = extract_text(text, dt.date(2017, 10, 27), gazetteer=Gazetteer([]))[-1]
    assert (said.kind, said.candidate_actors) == ("statement", ("Mariano Rajoy",))
    # a lone surname the article never gave in full names nobody
    assert not extract_text(
        '"We will win," Correa said.', dt.date(2023, 5, 17), gazetteer=Gazetteer([])
    )


# --------------------------------------------------------------------------- held-out reports


def _expected(name: str) -> dict[str, dict[str, object]]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _found(ms: list[negotiation.extract.EventMention], kind: str, day: object) -> bool:
    for m in ms:
        if m.kind != kind:
            continue
        if day is None:
            return True
        d = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        if m.date <= d <= m.last_day:
            return True
    return False


@pytest.mark.parametrize(
    ("expectations", "min_recall"), [("expected.yaml", 1.0), ("expected_fresh.yaml", 0.8)]
)
def test_other_disputes(expectations: str, min_recall: float) -> None:
    hits = total = 0
    for name, spec in _expected(expectations).items():
        pub = spec["published"]
        assert isinstance(pub, str | dt.date)
        published = pub if isinstance(pub, dt.date) else dt.date.fromisoformat(pub)
        text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
        ms = extract_text(text, published, article_id=name)
        for m in ms:
            assert text[m.citation.start : m.citation.end] == m.citation.quote
        must = spec["must"]
        assert isinstance(must, list)
        for kind, day in must:
            total += 1
            hits += _found(ms, kind, day)
        must_not = spec["must_not"]
        assert isinstance(must_not, list)
        for kind in must_not:
            assert not any(m.kind == kind for m in ms), (name, kind)
    assert hits / total >= min_recall, f"{hits}/{total}"


def test_unknown_names_are_candidates() -> None:
    text = (DATA / "kenya_2008.txt").read_text(encoding="utf-8")
    ms = extract_text(text, dt.date(2008, 1, 3))
    names = {n for m in ms for n in m.candidate_actors}
    assert {"Raila Odinga", "Mwai Kibaki", "Orange Democratic Movement"} <= names
    rejected = next(m for m in ms if m.kind == "results_rejected" and m.date_text)
    assert rejected.date == dt.date(2008, 1, 2) and rejected.granularity is Granularity.day


# --------------------------------------------------------------------------- CLI


def test_cli_extract_seeds_json() -> None:
    result = CliRunner().invoke(main, ["extract", "seeds", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["format_version"] == 1
    assert len(data["articles"]) == 5 and data["events"]
    m = data["articles"][0]["mentions"][0]
    assert m["citation"]["quote"] and m["date"] and m["kind"]


def test_cli_extract_text_output_and_out_file(tmp_path: Path) -> None:
    for f in Path("seeds").glob("*"):
        shutil.copy(f, tmp_path / f.name)
    out = tmp_path / "proposed.yaml"
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "event(s) after merging" in result.output and '"' in result.output
    log = load_event_log(out)  # checks quotes, spans, actors, chronology
    assert len(log.events) > 20


def test_cli_extract_needs_a_publication_date(tmp_path: Path) -> None:
    article = tmp_path / "report.txt"
    article.write_text("The opposition boycotted parliament on Monday.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(article)])
    assert result.exit_code == 2
    assert "--published" in result.output
    result = runner.invoke(main, ["extract", str(article), "--published", "2013-09-25", "--json"])
    assert result.exit_code == 0, result.output
    mentions = json.loads(result.stdout)["articles"][0]["mentions"]
    assert [(m["kind"], m["date"]) for m in mentions] == [("boycott", "2013-09-23")]
    assert "names no actor of the built-in (Cambodian) gazetteer" in result.stderr
    assert "--draft-actors FILE" in result.stderr  # the way to draft one
    result = runner.invoke(main, ["extract", str(article), "--published", "25/09/2013"])
    assert result.exit_code == 2
    result = runner.invoke(main, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_cli_evaluate_json() -> None:
    result = CliRunner().invoke(main, ["evaluate", "--json", "--set", "seeds"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)["sets"]["seeds"]
    assert {"precision", "recall", "f1", "duplicate_rate"} <= set(data) and data["f1"] >= 0.88
    assert {"date_exact", "actor_overlap", "modality"} <= set(data["fields"])
    table = CliRunner().invoke(main, ["evaluate", "--set", "seeds", "--min-f1", "0.99"])
    assert table.exit_code == 1 and "precision" in table.output
    custom = CliRunner().invoke(main, ["evaluate", "--gold", "seeds/events.yaml", "--json"])
    assert custom.exit_code == 0 and json.loads(custom.output)["sets"]["gold"]["tp"] == data["tp"]


def test_extract_is_exported() -> None:
    assert negotiation.extract is extract


def test_non_english_text_gives_a_warning_and_no_events(tmp_path: Path) -> None:
    from negotiation.corpus.language import detect_language

    french = tmp_path / "rapport.txt"
    french.write_text(
        "Le parti d'opposition a boycotté le parlement lundi et la police a arrêté dix "
        "manifestants.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["extract", str(french), "--published", "2014-01-06", "--json"]
    )
    assert result.exit_code == 0
    assert "another language (fr)" in result.output
    assert detect_language("Hun Sen said.") == "en" and detect_language("123 ...") == ""


def test_cli_counts_the_mentions_that_are_not_events(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "The opposition did not boycott parliament on Monday. No results were announced.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["extract", str(report), "--published", "2013-09-25"])
    assert result.exit_code == 0, result.output
    assert "0 mention(s); not events: 1 negated" in result.output


def test_a_family_name_after_another_given_name_is_someone_else() -> None:
    g = Gazetteer(
        [Actor(id="yingluck", name="Yingluck Shinawatra", type="person", aliases=["Yingluck"])]
    )
    m = ActorMatcher(g)
    assert [a.actor for a in m.find("Shinawatra said the court was biased.")] == ["yingluck"]
    assert m.find("Thaksin Shinawatra returned from exile.") == []
    assert m.fits("Yingluck spoke.") and not m.fits("The opposition spoke.")


def test_extract_with_a_pack_uses_its_gazetteer_and_triggers() -> None:
    result = CliRunner().invoke(
        main, ["extract", "negotiation/data/packs/kenya-2007-2008", "--pack", "kenya-2007-2008",
               "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    actors = {a for e in data["events"] for a in e["actors"]}
    assert {"kibaki", "odinga"} <= actors and "gazetteer" not in result.stderr


@pytest.mark.parametrize(
    ("text", "published", "day", "modality"),
    [
        ("The parliament will convene on Monday.", dt.date(2013, 9, 17), "2013-09-23", "planned"),
        ("Parliament is due to meet on September 23.", dt.date(2013, 9, 10), "2013-09-23", "planned"),
        ("Parliament convened on Monday.", dt.date(2013, 9, 25), "2013-09-23", "asserted"),
        ("The King has not convened parliament.", dt.date(2013, 9, 25), None, "negated"),
        ("If parliament convenes on Monday, the party will protest.", dt.date(2013, 9, 20), None, "conditional"),
    ],
)  # fmt: skip
def test_tense_gives_the_date_and_the_modality(
    text: str, published: dt.date, day: str | None, modality: str
) -> None:
    from negotiation.extract.extract import Extractor, TextArticle

    ex = Extractor()
    ms = [
        m for m in ex.mentions(TextArticle("a", published, text)) if m.kind == "assembly_convened"
    ]
    assert [m.modality for m in ms] == [modality], ms
    if day is not None:
        assert ms[0].date.isoformat() == day
    assert (modality == "asserted") == bool(
        [m for m in ex.extract(TextArticle("a", published, text)) if m.kind == "assembly_convened"]
    )
    for m in ms:
        assert text[m.citation.start : m.citation.end] == m.citation.quote


@pytest.mark.parametrize(
    ("text", "kind", "modality"),
    [
        # the examples of words in a non-event sense, and of plans read as facts
        ("The session demonstrated a new culture of dialogue.", "protest", None),
        ("The amendment calls for a new election.", "demand", "conditional"),
        ("The two sides reached no agreement on Monday.", "agreement", None),
        ("The King presided over the swearing-in of the lawmakers.", "royal_mediation", None),
        ("The CNRP will join parliament on Friday, putting an end to a boycott.", "seats_taken", "planned"),
        ("Some 20,000 supporters gathered Saturday in Freedom Park.", "protest", "asserted"),
        ("They forged a landmark agreement on Monday.", "agreement", "asserted"),
        ("Parliament convenes on September 23.", "assembly_convened", "planned"),
    ],
)  # fmt: skip
def test_non_event_senses_and_plans(text: str, kind: str, modality: str | None) -> None:
    from negotiation.extract.extract import Extractor, TextArticle

    ms = Extractor().mentions(TextArticle("a", dt.date(2013, 9, 10), text))
    assert [m.modality for m in ms if m.kind == kind] == ([modality] if modality else []), ms


def test_the_subject_of_an_earlier_clause_is_not_an_actor() -> None:
    g = Gazetteer(
        [
            Actor(id="rp", name="ruling party", type="party"),
            Actor(id="op", name="opposition", type="party"),
        ]
    )
    text = "The ruling party won 68 seats, and the opposition boycotted parliament on Monday."
    ms = extract_text(text, dt.date(2013, 9, 25), gazetteer=g)
    boycott = next(m for m in ms if m.kind == "boycott")
    assert boycott.actors == ("op",) and boycott.date == dt.date(2013, 9, 23)
