"""Accusations and charges: what someone is accused of is charged, not reported."""

from __future__ import annotations

import pytest
from phrasing import PUB, dated_kinds, kinds
from phrasing import SIDE_AND_OUTSIDER as _CALM_ACTORS

from negotiation._internal.yamldoc import Document
from negotiation.errors import InputError
from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text
from negotiation.extract.lexicon_file import parse


def test_what_someone_is_charged_with_is_no_event() -> None:
    found = dated_kinds(
        "Melia is charged with organising mass violence during protests in June 2019."
    )
    assert "violence" not in found


@pytest.mark.parametrize(
    ("text", "kind", "present"),
    [
        # what a side is accused of, with who is accused between, is charged, not reported
        ("On Monday the minister accused the rebels of using violence.", "violence", False),
        ("On Monday the PND accused the police of staging the riots.", "violence", False),
        # look-alike: what comes after the charge, in a clause of its own, still is
        ("On Monday the PND accused the board of fraud and called for a recount.", "demand", True),
    ],
)  # fmt: skip
def test_what_someone_is_accused_of_is_no_event(text: str, kind: str, present: bool) -> None:
    assert (kind in dated_kinds(text)) is present, dated_kinds(text)


def test_a_participle_charging_someone_is_an_accusation_a_reason_is_not() -> None:
    charged = dated_kinds(
        "On Monday opposition parties rejected the outcome, accusing the authorities of buying votes."
    )
    assert {"results_rejected", "accusation"} <= set(charged), charged
    reason = dated_kinds("On Monday opposition parties rejected the outcome, citing fraud.")
    assert "results_rejected" in reason and "accusation" not in reason, reason


def test_reported_speech_carrying_an_accusation_is_an_accusation() -> None:
    text = (
        "Jeenbekov said on Tuesday that certain political forces had used the election as a "
        "pretext to seize power illegally."
    )
    g = Gazetteer([Actor(id="jeenbekov", name="Sooronbai Jeenbekov", type="person",
                         aliases=["Jeenbekov"])])  # fmt: skip
    found = {m.kind: m.actors for m in extract_text(text, PUB, gazetteer=g)}
    assert found.get("accusation") == ("jeenbekov",) and "statement" not in found, found
    plain = "Jeenbekov said on Tuesday that he was not clinging to power."
    assert "statement" in {m.kind for m in extract_text(plain, PUB, gazetteer=g)}


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
        "On Monday Hun Sen dismissed the protesters as small groups bent on causing chaos.",
        "On Monday the minister branded the strikers criminals.",
    ],
)
def test_opponents_labelled_criminals_is_an_accusation(text: str) -> None:
    assert "accusation" in kinds(text)


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


def test_a_vote_said_marred_by_rigging_is_a_charge_not_violence() -> None:
    found = kinds(
        "On Monday Hun Sen told reporters that the vote had been marred by widespread rigging and violence."
    )
    assert "accusation" in found and "violence" not in found, found


def test_what_is_alleged_is_no_event_of_its_own() -> None:
    found = kinds("On Monday the petition alleged widespread rigging, intimidation and violence.")
    assert "accusation" in found and "violence" not in found, found


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
    ("text", "present"),
    [
        # a label that charges: an accusation
        ("On Monday the PND branded the new cabinet illegitimate.", True),
        ("On Monday Okafor labelled the decree unconstitutional.", True),
        # called so: "called the board unconstitutional", "called him an illegitimate leader"
        ("On Monday the PND called the new board unconstitutional.", True),
        ("On Monday Okafor called Melia an illegitimate prime minister.", True),
        # described so, the label in quotes: "described the vote as a \"civil coup\""
        ('On Monday the PND described the army takeover as an "institutional coup".', True),
        ('On Monday Okafor described the strikers as "looters and bandits".', True),
        # a vote said to be unfair, told to a crowd: a charge
        ("On Monday Okafor told the crowd the election had been unfair.", True),
        ("On Monday the PND said the vote was not free and fair.", True),
        # look-alikes: a brand or a label that is no charge
        ("On Monday the PND launched a new brand of party newspaper.", False),
        ("On Monday Okafor branded the reform a bold step.", False),
        # a call made, no label: "called an illegal strike", "called on the court"
        ("On Monday the union called an illegal strike at the port.", False),
        ("On Monday the so-called illegal camps were cleared by the city.", False),
        ("On Monday Okafor told the crowd the election had been peaceful.", False),
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
