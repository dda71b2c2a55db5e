"""Recall: phrasings of results, oaths, rulings and votes that reports of any dispute use."""

from __future__ import annotations

import pytest
from phrasing import PUB, dated_kinds

from negotiation.events.actors import Actor, ActorType, Gazetteer
from negotiation.extract import extract_text


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # results: "had won" is the past perfect of a result, not a party's standing seats
        ("The commission said on Monday that the governor had won 52.3 percent of the votes cast.", "results_announced", "2019-11-11"),
        ("Official figures released late on Sunday gave the incumbent 61 percent of the vote.", "results_announced", "2019-11-10"),
        ("The board's provisional tally on Nov. 4 gave her about 47 percent of the ballots.", "results_announced", "2019-11-04"),
        ("The election board on Friday declared the senator president-elect.", "results_announced", "2019-11-08"),
        # a court's decisions: ratified, certified, a recount it ordered
        ("The Constitutional Court certified the results on Thursday.", "court_ruling", "2019-11-07"),
        ("The High Court ratified the outcome on Nov. 2.", "court_ruling", "2019-11-02"),
        ("On Monday a recount of two districts was ordered by the appeals court.", "court_ruling", "2019-11-11"),
        # oaths: inaugurated, a swearing-in of one's own
        ("The former general was inaugurated as president on Monday.", "sworn_in", "2019-11-11"),
        ("On Sunday the challenger held his own swearing-in before a crowd of supporters.", "sworn_in", "2019-11-10"),
        # officers elected with an apposition between the name and the post
        ("On Monday deputies elected Maria Lopes, a veteran of the ruling party, as speaker.", "officers_elected", "2019-11-11"),
        # prisoners pardoned; people abducted by the security forces
        ("On Friday the president pardoned some 300 prisoners.", "release", "2019-11-08"),
        ("Two organisers were abducted by soldiers on Saturday.", "arrest", "2019-11-09"),
        # walkouts; a government voted out; a premier appointed without "as"
        ("On Monday opposition lawmakers left the chamber before the vote.", "boycott", "2019-11-11"),
        ("The minority stormed out of the session on Thursday.", "boycott", "2019-11-07"),
        ("On Sunday the premier was ousted in a no-confidence vote.", "government_dismissed", "2019-11-10"),
        ("On Friday the king appointed Tan Sri interim prime minister.", "government_formed", "2019-11-08"),
        # a claim of victory in reported speech; term limits scrapped
        ("On Monday the candidate said he was confident that he had won.", "results_claimed", "2019-11-11"),
        ("Parliament scrapped presidential term limits on Wednesday.", "amendment_passed", "2019-11-06"),
        # a pardon of a named prisoner, detainees freed, a judge who jailed someone named
        ("On Friday the president pardoned Ruth Okello, the jailed editor.", "release", "2019-11-08"),
        ("The police began releasing detainees late on Saturday.", "release", "2019-11-09"),
        ("On Monday a judge jailed Omar Diallo pending trial.", "arrest", "2019-11-11"),
        # a victory certified, a winner formally confirmed; talks an outsider hosted
        ("The senate certified the governor's election victory on Thursday.", "results_announced", "2019-11-07"),
        ("On Monday the electors formally confirmed the senator as the next president.", "results_announced", "2019-11-11"),
        ("The deal came out of talks hosted by a neighbouring president on Sunday.", "mediation", "2019-11-10"),
        # a walkout before a vote; an election boycott has the election's day
        ("On Monday most opposition deputies walked out before the final vote.", "boycott", "2019-11-11"),
        ("Opposition parties boycotted the local elections on Nov. 3.", "election_boycott", "2019-11-03"),
        ("The main parties boycotted the parliamentary election in January 2015.", "election_boycott", "2015-01-01"),
        # a declaration signed by the sides; a parliament that dissolved itself; an officer voted out
        ("On Friday the two leaders signed a declaration committing them to a joint government.", "agreement", "2019-11-08"),
        ("The assembly voted to dissolve itself on Monday.", "assembly_dissolved", "2019-11-11"),
        ("On Friday the majority voted the deputy out of his post as first vice-president.", "officer_removed", "2019-11-08"),
        # bans: a march not authorised, campaigning suspended, a rally the police had banned
        ("On Sunday the governor refused to authorise the opposition march.", "ban", "2019-11-10"),
        ("The commission suspended campaigning in two provinces on Monday.", "ban", "2019-11-11"),
        ("On Saturday crowds gathered for a rally that the police had banned.", "ban", "2019-11-09"),
        # a court that restored what was undone; candidates put through to the run-off
        ("On Thursday the Supreme Court restored the dissolved assembly.", "court_ruling", "2019-11-07"),
        ("On Friday the commission put the mayor and a retired judge into the run-off.", "results_announced", "2019-11-08"),
        # talks told as the setting of another act, or met with people who are no proper name
        ("The governor resigned on Monday, hours after a tense meeting with Okello at the palace.", "talks_held", "2019-11-11"),
        ("The two rivals were named joint candidates at a meeting in Nairobi on Friday.", "talks_held", "2019-11-08"),
        ("The premier accepted a partial recount on Sunday following talks with the bishops.", "talks_held", "2019-11-10"),
        ("The interior minister said on Thursday, after meeting party leaders, that curfew would end.", "talks_held", "2019-11-07"),
        ("On Saturday the president met detained opposition leaders in the capital's prison.", "talks_held", "2019-11-09"),
        ("The cabinet named on Friday followed weeks of negotiations between the two blocs.", "talks_held", "2019-11-08"),
        # an election named by its day with its round or as several runoffs; an earlier
        # inauguration named by its month
        ("The council on Friday gave the senator 38 percent of the vote in the Nov. 3 first round.", "election_held", "2019-11-03"),
        ("On Monday the speaker swore in the winners of the Nov. 2 runoffs.", "election_held", "2019-11-02"),
        ("The governor, who first took office in March 2016, resigned on Monday.", "sworn_in", "2016-03-01"),
        ("The governor, who was elected with a huge majority in 2014, resigned on Monday.", "election_held", "2014-01-01"),
        # a crowd told with what it carried or who it was before its verb
        ("On Sunday hundreds of students carrying banners and flags gathered outside the ministry.", "protest", "2019-11-10"),
        ("On Friday some 20,000 people filled the main square of the port city.", "protest", "2019-11-08"),
        # stones thrown at each other; immunity lifted in the progressive
        ("On Monday rival supporters pelted each other with rocks outside the court.", "violence", "2019-11-11"),
        ("The king said on Sunday that he was lifting the immunity of every deputy.", "member_expelled", "2019-11-10"),
        # a winner or a place told with its share of the vote
        ("On Monday the council put the senator first with about 41 percent of the vote.", "results_announced", "2019-11-11"),
        ("The mayor won the presidency on Sunday with 55.2 percent.", "results_announced", "2019-11-10"),
        # a strike announced by those who will go on it
        ("On Friday the union said its members would go on an indefinite strike.", "strike_threatened", "2019-11-08"),
        # a court's verb at the end of the sentence: "a decision the court upheld."
        ("On Monday the board barred the mayor from the race, a decision the Supreme Court upheld.", "court_ruling", "2019-11-11"),
        ("The governor's appeal, filed on Friday, was the one the High Court dismissed.", "court_ruling", "2019-11-08"),
        ("The Constitutional Council confirmed the senator's victory on Thursday.", "court_ruling", "2019-11-07"),
        # a people voting by its name; fighting between groups
        ("Malawians voted on Saturday in a rerun of the presidential election.", "election_held", "2019-11-09"),
        ("On Sunday fighting between rival militias left dozens dead in the north.", "violence", "2019-11-10"),
        # those the police clashed with protested
        ("Two men died on Friday when soldiers clashed with protesters in the port city.", "protest", "2019-11-08"),
        # what an act did, in a participle clause; a curfew imposed again
        ("On Monday the senate passed the pact into law, amending the constitution to add a premier.", "amendment_passed", "2019-11-11"),
        ("The army reimposed a night-time curfew in the capital on Saturday.", "ban", "2019-11-09"),
        # a legislature that removed a president from office deposed him
        ("The Congress on Monday removed President Anna Ruiz from office by 80 votes to 20.", "government_dismissed", "2019-11-11"),
        # who someone is, told after what is demanded: "whom they accuse of ..." is a charge made
        ("On Monday marchers demanded the sacking of the police chief, whom they accuse of ordering the shooting.", "accusation", "2019-11-11"),
        # a strike declared; a legislature dissolved with another body; a runoff won
        ("Police associations declared a strike on Monday.", "strike", "2019-11-11"),
        ("The government and the National Assembly were dissolved on Monday, the spokesman said.", "assembly_dissolved", "2019-11-11"),
        ("The former footballer has won Liberia's presidential runoff, the commission announced on Monday.", "results_announced", "2019-11-11"),
        # what someone said another should do is demanded
        ("On Monday the senator said the president should resign.", "demand", "2019-11-11"),
        ("The party leader said on Monday that voters should go back to the polls as soon as possible.", "demand", "2019-11-11"),
        # a charge in the active voice, a plot said to be made up, an act said to amount to a coup
        ("On Monday the opposition leader said the ruling party rigged the vote.", "accusation", "2019-11-11"),
        ("The opposition said on Monday that the alleged plot was fabricated.", "accusation", "2019-11-11"),
        ("On Monday his opponents said the decree amounted to a coup.", "accusation", "2019-11-11"),
        # a body set up, its members replaced or named, a new one taking office
        ("On Monday parliament replaced the members of the election commission.", "body_appointed", "2019-11-11"),
        ("The military council announced the council's membership on Monday.", "body_appointed", "2019-11-11"),
        ("A new nine-member election committee, with members nominated by both parties, took office on Monday.", "body_appointed", "2019-11-11"),
        ("The commission of inquiry was set up on Monday under the deal.", "body_appointed", "2019-11-11"),
        # a law pushed through, a bill approved after something else; a constitution restored
        ("On Monday the ruling party pushed through a \"foreign influence\" law.", "law_passed", "2019-11-11"),
        ("Lawmakers debated for hours on Monday before approving a bill on the census.", "law_passed", "2019-11-11"),
        ("On Monday parliament restored the 2004 constitution, curbing the president's powers.", "amendment_passed", "2019-11-11"),
        ("The president pushed through a new constitution in a referendum on Sunday.", "amendment_passed", "2019-11-10"),
        # an early election held, named by its day: the early election, not also an election held
        ("The party won 47 of the 120 seats in the Nov. 10 snap election.", "early_election", "2019-11-10"),
        ("The N-VA emerged as the biggest party from Sunday's early general election.", "early_election", "2019-11-10"),
        ("Voters went to the polls on Monday in an early election.", "early_election", "2019-11-11"),
        # a monarch's part in forming a government
        ("The king appointed the Socialist leader as formateur on Monday.", "royal_mediation", "2019-11-11"),
        ("On Monday the king asked the nationalist leader to sound out the parties.", "royal_mediation", "2019-11-11"),
        ("The king held a round of consultations with party leaders on Monday.", "royal_mediation", "2019-11-11"),
        # what a court orders of a party or an election is done: dissolved, annulled
        ("The Supreme Court on Monday ordered the dissolution of the main opposition Cambodia National Rescue Party (CNRP).", "party_dissolved", "2019-11-11"),
        ("The Supreme Court dissolved the Cambodia National Rescue Party on Monday.", "party_dissolved", "2019-11-11"),
        ("The Constitutional Court on Monday ordered the annulment of the presidential election.", "election_annulled", "2019-11-11"),
    ],
)  # fmt: skip
def test_recall_phrasings_give_their_kind_and_day(text: str, kind: str, date: str) -> None:
    assert dated_kinds(text).get(kind) == date


@pytest.mark.parametrize(
    "text",
    [
        "A lawmaker said as he left the chamber that there was no deal yet.",
        "She asked the governor for a pardon on Monday.",
        "His deputy was inaugurated as vice president on Monday.",
        # a meeting told before; a demand met
        "'We are closer,' the speaker said on Monday after the meeting in the assembly building.",
        "The president dissolved parliament on Monday, meeting a key demand of the marchers.",
        "The senator, who was elected by parliament in 2005, resigned on Monday.",
        "Thousands of supporters gathered outside the palace on Sunday to celebrate his victory.",
        "The mayor, who led the first round with 31 percent, resigned on Monday.",
        "Republicans voted on Wednesday to block the spending bill.",
        "A council will meet within a year to consider amending the constitution.",
    ],
)
def test_look_alikes_of_recall_phrasings_are_not_those_events(text: str) -> None:
    kinds = {"results_announced", "boycott", "release", "sworn_in", "talks_held", "election_held"}
    kinds |= {"protest", "amendment_passed"}
    assert not kinds & set(dated_kinds(text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a strike called for a day to come is threatened, not under way
        ("The union declared a general strike for Friday.", "strike"),
        # a resignation refused, one's own, is demanded of nobody
        ("The senator said on Monday he would not resign.", "demand"),
        ("The senator said on Monday that he should never have resigned.", "demand"),
        # a dissolution or an annulment asked for, or refused, is no court's act
        (
            "The court on Monday rejected calls for the annulment of the election.",
            "election_annulled",
        ),
        (
            "The opposition on Monday demanded the dissolution of the ruling party.",
            "party_dissolved",
        ),
        # an annulment or a dissolution upheld was made before: the ruling is the court's act
        (
            "The appeals court on Monday upheld the annulment of the presidential election.",
            "election_annulled",
        ),
        ("The appeals court on Monday upheld the dissolution of the party.", "party_dissolved"),
        # an early election called or demanded is not held; one held is not also an election held
        ("The prime minister called a snap election for June 8.", "early_election"),
        ("The opposition on Monday demanded an early election.", "early_election"),
        ("Voters went to the polls on Monday in an early election.", "election_held"),
        # a law opposed is not passed
        ("The opposition on Monday opposed passing the law.", "law_passed"),
        # a share of the vote is no charge
        ("The commission said on Monday that turnout amounted to 60 percent.", "accusation"),
    ],
)
def test_look_alikes_of_demands_and_strikes_are_not_those_events(text: str, kind: str) -> None:
    assert kind not in dated_kinds(text)


def _gazetteer() -> Gazetteer:
    return Gazetteer(
        [
            Actor(id="rivera", name="Ana Rivera", type=ActorType.person),
            Actor(id="moreno", name="Luis Moreno", type=ActorType.person),
        ]
    )


def test_both_men_are_the_two_people_the_article_names_most() -> None:
    text = (
        "Ana Rivera and Luis Moreno met on Monday. Rivera spoke first; Moreno replied. "
        "Both men claimed victory on Sunday."
    )
    found = extract_text(text, PUB, gazetteer=_gazetteer())
    claims = [m for m in found if m.kind == "results_claimed"]
    assert claims and set(claims[0].actors) == {"rivera", "moreno"}


def test_two_acts_of_one_kind_in_clauses_of_their_own_are_two_mentions() -> None:
    text = (
        "Ana Rivera was sworn in as president on Monday, and her rival Luis Moreno took the oath "
        "as prime minister."
    )
    found = extract_text(text, PUB, gazetteer=_gazetteer())
    sworn = {a for m in found if m.kind == "sworn_in" for a in (*m.actors, *m.recipients)}
    assert sworn == {"rivera", "moreno"}
