"""With ``--json`` among the arguments, the errors click raises before a command is known
(no such command, a bad option before the command's name, Ctrl-C while the command's module
loads) are one JSON object on stdout too, as every command's own errors are."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result

from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT, json_anywhere


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _error(result: Result, error: str) -> dict[str, object]:
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["error"] == error, data
    assert data["exit_code"] == result.exit_code, data
    assert data["problem_count"] == len(data["problems"]) == 1, data
    return dict(data["problems"][0])


@pytest.mark.parametrize(
    ("args", "path", "said"),
    [
        (["nosuch", "--json"], "", "No such command 'nosuch'"),
        (["--bogus", "run", "x", "--json"], "--bogus", "No such option '--bogus'"),
        (["--json"], "--json", "No such option '--json'"),
    ],
)
def test_a_usage_error_before_the_command_is_json_too(
    args: list[str], path: str, said: str
) -> None:
    plain = invoke(*[a for a in args if a != "--json"] or ["--bogus"])
    result = invoke(*args)
    assert result.exit_code == EXIT_INPUT == plain.exit_code, result.output
    problem = _error(result, "usage")
    assert problem["path"] == path and said in str(problem["message"]), problem
    assert problem["file"] is None, problem
    assert "Usage:" in result.stderr  # click's usage text is still there


@pytest.mark.parametrize("args", [["nosuch"], ["--bogus", "run", "x"], ["nosuch", "--", "--json"]])
def test_without_json_such_errors_print_nothing_on_stdout(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == EXIT_INPUT and result.stdout == "", result.output


def test_json_anywhere_stops_at_the_double_dash() -> None:
    assert json_anywhere(["x", "--json"])
    assert not json_anywhere(["x", "--", "--json"])
    assert not json_anywhere([])
