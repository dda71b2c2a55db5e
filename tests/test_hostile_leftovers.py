"""Hostile input, the leftovers of the earlier campaigns: errors as JSON under ``--json``, a
scenario naming a pack.yaml as its model, ``--max-seconds 0``, a CEL comprehension deaf to
SIGTERM, symbolic links out of a pack. Each test is a case that escaped."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation.cli import COMMANDS, main
from negotiation.cli.common import EXIT_INPUT, json_requested
from negotiation.errors import InputError, ModelError
from negotiation.events import Event
from negotiation.model.expressions import MAX_COMPREHENDED, Expression

PACKS = Path(__file__).parent.parent / "negotiation" / "data" / "packs"
CAMBODIA = PACKS / "cambodia-2013-2017"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _error_object(result: Result) -> dict[str, object]:
    data = json.loads(result.stdout)
    assert data["ok"] is False, data
    assert data["exit_code"] == result.exit_code, data
    assert data["problem_count"] == len(data["problems"]) >= 1, data
    keys = {"file", "line", "column", "path", "message"}
    assert all(set(p) == keys for p in data["problems"]), data
    return dict(data)


#: a bad file for every command that reads one, and a flag out of range for the others
BAD_FILE = ["run", "coverage", "validate", "events", "replay", "derive", "export", "report"]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_prints_its_errors_as_json_with_json(command: str, tmp_path: Path) -> None:
    """`run --json bad.yaml` printed its errors as text only: now every command given
    ``--json`` prints one JSON object on stdout too, with the same exit status as without."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nvariations: 5\nevents: [1\n", encoding="utf-8")
    args = [command, str(bad)] if command in BAD_FILE else [command, "--no-such-flag"]
    if command == "export":
        args += ["--format", "csv", "--out", str(tmp_path / "out.csv")]
    plain = invoke(*args)
    result = invoke(*args, "--json")
    assert result.exit_code == plain.exit_code == EXIT_INPUT, result.output[-2000:]
    data = _error_object(result)
    problem = data["problems"][0]  # type: ignore[index]
    if command in BAD_FILE:
        assert data["error"] == "input" and problem["file"] == str(bad), data
        assert problem["line"] is not None, data
    else:
        assert data["error"] == "usage" and problem["path"] == "--no-such-flag", data
    if command != "validate":  # whose --json printed its problems as JSON only, as before
        assert "rror" in result.stderr, result.stderr  # the text is still there


def test_a_bad_flag_value_is_json_too_and_names_the_flag() -> None:
    result = invoke("explore", "--json", "--max-depth", "-1")
    assert result.exit_code == EXIT_INPUT
    data = _error_object(result)
    assert data["problems"][0]["path"] == "--max-depth", data  # type: ignore[index]
    assert data["problems"][0]["file"] is None, data  # type: ignore[index]


def test_json_is_asked_for_only_by_the_flag_itself() -> None:
    export = main.get_command(None, "export")  # type: ignore[arg-type]
    assert json_requested(export, ["--format", "csv", "--json"])
    assert not json_requested(export, ["--out", "--json", "--format", "csv"])  # a value
    assert not json_requested(export, ["--", "--json"])
    assert not json_requested(None, ["--json"])


def test_validate_json_keeps_its_own_object(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nvariations: 5\n", encoding="utf-8")
    result = invoke("validate", str(bad), "--json")
    assert result.exit_code == EXIT_INPUT
    data = json.loads(result.stdout)  # one object: validate's, with `checked`
    assert data["checked"] == [] and data["problem_count"] == 1, data


def test_a_scenario_naming_a_pack_yaml_as_its_model_is_told_to_name_the_pack(
    tmp_path: Path,
) -> None:
    """`run --pack` with a scenario whose `model:` is the pack.yaml: a clear error at both
    places, and what to write instead."""
    pack = tmp_path / "c"
    shutil.copytree(CAMBODIA, pack)
    scenario = pack / "scenarios" / "record.yaml"
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(text.replace("model: ../model.yaml", "model: ../pack.yaml"), "utf-8")
    line = text.splitlines().index("model: ../model.yaml") + 1
    result = invoke("run", "--pack", str(pack), "-q")
    assert result.exit_code == EXIT_INPUT, result.output[-2000:]
    assert f"{pack / 'pack.yaml'}:4:1: this is a pack file" in result.stderr, result.stderr
    assert "a scenario names a pack with `pack:`" in result.stderr, result.stderr
    assert f"{scenario}:{line}:1: model: the model named here" in result.stderr, result.stderr


@pytest.mark.parametrize("seconds", ["0", "-1", "0.0"])
def test_max_seconds_must_be_more_than_zero(seconds: str) -> None:
    """`explore --max-seconds 0` stopped after the first 1,024 states, cut short (exit 3)."""
    result = invoke("explore", "--max-seconds", seconds, "--max-depth", "1", "--no-progress")
    assert result.exit_code == EXIT_INPUT, result.output
    assert "'--max-seconds'" in result.output and "x>0" in result.output, result.output


def test_max_seconds_inf_is_no_limit() -> None:
    result = invoke("explore", "--max-seconds", "inf", "--max-depth", "1", "--no-progress")
    assert result.exit_code == 0, result.output


def test_the_api_refuses_max_seconds_zero_too() -> None:
    from negotiation.explore import explore

    with pytest.raises(ValueError, match="max_seconds must be more than 0"):
        explore(max_seconds=0, max_depth=1)


def _event(actors: int) -> Event:
    names = [f"a{i}" for i in range(actors)]
    return Event(id="e", kind="protest", date=dt.date(2014, 1, 1), actors=names)


@pytest.mark.parametrize(
    "source",
    [
        "event.actors.map(a, a).size() > 0",
        "event.actors.filter(a, a == 'x').size() > 0",
        "(event.actors + event.actors).exists(a, a == 'x')",
    ],
)
def test_a_comprehension_over_a_long_list_is_refused(source: str) -> None:
    """`map` over 16,000 actors took 7 s, 100,000 minutes, in CEL's own code: SIGTERM and
    Ctrl-C waited for it. Over the limit it is an error naming the expression."""
    with pytest.raises(ModelError, match="over the limit of 1,000"):
        Expression(source).evaluate(event=_event(MAX_COMPREHENDED + 1))
    assert Expression(source).evaluate(event=_event(3)) in (True, False)


def test_a_comprehension_over_a_long_literal_list_is_refused() -> None:
    source = "[" + "0, " * MAX_COMPREHENDED + "0].map(x, x).size() > 0"
    with pytest.raises(ModelError, match="a comprehension"):
        Expression(source).evaluate(event=_event(1))


def test_a_long_comprehension_in_a_pack_is_an_error_not_a_hang(tmp_path: Path) -> None:
    pack = tmp_path / "c"
    shutil.copytree(CAMBODIA, pack)
    model = pack / "model.yaml"
    text = model.read_text(encoding="utf-8")
    allow = "!has(event.facts.total_seats) || event.facts.total_seats == params.assembly_seats"
    assert allow in text
    literal = "[" + ",".join(["0"] * 1_500) + "]"  # an expression has 4,000 characters at most
    model.write_text(text.replace(allow, f"size({literal}.map(x, x)) > 0"), encoding="utf-8")
    result = invoke("replay", "--pack", str(pack))
    assert result.exit_code == EXIT_INPUT, result.output[-2000:]
    assert "a comprehension (map, filter, all, exists, exists_one) over up to" in result.output


@pytest.mark.parametrize("name", ["profile.yaml", "scenarios/out", "pack.yaml"])
def test_a_symbolic_link_out_of_a_pack_is_refused(tmp_path: Path, name: str) -> None:
    """A link in a pack to a file outside it was followed: a copied pack read the files of
    another, or any file of the machine."""
    pack = tmp_path / "c"
    shutil.copytree(CAMBODIA, pack)
    outside = tmp_path / "outside"
    outside.mkdir()
    link = pack / name
    if link.exists():
        shutil.move(link, outside / link.name)
        link.symlink_to(outside / link.name)
    else:
        link.symlink_to(outside)
    for args in (["validate", "--pack", str(pack)], ["replay", "--pack", str(pack)]):
        result = invoke(*args)
        assert result.exit_code == EXIT_INPUT, result.output[-2000:]
        assert f"error: {link}: a symbolic link to {outside.resolve()}" in result.stderr
        assert "outside the pack" in result.stderr, result.stderr


def test_a_symbolic_link_inside_a_pack_is_followed(tmp_path: Path) -> None:
    pack = tmp_path / "c"
    shutil.copytree(CAMBODIA, pack)
    shutil.move(pack / "profile.yaml", pack / "profile-2013.yaml")
    (pack / "profile.yaml").symlink_to("profile-2013.yaml")
    linked = tmp_path / "linked"
    linked.symlink_to(pack)  # the pack's folder itself may be a link
    result = invoke("replay", "--pack", str(linked), "--json")
    assert result.exit_code == 0, result.output[-2000:]


@settings(max_examples=25)
@given(st.integers(min_value=0, max_value=10**40))
def test_a_trigger_repeated_past_what_python_compiles_is_located(count: int) -> None:
    """`(?:reallocated ){0,99999999999999999999}` in a pack's vocabulary: Python's `re` raises
    OverflowError, a traceback in validate and extract (mutation fuzz). Any count is taken or
    refused at the trigger."""
    from negotiation.events.vocabulary import builtin_vocabulary, load_vocabulary_text

    trigger = f"refus\\w* (?:reallocated ){{0,{count}}}seats"
    data = {"kinds": {"refused": {"description": "x", "triggers": [trigger]}}}
    more = load_vocabulary_text(json.dumps(data), "v.yaml")
    try:
        builtin_vocabulary().extend(more, "v.yaml")
    except InputError as exc:
        (problem,) = exc.problems
        assert (problem.line, problem.path) == (1, "kinds.refused.triggers[0]"), problem
        assert "invalid pattern: the repetition number is too large" in problem.message
        assert count >= 2**32 - 1, count
    else:
        assert count < 2**32 - 1, count


def test_ctrl_c_on_a_process_pool_gives_up_the_chunks_under_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`simulate --workers 2` sent SIGINT (to it alone: its workers never see it) waited for
    every chunk under way to finish: past 30 s, and killed then, its workers were orphaned.
    The Ctrl-C arrives while the command waits on its workers, as a real one would: not from a
    timer (which could strike before the pool was up and stop pytest itself, and did nothing
    where SIGINT is ignored, as in a shell's background job: the test then ran 10**7 runs)."""
    import multiprocessing

    from negotiation.simulate import executors, prepare

    def ctrl_c(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(executors.cf, "as_completed", ctrl_c)
    job = prepare(max_steps=50)
    done, interrupted = executors.execute(
        job, 10**7, executor="processes", workers=2, chunk_size=10**7
    )
    assert interrupted and done == []
    assert multiprocessing.active_children() == []


def test_ctrl_c_in_a_scenarios_simulation_stops_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C in a scenario's simulation was taken as its end: the claims 'not met' (exit 1,
    'the simulation stopped after 250 of 1000 runs') and the next scenario run."""
    from negotiation.scenario import plan_files, run_cell
    from negotiation.simulate import executors

    scenario = CAMBODIA / "scenarios" / "talks_first_distribution.yaml"
    planned = next(p for p in plan_files([str(scenario)]) if p.simulation is not None)

    def interrupted(*args: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(executors, "run_chunk", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_cell(planned)


def test_an_error_after_a_json_result_began_prints_no_second_object(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`extract --json` interrupted while printing: its half object, then the error's."""
    from negotiation.cli import common

    token = common._JSON_ERRORS.set(True)
    try:
        common.echo_json({"partial": True})
        with pytest.raises(SystemExit):
            common.report(InputError("late", file="x.yaml"))
    finally:
        common._JSON_ERRORS.reset(token)
        common._JSON_PRINTED.set(False)
    assert json.loads(capsys.readouterr().out) == {"partial": True}


def test_ctrl_c_while_a_command_loads_is_exit_130(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C 0.4 s after start, while the command's module was imported: click's 'Aborted!'
    and exit 1 (subprocess signal fuzz)."""
    import importlib

    from negotiation.cli import common

    real = importlib.import_module

    def loading(name: str, package: str | None = None) -> object:
        if name == "negotiation.cli.interrupted":
            raise KeyboardInterrupt
        return real(name, package)

    monkeypatch.setitem(type(main).lazy, "interrupted", ("negotiation.cli.interrupted", "x"))
    monkeypatch.setattr(common.importlib, "import_module", loading)
    result = invoke("interrupted", "--json")
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.stderr and "Aborted" not in result.stderr, result.output
    data = json.loads(result.stdout)  # with --json, as Ctrl-C during a command prints it
    assert data["error"] == "interrupted" and data["exit_code"] == 130, data


def test_sigterm_while_the_writer_module_loads_is_no_traceback() -> None:
    """SIGTERM 3.6 s into `validate --pack` (a loaded machine), as the atomic-write module was
    being imported: the handler found it partly initialised, an AttributeError traceback."""
    import signal
    import subprocess
    import sys

    code = (
        "import os, signal, sys, types\n"
        "from negotiation._internal import entry\n"
        "signal.signal(signal.SIGTERM, entry._terminated)\n"
        "partly = types.ModuleType('negotiation._internal.atomic')\n"
        "sys.modules['negotiation._internal.atomic'] = partly\n"
        "os.kill(os.getpid(), signal.SIGTERM)\n"
        "signal.pause()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGTERM, done.stderr
    assert b"Traceback" not in done.stderr, done.stderr
