"""Speech acts in reported speech: statements and stances, which kind a sentence of speech
reports, and who speaks."""

from __future__ import annotations

import pytest
from phrasing import PUB, dated_kinds, kinds
from phrasing import SIDE_AND_OUTSIDER as _CALM_ACTORS

from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # a charge that something breaks the law, in any tense, with any determiner
        ("On Monday the party said the new decree breaches the charter.", "accusation", "statement"),
        ("The unions say the decree violates the labour code.", "accusation", "statement"),
        # "politically motivated": a charge whoever makes it
        ("The charges against him are politically motivated, his lawyer said on Monday.", "accusation", "statement"),
        # an offer answered "not enough" is turned down
        ("The protesters said that was not enough.", "proposal_rejected", "statement"),
        ("On Monday the unions replied that the new offer was unacceptable.", "proposal_rejected", "statement"),
        # a stance made known is a statement
        ("On Monday the European Union voiced deep concern about the stalemate.", "statement", "appeal"),
        ("On Monday the African Union signalled support for the new premier.", "statement", "appeal"),
        # argued in the present, a failure conceded
        ("On Monday Sam Rainsy argues that the term does not count.", "statement", "accusation"),
        ("On Monday Hun Sen conceded that the strike had failed.", "statement", "strike"),
    ],
)  # fmt: skip
def test_what_a_sentence_of_speech_reports(text: str, kind: str, not_kind: str) -> None:
    found = kinds(text)
    assert kind in found and not_kind not in found, found


def test_a_name_right_after_said_is_what_is_said_not_who_says_it() -> None:
    from negotiation.events.actors import Actor, Gazetteer
    from negotiation.extract.actors import ActorMatcher
    from negotiation.extract.speakers import find_speaker

    g = Gazetteer(
        [
            Actor(id="cnrp", name="CNRP", type="party"),
            Actor(id="hun-sen", name="Hun Sen", type="person"),
        ]
    )
    m = ActorMatcher(g)
    for text, speaker in [
        ("Critics said the CNRP had lost its way.", None),
        ("Observers said CNRP lawmakers would return.", None),
        ("The talks will resume next week, said Hun Sen.", "hun-sen"),
        ('"We will not give up," said Hun Sen.', "hun-sen"),
        ("Hun Sen said the CNRP would return.", "hun-sen"),
        # other verbs of speech
        ("Hun Sen denied that troops had fired on the crowd.", "hun-sen"),
        ("The CNRP stressed that the talks would go on.", "cnrp"),
        # whoever speaks for them
        ("Hun Sen's spokesman said the talks would go on.", "hun-sen"),
        ("The CNRP's office said the vote had been rigged.", "cnrp"),
        ("Hun Sen's deputy press spokesman said the talks would go on.", "hun-sen"),
        # past an apposition; a name after "said" that goes on is what is said
        ("Hun Sen, the prime minister, said the CNRP should not run.", "hun-sen"),
        ("The talks will resume, said Hun Sen on Monday.", "hun-sen"),
        # past an aside about the speaker
        ("Hun Sen, who has ruled since 1985, told reporters the CNRP would return.", "hun-sen"),
    ]:
        assert find_speaker(text, m.find(text), [], g) == speaker, text


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a charge answered is a statement
        ("On Monday Hun Sen denied that soldiers had fired on the crowd.", True),
        ("On Monday Hun Sen denied the charges.", True),
        ("Kem Sokha has denied any wrongdoing.", True),
        # what is denied told as a state of things ("denied there had been a coup")
        ("On Monday Kem Sokha denied there had been any shooting.", True),
        ("On Monday Hun Sen denied there was a crisis.", True),
        # being refused something is not
        ("On Monday Kem Sokha was denied bail.", False),
        # a denial in the present is a standing stance, no act of a day
        ("Kem Sokha denies any wrongdoing.", False),
        ("He denies the charges against him.", False),
    ],
)
def test_a_charge_denied_is_a_statement(text: str, present: bool) -> None:
    assert ("statement" in kinds(text)) is present


def test_speech_in_an_aside_is_no_statement() -> None:
    found = kinds("On Monday Sam Rainsy, who said he was tired, left the capital.")
    assert "statement" not in found, found
    found = kinds("On Monday Sam Rainsy, who arrived late, said the talks would go on.")
    assert "statement" in found, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # speech that only announces a planned act reports the plan
        ("On Monday Sam Rainsy said his supporters would take to the streets on Friday.", False),
        ("On Monday Sam Rainsy said the party would hold a three-day rally next week.", False),
        # a condition set, or something else said, is a statement
        (
            "On Monday Sam Rainsy said more rallies were possible if the ruling party ignored the voters.",
            True,
        ),
        ("On Monday Sam Rainsy said the government had lost the trust of the people.", True),
    ],
)
def test_speech_announcing_a_plan_is_no_statement(text: str, present: bool) -> None:
    assert ("statement" in kinds(text)) is present


def test_who_is_told_is_a_recipient_not_an_actor() -> None:
    from negotiation.events.actors import Actor, Gazetteer

    g = Gazetteer(
        [
            Actor(id="cnrp", name="CNRP", type="party"),
            Actor(id="hun-sen", name="Hun Sen", type="person"),
        ]
    )
    text = "Hun Sen, who spoke at a factory, told the CNRP there would be no new election."
    (m,) = [m for m in extract_text(text, PUB, gazetteer=g) if m.kind == "proposal_rejected"]
    assert m.actors == ("hun-sen",) and "cnrp" in m.recipients, m


def test_a_quotation_over_two_sentences_is_spoken_by_who_closes_it() -> None:
    from negotiation.events.actors import Actor, Gazetteer

    g = Gazetteer([Actor(id="sam-rainsy", name="Sam Rainsy", type="person")])
    text = (
        'Police detained four activists on Monday. "The charges are politically motivated. '
        'They want to silence us," Sam Rainsy told reporters.'
    )
    (m,) = [m for m in extract_text(text, PUB, gazetteer=g) if m.kind == "accusation"]
    assert m.actors == ("sam-rainsy",), m


def test_speech_in_a_clause_of_its_own_after_another_event_is_a_statement_too() -> None:
    text = (
        "On Monday commission chief Jane Smith announced the official results, and said the vote was "
        "fair."
    )
    found = kinds(text)
    assert {"results_announced", "statement"} <= found, found
    # in the same clause, what is said is the event
    found = kinds("On Monday Hun Sen said the police had arrested four activists.")
    assert "statement" not in found, found


def test_a_joint_statement_as_the_medium_of_speech_is_no_agreement() -> None:
    found = kinds("On Monday Hun Sen said in a joint statement that the talks would go on.")
    assert "statement" in found and "agreement" not in found, found
    assert "agreement" in kinds("On Monday the two parties issued a joint statement.")


def test_actors_named_together_before_the_verb_speak_together() -> None:
    from negotiation.events.actors import Actor, Gazetteer
    from negotiation.extract.actors import ActorMatcher
    from negotiation.extract.speakers import co_speakers, find_speaker

    g = Gazetteer(
        [
            Actor(id="army", name="army", type="institution"),
            Actor(id="police", name="police", type="institution"),
        ]
    )
    text = "The army and the police said they would keep order."
    found = ActorMatcher(g).find(text)
    speaker = find_speaker(text, found, [], g)
    assert speaker == "police"
    assert co_speakers(text, found, speaker) == ["army"]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday Hun Sen wrote that the count had been fair.",
        "On Monday Hun Sen had written to the king that the count had been fair.",
    ],
)
def test_speech_in_writing_is_a_statement(text: str) -> None:
    assert "statement" in kinds(text)


def test_speech_with_a_reason_given_is_a_statement_beside_the_reason() -> None:
    found = kinds(
        "On Monday Sam Rainsy argued that the law was void because the assembly was sworn in"
        " without the opposition."
    )
    assert "statement" in found, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a welcome is a stance made known
        ("On Monday the United Nations welcomed the agreement.", True),
        ("On Monday Hun Sen welcomed the court's ruling.", True),
        # speech not (yet) made is none
        ("The palace has not yet said what the king decided.", False),
        ("On Monday Hun Sen did not say when the vote would take place.", False),
    ],
)
def test_a_welcome_is_a_statement_speech_not_made_is_none(text: str, present: bool) -> None:
    assert ("statement" in kinds(text)) is present


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a deal or talks refused outright are turned down
        ("On Monday Hun Sen refused to sign the agreement.", "proposal_rejected"),
        ("The charter, which Hun Sen refused to sign, was adopted on Monday.", "proposal_rejected"),
        ("On Monday the CNRP said it would not take part in any dialogue convened by the government.", "proposal_rejected"),
        # a refusal until something is done sets a condition
        ("On Monday the CNRP said it would not take part in the talks until prisoners were freed.", "demand"),
        # advice on what to do is a proposal
        ("On Monday the mediators recommended that the vote be held again.", "proposal"),
        # more verbs of speech
        ("On Monday Hun Sen cautioned that the figures were not final.", "statement"),
        ("On Monday Hun Sen spoke of forming a government of his own.", "statement"),
    ],
)  # fmt: skip
def test_more_speech_acts(text: str, kind: str) -> None:
    found = kinds(text)
    assert kind in found, found


def test_accusations_dismissed_are_a_statement() -> None:
    found = kinds("On Monday Hun Sen dismissed the opposition's accusations of fraud.")
    assert "statement" in found, found


def test_supporters_called_to_a_rally_is_no_judgement_said() -> None:
    found = kinds("On Monday Sam Rainsy called his supporters to a rally in the capital.")
    assert "statement" not in found, found


def test_an_expectation_voiced_is_a_statement_not_a_plan() -> None:
    found = kinds("On Monday Hun Sen said he was confident the recount would confirm his victory.")
    assert "statement" in found, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a charge answered with a gerund ("denied interfering", "denied ever meeting him")
        ("On Monday the CNRP denied interfering in the vote.", True),
        ("On Monday Hun Sen denied ever meeting the envoy.", True),
        ("On Monday Kem Sokha was denied entering the court.", False),
        # congratulations on an outcome are a stance made known
        ("On Monday Hun Sen congratulated the winner on his victory.", True),
        # "the announced results" names results announced; the speech is a statement
        ("On Monday the CNRP said the announced results did not match the real ones.", True),
    ],
)  # fmt: skip
def test_gerund_denials_congratulations_and_results_named_are_statements(
    text: str, present: bool
) -> None:
    found = kinds(text)
    assert ("statement" in found) is present, found
    assert "results_announced" not in found, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # the act itself told by who does it: no statement beside it
        ("On Monday Hun Sen said he was stepping down to make way for his son.", False),
        ("On Monday the CNRP said it was leaving the coalition.", False),
        ("On Monday Hun Sen said he and ten ministers were quitting the party.", False),
        # anything else in the progressive is still said
        ("On Monday Hun Sen said the economy was growing quickly.", True),
    ],
)  # fmt: skip
def test_an_act_told_in_the_progressive_by_who_does_it_is_no_statement(
    text: str, present: bool
) -> None:
    found = kinds(text)
    assert ("statement" in found) is present, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a charge answered in a word: "denied it" (not "denied it was over": what is said)
        ("On Monday the CNRP denied it.", True),
        # one's own act defended as something
        ("On Monday Hun Sen vowed to stay, defending the ban as a matter of public order.", True),
    ],
)  # fmt: skip
def test_a_charge_denied_in_a_word_and_an_act_defended_are_statements(
    text: str, present: bool
) -> None:
    found = kinds(text)
    assert ("statement" in found) is present, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a commitment made known in public is a statement
        ("On Monday Ruth Okafor promised to fight corruption.", True),
        ("Ruth Okafor pledged on Monday to restore security.", True),
        ("In her inaugural speech on Monday, Ruth Okafor vowed to govern for all citizens.", True),
        # look-alikes: a protest kept up; a promise made to someone, who says nothing
        ("On Monday Ruth Okafor vowed to stay in the square until the president resigned.", False),
        ("On Monday Ruth Okafor was promised to be given a post.", False),
    ],
)  # fmt: skip
def test_a_promise_or_a_pledge_made_known_is_a_statement(text: str, present: bool) -> None:
    assert ("statement" in kinds(text)) is present, kinds(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # concerns raised, a promise made to someone: a stance made known
        ("On Monday Ruth Okafor raised concerns about the voter roll.", True),
        ("On Monday Ruth Okafor promised the envoy that her party would respect the ruling.", True),
        # look-alikes: a promise received; questions raised by a filing, not said
        ("On Monday Ruth Okafor was promised that the count would be public.", False),
        ("On Monday Ruth Okafor raised money for the campaign.", False),
    ],
)  # fmt: skip
def test_concerns_raised_or_a_promise_to_someone_are_statements(text: str, present: bool) -> None:
    assert ("statement" in kinds(text)) is present, kinds(text)


def test_a_quotation_in_the_middle_leaves_the_reporting_verb_outside() -> None:
    g = Gazetteer([Actor(id="oas", name="Organization of American States", type="ngo")])
    text = (
        "Observers from the Organization of American States said on Monday that they were "
        'concerned by the "drastic and hard-to-justify change in the trend of the count".'
    )
    kinds = {m.kind: m.date.isoformat() for m in extract_text(text, PUB, gazetteer=g)}
    assert kinds.get("statement") == "2019-11-11"


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
    ("text", "speaks"),
    [
        # a pronoun after a fronted phrase still names who spoke just before
        ("In her first speech as leader she said the count had been fair.", True),
        ("On Tuesday she told reporters the count had been fair.", True),
        ("Speaking in the capital, she said the count had been fair.", True),
        # look-alike: no pronoun, no one known before the speech verb
        ("In her first speech the leader said the count had been fair.", False),
    ],
)  # fmt: skip
def test_a_pronoun_after_a_fronted_phrase_names_the_speaker(text: str, speaks: bool) -> None:
    before = "Ruth Okafor was sworn in on Monday, 11 November 2019. "
    found = [m for m in extract_text(before + text, PUB, gazetteer=_CALM_ACTORS)]
    said = [m for m in found if m.kind == "statement" and "okafor" in m.actors]
    assert bool(said) is speaks, found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("“We will not accept these results,” Carlos Mesa said on Monday.", "results_rejected"),
        ('"We will not accept these results of the vote," Mesa told reporters on Monday.', "results_rejected"),
        ("Mesa said on Monday: “We will boycott the new parliament until there is a recount.”", "boycott_threatened"),
    ],
)  # fmt: skip
def test_a_quotation_its_speaker_is_named_for_is_the_speaker_s_act(text: str, kind: str) -> None:
    assert dated_kinds(text).get(kind) == "2019-11-11"


@pytest.mark.parametrize(
    "text",
    [
        # what a quotation tells is speech, not an event of the record
        "“Police arrested hundreds of our members in the capital last week,” Mesa said on Monday.",
        # a quotation nobody is named as saying
        "Banners read “we will not accept these results of the stolen vote” on Monday.",
    ],
)
def test_a_quotation_tells_no_event_of_its_own(text: str) -> None:
    assert not {"arrest", "results_rejected"} & set(dated_kinds(text))
