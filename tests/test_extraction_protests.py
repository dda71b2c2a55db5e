"""Protests and violence: what is a protest of the sentence's day, and what only names one."""

from __future__ import annotations

import pytest
from phrasing import dated_kinds, kinds


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


@pytest.mark.parametrize(
    "text",
    [
        "Everyone detained in connection with the protests was freed on Monday.",
        "At least 76 people have been killed since the protests began in April.",
        "He resigned under pressure from the army and weeks of street protests.",
    ],
)
def test_protests_named_as_background_are_no_protest(text: str) -> None:
    assert "protest" not in dated_kinds(text)


@pytest.mark.parametrize(
    ("text", "kinds_found"),
    [
        # protests banned or declared illegal: a ban, not a protest (nor a charge)
        ("On Monday the authorities banned the planned protests.", {"ban"}),
        ("On Monday the police warned that the rallies were illegal.", {"ban"}),
        ("On Monday the governor declared the opposition marches unlawful.", {"ban"}),
    ],
)  # fmt: skip
def test_protests_banned_or_declared_illegal_are_a_ban(text: str, kinds_found: set[str]) -> None:
    assert set(dated_kinds(text)) == kinds_found, dated_kinds(text)


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        # protests named as what force was used against: the violence is reported
        ("A week after a crackdown on student protests left six dead, he resigned.", False),
        ("On Monday police stepped up their crackdown on the nightly rallies.", False),
        ("Troops cracked down on the opposition marches on Monday.", False),
        # look-alike: a protest against a crackdown is one
        ("On Monday thousands marched against the crackdown on the press.", True),
    ],
)  # fmt: skip
def test_protests_cracked_down_on_are_no_protest_of_that_sentence(text: str, protest: bool) -> None:
    assert ("protest" in dated_kinds(text)) is protest


@pytest.mark.parametrize(
    "text",
    [
        # a protest named as the time of another event is told in its own sentence
        "Two days before the march, the envoy met both leaders in the capital.",
        "Four activists were detained on Monday following a rally outside the court.",
        "The minister resigned on Friday, hours ahead of the planned demonstration.",
        # arson by protesters is violence, whoever sets the fire
        "On Monday demonstrators set fire to the ruling party's offices.",
        "Protesters torched two police stations in the north on Monday.",
        # protests named as the subject of something else
        "On Monday the regulator suspended a channel over its coverage of the protests.",
        "On Monday opposition leaders denied inciting the demonstrations.",
        "He is accused of orchestrating the protests in the capital.",
    ],
)
def test_protests_as_a_time_and_arson_by_protesters_are_no_protest(text: str) -> None:
    assert "protest" not in dated_kinds(text)


def test_arson_by_protesters_is_violence() -> None:
    assert "violence" in dated_kinds(
        "On Monday demonstrators set fire to the ruling party's offices."
    )


def test_violence_feared_is_no_violence() -> None:
    assert "violence" not in dated_kinds("Thousands fled, saying they feared violence by militias.")


def test_rallying_behind_a_leader_is_support_not_a_protest() -> None:
    assert "protest" not in dated_kinds(
        "Lawmakers of every party rallied behind the prime minister."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Police have arrested dozens of people over the storming of the parliament.",
        "Ten people were charged in connection with the clashes in the capital.",
    ],
)
def test_violence_named_as_a_reason_is_no_new_violence(text: str) -> None:
    assert "violence" not in dated_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday both leaders pledged to work together to stop all violence in the north.",
        "He took office on Monday with a mandate to tackle a wave of gang violence.",
        "The accord signed on Monday aims to put an end to political violence.",
    ],
)
def test_violence_to_be_ended_is_no_violence(text: str) -> None:
    assert "violence" not in dated_kinds(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a crowd spoken to is a rally
        ("On Monday the opposition leader addressed a crowd on the central square.", True),
        ("On Monday she addressed tens of thousands of people outside parliament.", True),
        # a crowd told by what it did to mock or jeer, or that it came back
        ("On Monday demonstrators mocked the president by waving red cards.", True),
        ("On Monday thousands of protesters regrouped near the embassy.", True),
        # look-alikes: a letter or the nation addressed
        ("On Monday the opposition leader addressed a letter to the speaker.", False),
        ("On Monday the president addressed the nation on television.", False),
    ],
)  # fmt: skip
def test_a_crowd_addressed_mocking_or_regrouped_is_a_protest(text: str, present: bool) -> None:
    assert ("protest" in kinds(text)) is present, kinds(text)


@pytest.mark.parametrize(
    ("sentence", "crowd"),
    [
        ("On 20 June 2019 protesters marched in Lilongwe.", None),
        ("In June 2019 protesters marched in Lilongwe.", None),
        ("On June 20, 2019 protesters marched in Lilongwe.", None),
        ("On 4 May 3,000 protesters marched in Lilongwe.", 3000),
        ("In March 40 students protested.", 40),
        ("About 5,000 protesters marched on 20 June.", 5000),
    ],
)
def test_a_date_before_the_protesters_is_no_crowd_size(sentence: str, crowd: int | None) -> None:
    """`On 20 June 2019 protesters organised by ... marched` gave `participants: 20` (the day
    read as a crowd, the month and year as the two words allowed before "protesters")."""
    from negotiation.extract.facts import parse_facts

    assert parse_facts(sentence).participants == crowd
