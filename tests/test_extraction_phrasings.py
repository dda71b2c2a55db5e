"""Phrasings of real reports: what each sentence must (and must not) give."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from phrasing import PUB, dated_kinds

from negotiation.errors import InputError
from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text
from negotiation.extract.lexicon import Lexicon, lexicon_for_pack, load_lexicon


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # a head of state or government forced out without a vote
        ("President Evo Morales resigned on Sunday after weeks of protests.", "leader_removed", "2019-11-10"),
        ("He stepped down as prime minister on Monday.", "leader_removed", "2019-11-11"),
        # a vote's outcome is what happened, not a plan
        ("Parliament voted 101-0 to strip him of his immunity on Wednesday.", "member_expelled", "2019-11-06"),
        ("The Supreme Court threw out the results on Monday.", "election_annulled", "2019-11-11"),
        ("The two sides emerged after five hours of talks on Monday.", "talks_held", "2019-11-11"),
        ("Hun Sen and Sam Rainsy shook hands on a deal on Monday.", "agreement", "2019-11-11"),
        ("The election committee confirmed the ruling party's victory on Sunday.", "results_announced", "2019-11-10"),
        ("Authorities banned all public gatherings in the capital on Monday.", "ban", "2019-11-11"),
        ("The Constitutional Council on Friday upheld the official results.", "court_ruling", "2019-11-08"),
        ("On Monday the assembly elected Heng Samrin as its president.", "officers_elected", "2019-11-11"),
        ("On Sunday he pulled out of the run-off, citing violence.", "election_boycott", "2019-11-10"),
        ("On Sunday soldiers announced that the army had taken power.", "coup", "2019-11-10"),
        ("Parliament passed a no-confidence motion against Rajapaksa on Wednesday.", "government_dismissed", "2019-11-06"),
        ("On Monday the Supreme Court suspended the dissolution of parliament.", "court_ruling", "2019-11-11"),
        ("On Monday brawls broke out in the chamber.", "violence", "2019-11-11"),
        ("President Jeenbekov announced his resignation on Thursday.", "leader_removed", "2019-11-07"),
        ("Opposition leaders met President Barrow at State House on Friday.", "talks_held", "2019-11-08"),
        ("On Friday the opposition refused to take up their mandates.", "boycott", "2019-11-08"),
        ("On Friday the opposition deputies took up their mandates.", "seats_taken", "2019-11-08"),
        ("On Monday the court struck down the presidential election.", "election_annulled", "2019-11-11"),
        # a legislature voting the head of government out deposes it (not "other means")
        ("Congress voted on Monday to remove President Smith from office.", "government_dismissed", "2019-11-11"),
        ("The army removed President Smith from office on Monday.", "leader_removed", "2019-11-11"),
    ],
)  # fmt: skip
def test_phrasings_give_their_kind_and_day(text: str, kind: str, date: str) -> None:
    assert dated_kinds(text).get(kind) == date


def test_a_party_post_is_not_the_head_of_government() -> None:
    assert "leader_removed" not in dated_kinds(
        "Sam Rainsy resigned as president of the CNRP on Monday."
    )


def test_the_date_an_election_is_called_for_is_the_election_s() -> None:
    found = dated_kinds(
        "The president dissolved parliament and called snap elections for January 5."
    )
    # the dissolution is not dated by the (future) election day, read back a year
    assert found["assembly_dissolved"] != "2019-01-05"


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


def test_later_in_the_day_is_the_story_s_last_day() -> None:
    text = (
        "Congress voted on Monday to remove President Smith from office. "
        "Lawmakers voted 101-6 to remove Smith. Jane Doe was sworn in later in the day."
    )
    assert dated_kinds(text) == {"government_dismissed": "2019-11-11", "sworn_in": "2019-11-11"}


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
    "text",
    [
        "Soldiers stopped a repeat of the presidential vote on Sunday, residents said.",
        "The interior ministry postponed the local elections on 3 November.",
        "The junta called off the run-off on Saturday, citing unrest.",
        "Her blocking of the vote on Friday angered the opposition.",
    ],
)
def test_an_election_stopped_or_put_off_was_not_held(text: str) -> None:
    assert "election_held" not in dated_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The party has refused to take its seats since the elections on 3 November.",
        "The tribunal annulled the first round, held on 3 November.",
        "The court cancelled the results of the election on 3 November.",
    ],
)
def test_an_election_named_beside_a_stopping_verb_it_is_not_the_object_of(text: str) -> None:
    assert dated_kinds(text).get("election_held") == "2019-11-03"


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


def test_a_rally_called_for_a_day_to_come_is_a_plan() -> None:
    assert "protest" not in dated_kinds("They called a mass rally outside parliament for Friday.")


def test_the_day_after_the_vote_counts_from_the_election_day() -> None:
    text = (
        "The ruling party won the Oct. 31 election. The opposition came second. "
        "The day after the vote, opposition parties declared the election rigged."
    )
    assert dated_kinds(text)["results_rejected"] == "2019-11-01"


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


def test_what_a_court_ruled_is_its_content_not_another_event() -> None:
    found = dated_kinds(
        "On Thursday the Supreme Court ruled that the decree dissolving parliament was unconstitutional."
    )
    assert "court_ruling" in found and "accusation" not in found


def test_an_opening_phrase_relation_dates_the_sentence_s_event() -> None:
    text = (
        "The president sacked the prime minister on Oct. 26. "
        "In a televised address two days after the sacking, he accused him of arrogance."
    )
    assert dated_kinds(text)["accusation"] == "2019-10-28"


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


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On Tuesday West African leaders failed to persuade Jammeh to accept his defeat.", "mediation"),
        ("On Saturday longtime ruler Yahya Jammeh flew into exile.", "leader_removed"),
    ],
)  # fmt: skip
def test_mediation_and_exile_phrasings(text: str, kind: str) -> None:
    assert kind in dated_kinds(text)


def test_a_consequence_clause_ending_a_crisis_is_no_settlement() -> None:
    assert "settlement" not in dated_kinds(
        "Jammeh flew into exile on Saturday, ending a six-week crisis."
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On Sunday the ruling party swept the local elections, which were boycotted by the opposition.", "election_boycott"),
        ("On Monday the opposition said it will not take part in local elections on June 30.", "election_boycott"),
        ("In February the two parties renounced their parliamentary mandates.", "mass_resignation"),
        ("On Monday the prime minister refused to resign.", "proposal_rejected"),
        ("Vucic declared victory on Sunday night, citing his party's own count.", "results_claimed"),
        ("The unrest began on Tuesday evening.", "protest"),
        ("District security guards beat protesters with batons and sticks on Tuesday.", "violence"),
        ("On Monday protesters stormed the headquarters of the state broadcaster.", "violence"),
        ("On Friday the lawmakers handed in their resignations from the assembly.", "mass_resignation"),
        ("A cleric has been shuttling between the two sides since Monday.", "mediation"),
    ],
)  # fmt: skip
def test_boycotts_resignations_and_claims(text: str, kind: str) -> None:
    assert kind in dated_kinds(text)


def test_the_violence_named_again_is_no_new_event() -> None:
    assert "violence" not in dated_kinds(
        "Vucic said the violence was the work of far-right groups."
    )


def test_a_quotation_in_the_middle_leaves_the_reporting_verb_outside() -> None:
    g = Gazetteer([Actor(id="oas", name="Organization of American States", type="ngo")])
    text = (
        "Observers from the Organization of American States said on Monday that they were "
        'concerned by the "drastic and hard-to-justify change in the trend of the count".'
    )
    kinds = {m.kind: m.date.isoformat() for m in extract_text(text, PUB, gazetteer=g)}
    assert kinds.get("statement") == "2019-11-11"


def test_words_after_a_trigger_can_make_it_a_possibility() -> None:
    assert "protest" not in dated_kinds("He said more protests were possible on Monday.")


def test_a_wire_dateline_is_neither_quoted_nor_an_actor() -> None:
    text = "PHNOM PENH, Aug 8 (Reuters) - Opposition lawmakers took their seats on Friday."
    (m,) = [m for m in extract_text(text, dt.date(2014, 8, 8)) if m.kind == "seats_taken"]
    assert m.citation.quote == "Opposition lawmakers took their seats on Friday."
    assert text[m.citation.start : m.citation.end] == m.citation.quote
    assert not m.candidate_actors and m.date == dt.date(2014, 8, 8)


def test_a_boycott_that_followed_an_election_is_no_election_boycott() -> None:
    found = dated_kinds("On Friday they ended a boycott that followed a disputed election.")
    assert "election_boycott" not in found


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


@pytest.mark.parametrize(
    ("text", "kind", "present"),
    [
        ("He took power in 2005 on the death of his father.", "coup", False),
        ("On Monday the army took power in the capital.", "coup", True),
        ("The talks opened in Lome on Monday.", "talks_held", True),
        ("The talks stalled on Monday over term limits.", "talks_broken_off", True),
        ("On Monday ECOWAS tasked two presidents with facilitating a dialogue.", "mediation", True),
    ],
)  # fmt: skip
def test_successions_talks_and_facilitators(text: str, kind: str, present: bool) -> None:
    assert (kind in dated_kinds(text)) is present


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On March 14 Rajoelina gave Ravalomanana four hours to resign.", "demand"),
        ("On Sunday the president offered a referendum, a proposal his rival rejected.", "proposal_rejected"),
        ("On March 17 Ravalomanana resigned and handed power to a military directorate.", "leader_removed"),
        ("On Wednesday the High Constitutional Court endorsed the transfer.", "court_ruling"),
    ],
)  # fmt: skip
def test_ultimatums_refusals_handovers_and_endorsements(text: str, kind: str) -> None:
    assert kind in dated_kinds(text)


@pytest.mark.parametrize(
    ("text", "kind", "present"),
    [
        ("On Sunday the main opposition parties stayed away from the vote.", "election_boycott", True),
        ("On Sunday the ruling party won that vote, which the opposition boycotted.", "election_boycott", True),
        ("The government said on Sunday the boycott call had failed.", "boycott", False),
        ("It was unclear on Sunday whether the party would stay away from the assembly.", "boycott_threatened", False),
    ],
)  # fmt: skip
def test_boycotts_of_votes_calls_and_questions(text: str, kind: str, present: bool) -> None:
    assert (kind in dated_kinds(text)) is present


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


def test_what_a_person_says_after_acting_is_a_statement_of_its_own() -> None:
    from negotiation.extract import TextArticle, extract_events

    g = Gazetteer(
        [
            Actor(id="hun-sen", name="Hun Sen", type="person"),
            Actor(id="sam-rainsy", name="Sam Rainsy", type="person"),
        ]
    )
    text = (
        "Hun Sen and Sam Rainsy reached an agreement on Tuesday to end the deadlock. "
        "Hun Sen told reporters after the meeting that the political deadlock had ended."
    )
    log = extract_events([TextArticle("a", PUB, text)], g)
    kinds = {(e.kind, e.date.isoformat(), e.actors[:1]) for e in log.events}
    assert ("statement", "2019-11-12", ("hun-sen",)) in kinds, kinds
    assert any(e.kind == "settlement" for e in log.events), kinds


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # a count that "had been rigged" is an allegation, not a result
        ("On Monday Khan said the vote that returned Sharif to power was rigged.", "accusation", "results_announced"),
        ("On Monday Chakwera said the count had been rigged.", "accusation", "results_announced"),
        ("On Monday Sam Rainsy described the case as politically motivated.", "accusation", "statement"),
        # criticising, acknowledging, admitting: said, when nothing else is reported
        ("On Monday Sam Rainsy criticised the deal as a surrender.", "statement", "agreement"),
        ("On Monday Hun Sen acknowledged that turnout had been low.", "statement", "protest"),
        # a bare verb after "insist that": what is demanded
        ("On Sunday Camacho insisted that Morales resign.", "demand", "statement"),
        ("Talks broke down on Monday, with Rajoelina insisting that the president step down.", "demand", "statement"),
        ("On Monday the Constitutional Council had thrown out the party's appeals.", "court_ruling", "proposal_rejected"),
        ("In 2017 the Constitutional Court lifted term limits.", "court_ruling", "statement"),
        # being charged is no ruling (a conviction or a sentence is)
        ("Kem Sokha was detained on Monday and charged with treason.", "arrest", "court_ruling"),
        ("On Monday Kem Sokha was sentenced to 27 years in prison.", "court_ruling", "arrest"),
        # a one-word trigger inside a longer phrase of another kind is a word of that phrase
        ("On Monday the party complained of violence against its monitors.", "accusation", "violence"),
        ("On Monday opposition leaders denounced Melia's arrest as political revenge.", "accusation", "arrest"),
        # named to lead the government
        ("On Tuesday lawmakers voted to name Sadyr Japarov, a nationalist, as his replacement.", "government_formed", "statement"),
        ("On Monday Deputy Prime Minister Karen Karapetyan was named acting head of government.", "government_formed", "statement"),
        # a candidate turned down
        ("On Sunday lawmakers rejected a first slate led by Rocio Silva-Santisteban.", "proposal_rejected", "statement"),
        ("On Tuesday the ruling party blocked his candidacy.", "proposal_rejected", "statement"),
        ("Four rights workers were jailed on Monday, accused of bribery.", "arrest", "statement"),
        ("Prime Minister Edi Rama ignored the decree on Monday, saying the president had no power to do so.", "statement", "court_ruling"),
        ("On Monday Lazarus Chakwera called the ruling a victory for democracy.", "statement", "court_ruling"),
        # protesters clashing or attacking: violence, not a protest of its own
        ("On Saturday rival groups of protesters clashed in the city centre.", "violence", "protest"),
        ("On Saturday protesters hurled stones at police.", "violence", "protest"),
        # an electoral tribunal declaring the winner announces results; a court declaring a vote void rules
        ("Bolivia's electoral tribunal on Thursday declared President Evo Morales the outright winner.", "results_announced", "court_ruling"),
        ("The court on Thursday declared those votes unconstitutional.", "court_ruling", "results_announced"),
        # protests named as the background of another event ("after 11 days of protests")
        ("President Sargsyan resigned on Monday after 11 days of mass street protests.", "leader_removed", "protest"),
        ("President Sargsyan resigned on Monday following weeks of protests.", "leader_removed", "protest"),
    ],
)  # fmt: skip
def test_what_a_sentence_reports_and_what_it_does_not(text: str, kind: str, not_kind: str) -> None:
    kinds = dated_kinds(text)
    assert kind in kinds and not_kind not in kinds, kinds


def test_protesters_ending_days_of_demonstrations_still_protest() -> None:
    text = (
        "Protesters on Sunday ended three straight days of mass demonstrations against the results."
    )
    assert dated_kinds(text) == {"protest": "2019-11-10"}


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # a sentence opening with its date: "In July, ...", "In 2018 ..."
        ("In July, Kem Ley, a political commentator, was shot dead in the capital.", "violence", "2019-07-01"),
        ("In 2018 police arrested the opposition leader.", "arrest", "2018-01-01"),
    ],
)  # fmt: skip
def test_a_sentence_opening_with_its_month_or_year(text: str, kind: str, date: str) -> None:
    assert dated_kinds(text)[kind] == date


def test_the_seats_a_party_holds_are_no_result() -> None:
    text = "The CPP, which holds 68 of the assembly's 123 seats, voted on Friday to remove him."
    assert "results_announced" not in dated_kinds(text)


def test_a_participle_charging_someone_is_an_accusation_a_reason_is_not() -> None:
    charged = dated_kinds(
        "On Monday opposition parties rejected the outcome, accusing the authorities of buying votes."
    )
    assert {"results_rejected", "accusation"} <= set(charged), charged
    reason = dated_kinds("On Monday opposition parties rejected the outcome, citing fraud.")
    assert "results_rejected" in reason and "accusation" not in reason, reason


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


def test_an_aside_with_a_date_of_its_own_dates_its_triggers() -> None:
    text = (
        "Its leader, who was arrested in February when police stormed the party's headquarters, "
        "was freed in May."
    )
    found = dated_kinds(text)
    assert found["violence"] == "2019-02-01" and found["release"] == "2019-05-01", found


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
    "text",
    [
        "On Monday the ouster sparked the largest protests in years.",
        "Police units in several cities had mutinied on Friday and joined the protests.",
        "The disputed vote had set off months of street protests.",
    ],
)
def test_protests_named_as_cause_or_effect_are_not_reported_there(text: str) -> None:
    assert "protest" not in dated_kinds(text)


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


def test_a_boycott_named_again_is_not_reported_anew() -> None:
    found = dated_kinds(
        "Opposition leaders said on Monday that the low turnout showed that the boycott had worked."
    )
    assert "boycott" not in found, found
    assert "boycott" in dated_kinds("On Monday the opposition began a boycott of parliament.")


def test_what_a_party_won_before_named_in_passing_is_no_result() -> None:
    text = "The court on Thursday dissolved the CNRP, which won 55 of the assembly's 123 seats in 2013."
    assert "results_announced" not in dated_kinds(text)
    text = (
        "On Monday ministers of the PML-N, which won the 2013 election by a wide margin, resigned."
    )
    assert "results_announced" not in dated_kinds(text)
    assert "results_announced" in dated_kinds(
        "On Monday the CPP won 68 of the assembly's 123 seats."
    )


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


def test_an_earlier_election_named_by_its_year() -> None:
    found = dated_kinds("Mutharika, 78, first won the presidency in 2014.")
    assert found.get("election_held") == "2014-01-01" and "results_announced" not in found, found
