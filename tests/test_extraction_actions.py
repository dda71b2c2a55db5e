"""Action kinds and their days: phrasings of news reports (courts, protests, elections)."""

from __future__ import annotations

import datetime as dt

import pytest
from phrasing import PUB, dated_kinds, kinds

from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # an apposition between the court and what it did
        ("The Supreme Court, the country's highest judicial body, on Monday threw out the petition.", "court_ruling", "2019-11-11"),
        ("A day later the Constitutional Court refused to hear the opposition's complaint.", "court_ruling", "2019-11-12"),
        ("The tribunal said on Friday that it could not hear the case before March.", "court_ruling", "2019-11-08"),
        # "the next day" tells what followed, it plans nothing
        ("The next day the High Court endorsed the appointment.", "court_ruling", "2019-11-12"),
        # talks named before the verb that opened them, in a relative clause
        ("The release came out of negotiations that the government and the alliance reopened on Monday.", "talks_held", "2019-11-11"),
        ("The amnesty law was approved by parliament on Saturday.", "law_passed", "2019-11-09"),
        ("Police stormed the student camp on Sunday.", "violence", "2019-11-10"),
        ("Thousands of supporters camped outside parliament on Wednesday.", "protest", "2019-11-06"),
        # an election's round, a court's other decisions, talks opened, brought together
        ("The first round, held on Nov. 3, went to the incumbent.", "election_held", "2019-11-03"),
        ("On Monday the Supreme Court postponed the run-off by a week.", "court_ruling", "2019-11-11"),
        ("The court dismissed his appeal on Friday.", "court_ruling", "2019-11-08"),
        # the month May is no modal verb
        ("On May 5 the Supreme Court ruled that the president may stand again.", "court_ruling", "2019-05-05"),
        ("Police arrested the two leaders in early May.", "arrest", "2019-05-01"),
        ("Formal negotiations between the two teams opened on Nov. 4.", "talks_held", "2019-11-04"),
        ("On Monday the envoy brought the president and his rival together.", "talks_held", "2019-11-11"),
        ("On Monday the talks were postponed indefinitely.", "talks_broken_off", "2019-11-11"),
        ("On Friday the opposition leader took up his seat in parliament.", "seats_taken", "2019-11-08"),
        ("He took a symbolic oath of office in parliament on Tuesday.", "sworn_in", "2019-11-12"),
        ("On Wednesday lawmakers voted no confidence in the government.", "government_dismissed", "2019-11-06"),
        ("Police used pepper spray to disperse the crowd on Sunday.", "violence", "2019-11-10"),
        ("Heavy fighting broke out on Sunday between rival units.", "violence", "2019-11-10"),
        # the writers' conventions: blocked roads are a strike, a curfew a ban
        ("On Monday supporters blocked highways across the south.", "strike", "2019-11-11"),
        ("The government imposed a three-day curfew in the capital on Sunday.", "ban", "2019-11-10"),
        ("A police officer was burned to death by a mob on Sunday.", "violence", "2019-11-10"),
        ("The first two deaths came on Sunday in the north.", "violence", "2019-11-10"),
        ("On Tuesday lawmakers gave the new cabinet a vote of confidence.", "government_formed", "2019-11-12"),
        # an election named by its day or its year
        ("The ruling party swept Sunday's local elections.", "election_held", "2019-11-10"),
        ("Her rival conceded after the Nov. 3 runoff.", "election_held", "2019-11-03"),
        ("The senator, who won the 2015 presidential election, stood down.", "election_held", "2015-01-01"),
        ("He narrowly lost the 2016 runoff to the incumbent.", "election_held", "2016-01-01"),
        ("The president, 61, was first elected in 2011.", "election_held", "2011-01-01"),
        ("The Knesset approved the new government by 73 votes to 46 on Sunday.", "government_formed", "2019-11-10"),
        ("On Monday the president named a 40-member cabinet.", "government_formed", "2019-11-11"),
        ("The arrests brought thousands of people onto the streets on Thursday.", "protest", "2019-11-07"),
        # a building taken by force; a time of a day named with "of" ("the night of Nov. 5")
        ("On Sunday protesters seized government buildings in two towns.", "violence", "2019-11-10"),
        ("Hundreds of his supporters stormed the national assembly on Sunday.", "violence", "2019-11-10"),
        ("On Sunday police dispersed the crowd outside the election commission.", "violence", "2019-11-10"),
        ("Troops crushed renewed street protests in the capital on Monday.", "violence", "2019-11-11"),
        ("Protesters overran the regional administration headquarters on the night of Nov. 5.", "violence", "2019-11-05"),
    ],
)  # fmt: skip
def test_action_phrasings_give_their_kind_and_day(text: str, kind: str, date: str) -> None:
    assert dated_kinds(text).get(kind) == date


def test_a_clause_after_a_ruling_is_not_what_the_court_ordered() -> None:
    found = dated_kinds(
        "On Monday the court upheld the appointment, and Ndlovu, 52, was sworn in on Friday."
    )
    assert found["court_ruling"] == "2019-11-11"
    assert found["sworn_in"] == "2019-11-08"


def test_a_look_back_does_not_move_the_story_on() -> None:
    text = (
        "The president resigned on November 4. "
        "Soldiers had surrounded his residence the day before. "
        "The next day the court endorsed the transfer of power."
    )
    assert dated_kinds(text)["court_ruling"] == "2019-11-05"


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


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("He was sworn in as vice president at the same ceremony on Monday.", "sworn_in"),
        ("She took the vice-presidential oath on Monday.", "sworn_in"),
        ("The electoral tribunal halted its quick count on Sunday night.", "court_ruling"),
        ("Offices were closed on Monday over threats of violence.", "violence"),
        ("Supporters poured into the streets to celebrate the ruling on Monday.", "protest"),
        ("Unions called a strike for Tuesday in protest at the police violence.", "violence"),
    ],
)
def test_what_these_phrasings_do_not_report(text: str, kind: str) -> None:
    assert kind not in dated_kinds(text)


def test_an_impeachment_vote_is_no_election() -> None:
    assert "election_held" not in dated_kinds(
        "He faced the impeachment vote on Wednesday afternoon."
    )


def test_a_first_round_alone_is_no_talks() -> None:
    assert "talks_held" not in dated_kinds("The result reversed the first round on November 9.")


def test_violence_feared_is_no_violence() -> None:
    assert "violence" not in dated_kinds("Thousands fled, saying they feared violence by militias.")


def test_a_bill_the_cabinet_approved_is_not_yet_a_law() -> None:
    assert "law_passed" not in dated_kinds("The bill was approved by the cabinet on Monday.")


def test_rallying_behind_a_leader_is_support_not_a_protest() -> None:
    assert "protest" not in dated_kinds(
        "Lawmakers of every party rallied behind the prime minister."
    )


def test_since_the_election_runs_from_the_day_after_the_vote() -> None:
    text = "Voters went to the polls on Oct. 27. Three people have been killed since the election."
    (m,) = [m for m in extract_text(text, PUB) if m.kind == "violence"]
    assert (m.date, m.date_end) == (dt.date(2019, 10, 28), PUB)


def test_a_standing_protest_held_for_days_runs_from_the_day_named_before() -> None:
    text = "The results came out on Nov. 4. Supporters have rallied outside parliament for days."
    (m,) = [m for m in extract_text(text, PUB) if m.kind == "protest"]
    assert (m.date, m.date_end) == (dt.date(2019, 11, 4), PUB)


def test_an_event_told_with_no_day_and_none_before_is_of_the_publication_day() -> None:
    (m,) = [m for m in extract_text("Police fired tear gas at protesters.", PUB)]
    assert (m.kind, m.date, m.granularity.value) == ("violence", PUB, "day")


def test_an_election_to_come_named_by_its_day_is_no_past_election() -> None:
    pub = dt.date(2019, 5, 1)
    text = "The opposition said it will not take part in the local elections on June 30."
    held = [m for m in extract_text(text, pub) if m.kind == "election_held"]
    assert all(m.date == dt.date(2019, 6, 30) and m.modality != "asserted" for m in held)
    # a past election named the same way keeps its year
    past = "Two candidates who came second in the June 30 election filed petitions."
    found = {m.kind: m.date for m in extract_text(past, pub)}
    assert found.get("election_held", dt.date(2018, 6, 30)) == dt.date(2018, 6, 30)


def test_a_possessive_day_dates_the_election_it_names() -> None:
    text = "The commission annulled the results of Sunday's parliamentary election on Tuesday."
    found = dated_kinds(text)
    assert found["election_held"] == "2019-11-10"
    assert found["election_annulled"] == "2019-11-12"


def test_which_kinds_are_once_per_dispute_and_the_vote_itself_is_the_lexicon_s() -> None:
    from negotiation.extract.lexicon import load_lexicon
    from negotiation.extract.merge import merge_mentions

    rules = load_lexicon().rules
    assert {k for k, r in rules.items() if r.names_election} == {"election_held"}
    assert {"election_held", "results_announced"} <= {k for k, r in rules.items() if r.unique}
    g = Gazetteer(
        [
            Actor(id="cpp", name="CPP", type="party"),
            Actor(id="nec", name="NEC", type="institution"),
        ]
    )
    a = extract_text("The NEC announced the official results on Sunday.", PUB, gazetteer=g)
    b = extract_text("The CPP won 68 seats, according to the results on Sunday.", PUB, gazetteer=g)
    results = [m for m in (*a, *b) if m.kind == "results_announced"]
    assert len(results) == 2
    assert len(merge_mentions(results).events) == 1  # once per dispute phase
    assert len(merge_mentions(results, unique=()).events) == 2  # a pack may say otherwise


def test_an_undated_reaction_to_the_election_follows_the_vote() -> None:
    text = "Voters went to the polls on Sunday. The opposition rejected the results."
    (m,) = [m for m in extract_text(text, PUB) if m.kind == "results_rejected"]
    assert (m.date, m.date_end) == (dt.date(2019, 11, 11), PUB)


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


@pytest.mark.parametrize(
    "text",
    [
        "Among those detained on Monday was a former minister.",
        "The deal said everyone detained during the unrest would be freed.",
        "A suspect arrested later that night confessed to the killing.",
        "Prisoners detained in the crackdown went on hunger strike.",
    ],
)
def test_people_named_by_an_earlier_arrest_are_no_new_arrest(text: str) -> None:
    assert "arrest" not in dated_kinds(text)


def test_a_possessive_date_dates_its_noun_not_the_verb_after_it() -> None:
    text = "The last 30 prisoners of last year's unrest were released on Monday."
    assert dated_kinds(text)["release"] == "2019-11-11"


def test_the_deciding_vote_in_a_chamber_is_no_election() -> None:
    text = "The senate is split 50-50, with the vice-president holding the deciding vote."
    assert "election_held" not in dated_kinds(text)


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
        # the end of an arrest, a risk of one, a slogan asking for one
        "On Monday the former minister was freed from house arrest.",
        "The exiled leader faces arrest on corruption charges if he comes home.",
        'On Monday crowds outside the palace were chanting "Arrest the general!" for hours.',
    ],
)
def test_an_arrest_ended_risked_or_chanted_for_is_no_arrest(text: str) -> None:
    assert "arrest" not in dated_kinds(text)


def test_an_arrest_made_is_still_an_arrest() -> None:
    assert "arrest" in dated_kinds("On Monday police arrested the opposition leader at his home.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # roads closed by the police or troops: no strike
        ("On Monday riot police blocked the roads leading to the court.", "strike"),
        ("Troops barricaded the streets around the palace on Monday.", "strike"),
        # a challenge named as what a court ruled on, or withdrawn: no rejection that day
        ("A week after the court threw out the opposition's challenge to the result, he was sworn in.", "results_rejected"),
        ("On Monday the runner-up withdrew his petition challenging the president's re-election.", "results_rejected"),
    ],
)  # fmt: skip
def test_roads_closed_by_the_state_and_challenges_ruled_on(text: str, kind: str) -> None:
    assert kind not in dated_kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On Monday protesters blocked the roads leading to the capital.", "strike"),
        ("On Monday the opposition challenged the results in court.", "results_rejected"),
    ],
)
def test_roads_blocked_by_protesters_and_a_challenge_made(text: str, kind: str) -> None:
    assert kind in dated_kinds(text)


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


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # a court confirming the winner rules; it neither announces results nor rejects a proposal
        ("The Constitutional Court confirmed the president's victory on Monday, after rejecting his rival's challenge.", "court_ruling", "proposal_rejected"),
        ("On Monday the Supreme Court confirmed the results of the presidential vote.", "court_ruling", "results_announced"),
    ],
)  # fmt: skip
def test_a_court_confirming_the_winner_rules(text: str, kind: str, not_kind: str) -> None:
    found = dated_kinds(text)
    assert kind in found and not_kind not in found, found


@pytest.mark.parametrize(
    "text",
    [
        # an election put forward with its day is not yet held
        "On Monday a national dialogue proposed holding the election on June 2.",
        "The opposition has called for a new vote in March.",
    ],
)
def test_an_election_proposed_for_a_day_is_not_held(text: str) -> None:
    assert "election_held" not in dated_kinds(text)


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
