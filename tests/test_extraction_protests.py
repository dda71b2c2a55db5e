"""Protests and violence: what is a protest of the sentence's day, and what only names one."""

from __future__ import annotations

import pytest
from phrasing import dated_kinds


def test_a_rally_called_for_a_day_to_come_is_a_plan() -> None:
    assert "protest" not in dated_kinds("They called a mass rally outside parliament for Friday.")


def test_the_violence_named_again_is_no_new_event() -> None:
    assert "violence" not in dated_kinds(
        "Vucic said the violence was the work of far-right groups."
    )


def test_words_after_a_trigger_can_make_it_a_possibility() -> None:
    assert "protest" not in dated_kinds("He said more protests were possible on Monday.")


def test_a_protest_leader_or_a_celebration_is_no_protest() -> None:
    assert "protest" not in dated_kinds(
        "On Tuesday parliament elected protest leader Nikol Pashinyan."
    )
    assert "protest" not in dated_kinds(
        "On Monday thousands of supporters poured into the streets to celebrate the ruling."
    )
    assert "protest" in dated_kinds("On Monday thousands protested outside parliament.")
    # "in protest at": why they stayed away, not a protest of its own
    assert "protest" not in dated_kinds(
        "On Monday its lawmakers stayed away in protest at the cases."
    )


def test_protesters_ending_days_of_demonstrations_still_protest() -> None:
    text = (
        "Protesters on Sunday ended three straight days of mass demonstrations against the results."
    )
    assert dated_kinds(text) == {"protest": "2019-11-10"}


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the ouster sparked the largest protests in years.",
        "Police units in several cities had mutinied on Friday and joined the protests.",
        "The disputed vote had set off months of street protests.",
    ],
)
def test_protests_named_as_cause_or_effect_are_not_reported_there(text: str) -> None:
    assert "protest" not in dated_kinds(text)
