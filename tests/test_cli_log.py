"""The event log is passed one way on every command that reads one: a positional ``[LOG]``;
the flags older releases took (``events --log``, ``explore --events``) are hidden aliases."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from negotiation.cli import main
from negotiation.cli.model import json_schema

KENYA = Path(__file__).resolve().parent.parent / "negotiation/data/packs/kenya-2007-2008"
LOG = str(KENYA / "events.yaml")
KENYA_MODEL = ["--model", str(KENYA / "model.yaml"), "--profile", str(KENYA / "profile.yaml")]

COMMANDS = {
    "replay": ["replay", *KENYA_MODEL],
    "derive": ["derive", *KENYA_MODEL],
    "events": ["events"],
    "explore": ["explore", *KENYA_MODEL, "--max-depth", "1"],
    "export": ["export", "--format", "csv"],
    "simulate": ["simulate", *KENYA_MODEL, "--runs", "20", "--seed", "1"],
}


def _run(args: list[str], tmp_path: Path) -> tuple[int, str]:
    if "export" in args:
        args = [*args, "--out", str(tmp_path / "out.csv")]
    result = CliRunner().invoke(main, [*args, "--json"])
    return result.exit_code, result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_takes_the_log_as_its_argument(name: str, tmp_path: Path) -> None:
    code, out = _run([*COMMANDS[name], LOG], tmp_path)
    assert code in (0, 1), out  # 1: a replay or exploration that found something to report
    assert "kenya" in out.lower() or "odinga" in out.lower(), out
    help_text = CliRunner().invoke(main, [COMMANDS[name][0], "--help"]).output
    assert "[LOG]" in help_text.split("\n", 1)[0]


@pytest.mark.parametrize(
    ("name", "alias"), [("events", "--log"), ("explore", "--events"), ("simulate", "--events")]
)
def test_the_older_flags_still_work_and_not_with_log(name: str, alias: str, tmp_path: Path) -> None:
    by_flag = _run([*COMMANDS[name], alias, LOG], tmp_path)
    by_argument = _run([*COMMANDS[name], LOG], tmp_path)
    assert by_flag[0] == by_argument[0]
    twice = CliRunner().invoke(main, [*COMMANDS[name], LOG, alias, LOG])
    assert twice.exit_code == 2
    assert "given twice" in twice.output


def test_what_events_json_prints_is_a_log_every_command_takes(tmp_path: Path) -> None:
    """`events --json` prints the log with a format_version; read back, it is the same log."""
    for name in ("actors.yaml", "articles.yaml"):
        shutil.copy(KENYA / name, tmp_path / name)
    for text in KENYA.glob("*.txt"):
        shutil.copy(text, tmp_path / text.name)
    printed = CliRunner().invoke(main, ["events", LOG, "--json"])
    assert printed.exit_code == 0, printed.output
    log = tmp_path / "log.json"
    log.write_text(printed.output)
    again = CliRunner().invoke(main, ["events", str(log), "--json"])
    assert again.exit_code == 0, again.output
    assert again.output == printed.output
    replayed = _run([*COMMANDS["replay"], str(log)], tmp_path)
    assert replayed == _run([*COMMANDS["replay"], LOG], tmp_path)
    # the JSON Schema editors use says so
    assert json_schema("events")["properties"]["format_version"]["const"] == 1
    # another version is refused at its line
    log.write_text(printed.output.replace('"format_version": 1', '"format_version": 2', 1))
    refused = CliRunner().invoke(main, ["events", str(log)])
    assert refused.exit_code == 2, refused.output
    assert f"{log}:2:3: format_version: format_version 2:" in refused.output
