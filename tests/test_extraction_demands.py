"""Demands and appeals: who calls on whom, and calls that are no demand."""

from __future__ import annotations

import pytest
from phrasing import PUB, dated_kinds

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
