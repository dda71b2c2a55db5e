"""Who acts and who is acted on: the sides and recipients of an event, and the role fields
of a pack's kinds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from phrasing import PUB

from negotiation.errors import InputError
from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text
from negotiation.extract.lexicon import Lexicon, lexicon_for_pack, load_lexicon


def test_who_was_arrested_is_acted_on_not_acting() -> None:
    g = Gazetteer(
        [
            Actor(id="melia", name="Nika Melia", type="person"),
            Actor(id="police", name="police", type="institution"),
        ]
    )
    for text in (
        "Nika Melia, who was arrested on Monday when police stormed the building, spoke.",
        "On Monday, Nika Melia's arrest was condemned.",
    ):
        (m,) = [m for m in extract_text(text, PUB, gazetteer=g) if m.kind == "arrest"]
        assert "melia" in m.recipients and "melia" not in m.actors


def test_outsiders_talking_with_the_leader_mediate() -> None:
    g = Gazetteer(
        [
            Actor(id="conde", name="Alpha Conde", type="foreign_official", aliases=["Conde"]),
            Actor(id="aziz", name="Mohamed Ould Abdel Aziz", type="foreign_official"),
        ]
    )
    text = "On Friday Conde and Mohamed Ould Abdel Aziz held a last round of talks in Banjul."
    kinds = {m.kind for m in extract_text(text, PUB, gazetteer=g)}
    assert "mediation" in kinds and "talks_held" not in kinds


def test_a_wire_dateline_is_neither_quoted_nor_an_actor() -> None:
    text = "PHNOM PENH, Aug 8 (Reuters) - Opposition lawmakers took their seats on Friday."
    (m,) = [m for m in extract_text(text, dt.date(2014, 8, 8)) if m.kind == "seats_taken"]
    assert m.citation.quote == "Opposition lawmakers took their seats on Friday."
    assert text[m.citation.start : m.citation.end] == m.citation.quote
    assert not m.candidate_actors and m.date == dt.date(2014, 8, 8)


def test_who_acts_in_elections_results_oaths_and_removals() -> None:
    g = Gazetteer(
        [
            Actor(id="cpp", name="Cambodian People's Party", type="party", aliases=["CPP"]),
            Actor(
                id="nec", name="National Election Committee", type="institution", aliases=["NEC"]
            ),
            Actor(id="barrow", name="Adama Barrow", type="person", aliases=["Barrow"]),
            Actor(id="morales", name="Evo Morales", type="person", aliases=["Morales"]),
        ]
    )

    def one(text: str, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        (m,) = [m for m in extract_text(text, PUB, gazetteer=g) if m.kind == kind]
        return m.actors, m.recipients

    # the winner is not who announced the result
    assert one("The CPP won 68 seats, the NEC said on Monday.", "results_announced") == (
        ("nec",),
        ("cpp",),
    )
    assert one("Barrow was sworn in on Thursday.", "sworn_in")[0] == ("barrow",)
    assert one("President Evo Morales resigned on Sunday.", "leader_removed") == ((), ("morales",))


def _pack_lexicon(tmp_path: Path, kinds: str) -> Lexicon:
    """A pack folder adding the kinds ``inaugurated``, ``chief_ousted`` and ``plebiscite`` to
    the vocabulary, with their lexicon entries ``kinds`` (YAML under ``kinds:``); a new folder
    each time (a pack's lexicon is cached by folder)."""
    tmp_path = tmp_path / str(len(list(tmp_path.iterdir())))
    tmp_path.mkdir()
    (tmp_path / "vocabulary.yaml").write_text(
        "kinds:\n"
        "  inaugurated: {description: a leader takes office}\n"
        "  chief_ousted: {description: a chief is forced out}\n"
        "  plebiscite: {description: a vote on a question}\n",
        encoding="utf-8",
    )
    (tmp_path / "lexicon.yaml").write_text("kinds:\n" + kinds, encoding="utf-8")
    return lexicon_for_pack(tmp_path)


_PACK_KINDS = (
    "  inaugurated:\n    patterns: ['was enthroned']\n    recipients: true\n{inaugurated}"
    "  chief_ousted:\n    patterns: ['Chief \\w+ (?:resigned|was ousted)']\n"
    "    recipients: true\n{chief_ousted}"
    "  plebiscite:\n    patterns: ['held a plebiscite']\n{plebiscite}"
)


_PEOPLE = Gazetteer(
    [
        Actor(id="barrow", name="Adama Barrow", type="person", aliases=["Barrow"]),
        Actor(id="kante", name="Chief Kante", type="person", aliases=["Kante"]),
        Actor(id="upp", name="United People's Party", type="party", aliases=["UPP"]),
    ]
)


def _roles(lex: Lexicon, text: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    return {
        m.kind: (m.actors, m.recipients)
        for m in extract_text(text, PUB, gazetteer=_PEOPLE, lexicon=lex)
    }


def test_a_pack_kind_opts_into_the_role_rules_of_the_built_indated_kinds(tmp_path: Path) -> None:
    text = (
        "Barrow was enthroned on Monday. Chief Kante resigned on Monday. "
        "The UPP held a plebiscite on Monday."
    )
    plain = _roles(_pack_lexicon(tmp_path, _PACK_KINDS.format(
        inaugurated="", chief_ousted="", plebiscite=""
    )), text)  # fmt: skip
    assert plain["inaugurated"] == ((), ("barrow",))  # passive: acted on
    assert plain["chief_ousted"] == (("kante",), ())  # active: acts
    assert plain["plebiscite"] == (("upp",), ())
    opted = _roles(
        _pack_lexicon(
            tmp_path,
            _PACK_KINDS.format(
                inaugurated="    subject_acts: true\n",
                chief_ousted="    subject_acted_on: ['<resign>']\n",
                plebiscite="    sides: none\n",
            ),
        ),
        text,
    )
    assert opted["inaugurated"] == (("barrow",), ())  # sworn_in: whoever takes office acts
    assert opted["chief_ousted"] == ((), ("kante",))  # leader_removed: who resigns is removed
    assert opted["plebiscite"] == ((), ())  # election_held: the sides run in it, not hold it
    sides = _pack_lexicon(
        tmp_path, _PACK_KINDS.format(inaugurated="", chief_ousted="", plebiscite="    sides: recipients\n")
    )  # fmt: skip
    assert _roles(sides, "The UPP held a plebiscite on Monday.")["plebiscite"] == ((), ("upp",))


@pytest.mark.parametrize(
    ("field", "error"),
    [
        ("sides: winners", "expected acting, none or recipients"),
        ("subject_acts: 'yes'", "expected true or false"),
        ("reported: 1", "expected true or false"),
        ("subject_acted_on: ['resign(']", "invalid pattern"),
        ("subject_acted_on: resign", "expected a list of strings"),
    ],
)
def test_the_role_fields_of_a_kind_are_checked(tmp_path: Path, field: str, error: str) -> None:
    bad = tmp_path / "lex.yaml"
    bad.write_text(f"kinds:\n  appeal:\n    patterns: [x]\n    {field}\n", encoding="utf-8")
    with pytest.raises(InputError, match=error) as err:
        load_lexicon(bad)
    assert "lex.yaml:4" in str(err.value)


def test_according_to_the_commission_the_commission_announces() -> None:
    g = Gazetteer(
        [
            Actor(id="cec", name="Central Election Commission", type="institution",
                  aliases=["commission"]),
            Actor(id="gd", name="Georgian Dream", type="party"),
        ]
    )  # fmt: skip
    text = (
        "On Sunday Georgian Dream won 48 percent of the vote, according to the commission's count."
    )
    (m,) = [m for m in extract_text(text, PUB, gazetteer=g) if m.kind == "results_announced"]
    assert m.actors == ("cec",) and m.recipients == ("gd",)


def test_results_from_the_commission_are_announced_by_it() -> None:
    g = Gazetteer(
        [
            Actor(id="rik", name="Republic Electoral Commission", type="institution"),
            Actor(id="sns", name="Serbian Progressive Party", type="party", aliases=["SNS"]),
        ]
    )
    text = (
        "The SNS won a landslide in the election, preliminary results from the Republic "
        "Electoral Commission showed on Monday."
    )
    (m,) = [m for m in extract_text(text, PUB, gazetteer=g) if m.kind == "results_announced"]
    assert m.actors == ("rik",) and m.recipients == ("sns",)


def test_he_is_the_last_person_who_acted_when_the_sentence_before_names_none() -> None:
    g = Gazetteer(
        [
            Actor(id="ranil", name="Ranil Wickremesinghe", type="person", party="unp",
                  aliases=["Wickremesinghe"]),
            Actor(id="unp", name="United National Party", type="party", aliases=["UNP"]),
            Actor(id="karu", name="Karu Jayasuriya", type="person"),
            Actor(id="parl", name="parliament", type="institution"),
        ]
    )  # fmt: skip
    text = (
        "Wickremesinghe refused to step down on Monday. "
        '"I command the majority in parliament," he told reporters. '
        "He called on Speaker Karu Jayasuriya to convene parliament."
    )
    found = [m for m in extract_text(text, PUB, gazetteer=g) if m.kind == "demand"]
    assert found and found[0].actors[0] == "ranil", found
