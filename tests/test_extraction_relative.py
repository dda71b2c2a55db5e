"""Days named relative to another day of the story ("the next day", "two days later")."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiation.events import Granularity
from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text
from negotiation.extract.dates import find_dates
from negotiation.extract.extract import Extractor, TextArticle
from negotiation.extract.relative import offsets, shifted

PUB = dt.date(2014, 7, 25)


def _dates(text: str) -> dict[str, str]:
    return {m.kind: m.date.isoformat() for m in extract_text(text, PUB)}


def test_offsets_read_counts_units_and_direction() -> None:
    found = [(o.text, o.days) for o in offsets("a week later, then three days earlier")]
    assert found == [("a week later", 7), ("three days earlier", -3)]
    # "two days before the election" relates to the election, not to the story's last day
    (o,) = offsets("two days before the election")
    assert (o.text, o.days, o.relation, o.election) == ("two days before", -2, True, True)
    assert [o.days for o in offsets("on the eve of the vote; the day before")] == [-1]
    # words that merely begin like one ("in the evening", "the day beforehand") are none
    assert list(offsets("They marched in the evening, the day beforehand")) == []


def test_the_next_day_counts_from_the_day_the_story_named() -> None:
    text = "Police arrested seven opposition lawmakers on July 15. They were released the next day."
    assert _dates(text) == {"arrest": "2014-07-15", "release": "2014-07-16"}


def test_a_later_day_in_the_same_sentence() -> None:
    text = "Police arrested seven lawmakers on July 15 and released them two days later."
    assert _dates(text)["release"] == "2014-07-17"
    # a date before ", and" belongs to the first clause, the later day to the second
    text = "Police arrested seven lawmakers on July 15, and a court freed them two days later."
    assert _dates(text) == {"arrest": "2014-07-15", "release": "2014-07-17"}


def test_the_same_day_keeps_the_day() -> None:
    text = (
        "Protesters clashed with police on July 15. Police arrested seven lawmakers that same day."
    )
    assert _dates(text)["arrest"] == "2014-07-15"


def test_with_no_day_named_before_an_offset_names_no_date() -> None:
    # no anchor: the relative day cannot be resolved, and it is not the publication date + 1
    ms = extract_text("They were released the next day.", PUB)
    assert all(m.date <= PUB for m in ms)


@given(st.text(max_size=200))
def test_offsets_never_fail_and_stay_inside_the_text(text: str) -> None:
    for o in offsets(text):
        assert text[o.start : o.end] == o.text and -70 <= o.days <= 70


def test_the_previous_week_is_the_week_before_the_story_s_day() -> None:
    text = "Police arrested him on Feb. 23, and Prime Minister Giorgi Gakharia resigned the previous week."
    found = {m.kind: m for m in extract_text(text, dt.date(2021, 5, 30))}
    assert found["arrest"].date == dt.date(2021, 2, 23)
    removed = found["leader_removed"]
    assert (removed.date, removed.granularity.value) == (dt.date(2021, 2, 15), "week")


def test_a_coordinated_bare_verb_shares_the_first_verb_s_modality() -> None:
    said = "The party said on Sunday it would end its boycott and take up its seats."
    ms = Extractor().mentions(TextArticle("a", dt.date(2021, 5, 30), said))
    assert [(m.kind, m.modality) for m in ms if m.kind == "seats_taken"] == [
        ("seats_taken", "planned")
    ]
    did = "The party ended its boycott on Sunday and took up its seats."
    assert "seats_taken" in _dates(did)


def test_hours_later_and_a_day_before_an_event_count_from_the_story_s_day() -> None:
    text = (
        "Troops shot dead four strikers on January 3. "
        "Hours later the ministry announced that demonstrations were banned."
    )
    assert _dates(text)["ban"] == "2014-01-03"


def test_over_two_days_is_one_event_over_both() -> None:
    (m,) = [
        m
        for m in extract_text("Twenty-three people were detained over Thursday and Friday.", PUB)
        if m.kind == "arrest"
    ]
    assert (m.date, m.date_end) == (dt.date(2014, 7, 24), dt.date(2014, 7, 25))


def test_a_standing_boycott_is_dated_from_its_start() -> None:
    text = "The lawmakers have boycotted the National Assembly since it opened in September."
    assert _dates(text)["boycott"] == "2013-09-01"


def test_what_a_report_quotes_undated_was_said_on_its_day() -> None:
    g = Gazetteer([Actor(id="cnrp", name="CNRP", type="party")])
    (m,) = [m for m in extract_text("The CNRP said the talks would go on.", PUB, gazetteer=g)]
    assert (m.kind, m.date, m.granularity.value) == ("statement", PUB, "day")
    # so is what a report tells with no day named and none before it: the news of its day
    # (this measured better than the publication week on seeds, tuning and held-out reports)
    (a,) = [m for m in extract_text("Police arrested seven activists.", PUB) if m.kind == "arrest"]
    assert (a.date, a.granularity.value) == (PUB, "day")


@pytest.mark.parametrize(
    ("text", "future", "first", "last"),
    [
        ("Working groups met in the spring.", False, "2014-03-01", "2014-05-31"),
        ("They met last summer.", False, "2013-06-01", "2013-08-31"),
        ("Talks will resume in the autumn.", True, "2014-09-01", "2014-11-30"),
        ("The talks of the spring of 2013 failed.", False, "2013-03-01", "2013-05-31"),
    ],
)
def test_seasons_are_three_months(text: str, future: bool, first: str, last: str) -> None:
    (d,) = find_dates(text, PUB, future=future)
    assert (d.date.isoformat(), d.date_end and d.date_end.isoformat()) == (first, last)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Workers walked off the job in late December.", "2013-12-21", "2013-12-31"),
        ("Talks began in mid-February 2014.", "2014-02-11", "2014-02-20"),
        ("The deal was due by the end of February.", "2014-02-21", "2014-02-28"),
        ("Early in January, the parties met.", "2014-01-01", "2014-01-10"),
        ("At the beginning of March they met.", "2014-03-01", "2014-03-10"),
    ],
)
def test_early_mid_and_late_name_a_part_of_the_month(text: str, first: str, last: str) -> None:
    (d,) = find_dates(text, PUB)
    assert (d.date.isoformat(), d.date_end and d.date_end.isoformat()) == (first, last)
    assert d.granularity.value == "day"


def test_a_month_named_alone_stays_the_month() -> None:
    (d,) = find_dates("They met in December, and again last month.", PUB)[:1]
    assert (d.date.isoformat(), d.date_end, d.granularity.value) == ("2013-12-01", None, "month")


def test_the_fall_of_a_regime_is_no_season() -> None:
    assert find_dates("The fall of the regime came quickly.", PUB) == []


def test_a_date_of_the_subject_s_relative_clause_is_not_the_main_verb_s() -> None:
    text = (
        "Police arrested them on July 15. Hours later, the seven lawmakers who were arrested "
        "last week were released on bail."
    )
    released = [m for m in extract_text(text, PUB) if m.kind == "release"]
    assert released and all(m.date == dt.date(2014, 7, 15) for m in released)


@pytest.mark.parametrize(
    ("text", "published", "future", "day"),
    [
        ("On New Year's Day, crowds looted shops in the port.", "2014-01-09", False, "2014-01-01"),
        ("Rioters burned a market on Christmas Eve.", "2014-01-09", False, "2013-12-24"),
        ("The two sides will meet again after New Year’s Day.", "2013-12-20", True, "2014-01-01"),
        ("Troops fired on marchers on Christmas Day 2011.", "2014-07-25", False, "2011-12-25"),
        ("The rally on Boxing Day was broken up.", "2014-01-02", False, "2013-12-26"),
    ],
)
def test_holidays_on_a_fixed_day_are_that_day(
    text: str, published: str, future: bool, day: str
) -> None:
    (d,) = find_dates(text, dt.date.fromisoformat(published), future=future)
    assert (d.date.isoformat(), d.granularity.value, d.date_end) == (day, "day", None)


def test_an_undated_sentence_follows_the_main_clause_not_a_relative_clause() -> None:
    text = (
        "On July 18 the party rejected the count, which the commission had revised on July 14. "
        "It called for a new vote."
    )
    (m,) = [m for m in extract_text(text, PUB) if m.kind == "demand"]
    assert m.date.isoformat() == "2014-07-18"


@pytest.mark.parametrize(
    ("text", "first", "last", "grain"),
    [
        ("Protesters have camped in the square since mid-January.", "2014-01-11", "2014-01-20", "day"),
        ("Mid-March, the two parties met again.", "2014-03-11", "2014-03-20", "day"),
        ("The talks stalled in mid-2013.", "2013-01-01", None, "year"),
    ],
)  # fmt: skip
def test_mid_joined_to_a_month_or_year_by_a_hyphen(
    text: str, first: str, last: str | None, grain: str
) -> None:
    (d,) = find_dates(text, PUB)
    assert (d.date.isoformat(), d.date_end and d.date_end.isoformat(), d.granularity.value) == (
        first,
        last,
        grain,
    )


def test_a_relation_dates_its_own_clause_not_the_one_after_it() -> None:
    text = (
        "The assembly chose a new speaker on Thursday, a day after the old one was ousted, "
        "as lawmakers of the ruling party walked out and resigned their seats."
    )
    assert _dates(text)["mass_resignation"] == "2014-07-24"


def test_election_night_is_the_day_of_the_election_the_report_named() -> None:
    text = (
        "The country held a general election on Sunday, July 20. "
        "The ruling party had claimed victory on election night, before any figures were out."
    )
    assert _dates(text)["results_claimed"] == "2014-07-20"


def test_yesterday_s_wire_news_told_undated_happened_on_its_day() -> None:
    # out on Friday July 25, the report's news is Thursday's: an undated act follows it,
    # while what is quoted undated was said as the report was written
    text = (
        "Police fired tear gas at marchers outside parliament on Thursday. "
        "The minister defended the police. "
        "Several people were detained."
    )
    assert _dates(text)["arrest"] == "2014-07-24"
    g = Gazetteer([Actor(id="cnrp", name="CNRP", type="party")])
    said = (
        "Police fired tear gas at marchers on Thursday. "
        "The minister defended the police. "
        "The CNRP said the talks would go on."
    )
    kinds = {m.kind: m.date for m in extract_text(said, PUB, gazetteer=g)}
    assert kinds["statement"] == PUB


def test_a_relation_to_an_event_told_earlier_counts_from_that_event_s_day() -> None:
    text = (
        "The count resumed on Monday evening, with the incumbent ahead. "
        "The opposition leader called it a fraud on Wednesday. "
        "Hours after the count resumed, protesters set fire to the electoral offices."
    )
    assert _dates(text)["violence"] == "2014-07-21"
    # an undated sentence tells of the day named before it
    text = (
        "The new parliament met for the first time on Monday. "
        "Its session was suspended after twenty minutes. "
        "The speaker resigned on Wednesday. "
        "A day before the session, gunmen attacked the central bank."
    )
    assert _dates(text)["violence"] == "2014-07-20"


def test_a_date_after_an_election_its_possessive_dates_dates_the_verb() -> None:
    # "last week's" dates the election; "on Friday" is when the winner was declared
    text = (
        "The incumbent was declared the winner of last week's presidential election on Friday "
        "with a narrow lead, avoiding a runoff."
    )
    assert _dates(text)["results_announced"] == "2014-07-25"


def test_a_date_naming_a_thing_is_not_the_day_the_story_reached() -> None:
    # "the president's July 9 decree" names the decree; the story is at Thursday
    text = (
        "On Thursday the court ruled that the president's July 9 decree was unlawful. "
        "A day earlier, police had arrested 20 opposition supporters."
    )
    assert _dates(text)["arrest"] == "2014-07-23"


def test_a_relation_to_an_event_no_dated_sentence_tells_counts_from_the_news() -> None:
    # no dated sentence tells "the verdict": the report's news, not the petition's day before
    text = (
        "The Supreme Court upheld the president's re-election early on Saturday. "
        "The opposition's petition, filed on July 8, had argued that the count was rigged. "
        "In a televised address hours after the verdict, the president called for a national "
        "dialogue."
    )
    assert _dates(text)["proposal"] == "2014-07-19"


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # a date before "that the election ..." dates the verb, not the election
        ("The bishops proposed in June that the election be brought forward.", "proposal", "2014-06-01"),
        ("The interior minister banned all rallies on the night of the June 1 vote.", "ban", "2014-06-01"),
        ("Police arrested dozens of activists on the eve of the July 2 election.", "arrest", "2014-07-01"),
        ("Police arrested dozens of activists on the eve of the July 2 election.", "election_held", "2014-07-02"),
    ],
)  # fmt: skip
def test_the_day_of_an_election_dates_what_happened_on_it(text: str, kind: str, date: str) -> None:
    assert _dates(text)[kind] == date


@pytest.mark.parametrize(
    "text",
    [
        "The president was sworn in on Wednesday, five weeks after a crackdown on protesters. "
        "Hours later he appointed his ally as prime minister.",
        "The president was sworn in on Wednesday, three weeks after he left prison, and hours "
        "later appointed his ally as prime minister.",
    ],
)
def test_a_related_events_day_is_not_what_the_story_counts_from(text: str) -> None:
    # "N weeks after X" dates X; "hours later" counts from the sentence's own day
    assert _dates(text)["government_formed"] == "2014-07-23"


def test_months_later_or_earlier_count_months_from_the_storys_day() -> None:
    text = (
        "The assembly voted on Thursday to dissolve itself, an unprecedented step for a "
        "parliament that was sworn in only a month earlier."
    )
    assert _dates(text)["sworn_in"] == "2014-06-24"
    # "two months after X" dates X to its month, not a day
    (o,) = offsets("The cabinet was sworn in on Monday, two months after the election.")
    assert (o.months, o.relation) == (2, True)
    assert shifted(dt.date(2014, 7, 21), Granularity.day, o, True) == (
        dt.date(2014, 5, 1),
        Granularity.month,
    )


@given(st.dates(dt.date(1950, 1, 1), dt.date(2050, 12, 31)), st.integers(1, 36))
def test_a_month_offset_lands_that_many_months_away(day: dt.date, n: int) -> None:
    (o,) = offsets(f"{n} months later")
    later, grain = shifted(day, Granularity.day, o, False)
    assert grain is Granularity.day
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == n
    assert later.day == day.day or (later.day < day.day and (later + dt.timedelta(1)).day == 1)


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # what is said, a clause of its own, an infinitive: their dates are their events'
        (
            "Opposition lawmakers denounced the dismissal as a coup, saying the constitution, "
            "amended in 2012, barred it.",
            "accusation",
            "2014-07-25",
        ),
        (
            "Western envoys urged the rivals to compromise, as peacekeepers prepare to leave at "
            "the end of August.",
            "appeal",
            "2014-07-25",
        ),
        (
            "Parliament on Wednesday again refused to bring the general elections forward, "
            "voting down a proposal from the opposition to hold them in May.",
            "proposal_rejected",
            "2014-07-23",
        ),
        # a date after "since" starts a period; the event in it is not on that day
        (
            "The assembly met for the first time since the president suspended it on July 5.",
            "assembly_convened",
            "2014-07-25",
        ),
        (
            "On Monday, the rights commission said 40 people had died since the protests began on "
            "June 2, and it accused the police of using excessive force.",
            "accusation",
            "2014-07-21",
        ),
        # "since <date>" in a clause of its own (an aside, a relative clause) dates that clause
        (
            "Rebels freed the mayor, an opponent of the regime jailed since 2009, on Thursday.",
            "release",
            "2014-07-24",
        ),
        (
            "The commission said on Monday that Smith, of the party that has governed since 1990, "
            "won 60% of the vote.",
            "results_announced",
            "2014-07-21",
        ),
        (
            "The envoy, a mediator who has shuttled between them since 2012, held talks with both "
            "leaders on Monday.",
            "talks_held",
            "2014-07-21",
        ),
        # ... unless the trigger is that start, or a clause on its day
        ("The party has governed since it won the 2009 election.", "election_held", "2009-01-01"),
        (
            "The assembly met for the first time since the president suspended it on July 5, "
            "when he also dismissed the prime minister.",
            "government_dismissed",
            "2014-07-05",
        ),
    ],
)
def test_a_date_of_another_clause_does_not_date_the_trigger(
    text: str, kind: str, date: str
) -> None:
    assert _dates(text)[kind] == date


def test_an_undated_act_told_in_the_past_perfect_happened_before_the_report() -> None:
    # not on the day of publication: some time in the month before it
    (m,) = [
        m
        for m in extract_text("The United Nations had urged both sides to return to talks.", PUB)
        if m.kind == "appeal"
    ]
    assert (m.date, m.date_end) == (dt.date(2014, 6, 25), PUB)
    # a standing state told so still runs on from the day named before it
    text = "Thousands marched on July 20. Supporters had rallied in the capital for days."
    rallies = [m for m in extract_text(text, PUB) if m.kind == "protest"]
    assert all(m.date >= dt.date(2014, 7, 20) for m in rallies)


@given(st.lists(st.integers(1900, 2099), min_size=2, max_size=5, unique=True))
def test_every_year_of_a_list_is_a_date(years: list[int]) -> None:
    # "in 1962 and 1988", "in 2005, 2010 and 2015": the years after the first are bare
    *head, last = [str(y) for y in years]
    text = f"The army seized power in {', '.join(head)} and {last}."
    found = find_dates(text, PUB)
    assert [d.date.year for d in found] == years
    assert all(d.granularity is Granularity.year for d in found)
    assert [text[d.start : d.end] for d in found][1:] == [str(y) for y in years[1:]]


def test_a_listed_year_dates_an_event_of_its_own() -> None:
    found = extract_text("The military has seized power twice, after coups in 1962 and 1988.", PUB)
    assert sorted(m.date.isoformat() for m in found if m.kind == "coup") == [
        "1962-01-01",
        "1988-01-01",
    ]
    # a number after a year is no year of the list
    assert [d.text for d in find_dates("In 2019, 2020 people were detained.", PUB)] == ["In 2019"]


def test_days_after_the_vote_told_after_the_verb_count_from_the_vote() -> None:
    # "rejected the results two days after the election": the election's day plus two, not a
    # relation dating the election from the verb's day
    text = (
        "Voters went to the polls on July 20. The opposition rejected the results two days "
        "after the election, saying the count was rigged."
    )
    assert _dates(text)["results_rejected"] == "2014-07-22"
