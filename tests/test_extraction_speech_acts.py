"""Speech acts that ask or answer: proposals and their rejections, outcomes not recognised, and
what a court says (accusations: tests/test_extraction_accusations.py; demands and appeals:
tests/test_extraction_demands.py)."""

from __future__ import annotations

import pytest
from phrasing import PUB, kinds
from phrasing import SIDE_AND_OUTSIDER as _CALM_ACTORS

from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text


@pytest.mark.parametrize(
    "text",
    [
        # the particle after what is turned down; an idea put forward is a proposal too
        "On Monday the opposition turned the government's offer down.",
        "On Monday Hun Sen brushed the proposal aside.",
        "On Monday Hun Sen rejected the idea of a unity government.",
    ],
)
def test_an_offer_turned_down_in_other_words(text: str) -> None:
    assert "proposal_rejected" in kinds(text)


def test_readiness_to_hold_talks_is_an_offer_openness_a_stance() -> None:
    assert "proposal" in kinds("On Monday Hun Sen said he was ready to resume talks.")
    found = kinds("On Monday Hun Sen said his party remained open to talks.")
    assert "proposal" not in found and "statement" in found, found


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the opposition said it did not recognise him as the legitimate president.",
        "On Monday Sam Rainsy told reporters he did not trust the official results.",
        '"We cannot accept these results," Sam Rainsy told reporters on Monday.',
        "On Monday the opposition leader did not concede.",
        "On Monday Washington said it could not accept the result as legitimate.",
        # a court's judgment on the outcome rejected
        "The runner-up rejected the judgment on Monday and said he would appeal.",
    ],
)
def test_an_outcome_not_recognised_or_not_trusted_is_rejected(text: str) -> None:
    assert "results_rejected" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the government rejected any talks with the protesters.",
        "On Monday Hun Sen told supporters there would be no new election.",
        "On Monday the opposition rejected any new election.",
        "On Monday Hun Sen ruled out a snap election.",
        "Hun Sen has refused, saying he would not resign.",
        "On Monday lawmakers voted down the opposition's objections to the results.",
    ],
)
def test_talks_refused_and_an_election_ruled_out_are_rejections(text: str) -> None:
    assert "proposal_rejected" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday Hun Sen said he was ready to form a government of national unity.",
        "On Monday Hun Sen invited all parties to join a unity government.",
        "On Monday Hun Sen invited the opposition to talks.",
    ],
)
def test_an_offer_to_share_power_or_to_talk_is_a_proposal(text: str) -> None:
    assert "proposal" in kinds(text)


def test_a_re_election_rejected_is_a_result_rejected_a_disputed_one_is_not() -> None:
    assert "results_rejected" in kinds("On Monday Sam Rainsy rejected Hun Sen's re-election.")
    found = kinds("On Monday Hun Sen resigned after protests over his disputed re-election.")
    assert "results_rejected" not in found, found


def test_the_winners_not_recognised_is_a_result_rejected() -> None:
    text = "On Monday Sam Rainsy said the opposition would not recognise the new mayors."
    assert "results_rejected" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday Hun Sen said he would be ready to hand over some of his powers.",
        "On Monday Hun Sen responded by announcing that he would call a fresh election.",
    ],
)
def test_a_concession_offered_is_a_proposal(text: str) -> None:
    assert "proposal" in kinds(text)


def test_a_refusal_to_do_something_else_is_no_rejection_of_a_proposal() -> None:
    assert "proposal_rejected" not in kinds("On Monday Hun Sen refused to comment.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a proposal named by its author where it is turned down: both
        (
            "On Monday the government rejected a proposal from the church that included an early vote.",
            {"proposal", "proposal_rejected"},
        ),
        ("On Monday the ruling party turned down a plan by the mediators.", {"proposal", "proposal_rejected"}),
        # a protest called is no proposal
        ("On Monday thousands answered a call by the opposition to rally in the capital.", set()),
        # the tally of a vote between the verb and what it turned down
        (
            "On Monday lawmakers rejected, by 60 votes to 40, a proposal to hold the vote in May.",
            {"proposal_rejected"},
        ),
        # the answer in a relative clause: ", which X rejected"
        ("On Monday the talks broke down over the opposition's call for a new vote, which the ruling party rejected.", {"proposal_rejected", "talks_broken_off"}),
        ("On Monday the assembly passed a motion urging him to resign, which he refused to do.", {"proposal_rejected"}),
    ],
)  # fmt: skip
def test_proposals_named_where_they_are_turned_down(text: str, expected: set[str]) -> None:
    found = kinds(text)
    assert expected <= found, found
    if "proposal" not in expected:
        assert "proposal" not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the Constitutional Court rejected the opposition leader's challenge to the election.",
        "On Monday the justices dismissed petitions against the coalition deal.",
    ],
)
def test_a_petition_a_court_turns_down_is_a_ruling(text: str) -> None:
    found = kinds(text)
    assert "court_ruling" in found and "proposal_rejected" not in found, found


def test_a_call_by_an_outsider_is_no_proposal() -> None:
    found = kinds(
        "On Monday the ruling defied a call by the African Union for the results to be suspended."
    )
    assert "proposal" not in found, found


def test_what_figures_suggested_is_no_proposal() -> None:
    found = kinds("On Monday leaked figures suggested that the opposition had won the vote.")
    assert "proposal" not in found, found


def test_a_condition_refused_is_a_proposal_rejected() -> None:
    found = kinds(
        "On Monday Sam Rainsy demanded a new count, a condition the ruling party refused to accept."
    )
    assert {"demand", "proposal_rejected"} <= found, found


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # a court challenge announced is said, not yet a rejection made
        ("On Monday Sam Rainsy said the CNRP would challenge the result in the Supreme Court.", "statement", "results_rejected"),
        ("On Monday the CNRP challenged the results in court.", "results_rejected", "statement"),
        # one's own supporters urged to keep the peace: said, no demand on the other side
        ("On Monday Sam Rainsy called on his supporters to remain peaceful.", "statement", "demand"),
        # charges called baseless, a role denied
        ("On Monday the CNRP called the charges absurd and politically motivated.", "accusation", "statement"),
        ("On Monday the CNRP denied any role in the attacks.", "statement", "accusation"),
    ],
)  # fmt: skip
def test_challenges_announced_exhortations_and_charges_answered(
    text: str, kind: str, not_kind: str
) -> None:
    found = kinds(text)
    assert kind in found and not_kind not in found, found


@pytest.mark.parametrize(
    ("text", "kind", "present"),
    [
        # riot police charging a crowd accuse no one
        ("On Monday riot police charged them with batons.", "accusation", False),
        ("On Monday the party charged that the vote had been rigged.", "accusation", True),
        # an institution asked to examine complaints, a recount offered
        ("On Monday Hun Sen asked the election committee to examine the complaints.", "demand", True),
        ("On Monday the committee said it was ready to recount ballots from the disputed stations.", "proposal", True),
    ],
)  # fmt: skip
def test_charges_requests_and_offers(text: str, kind: str, present: bool) -> None:
    assert (kind in kinds(text)) is present


def test_an_event_a_day_before_what_is_offered_is_not_what_is_offered() -> None:
    found = kinds(
        "On Tuesday the committee said it was ready to recount ballots, a day after thousands"
        " of people marched through the capital."
    )
    assert {"proposal", "protest"} <= found, found


@pytest.mark.parametrize(
    ("text", "kind", "present"),
    [
        # a speech verb in the passive is no one's statement
        ("On Monday the army cut internet access after the results were announced.", "statement", False),
        # an offer judged no answer to the dispute is turned down
        ("On Monday Sam Rainsy said a partial recount would not resolve the dispute.", "proposal_rejected", True),
    ],
)  # fmt: skip
def test_passive_speech_and_an_offer_judged_no_answer(text: str, kind: str, present: bool) -> None:
    assert (kind in kinds(text)) is present


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # a call to come and meet the caller offers talks
        ("On Monday Hun Sen called on Sam Rainsy to meet him in Phnom Penh.", "proposal", "appeal"),
        ("On Monday Hun Sen called on Sam Rainsy to respect the result.", "appeal", "proposal"),
        # a resignation wanted is demanded
        ("On Monday the CNRP said it wants Hun Sen and his ministers to step down.", "demand", "proposal"),
        # a vote named with what it was for, said to be rigged
        ("On Monday the CNRP said the vote for the provincial councils had been rigged.", "accusation", "statement"),
    ],
)  # fmt: skip
def test_meetings_offered_resignations_wanted_and_votes_said_rigged(
    text: str, kind: str, not_kind: str
) -> None:
    found = kinds(text)
    assert kind in found and not_kind not in found, found


def test_an_offer_of_talks_named_by_its_author_is_a_proposal() -> None:
    found = kinds("On Monday the students rejected an offer of talks from the government.")
    assert {"proposal", "proposal_rejected"} <= found, found


def test_a_claim_of_victory_still_held_is_told_again_not_made() -> None:
    text = "He was sworn in on Monday, a month after an election that his rival still says he won."
    assert "results_claimed" not in kinds(text)
    assert "results_claimed" in kinds("On Monday the opposition leader said he had won.")


_COURT_ACTORS = Gazetteer(
    [
        *_CALM_ACTORS,
        Actor(id="cc", name="Constitutional Court", type="institution", aliases=["the court"]),
        Actor(id="commission", name="Electoral Commission", type="institution"),
    ]
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # what a court says, it rules
        ("On Monday the Constitutional Court said the claims of fraud were not proven.", "court_ruling"),
        ("On Monday the court said the vote would have to be run again.", "court_ruling"),
        # look-alike: any other body that says something makes a statement
        ("On Monday the Electoral Commission said the claims of fraud were not proven.", "statement"),
    ],
)  # fmt: skip
def test_what_a_court_says_is_a_ruling(text: str, kind: str) -> None:
    found = {m.kind for m in extract_text(text, PUB, gazetteer=_COURT_ACTORS)}
    assert found == {kind}, found
