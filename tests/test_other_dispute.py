"""A second dispute from data files alone: Kenya 2007-08 (the kenya-2007-2008 pack).

No Python in the example: the event log, the model spec, the constitution profile and the
scenarios are data, read by the same library that models the built-in Cambodian dispute.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from negotiation.cli import main
from negotiation.events import Event
from negotiation.events.log import load_event_log
from negotiation.explore.domain import domain_for
from negotiation.model import DisputeModel, compile_model
from negotiation.replay import replay
from negotiation.scenario import load_scenario, run_scenario, scenario_files
from negotiation.testing import enabled_sequences

KENYA = (
    Path(__file__).resolve().parent.parent / "negotiation" / "data" / "packs" / "kenya-2007-2008"
)
EVENTS = KENYA / "events.yaml"
MODEL = KENYA / "model.yaml"
SCENARIOS = KENYA / "scenarios"


@pytest.fixture(scope="module")
def model() -> DisputeModel:
    return DisputeModel(MODEL)


def test_event_log_validates_and_every_quote_is_at_its_span() -> None:
    log = load_event_log(EVENTS)  # checks schema, ids, dates, actors and every quote
    assert len(log) == 11
    texts = {p.stem: p.read_text(encoding="utf-8") for p in KENYA.glob("*.txt")}
    articles = yaml.safe_load((KENYA / "articles.yaml").read_text(encoding="utf-8"))["articles"]
    assert {a["id"] for a in articles} == set(texts)
    assert {a["outlet"] for a in articles} == {"illustrative"}
    for event in log:
        assert event.sources, event.id
        for c in event.sources:
            assert texts[c.article][c.start : c.end] == c.quote, event.id
    result = CliRunner().invoke(main, ["validate", str(EVENTS)])
    assert result.exit_code == 0, result.output


def test_model_and_profile_load_from_files(model: DisputeModel) -> None:
    assert model.spec.id == "kenya-2008"
    assert model.profile.id == "kenya-1963"
    assert model.profile.country == "Kenya"
    assert model.spec.final_phases() == ["power_sharing"]
    # Section 47: sixty-five per cent of the 210 elected seats the model counts
    assert model.params.two_thirds(210) == 137
    assert all(p.uncertain for p in model.profile.provisions.values())


def test_the_record_replays_to_power_sharing(model: DisputeModel) -> None:
    trace = replay(model, load_event_log(EVENTS))
    assert trace.accepted == trace.total == 11
    assert trace.final_phase == "power_sharing"
    assert trace.phases() == [
        "campaign",
        "election_held",
        "results_declared",
        "results_disputed",
        "mediation",
        "settlement",
        "power_sharing",
    ]
    assert not trace.violations
    assert trace.final_world.seat_map() == {"odm": 99}
    assert trace.final_world.total_seats == 210


def test_example_scenarios_meet_their_expectations() -> None:
    files = scenario_files([SCENARIOS])
    assert {f.name for f in files} == {
        "record.yaml",
        "amendment_without_odm.yaml",
        "no_mediation.yaml",
    }
    results = [r for f in files for r in run_scenario(load_scenario(f))]
    assert len(results) == 6  # record, no mediation, four cells of the amendment matrix
    assert all(r.passed for r in results), [(r.name, r.failures) for r in results if not r.passed]
    cell = next(r for r in results if r.cell == "110 votes (the government side alone)")
    step = cell.trace.step_for("2008-03-18-amendment-passed")
    assert step is not None and not step.accepted
    assert step.rejected_by == "amendment_two_thirds"
    assert step.reason is not None and "137 of 210 needed" in step.reason
    assert step.citation is not None and step.citation.article == "Section 47"


def test_cli_runs_the_example_scenarios() -> None:
    result = CliRunner().invoke(main, ["run", str(SCENARIOS)])
    assert result.exit_code == 0, result.output
    assert "6 passed, 0 failed" in result.output


def test_cli_graph_of_the_kenya_model() -> None:
    result = CliRunner().invoke(main, ["graph", "--model", str(MODEL)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("stateDiagram")
    edge = "settlement --> power_sharing : amendment_passed when assembly_sitting [amendment_two_thirds]"
    assert edge in result.output


def test_cli_explore_the_kenya_model_finds_no_violation() -> None:
    result = CliRunner().invoke(
        main, ["explore", "--model", str(MODEL), "--max-depth", "4", "--json", "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["model"] == "kenya-2008" and data["profile"] == "kenya-1963"
    assert {"distinct_states", "transitions", "max_depth", "violations", "outcomes"} <= set(data)
    assert data["violations"] == []
    assert data["distinct_states"] > 0


def test_cli_explore_from_the_record_reaches_power_sharing_only_with_65_per_cent() -> None:
    """After parliament opened: talks, accord, amendment. The abstract votes sit around 137."""
    args = ["explore", "--model", str(MODEL), "--max-depth", "3", "--json", "--no-progress"]
    args += ["--events", str(EVENTS), "--after", "2008-01-15-parliament-opens"]
    args += ["--parties", "odm,others", "--split", "99,111", "--start", "2007-12-27"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["violations"] == []
    assert [o["id"] for o in data["outcomes"]] == ["power_sharing"]
    assert data["rejections"].get("amendment_two_thirds", 0) > 0
    assert "136 votes" in data["abstraction"]["events"]["amendment_passed"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    enabled_sequences(
        DisputeModel(MODEL),
        max_size=10,
        domain=domain_for(compile_model(MODEL), events=load_event_log(EVENTS).events),
    )
)
def test_no_enabled_sequence_breaks_an_invariant(events: list[Event]) -> None:
    assert not replay(DisputeModel(MODEL), events).violations


def test_generated_sequences_reach_past_the_election() -> None:
    """Drawn from Kenya's own domain (ODM 99 of 210, from its log), not a 123-seat Cambodia:
    generated sequences get past the results to the later phases."""
    from hypothesis import find

    domain = domain_for(compile_model(MODEL), events=load_event_log(EVENTS).events)
    assert domain.parties == ("others", "odm") and domain.split == (111, 99)
    deep = find(
        enabled_sequences(compile_model(MODEL), max_size=10, domain=domain),
        lambda evs: replay(compile_model(MODEL), evs).final_phase in ("mediation", "settlement"),
        settings=settings(database=None, max_examples=500),
    )
    assert deep
