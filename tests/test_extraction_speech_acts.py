"""Speech acts that ask or answer: accusations, demands and appeals, proposals and their
rejections."""

from __future__ import annotations

import pytest
from phrasing import PUB, kinds

from negotiation._internal.yamldoc import Document
from negotiation.errors import InputError
from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text
from negotiation.extract.lexicon_file import parse


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # a demand or a proposal announced for later is an intention, said: not yet made
        ("On Monday Sam Rainsy said his party would appeal to the Supreme Court.", "statement", "demand"),
        ("On Monday Hun Sen said he will ask the court to annul the vote.", "statement", "demand"),
        ("On Monday Hun Sen said he would propose new talks.", "statement", "proposal"),
        # made now: a demand, whatever the infinitive
        ("Protesters gathered on Monday to demand a recount.", "demand", "statement"),
        ("On Monday the party called for a recount.", "demand", "statement"),
    ],
)  # fmt: skip
def test_a_demand_announced_for_later_is_not_yet_made(text: str, kind: str, not_kind: str) -> None:
    found = kinds(text)
    assert kind in found and not_kind not in found, found


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
        # a charge made in an appositive or relative clause about an act
        "The president stayed in office on Monday, a move the opposition called unconstitutional.",
        "Parliament met on Monday without a quorum, which Sam Rainsy described as a sham.",
    ],
)
def test_an_act_called_unlawful_in_passing_is_an_accusation(text: str) -> None:
    assert "accusation" in kinds(text)


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


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a precondition set for talks is a demand
        ("On Monday the opposition said it would not return to the negotiating table until all prisoners were freed.", True),
        ("On Monday Sam Rainsy said talks could resume only once the arrests stopped.", True),
        # talks that will go on after something are no precondition
        ("On Monday Hun Sen said talks would resume after the holidays.", False),
    ],
)  # fmt: skip
def test_a_precondition_for_talks_is_a_demand(text: str, present: bool) -> None:
    assert ("demand" in kinds(text)) is present


def test_an_ultimatum_named_by_its_author_is_a_demand() -> None:
    text = 'On Tuesday Sam Rainsy issued what he called a "people\'s ultimatum" to the government.'
    assert "demand" in kinds(text)


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
    "text",
    [
        "On Monday Hun Sen dismissed the protesters as small groups bent on causing chaos.",
        "On Monday the minister branded the strikers criminals.",
    ],
)
def test_opponents_labelled_criminals_is_an_accusation(text: str) -> None:
    assert "accusation" in kinds(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("On Monday the European Union pressed Hun Sen to free the prisoners.", True),
        ("On Monday the opposition pressed ahead to hold the rally.", False),
    ],
)
def test_anyone_pressed_to_act_is_appealed_to(text: str, present: bool) -> None:
    assert bool({"appeal", "demand"} & kinds(text)) is present


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
    ("text", "kind"),
    [
        # what a side says it can show, or a wrong it says was done to it, is a charge
        ("On Monday Sam Rainsy said his party had evidence of widespread vote rigging.", "accusation"),
        ("On Monday Hun Sen told reporters that the alliance had been betrayed by its own members.", "accusation"),
        ("On Monday the judge said most of his colleagues had been pressured into backing the decree.", "accusation"),
        # a charge denied is none
        ("On Monday Hun Sen said his office had found no evidence of fraud.", "statement"),
    ],
)  # fmt: skip
def test_evidence_claimed_or_a_wrong_done_is_an_accusation(text: str, kind: str) -> None:
    found = kinds(text)
    assert kind in found, found
    if kind == "statement":
        assert "accusation" not in found, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # "alleged" as a verb charges someone; as an adjective it names what is charged
        ("On Monday the party alleged that the count had been manipulated.", True),
        ("He has faced several inquiries, including into alleged corruption.", False),
        ("On Monday a minister was named in an alleged plot to kill him.", False),
    ],
)
def test_alleged_charges_only_as_a_verb(text: str, present: bool) -> None:
    assert ("accusation" in kinds(text)) is present


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


def test_a_vote_said_marred_by_rigging_is_a_charge_not_violence() -> None:
    found = kinds(
        "On Monday Hun Sen told reporters that the vote had been marred by widespread rigging and violence."
    )
    assert "accusation" in found and "violence" not in found, found


def test_what_is_alleged_is_no_event_of_its_own() -> None:
    found = kinds("On Monday the petition alleged widespread rigging, intimidation and violence.")
    assert "accusation" in found and "violence" not in found, found


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


_CALM_ACTORS = Gazetteer(
    [
        Actor(id="pnd", name="Party of National Dawn", type="party", aliases=["PND"]),
        Actor(id="okafor", name="Ruth Okafor", type="person", party="pnd", aliases=["Okafor"]),
        Actor(id="au", name="African Union", type="ngo", aliases=["AU"]),
    ]
)


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # a side asking for calm, unity or restraint says so; it demands nothing of the other
        ("On Monday Okafor called for calm and thanked her voters.", "statement", "demand"),
        ("On Monday the PND appealed for national unity after the count.", "statement", "demand"),
        ("On Monday Okafor urged the losing candidates and their followers to avoid provocation.", "statement", "demand"),
        # an outsider asking the same appeals
        ("On Monday the AU urged both camps to exercise restraint.", "appeal", "statement"),
        ("On Monday the AU called for calm in the capital.", "appeal", "demand"),
        # what a side asks of the other stays a demand
        ("On Monday Okafor called for a recount in three provinces.", "demand", "statement"),
    ],
)  # fmt: skip
def test_a_call_for_calm_by_a_side_is_a_statement_by_an_outsider_an_appeal(
    text: str, kind: str, not_kind: str
) -> None:
    found = {m.kind for m in extract_text(text, PUB, gazetteer=_CALM_ACTORS)}
    assert kind in found and not_kind not in found, found


@pytest.mark.parametrize(
    "text",
    [
        # the public urged not to do something: a call to one's own, no demand on the other side
        "On Monday the PND urged people not to accept the new government.",
        "On Monday Okafor called on voters not to take part in the rerun.",
    ],
)
def test_the_public_urged_not_to_act_is_no_demand(text: str) -> None:
    found = {m.kind for m in extract_text(text, PUB, gazetteer=_CALM_ACTORS)}
    assert not found & {"demand", "appeal"}, found


@pytest.mark.parametrize(
    "text",
    [
        "The Election Board has rejected the fraud claims.",
        "On Monday Governor Okafor dismissed claims of fraud.",
        "On Friday Governor Okafor rejected allegations by the rival camp.",
    ],
)
def test_a_charge_answered_with_or_without_an_article_is_a_statement(text: str) -> None:
    assert kinds(text) == {"statement"}


@pytest.mark.parametrize(
    "text",
    [
        # a vote called a falsification, an act said to have no legal basis: a charge
        'On Monday Okafor called the vote a "total falsification".',
        "On Monday the PND called the result fraudulent and refused to concede.",
        "On Monday Okafor said the decree had no constitutional basis.",
    ],
)
def test_a_vote_called_a_falsification_or_an_act_without_legal_basis_is_a_charge(
    text: str,
) -> None:
    assert "accusation" in {m.kind for m in extract_text(text, PUB, gazetteer=_CALM_ACTORS)}


def test_a_claim_of_victory_still_held_is_told_again_not_made() -> None:
    text = "He was sworn in on Monday, a month after an election that his rival still says he won."
    assert "results_claimed" not in kinds(text)
    assert "results_claimed" in kinds("On Monday the opposition leader said he had won.")


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a purpose laid at the other side's door, in what is said: a charge
        ("On Monday Okafor told journalists that the new law was designed to keep the governor"
         " in office.", True),
        ("On Monday Okafor said the reform was clearly meant to split the opposition.", True),
        ("On Monday the PND claimed that the curfew was intended to stop its rallies.", True),
        # look-alikes: a plan or an origin told, no purpose charged
        ("On Monday Okafor said the meeting was meant to be held in the capital.", False),
        ("On Monday Okafor said the new bridge was designed by foreign engineers.", False),
        ("The new law was designed to keep the governor in office, a newspaper wrote.", False),
    ],
)  # fmt: skip
def test_a_purpose_charged_in_what_is_said_is_an_accusation(text: str, present: bool) -> None:
    found = {m.kind for m in extract_text(text, PUB, gazetteer=_CALM_ACTORS)}
    assert ("accusation" in found) is present, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a wrong named in what is said: a charge
        ("On Monday the monitors said they had seen irregularities at many polling stations.", True),
        ("On Monday Okafor said the vote failed to meet democratic standards.", True),
        ("On Monday Okafor said he was the victim of a conspiracy.", True),
        ("On Monday the PND walked out, saying fraudulent ballots had been counted.", True),
        # look-alikes: no wrong found, or none said
        ("On Monday the monitors said they had seen no irregularities at polling stations.", False),
        ("On Monday the board said it did not find any irregularities.", False),
        ("The board will annul the results if it finds irregularities.", False),
        # a check announced names no wrong
        ("On Monday the PND said it would look into reports of irregularities.", False),
        ("On Monday Okafor said observers will examine claims of vote-buying.", False),
    ],
)  # fmt: skip
def test_a_wrong_named_in_what_is_said_is_an_accusation(text: str, present: bool) -> None:
    found = {m.kind for m in extract_text(text, PUB, gazetteer=_CALM_ACTORS)}
    assert ("accusation" in found) is present, found


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        # a pronoun after a fronted phrase still names who spoke just before
        ("In her first speech as leader she said the count had been fair.", True),
        ("On Tuesday she told reporters the count had been fair.", True),
        ("Speaking in the capital, she said the count had been fair.", True),
        # look-alike: no pronoun, no one known before the speech verb
        ("In her first speech the leader said the count had been fair.", False),
    ],
)  # fmt: skip
def test_a_pronoun_after_a_fronted_phrase_names_the_speaker(text: str, speaks: bool) -> None:
    before = "Ruth Okafor was sworn in on Monday, 11 November 2019. "
    found = [m for m in extract_text(before + text, PUB, gazetteer=_CALM_ACTORS)]
    said = [m for m in found if m.kind == "statement" and "okafor" in m.actors]
    assert bool(said) is speaks, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a label that charges: an accusation
        ("On Monday the PND branded the new cabinet illegitimate.", True),
        ("On Monday Okafor labelled the decree unconstitutional.", True),
        # look-alikes: a brand or a label that is no charge
        ("On Monday the PND launched a new brand of party newspaper.", False),
        ("On Monday Okafor branded the reform a bold step.", False),
    ],
)  # fmt: skip
def test_a_government_branded_illegitimate_is_an_accusation(text: str, present: bool) -> None:
    found = {m.kind for m in extract_text(text, PUB, gazetteer=_CALM_ACTORS)}
    assert ("accusation" in found) is present, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # any act called a wrong: a charge, whatever the act is
        ("On Monday Okafor called her dismissal an illegal seizure of power.", True),
        ("On Monday the PND called the verdict a breach of the constitution.", True),
        ("On Monday Okafor called the raids an attack on democracy.", True),
        # look-alikes: an act called something that charges no one
        ("On Monday Okafor called the verdict a victory for democracy.", False),
        ("On Monday the PND called the audit a chance to restore trust.", False),
    ],
)  # fmt: skip
def test_an_act_called_a_wrong_is_an_accusation(text: str, present: bool) -> None:
    found = {m.kind for m in extract_text(text, PUB, gazetteer=_CALM_ACTORS)}
    assert ("accusation" in found) is present, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a deadline set for what the other side must do is a demand, whatever it asks
        ("On Monday the opposition gave the prime minister 48 hours to step down.", True),
        ("On Monday the movement gave the cabinet three days to back its reforms.", True),
        ("The movement gave the president until noon on Friday to resign.", True),
        ("On Monday the opposition leader said the government had 72 hours to release the detainees.", True),
        # asked to resign; asked for a recount or a sentence
        ("On Monday the party leaders asked the prime minister and his deputy to resign.", True),
        ("On Monday the opposition asked for a recount of the ballots.", True),
        ("On Monday prosecutors asked for the death penalty.", True),
        # look-alikes: a time limit in a procedure; time asked for
        ("On Monday the court gave the defence two hours to present its case.", False),
        ("On Monday the minister asked for more time.", False),
    ],
)  # fmt: skip
def test_a_deadline_set_or_a_resignation_asked_is_a_demand(text: str, present: bool) -> None:
    assert ("demand" in kinds(text)) is present, kinds(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # demands named after a possessive are what was asked before, not asked there
        ("On Monday thousands marched against the rebels' demands.", False),
        ("On Monday the cabinet offered to meet most of Okafor's demands.", False),
        ("On Monday the PND, whose demands include a recount, met the envoy.", False),
        # look-alike: a demand made
        ("On Monday the PND demanded a recount.", True),
    ],
)  # fmt: skip
def test_demands_named_after_a_possessive_are_no_demand(text: str, present: bool) -> None:
    found = {m.kind for m in extract_text(text, PUB, gazetteer=_CALM_ACTORS)}
    assert ("demand" in found) is present, found


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # an outsider condemning an act charges no side of its own: it appeals
        ("On Monday the African Union condemned the killings.", "appeal", "accusation"),
        ("On Monday the AU condemned the arrests and urged restraint.", "appeal", "accusation"),
        # a side condemning the other's act accuses
        ("On Monday the PND condemned the killings.", "accusation", "appeal"),
        ("On Monday Okafor condemned the arrests of her aides.", "accusation", "appeal"),
    ],
)  # fmt: skip
def test_a_condemnation_by_an_outsider_is_an_appeal(text: str, kind: str, not_kind: str) -> None:
    found = {m.kind for m in extract_text(text, PUB, gazetteer=_CALM_ACTORS)}
    assert kind in found and not_kind not in found, found


def test_a_patterns_own_third_party_kind_is_checked() -> None:
    doc = Document(
        "mine.yaml",
        {"kinds": {"accusation": {"patterns": [{"re": "decr(?:y|ied)", "third_party": "appeal"}]}}},
    )
    lex = parse(doc)
    assert lex.rules["accusation"].outsiders == ((0, "appeal"),)
    bad = Document(
        "mine.yaml",
        {"kinds": {"accusation": {"patterns": [{"re": "decry", "third_party": "no_such_kind"}]}}},
    )
    with pytest.raises(InputError):
        parse(bad)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a charge in a relative clause, a wrong laid at someone's door, a trial's charge
        ("On Monday crowds marched against a ruling elite they accuse of theft.", True),
        ("On Monday the embassy said the army bore responsibility for the killings.", True),
        ("On Monday forty activists went on trial in the capital accused of plotting a coup.", True),
        # labels that charge
        ("On Monday the party called the detainees political prisoners.", True),
        ('On Monday the minister called those who occupied the square "fascists".', True),
        ('On Monday the speaker called the suspension a "democratic outrage".', True),
        ("On Monday the president described the rerun as the worst election in the country's history.", True),
        # look-alikes: responsibility taken; a label that charges no one
        ("On Monday the minister said he bore no responsibility for the delay.", False),
        ("On Monday the party called the detainees heroes.", False),
    ],
)  # fmt: skip
def test_charges_in_a_relative_clause_a_trial_or_a_label_are_accusations(
    text: str, present: bool
) -> None:
    assert ("accusation" in kinds(text)) is present, kinds(text)


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
