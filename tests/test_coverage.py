"""Coverage: which phases, transitions, rules and invariants the scenarios exercise."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from negotiation.cli import main
from negotiation.model.machine import DisputeModel
from negotiation.scenario import load_scenario_text, plan_scenario
from negotiation.scenario.coverage import measure, measure_files, overall_percent, transition_label

REPO = Path(__file__).resolve().parent.parent

INLINE = """
name: inline
events:
  - {id: a, kind: election_held, date: 2013-07-28}
  - {id: b, kind: results_announced, date: 2013-08-12,
     facts: {seats: {cpp: 68, cnrp: 55}, total_seats: 123}}
  - {id: c, kind: boycott, date: 2013-09-23, actors: [cnrp]}
  - {id: d, kind: assembly_convened, date: 2013-09-23}
"""


def cov(text: str) -> dict[str, object]:
    (c,) = measure(plan_scenario(load_scenario_text(text)))
    return c.to_json()


def test_phases_transitions_and_rules_evaluated_vs_rejecting() -> None:
    data = cov(INLINE)
    phases = data["phases"]
    assert isinstance(phases, dict)
    assert phases["exercised"] == ["campaign", "election_held", "assembly_convened"]
    rules_eval, rules_rej = data["rules_evaluated"], data["rules_rejecting"]
    assert isinstance(rules_eval, dict) and isinstance(rules_rej, dict)
    # the results' guards and the opening's guards ran; none rejected anything
    assert set(rules_eval["exercised"]) == {
        "assembly_min_size",
        "seats_match_total",
        "first_session_deadline",
        "first_session_quorum",
    }
    assert rules_rej["exercised"] == []
    transitions = data["transitions"]
    assert isinstance(transitions, dict) and len(transitions["exercised"]) == 4

    data = cov(INLINE + "interpretation: opposition_2013\n")
    rules_rej = data["rules_rejecting"]
    assert isinstance(rules_rej, dict) and rules_rej["exercised"] == ["first_session_quorum"]


def test_a_rule_after_a_failing_condition_is_not_evaluated() -> None:
    # the government cannot be formed before the Assembly sits: the state condition stops it
    # before the confidence vote is looked at
    text = INLINE.replace(
        "  - {id: d,", "  - {id: e, kind: government_formed, date: 2013-09-24}\n  - {id: d,"
    )
    data = cov(text)
    rules_eval = data["rules_evaluated"]
    assert isinstance(rules_eval, dict) and "confidence_vote" not in rules_eval["exercised"]


def test_invariants_count_when_hit_or_expected_violated() -> None:
    extra = """
disable_rules: [no_early_dissolution]
variations: [{insert: {event: {id: z, kind: assembly_dissolved, date: 2014-02-10}}}]
"""
    data = cov(INLINE + extra)
    invariants = data["invariants"]
    assert isinstance(invariants, dict) and invariants["exercised"] == ["no_early_dissolution"]
    data = cov(INLINE + "expect: {invariants: {violated: [seats_sum_to_total]}}\n")
    invariants = data["invariants"]
    assert isinstance(invariants, dict) and invariants["exercised"] == ["seats_sum_to_total"]


def test_transition_labels_and_the_table() -> None:
    model = DisputeModel()
    assert transition_label(model.spec, 0) == "#0 election_held: campaign -> election_held"
    (c,) = measure(plan_scenario(load_scenario_text(INLINE)))
    table = c.table()
    assert "phases" in table and "never exercised:" in table
    assert "rules that never rejected an event:" in table
    assert c.covered <= c.total and 0 < overall_percent([c]) < 100


def test_the_shipped_scenarios_cover_most_of_the_model() -> None:
    (c,) = measure_files([REPO / "scenarios"])
    rows = {r.name: r for r in c.rows()}
    assert rows["phases"].missed == ()
    assert rows["rules evaluated"].missed == ()
    assert c.percent >= 80


def test_coverage_command(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(INLINE)
    runner = CliRunner()
    res = runner.invoke(main, ["coverage", str(path)])
    assert res.exit_code == 0, res.output
    assert "model cambodia-2013: 1 scenario file(s), 1 run(s)" in res.output
    assert "total coverage:" in res.output
    res = runner.invoke(main, ["coverage", str(tmp_path), "--fail-under", "90"])
    assert res.exit_code == 1 and "FAIL: coverage" in res.output
    res = runner.invoke(main, ["coverage", str(tmp_path / "*.yaml"), "--json", "--fail-under", "1"])
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert data["passed"] is True and data["models"][0]["model"] == "cambodia-2013"
    assert {"phases", "transitions", "rules_evaluated", "rules_rejecting", "invariants"} <= set(
        data["models"][0]
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nexpect: {final_phase: nowhere}\n")
    res = runner.invoke(main, ["coverage", str(tmp_path)])
    assert res.exit_code == 2 and "unknown phase 'nowhere'" in res.output
