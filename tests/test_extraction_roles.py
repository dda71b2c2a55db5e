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


def test_a_country_holds_an_election_nobody_named_acts_in_it() -> None:
    g = Gazetteer(
        [
            Actor(id="commission", name="Electoral Commission", type="institution"),
            Actor(id="observers", name="the observer mission", type="ngo"),
        ]
    )
    text = "The Electoral Commission and the observer mission said the election was held on Sunday."
    (m,) = [m for m in extract_text(text, PUB, gazetteer=g) if m.kind == "election_held"]
    assert (m.actors, m.recipients) == ((), ())


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The two rivals met on Monday in talks brokered by the African Union, and agreed to a truce.", "agreement"),
        ("The two rivals met on Monday in talks brokered by the African Union, and agreed to a truce.", "talks_held"),
        ("On Monday the rivals met in Geneva for talks mediated by the African Union and the United Nations.", "talks_held"),
    ],
)  # fmt: skip
def test_a_go_between_is_no_side_of_the_talks_or_deal(text: str, kind: str) -> None:
    g = Gazetteer(
        [
            Actor(id="au", name="African Union", type="foreign_government"),
            Actor(id="un", name="United Nations", type="foreign_government"),
        ]
    )
    found = extract_text(text, PUB, gazetteer=g)
    (m,) = [m for m in found if m.kind == kind]
    assert (m.actors, m.date.isoformat()) == ((), "2019-11-11")
    # the go-between mediates
    assert any(m.kind == "mediation" and "au" in m.actors for m in found)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On Sunday about 5,000 people marched through the capital, according to the police.", "protest"),
        ("The dialogue opened on Monday in the presence of the president and the bishops.", "talks_held"),
        ("The talks opened on Monday under the auspices of the African Union.", "talks_held"),
        ("The talks opened on Monday under the African Union's chairmanship.", "talks_held"),
    ],
)  # fmt: skip
def test_who_tells_watches_or_chairs_is_no_side(text: str, kind: str) -> None:
    g = Gazetteer(
        [
            Actor(id="police", name="the police", type="institution"),
            Actor(id="president", name="the president", type="person"),
            Actor(id="bishops", name="the bishops", type="group"),
            Actor(id="au", name="African Union", type="foreign_government"),
        ]
    )
    (m,) = [m for m in extract_text(text, PUB, gazetteer=g) if m.kind == kind]
    assert (m.actors, m.date.isoformat()) == (
        (),
        "2019-11-10" if kind == "protest" else "2019-11-11",
    )


def test_an_outsider_meeting_the_sides_mediates() -> None:
    g = Gazetteer(
        [
            Actor(id="envoy", name="Special Envoy Maria Lund", type="foreign_official"),
            Actor(id="president", name="President Tomas Ruiz", type="person"),
            Actor(id="opposition", name="Democratic Alliance", type="party"),
        ]
    )
    text = (
        "Special Envoy Maria Lund held talks with President Tomas Ruiz and with the "
        "Democratic Alliance on Monday."
    )
    kinds = {m.kind for m in extract_text(text, PUB, gazetteer=g)}
    assert "mediation" in kinds and "talks_held" not in kinds
    # the sides meeting each other hold talks
    text = "President Tomas Ruiz held talks with the Democratic Alliance on Monday."
    assert "talks_held" in {m.kind for m in extract_text(text, PUB, gazetteer=g)}


def test_who_tells_of_an_act_is_no_side_of_it() -> None:
    g = Gazetteer(
        [
            Actor(id="rights-body", name="the national human rights commission", type="ngo"),
            Actor(id="ministry", name="the interior ministry", type="institution"),
            Actor(id="police", name="Police", type="group"),
        ]
    )

    def sides(text: str, kind: str) -> set[str]:
        (m,) = [m for m in extract_text(text, PUB, gazetteer=g) if m.kind == kind]
        return {*m.actors, *m.recipients}

    # the source named after the act, or as the one who says it happened
    told = (
        "On Sunday, at least 12 people were shot dead, the national human rights commission said."
    )
    assert sides(told, "violence") == set()
    told = "The interior ministry said about 500 people had been detained overnight."
    assert sides(told, "arrest") == set()
    # a speaker who is the subject of the act still acts
    assert "police" in sides("Police said they had detained 40 protesters.", "arrest")
