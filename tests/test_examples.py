"""The example packs in examples/ (written from public facts; FACTS.md beside each says where
each fact was checked) validate, replay their record at 100% and pass their scenarios, and
exploration reaches their outcomes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation.cli import main
from negotiation.model import DisputeModel
from negotiation.replay import replay
from negotiation.testing import domain_of, enabled_sequences

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PACKS = [
    "spain-2015-2016",
    "peru-2019",
    "malawi-2019-2020",
    "israel-2019-2020",
    "moldova-2019",
]


@pytest.mark.parametrize("pack", PACKS)
def test_an_example_pack_validates_replays_and_passes_its_scenarios(pack: str) -> None:
    root = str(EXAMPLES / pack)
    runner = CliRunner()
    validated = runner.invoke(main, ["validate", "--pack", root])
    assert validated.exit_code == 0, validated.output
    replayed = runner.invoke(main, ["replay", "--pack", root, "--json"])
    assert replayed.exit_code == 0, replayed.output
    assert json.loads(replayed.output)["conformance"] == 1.0
    ran = runner.invoke(main, ["run", "--pack", root])
    assert ran.exit_code == 0, ran.output
    assert " 0 failed" in ran.output


@pytest.mark.parametrize(
    ("pack", "extra", "outcome"),
    [
        ("spain-2015-2016", [], "investiture=invested"),
        ("peru-2019", ["--parties", "fp,others", "--split", "73,57"], "dissolution=upheld"),
        (
            "malawi-2019-2020",
            ["--parties", "dpp,mcp", "--split", "62,55", "--after", "2019-06-20-hrdc-protest"],
            "poll=fresh_declared",
        ),
        ("israel-2019-2020", [], "mandate=government"),
        ("moldova-2019", ["--after", "2019-06-08-court-voids-acts"], "court=revoked"),
    ],
)
def test_exploring_an_example_pack_reaches_its_outcome(
    pack: str, extra: list[str], outcome: str
) -> None:
    root = str(EXAMPLES / pack)
    args = ["explore", "--pack", root, "--max-depth", "4", "--json", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    assert outcome in {o["id"] for o in json.loads(result.output)["outcomes"]}


def test_a_broken_temporal_property_is_not_printed_as_an_invariant() -> None:
    """With no dissolution in May 2019, Gantz's mandate never ends: the step that shows it said
    `INVARIANT mandate_runs_out violated` though mandate_runs_out is a temporal property; the
    text now says PROPERTY ... broken and --json gives each violation its `kind`."""
    scenario = str(EXAMPLES / "israel-2019-2020" / "scenarios" / "no_dissolution_may_2019.yaml")
    text = CliRunner().invoke(main, ["run", scenario])
    assert text.exit_code == 0, text.output
    assert "PROPERTY mandate_runs_out broken: " in text.output
    assert "INVARIANT mandate_runs_out" not in text.output
    ran = CliRunner().invoke(main, ["run", scenario, "--json"])
    steps = json.loads(ran.output)["results"][0]["trace"]["steps"]
    found = [v for s in steps for v in s["violations"]]
    assert [(v["invariant"], v["kind"]) for v in found] == [("mandate_runs_out", "property")]


def test_an_event_whose_state_condition_fails_is_told_what_the_condition_asks() -> None:
    """A dissolution for want of a government while no member holds the mandate: the only
    dissolution possible in that phase is by law, and the rejection said "requires the state
    condition 'by_law'" without saying that it reads the event's `ground`."""
    scenario = EXAMPLES / "israel-2019-2020" / "scenarios" / "third_presidential_mandate.yaml"
    ran = CliRunner().invoke(main, ["run", str(scenario)])
    assert ran.exit_code == 0, ran.output
    assert (
        "requires the state condition 'by_law' "
        "(has(event.facts.ground) && event.facts.ground == 'law')" in ran.output
    ), ran.output


def test_the_moldovan_record_has_two_governments_and_a_court_that_revoked_itself() -> None:
    """Moldova 2019: the government Parliament invested on 8 June beside the outgoing one, the
    Court's 90-day reading enacted by its ruling of 7 June and revoked on 15 June (the profile's
    two changes), the record at 100% and every what-if as its scenario says."""
    root = str(EXAMPLES / "moldova-2019")
    replayed = CliRunner().invoke(main, ["replay", "--pack", root, "--json"])
    trace = json.loads(replayed.output)
    regions = {s["event"]: s["regions"] for s in trace["steps"]}
    rival = regions["2019-06-08-sandu-government"]
    assert (rival["outgoing"], rival["cabinet"]) == ("in_office", "contested")
    assert regions["2019-06-15-court-revokes-rulings"]["parliament"] == "sitting"
    assert trace["final_world"]["in_force"] == [
        "court-reading-2019-06-07",
        "court-revision-2019-06-15",
    ]


def test_the_events_listing_names_each_source_article() -> None:
    """Every source of a pack whose articles are named `moldova_001` .. `moldova_006` was
    listed as `[moldova]`: the id was cut at its first underscore. It is cut only where the
    part before it names one article (the seeds' `002_7f20...` still reads `002`); an event
    with no summary shows its quote, not an empty line."""
    listed = CliRunner().invoke(main, ["events", "--pack", str(EXAMPLES / "moldova-2019")])
    assert listed.exit_code == 0, listed.output
    assert "[moldova]" not in listed.output
    assert '"Moldova held a parliamentary election on 24 February 2019" [moldova_001]' in (
        listed.output
    )
    seeds = CliRunner().invoke(main, ["events"])
    assert "[002, 001, 003, 004]" in seeds.output


def test_replay_text_names_the_order_a_days_verdicts_rest_on() -> None:
    """`--json` gave each step's `assumed_order`, the text nothing: three events of 9 June 2019
    (the suspension, the Court's finding, the dissolution) whose verdicts depend on their
    order read as if no order had been assumed."""
    text = CliRunner().invoke(main, ["replay", "--pack", str(EXAMPLES / "moldova-2019")])
    assert text.exit_code == 0, text.output
    notes = [line for line in text.output.splitlines() if "depend on the order" in line]
    assert len(notes) == 1
    assert "2019-06-09-dodon-suspended, 2019-06-09-court-dissolution-circumstances" in notes[0]


def test_a_diagram_tells_apart_two_transitions_of_one_kind_by_their_conditions() -> None:
    """The speaker elected within the three months or after them (Moldova), or the Knesset
    dissolved by law, for want of a government or over the budget (Israel): the same kind from
    the same state, told apart only by `when`, which the labels left out."""
    graph = CliRunner().invoke(main, ["graph", "--pack", str(EXAMPLES / "moldova-2019")])
    assert "officers_elected when about_the_speaker, within_deadline [speaker_majority]" in (
        graph.output
    )
    assert "officers_elected when about_the_speaker, past_deadline [speaker_majority]" in (
        graph.output
    )
    derived = CliRunner().invoke(main, ["derive", "--pack", str(EXAMPLES / "israel-2019-2020")])
    assert "assembly_dissolved when over_budget [budget_deadline]" in derived.output


def test_an_event_no_transition_takes_is_told_what_the_phase_lacks() -> None:
    """The Court's ruling on Parliament's acts, with no 90-day ruling before it, was rejected as
    "requires the state condition 'on_the_deadline'": the one court_ruling transition of that
    phase, not the one the ruling's subject chooses, which needs the court's rulings in force
    and the acts contested. The reason now says what the phase lacks for this event."""
    scenario = EXAMPLES / "moldova-2019" / "scenarios" / "three_month_reading.yaml"
    ran = CliRunner().invoke(main, ["run", str(scenario), "--json"])
    steps = json.loads(ran.output)["results"][0]["trace"]["steps"]
    why = {s["event"]: s.get("reason") or "" for s in steps}
    assert why["2019-06-08-court-voids-acts"].endswith(
        "; for this event the phase needs speaker=contested, cabinet=contested, court=in_force"
    )
    assert why["2019-06-09-parliament-dissolved"].endswith(
        "; for this event the phase needs presidency=interim"
    )
    assert why["2019-06-09-dodon-suspended"].endswith(
        "; for this event the phase needs court=in_force"
    )


@settings(max_examples=5, deadline=None, database=None, derandomize=True)
@given(data=st.data())
def test_the_readmes_hypothesis_snippet_runs_on_a_packs_model(data: st.DataObject) -> None:
    """`enabled_sequences(DisputeModel("pack/model.yaml", "pack/profile.yaml"))`, as the README
    says to copy, raised "no parties and seats to draw abstract events from" for a model whose
    world starts before its election: the domain now reads the events.yaml beside the model,
    as `explore --model` does."""
    pack = EXAMPLES / "moldova-2019"
    model = DisputeModel(pack / "model.yaml", pack / "profile.yaml")
    events = data.draw(enabled_sequences(model, max_size=6))
    assert not replay(model, events).violations
    assert domain_of(model).parties == ("psrm", "pdm")
