"""Commands on a pack or a new dispute's own files, as a new user runs them: coverage and
replay by pack, a sweep's log, interpretations, rejected_by, explore's parties, events with no
conflicts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from negotiation._internal import paths
from negotiation.cli import main

# `coverage --pack ID` measures the pack's scenarios, as `run --pack ID` runs them (it was 'No such
# option: --pack').


def test_coverage_takes_a_pack() -> None:
    result = CliRunner().invoke(main, ["coverage", "--pack", "sri-lanka-2018", "--json"])
    assert result.exit_code == 0, result.output
    by_pack = json.loads(result.stdout)
    folder = paths.data_dir() / "packs" / "sri-lanka-2018" / "scenarios"
    result = CliRunner().invoke(main, ["coverage", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == by_pack
    assert "give scenario" in CliRunner().invoke(main, ["coverage"]).output
    assert CliRunner().invoke(main, ["coverage"]).exit_code == 2


# A log replayed without --pack is replayed against the built-in model; when it sits in a pack's
# folder and is of another dispute, the warning says which pack it belongs to and how to use it (a
# new user's `negotiation replay mypack/events.yaml` met only the built-in model's 'no transition
# for event kind(s)' error).


def test_a_log_in_a_pack_folder_names_its_pack(tmp_path: Path) -> None:
    pack = tmp_path / "sl"
    shutil.copytree(paths.data_dir() / "packs" / "sri-lanka-2018", pack)
    result = CliRunner().invoke(main, ["replay", str(pack / "events.yaml")])
    assert result.exit_code == 2, result.output
    assert f"it sits in the folder of pack 'sri-lanka-2018': pass --pack {pack}" in result.stderr
    for command in (["derive"], ["explore", "--max-depth", "1"]):
        result = CliRunner().invoke(main, [*command, str(pack / "events.yaml")])
        assert f"pass --pack {pack}" in result.stderr, result.output
    # with its pack, no warning
    result = CliRunner().invoke(main, ["replay", "--pack", str(pack), str(pack / "events.yaml")])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr


# A problem in the event log a sweep reads through its pack (or beside its model) is reported at
# the key that leads to it, naming the log: it was 'sweep.yaml:1:1: events: the event log named
# here, 'actors.yaml'' for a sweep with no `events:` key, naming the actors file as the log.


def test_a_broken_log_of_the_sweeps_pack_is_reported_at_pack(tmp_path: Path) -> None:
    pack = tmp_path / "sl"
    shutil.copytree(paths.data_dir() / "packs" / "sri-lanka-2018", pack)
    actors = pack / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("type: party", "type: wizard", 1),
        encoding="utf-8",
    )
    sweep = pack / "sweep.yaml"
    sweep.write_text(
        "sweep: s\npack: .\nruns: 10\nseed: 1\ngrid:\n  smoothing: [1, 2]\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["sweep", str(sweep)])
    assert result.exit_code == 2, result.output
    assert "actors.yaml:" in result.output and "(got 'wizard')" in result.output
    expected = (
        f"{sweep}:2:1: pack: the event log named here, '{pack / 'events.yaml'}', has the "
        "problems above"
    )
    assert expected in result.output, result.output
    assert "1:1: events:" not in result.output


# `--interpretation` on a profile that has none says so (it said only "unknown interpretation
# 'government_2013'", as if a spelling were wrong).


def test_a_profile_without_interpretations_says_so() -> None:
    result = CliRunner().invoke(
        main, ["replay", "--pack", "bangladesh-2014", "--interpretation", "government_2013"]
    )
    assert result.exit_code == 2, result.output
    assert "unknown interpretation 'government_2013'" in result.output
    assert "has no interpretations" in result.output


# `rejected_by` names a rule that guards a transition of the scenario's model (or not_enabled): a
# built-in rule the model never uses rejects nothing, so the expectation could never be met; it was
# listed among the 'known' rules, and the list led with the built-in library's rules, not the
# model's.


def _scenario(tmp_path: Path, rule: str) -> Path:
    pack = tmp_path / "sl"
    shutil.copytree(paths.data_dir() / "packs" / "sri-lanka-2018", pack)
    s = pack / "scenarios" / "mine.yaml"
    s.write_text(f"name: t\npack: ..\nexpect:\n  rejected_by: {{'#0': {rule}}}\n", encoding="utf-8")
    return s


def test_a_rule_the_model_does_not_use_is_refused(tmp_path: Path) -> None:
    s = _scenario(tmp_path, "confidence_vote")
    result = CliRunner().invoke(main, ["run", str(s)])
    assert result.exit_code == 2, result.output
    assert "rule 'confidence_vote' guards no transition of model 'sri-lanka-2018'" in result.output
    assert "early_dissolution_bar" in result.output


def test_the_nearest_of_the_models_rules_is_suggested(tmp_path: Path) -> None:
    s = _scenario(tmp_path, "early_dissolution_ba")
    result = CliRunner().invoke(main, ["run", str(s)])
    assert result.exit_code == 2, result.output
    assert "unknown rule 'early_dissolution_ba'; did you mean 'early_dissolution_bar'" in (
        result.output
    )
    assert "amendment_core" not in result.output


# `explore --parties` warns of a party that is none of the dispute's: a typo ('cnrrp') explored a
# party no region or rule knows, and reported the CNRP's states as never reached, silently. A
# warning, not an error, and only near a party of the dispute: a name for the rest of the seats
# ('others') is no typo.

FLAGS = ["--split", "68,55", "--start", "2013-07-01", "--max-depth", "1"]


@pytest.mark.parametrize("pack", [[], ["--pack", "cambodia-2013-2017"]])
def test_an_unknown_party_is_named_with_the_nearest(pack: list[str]) -> None:
    result = CliRunner().invoke(main, ["explore", *pack, "--parties", "cpp,cnrrp", *FLAGS])
    assert result.exit_code == 0, result.output
    assert "warning: --parties: unknown party 'cnrrp'; did you mean 'cnrp'?" in result.stderr


def test_the_disputes_parties_explore() -> None:
    for parties in ("cpp,cnrp", "cpp,others"):
        result = CliRunner().invoke(main, ["explore", "--parties", parties, *FLAGS])
        assert result.exit_code == 0, result.output
        assert "warning" not in result.stderr


# `events` says when there is nothing to list (a log without conflicts printed nothing at all, as
# if the command had failed silently).


def test_no_conflicts_is_said() -> None:
    result = CliRunner().invoke(main, ["events", "--pack", "sri-lanka-2018", "--conflicts"])
    assert result.exit_code == 0, result.output
    assert result.output == "no conflicts between the sources of 13 event(s)\n"


def test_the_records_conflicts_are_listed_as_before() -> None:
    result = CliRunner().invoke(main, ["events", "--conflicts"])
    assert result.exit_code == 0 and "no conflicts" not in result.output
