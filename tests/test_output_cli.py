"""The output layer's promises about the command line: every command has --json, and the JSON
of the commands it added or completed (derive, validate, schema) carries format_version."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from click.testing import CliRunner

from negotiation.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_has_json() -> None:
    for name, (module, _) in COMMANDS.items():
        importlib.import_module(module)
        options = {o for p in main.commands[name].params for o in getattr(p, "opts", [])}
        assert "--json" in options, name


def test_derive_json_matches_the_replay() -> None:
    r = CliRunner().invoke(main, ["derive", "--pack", "kenya-2007-2008", "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["format_version"] == 1 and data["events"] == 11
    moved = sum(c["count"] for c in data["phase_changes"])
    assert moved == len(data["observed_phases"]) - 1
    assert all(isinstance(c["events"], list) for c in data["phase_changes"])


def test_validate_and_schema_json(tmp_path: object) -> None:
    ok = CliRunner().invoke(main, ["validate", "--pack", "bangladesh-2014", "--json"])
    assert ok.exit_code == 0, ok.output
    data = json.loads(ok.output)
    assert data["ok"] is True and data["problems"] == [] and data["checked"]
    bad = CliRunner().invoke(main, ["validate", "nope.yaml", "--json"])
    assert bad.exit_code == 2
    schema = json.loads(CliRunner().invoke(main, ["schema", "events", "--json"]).output)
    assert schema["format_version"] == 1 and schema["schema"]["$id"].endswith("events.json")


def test_json_outputs_carry_a_format_version(tmp_path: object) -> None:
    for args in (
        ["replay", "--json"],
        ["run", str(ROOT / "scenarios" / "early_dissolution.yaml"), "--json"],
        ["coverage", str(ROOT / "scenarios" / "early_dissolution.yaml"), "--json"],
        ["graph", "--json"],
        ["packs", "--json"],
    ):
        r = CliRunner().invoke(main, args)
        assert r.exit_code in (0, 1), (args, r.output)
        assert isinstance(json.loads(r.output)["format_version"], int), args


def test_violations_is_a_list_wherever_it_appears() -> None:
    """One type per key: ``violations`` lists them (a step's, an exploration's); counts are
    ``violation_count``."""
    trace = json.loads(CliRunner().invoke(main, ["replay", "--json"]).output)
    assert isinstance(trace["violation_count"], int) and "violations" not in trace
    assert all(isinstance(s["violations"], list) for s in trace["steps"])
    found = json.loads(CliRunner().invoke(main, ["explore", "--max-depth", "2", "--json"]).output)
    assert isinstance(found["violations"], list)
