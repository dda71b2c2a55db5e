"""Action kinds and their days: phrasings of news reports (courts, arrests, talks, laws; protests,
elections, offices, who acts and dates have files of their own)."""

from __future__ import annotations

import pytest
from phrasing import dated_kinds


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # an apposition between the court and what it did
        ("The Supreme Court, the country's highest judicial body, on Monday threw out the petition.", "court_ruling", "2019-11-11"),
        ("A day later the Constitutional Court refused to hear the opposition's complaint.", "court_ruling", "2019-11-12"),
        ("The tribunal said on Friday that it could not hear the case before March.", "court_ruling", "2019-11-08"),
        # "the next day" tells what followed, it plans nothing
        ("The next day the High Court endorsed the appointment.", "court_ruling", "2019-11-12"),
        # talks named before the verb that opened them, in a relative clause
        ("The release came out of negotiations that the government and the alliance reopened on Monday.", "talks_held", "2019-11-11"),
        ("The amnesty law was approved by parliament on Saturday.", "law_passed", "2019-11-09"),
        ("Police stormed the student camp on Sunday.", "violence", "2019-11-10"),
        ("Thousands of supporters camped outside parliament on Wednesday.", "protest", "2019-11-06"),
        # an election's round, a court's other decisions, talks opened, brought together
        ("The first round, held on Nov. 3, went to the incumbent.", "election_held", "2019-11-03"),
        ("On Monday the Supreme Court postponed the run-off by a week.", "court_ruling", "2019-11-11"),
        ("The court dismissed his appeal on Friday.", "court_ruling", "2019-11-08"),
        # the month May is no modal verb
        ("On May 5 the Supreme Court ruled that the president may stand again.", "court_ruling", "2019-05-05"),
        ("Police arrested the two leaders in early May.", "arrest", "2019-05-01"),
        ("Formal negotiations between the two teams opened on Nov. 4.", "talks_held", "2019-11-04"),
        ("On Monday the envoy brought the president and his rival together.", "talks_held", "2019-11-11"),
        ("On Monday the talks were postponed indefinitely.", "talks_broken_off", "2019-11-11"),
        ("On Friday the opposition leader took up his seat in parliament.", "seats_taken", "2019-11-08"),
        ("He took a symbolic oath of office in parliament on Tuesday.", "sworn_in", "2019-11-12"),
        ("On Wednesday lawmakers voted no confidence in the government.", "government_dismissed", "2019-11-06"),
        ("Police used pepper spray to disperse the crowd on Sunday.", "violence", "2019-11-10"),
        ("Heavy fighting broke out on Sunday between rival units.", "violence", "2019-11-10"),
        # the writers' conventions: blocked roads are a strike, a curfew a ban
        ("On Monday supporters blocked highways across the south.", "strike", "2019-11-11"),
        ("The government imposed a three-day curfew in the capital on Sunday.", "ban", "2019-11-10"),
        ("A police officer was burned to death by a mob on Sunday.", "violence", "2019-11-10"),
        ("The first two deaths came on Sunday in the north.", "violence", "2019-11-10"),
        ("On Tuesday lawmakers gave the new cabinet a vote of confidence.", "government_formed", "2019-11-12"),
        # an election named by its day or its year
        ("The ruling party swept Sunday's local elections.", "election_held", "2019-11-10"),
        ("Her rival conceded after the Nov. 3 runoff.", "election_held", "2019-11-03"),
        ("The senator, who won the 2015 presidential election, stood down.", "election_held", "2015-01-01"),
        ("He narrowly lost the 2016 runoff to the incumbent.", "election_held", "2016-01-01"),
        ("The president, 61, was first elected in 2011.", "election_held", "2011-01-01"),
        ("The Knesset approved the new government by 73 votes to 46 on Sunday.", "government_formed", "2019-11-10"),
        ("On Monday the president named a 40-member cabinet.", "government_formed", "2019-11-11"),
        ("The arrests brought thousands of people onto the streets on Thursday.", "protest", "2019-11-07"),
        # a building taken by force; a time of a day named with "of" ("the night of Nov. 5")
        ("On Sunday protesters seized government buildings in two towns.", "violence", "2019-11-10"),
        ("Hundreds of his supporters stormed the national assembly on Sunday.", "violence", "2019-11-10"),
        ("On Sunday police dispersed the crowd outside the election commission.", "violence", "2019-11-10"),
        ("Troops crushed renewed street protests in the capital on Monday.", "violence", "2019-11-11"),
        ("Protesters overran the regional administration headquarters on the night of Nov. 5.", "violence", "2019-11-05"),
    ],
)  # fmt: skip
def test_action_phrasings_give_their_kind_and_day(text: str, kind: str, date: str) -> None:
    assert dated_kinds(text).get(kind) == date


def test_a_clause_after_a_ruling_is_not_what_the_court_ordered() -> None:
    found = dated_kinds(
        "On Monday the court upheld the appointment, and Ndlovu, 52, was sworn in on Friday."
    )
    assert found["court_ruling"] == "2019-11-11"
    assert found["sworn_in"] == "2019-11-08"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("He was sworn in as vice president at the same ceremony on Monday.", "sworn_in"),
        ("She took the vice-presidential oath on Monday.", "sworn_in"),
        ("The electoral tribunal halted its quick count on Sunday night.", "court_ruling"),
        ("Offices were closed on Monday over threats of violence.", "violence"),
        ("Supporters poured into the streets to celebrate the ruling on Monday.", "protest"),
        ("Unions called a strike for Tuesday in protest at the police violence.", "violence"),
    ],
)
def test_what_these_phrasings_do_not_report(text: str, kind: str) -> None:
    assert kind not in dated_kinds(text)


def test_a_first_round_alone_is_no_talks() -> None:
    assert "talks_held" not in dated_kinds("The result reversed the first round on November 9.")


def test_a_bill_the_cabinet_approved_is_not_yet_a_law() -> None:
    assert "law_passed" not in dated_kinds("The bill was approved by the cabinet on Monday.")


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a challenge thrown out, the one ruling named far before or by a plain noun
        ("A judge at the appeals bench in the capital on Monday dismissed a challenge to the vote.", True),
        ("On Monday the board threw out all nine petitions filed after the vote.", True),
        ("The panel had thrown out the party's complaint on Monday.", True),
        # look-alike: an appeal for calm brushed aside is no ruling
        ("On Monday the minister dismissed appeals for calm from abroad.", False),
    ],
)  # fmt: skip
def test_a_challenge_thrown_out_is_a_ruling(text: str, present: bool) -> None:
    assert ("court_ruling" in dated_kinds(text)) is present, dated_kinds(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # negotiating told as time spent or kept up: talks held
        ("In May the two parties spent ten days negotiating a joint programme.", True),
        ("In May the rebels walked out and the other parties went on negotiating.", True),
        # look-alike: negotiating named as a skill, no talks held
        ("In May the envoy praised his negotiating skills.", False),
    ],
)  # fmt: skip
def test_negotiating_told_as_time_spent_or_kept_up_is_talks(text: str, present: bool) -> None:
    assert ("talks_held" in dated_kinds(text)) is present, dated_kinds(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a law named with when or by whom it was passed: a law passed
        ("Critics said a new law on the media that the senate passed last week was harsh.", True),
        ("The poll was held under a law approved by the assembly on Monday.", True),
        ("Critics said a bill passed on Monday by the ruling party went too far.", True),
        # look-alikes: a bill only the cabinet or government approved is no law yet
        ("Critics said a bill approved by the cabinet on Monday went too far.", False),
        ("Critics said the law passes muster with the court.", False),
    ],
)  # fmt: skip
def test_a_law_named_by_when_or_who_passed_it(text: str, present: bool) -> None:
    assert ("law_passed" in dated_kinds(text)) is present, dated_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Among those detained on Monday was a former minister.",
        "The deal said everyone detained during the unrest would be freed.",
        "A suspect arrested later that night confessed to the killing.",
        "Prisoners detained in the crackdown went on hunger strike.",
    ],
)
def test_people_named_by_an_earlier_arrest_are_no_new_arrest(text: str) -> None:
    assert "arrest" not in dated_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # the end of an arrest, a risk of one, a slogan asking for one
        "On Monday the former minister was freed from house arrest.",
        "The exiled leader faces arrest on corruption charges if he comes home.",
        'On Monday crowds outside the palace were chanting "Arrest the general!" for hours.',
    ],
)
def test_an_arrest_ended_risked_or_chanted_for_is_no_arrest(text: str) -> None:
    assert "arrest" not in dated_kinds(text)


def test_an_arrest_made_is_still_an_arrest() -> None:
    assert "arrest" in dated_kinds("On Monday police arrested the opposition leader at his home.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # roads closed by the police or troops: no strike
        ("On Monday riot police blocked the roads leading to the court.", "strike"),
        ("Troops barricaded the streets around the palace on Monday.", "strike"),
        # a challenge named as what a court ruled on, or withdrawn: no rejection that day
        ("A week after the court threw out the opposition's challenge to the result, he was sworn in.", "results_rejected"),
        ("On Monday the runner-up withdrew his petition challenging the president's re-election.", "results_rejected"),
    ],
)  # fmt: skip
def test_roads_closed_by_the_state_and_challenges_ruled_on(text: str, kind: str) -> None:
    assert kind not in dated_kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On Monday protesters blocked the roads leading to the capital.", "strike"),
        ("On Monday the opposition challenged the results in court.", "results_rejected"),
    ],
)
def test_roads_blocked_by_protesters_and_a_challenge_made(text: str, kind: str) -> None:
    assert kind in dated_kinds(text)


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # a court confirming the winner rules; it neither announces results nor rejects a proposal
        ("The Constitutional Court confirmed the president's victory on Monday, after rejecting his rival's challenge.", "court_ruling", "proposal_rejected"),
        ("On Monday the Supreme Court confirmed the results of the presidential vote.", "court_ruling", "results_announced"),
    ],
)  # fmt: skip
def test_a_court_confirming_the_winner_rules(text: str, kind: str, not_kind: str) -> None:
    found = dated_kinds(text)
    assert kind in found and not_kind not in found, found
