"""Regression tests for hostile or mistaken inputs found by hand (issue 14): each error names
the file, and its line where the file parsed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from negotiation._internal import paths
from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT, EXIT_LIMIT

PACKS = paths.data_dir() / "packs"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_a_copied_builtin_vocabulary_names_its_lines(tmp_path: Path) -> None:
    copy = tmp_path / "vocabulary.yaml"
    shutil.copy(paths.data_dir() / "vocabulary.yaml", copy)
    result = invoke("validate", str(copy))
    assert result.exit_code == EXIT_INPUT
    first = result.output.splitlines()[0]
    assert first.startswith(f"error: {copy}:"), first
    line = first.split(":")[2]
    assert line.isdigit() and int(line) > 1
    assert "'election_held' is already defined (at " in first
    # the built-in file itself validates on its own (every kind was 'already defined')
    builtin = invoke("validate", str(paths.data_dir() / "vocabulary.yaml"))
    assert builtin.exit_code == 0, builtin.output
    assert "vocabulary.yaml:" in first.split("(at ")[1]


def test_a_model_vocabulary_defining_a_builtin_kind_again_names_its_line(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(PACKS / "thailand-2013-2014", pack)
    with (pack / "vocabulary.yaml").open("a") as f:
        f.write("kinds:\n  protest: {description: again}\n")
    lines = (pack / "vocabulary.yaml").read_text().splitlines()
    result = invoke("validate", str(pack / "model.yaml"))
    assert result.exit_code == EXIT_INPUT
    assert f"{pack / 'vocabulary.yaml'}:{len(lines)}:3: kinds.protest:" in result.output
    assert "<vocabulary>" not in result.output
    inline = pack / "model.yaml"
    text = inline.read_text().replace(
        "vocabulary: vocabulary.yaml", "vocabulary:\n  kinds:\n    protest: {description: x}\n", 1
    )
    inline.write_text(text)
    result = invoke("validate", str(inline))
    assert result.exit_code == EXIT_INPUT
    assert f"{inline}:" in result.output and "vocabulary.kinds.protest" in result.output
    assert "<vocabulary>" not in result.output


def test_a_log_of_another_dispute_gives_a_warning() -> None:
    kenya = str(PACKS / "kenya-2007-2008" / "events.yaml")
    for args in (
        ("replay", kenya, "--pack", "cambodia-2013-2017"),
        ("replay", kenya),  # the built-in model
        ("derive", kenya, "--model", str(PACKS / "thailand-2013-2014" / "model.yaml")),
        ("explore", "--events", kenya, "--max-depth", "0"),
    ):
        result = invoke(*args)
        assert result.exit_code in (0, 1, EXIT_INPUT), result.output
        assert "<input>" not in result.output
        assert f"warning: {kenya}: this log ('Kenya 2007-08" in result.stderr, args
        assert "shares no actor with the model's own log" in result.stderr


def test_a_log_of_the_same_dispute_gives_no_warning() -> None:
    for args in (
        ("replay", "--pack", "kenya-2007-2008"),
        ("replay",),
        ("replay", str(paths.seeds_dir() / "events.yaml"), "--pack", "cambodia-2013-2017"),
        ("derive", "--pack", "thailand-2013-2014"),
    ):
        result = invoke(*args)
        assert result.exit_code in (0, 1), result.output
        assert "warning" not in result.stderr, args


def test_a_log_with_kinds_the_model_does_not_handle_names_the_log() -> None:
    kenya = str(PACKS / "kenya-2007-2008" / "events.yaml")
    model = str(PACKS / "thailand-2013-2014" / "model.yaml")
    for command in ("replay", "derive"):
        result = invoke(command, kenya, "--model", model)
        assert result.exit_code == EXIT_INPUT
        assert f"error: {kenya}: model 'thailand-2013-2014' has no transition" in result.stderr


ENGLISH = "The opposition rejected the official results and called for an inquiry into the vote.\n"
GERMAN = "Die Opposition lehnt das amtliche Ergebnis ab und fordert eine Untersuchung der Wahl.\n"
FRENCH = "L'opposition rejette les résultats officiels et demande une enquête sur le scrutin.\n"


def test_validate_checks_an_article_text(tmp_path: Path) -> None:
    cases = {
        "english.txt": (ENGLISH.encode(), None),
        "german.txt": (GERMAN.encode(), "reads as German (de), expected English (en) by default"),
        "bom.txt": (b"\xef\xbb\xbf" + ENGLISH.encode(), "1:1: starts with a byte-order mark"),
        "utf16.txt": (ENGLISH.encode("utf-16"), "1:1: UTF-16 text"),
        "latin1.txt": ("café ".encode("latin-1") + ENGLISH.encode(), "1:4: not UTF-8"),
        "empty.txt": (b"", "1:1: empty, expected an article's text"),
        "digits.txt": (b"12 34 56\n", "1:1: no letters"),
        "binary.txt": (b"ab\x00cd", "1:3: binary data"),
    }
    for name, (data, expected) in cases.items():
        (tmp_path / name).write_bytes(data)
        result = invoke("validate", str(tmp_path / name))
        if expected is None:
            assert result.exit_code == 0, result.output
            assert "(article text)" in result.output
        else:
            assert result.exit_code == EXIT_INPUT, name
            assert f"error: {tmp_path / name}:{expected}" in result.stderr or (
                f"error: {tmp_path / name}:" in result.stderr and expected in result.stderr
            ), result.stderr
    folder = invoke("validate", str(tmp_path))  # a folder: its texts too
    assert folder.exit_code == EXIT_INPUT
    assert f"ok: {tmp_path / 'english.txt'} (article text)" in folder.output
    assert f"error: {tmp_path / 'german.txt'}:" in folder.stderr


def test_an_article_text_is_checked_against_the_language_articles_yaml_gives(
    tmp_path: Path,
) -> None:
    (tmp_path / "articles.yaml").write_text(
        "articles:\n"
        + "".join(
            f"- {{id: {i}, outlet: X, published: '2014-01-02', date_basis: given, "
            f"confidence: 1.0, language: fr}}\n"
            for i in ("fr_001", "fr_002")
        )
    )
    (tmp_path / "fr_001.txt").write_text(FRENCH)
    (tmp_path / "fr_002.txt").write_text(GERMAN)
    assert invoke("validate", str(tmp_path / "fr_001.txt")).exit_code == 0
    result = invoke("validate", str(tmp_path / "fr_002.txt"))
    assert result.exit_code == EXIT_INPUT
    assert "reads as German (de), expected French (fr) as " in result.stderr
    assert "gives for 'fr_002'" in result.stderr


def test_the_shipped_texts_validate() -> None:
    for folder in (paths.seeds_dir(), *(p for p in PACKS.iterdir() if p.is_dir())):
        result = invoke("validate", *map(str, sorted(folder.glob("*.txt"))))
        assert result.exit_code == 0, result.output


def test_explore_out_of_memory_stops_with_its_partial_result(monkeypatch: Any) -> None:
    from negotiation.explore.search import Search

    original = Search.run

    def run_out(self: Search, max_states: int, *args: Any) -> str:
        original(self, 3000, *args)  # some states found, then memory runs out
        raise MemoryError

    monkeypatch.setattr(Search, "run", run_out)
    result = invoke("explore", "--max-depth", "20", "--json")
    assert result.exit_code == EXIT_LIMIT, result.output
    data = json.loads(result.stdout)
    assert data["stopped"] == "max_memory"
    assert data["distinct_states"] >= 3000
    assert data["outcomes"], "what was found before memory ran out is reported"


def test_explore_has_a_memory_limit_by_default() -> None:
    from negotiation.explore.timing import default_max_memory_mb

    limit = default_max_memory_mb()
    assert limit is None or limit >= 1
    result = invoke("explore", "--max-depth", "1", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["limits"]["max_memory_mb"] == limit
    low = invoke("explore", "--max-depth", "20", "--max-memory", "1", "--json")
    assert low.exit_code == EXIT_LIMIT
    assert json.loads(low.stdout)["stopped"] == "max_memory"


def test_no_hypothesis_test_has_a_deadline() -> None:
    """A deadline fails a test on a loaded machine (issue 14: flaky tests)."""
    from hypothesis import HealthCheck, settings

    assert settings.default.deadline is None
    assert HealthCheck.too_slow in settings.default.suppress_health_check


KENYA = PACKS / "kenya-2007-2008"
POLICY = PACKS / "cambodia-2013-2017" / "policies" / "talks-first.yaml"


def test_a_file_of_another_kind_is_named_as_such() -> None:
    model, events, scenario = KENYA / "model.yaml", KENYA / "events.yaml", KENYA / "scenarios"
    record = scenario / "record.yaml"
    cases = [
        (
            ("run", str(model)),
            model,
            "a model file (it has `transitions:` at the top), expected a scenario",
        ),
        (
            ("run", str(POLICY)),
            POLICY,
            "a policy file (it has `outcomes:` at the top), expected a scenario",
        ),
        (
            ("replay", str(record)),
            record,
            "a scenario file (it has `name:` at the top), expected an event log",
        ),
        (
            ("replay", "--model", str(record)),
            record,
            "a scenario file (it has `name:` at the top), expected a model",
        ),
        (
            ("replay", "--profile", str(model)),
            model,
            "a model file (it has `transitions:` at the top), expected a profile",
        ),
        (
            ("events", "--log", str(KENYA / "profile.yaml")),
            KENYA / "profile.yaml",
            "a profile file (it has `provisions:` at the top), expected an event log",
        ),
        (
            ("simulate", "--policy", str(model), "--runs", "1"),
            model,
            "a model file (it has `transitions:` at the top), expected a policy",
        ),
        (
            ("simulate", "--model", str(POLICY), "--runs", "1"),
            POLICY,
            "a policy file (it has `outcomes:` at the top), expected a model",
        ),
        (
            ("run", str(events)),
            events,
            "an event log file (it has `dispute:` at the top), expected a scenario",
        ),
    ]
    for args, file, message in cases:
        result = invoke(*args)
        assert result.exit_code == EXIT_INPUT, args
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1, errors
        assert errors[0].startswith(f"error: {file}:") and f"this is {message}" in errors[0]
        assert "warning" not in result.stderr


def test_a_file_of_the_right_kind_with_a_stray_key_is_not_called_another_kind(
    tmp_path: Path,
) -> None:
    scenario = tmp_path / "s.yaml"
    text = (KENYA / "scenarios" / "record.yaml").read_text()
    scenario.write_text(text + "\ntransitionz: 1\n")
    result = invoke("run", str(scenario))
    assert result.exit_code == EXIT_INPUT
    assert "this is" not in result.stderr and "unknown field" in result.stderr


def test_validate_on_a_folder_with_nothing_to_check_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("nothing to validate\n")
    result = invoke("validate", str(tmp_path))
    assert result.exit_code == EXIT_INPUT
    assert (
        f"error: {tmp_path}: no YAML files or articles (.txt, .html) in this folder"
        in result.stderr
    )


def test_extract_names_a_device_as_a_device() -> None:
    for args in (("extract", "/dev/null"), ("evaluate", "--gold", "/dev/null")):
        result = invoke(*args)
        assert result.exit_code == EXIT_INPUT
        assert "error: /dev/null: is a device, expected a regular file" in result.stderr, args
    result = invoke("evaluate", "--gold", str(KENYA / "events.yaml"), "--articles", "/dev/null")
    assert result.exit_code == EXIT_INPUT
    assert "error: /dev/null: is a device" in result.stderr


def test_ctrl_c_while_the_command_line_loads_is_exit_130(monkeypatch: Any, capsys: Any) -> None:
    """The console script catches Ctrl-C from its first import on (there was a traceback when
    it came in the first second, while modules were being imported)."""
    import negotiation.cli
    from negotiation._internal.entry import run

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(negotiation.cli, "main", interrupted)
    try:
        run()
    except SystemExit as exc:
        assert exc.code == 130
    else:
        raise AssertionError("no exit")
    assert capsys.readouterr().err == "interrupted\n"


def test_the_console_script_runs_the_command_group() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert pyproject["project"]["scripts"]["negotiation"] == "negotiation._internal.entry:run"


def test_explore_save_with_nothing_found_leaves_an_empty_folder_run_explains(
    tmp_path: Path,
) -> None:
    out = tmp_path / "saved"
    result = invoke("explore", "--pack", "kenya-2007-2008", "--max-depth", "2", "--save", str(out))
    assert result.exit_code == 0, result.output
    assert f"wrote nothing to {out}: no counterexample or witness was found" in result.stdout
    assert not list(out.glob("*.yaml"))  # no profile or model alone
    ran = invoke("run", str(out))
    assert ran.exit_code == EXIT_INPUT
    assert "no scenario files in this folder (`explore --save` wrote it" in ran.stderr


def test_pack_yaml_naming_a_device_or_a_folder_is_located_in_pack_yaml(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(KENYA, pack)
    text = (pack / "pack.yaml").read_text()
    (pack / "zero").symlink_to("/dev/zero")  # inside the pack: an absolute path is refused first
    links = "a symbolic link to /dev/zero, outside the pack"  # a link out of the pack: refused
    for value, what in (("zero", links), ("scenarios", "a directory")):
        if value != "zero":  # any link out of the pack is refused, named in pack.yaml or not
            (pack / "zero").unlink()
        (pack / "pack.yaml").write_text(text.replace("model: model.yaml", f"model: {value}"))
        for command in ("validate", "replay", "run"):
            result = invoke(command, "--pack", str(pack))
            assert result.exit_code == EXIT_INPUT
            first = result.stderr.splitlines()[0]
            assert first.startswith(f"error: {pack / 'pack.yaml'}:"), first
            assert f"is {what}, expected a file" in first


@pytest.mark.parametrize("key", ["events", "model", "profile"])
def test_a_file_a_scenario_names_is_reported_where_the_scenario_names_it(
    tmp_path: Path, key: str
) -> None:
    """The slow fuzz campaign gave a scenario `events: /etc/passwd`: the error named only
    /etc/passwd. It also says where the scenario names the file."""
    other = tmp_path / "other.txt"
    other.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    scenario = tmp_path / "s.yaml"
    extra = "" if key == "events" else "events: builtin\n"
    scenario.write_text(f"name: t\n{extra}{key}: {str(other)!r}\nexpect: {{}}\n", "utf-8")
    result = invoke("run", str(scenario))
    assert result.exit_code == EXIT_INPUT
    # not a document of ours at all: one error, located where the scenario names the file
    (line,) = result.stderr.splitlines()
    assert f"s.yaml:{3 if extra else 2}:1: {key}: {other}: expected a mapping" in line, line
    # a document of ours with a problem inside: that problem, and where the scenario names it
    other.write_text("events:\n  - {id: x, kind: nonsense, date: 2013-07-28}\n", "utf-8")
    if key == "events":
        lines = invoke("run", str(scenario)).stderr.splitlines()
        assert any(line.startswith(f"error: {other}:2:") for line in lines), lines
        assert any("s.yaml:2:1: events: the event log named here" in ln for ln in lines), lines


def test_an_alias_two_actors_share_is_a_located_error(tmp_path: Path) -> None:
    """The Cambodia pack gave "supporters of the ruling party" to both `cpp` and
    `cpp-supporters`: the text could only ever resolve to the first."""
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "actors:\n"
        "- {id: cpp, name: Cambodian People's Party, type: party,\n"
        "   aliases: [CPP, supporters of the ruling party]}\n"
        "- id: cpp-supporters\n"
        "  name: Supporters of the ruling party\n"
        "  type: group\n",
        encoding="utf-8",
    )
    result = invoke("validate", str(actors))
    assert result.exit_code == EXIT_INPUT
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {actors}:5:3: actors[1].name: "), line
    assert "already names actor 'cpp' (line 3)" in line, line


def test_no_shipped_actor_file_gives_one_name_to_two_actors() -> None:
    root = paths.data_dir()
    found = sorted({*root.rglob("actors.yaml"), *paths.seeds_dir().rglob("actors.yaml")})
    assert len(found) >= 5
    for path in found:
        result = invoke("validate", str(path))
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("start", "utf8", "says"),
    [
        (b"\xff\xfe\x00\x00a", False, "UTF-32 text (it starts with that byte-order mark)"),
        (b"\xfe\xffa", False, "UTF-16 text"),
        ("\ufeffa", True, "starts with a byte-order mark (U+FEFF)"),
        (b"\xef\xbb\xbfa", True, "starts with a byte-order mark (U+FEFF)"),
        (b"\xef\xbb\xbfa", False, None),  # YAML: a UTF-8 mark is read past
        ("a\ufeff", True, None),
    ],
)
def test_one_byte_order_mark_check_for_files_and_article_texts(
    start: bytes | str, utf8: bool, says: str | None
) -> None:
    from negotiation._internal.files import refuse_byte_order_mark
    from negotiation.errors import InputError

    if says is None:
        refuse_byte_order_mark("f.txt", start, utf8=utf8)
        return
    with pytest.raises(InputError) as info:
        refuse_byte_order_mark("f.txt", start, utf8=utf8)
    assert str(info.value).startswith("f.txt:1:1: ") and says in str(info.value)
