"""The curated event log: sources verified, round trips, crosswalk defaults, bad input."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation import EventLog, InputError, load_event_log
from negotiation._internal.paths import data_dir, seeds_dir
from negotiation._internal.yamldoc import load_text
from negotiation.corpus import load_articles
from negotiation.events import Citation, Event, Facts, Granularity, period_end
from negotiation.events.actors import normalize_name
from negotiation.events.crosswalk import default_crosswalk, entry, table
from negotiation.events.log import (
    check_event_log,
    dump_event_log,
    event_log_from_document,
    load_actors,
)
from negotiation.events.vocabulary import builtin_vocabulary


@pytest.fixture(scope="module")
def log() -> EventLog:
    return load_event_log()


def test_builtin_log_loads_and_is_checked(log: EventLog) -> None:
    assert 30 <= len(log) <= 45
    assert log.ids == [e.id for e in log.chronological()]
    assert len(set(log.ids)) == len(log)


def test_every_quote_is_verbatim_at_its_span(log: EventLog) -> None:
    articles = load_articles()
    citations = [c for e in log for c in e.sources]
    citations += [claim.source for c in log.conflicts for claim in c.claims]
    for c in citations:
        article = articles[c.article]
        assert article.text[c.start : c.end] == c.quote
        assert article.paragraph_at(c.start, c.end) is not None, c


def test_the_story_is_all_there(log: EventLog) -> None:
    kinds = Counter(e.kind for e in log)
    for kind in (
        "election_held",
        "results_announced",
        "results_rejected",
        "results_claimed",
        "demand",
        "royal_mediation",
        "talks_held",
        "agreement",
        "protest",
        "violence",
        "appeal",
        "assembly_convened",
        "boycott",
        "government_formed",
        "statement",
        "accusation",
        "strike_threatened",
        "talks_broken_off",
        "proposal",
        "proposal_rejected",
        "boycott_threatened",
    ):
        assert kinds[kind] >= 1, kind
    result = log["2013-07-28-results-announced"]
    assert result.facts.seats == {"cpp": 68, "cnrp": 55} and result.facts.total_seats == 123
    assert {c.article[:3] for c in result.sources} == {"000", "001", "002", "003", "004"}
    assert log["2013-07-28-cnrp-claims-63-seats"].facts.seats == {"cnrp": 63}
    assert log["2013-09-17-leaders-talks"].facts.duration_hours == 3
    assert log["2013-09-17-rally-10000"].facts.participants == 10000
    assert log["2013-09-24-government-formed"].facts.votes_for == 68
    assert log["2014-03-17-working-group-14-points"].facts.points_agreed == 14
    assert log["2013-09-14-king-initiates-talks"].mediator == "king-sihamoni"
    order = log.ids
    assert order.index("2013-09-23-assembly-convened") < order.index("2013-09-24-government-formed")
    assert order.index("2014-03-24-summit-proposed") < order.index("2014-03-24-summit-rejected")
    assert log["2014-01-negotiations-collapse"].granularity is Granularity.month


def test_conflicts_are_kept(log: EventLog) -> None:
    assert {c.id for c in log.conflicts} == {
        "2013-09-16-leaders-talks-date",
        "2013-09-24-reelection-day",
        "2013-cnrp-seats-63-vs-55",
    }
    for c in log.conflicts:
        assert len({claim.source.article for claim in c.claims}) >= 2
        assert set(c.events) <= set(log.ids)


def test_dump_load_round_trip(log: EventLog) -> None:
    again = event_log_from_document(load_text(dump_event_log(log)), check=False)
    assert again == log


def test_crosswalk_defaults_and_overrides(log: EventLog) -> None:
    assert set(table()) <= set(builtin_vocabulary().kinds)
    boycott = log["2013-09-23-opposition-boycotts-assembly"]
    assert boycott.crosswalk == default_crosswalk("boycott")
    assert boycott.crosswalk.cameo == "1431" and "163" in " ".join(boycott.crosswalk.alternatives)
    rejected = log["2014-03-24-summit-rejected"]
    assert rejected.crosswalk.cameo == "125"  # given in the YAML: not the kind's default
    assert entry("violence").csv_row is None and "Ours" in entry("violence").note


def test_crosswalk_is_derived_from_the_csv() -> None:
    with (data_dir() / "crosswalk.csv").open(encoding="utf-8", newline="") as fh:
        rows = {r["dispute_event_kind"]: r for r in csv.DictReader(fh)}
    for kind, e in table().items():
        if e.csv_row is None:
            assert "ours" in e.note.casefold(), kind
            continue
        row = rows[e.csv_row]
        cameo = row["cameo_code"]
        if e.crosswalk.cameo is None:
            assert cameo == "none", kind
        else:
            assert cameo.startswith(e.crosswalk.cameo), kind
            assert row["goldstein"].split(" ")[0] == f"{e.crosswalk.goldstein:.1f}", kind
        if e.crosswalk.plover is not None:
            assert row["plover_event"].startswith(e.crosswalk.plover.event), kind


# --------------------------------------------------------------------------- properties

TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\x85\u2028\u2029"
    ),
    max_size=40,
)
GRANULARITIES = st.sampled_from(list(Granularity))


@st.composite
def events(draw: st.DrawFn) -> Event:
    day = draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
    gran = draw(GRANULARITIES)
    if gran is Granularity.month:
        day = day.replace(day=1)
    elif gran is Granularity.year:
        day = day.replace(month=1, day=1)
    quote = draw(TEXT.filter(bool))
    start = draw(st.integers(0, 10_000))
    return Event(
        id=f"{day.isoformat()}-e{draw(st.integers(0, 999))}",
        kind=draw(st.sampled_from(list(builtin_vocabulary().kinds))),
        date=day,
        granularity=gran,
        date_text=draw(TEXT),
        actors=tuple(draw(st.lists(st.sampled_from(["cpp", "cnrp", "hun-sen"]), max_size=3))),
        facts=Facts(
            seats=draw(
                st.none() | st.dictionaries(st.sampled_from(["cpp", "cnrp"]), st.integers(0, 200))
            ),
            duration_hours=draw(st.none() | st.floats(0.25, 48, allow_nan=False)),
            subject=draw(st.none() | TEXT),
        ),
        summary=draw(TEXT),
        sources=(Citation(article="a1", quote=quote, start=start, end=start + len(quote)),),
        note=draw(TEXT),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(events(), max_size=4), TEXT)
def test_dump_load_round_trip_property(evs: list[Event], dispute: str) -> None:
    log = EventLog(dispute=dispute, events=tuple(evs))
    assert event_log_from_document(load_text(dump_event_log(log)), check=False) == log


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), GRANULARITIES)
def test_dates_and_granularity(day: dt.date, gran: Granularity) -> None:
    aligned = {Granularity.month: day.replace(day=1), Granularity.year: day.replace(month=1, day=1)}
    start = aligned.get(gran, day)
    e = Event(id="x", kind="statement", date=start.isoformat(), granularity=gran)
    assert e.date == start and e.last_day == period_end(start, gran) >= start
    assert (e.last_day - start).days <= 365
    if gran is Granularity.month:
        assert (e.last_day + dt.timedelta(days=1)).day == 1
    if start != day:  # a month/year date that is not the first day of its period is refused
        with pytest.raises(ValueError):
            Event(id="x", kind="statement", date=day, granularity=gran)


def _variants(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from(
        [
            name,
            name.upper(),
            name.lower(),
            f"the {name}",
            f"  {name} ",
            name.replace("'", "’"),
            name.replace(" ", "  "),
            f"Mr. {name}",
        ]
    )


ACTORS = load_actors()
NAMES = [(n, a.id) for a in ACTORS for n in a.names()]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(NAMES).flatmap(lambda p: st.tuples(_variants(p[0]), st.just(p))))
def test_alias_resolution(case: tuple[str, tuple[str, str]]) -> None:
    variant, (name, actor_id) = case
    owner = ACTORS.resolve(name)
    assert owner is not None
    assert ACTORS.resolve(variant) == owner
    if owner != actor_id:  # two actors share a name only if it normalises the same
        assert normalize_name(name) in {normalize_name(n) for n in ACTORS[owner].names()}


@pytest.mark.parametrize(
    ("spelling", "actor_id"),
    [
        ("Yeam Sovan", "yim-sovann"),
        ("Yim Sovann", "yim-sovann"),
        ("Cambodia People’s Party", "cpp"),
        ("Cambodian People's Party", "cpp"),
        ("National Election Commission", "nec"),
        ("National Election Committee", "nec"),
        ("Prak Sakhon", "prak-sokhonn"),
        ("Cambodian National Rescue Party", "cnrp"),
        ("King Norodom Sihamoni", "king-sihamoni"),
    ],
)
def test_outlet_spellings_resolve(spelling: str, actor_id: str) -> None:
    assert ACTORS.resolve(spelling) == actor_id


# --------------------------------------------------------------------------- bad input


def _corpus(tmp_path: Path) -> Path:
    for f in seeds_dir().iterdir():
        if f.suffix in (".txt", ".yaml"):
            shutil.copy(f, tmp_path / f.name)
    return tmp_path


def _edit(directory: Path, name: str, old: str, new: str) -> Path:
    f = directory / name
    text = f.read_text(encoding="utf-8")
    assert old in text, old
    f.write_text(text.replace(old, new, 1), encoding="utf-8")
    return f


BAD_EVENTS = [
    ("  kind: election_held\n", "", "events[0].kind: required field is missing"),
    (
        "date: '2013-07-28'",
        "date: '2013-02-30'",
        "events[0].date: day is out of range for month (got '2013-02-30')",
    ),
    (
        "Cambodia held a general election on July 28.",
        "Cambodia held a general election on July 29.",
        "quote not found verbatim in article 002_7f2023abbce8807d",
    ),
    (
        "  - nec\n  recipients:\n  - national-assembly",
        "  - necc\n  recipients:\n  - national-assembly",
        "unknown actor 'necc'; did you mean 'nec'?",
    ),
    (
        "  - cnrp\n  recipients:\n  - national-assembly\n  summary: The CNRP threatens",
        "  - CNRP\n  recipients:\n  - national-assembly\n  summary: The CNRP threatens",
        "did you mean 'cnrp'?",
    ),
    ("id: 2013-07-28-results-announced", "id: 2013-07-28-election-held", "duplicate event id"),
    (
        "id: 2013-07-28-results-announced",
        "id: 2013-07-29-results-announced",
        "should start with the event's date",
    ),
    ("article: 002_7f2023abbce8807d", "article: 002_7f2023abbce8807e", "unknown article"),
    ("events:\n", "events: [\n", "invalid YAML"),
    ("  - 2013-09-23-assembly-convened\n", "  - 2013-09-23-assembly-convene\n", "unknown event"),
    ("  granularity: month", "  granularity: fortnight", "granularity: Input should be"),
]


@pytest.mark.parametrize(("old", "new", "expected"), BAD_EVENTS)
def test_bad_event_log(tmp_path: Path, old: str, new: str, expected: str) -> None:
    d = _corpus(tmp_path)
    _edit(d, "events.yaml", old, new)
    with pytest.raises(InputError) as info:
        load_event_log(d)
    message = str(info.value)
    assert expected in message
    first = info.value.problems[0]
    assert first.file.endswith("events.yaml") and first.line is not None


def test_quote_moved_reports_where_it_is(tmp_path: Path) -> None:
    d = _corpus(tmp_path)
    _edit(d, "events.yaml", "start: 631\n    end: 675", "start: 632\n    end: 676")
    with pytest.raises(InputError, match=r"quote not found at 632..676 .*; it occurs at 631..675"):
        load_event_log(d)


def test_second_copy_of_a_repeated_passage_is_refused(tmp_path: Path) -> None:
    d = _corpus(tmp_path)
    text = (d / "002_7f2023abbce8807d.txt").read_text(encoding="utf-8")
    quote = "Cambodia held a general election on July 28."
    second = text.index(quote, text.index(quote) + 1)
    _edit(
        d,
        "events.yaml",
        "start: 631\n    end: 675",
        f"start: {second}\n    end: {second + len(quote)}",
    )
    with pytest.raises(
        InputError, match=r"outside the clean paragraphs .*cite the occurrence at 631..675"
    ):
        load_event_log(d)


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    d = _corpus(tmp_path)
    _edit(
        d,
        "events.yaml",
        "  - nec\n  recipients:\n  - national-assembly",
        "  - necc\n  recipients:\n  - national-assemblee",
    )
    _edit(d, "events.yaml", "Cambodia held a general", "Cambodia held a General")
    with pytest.raises(InputError) as info:
        load_event_log(d)
    assert len(info.value.problems) == 3


def test_event_after_its_report_is_refused(tmp_path: Path) -> None:
    d = _corpus(tmp_path)
    _edit(
        d,
        "events.yaml",
        "date: '2014-03-24'\n  date_text: ''\n  actors:\n  - bin-chhin",
        "date: '2014-03-25'\n  date_text: ''\n  actors:\n  - bin-chhin",
    )
    _edit(d, "events.yaml", "id: 2014-03-24-summit-rejected", "id: 2014-03-25-summit-rejected")
    with pytest.raises(InputError, match="published 2014-03-24"):
        load_event_log(d)


def test_bad_actors_file(tmp_path: Path) -> None:
    d = _corpus(tmp_path)
    _edit(d, "actors.yaml", "- id: funcinpec", "- id: cpp")
    _edit(d, "actors.yaml", "party: cnrp", "party: cnrpp")
    with pytest.raises(InputError) as info:
        load_actors(d)
    message = str(info.value)
    assert "duplicate actor id 'cpp'" in message and "did you mean 'cnrp'?" in message
    assert "actors.yaml:" in message


def test_check_without_files_beside(tmp_path: Path) -> None:
    shutil.copy(seeds_dir() / "events.yaml", tmp_path)
    with pytest.raises(InputError, match=r"no actors\.yaml beside the log"):
        load_event_log(tmp_path / "events.yaml")
    log = load_event_log(tmp_path, articles=load_articles(), actors=load_actors())
    assert len(log) > 30
    assert load_event_log(tmp_path, check=False) == log


def test_check_event_log_returns_problems(log: EventLog) -> None:
    doc = load_text((seeds_dir() / "events.yaml").read_text(encoding="utf-8"), file="events.yaml")
    assert check_event_log(doc, log, load_articles(), load_actors()) == []
