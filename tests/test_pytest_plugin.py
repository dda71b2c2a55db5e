"""The pytest plugin: scenario files (and matrix cells) collected and run as test items."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiation.pytest_plugin import matches
from negotiation.scenario import load_scenario_text, plan_scenario

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parent.parent
OPT_IN = '[tool.pytest.ini_options]\nnegotiation_scenario_glob = ["scenarios/**/*.yaml", "scenarios/**/*.yml"]\n'

RECORD = "name: the record\nexpect: {accepted: all, invariants: hold}\n"
MATRIX = """
name: opening
matrix:
  - {name: government, interpretation: government_2013, expect: {accepted: all}}
  - name: opposition
    interpretation: opposition_2013
    expect: {rejected_by: {2013-09-23-assembly-convened: first_session_quorum}}
"""
FAILING = """
name: wrong about the opening
expect:
  rejected_by: {2013-09-23-assembly-convened: first_session_quorum}
"""


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    # pytester keeps modules imported before a run: load the built-in log once, not per run
    plan_scenario(load_scenario_text("name: warm"))


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyprojecttoml(OPT_IN)
    (pytester.path / "scenarios").mkdir()
    return pytester


def test_off_until_a_project_opts_in(pytester: pytest.Pytester) -> None:
    # another project's own scenarios/ (load tests, say) is none of the plugin's business
    pytester.makepyprojecttoml("[tool.pytest.ini_options]\n")
    write(pytester, "scenarios/load.yaml", "users: 100\nramp: [1, 2\n")
    write(pytester, "scenarios/record.yaml", RECORD)
    pytester.makepyfile(test_it="def test_it():\n    pass\n")
    pytester.runpytest().assert_outcomes(passed=1)


def write(pytester: pytest.Pytester, rel: str, text: str) -> Path:
    path = pytester.path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_each_scenario_and_each_cell_is_an_item(project: pytest.Pytester) -> None:
    write(project, "scenarios/record.yaml", RECORD)
    write(project, "scenarios/nested/opening.yml", MATRIX)
    result = project.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines(
        [
            "scenarios/nested/opening.yml::opening[[]government[]]",
            "scenarios/nested/opening.yml::opening[[]opposition[]]",
            "scenarios/record.yaml::the record",
            "3 tests collected*",
        ]
    )
    project.runpytest().assert_outcomes(passed=3)


def test_other_yaml_files_are_not_collected(project: pytest.Pytester) -> None:
    write(project, "scenarios/record.yaml", RECORD)
    write(project, "seeds/events.yaml", "dispute: x\nevents: []\n")
    write(project, "tests/data/whatever.yaml", "- not a scenario\n")
    write(project, "negotiation/data/models/m.yaml", "id: m\n")
    # an event log a scenario reads, beside it: not a scenario
    write(project, "scenarios/logs/mine.yaml", "dispute: x\nevents: []\n")
    write(project, "scenarios/model.yaml", "id: m\ninitial: a\nphases: []\n")
    project.runpytest().assert_outcomes(passed=1)
    # but a scenario with a misspelt key is still collected, and reported
    write(project, "scenarios/typo.yaml", "nmae: x\nexpect: {accepted: all}\n")
    result = project.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*scenarios/typo.yaml:1:1: nmae: unknown field*"])


def test_the_file_pattern_is_configurable(project: pytest.Pytester) -> None:
    project.makepyprojecttoml(
        '[tool.pytest.ini_options]\nnegotiation_scenario_glob = ["what_ifs/*.yaml"]\n'
    )
    write(project, "scenarios/record.yaml", RECORD)
    write(project, "what_ifs/one.yaml", RECORD.replace("the record", "what if"))
    result = project.runpytest("-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*what_ifs/one.yaml::what if PASSED*"])


def test_a_file_named_on_the_command_line_is_collected(project: pytest.Pytester) -> None:
    path = write(project, "elsewhere/mine.yaml", RECORD)
    project.runpytest(str(path)).assert_outcomes(passed=1)


def test_malformed_scenario_is_a_located_collection_error(project: pytest.Pytester) -> None:
    write(project, "scenarios/bad.yaml", "name: bad\nvariations:\n  - drop: 2013-09-23-assembly\n")
    write(project, "scenarios/empty.yaml", "")
    result = project.runpytest()
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(
        [
            "*ERROR collecting scenarios/bad.yaml*",
            "invalid scenario file: 1 problem(s)",
            "*scenarios/bad.yaml:3:5: variations[[]0[]].drop: unknown event id '2013-09-23-assembly';"
            " did you mean '2013-09-23-assembly-convened'*",
            "*scenarios/empty.yaml:1:1: empty document, expected a scenario*",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_failure_shows_expectations_diff_and_citations(project: pytest.Pytester) -> None:
    write(project, "scenarios/failing.yaml", FAILING)
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    assert "expectations not met:" in out
    assert "expected 2013-09-23-assembly-convened to be rejected by first_session_quorum" in out
    # only what changed at each step
    result.stdout.fnmatch_lines(
        [
            "*#19 * 2013-09-23-assembly-convened*royal_talks -> assembly_convened  accepted",
            "*assembly: elected -> convened; convened_on: - -> 2013-09-23*",
        ]
    )
    assert "track: none -> none" not in out
    # the citations of the event involved: article id and quote
    result.stdout.fnmatch_lines(
        ["sources of the events involved:", "*#19 2013-09-23-assembly-convened:"]
    )
    assert "    [00" in out


def test_the_shipped_scenarios_pass_as_tests(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest(
        str(REPO / "scenarios"),
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        f"negotiation_scenario_glob={(REPO / 'scenarios').as_posix()}/*.yaml",
    )
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) >= 12 and "failed" not in outcomes and "errors" not in outcomes


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("scenarios/a.yaml", True),
        ("scenarios/x/y/a.yaml", True),
        ("scenarios/a.yml", True),
        ("seeds/events.yaml", False),
        ("tests/data/scenarios.yaml", False),
        ("other/scenarios/a.yaml", False),
    ],
)
def test_glob_matching(path: str, expected: bool) -> None:
    assert matches(path, ["scenarios/**/*.yaml", "scenarios/**/*.yml"]) is expected
