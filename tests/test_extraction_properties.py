"""Robustness: the date resolver, the fact parser and the whole extractor on arbitrary text."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation.events import Granularity
from negotiation.extract import extract_text, find_dates, parse_facts
from negotiation.extract.facts import parse_number

pubs = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
# text with the words the parsers look for, mixed with arbitrary Unicode
words = st.sampled_from(
    [
        "on",
        "last",
        "this",
        "next",
        "since",
        "Monday",
        "Sunday",
        "July",
        "March",
        "May",
        "28",
        "16-17",
        "Sept.",
        "2013",
        "week",
        "month",
        "year",
        "ago",
        "three-hour",
        "10,000",
        "protesters",
        "seats",
        "won",
        "out",
        "of",
        "the",
        "123",
        "killed",
        "wounded",
        "lawmakers",
        "voted",
        "boycott",
        "threatened",
        "to",
        "refused",
        "accept",
        "results",
        "talks",
        "agreed",
        "failed",
        "not",
        "will",
        "—",
        "“",
        "”",
        "’",
        ".",
        ",",
        "\n",
    ]
)
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(words, st.text(max_size=8)), max_size=60).map(" ".join),
)
_YEAR = re.compile(r"\d{4}")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts, pubs)
def test_dates_in_past_reports_never_follow_publication(text: str, pub: dt.date) -> None:
    for r in find_dates(text, pub):
        assert text[r.start : r.end] == r.text
        if r.granularity is Granularity.month:
            assert r.date.day == 1
        if r.granularity is Granularity.year:
            assert (r.date.month, r.date.day) == (1, 1)
        if not _YEAR.search(r.text):  # a year the writer chose is kept as written
            assert r.date <= pub, (text, r)
            assert r.date_end is None or r.date <= r.date_end <= pub


@SETTINGS
@given(texts, pubs)
def test_future_reading_never_raises(text: str, pub: dt.date) -> None:
    for r in find_dates(text, pub, future=True):
        assert r.date_end is None or r.date_end >= r.date


@SETTINGS
@given(texts)
def test_fact_parser_total(text: str) -> None:
    facts = parse_facts(text, [(0, min(3, len(text)), "x")])
    assert all(v >= 0 for v in (facts.seats or {}).values())
    assert facts.duration_hours is None or facts.duration_hours > 0


@SETTINGS
@given(st.text(max_size=40))
def test_number_parser_total(text: str) -> None:
    value = parse_number(text)
    assert value is None or value >= 0


@SETTINGS
@given(texts, pubs)
def test_extractor_on_arbitrary_text(text: str, pub: dt.date) -> None:
    for m in extract_text(text, pub, article_id="x"):
        assert text[m.citation.start : m.citation.end] == m.citation.quote
        assert 0 <= m.confidence <= 1
        if not _YEAR.search(m.date_text):
            assert m.date <= pub


def test_edge_inputs() -> None:
    pub = dt.date(2013, 9, 17)
    assert extract_text("", pub) == []
    assert extract_text("   \n\n\t ", pub) == []
    assert extract_text("无党派人士周一抵制了议会。选举结果被拒绝。", pub) == []
    assert extract_text("La oposición boicoteó el parlamento el lunes.", pub) == []
    odd = "The\u200b opposition\u00a0boycotted parliament on Monday\u2028 — 🗳️ ﬁnally."
    assert [m.kind for m in extract_text(odd, pub)] == ["boycott"]
    assert extract_text("no dates here, the opposition boycotted parliament", pub)[0].date == pub


def test_huge_text_is_extracted() -> None:
    pub = dt.date(2013, 9, 17)
    para = (
        "The opposition boycotted parliament on Monday and demanded an inquiry, officials said "
        "Tuesday, as some 10,000 protesters rallied. "
    )
    text = "\n\n".join([para * 5] * 200)  # ~ 120 KB
    ms = extract_text(text, pub)  # no timing asserted: a loaded machine makes it flaky
    assert ms
    blob = "x" * 200_000  # one "sentence" with no punctuation or spaces
    assert extract_text(blob, pub) == []


_MONTH_NAMES = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]


@given(
    st.integers(1, 12),
    st.one_of(st.integers(1, 31), st.integers(29, 31)),  # the month's last days, often
    st.integers(1990, 2030),
    st.booleans(),
    st.sampled_from(["{m} {d}, {y}", "{d} {m} {y}", "{y}-{mm:02d}-{d:02d}", "{m} {d}"]),
)
def test_a_day_the_month_lacks_gives_the_month_and_any_other_the_day(
    month: int, day: int, year: int, future: bool, form: str
) -> None:
    """'April 31, 2013' was no date, 'February 30' was 28 February and '31 April 2013' was
    April: every form now gives the day when the month has it and the month when not."""
    pub = dt.date(2031, 1, 1) if "{y}" in form else dt.date(year, 12, 31)
    text = form.format(m=_MONTH_NAMES[month - 1], mm=month, d=day, y=year)
    found = find_dates(f"on {text}", pub, future=future and "{y}" in form)
    assert len(found) == 1, (text, found)
    try:
        expected = dt.date(year, month, day)
    except ValueError:
        assert found[0].granularity is Granularity.month, (text, found)
        assert (found[0].date.year, found[0].date.month) == (year, month), (text, found)
    else:
        assert (found[0].date, found[0].granularity) == (expected, Granularity.day), (text, found)
