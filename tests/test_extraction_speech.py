"""Speech acts in reported speech: which kind a sentence of speech reports, and who speaks."""

from __future__ import annotations

import datetime as dt

import pytest

from negotiation.extract import extract_text

PUB = dt.date(2019, 11, 12)  # a Tuesday


def _kinds(text: str) -> set[str]:
    return {m.kind for m in extract_text(text, PUB)}


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
    found = _kinds(text)
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
    ("text", "kind", "not_kind"),
    [
        # a demand or a proposal announced for later is an intention, said: not yet made
        ("On Monday Sam Rainsy said his party would appeal to the Supreme Court.", "statement", "demand"),
        ("On Monday Hun Sen said he will ask the court to annul the vote.", "statement", "demand"),
        ("On Monday Hun Sen said he would propose new talks.", "statement", "proposal"),
        # made now: a demand, whatever the infinitive
        ("Protesters gathered on Monday to demand a recount.", "demand", "statement"),
        ("On Monday the party called for a recount.", "demand", "statement"),
    ],
)  # fmt: skip
def test_a_demand_announced_for_later_is_not_yet_made(text: str, kind: str, not_kind: str) -> None:
    found = _kinds(text)
    assert kind in found and not_kind not in found, found


@pytest.mark.parametrize(
    "text",
    [
        # the particle after what is turned down; an idea put forward is a proposal too
        "On Monday the opposition turned the government's offer down.",
        "On Monday Hun Sen brushed the proposal aside.",
        "On Monday Hun Sen rejected the idea of a unity government.",
    ],
)
def test_an_offer_turned_down_in_other_words(text: str) -> None:
    assert "proposal_rejected" in _kinds(text)


def test_readiness_to_hold_talks_is_an_offer_openness_a_stance() -> None:
    assert "proposal" in _kinds("On Monday Hun Sen said he was ready to resume talks.")
    found = _kinds("On Monday Hun Sen said his party remained open to talks.")
    assert "proposal" not in found and "statement" in found, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a charge answered is a statement
        ("On Monday Hun Sen denied that soldiers had fired on the crowd.", True),
        ("On Monday Hun Sen denied the charges.", True),
        ("Kem Sokha has denied any wrongdoing.", True),
        # being refused something is not
        ("On Monday Kem Sokha was denied bail.", False),
        # a denial in the present is a standing stance, no act of a day
        ("Kem Sokha denies any wrongdoing.", False),
        ("He denies the charges against him.", False),
    ],
)
def test_a_charge_denied_is_a_statement(text: str, present: bool) -> None:
    assert ("statement" in _kinds(text)) is present


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the opposition said it did not recognise him as the legitimate president.",
        "On Monday Sam Rainsy told reporters he did not trust the official results.",
        '"We cannot accept these results," Sam Rainsy told reporters on Monday.',
        "On Monday the opposition leader did not concede.",
        "On Monday Washington said it could not accept the result as legitimate.",
    ],
)
def test_an_outcome_not_recognised_or_not_trusted_is_rejected(text: str) -> None:
    assert "results_rejected" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the government rejected any talks with the protesters.",
        "On Monday Hun Sen told supporters there would be no new election.",
        "On Monday the opposition rejected any new election.",
        "On Monday Hun Sen ruled out a snap election.",
        "Hun Sen has refused, saying he would not resign.",
        "On Monday lawmakers voted down the opposition's objections to the results.",
    ],
)
def test_talks_refused_and_an_election_ruled_out_are_rejections(text: str) -> None:
    assert "proposal_rejected" in _kinds(text)


def test_speech_in_an_aside_is_no_statement() -> None:
    found = _kinds("On Monday Sam Rainsy, who said he was tired, left the capital.")
    assert "statement" not in found, found
    found = _kinds("On Monday Sam Rainsy, who arrived late, said the talks would go on.")
    assert "statement" in found, found


@pytest.mark.parametrize(
    "text",
    [
        # a charge made in an appositive or relative clause about an act
        "The president stayed in office on Monday, a move the opposition called unconstitutional.",
        "Parliament met on Monday without a quorum, which Sam Rainsy described as a sham.",
    ],
)
def test_an_act_called_unlawful_in_passing_is_an_accusation(text: str) -> None:
    assert "accusation" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday Hun Sen said he was ready to form a government of national unity.",
        "On Monday Hun Sen invited all parties to join a unity government.",
        "On Monday Hun Sen invited the opposition to talks.",
    ],
)
def test_an_offer_to_share_power_or_to_talk_is_a_proposal(text: str) -> None:
    assert "proposal" in _kinds(text)


def test_a_re_election_rejected_is_a_result_rejected_a_disputed_one_is_not() -> None:
    assert "results_rejected" in _kinds("On Monday Sam Rainsy rejected Hun Sen's re-election.")
    found = _kinds("On Monday Hun Sen resigned after protests over his disputed re-election.")
    assert "results_rejected" not in found, found


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
    assert ("statement" in _kinds(text)) is present


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a precondition set for talks is a demand
        ("On Monday the opposition said it would not return to the negotiating table until all prisoners were freed.", True),
        ("On Monday Sam Rainsy said talks could resume only once the arrests stopped.", True),
        # talks that will go on after something are no precondition
        ("On Monday Hun Sen said talks would resume after the holidays.", False),
    ],
)  # fmt: skip
def test_a_precondition_for_talks_is_a_demand(text: str, present: bool) -> None:
    assert ("demand" in _kinds(text)) is present


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


def test_an_ultimatum_named_by_its_author_is_a_demand() -> None:
    text = 'On Tuesday Sam Rainsy issued what he called a "people\'s ultimatum" to the government.'
    assert "demand" in _kinds(text)


def test_the_winners_not_recognised_is_a_result_rejected() -> None:
    text = "On Monday Sam Rainsy said the opposition would not recognise the new mayors."
    assert "results_rejected" in _kinds(text)


def test_a_quotation_over_two_sentences_is_spoken_by_who_closes_it() -> None:
    from negotiation.events.actors import Actor, Gazetteer

    g = Gazetteer([Actor(id="sam-rainsy", name="Sam Rainsy", type="person")])
    text = (
        'Police detained four activists on Monday. "The charges are politically motivated. '
        'They want to silence us," Sam Rainsy told reporters.'
    )
    (m,) = [m for m in extract_text(text, PUB, gazetteer=g) if m.kind == "accusation"]
    assert m.actors == ("sam-rainsy",), m


@pytest.mark.parametrize(
    "text",
    [
        "On Monday Hun Sen said he would be ready to hand over some of his powers.",
        "On Monday Hun Sen responded by announcing that he would call a fresh election.",
    ],
)
def test_a_concession_offered_is_a_proposal(text: str) -> None:
    assert "proposal" in _kinds(text)


def test_a_refusal_to_do_something_else_is_no_rejection_of_a_proposal() -> None:
    assert "proposal_rejected" not in _kinds("On Monday Hun Sen refused to comment.")


@pytest.mark.parametrize(
    "text",
    [
        "On Monday Hun Sen dismissed the protesters as small groups bent on causing chaos.",
        "On Monday the minister branded the strikers criminals.",
    ],
)
def test_opponents_labelled_criminals_is_an_accusation(text: str) -> None:
    assert "accusation" in _kinds(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("On Monday the European Union pressed Hun Sen to free the prisoners.", True),
        ("On Monday the opposition pressed ahead to hold the rally.", False),
    ],
)
def test_anyone_pressed_to_act_is_appealed_to(text: str, present: bool) -> None:
    assert bool({"appeal", "demand"} & _kinds(text)) is present


def test_speech_in_a_clause_of_its_own_after_another_event_is_a_statement_too() -> None:
    text = (
        "On Monday commission chief Jane Smith announced the official results, and said the vote was "
        "fair."
    )
    found = _kinds(text)
    assert {"results_announced", "statement"} <= found, found
    # in the same clause, what is said is the event
    found = _kinds("On Monday Hun Sen said the police had arrested four activists.")
    assert "statement" not in found, found


def test_a_joint_statement_as_the_medium_of_speech_is_no_agreement() -> None:
    found = _kinds("On Monday Hun Sen said in a joint statement that the talks would go on.")
    assert "statement" in found and "agreement" not in found, found
    assert "agreement" in _kinds("On Monday the two parties issued a joint statement.")


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
    assert "statement" in _kinds(text)


def test_speech_with_a_reason_given_is_a_statement_beside_the_reason() -> None:
    found = _kinds(
        "On Monday Sam Rainsy argued that the law was void because the assembly was sworn in"
        " without the opposition."
    )
    assert "statement" in found, found


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a proposal named by its author where it is turned down: both
        (
            "On Monday the government rejected a proposal from the church that included an early vote.",
            {"proposal", "proposal_rejected"},
        ),
        ("On Monday the ruling party turned down a plan by the mediators.", {"proposal", "proposal_rejected"}),
        # a protest called is no proposal
        ("On Monday thousands answered a call by the opposition to rally in the capital.", set()),
        # the tally of a vote between the verb and what it turned down
        (
            "On Monday lawmakers rejected, by 60 votes to 40, a proposal to hold the vote in May.",
            {"proposal_rejected"},
        ),
        # the answer in a relative clause: ", which X rejected"
        ("On Monday the talks broke down over the opposition's call for a new vote, which the ruling party rejected.", {"proposal_rejected", "talks_broken_off"}),
        ("On Monday the assembly passed a motion urging him to resign, which he refused to do.", {"proposal_rejected"}),
    ],
)  # fmt: skip
def test_proposals_named_where_they_are_turned_down(text: str, kinds: set[str]) -> None:
    found = _kinds(text)
    assert kinds <= found, found
    if "proposal" not in kinds:
        assert "proposal" not in found, found


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
    assert ("statement" in _kinds(text)) is present


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # what a side says it can show, or a wrong it says was done to it, is a charge
        ("On Monday Sam Rainsy said his party had evidence of widespread vote rigging.", "accusation"),
        ("On Monday Hun Sen told reporters that the alliance had been betrayed by its own members.", "accusation"),
        ("On Monday the judge said most of his colleagues had been pressured into backing the decree.", "accusation"),
        # a charge denied is none
        ("On Monday Hun Sen said his office had found no evidence of fraud.", "statement"),
    ],
)  # fmt: skip
def test_evidence_claimed_or_a_wrong_done_is_an_accusation(text: str, kind: str) -> None:
    found = _kinds(text)
    assert kind in found, found
    if kind == "statement":
        assert "accusation" not in found, found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # "alleged" as a verb charges someone; as an adjective it names what is charged
        ("On Monday the party alleged that the count had been manipulated.", True),
        ("He has faced several inquiries, including into alleged corruption.", False),
        ("On Monday a minister was named in an alleged plot to kill him.", False),
    ],
)
def test_alleged_charges_only_as_a_verb(text: str, present: bool) -> None:
    assert ("accusation" in _kinds(text)) is present


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the Constitutional Court rejected the opposition leader's challenge to the election.",
        "On Monday the justices dismissed petitions against the coalition deal.",
    ],
)
def test_a_petition_a_court_turns_down_is_a_ruling(text: str) -> None:
    found = _kinds(text)
    assert "court_ruling" in found and "proposal_rejected" not in found, found


def test_a_call_by_an_outsider_is_no_proposal() -> None:
    found = _kinds(
        "On Monday the ruling defied a call by the African Union for the results to be suspended."
    )
    assert "proposal" not in found, found


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
    found = _kinds(text)
    assert kind in found, found


def test_what_figures_suggested_is_no_proposal() -> None:
    found = _kinds("On Monday leaked figures suggested that the opposition had won the vote.")
    assert "proposal" not in found, found


def test_a_vote_said_marred_by_rigging_is_a_charge_not_violence() -> None:
    found = _kinds(
        "On Monday Hun Sen told reporters that the vote had been marred by widespread rigging and violence."
    )
    assert "accusation" in found and "violence" not in found, found


def test_what_is_alleged_is_no_event_of_its_own() -> None:
    found = _kinds("On Monday the petition alleged widespread rigging, intimidation and violence.")
    assert "accusation" in found and "violence" not in found, found


def test_accusations_dismissed_are_a_statement() -> None:
    found = _kinds("On Monday Hun Sen dismissed the opposition's accusations of fraud.")
    assert "statement" in found, found


def test_a_condition_refused_is_a_proposal_rejected() -> None:
    found = _kinds(
        "On Monday Sam Rainsy demanded a new count, a condition the ruling party refused to accept."
    )
    assert {"demand", "proposal_rejected"} <= found, found


def test_supporters_called_to_a_rally_is_no_judgement_said() -> None:
    found = _kinds("On Monday Sam Rainsy called his supporters to a rally in the capital.")
    assert "statement" not in found, found


def test_an_expectation_voiced_is_a_statement_not_a_plan() -> None:
    found = _kinds("On Monday Hun Sen said he was confident the recount would confirm his victory.")
    assert "statement" in found, found


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # a court challenge announced is said, not yet a rejection made
        ("On Monday Sam Rainsy said the CNRP would challenge the result in the Supreme Court.", "statement", "results_rejected"),
        ("On Monday the CNRP challenged the results in court.", "results_rejected", "statement"),
        # one's own supporters urged to keep the peace: said, no demand on the other side
        ("On Monday Sam Rainsy called on his supporters to remain peaceful.", "statement", "demand"),
        # charges called baseless, a role denied
        ("On Monday the CNRP called the charges absurd and politically motivated.", "accusation", "statement"),
        ("On Monday the CNRP denied any role in the attacks.", "statement", "accusation"),
    ],
)  # fmt: skip
def test_challenges_announced_exhortations_and_charges_answered(
    text: str, kind: str, not_kind: str
) -> None:
    found = _kinds(text)
    assert kind in found and not_kind not in found, found


@pytest.mark.parametrize(
    ("text", "kind", "present"),
    [
        # riot police charging a crowd accuse no one
        ("On Monday riot police charged them with batons.", "accusation", False),
        ("On Monday the party charged that the vote had been rigged.", "accusation", True),
        # an institution asked to examine complaints, a recount offered
        ("On Monday Hun Sen asked the election committee to examine the complaints.", "demand", True),
        ("On Monday the committee said it was ready to recount ballots from the disputed stations.", "proposal", True),
    ],
)  # fmt: skip
def test_charges_requests_and_offers(text: str, kind: str, present: bool) -> None:
    assert (kind in _kinds(text)) is present


def test_an_event_a_day_before_what_is_offered_is_not_what_is_offered() -> None:
    found = _kinds(
        "On Tuesday the committee said it was ready to recount ballots, a day after thousands"
        " of people marched through the capital."
    )
    assert {"proposal", "protest"} <= found, found


@pytest.mark.parametrize(
    ("text", "kind", "present"),
    [
        # a speech verb in the passive is no one's statement
        ("On Monday the army cut internet access after the results were announced.", "statement", False),
        # an offer judged no answer to the dispute is turned down
        ("On Monday Sam Rainsy said a partial recount would not resolve the dispute.", "proposal_rejected", True),
    ],
)  # fmt: skip
def test_passive_speech_and_an_offer_judged_no_answer(text: str, kind: str, present: bool) -> None:
    assert (kind in _kinds(text)) is present
