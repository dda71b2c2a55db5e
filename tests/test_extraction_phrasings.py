"""Phrasings of real reports: what each sentence must (and must not) give."""

from __future__ import annotations

import pytest
from phrasing import SIDE_AND_OUTSIDER, dated_kinds


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # a head of state or government forced out without a vote
        ("President Evo Morales resigned on Sunday after weeks of protests.", "leader_removed", "2019-11-10"),
        ("He stepped down as prime minister on Monday.", "leader_removed", "2019-11-11"),
        # a vote's outcome is what happened, not a plan
        ("Parliament voted 101-0 to strip him of his immunity on Wednesday.", "member_expelled", "2019-11-06"),
        ("The Supreme Court threw out the results on Monday.", "election_annulled", "2019-11-11"),
        ("The two sides emerged after five hours of talks on Monday.", "talks_held", "2019-11-11"),
        ("Hun Sen and Sam Rainsy shook hands on a deal on Monday.", "agreement", "2019-11-11"),
        ("The election committee confirmed the ruling party's victory on Sunday.", "results_announced", "2019-11-10"),
        ("Authorities banned all public gatherings in the capital on Monday.", "ban", "2019-11-11"),
        ("The Constitutional Council on Friday upheld the official results.", "court_ruling", "2019-11-08"),
        ("On Monday the assembly elected Heng Samrin as its president.", "officers_elected", "2019-11-11"),
        ("On Sunday he pulled out of the run-off, citing violence.", "election_boycott", "2019-11-10"),
        ("On Sunday soldiers announced that the army had taken power.", "coup", "2019-11-10"),
        ("Parliament passed a no-confidence motion against Rajapaksa on Wednesday.", "government_dismissed", "2019-11-06"),
        ("On Monday the Supreme Court suspended the dissolution of parliament.", "court_ruling", "2019-11-11"),
        ("On Monday brawls broke out in the chamber.", "violence", "2019-11-11"),
        ("President Jeenbekov announced his resignation on Thursday.", "leader_removed", "2019-11-07"),
        ("Opposition leaders met President Barrow at State House on Friday.", "talks_held", "2019-11-08"),
        ("On Friday the opposition refused to take up their mandates.", "boycott", "2019-11-08"),
        ("On Friday the opposition deputies took up their mandates.", "seats_taken", "2019-11-08"),
        ("On Monday the court struck down the presidential election.", "election_annulled", "2019-11-11"),
        # a legislature voting the head of government out deposes it (not "other means")
        ("Congress voted on Monday to remove President Smith from office.", "government_dismissed", "2019-11-11"),
        ("The army removed President Smith from office on Monday.", "leader_removed", "2019-11-11"),
        # a parliament named by its own name, and one that dissolves (no agent): the Israeli
        # example's two automatic dissolutions of the Knesset were never found
        ("On Monday the Knesset dissolved, and a law set a new election.", "assembly_dissolved", "2019-11-11"),
        ("The budget was not passed, and on Monday the Knesset dissolved automatically.", "assembly_dissolved", "2019-11-11"),
        ("The Duma was dissolved on Monday.", "assembly_dissolved", "2019-11-11"),
    ],
)  # fmt: skip
def test_phrasings_give_their_kind_and_day(text: str, kind: str, date: str) -> None:
    assert dated_kinds(text).get(kind) == date


def test_what_a_court_ruled_is_its_content_not_another_event() -> None:
    found = dated_kinds(
        "On Thursday the Supreme Court ruled that the decree dissolving parliament was unconstitutional."
    )
    assert "court_ruling" in found and "accusation" not in found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On Tuesday West African leaders failed to persuade Jammeh to accept his defeat.", "mediation"),
        ("On Saturday longtime ruler Yahya Jammeh flew into exile.", "leader_removed"),
    ],
)  # fmt: skip
def test_mediation_and_exile_phrasings(text: str, kind: str) -> None:
    assert kind in dated_kinds(text)


def test_a_consequence_clause_ending_a_crisis_is_no_settlement() -> None:
    assert "settlement" not in dated_kinds(
        "Jammeh flew into exile on Saturday, ending a six-week crisis."
    )


@pytest.mark.parametrize(
    ("text", "kind", "present"),
    [
        ("He took power in 2005 on the death of his father.", "coup", False),
        ("On Monday the army took power in the capital.", "coup", True),
        ("The talks opened in Lome on Monday.", "talks_held", True),
        ("The talks stalled on Monday over term limits.", "talks_broken_off", True),
        ("On Monday ECOWAS tasked two presidents with facilitating a dialogue.", "mediation", True),
    ],
)  # fmt: skip
def test_successions_talks_and_facilitators(text: str, kind: str, present: bool) -> None:
    assert (kind in dated_kinds(text)) is present


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On March 14 Rajoelina gave Ravalomanana four hours to resign.", "demand"),
        ("On Sunday the president offered a referendum, a proposal his rival rejected.", "proposal_rejected"),
        ("On March 17 Ravalomanana resigned and handed power to a military directorate.", "leader_removed"),
        ("On Wednesday the High Constitutional Court endorsed the transfer.", "court_ruling"),
    ],
)  # fmt: skip
def test_ultimatums_refusals_handovers_and_endorsements(text: str, kind: str) -> None:
    assert kind in dated_kinds(text)


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # a count that "had been rigged" is an allegation, not a result
        ("On Monday Khan said the vote that returned Sharif to power was rigged.", "accusation", "results_announced"),
        ("On Monday Chakwera said the count had been rigged.", "accusation", "results_announced"),
        ("On Monday Sam Rainsy described the case as politically motivated.", "accusation", "statement"),
        # criticising, acknowledging, admitting: said, when nothing else is reported
        ("On Monday Sam Rainsy criticised the deal as a surrender.", "statement", "agreement"),
        ("On Monday Hun Sen acknowledged that turnout had been low.", "statement", "protest"),
        # a bare verb after "insist that": what is demanded
        ("On Sunday Camacho insisted that Morales resign.", "demand", "statement"),
        ("Talks broke down on Monday, with Rajoelina insisting that the president step down.", "demand", "statement"),
        ("On Monday the Constitutional Council had thrown out the party's appeals.", "court_ruling", "proposal_rejected"),
        ("In 2017 the Constitutional Court lifted term limits.", "court_ruling", "statement"),
        # being charged is no ruling (a conviction or a sentence is)
        ("Kem Sokha was detained on Monday and charged with treason.", "arrest", "court_ruling"),
        ("On Monday Kem Sokha was sentenced to 27 years in prison.", "court_ruling", "arrest"),
        # a one-word trigger inside a longer phrase of another kind is a word of that phrase
        ("On Monday the party complained of violence against its monitors.", "accusation", "violence"),
        ("On Monday opposition leaders denounced Melia's arrest as political revenge.", "accusation", "arrest"),
        # named to lead the government
        ("On Tuesday lawmakers voted to name Sadyr Japarov, a nationalist, as his replacement.", "government_formed", "statement"),
        ("On Monday Deputy Prime Minister Karen Karapetyan was named acting head of government.", "government_formed", "statement"),
        # a candidate turned down
        ("On Sunday lawmakers rejected a first slate led by Rocio Silva-Santisteban.", "proposal_rejected", "statement"),
        ("On Tuesday the ruling party blocked his candidacy.", "proposal_rejected", "statement"),
        ("Four rights workers were jailed on Monday, accused of bribery.", "arrest", "statement"),
        ("Prime Minister Edi Rama ignored the decree on Monday, saying the president had no power to do so.", "statement", "court_ruling"),
        ("On Monday Lazarus Chakwera called the ruling a victory for democracy.", "statement", "court_ruling"),
        # protesters clashing or attacking: violence, not a protest of its own
        ("On Saturday rival groups of protesters clashed in the city centre.", "violence", "protest"),
        ("On Saturday protesters hurled stones at police.", "violence", "protest"),
        # an electoral tribunal declaring the winner announces results; a court declaring a vote void rules
        ("Bolivia's electoral tribunal on Thursday declared President Evo Morales the outright winner.", "results_announced", "court_ruling"),
        ("The court on Thursday declared those votes unconstitutional.", "court_ruling", "results_announced"),
        # protests named as the background of another event ("after 11 days of protests")
        ("President Sargsyan resigned on Monday after 11 days of mass street protests.", "leader_removed", "protest"),
        ("President Sargsyan resigned on Monday following weeks of protests.", "leader_removed", "protest"),
    ],
)  # fmt: skip
def test_what_a_sentence_reports_and_what_it_does_not(text: str, kind: str, not_kind: str) -> None:
    kinds = dated_kinds(text)
    assert kind in kinds and not_kind not in kinds, kinds


@pytest.mark.parametrize(
    ("plain", "titled"),
    [
        (
            "The assembly stripped Okafor of her seat on Monday.",
            "The assembly stripped Ms. Okafor of her seat on Monday.",
        ),
        (
            "Police arrested Okafor at her home on Monday.",
            "Police arrested Dr. Okafor at her home on Monday.",
        ),
    ],
)
def test_a_courtesy_title_changes_nothing(plain: str, titled: str) -> None:
    found = dated_kinds(plain, SIDE_AND_OUTSIDER)
    assert found and dated_kinds(titled, SIDE_AND_OUTSIDER) == found


@pytest.mark.parametrize(
    "text",
    [
        "Minutes later, on 30 May, the Knesset voted by 74 to 45 to dissolve itself and hold a new election on 17 September.",
        "The Knesset voted on 30 May to hold a new election on 17 September.",
        "Parliament decided to hold a new election on 17 September.",
        "Parliament voted on Thursday to dissolve itself and hold an early election on 17 September.",
    ],
)  # fmt: skip
def test_a_vote_or_decision_to_hold_an_election_does_not_hold_it(text: str) -> None:
    """The election a vote sets is planned, no event: it was an election held, and with a day
    and month but no year it was dated backwards, a year before the vote (2018-09-17)."""
    found = dated_kinds(text)
    assert "election_held" not in found and "early_election" not in found, found


def test_a_parliament_expressing_confidence_in_a_government_forms_it() -> None:
    """'the Knesset expressed its confidence in the new government by 73 votes to 46': the
    government formed (it was read only as the oath that followed it)."""
    text = (
        "On Monday the Knesset expressed its confidence in the new government by 73 votes to 46, "
        "and the government was sworn in."
    )
    assert dated_kinds(text).get("government_formed") == "2019-11-11"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Knesset voted by 74 to 45 to dissolve itself on Monday.", "assembly_dissolved"),
        ("Congress voted 105-19 to remove President Vizcarra on Monday.", "government_dismissed"),
        ("Congress voted to remove President Vizcarra on Monday.", "government_dismissed"),
        (
            "Lawmakers voted by 101 votes to 6 to remove Smith from office on Monday.",
            "government_dismissed",
        ),
    ],
)
def test_a_vote_s_tally_between_the_vote_and_what_it_decided(text: str, kind: str) -> None:
    assert dated_kinds(text).get(kind) == "2019-11-11"


def test_removing_the_president_s_immunity_removes_no_president() -> None:
    assert "government_dismissed" not in dated_kinds(
        "Congress voted to remove the president's immunity on Monday."
    )
