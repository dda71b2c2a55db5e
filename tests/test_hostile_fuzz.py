"""Hostile input, fourth campaign: structured mutations (one value of one file of a pack copy
replaced, deleted, renamed or pointed at another file) run through every command with
``--json``. Each test is a case that escaped: a traceback, an error with no file, or a value
taken silently for what it is not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT

PACKS = Path(__file__).parent.parent / "negotiation" / "data" / "packs"
PREDICATE = 'world: "world.total_seats == 0"'


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def cambodia_copy(tmp_path: Path) -> Path:
    """A copy of the Cambodian pack (the one with a policy), to break."""
    pack = tmp_path / "c"
    shutil.copytree(PACKS / "cambodia-2013-2017", pack)
    return pack


def _simulate(pack: Path) -> Result:
    return invoke(
        "simulate", "--pack", str(pack), "--policy", "talks-first", "--runs", "5", "--json"
    )


@pytest.mark.parametrize(
    ("predicate", "said"),
    [
        ('world: "world.total_seats / 0 == 1"', "policy predicate failed: division by zero"),
        ('world: "1"', "policy predicate gave 1, not true or false"),  # was taken as true
        ('world: "world.seats"', "policy predicate gave [], not true or false"),  # as false
    ],
)
def test_a_policy_predicate_failing_at_run_time_is_located(
    cambodia_copy: Path, predicate: str, said: str
) -> None:
    policy = cambodia_copy / "policies" / "talks-first.yaml"
    text = policy.read_text()
    at = text.index(PREDICATE)
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    policy.write_text(text.replace(PREDICATE, predicate))
    result = _simulate(cambodia_copy)
    assert result.exit_code == EXIT_INPUT, result.output
    # was "error: policy predicate failed: ..." naming no file
    assert f"{policy}:{line}:{column}: actors[0].rules[1].world: {said}" in result.output, (
        result.output
    )


@pytest.mark.parametrize("wait", ["{exponential: 1e308}", "{empirical: [99999999999]}"])
def test_a_wait_longer_than_the_calendar_is_refused_where_it_is_written(
    cambodia_copy: Path, wait: str
) -> None:
    policy = cambodia_copy / "policies" / "talks-first.yaml"
    policy.write_text(policy.read_text().replace("wait: {exponential: 14}", f"wait: {wait}"))
    for args in (("validate", str(policy)), ("run", "--pack", str(cambodia_copy), "--json")):
        result = invoke(*args)  # run: was an OverflowError traceback (an infinite wait)
        assert result.exit_code == EXIT_INPUT, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert f"{policy.name}:6:" in result.output and "wait." in result.output, result.output
        assert "less than or equal to 146461" in result.output


@pytest.mark.parametrize(
    ("folders", "said"),
    [
        (
            '["builtin:seed"]',
            "unknown built-in folder 'builtin:seed'; did you mean 'builtin:seeds'?",
        ),
        ('["../../etc"]', "'../../etc' lies outside the pack, expected a folder inside it"),
        ('["texts"]', "'texts' is no folder in the pack, expected a folder of texts"),
        ('["events.yaml"]', "'events.yaml' is a file, expected a folder of texts"),
    ],
)
def test_a_pack_folder_of_texts_that_is_none_is_located_in_pack_yaml(
    cambodia_copy: Path, folders: str, said: str
) -> None:
    pack_yaml = cambodia_copy / "pack.yaml"
    text = pack_yaml.read_text()
    assert 'articles: ["builtin:seeds"]' in text
    pack_yaml.write_text(text.replace('articles: ["builtin:seeds"]', f"articles: {folders}"))
    at = text.index('articles: ["builtin:seeds"]')
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at) + len("articles: [")
    for command in ("validate", "replay"):
        result = invoke(command, "--pack", str(cambodia_copy))
        assert result.exit_code == EXIT_INPUT, result.output
        # was "pack.yaml:10:1: events: .../builtin:seed: no such file or directory" and an
        # "unknown article" for each of the log's 140 quotes from the seeds
        assert f"{pack_yaml}:{line}:{column}: articles[0]: {said}" in result.output, result.output
        assert "unknown article" not in result.output


def test_a_run_of_more_steps_than_the_limit_is_refused_where_it_is_asked(
    cambodia_copy: Path,
) -> None:
    """A policy whose waits are all 0 days never reaches the horizon: with a trillion steps a
    run never ended (a hang from a file alone)."""
    policy = cambodia_copy / "policies" / "talks-first.yaml"
    policy.write_text(policy.read_text().replace("{exponential: 14}", "{empirical: [0]}"))
    scenario = cambodia_copy / "scenarios" / "long.yaml"
    scenario.write_text(
        "name: long\npack: ..\n"
        "simulation: {policy: talks-first, runs: 1, seed: 1, max_steps: 1000000000000}\n"
        "expect:\n  simulation:\n    - p(settlement) >= 0.0\n"
    )
    result = invoke("run", str(scenario), "--json")
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"{scenario}:3:53: simulation.max_steps: Input should be less than or equal to " in (
        result.output
    )
    sweep = cambodia_copy / "sweep.yaml"
    sweep.write_text("sweep: long\npack: .\npolicy: talks-first\nruns: 1\nmax_steps: 10000001\n")
    result = invoke("sweep", str(sweep), "--json")
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"{sweep}:5:1: max_steps: Input should be less than or equal to 1000000" in (
        result.output
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("disable_rules: confidence_vote\n", "disable_rules: Input should be a list ([a, b]"),
        ("expect: [accepted]\n", "expect: Input should be a mapping (`key: value` lines"),
    ],
)
def test_a_wrong_container_is_named_in_a_files_words(tmp_path: Path, text: str, said: str) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text("name: x\n" + text)
    result = invoke("run", str(scenario), "--json")
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"{scenario}:2:1: {said}" in result.output, result.output  # was "a valid tuple"


def test_a_model_naming_no_profile_says_which_model_in_every_line(cambodia_copy: Path) -> None:
    """Without `profile:` the model takes the built-in one, which lacks provisions it cites:
    the line saying how to run anyway named the model by id only, in no file of the user's
    (structured campaign)."""
    model = cambodia_copy / "model.yaml"
    model.write_text("".join(x for x in model.read_text().splitlines(True) if x[:8] != "profile:"))
    result = invoke("validate", str(model), "--json")
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"to run model 'cambodia-2013-2017' ({model}) under profile 'cambodia'" in (
        result.output
    ), result.output


def test_an_empty_or_blank_actor_name_is_refused(tmp_path: Path) -> None:
    """An alias '' (or ' ', '.') was taken: the actor was the one every empty name named."""
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "actors:\n  - {id: eck, name: Commission, type: institution, aliases: ['', ' ']}\n"
    )
    result = invoke("validate", str(actors))
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"{actors}:2:62: actors[0].aliases[0]: a name needs a letter or a digit" in (
        result.output
    ), result.output
    assert "actors[0].aliases[1]: a name needs a letter or a digit" in result.output


def test_a_file_named_through_dot_dot_is_shown_by_its_plain_path(cambodia_copy: Path) -> None:
    """A scenario naming ``../model.yaml`` reported its model's problems at
    ``scenarios/../model.yaml``; they are shown at the model's own path (still the file's)."""
    model = cambodia_copy / "model.yaml"
    model.write_text(model.read_text().replace("\nregions:", "\nregionz:", 1))
    result = invoke("run", str(cambodia_copy / "scenarios" / "record.yaml"))
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {model}:" in result.output, result.output
    assert f"the model named here, '{model}', has the problems above" in result.output
    assert "/../" not in result.output


def test_a_dot_dot_through_a_symbolic_link_is_shown_as_written(tmp_path: Path) -> None:
    from negotiation.errors import Problem

    (tmp_path / "real" / "inner").mkdir(parents=True)
    (tmp_path / "real" / "model.yaml").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "real" / "inner")
    written = f"{tmp_path}/link/../model.yaml"  # the link's parent: real/, not tmp_path
    assert str(Problem(file=written, message="m", line=1)) == f"{written}:1: m"
    plain = f"{tmp_path}/real/inner/../model.yaml"
    assert str(Problem(file=plain, message="m")) == f"{tmp_path}/real/model.yaml: m"
