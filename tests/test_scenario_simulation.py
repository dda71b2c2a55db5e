"""Claims on a simulation in scenario files: statistical tests with a stated error rate."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from negotiation.cli import main
from negotiation.errors import InputError
from negotiation.scenario import load_scenario_text, plan_scenario, run_cell
from negotiation.scenario.simulation import Claim, ClaimResult, parse_claim, z_of
from negotiation.simulate import wilson

REPO = Path(__file__).resolve().parent.parent
PACK = "pack: cambodia-2013-2017\n"
SETTINGS = "simulation: {policy: talks-first, runs: 300, seed: 11, horizon: 730}\n"


def scenario(body: str, tmp_path: Path, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text("name: a what-if over distributions\n" + body)
    return path


def run(*args: str) -> tuple[int, str]:
    out = CliRunner().invoke(main, ["run", *args])
    return out.exit_code, out.output


def test_shipped_distribution_scenario_passes() -> None:
    code, text = run(
        "-q",
        str(
            REPO
            / "negotiation/data/packs/cambodia-2013-2017/scenarios/talks_first_distribution.yaml"
        ),
    )
    assert code == 0, text
    assert "3 passed, 0 failed" in text
    assert "p(opposition_seated) >= 0.4 within 365 days: p = " in text


def test_a_false_claim_fails_with_its_interval(tmp_path: Path) -> None:
    claims = "expect: {simulation: ['p(opposition_seated) >= 0.9 within 365 days']}\n"
    code, text = run(str(scenario(PACK + SETTINGS + claims, tmp_path)))
    assert code == 1, text
    assert "expected p(opposition_seated) >= 0.9 within 365 days: " in text
    assert "95% Wilson interval [" in text and "lies wholly below 0.9" in text
    assert "the simulation:" in text  # the report shows the distribution


def test_json_result_carries_the_claims_and_is_reproducible(tmp_path: Path) -> None:
    claims = (
        "expect: {simulation: ['p(settlement) > 10%', 'p(participation.cnrp=dissolved) <= 0']}\n"
    )
    path = scenario(PACK + SETTINGS + claims, tmp_path)
    first = CliRunner().invoke(main, ["run", "--json", str(path)])
    again = CliRunner().invoke(main, ["run", "--json", str(path)])
    assert first.exit_code == 0, first.output
    sim = json.loads(first.output)["results"][0]["simulation"]
    assert sim == json.loads(again.output)["results"][0]["simulation"]
    assert sim["runs"] == 300 and sim["seed"] == 11 and sim["policy"] == "talks-first"
    assert [c["passed"] for c in sim["claims"]] == [True, True]
    assert sim["claims"][0]["n"] == sim["outcomes"]["settlement"]["n"]


def test_matrix_cells_override_settings_key_by_key(tmp_path: Path) -> None:
    body = (
        "name: cells\n"
        + PACK
        + SETTINGS
        + "expect: {simulation: ['p(settlement) >= 0']}\n"
        + "matrix:\n  - name: plain\n  - name: heavier\n"
        + "    simulation: {weights: {settlement: 3}, seed: 12}\n"
    )
    plain, heavier = plan_scenario(load_scenario_text(body, base_dir=tmp_path))
    assert plain.simulation is not None and heavier.simulation is not None
    assert (plain.simulation.job.seed, heavier.simulation.job.seed) == (11, 12)
    assert heavier.simulation.runs == 300  # from the scenario's settings
    a, b = run_cell(plain), run_cell(heavier)
    assert a.claims and b.claims
    assert b.claims[0].p > a.claims[0].p  # settlement three times as likely


MALFORMED = [
    (
        SETTINGS + "expect: {simulation: ['p(settlement) => 0.5']}\n",
        ":4:",
        "is not 'p(OUTCOME) OP SHARE [within N days]'",
    ),
    (SETTINGS + "expect: {simulation: ['p(settlement) >= 1.5']}\n", ":4:", "above 1"),
    (
        SETTINGS + "expect: {simulation: ['p(setlement) >= 0.5']}\n",
        ":4:",
        "unknown outcome 'setlement'; did you mean 'settlement'?",
    ),
    (
        "simulation: {policy: talks-first, runs: 10}\nexpect: {simulation: ['p(settlement) >= 0']}\n",
        ":3:1:",
        "need its seed stated",
    ),
    (
        "expect: {simulation: ['p(settlement) >= 0']}\n",
        ":3:",
        "need its policy, runs, seed stated",
    ),
    (
        "simulation: {policy: talks-frist, runs: 10, seed: 1}\n"
        "expect: {simulation: ['p(settlement) >= 0']}\n",
        ":3:",
        "unknown policy 'talks-frist'; did you mean 'talks-first'?",
    ),
    (
        SETTINGS + "expect: {simulation: ['p(settlement) >= 0.5 within 800 days']}\n",
        ":4:",
        "past the simulation's horizon (730 days)",
    ),
    (
        "simulation: {policy: talks-first, runs: 10, seed: 1, weights: {setlement: 2}}\n"
        "expect: {simulation: ['p(settlement) >= 0']}\n",
        ":3:",
        "unknown event kind 'setlement'",
    ),
    (
        "simulation: {policy: empirical, runs: 10, seed: 1, from: nope}\n"
        "expect: {simulation: ['p(settlement) >= 0']}\n",
        ":3:",
        "simulation.from: unknown event 'nope'",
    ),
    (
        "simulation: {policy: empirical, runs: 0, seed: -1, confidence: 1}\n",
        ":3:",
        "simulation.runs",
    ),
]


@pytest.mark.parametrize(("body", "where", "message"), MALFORMED)
def test_malformed_claims_and_settings_exit_2_located(
    tmp_path: Path, body: str, where: str, message: str
) -> None:
    path = scenario(PACK + body, tmp_path)
    code, text = run(str(path))
    assert code == 2, text
    assert f"{path}{where}" in text, text
    assert message in text, text


def test_a_policy_file_problem_is_reported_in_that_file(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("id: mine\nactors:\n  - actor: cpp\n    rules: oops\n")
    body = "simulation: {policy: mine.yaml, runs: 10, seed: 1}\nexpect: {simulation: ['p(settlement) >= 0']}\n"
    code, text = run(str(scenario(PACK + body, tmp_path)))
    assert code == 2 and f"{tmp_path / 'mine.yaml'}:4:" in text, text


def test_claims_parse() -> None:
    assert parse_claim(" p( talks=settled ) < 5% ") == Claim(
        "p( talks=settled ) < 5%", "talks=settled", "<", 0.05
    )
    assert parse_claim("p(x) >= 0.25 within 1 day").within == 1
    with pytest.raises(ValueError):
        parse_claim("p(x) = 0.5")


@given(
    st.integers(0, 400), st.integers(0, 400), st.floats(0, 1), st.sampled_from([0.8, 0.95, 0.99])
)
def test_a_claim_fails_only_when_the_interval_is_wholly_on_the_wrong_side(
    k: int, extra: int, share: float, confidence: float
) -> None:
    n = k + extra
    low, high = wilson(k, n, z_of(confidence))
    for op in (">=", ">", "<=", "<"):
        verdict = ClaimResult(Claim("c", "x", op, share), k, n, low, high, confidence).passed
        refuted = {">=": high < share, ">": high <= share, "<=": low > share, "<": low >= share}
        assert verdict is not refuted[op]


@pytest.mark.parametrize("share", [0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98])
def test_a_true_claim_fails_for_few_seeds(share: float) -> None:
    """The stated error rate, computed exactly: with 1000 runs, a claim p >= s (or p <= s)
    whose outcome has probability exactly s fails with probability at most 3.5% at 95%."""
    n, z = 1000, z_of(0.95)
    pmf = [math.comb(n, k) * share**k * (1 - share) ** (n - k) for k in range(n + 1)]
    below = sum(p for k, p in enumerate(pmf) if wilson(k, n, z)[1] < share)
    above = sum(p for k, p in enumerate(pmf) if wilson(k, n, z)[0] > share)
    assert below <= 0.035 and above <= 0.035


def test_plan_refuses_claims_without_settings_in_python() -> None:
    with pytest.raises(InputError, match="need its policy, runs, seed stated"):
        plan_scenario(
            load_scenario_text(PACK + "name: x\nexpect: {simulation: ['p(settlement) >= 0']}\n")
        )


pytest_plugins = ["pytester"]


def test_claims_run_as_pytest_items(pytester: pytest.Pytester) -> None:
    pytester.makepyprojecttoml(
        '[tool.pytest.ini_options]\nnegotiation_scenario_glob = ["scenarios/*.yaml"]\n'
    )
    (pytester.path / "scenarios").mkdir()
    good = "expect: {simulation: ['p(opposition_seated) >= 0.3 within 365 days']}\n"
    bad = "expect: {simulation: ['p(opposition_seated) >= 0.9 within 365 days']}\n"
    for name, claims in (("good", good), ("bad", bad)):
        scenario(PACK + SETTINGS + claims, pytester.path / "scenarios", f"{name}.yaml")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*lies wholly below 0.9*"])
