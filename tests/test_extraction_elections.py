"""Elections held, stopped or boycotted, and their results."""

from __future__ import annotations

import datetime as dt

import pytest
from phrasing import PUB, dated_kinds

from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers stopped a repeat of the presidential vote on Sunday, residents said.",
        "The interior ministry postponed the local elections on 3 November.",
        "The junta called off the run-off on Saturday, citing unrest.",
        "Her blocking of the vote on Friday angered the opposition.",
    ],
)
def test_an_election_stopped_or_put_off_was_not_held(text: str) -> None:
    assert "election_held" not in dated_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The party has refused to take its seats since the elections on 3 November.",
        "The tribunal annulled the first round, held on 3 November.",
        "The court cancelled the results of the election on 3 November.",
    ],
)
def test_an_election_named_beside_a_stopping_verb_it_is_not_the_object_of(text: str) -> None:
    assert dated_kinds(text).get("election_held") == "2019-11-03"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On Sunday the ruling party swept the local elections, which were boycotted by the opposition.", "election_boycott"),
        ("On Monday the opposition said it will not take part in local elections on June 30.", "election_boycott"),
        ("In February the two parties renounced their parliamentary mandates.", "mass_resignation"),
        ("On Monday the prime minister refused to resign.", "proposal_rejected"),
        ("Vucic declared victory on Sunday night, citing his party's own count.", "results_claimed"),
        ("The unrest began on Tuesday evening.", "protest"),
        ("District security guards beat protesters with batons and sticks on Tuesday.", "violence"),
        ("On Monday protesters stormed the headquarters of the state broadcaster.", "violence"),
        ("On Friday the lawmakers handed in their resignations from the assembly.", "mass_resignation"),
        ("A cleric has been shuttling between the two sides since Monday.", "mediation"),
    ],
)  # fmt: skip
def test_boycotts_resignations_and_claims(text: str, kind: str) -> None:
    assert kind in dated_kinds(text)


def test_a_boycott_that_followed_an_election_is_no_election_boycott() -> None:
    found = dated_kinds("On Friday they ended a boycott that followed a disputed election.")
    assert "election_boycott" not in found


@pytest.mark.parametrize(
    ("text", "kind", "present"),
    [
        ("On Sunday the main opposition parties stayed away from the vote.", "election_boycott", True),
        ("On Sunday the ruling party won that vote, which the opposition boycotted.", "election_boycott", True),
        ("The government said on Sunday the boycott call had failed.", "boycott", False),
        ("It was unclear on Sunday whether the party would stay away from the assembly.", "boycott_threatened", False),
    ],
)  # fmt: skip
def test_boycotts_of_votes_calls_and_questions(text: str, kind: str, present: bool) -> None:
    assert (kind in dated_kinds(text)) is present


def test_the_seats_a_party_holds_are_no_result() -> None:
    text = "The CPP, which holds 68 of the assembly's 123 seats, voted on Friday to remove him."
    assert "results_announced" not in dated_kinds(text)


def test_a_boycott_named_again_is_not_reported_anew() -> None:
    found = dated_kinds(
        "Opposition leaders said on Monday that the low turnout showed that the boycott had worked."
    )
    assert "boycott" not in found, found
    assert "boycott" in dated_kinds("On Monday the opposition began a boycott of parliament.")


def test_what_a_party_won_before_named_in_passing_is_no_result() -> None:
    text = "The court on Thursday dissolved the CNRP, which won 55 of the assembly's 123 seats in 2013."
    assert "results_announced" not in dated_kinds(text)
    text = (
        "On Monday ministers of the PML-N, which won the 2013 election by a wide margin, resigned."
    )
    assert "results_announced" not in dated_kinds(text)
    assert "results_announced" in dated_kinds(
        "On Monday the CPP won 68 of the assembly's 123 seats."
    )


def test_an_earlier_election_named_by_its_year() -> None:
    found = dated_kinds("Mutharika, 78, first won the presidency in 2014.")
    assert found.get("election_held") == "2014-01-01" and "results_announced" not in found, found


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # an earlier election told by who beat whom
        ("Okafor, 70, who lost narrowly to the late Melia in 2012, urged calm.", "2012-01-01"),
    ],
)  # fmt: skip
def test_an_earlier_election_named_by_a_loss(text: str, year: str) -> None:
    assert dated_kinds(text).get("election_held") == year, dated_kinds(text)


def test_an_impeachment_vote_is_no_election() -> None:
    assert "election_held" not in dated_kinds(
        "He faced the impeachment vote on Wednesday afternoon."
    )


def test_an_election_to_come_named_by_its_day_is_no_past_election() -> None:
    pub = dt.date(2019, 5, 1)
    text = "The opposition said it will not take part in the local elections on June 30."
    held = [m for m in extract_text(text, pub) if m.kind == "election_held"]
    assert all(m.date == dt.date(2019, 6, 30) and m.modality != "asserted" for m in held)
    # a past election named the same way keeps its year
    past = "Two candidates who came second in the June 30 election filed petitions."
    found = {m.kind: m.date for m in extract_text(past, pub)}
    assert found.get("election_held", dt.date(2018, 6, 30)) == dt.date(2018, 6, 30)


def test_which_kinds_are_once_per_dispute_and_the_vote_itself_is_the_lexicon_s() -> None:
    from negotiation.extract.lexicon import load_lexicon
    from negotiation.extract.merge import merge_mentions

    rules = load_lexicon().rules
    # the vote itself: held, or held early
    assert {k for k, r in rules.items() if r.names_election} == {"election_held", "early_election"}
    assert {"election_held", "results_announced"} <= {k for k, r in rules.items() if r.unique}
    g = Gazetteer(
        [
            Actor(id="cpp", name="CPP", type="party"),
            Actor(id="nec", name="NEC", type="institution"),
        ]
    )
    a = extract_text("The NEC announced the official results on Sunday.", PUB, gazetteer=g)
    b = extract_text("The CPP won 68 seats, according to the results on Sunday.", PUB, gazetteer=g)
    results = [m for m in (*a, *b) if m.kind == "results_announced"]
    assert len(results) == 2
    assert len(merge_mentions(results).events) == 1  # once per dispute phase
    assert len(merge_mentions(results, unique=()).events) == 2  # a pack may say otherwise


def test_the_deciding_vote_in_a_chamber_is_no_election() -> None:
    text = "The senate is split 50-50, with the vice-president holding the deciding vote."
    assert "election_held" not in dated_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # an election put forward with its day is not yet held
        "On Monday a national dialogue proposed holding the election on June 2.",
        "The opposition has called for a new vote in March.",
    ],
)
def test_an_election_proposed_for_a_day_is_not_held(text: str) -> None:
    assert "election_held" not in dated_kinds(text)


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Malawians voted for a president, members of Parliament and councillors on 21 May.", True),
        ("Kenyans voted for a new parliament on Tuesday.", True),
        ("Republicans voted for a president of the chamber on Tuesday.", False),
    ],
)
def test_a_people_voting_for_its_president_or_parliament_held_an_election(
    text: str, held: bool
) -> None:
    """`Malawians voted for a president, members of Parliament and councillors on 21 May 2019`
    was no event: a people voting was read only when `on` or `in` followed `voted`."""
    assert ("election_held" in dated_kinds(text)) is held
