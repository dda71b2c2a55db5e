"""A file one of ours names (a model's profile or vocabulary, a pack's model, profile or event
log, a scenario's or a sweep's pack): when it is no document of ours (a device, a folder, a
YAML list) the error is located where it is named; when it is one with a problem inside, that
problem keeps its place and one more line says where the file is named.

Found by the slow fuzz campaign (`pytest -m slow tests/fuzz`): a model whose `profile:` is
`/dev/zero` gave only `error: /dev/zero: is a device, expected a regular file`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from negotiation._internal import paths, yamldoc
from negotiation._internal.named import where_named
from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT
from negotiation.errors import Problem

KENYA = paths.data_dir() / "packs" / "kenya-2007-2008"

#: what a named file may be instead of one of ours, and what the error says of it
NOT_OURS = [
    ("/dev/zero", "/dev/zero: is a device, expected a regular file"),
    ("folder", "is a directory, expected a regular file"),
    ("list.yaml", "expected a mapping of keys"),
]


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(KENYA, pack)
    (pack / "folder").mkdir()
    (pack / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    return pack


def _errors(*args: str) -> list[str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == EXIT_INPUT, result.output
    assert "Traceback" not in result.output
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def _line_of(path: Path, key: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(f"{key}:"))


def _name(path: Path, key: str, value: str) -> None:
    """Set (or add) ``key: value`` at the top level of the YAML file ``path``."""
    text = path.read_text(encoding="utf-8")
    if re.search(rf"^{key}:", text, re.M):
        text = re.sub(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.M)
    else:
        text = re.sub(r"^(profile:.*)$", rf"\1\n{key}: {value}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("value", "says"), NOT_OURS)
@pytest.mark.parametrize("key", ["profile", "vocabulary"])
@pytest.mark.parametrize("command", ["validate", "replay"])
def test_a_file_a_model_names_is_reported_where_the_model_names_it(
    tmp_path: Path, key: str, value: str, says: str, command: str
) -> None:
    pack = _pack(tmp_path)
    model = pack / "model.yaml"
    _name(model, key, value)
    args = [str(model)] if command == "validate" else ["--pack", str(pack)]
    errors = _errors(command, *args)
    at = f"error: {model}:{_line_of(model, key)}:1: {key}: "
    assert any(e.startswith(at) and says in e for e in errors), errors


def test_a_broken_profile_a_model_names_is_reported_in_it_and_where_it_is_named(
    tmp_path: Path,
) -> None:
    pack = _pack(tmp_path)
    profile = pack / "profile.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "bogus: 1\n", encoding="utf-8")
    errors = _errors("validate", str(pack / "model.yaml"))
    assert errors[0].startswith(f"error: {profile}:"), errors
    model = pack / "model.yaml"
    assert (
        f"error: {model}:{_line_of(model, 'profile')}:1: profile: the profile named here"
        in (errors[1])
    )


@pytest.mark.parametrize(("value", "says"), NOT_OURS)
@pytest.mark.parametrize("key", ["model", "profile", "events"])
def test_a_file_a_pack_names_is_reported_where_pack_yaml_names_it(
    tmp_path: Path, key: str, value: str, says: str
) -> None:
    pack = _pack(tmp_path)
    if value == "/dev/zero":  # a pack names its own files only, and has no link out of it
        (pack / "zero").symlink_to("/dev/zero")
        value, says = "zero", "is a symbolic link to /dev/zero, outside the pack, expected"
    if value == "folder":
        says = "is a directory, expected a file"
    pack_yaml = pack / "pack.yaml"
    text = pack_yaml.read_text(encoding="utf-8")
    if f"\n{key}:" not in text:
        text += f"{key}: x\n"
    pack_yaml.write_text(re.sub(rf"^{key}:.*$", f"{key}: {value}", text, flags=re.M), "utf-8")
    for command in ("validate", "replay"):
        errors = _errors(command, "--pack", str(pack))
        at = f"error: {pack_yaml}:{_line_of(pack_yaml, key)}:1: "
        assert any(e.startswith(at) and says in e for e in errors), (command, errors)


def test_a_broken_model_a_pack_names_is_also_reported_where_pack_yaml_names_it(
    tmp_path: Path,
) -> None:
    pack = _pack(tmp_path)
    _name(pack / "model.yaml", "profile", "/dev/zero")
    errors = _errors("replay", "--pack", str(pack))
    model_line = _line_of(pack / "model.yaml", "profile")
    assert errors[0] == (
        f"error: {pack / 'model.yaml'}:{model_line}:1: profile: /dev/zero: is a device, "
        "expected a regular file"
    ), errors
    assert errors[1].startswith(f"error: {pack / 'pack.yaml'}:9:1: model: the model named here")


@pytest.mark.parametrize("kind", ["scenario", "sweep"])
def test_a_broken_pack_a_file_names_keeps_its_own_location(tmp_path: Path, kind: str) -> None:
    """A scenario's or a sweep's `pack:` naming a pack whose pack.yaml is wrong: before, only
    the first problem's message, at the `pack:` key; now pack.yaml's own line as well."""
    pack = _pack(tmp_path)
    pack_yaml = pack / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8") + "bogus: 1\n", "utf-8")
    named = tmp_path / "named.yaml"
    if kind == "scenario":
        named.write_text(f"name: t\npack: {pack}\nexpect: {{}}\n", encoding="utf-8")
        errors = _errors("run", str(named))
    else:
        named.write_text(f"sweep: t\npack: {pack}\nruns: 2\n", encoding="utf-8")
        errors = _errors("sweep", str(named))
    assert any(e.startswith(f"error: {pack_yaml}:") and "bogus" in e for e in errors), errors
    assert any(e.startswith(f"error: {named}:2:1: pack: the pack named here") for e in errors)


def test_where_named_keeps_the_naming_files_own_problems_and_moves_whole_ones() -> None:
    doc = yamldoc.load_text("id: m\nprofile: p.yaml\n", "m.yaml")
    own = doc.problem(("id",), "bad id")
    whole = Problem("p.yaml", "expected a mapping", line=1, column=1, whole=True)
    inside = Problem("p.yaml", "bad key", line=4, column=3)
    out = [str(p) for p in where_named([own, whole, inside], doc, ("profile",), "profile")]
    assert out == [
        "m.yaml:1:1: id: bad id",
        "m.yaml:2:1: profile: p.yaml: expected a mapping",
        "p.yaml:4:3: bad key",
        "m.yaml:2:1: profile: the profile named here, 'p.yaml', has the problems above",
    ]
    assert where_named([whole], None, ("profile",), "profile") == [whole]


@pytest.mark.parametrize("command", ["explore", "replay", "simulate"])
def test_a_models_own_error_comes_before_a_broken_log_beside_it(
    tmp_path: Path, command: str
) -> None:
    """`explore --model BAD.yaml` reported the broken events.yaml beside the model only."""
    pack = _pack(tmp_path)
    model = pack / "model.yaml"
    model.write_text(
        re.sub(r"^initial: .*$", "initial: nowhere", model.read_text("utf-8"), flags=re.M), "utf-8"
    )
    (pack / "events.yaml").write_text("- not a log\n", encoding="utf-8")
    extra = {"explore": ["--max-depth", "1"], "simulate": ["--runs", "2"]}.get(command, [])
    errors = _errors(command, "--model", str(model), *extra)
    assert errors[0].startswith(f"error: {model}:") and "unknown phase 'nowhere'" in errors[0]
