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

from negotiation._internal import atomic, files
from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT
from negotiation.errors import InputError

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
        ('{"outcomes": {"a": {"p": true, "ci95": []}}}', "sim.json: outcomes.a: expected"),
        ('{"outcomes": [1]}', "sim.json: outcomes: expected the JSON of `negotiation simulate"),
        ("", "sim.json:1:1: not JSON: Expecting value"),
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
