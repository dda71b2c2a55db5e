"""Accusations and charges: what someone is accused of is charged, not reported."""

from __future__ import annotations

import pytest
from phrasing import PUB, dated_kinds

from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text


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
