"""Every exception that reaches the command line is a NegotiationError (``error:`` lines, exit
2) or a click usage error naming the flag (exit 2); anything else would be a bug."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT, CommandGroup
from negotiation.errors import InputError, ModelError, NegotiationError, Problem, RuleError


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def assert_reported(result: Result) -> None:
    """Exit 2, through SystemExit (click's or ours), never another exception."""
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == EXIT_INPUT, result.output
    assert "Traceback" not in result.output


def test_the_error_tree() -> None:
    assert issubclass(InputError, NegotiationError)
    assert issubclass(ModelError, NegotiationError)
    assert issubclass(RuleError, ModelError)
    error = InputError(Problem("s.yaml", "bad date", line=3, column=5, path="events[0].date"))
    assert str(error) == "s.yaml:3:5: events[0].date: bad date"


@pytest.mark.parametrize(
    ("args", "flag", "message"),
    [
        (("explore", "--split", "68,x"), "'--split'", "expected two whole numbers like 68,55"),
        (("explore", "--split", "1,2,3"), "'--split'", "got '1,2,3'"),
        (("explore", "--split", "-1,5"), "'--split'", "got '-1,5'"),
        (("explore", "--parties", "odm"), "'--parties'", "expected two party ids like odm,pnu"),
        (("explore", "--parties", "odm,"), "'--parties'", "got 'odm,'"),
        (
            ("explore", "--after", "2013-07-28-election", "--max-depth", "0"),
            "'--after'",
            "unknown event '2013-07-28-election'; did you mean '2013-07-28-election-held'?",
        ),
        (
            ("explore", "--interpretation", "royalist"),
            "'--interpretation'",
            "unknown interpretation 'royalist'; known: arithmetic_majority, government_2013",
        ),
        (
            ("replay", "--interpretation", "opposition_2031"),
            "'--interpretation'",
            "did you mean 'opposition_2013'?",
        ),
        (("derive", "--interpretation", "x"), "'--interpretation'", "unknown interpretation"),
        (("coverage", "scenarios", "--fail-under", "120"), "'--fail-under'", "120"),
    ],
)
def test_bad_flags_are_usage_errors_that_name_the_flag(
    args: tuple[str, ...], flag: str, message: str
) -> None:
    result = invoke(*args)
    assert_reported(result)
    assert f"Invalid value for {flag}" in result.output
    assert message in result.output
    assert "Usage: " in result.output
    assert "<input>" not in result.output


def test_the_group_reports_any_negotiation_error_from_any_command() -> None:
    @click.group(cls=CommandGroup)
    def group() -> None:
        pass

    @group.command()
    def broken() -> None:  # no decorator: the group catches it
        raise RuleError("rule no_early_dissolution: world has no term end")

    @group.command()
    def bug() -> None:
        raise KeyError("a bug")

    result = CliRunner().invoke(group, ["broken"])
    assert_reported(result)
    assert result.output == "error: rule no_early_dissolution: world has no term end\n"
    result = CliRunner().invoke(group, ["bug"])
    assert isinstance(result.exception, KeyError)  # a bug is not dressed up as bad input


# --- whatever the files hold ----------------------------------------------------------------
SCENARIO_KEYS = ["name", "events", "variations", "expect", "matrix", "model", "interpretation"]
OPERATIONS = ["drop", "insert", "move", "swap", "replace", "change", "shift", "disable_rules"]
leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 200),
    st.sampled_from(["2013-07-28-election-held", "#1", "#²", "all", "boycott", "2014-02-30"]),
    st.text(max_size=8),
)
values = st.recursive(
    leaf,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from([*OPERATIONS, "event", "at", "id", "kind"]), inner, max_size=3
        )
    ),
    max_leaves=8,
)
documents = st.dictionaries(st.sampled_from(SCENARIO_KEYS), values, max_size=5)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents)
def test_any_scenario_file_runs_or_is_reported(tmp_path: Path, document: dict[str, object]) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    for args in (("run", "-q", str(path)), ("validate", str(path))):
        result = invoke(*args)
        assert isinstance(result.exception, SystemExit) or result.exception is None, (
            args,
            result.exception,
        )
        assert result.exit_code in (0, 1, 2), result.output
        assert "Traceback" not in result.output
