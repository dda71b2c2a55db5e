"""Scenario files: loading, variations, expectations, settings, errors, the run command, schema."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation._internal.paths import scenarios_dir
from negotiation.cli import main
from negotiation.cli.model import json_schema
from negotiation.errors import InputError
from negotiation.events import Event
from negotiation.model import DisputeModel
from negotiation.scenario import (
    Expect,
    LoadedScenario,
    Scenario,
    Variation,
    apply_variations,
    dump_scenario,
    failure_report,
    load_scenario,
    load_scenario_text,
    plan_scenario,
    run_scenario,
)
from negotiation.testing import enabled_sequences

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = REPO / "scenarios"
SCHEMA = REPO / "schema"

# A short record, inline (no corpus needed): the 2013 opening without the opposition.
INLINE = """
name: inline
events:
  - {id: a-election, kind: election_held, date: 2013-07-28}
  - {id: b-results, kind: results_announced, date: 2013-08-12,
     facts: {seats: {cpp: 68, cnrp: 55}, total_seats: 123}}
  - {id: c-boycott, kind: boycott, date: 2013-09-23, actors: [cnrp]}
  - {id: d-convened, kind: assembly_convened, date: 2013-09-23}
  - {id: e-government, kind: government_formed, date: 2013-09-24, facts: {votes_for: 68}}
"""


def scenario(extra: str = "", base: str = INLINE) -> LoadedScenario:
    return load_scenario_text(base + extra, "s.yaml")


def one(extra: str = "", base: str = INLINE) -> Any:
    (result,) = run_scenario(scenario(extra, base))
    return result


def problems(text: str) -> str:
    with pytest.raises(InputError) as exc:
        plan_scenario(load_scenario_text(text, "bad.yaml"))
    return str(exc.value)


# --- loading ---------------------------------------------------------------------------------
def test_loader_round_trip() -> None:
    for path in sorted(SCENARIOS.glob("*.yaml")):
        loaded = load_scenario(path)
        again = load_scenario_text(dump_scenario(loaded.scenario), "again.yaml")
        assert again.scenario == loaded.scenario, path.name


def test_old_minimal_format_is_still_valid() -> None:
    minimal = "name: old\nevents: builtin\nexpect: {accepted: all, invariants: hold}\n"
    (result,) = run_scenario(load_scenario_text(minimal))
    assert result.passed, result.failures


# --- variations ------------------------------------------------------------------------------
def ids(extra: str) -> list[str]:
    (cell,) = plan_scenario(scenario(extra))
    return [e.id for e in cell.events]


def test_drop_insert_move_swap_replace() -> None:
    assert ids("variations: [{drop: c-boycott}]") == [
        "a-election",
        "b-results",
        "d-convened",
        "e-government",
    ]
    assert ids("variations: [{drop: [a-election, b-results]}]")[0] == "c-boycott"
    ins = "variations: [{insert: {before: d-convened, event: {id: x, kind: protest, date: 2013-09-23}}}]"
    assert ids(ins).index("x") == 3
    at = "variations: [{insert: {at: 2013-09-01, event: {id: x, kind: protest, date: 2013-09-01}}}]"
    assert ids(at).index("x") == 2
    end = "variations: [{insert: {event: {id: x, kind: protest, date: 2014-01-01}}}]"
    assert ids(end)[-1] == "x"
    assert ids("variations: [{move: {event: c-boycott, after: d-convened}}]")[2:4] == [
        "d-convened",
        "c-boycott",
    ]
    assert ids("variations: [{swap: [a-election, e-government]}]")[0] == "e-government"
    rep = "variations: [{replace: {event: c-boycott, with: {id: y, kind: protest, date: 2013-09-23}}}]"
    assert ids(rep)[2] == "y"


def test_change_a_fact_keeps_the_others() -> None:
    (cell,) = plan_scenario(
        scenario("variations: [{change: {event: b-results, facts: {seats: {cnrp: 50}}}}]")
    )
    assert cell.events[1].facts.seats == {"cpp": 68, "cnrp": 50}
    # seats beyond the total are the model's to reject (seats_match_total), not an input error
    (cell,) = plan_scenario(
        scenario("variations: [{change: {event: b-results, facts: {seats: {cnrp: 63}}}}]")
    )
    assert cell.events[1].facts.seats == {"cpp": 68, "cnrp": 63}
    (cell,) = plan_scenario(
        scenario("variations: [{change: {event: b-results, set: {summary: changed}}}]")
    )
    assert cell.events[1].summary == "changed"


def test_shift_dates() -> None:
    (cell,) = plan_scenario(scenario("variations: [{shift: {from: d-convened, days: 45}}]"))
    assert [e.date.isoformat() for e in cell.events[3:]] == ["2013-11-07", "2013-11-08"]
    (cell,) = plan_scenario(scenario("variations: [{shift: {events: [a-election], months: 1}}]"))
    assert cell.events[1].date.isoformat() == "2013-08-28"  # its date's place: after b-results


def test_unknown_id_names_the_nearest_ids() -> None:
    text = problems(INLINE + "variations:\n  - drop: d-convend\n")
    assert "bad.yaml:11:5: variations[0].drop: unknown event id 'd-convend'" in text
    assert "did you mean 'd-convened'?" in text


def test_an_event_is_not_moved_against_or_swapped_with_itself() -> None:
    moved = problems(INLINE + "variations: [{move: {event: c-boycott, after: c-boycott}}]")
    assert "variations[0].move.after: an event cannot move after itself ('c-boycott')" in moved
    swapped = problems(INLINE + "variations: [{swap: [c-boycott, c-boycott]}]")
    assert "variations[0].swap[1]: swap needs two different events" in swapped


def test_insert_needs_a_new_slug_id() -> None:
    assert "already exists" in problems(
        INLINE
        + "variations: [{insert: {event: {id: d-convened, kind: protest, date: 2013-01-01}}}]"
    )
    assert "should match pattern" in problems(
        INLINE
        + "variations: [{insert: {event: {id: Not A Slug, kind: protest, date: 2013-01-01}}}]"
    )


def test_a_variation_has_exactly_one_operation() -> None:
    assert "exactly one operation" in problems(
        INLINE + "variations: [{drop: a-election, swap: [a-election, b-results]}]"
    )


def test_each_operation_is_one_registered_class() -> None:
    """A variation is one class in scenario/variations.py: registered by its key, a field of
    Variation (so, of the JSON Schema), and doing its work in its own apply or configure."""
    from negotiation.scenario import variations

    keys = list(variations.OPERATIONS)
    assert keys == [
        *("drop", "insert", "move", "swap", "replace", "change", "shift"),
        *("model", "profile", "interpretation", "disable_rules"),
    ]
    assert list(Variation.model_fields) == keys
    schema = json.loads((SCHEMA / "scenario.json").read_text())
    assert list(schema["$defs"]["Variation"]["properties"]) == keys
    assert variations.SETTING_OPS == ("model", "profile", "interpretation", "disable_rules")
    for key, operation in variations.OPERATIONS.items():
        if key in variations.SETTING_OPS:
            assert issubclass(operation, variations.Setting), key
        else:
            assert "apply" in vars(operation), key  # its own, not the base's do-nothing
    v = Variation.model_validate({"move": {"event": "b", "before": "a"}})
    assert isinstance(v.operation, variations.Move) and v.op == "move"
    assert isinstance(Variation(swap=("a", "b")).operation, variations.Swap)


def test_apply_variations_without_a_document() -> None:
    evs = [Event(id="a", kind="protest", date="2013-01-01")]
    with pytest.raises(InputError, match=r"variations\[0\]\.drop: unknown event id 'b'"):
        apply_variations(evs, [Variation(drop="b")])


# --- settings ---------------------------------------------------------------------------------
def test_interpretation_as_field_or_variation_is_one_mechanism() -> None:
    a = one("interpretation: opposition_2013\n")
    b = one("variations: [{interpretation: opposition_2013}]\n")
    assert a.trace == b.trace
    assert a.trace.step_for("d-convened").rejected_by == "first_session_quorum"


def test_matrix_cells_override_and_add_up() -> None:
    cells = run_scenario(
        scenario(
            """
interpretation: opposition_2013
expect: {rejected_by: {d-convened: first_session_quorum}}
matrix:
  - {name: inherit}
  - {name: government, interpretation: government_2013, expect: {accepted: all}}
  - name: no boycott
    variations: [{drop: c-boycott}]
    expect: {accepted: all, world: [members_present == 123]}
"""
        )
    )
    assert [(c.cell, c.passed) for c in cells] == [
        ("inherit", True),
        ("government", True),
        ("no boycott", True),
    ]
    assert cells[1].trace.interpretation == "government_2013"


def test_disable_rules_lets_invariants_catch_it() -> None:
    extra = """
disable_rules: [no_early_dissolution]
variations: [{insert: {event: {id: z, kind: assembly_dissolved, date: 2014-02-10}}}]
expect: {accepted: all, invariants: {violated: [no_early_dissolution]}}
"""
    result = one(extra)
    assert result.passed, result.failures


def test_unknown_settings_are_located() -> None:
    text = problems(INLINE + "interpretation: royalist\n")
    assert "bad.yaml:10:1: interpretation: unknown interpretation 'royalist'; known: " in text
    text = problems(INLINE + "matrix:\n  - {name: x, disable_rules: [no_such_rule]}\n")
    assert "matrix[0].disable_rules: unknown rule 'no_such_rule'" in text
    assert "file not found" in problems(INLINE + "model: nowhere.yaml\n")


# --- expectations -------------------------------------------------------------------------------
def test_every_expectation_kind_passes_on_the_record_start() -> None:
    result = one(
        """
expect:
  accepted: [a-election, '#1']
  rejected: []
  final_phase: boycott
  reached: [assembly_convened]
  not_reached: [royal_talks]
  world: [seats.cpp == 68, boycotting contains cnrp, total_seats >= 123, phase == boycott,
          government.votes_for > 62, term_end == 2018-09-23, dissolved_on == null]
  invariants: {hold: [no_early_dissolution]}
  min_conformance: 1
"""
    )
    assert result.passed, result.failures


def test_every_expectation_kind_can_fail() -> None:
    result = one(
        """
expect:
  accepted: all
  rejected: [a-election]
  rejected_by: {'#3': first_session_quorum}
  final_phase: breakdown
  reached: [royal_talks]
  not_reached: [boycott]
  world: [seats.cnrp > 60]
  invariants: {violated: [no_early_dissolution]}
  min_conformance: 1
""",
    )
    assert len(result.failures) == 7, result.failures  # every event was accepted here
    assert any("final phase breakdown, got boycott" in f for f in result.failures)
    result = one("interpretation: opposition_2013\nexpect: {accepted: all, min_conformance: 0.9}\n")
    assert len(result.failures) == 3, result.failures
    assert "step 3 d-convened was rejected by first_session_quorum" in result.failures[0]
    assert "conformance 0.600 is below 0.9" in result.failures[2]


@pytest.mark.parametrize(
    ("expect", "message"),
    [
        ("{rejected_by: {d-convend: first_session_quorum}}", "did you mean 'd-convened'?"),
        ("{rejected_by: {d-convened: quorum}}", "unknown rule 'quorum'"),
        ("{accepted: ['#9']}", "step #9 is past the last step (#4)"),
        ("{final_phase: boycot}", "unknown phase 'boycot'; did you mean 'boycott'?"),
        ("{not_reached: [nowhere]}", "unknown phase 'nowhere'"),
        ("{world: [seat.cpp == 1]}", "unknown world field 'seat'; did you mean 'seats'?"),
        ("{world: [seats.cpp is 68]}", "is not 'field op value'"),
        ("{invariants: {violated: [no_dissolution]}}", "unknown invariant 'no_dissolution'"),
        ("{min_conformance: 2}", "less than or equal to 1"),
    ],
)
def test_bad_expectations_are_located(expect: str, message: str) -> None:
    text = problems(INLINE + f"expect: {expect}\n")
    assert message in text
    assert re.search(r"bad\.yaml:\d+:\d+: expect", text), text


# --- malformed files ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty document, expected a scenario"),
        ("# only a comment\n", "empty document"),
        ("- a list\n", "expected a scenario (a mapping with at least 'name'), got a list"),
        ("name: [unclosed\n", "invalid YAML"),
        ("name: x\n  bad: indent\n", "invalid YAML"),
        ("description: no name\n", "name: required field is missing"),
        ("name: x\nexpect: {acepted: all}\n", "expect.acepted: unknown field"),
        ("name: x\nvarations: []\n", "varations: unknown field"),
        ("name: x\nexpect: {accepted: some}\n", "expect.accepted"),
        ("name: x\nvariations: {drop: a}\n", "variations: Input should be a list"),
        ("name: x\nmatrix: [{name: a}, {name: a}]\n", "cell names must be unique"),
        ("name: x\nevents: [{id: a, kind: elected, date: 2013-07-28}]\n", "events[0].kind"),
        ("name: x\nevents: [{id: a, kind: protest, date: 2013-02-30}]\n", "events[0].date"),
        ("name: x\nevents: missing.yaml\n", "event log"),
    ],
)
def test_malformed_files_give_a_located_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(InputError) as exc:
        plan_scenario(load_scenario(path))
    out = str(exc.value)
    assert message in out, out
    assert out.startswith(str(path)), out
    if text.strip() and not text.startswith("#"):
        assert re.match(rf"{re.escape(str(path))}:\d+(:\d+)?: ", out), out


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_scenario(path)
    with pytest.raises(InputError, match="file not found"):
        load_scenario(tmp_path / "nope.yaml")


# --- the shipped scenarios -------------------------------------------------------------------------
REQUIRED = [
    "cambodia_2013_2014.yaml",
    "early_dissolution.yaml",
    "cpp_alone_amends.yaml",
    "opposition_reading.yaml",
]


def test_at_least_twelve_shipped_scenarios_with_the_schema_comment() -> None:
    files = sorted(SCENARIOS.glob("*.yaml"))
    assert len(files) >= 12
    assert {f.name for f in files} >= set(REQUIRED)
    for f in files:
        assert f.read_text().startswith("# yaml-language-server: $schema=../schema/scenario.json")
    assert scenarios_dir().is_dir()


def test_the_required_scenarios_say_what_the_model_issue_asked() -> None:
    record = run_scenario(load_scenario(SCENARIOS / "cambodia_2013_2014.yaml"))[0]
    assert record.passed and record.trace.conformance == 1.0 and not record.trace.violations
    (early,) = run_scenario(load_scenario(SCENARIOS / "early_dissolution.yaml"))
    step = early.trace.step_for("2014-02-10-assembly-dissolved")
    assert step is not None and step.rejected_by == "no_early_dissolution"
    (cpp,) = run_scenario(load_scenario(SCENARIOS / "cpp_alone_amends.yaml"))
    assert [s.rejected_by for s in cpp.trace.steps if not s.accepted] == ["amendment_two_thirds"]
    cells = {c.cell: c for c in run_scenario(load_scenario(SCENARIOS / "opposition_reading.yaml"))}
    assert cells["government_2013"].trace.step_for("2013-09-23-assembly-convened").accepted  # type: ignore[union-attr]
    step = cells["opposition_2013"].trace.step_for("2013-09-23-assembly-convened")
    assert step is not None and step.rejected_by == "first_session_quorum"
    assert all(c.passed for c in cells.values())


# --- the run command ---------------------------------------------------------------------------------
def test_run_json_junit_and_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(INLINE + "expect: {accepted: all}\n")
    bad = tmp_path / "sub" / "bad.yaml"
    bad.parent.mkdir()
    bad.write_text(INLINE + "expect: {final_phase: breakdown}\n")
    runner = CliRunner()
    res = runner.invoke(main, ["run", str(good), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert (data["passed"], data["failed"]) == (1, 0)
    r = data["results"][0]
    assert {"scenario", "cell", "file", "passed", "failures", "trace"} <= set(r)
    junit = tmp_path / "junit.xml"
    res = runner.invoke(main, ["run", str(tmp_path), "--junit", str(junit)])
    assert res.exit_code == 1, res.output
    assert "1 passed, 1 failed" in res.output
    assert "expected final phase breakdown, got boycott" in res.output
    assert 'failures="1"' in junit.read_text()
    res = runner.invoke(main, ["run", str(tmp_path / "**" / "*.yaml"), "-q"])
    assert res.exit_code == 1 and "1 passed, 1 failed" in res.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: x\nexpect: {final_phase: nowhere}\n")
    res = runner.invoke(main, ["run", str(broken)])
    assert res.exit_code == 2
    assert f"{broken}:2:" in res.output and "unknown phase 'nowhere'" in res.output
    res = runner.invoke(main, ["run", str(tmp_path / "*.nothing")])
    assert res.exit_code == 2 and "no file matches" in res.output


def test_failure_report_shows_changes_and_sources() -> None:
    extra = "expect: {rejected_by: {2013-09-23-assembly-convened: first_session_quorum}}\n"
    (result,) = run_scenario(load_scenario_text("name: r\n" + extra))
    report = failure_report(result)
    assert "expected 2013-09-23-assembly-convened to be rejected by first_session_quorum" in report
    assert "assembly: elected -> convened" in report  # only the changed fields
    assert "sources of the events involved:" in report
    assert "2013-09-23-assembly-convened:" in report and "[00" in report  # article id + quote


# --- schema -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["scenario", "model", "events", "profile"])
def test_shipped_schema_files_are_current(kind: str) -> None:
    res = CliRunner().invoke(main, ["schema", kind])
    assert res.exit_code == 0
    shipped = (SCHEMA / f"{kind}.json").read_text()
    # regenerate with: negotiation schema KIND > schema/KIND.json
    assert shipped == res.output, f"schema/{kind}.json is stale: negotiation schema {kind} --out"


def test_scenario_schema_is_a_valid_json_schema() -> None:
    schema = json_schema("scenario")
    assert schema["$schema"].endswith("2020-12/schema") and schema["type"] == "object"
    assert schema["required"] == ["name"] and schema["additionalProperties"] is False
    refs = set(re.findall(r'"\$ref": "#/\$defs/(\w+)"', json.dumps(schema)))
    assert refs <= set(schema["$defs"])
    assert {"Variation", "Expect", "Cell", "Event"} <= set(schema["$defs"])
    try:
        import jsonschema  # type: ignore[import-untyped]
    except ImportError:
        return
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in SCENARIOS.glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        validator.validate(json.loads(json.dumps(data, default=str)))


# --- generated scenarios never crash the runner -----------------------------------------------------
MODEL = DisputeModel()
PHASES = MODEL.spec.phase_ids()


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    events = draw(enabled_sequences(MODEL, max_size=8))
    ids = [e.id for e in events] or ["none"]
    pick = st.sampled_from(ids)
    ops = st.one_of(
        pick.map(lambda i: {"drop": i}),
        st.tuples(pick, pick).map(lambda p: {"swap": list(p)}),
        st.tuples(pick, pick).map(lambda p: {"move": {"event": p[0], "after": p[1]}}),
        st.tuples(pick, st.integers(-400, 400)).map(
            lambda p: {"shift": {"events": [p[0]], "days": p[1]}}
        ),
        st.tuples(pick, st.sampled_from([0, 41, 68, 82, 123])).map(
            lambda p: {"change": {"event": p[0], "facts": {"votes_for": p[1]}}}
        ),
        st.sampled_from(["government_2013", "opposition_2013", "arithmetic_majority"]).map(
            lambda i: {"interpretation": i}
        ),
    )
    expect = {
        "accepted": draw(st.sampled_from(["all", [ids[0]]])),
        "final_phase": draw(st.sampled_from(PHASES)),
        "not_reached": draw(st.lists(st.sampled_from(PHASES), max_size=2)),
        "world": draw(st.lists(st.sampled_from(["seats.cpp >= 60", "agreements == 0"]))),
        "invariants": "hold",
    }
    data = {
        "name": "generated",
        "events": [e.model_dump(mode="json") for e in events],
        "variations": draw(st.lists(ops, max_size=3)),
        "expect": expect,
    }
    return Scenario.model_validate(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_generated_scenarios_never_crash_the_runner(sc: Scenario) -> None:
    text = dump_scenario(sc)
    loaded = load_scenario_text(text, "generated.yaml")
    assert loaded.scenario == sc
    try:
        results = run_scenario(loaded)
    except InputError as exc:  # e.g. an id dropped by an earlier variation
        assert all(p.message for p in exc.problems)
        assert all(str(p).startswith("generated.yaml") for p in exc.problems)
        return
    for r in results:
        assert r.trace.total == len(r.events)
        assert isinstance(r.failures, list)
        failure_report(r)


def test_expect_defaults_are_empty() -> None:
    assert Expect() == Expect.model_validate({})


def test_a_log_is_read_again_when_a_file_beside_it_changed(tmp_path: Path) -> None:
    """A long-lived process (a notebook, a server) sees an edited actors file beside the log a
    scenario starts from: the cache of logs is keyed on them too, not on the log alone."""
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    for f in seeds.iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    scenario = tmp_path / "s.yaml"
    scenario.write_text("name: s\nevents: events.yaml\n")
    (first,) = run_scenario(load_scenario(scenario))
    assert len(first.trace.steps) == 42
    actors = tmp_path / "actors.yaml"
    actors.write_text(actors.read_text().replace("id: cnrp", "id: cnrp-renamed"))
    with pytest.raises(InputError, match="cnrp"):
        run_scenario(load_scenario(scenario))


def test_final_phase_may_name_the_state_of_each_region(tmp_path: Path) -> None:
    what_if = tmp_path / "what_if.yaml"
    runner = CliRunner()

    def run(final: str) -> Any:
        what_if.write_text(
            f"name: the record\npack: thailand-2013-2014\nexpect:\n  final_phase: {final}\n",
            encoding="utf-8",
        )
        return runner.invoke(main, ["run", str(what_if)])

    assert run("{house: suspended, government: ousted}").exit_code == 0
    failed = run("{house: suspended, street: calm}")
    assert failed.exit_code == 1
    assert "expected final phase street=calm" in failed.output
    assert "expected final phase house=suspended" not in failed.output
    unknown = run("{assembly: convened}")
    assert unknown.exit_code == 2
    assert "what_if.yaml:4:17: expect.final_phase.assembly: unknown phase" in unknown.output
