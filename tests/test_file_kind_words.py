"""An empty or wrong-shaped file is named by what it should be, in words ('an event log (a
mapping with 'events')'), not by a Python class ('a EventLog', 'a ActorsFile')."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from negotiation.cli import main


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["events", "{f}"], "expected an event log (a mapping with keys among"),
        (["replay", "--profile", "{f}"], "expected a profile (a mapping with 'id',"),
        (["simulate", "--policy", "{f}", "--runs", "2"], "expected a policy file (a mapping"),
        (["sweep", "{f}"], "expected a sweep file (a mapping with 'sweep'"),
        (
            ["extract", "{t}", "--actors", "{f}", "--published", "2016-01-01"],
            "expected an actors file (a mapping with keys among 'actors'",
        ),
    ],
)
@pytest.mark.parametrize("content", ["", "- a list\n"])
def test_a_file_of_the_wrong_shape_is_named_in_words(
    tmp_path: Path, args: list[str], expected: str, content: str
) -> None:
    f = tmp_path / "f.yaml"
    f.write_text(content, encoding="utf-8")
    t = tmp_path / "t.txt"
    t.write_text("The opposition boycotted parliament on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, [a.format(f=f, t=t) for a in args])
    assert result.exit_code == 2, result.output
    if not content:
        assert f"empty document, {expected}" in result.output, result.output
    else:  # "expected a mapping of keys (an event log, with 'events'), got a list"
        noun = expected.removeprefix("expected ").split(" (")[0]
        assert f"expected a mapping of keys ({noun}, with " in result.output, result.output
    assert "EventLog" not in result.output and "File)" not in result.output


def test_a_scenario_of_plain_text_says_text(tmp_path: Path) -> None:
    f = tmp_path / "s.yaml"
    f.write_text('"just text"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(f)])
    assert result.exit_code == 2, result.output
    assert "expected a scenario (a mapping with at least 'name'), got text" in result.output
    f.write_text("12\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(f)])
    assert "got a number" in result.output, result.output
