"""`events` says when there is nothing to list (a log without conflicts printed nothing at
all, as if the command had failed silently)."""

from __future__ import annotations

from click.testing import CliRunner

from negotiation.cli import main


def test_no_conflicts_is_said() -> None:
    result = CliRunner().invoke(main, ["events", "--pack", "sri-lanka-2018", "--conflicts"])
    assert result.exit_code == 0, result.output
    assert result.output == "no conflicts between the sources of 13 event(s)\n"


def test_the_records_conflicts_are_listed_as_before() -> None:
    result = CliRunner().invoke(main, ["events", "--conflicts"])
    assert result.exit_code == 0 and "no conflicts" not in result.output
