"""Which day a sentence's event is: a date opening the sentence or an aside, a day counted from
an event told before, the day an election is called for."""

from __future__ import annotations

import datetime as dt

import pytest
from phrasing import PUB, dated_kinds

from negotiation.extract import extract_text


def test_the_date_an_election_is_called_for_is_the_election_s() -> None:
    found = dated_kinds(
        "The president dissolved parliament and called snap elections for January 5."
    )
    # the dissolution is not dated by the (future) election day, read back a year
    assert found["assembly_dissolved"] != "2019-01-05"


def test_later_in_the_day_is_the_story_s_last_day() -> None:
    text = (
        "Congress voted on Monday to remove President Smith from office. "
        "Lawmakers voted 101-6 to remove Smith. Jane Doe was sworn in later in the day."
    )
    assert dated_kinds(text) == {"government_dismissed": "2019-11-11", "sworn_in": "2019-11-11"}


def test_the_day_after_the_vote_counts_from_the_election_day() -> None:
    text = (
        "The ruling party won the Oct. 31 election. The opposition came second. "
        "The day after the vote, opposition parties declared the election rigged."
    )
    assert dated_kinds(text)["results_rejected"] == "2019-11-01"


def test_an_opening_phrase_relation_dates_the_sentence_s_event() -> None:
    text = (
        "The president sacked the prime minister on Oct. 26. "
        "In a televised address two days after the sacking, he accused him of arrogance."
    )
    assert dated_kinds(text)["accusation"] == "2019-10-28"


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # a sentence opening with its date: "In July, ...", "In 2018 ..."
        ("In July, Kem Ley, a political commentator, was shot dead in the capital.", "violence", "2019-07-01"),
        ("In 2018 police arrested the opposition leader.", "arrest", "2018-01-01"),
    ],
)  # fmt: skip
def test_a_sentence_opening_with_its_month_or_year(text: str, kind: str, date: str) -> None:
    assert dated_kinds(text)[kind] == date


def test_an_aside_with_a_date_of_its_own_dates_its_triggers() -> None:
    text = (
        "Its leader, who was arrested in February when police stormed the party's headquarters, "
        "was freed in May."
    )
    found = dated_kinds(text)
    assert found["violence"] == "2019-02-01" and found["release"] == "2019-05-01", found


def test_a_look_back_does_not_move_the_story_on() -> None:
    text = (
        "The president resigned on November 4. "
        "Soldiers had surrounded his residence the day before. "
        "The next day the court endorsed the transfer of power."
    )
    assert dated_kinds(text)["court_ruling"] == "2019-11-05"


def test_since_the_election_runs_from_the_day_after_the_vote() -> None:
    text = "Voters went to the polls on Oct. 27. Three people have been killed since the election."
    (m,) = [m for m in extract_text(text, PUB) if m.kind == "violence"]
    assert (m.date, m.date_end) == (dt.date(2019, 10, 28), PUB)


def test_a_standing_protest_held_for_days_runs_from_the_day_named_before() -> None:
    text = "The results came out on Nov. 4. Supporters have rallied outside parliament for days."
    (m,) = [m for m in extract_text(text, PUB) if m.kind == "protest"]
    assert (m.date, m.date_end) == (dt.date(2019, 11, 4), PUB)


def test_an_event_told_with_no_day_and_none_before_is_of_the_publication_day() -> None:
    (m,) = [m for m in extract_text("Police fired tear gas at protesters.", PUB)]
    assert (m.kind, m.date, m.granularity.value) == ("violence", PUB, "day")


def test_a_possessive_day_dates_the_election_it_names() -> None:
    text = "The commission annulled the results of Sunday's parliamentary election on Tuesday."
    found = dated_kinds(text)
    assert found["election_held"] == "2019-11-10"
    assert found["election_annulled"] == "2019-11-12"


def test_an_undated_reaction_to_the_election_follows_the_vote() -> None:
    text = "Voters went to the polls on Sunday. The opposition rejected the results."
    (m,) = [m for m in extract_text(text, PUB) if m.kind == "results_rejected"]
    assert (m.date, m.date_end) == (dt.date(2019, 11, 11), PUB)


def test_a_possessive_date_dates_its_noun_not_the_verb_after_it() -> None:
    text = "The last 30 prisoners of last year's unrest were released on Monday."
    assert dated_kinds(text)["release"] == "2019-11-11"


# the same sentence as news agencies write it: "on Saturday" (Reuters, AFP) or "Saturday" (AP)
AGENCY_STYLES = [
    (
        "The two candidates agreed on Saturday to an audit of every ballot.",
        "The two candidates agreed Saturday to an audit of every ballot.",
    ),
    (
        "The candidates agreed late on Saturday to an audit of every ballot.",
        "The candidates agreed late Saturday to an audit of every ballot.",
    ),
    (
        "Togolese voted on Thursday in a legislative election.",
        "Togolese voted Thursday in a legislative election.",
    ),
    (
        "Arevalo won the country's presidential runoff on Sunday by a wide margin.",
        "Arevalo won the country's presidential runoff Sunday by a wide margin.",
    ),
    (
        "Tinubu was declared the winner of the presidential election early on Wednesday.",
        "Tinubu was declared the winner of the presidential election early Wednesday.",
    ),
    (
        "The MEC said Mutharika won 38.57 percent of the vote in the May 21 presidential polls.",
        "The MEC said Mutharika won 38.57 percent of the vote in the May 21 presidential poll.",
    ),
]


@pytest.mark.parametrize(("reuters", "ap"), AGENCY_STYLES)
def test_a_day_with_or_without_on_dates_the_same_events(reuters: str, ap: str) -> None:
    assert dated_kinds(ap) == dated_kinds(reuters)
    assert dated_kinds(ap)  # and there is an event to date


def test_a_day_something_is_called_for_is_to_come() -> None:
    # published on a Tuesday: "for Wednesday" is the next day, not the Wednesday before
    found = dated_kinds("The party called a nationwide strike for Wednesday.")
    assert found["strike_threatened"] >= PUB.isoformat()
    # "for Sunday's attack": a day gone by, named by what happened on it
    assert extract_text("Police arrested 20 people for Sunday's attack.", PUB)[0].date <= PUB


@pytest.mark.parametrize("cause", ["for Sunday's attack", "over Sunday's attack"])
def test_the_day_of_an_acts_cause_does_not_date_the_act(cause: str) -> None:
    # the arrests followed the attack; told undated, they are the report's news, not Sunday's
    (arrest,) = extract_text(f"Police arrested 20 people {cause} on the party offices.", PUB)
    assert (arrest.kind, arrest.date) == ("arrest", PUB)
    # the attack's own day stays its own
    (protest,) = extract_text("The minister condemned Sunday's protest.", PUB)
    assert protest.date == PUB - dt.timedelta(days=(PUB.weekday() + 1) % 7 or 7)


def test_an_election_with_results_has_been_held_whatever_modal_comes_before() -> None:
    # "would" points to the recognising; the election whose results there are is Sunday gone by
    found = dated_kinds(
        "Mesa said he would not recognise the results of Sunday's presidential election."
    )
    assert found.get("election_held") == "2019-11-10"
    # an election to come stays one
    assert "election_held" not in dated_kinds(
        "Mesa said he would take part in Sunday's presidential election."
    )


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # a day told with its preposition before the verb dates the verb, not the election after
        ("The court on Monday annulled the presidential election.", "election_annulled", "2019-11-11"),
        # an election the date stands right before is that date's ("in July elections")
        ("The party won 55 seats in July elections.", "election_held", "2019-07-01"),
        ("Turnout in the Nov. 3 general elections was high.", "election_held", "2019-11-03"),
    ],
)  # fmt: skip
def test_a_date_names_the_election_only_right_before_it(text: str, kind: str, date: str) -> None:
    assert dated_kinds(text).get(kind) == date


def test_a_year_compared_with_dates_nothing() -> None:
    # "two more than in 2013": the year of the comparison, not of the results
    assert dated_kinds("The results gave the Assembly 125 seats, two more than in 2013.") == {
        "results_announced": PUB.isoformat()
    }
