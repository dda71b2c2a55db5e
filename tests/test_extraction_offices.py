"""Who holds office: heads of government removed, governments formed, legislatures
dissolved or convened."""

from __future__ import annotations

import pytest
from phrasing import dated_kinds


def test_a_party_post_is_not_the_head_of_government() -> None:
    assert "leader_removed" not in dated_kinds(
        "Sam Rainsy resigned as president of the CNRP on Monday."
    )


@pytest.mark.parametrize(
    "text",
    [
        "President Lasso dissolved the opposition-controlled National Assembly on Monday.",
        "The president dissolved Ecuador's National Assembly on Monday.",
        "On Monday the king dissolved the 450-seat parliament.",
    ],
)
def test_a_dissolved_legislature_may_carry_modifiers(text: str) -> None:
    assert dated_kinds(text).get("assembly_dissolved") == "2019-11-11"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the opposition sought to remove the president from office.",
        "Lawmakers failed on Monday to remove the president from office.",
        "The motion to remove him from office failed on Monday.",
        "The constitution allows parliament to remove the president from office.",
    ],
)
def test_a_removal_tried_or_allowed_is_no_removal(text: str) -> None:
    assert not {"leader_removed", "government_dismissed"} & set(dated_kinds(text))


def test_the_opening_of_the_new_assembly_and_an_arrest_named_as_a_time() -> None:
    assert dated_kinds(
        "On Monday the King presided over the opening of the new National Assembly."
    ) == {"assembly_convened": "2019-11-11"}
    # the arrest is when the holding began, not a new arrest on the day of the release
    assert dated_kinds(
        "On Monday he was released on bail from the prison where he had been held since his arrest."
    ) == {"release": "2019-11-11"}


def test_a_vote_for_a_prime_minister_and_his_cabinet_forms_a_government() -> None:
    for text in (
        "On Monday all 125 lawmakers voted for Hun Sen as prime minister.",
        "On Monday the Assembly approved his cabinet.",
        # a government named by who leads it, or a transitional head named
        "On Monday parliament approved a government led by Okafor.",
        "On Monday the chamber elected a new coalition cabinet headed by Melia.",
        "On Monday the council named Okafor, a former judge, as transitional prime minister.",
    ):
        assert dated_kinds(text) == {"government_formed": "2019-11-11"}, text


@pytest.mark.parametrize(
    ("text", "formed"),
    [
        # "elected president" as who someone is: no vote of that day
        ("Okafor became the country's first democratically elected president in 2008.", False),
        ("Okafor, the first freely elected president, was born in the north.", False),
        ("Power passed from an elected president to an opposition candidate.", False),
        # look-alike: a president elected by the assembly
        ("On Monday parliament elected Okafor as president.", True),
    ],
)  # fmt: skip
def test_an_elected_president_named_is_no_government_formed(text: str, formed: bool) -> None:
    assert ("government_formed" in dated_kinds(text)) is formed, dated_kinds(text)


def test_a_dissolved_party_s_seats_are_no_dissolution() -> None:
    assert "assembly_dissolved" not in dated_kinds(
        "On Monday the dissolved party's National Assembly seats went to others."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hours later the dissolved Congress suspended the president on Monday.",
        "On Monday members of the now-dissolved parliament met in a hotel.",
        "Its dissolved assembly could not sit on Monday.",
    ],
)
def test_a_legislature_called_dissolved_is_no_dissolution(text: str) -> None:
    """'the dissolved Congress' names a body dissolved before; only the dissolving is one."""
    assert "assembly_dissolved" not in dated_kinds(text)


def test_a_court_stopping_a_dissolution_is_no_dissolution() -> None:
    assert "assembly_dissolved" not in dated_kinds(
        "The Supreme Court suspended the dissolution of parliament on Tuesday."
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On Wednesday the second no-confidence motion against Rajapaksa had been passed.", "government_dismissed"),
        ("On Wednesday lawmakers passed a motion expressing confidence in Wickremesinghe.", "government_formed"),
        ("On Wednesday lawmakers exchanged blows on the floor of the house.", "violence"),
        ("On Wednesday his camp rejected the vote as illegal.", "accusation"),
    ],
)  # fmt: skip
def test_parliamentary_phrasings(text: str, kind: str) -> None:
    assert dated_kinds(text).get(kind) == "2019-11-06"


@pytest.mark.parametrize(
    ("text", "kind", "present"),
    [
        # a head of government or state named by title alone resigns: removed
        ("The prime minister resigned on Friday after a week of protests.", "leader_removed", True),
        ("On Friday the president stepped down.", "leader_removed", True),
        # another post, or a resignation asked for, is none
        ("The party president resigned on Friday.", "leader_removed", False),
        ("On Friday the army suggested the president resign.", "leader_removed", False),
        # a resignation handed in: the head's own, or the government's he leads
        ("On Friday the premier announced his resignation.", "leader_removed", True),
        ("The chancellor handed his government's resignation to the king on Friday.", "leader_removed", True),
        ("The minister handed his resignation to the king on Friday.", "leader_removed", False),
        ("On Friday the premier announced the resignation of his coalition government.", "leader_removed", True),
        ("On Friday the president accepted the resignation of the cabinet.", "leader_removed", True),
        # a head dying in office leaves it; a former or vice president does not
        ("President Tomas Ruiz, who had led the country since 1990, died on Friday.", "leader_removed", True),
        ("Former President Tomas Ruiz died on Friday.", "leader_removed", False),
        ("Vice President Tomas Ruiz died on Friday.", "leader_removed", False),
        # a government or a head coming into office
        ("The new cabinet took office on Monday.", "government_formed", True),
        ("On Monday the speaker took over as interim president.", "government_formed", True),
        ("A unity cabinet led by the former finance minister was named on Monday.", "government_formed", True),
        # who won, told without figures
        ("The nationalists came first in Sunday's election.", "results_announced", True),
        ("He narrowly won a second term in 2014.", "results_announced", True),
    ],
)  # fmt: skip
def test_heads_leaving_or_taking_office_and_winners_told_without_figures(
    text: str, kind: str, present: bool
) -> None:
    assert (kind in dated_kinds(text)) is present, dated_kinds(text)


@pytest.mark.parametrize(
    ("text", "elected"),
    [
        # the one elected told at length before the post
        ("On Monday the deputies elected Okafor of the ruling alliance as speaker.", True),
        ("On Monday the assembly elected Melia, a former judge, as its president.", True),
        # look-alike: elected to no post of the chamber
        ("On Monday the voters elected Okafor, a former judge, as their mayor.", False),
    ],
)  # fmt: skip
def test_an_officer_of_the_chamber_told_at_length_is_elected(text: str, elected: bool) -> None:
    assert ("officers_elected" in dated_kinds(text)) is elected, dated_kinds(text)
