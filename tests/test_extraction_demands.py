"""Demands and appeals: who calls on whom, and calls that are no demand."""

from __future__ import annotations

import pytest
from phrasing import PUB, dated_kinds, kinds
from phrasing import SIDE_AND_OUTSIDER as _CALM_ACTORS

from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text


def test_a_side_calling_on_the_other_demands_a_third_party_appeals() -> None:
    g = Gazetteer(
        [
            Actor(id="cnrp", name="Cambodia National Rescue Party", type="party", aliases=["CNRP"]),
            Actor(id="un", name="United Nations", type="ngo", aliases=["UN"]),
        ]
    )
    kinds = {
        m.kind
        for m in extract_text(
            "The CNRP called on the government to resign on Monday.", PUB, gazetteer=g
        )
    }
    assert "demand" in kinds and "appeal" not in kinds
    kinds = {
        m.kind
        for m in extract_text(
            "The UN called on both sides to resume talks on Monday.", PUB, gazetteer=g
        )
    }
    assert "appeal" in kinds


def test_a_domestic_authority_calling_on_someone_demands_a_group_appeals() -> None:
    g = Gazetteer(
        [
            Actor(id="anez", name="Jeanine Anez", type="person", aliases=["Anez"]),
            Actor(id="ic", name="international community", type="group",
                  aliases=["the international community"]),
        ]
    )  # fmt: skip
    said = "On Sunday Anez called on the protesters to lift their roadblocks."
    assert "demand" in {m.kind for m in extract_text(said, PUB, gazetteer=g)}
    said = "On Sunday the international community called on both sides to resume talks."
    assert "appeal" in {m.kind for m in extract_text(said, PUB, gazetteer=g)}


def test_what_anyone_would_do_is_no_event() -> None:
    found = dated_kinds(
        "On Monday officials warned that anyone urging people not to vote could be prosecuted."
    )
    assert "appeal" not in found and "demand" not in found, found


def test_a_call_for_a_protest_is_no_demand() -> None:
    found = dated_kinds(
        "On Thursday calls for another protest outside parliament spread on social media."
    )
    assert "demand" not in found, found
    found = dated_kinds(
        'On Thursday he responded by calling for a campaign of "total civil disobedience".'
    )
    assert "demand" not in found, found
    assert "demand" in dated_kinds("On Thursday Sam Rainsy called for an independent inquiry.")


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday the party urged Cambodians to boycott the vote.",
        "On Sunday Khan urged Pakistanis to stop paying taxes.",
        "On Sunday the coalition called on its supporters to stay at home.",
    ],
)
def test_a_call_on_the_public_or_ones_own_supporters_is_no_demand(text: str) -> None:
    found = dated_kinds(text)
    assert "demand" not in found and "appeal" not in found, found


def test_a_call_on_the_other_side_still_is() -> None:
    assert "appeal" in dated_kinds("On Sunday the UN urged both sides to resume talks.")
    assert "appeal" in dated_kinds("On Sunday the UN called on the government to release him.")


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
