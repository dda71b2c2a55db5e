"""Cases of a hostile-file campaign against the command line that were tracebacks, silently
wrong results or leftovers: each is a located error (exit 2) now. Reproducers first, then the
properties that keep the shared fix honest over the whole input space."""

from __future__ import annotations

import errno
import json
import math
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from negotiation._internal import atomic, files, yamldoc
from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT
from negotiation.errors import InputError
from negotiation.events import Facts

SCENARIO = str(Path(__file__).parent.parent / "scenarios" / "cambodia_2013_2014.yaml")


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


# --- a JSON input (report --simulation): the limits YAML documents have -----------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # were a RecursionError and a ValueError traceback
        ("[" * 100_000 + "]" * 100_000, "sim.json:1:65: nested more than 64 levels deep"),
        ('{"outcomes": {"a": {"p": ' + "1" * 5000 + "}}}", "sim.json:1:26: a number of 5000"),
        # were taken silently: the last key won, NaN passed as a share
        ('{"outcomes": {},\n "outcomes": {}}', "sim.json:2:2: duplicate key 'outcomes' (first"),
        ('{"outcomes": {"a": {"p": NaN, "ci95": []}}}', "sim.json:1:26: NaN is not JSON"),
        ('{"outcomes": {"a": {"p": true, "ci95": []}}}', "sim.json:1:21: outcomes.a.p: expected"),
        ('{"outcomes": [1]}', "sim.json:1:2: outcomes: expected the JSON of `negotiation simulate"),
        ("", "sim.json:1:1: not JSON: Expecting value"),
        # a ValueError traceback: a string where a bound of the interval goes
        (
            '{"outcomes": {"a": {"p": 0.5, "ci95": ["x", 1]}}}',
            "sim.json:1:40: outcomes.a.ci95[0]: expected",
        ),
        (
            '{"outcomes": {"a": {"p": 0.5, "ci95": [0]}}}',
            "sim.json:1:31: outcomes.a.ci95: expected",
        ),
        ('{"outcomes": {"\\ud800": {"p": 0.5}}}', "sim.json:1:16: half a UTF-16 pair"),
    ],
)
def test_a_hostile_simulation_json_is_a_located_error(
    tmp_path: Path, text: str, expected: str
) -> None:
    sim = tmp_path / "sim.json"
    sim.write_text(text)
    out = tmp_path / "r.html"
    result = invoke("report", SCENARIO, "--simulation", str(sim), "--out", str(out))
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert expected in result.output, result.output
    assert not out.exists()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(value=JSON)
def test_read_json_reads_what_json_writes(tmp_path_factory: Any, value: Any) -> None:
    path = tmp_path_factory.mktemp("j") / "v.json"
    text = json.dumps(value, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    if files.CONTROL.search(text) or any(
        isinstance(v, float) and not math.isfinite(v) for v in _leaves(value)
    ):
        with pytest.raises(InputError):
            files.read_json(path)
        return
    assert files.read_json(path) == value


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _leaves(v)]
    if isinstance(value, list):
        return [x for v in value for x in _leaves(v)]
    return [value]


@given(text=st.text(st.sampled_from('{}[]:,"\\ 0123456789.eE-+truefalsnNaIiy\n'), max_size=300))
def test_read_json_on_any_text_gives_a_value_or_a_located_error(
    tmp_path_factory: Any, text: str
) -> None:
    path = tmp_path_factory.mktemp("j") / "v.json"
    path.write_text(text, encoding="utf-8")
    try:
        files.read_json(path)
    except InputError as exc:
        assert all(p.file == str(path) for p in exc.problems)


# --- output: a write the system refuses half-way, and a terminated run -------------------------
def _full_disk(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_is_an_error_naming_the_output_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "r.csv"
    out.write_text("keep\n")
    monkeypatch.setattr(atomic, "_write_new", _full_disk)
    result = invoke("export", "--format", "csv", "--out", str(out))  # was a traceback
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {out}: cannot write: No space left on device; the previous file is kept" in (
        result.output
    )
    assert out.read_text() == "keep\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]  # no temporary file left
    with pytest.raises(InputError, match="found: cannot write: No space left on device"):
        atomic.replace_dir(tmp_path / "found", {"a.yaml": "a"})
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]
    result = invoke("simulate", "--runs", "3", "--no-progress", "--out", str(out))  # its own
    assert f"error: {out}: cannot write: No space left" in result.output  # writer before
    assert out.read_text() == "keep\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]


def test_an_output_where_no_temporary_file_can_go_is_named_itself(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    tmp_path.chmod(0o500)
    try:
        if os.access(tmp_path, os.W_OK):  # root: make the temporary file's name unusable
            target = Path("/proc/out.txt")
        with pytest.raises(InputError) as info:
            atomic.write_text(target, "x")
    finally:
        tmp_path.chmod(0o700)
    assert str(info.value).startswith(f"{target}: ")  # was the temporary file's name


def test_a_terminated_run_leaves_no_temporary_file(tmp_path: Path) -> None:
    pending = tmp_path / ".out.txt.x.tmp"
    code = (
        "import os, pathlib, signal, sys\n"
        "from negotiation._internal import atomic, entry\n"
        "signal.signal(signal.SIGTERM, entry._terminated)\n"
        f"p = pathlib.Path({str(pending)!r}); p.write_text('half')\n"
        "atomic._PENDING[p] = os.getpid()\n"
        "os.kill(os.getpid(), signal.SIGTERM)\n"
        "signal.pause()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGTERM, done.stderr
    assert not pending.exists()


# --- values pydantic's lax mode converted silently --------------------------------------------
KENYA = Path(__file__).parent.parent / "negotiation" / "data" / "packs" / "kenya-2007-2008"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [  # each was accepted: ODM with 1 seat, an event on 1970-01-01
        (
            "odm: 99",
            "odm: true",
            "events.yaml:27:7: events[1].facts.seats.odm: Input should be a "
            "valid integer (got True)",
        ),
        ("total_seats: 210", "total_seats: yes", "events[1].facts.total_seats: Input should be"),
        (
            "date: '2007-12-30'",
            "date: 0",
            "events.yaml:39:3: events[2].date: Input should be a valid date (got 0)",
        ),
    ],
)
def test_a_boolean_for_a_number_or_a_number_for_a_date_is_a_located_error(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    log = tmp_path / "events.yaml"
    text = (KENYA / "events.yaml").read_text()
    log.write_text(text.replace(old, new, 1))
    result = invoke("validate", str(log))
    assert result.exit_code == EXIT_INPUT, result.output
    assert expected in result.output, result.output


def test_booleans_for_numbers_in_sweeps_policies_and_variations(tmp_path: Path) -> None:
    sweep = tmp_path / "s.yaml"
    sweep.write_text("sweep: s\nruns: true\npolicy: empirical\ngrid:\n  smoothing: [0.5]\n")
    result = invoke("sweep", str(sweep))  # was one run
    assert "s.yaml:2:1: runs: Input should be a valid integer (got True)" in result.output
    scenario = tmp_path / "c.yaml"
    scenario.write_text(
        "name: x\nvariations:\n  - change: {event: 2013-07-28-results-announced, "
        "facts: {seats: {cnrp: true}}}\n"
    )
    result = invoke("run", str(scenario))  # was the CNRP with 1 seat
    assert result.exit_code == EXIT_INPUT and "c.yaml:3:5: variations[0].change" in result.output
    pack = Path(__file__).parent.parent / "negotiation" / "data" / "packs" / "cambodia-2013-2017"
    policy = tmp_path / "p.yaml"
    text = (pack / "policies" / "talks-first.yaml").read_text()
    policy.write_text(text.replace("members_present: 68", "members_present: true"))
    result = invoke("simulate", "--pack", str(pack), "--policy", str(policy), "--runs", "2")
    assert result.exit_code == EXIT_INPUT, result.output
    assert "invalid facts {'members_present': True}" in result.output


NUMBERS = [
    name
    for name, f in Facts.model_fields.items()
    if f.annotation is not None and ("int" in str(f.annotation) or "float" in str(f.annotation))
]


@given(name=st.sampled_from(NUMBERS), value=st.booleans())
def test_no_numeric_fact_takes_a_boolean(name: str, value: bool) -> None:
    data: dict[str, Any] = {name: {"cpp": value} if name == "seats" else value}
    with pytest.raises(ValidationError):
        yamldoc.validate(Facts, data)
    number = {"cpp": 1} if name == "seats" else 1
    assert yamldoc.validate(Facts, {name: number}) == Facts.model_validate({name: number})


def test_an_empty_scenario_is_located_at_its_first_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    result = invoke("report", str(empty), "--out", str(tmp_path / "r.html"))
    assert f"error: {empty}:1:1: empty document, expected a scenario" in result.output


# --- a name the system refuses (too long) named in a file: located where it is named ---------
LONG = "b" * 300  # over the 255 bytes a file name may have: Path.is_file() raised OSError


@pytest.mark.parametrize(
    ("command", "text", "expected"),
    [
        ("run", f"name: x\nevents: '{LONG}'\n", "s.yaml:2:1: events: event log"),
        ("run", f"name: x\npack: '{LONG}'\n", "s.yaml:2:1: pack: "),
        (
            "sweep",
            f"sweep: s\nruns: 5\npack: '{LONG}'\ngrid: {{smoothing: [1]}}\n",
            "s.yaml:3:1: pack",
        ),
        (
            "sweep",
            f"sweep: s\nruns: 5\nprofile: '{LONG}'\ngrid: {{smoothing: [1]}}\n",
            "s.yaml:3:1:",
        ),
        (
            "sweep",
            f"sweep: s\nruns: 5\npolicy: '{LONG}'\ngrid: {{smoothing: [1]}}\n",
            "s.yaml:3:1:",
        ),
        ("sweep", f"sweep: s\nruns: 5\ngrid: {{profile: ['{LONG}']}}\n", "s.yaml:3:"),
    ],
)
def test_a_name_too_long_is_located_where_it_is_named(
    tmp_path: Path, command: str, text: str, expected: str
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text)
    result = invoke(command, str(path))
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {tmp_path}/{expected}" in result.output, result.output


@given(name=st.text(min_size=1, max_size=400))
def test_the_safe_predicates_never_raise(name: str) -> None:
    for predicate in (files.is_file, files.is_dir, files.exists):
        assert isinstance(predicate(name), bool)


@pytest.mark.parametrize("share", ["1/0", "0/0", "13/000000"])
def test_a_share_dividing_by_zero_is_a_located_error(tmp_path: Path, share: str) -> None:
    profile = tmp_path / "profile.yaml"
    text = (KENYA / "profile.yaml").read_text()
    profile.write_text(text.replace("amendment_fraction: 13/20", f"amendment_fraction: {share}"))
    result = invoke("validate", str(profile))  # was a ZeroDivisionError traceback
    assert result.exit_code == EXIT_INPUT, result.output
    assert (
        f"profile.yaml:34:3: parameters.amendment_fraction: {share} divides by zero, expected a "
        "fraction like 2/3" in result.output
    )


# --- a CEL expression nested past what the CEL library's recursion survives -------------------
def test_an_expression_too_deep_for_cel_is_an_error_not_a_crash(tmp_path: Path) -> None:
    pack = Path(__file__).parent.parent / "negotiation" / "data" / "packs" / "cambodia-2013-2017"
    text = (pack / "policies" / "talks-first.yaml").read_text()
    deep = "world.total_seats" + " + 1" * 40_000 + " == 0"  # within the string limit
    policy = tmp_path / "p.yaml"
    policy.write_text(text.replace('world: "world.total_seats == 0"', f'world: "{deep}"'))
    args = ["simulate", "--pack", str(pack), "--policy", str(policy), "--runs", "2"]
    # in a child process: before, the CEL parser overflowed its stack (SIGSEGV)
    code = "import sys; from negotiation.cli import main; main(sys.argv[1:])"
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == EXIT_INPUT, (done.returncode, done.stderr[-500:])
    assert "p.yaml:20:9: actors[0].rules[1].world: policy predicate: an expression of 40002 " in (
        done.stderr
    )


@given(ops=st.integers(min_value=0, max_value=600))
def test_expressions_within_the_operator_limit_compile(ops: int) -> None:
    from negotiation.errors import ModelError
    from negotiation.model.expressions import MAX_OPERATORS, Expression

    source = "1" + " + 1" * ops
    if ops > MAX_OPERATORS:
        with pytest.raises(ModelError, match="over the limit of 256"):
            Expression(source)
    else:
        assert Expression(source).evaluate() == ops + 1


# --- found by the private campaign over the targets the fuzz suite leaves out -----------------
def test_report_on_a_pack_whose_model_misses_a_kind_names_the_log(tmp_path: Path) -> None:
    import shutil

    pack = tmp_path / "k"
    shutil.copytree(KENYA, pack)
    model = pack / "model.yaml"
    lines = model.read_text().splitlines(keepends=True)
    model.write_text("".join(lines[:56]))  # the transitions cut short
    result = invoke("report", "--pack", str(pack), "--out", str(tmp_path / "r.html"))
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {pack}/events.yaml: model 'kenya-2008' has no transition" in result.output


@pytest.mark.parametrize("command", ["sweep", "run"])
def test_a_policy_that_is_no_policy_file_is_named_where_it_is_named(
    tmp_path: Path, command: str
) -> None:
    path = tmp_path / "s.yaml"
    if command == "sweep":
        path.write_text("sweep: s\nruns: 5\npolicy: /etc/passwd\ngrid: {smoothing: [1]}\n")
        expected = "s.yaml:3:1: policy: /etc/passwd: expected a mapping of keys"
    else:
        path.write_text(
            "name: x\nsimulation: {policy: /etc/passwd, runs: 5, seed: 1}\n"
            "expect: {simulation: ['p(settlement) >= 0.1']}\n"
        )
        expected = "s.yaml:2:14: simulation.policy: /etc/passwd: expected a mapping of keys"
    result = invoke(command, str(path))  # was located in /etc/passwd only
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {tmp_path}/{expected}" in result.output, result.output


def test_a_changed_event_that_is_invalid_says_which_field_plainly(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "name: x\nvariations:\n  - change: {event: 2013-07-28-results-announced, "
        "set: {id: 'x y', kind: 5}}\n"
    )
    result = invoke("run", str(path))  # was pydantic's report, with its web address
    assert result.exit_code == EXIT_INPUT, result.output
    assert (
        "c.yaml:3:5: variations[0].change: the changed event is invalid: id: String should "
        "match pattern '^[a-z0-9][a-z0-9._-]*$' (got 'x y'); kind: Input should be a valid "
        "string (got 5)" in result.output
    )
    assert "pydantic.dev" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["export", "{d}/events.yaml", "--format", "csv", "--out", "{d}/events.yaml"],
        ["export", "--pack", "{d}", "--format", "csv", "--out", "{d}/actors.yaml"],
        ["report", "{d}/scenarios/record.yaml", "--out", "{d}/scenarios/record.yaml"],
        ["report", "--pack", "{d}", "--out", "{d}/link.txt"],  # a hard link to an article
    ],
)
def test_an_output_never_replaces_a_file_the_command_read(tmp_path: Path, args: list[str]) -> None:
    import shutil

    pack = tmp_path / "k"
    shutil.copytree(KENYA, pack)
    before = {p: p.read_bytes() for p in pack.rglob("*") if p.is_file()}
    out = args[-1].format(d=pack)
    if out.endswith("link.txt"):
        os.link(pack / "kenya_001.txt", out)
    result = invoke(*[a.format(d=pack) for a in args])  # was: the log replaced by its CSV
    assert result.exit_code == EXIT_INPUT, result.output
    assert "is an input of this command: write the output to another file" in result.output
    assert {p: p.read_bytes() for p in before} == before


@pytest.mark.parametrize("flags", [["--max-steps", "1000000000"], ["--horizon", "10" * 12]])
def test_a_run_stops_at_the_calendars_end(flags: list[str]) -> None:
    result = invoke("simulate", "--runs", "3", "--no-progress", "--json", *flags)
    assert result.exit_code == 0, result.output[-1000:]  # was year 10000 (a ValueError)
    data = json.loads(result.output)
    assert data["stops"]["max_steps"] == 0 or flags[0] == "--horizon"


@pytest.mark.parametrize("command", ["export", "report"])
def test_a_missing_log_a_pack_names_is_located_in_pack_yaml(tmp_path: Path, command: str) -> None:
    import shutil

    pack = tmp_path / "k"
    shutil.copytree(KENYA, pack)
    meta = pack / "pack.yaml"
    meta.write_text(meta.read_text().replace("events: events.yaml", "events: ev.yaml"))
    fmt = ["--format", "csv"] if command == "export" else []
    result = invoke(command, "--pack", str(pack), *fmt, "--out", str(tmp_path / "x.out"))
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {meta}:10:1: events: {pack}/ev.yaml: file not found" in result.output


def test_validate_on_an_empty_file_is_located_at_its_first_line(tmp_path: Path) -> None:
    empty = tmp_path / "e.yaml"
    empty.write_text("")
    result = invoke("validate", str(empty))
    assert f"error: {empty}:1:1: cannot tell what this file is" in result.output


def test_simulate_names_an_empty_log_and_a_bad_from(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(KENYA, tmp_path / "k")
    log = tmp_path / "k" / "events.yaml"
    log.write_text("dispute: x\nevents: []\n")
    result = invoke("simulate", str(log), "--runs", "2", "--no-progress")  # was <input>
    assert result.exit_code == EXIT_INPUT, result.output
    # located at its events key (an input error names a line: the hostile-bytes contract)
    assert f"error: {log}:2:1: the event log has no events: the empirical policy" in result.output
    log.write_text("{}\n")  # a log with no key at all: its first line
    result = invoke("simulate", str(log), "--runs", "2", "--no-progress")
    assert f"error: {log}:1:1: the event log has no events: the empirical policy" in result.output
    result = invoke("simulate", "--runs", "2", "--no-progress", "--from", "no-such-event")
    assert result.exit_code == EXIT_INPUT, result.output
    assert "Invalid value for '--from': unknown event 'no-such-event'" in result.output


def test_explore_names_the_log_or_the_flag_its_domain_cannot_come_from(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(KENYA, tmp_path / "k")
    log = tmp_path / "k" / "events.yaml"
    text = log.read_text().replace("kind: results_announced", "kind: protest")
    log.write_text(text.replace("total_seats: 210", "participants: 210"))
    result = invoke("explore", str(log), "--max-depth", "1", "--no-progress")  # was <input>
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {log}: model 'cambodia-2013': no parties and seats" in result.output
    args = ["--split", "0,0", "--parties", "a,b", "--start", "2013-01-01", "--max-depth", "1"]
    result = invoke("explore", *args, "--no-progress")
    assert "Invalid value for '--split': seats (0, 0) must be" in result.output


@pytest.mark.parametrize(
    ("predicate", "expected"),
    [  # each was met: the number and the text compared as text ('55' >= '1e999')
        ("seats.cnrp >= 1e999", "compares seats.cnrp (55) with '1e999', which is not a finite"),
        ("seats.cnrp >= .nan", "compares seats.cnrp (55) with '.nan'"),
        ("seats.cnrp > 10x", "compares seats.cnrp (55) with '10x'"),
        ("assembly >= 5", "compares assembly ('convened') with a number"),
    ],
)
def test_a_world_predicate_never_compares_a_number_with_text(
    tmp_path: Path, predicate: str, expected: str
) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(f"name: x\nexpect:\n  world: ['{predicate}']\n")
    result = invoke("run", str(path))
    assert result.exit_code == 1, result.output
    assert expected in result.output, result.output


@pytest.mark.parametrize(
    ("file", "old", "expected"),
    [
        ("pack.yaml", "events: events.yaml", "pack.yaml:10:1: events: "),
        ("articles.yaml", "- id: kenya_001", "articles.yaml:5:5: articles[0].id: no text file"),
    ],
)
def test_a_name_too_long_in_a_pack_is_located(
    tmp_path: Path, file: str, old: str, expected: str
) -> None:
    import shutil

    pack = tmp_path / "k"
    shutil.copytree(KENYA, pack)
    path = pack / file
    key = old.split(": ")[0]
    path.write_text(path.read_text().replace(old, f"{key}: {LONG}", 1))
    for args in (
        ["simulate", "--pack", str(pack), "--runs", "2", "--no-progress"],
        ["export", "--pack", str(pack), "--format", "csv", "--out", str(tmp_path / "o.csv")],
    ):
        result = invoke(*args)  # was "cannot use: File name too long" at the long name only
        assert result.exit_code == EXIT_INPUT, result.output
        assert f"error: {pack}/{expected}" in result.output, result.output


def test_a_sweep_file_where_another_kind_goes_is_named_as_such(tmp_path: Path) -> None:
    sweep = tmp_path / "s.yaml"
    sweep.write_text("sweep: s\nruns: 5\npolicy: empirical\ngrid: {smoothing: [1]}\n")
    result = invoke("run", str(sweep))  # was every field that did not fit a scenario
    assert f"{sweep}:1:1: this is a sweep file (it has `sweep:` at the top), expected a " in (
        result.output
    )
    scenario = Path(__file__).parent.parent / "scenarios" / "cambodia_2013_2014.yaml"
    result = invoke("sweep", str(scenario))
    assert "this is a scenario file (it has `name:` at the top), expected a sweep file" in (
        result.output
    )


def test_a_scenarios_simulation_policy_is_checked_without_claims(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("name: x\nsimulation: {policy: nosuch, runs: 5, seed: 1}\n")
    for command in ("run", "validate"):
        result = invoke(command, str(path))  # was: passed, the setting never looked at
        assert result.exit_code == EXIT_INPUT, result.output
        assert "s.yaml:2:14: simulation.policy: unknown policy 'nosuch'" in result.output
