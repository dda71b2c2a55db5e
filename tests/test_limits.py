"""Hostile inputs and output paths: every one a located error (exit 2), never a traceback, a
hang or runaway memory. Each case here was a traceback, a hang or a silent loss before."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from negotiation._internal import atomic, files, limits, yamldoc
from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_LIMIT
from negotiation.errors import InputError

BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


def invoke(*args: str, **env: str) -> Result:
    return CliRunner().invoke(main, list(args), env=env or None)


def located(text: str, file: str = "f.yaml") -> str:
    with pytest.raises(InputError) as info:
        yamldoc.load_text(text, file)
    (problem,) = info.value.problems
    assert problem.file == file and problem.line is not None, problem
    return str(problem)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\na: 3\n", "f.yaml:3:1: duplicate key 'a' (first at line 1, column 1)"),
        (BOMB, "more than 1000000 values"),
        ("a: &a [*a]\n", "alias *a refers to a value that contains it"),
        ("a: *nowhere\n", "names no anchor"),
        ("[" * 10_000, "f.yaml:1:1001: invalid YAML: exceeded maximum nesting depth"),
        ("[" * 100, "f.yaml:1:65: nested more than 64 levels"),
        ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 100)), "nested more than 64"),
        ("n: 1" + "0" * 5000 + "\n", "not a valid int"),
        ("n: .inf\n", "not a finite number"),
        ("x: !!python/object/apply:os.system [ls]\n", "is not allowed (plain data only)"),
        ("x: !!binary aGk=\n", "is not allowed"),
        ("<<: {a: 1}\n", "merge keys"),
        ("? [a]\n: 1\n", "a key must be a plain value"),
        ("a: 1\n---\nb: 2\n", "more than one document"),
        ("a: b\x00c\n", "f.yaml:1:5: invalid YAML: control character #x0000"),
        ("a: [1, 2\n", "invalid YAML"),
    ],
)
def test_hostile_yaml_is_a_located_error(text: str, expected: str) -> None:
    assert expected in located(text)


def test_limits_are_raised_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    deep = "a:\n" + "".join("  " * i + "- \n" for i in range(1, 70))
    monkeypatch.setenv(limits.ENV["depth"], "100")
    assert yamldoc.load_text(deep).data is not None
    monkeypatch.setenv(limits.ENV["string"], "10")
    assert "over the limit of 10 (raise it with NEGOTIATION_MAX_STRING" in located("a: " + "x" * 11)
    monkeypatch.setenv(limits.ENV["depth"], "many")
    with pytest.raises(InputError, match="NEGOTIATION_MAX_DEPTH: expected a positive int"):
        limits.current()


def test_aliases_within_the_limit_still_load() -> None:
    doc = yamldoc.load_text("a: &x {b: [1, 2]}\nc: *x\n")
    assert doc.data == {"a": {"b": [1, 2]}, "c": {"b": [1, 2]}}
    assert doc.position(("c", "b", 0)) == (2, 1)


def test_special_files_are_refused_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    for path, message in (
        (fifo, "is a FIFO (named pipe), expected a regular file"),
        (Path("/dev/zero"), "is a device, expected a regular file"),
        (tmp_path, "is a directory"),
        (loop, "symlink loop"),
        (tmp_path / "missing.yaml", "file not found"),
    ):
        with pytest.raises(InputError, match=re.escape(message)) as info:
            files.read_text(path)
        assert info.value.problems[0].file == str(path)


def test_big_files_are_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("a: 1\n" * 1000)
    monkeypatch.setenv(limits.ENV["file_mb"], "0.001")
    with pytest.raises(InputError, match=r"over the limit of 0.001 MB \(raise it with"):
        files.read_text(big)


def test_bytes_that_are_not_utf8_are_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(InputError, match=r"bad.yaml:2:7: not UTF-8 text \(byte 0xe9"):
        files.read_text(bad)


def test_a_scenario_naming_a_device_as_its_model(tmp_path: Path) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text("name: s\nmodel: /dev/zero\nexpect: {final_phase: formed}\n")
    result = invoke("run", str(scenario))
    assert result.exit_code == EXIT_INPUT, result.output
    assert "s.yaml:2:1: model: /dev/zero: is a device" in result.output


def test_run_on_nothing_is_an_error(tmp_path: Path) -> None:
    result = invoke("run", str(tmp_path))
    assert result.exit_code == EXIT_INPUT
    assert "no scenario files in this folder" in result.output


def test_run_through_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    result = invoke("run", str(tmp_path / "loop.yaml"))
    assert result.exit_code == EXIT_INPUT
    assert "symlink loop" in result.output


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (".", "is a directory"),
        ("missing/out.json", "does not exist"),
        ("file/out.json", "parent of this path is a file"),
        ("link.json", "is a symlink"),
        ("pipe.json", "is a FIFO"),
    ],
)
def test_output_paths_are_checked_before_any_work(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "file").write_text("x")
    (tmp_path / "target.json").write_text("keep")
    (tmp_path / "link.json").symlink_to(tmp_path / "target.json")
    os.mkfifo(tmp_path / "pipe.json")
    out = str(tmp_path / name) if name != "." else str(tmp_path) + "/"
    for args in (["schema", "model", "--out", out], ["run", "scenarios", "--junit", out]):
        result = invoke(*args)
        assert result.exit_code == EXIT_INPUT, result.output
        assert message in result.output
    assert (tmp_path / "target.json").read_text() == "keep"


def test_writing_keeps_the_mode_and_leaves_no_temp_file(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old")
    out.chmod(0o600)
    atomic.write_text(out, "new")
    assert out.read_text() == "new" and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_folder_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "found"
    atomic.replace_dir(out, {"a.yaml": "a", "stale.yaml": "s"})
    atomic.replace_dir(out, {"a.yaml": "b"})
    assert sorted(p.name for p in out.iterdir()) == [atomic.MARKER, "a.yaml"]
    assert (out / "a.yaml").read_text() == "b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["found"]  # no sibling left
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("precious")
    with pytest.raises(InputError, match="files this command did not write"):
        atomic.replace_dir(mine, {"a.yaml": "a"})
    assert (mine / "notes.txt").read_text() == "precious"


def test_ctrl_c_and_memory_have_exit_codes_of_their_own(monkeypatch: pytest.MonkeyPatch) -> None:
    import negotiation.packs as packs

    for exc, code in ((KeyboardInterrupt(), EXIT_INTERRUPTED), (MemoryError(), EXIT_LIMIT)):

        def boom(*args: object, exc: BaseException = exc, **kwargs: object) -> object:
            raise exc

        monkeypatch.setattr(packs, "available_packs", boom)
        result = invoke("packs")
        assert result.exit_code == code, (result.output, result.exception)
        assert "Traceback" not in result.output


def test_terminal_escapes_never_reach_the_terminal(tmp_path: Path) -> None:
    assert "control character U+001B in a string" in located('summary: "\\e[2J\\x1b[31m"\n')
    article = tmp_path / "a.txt"
    article.write_text("First line.\nThe \x1b[31mred\x1b[0m party met.\n")
    with pytest.raises(InputError, match=r"a.txt:2:5: control character U\+001B"):
        files.read_text(article)


def test_json_output_never_holds_nan() -> None:
    from negotiation.cli.common import to_json

    assert to_json({"a": float("nan"), "b": [float("inf"), 1.5]}) == (
        '{\n  "a": null,\n  "b": [\n    null,\n    1.5\n  ]\n}\n'
    )


def test_a_windows_text_is_told_how_to_convert(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("The leader said \u2019today\u2019 on Monday.\n".encode("cp1252"))
    with pytest.raises(InputError, match=r"report.txt:1:17: not UTF-8 text \(byte 0x92") as err:
        files.read_text(path)
    assert "reads as Windows-1252 ('\u2019' there)" in str(err.value)
    assert "iconv -f WINDOWS-1252 -t UTF-8" in str(err.value)
    # bytes no Windows text has: no guess
    path.write_bytes(b"caf\xe9 \x81\x8d\n")
    with pytest.raises(InputError) as err:
        files.read_text(path)
    assert "Windows-1252" not in str(err.value)
