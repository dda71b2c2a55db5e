"""`negotiation events` and `negotiation validate`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from negotiation._internal import yamldoc
from negotiation._internal.paths import seeds_dir
from negotiation.cli import main
from negotiation.cli.corpus import VALIDATORS, detect_kind, register_document_kind


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for f in seeds_dir().iterdir():
        if f.suffix in (".txt", ".yaml"):
            shutil.copy(f, tmp_path / f.name)
    return tmp_path


def test_events_json(runner: CliRunner) -> None:
    result = runner.invoke(main, ["events", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["format_version"] == 1
    events = data["events"]
    assert isinstance(events, list) and 30 <= len(events) <= 45
    first = events[0]
    for field in (
        "id",
        "kind",
        "date",
        "granularity",
        "date_text",
        "actors",
        "recipients",
        "mediator",
        "facts",
        "summary",
        "crosswalk",
        "sources",
    ):
        assert field in first
    assert first["sources"][0].keys() == {"article", "quote", "start", "end"}


def test_events_text(runner: CliRunner) -> None:
    result = runner.invoke(main, ["events"])
    assert result.exit_code == 0
    assert "2013-07-28-election-held" in result.output
    assert "2014-03-24-summit-rejected" in result.output


def test_events_conflicts(runner: CliRunner) -> None:
    result = runner.invoke(main, ["events", "--conflicts"])
    assert result.exit_code == 0
    out = result.output
    assert "during their talks on November 16-17" in out
    assert "The two parties reached an agreement on Monday" in out
    assert "should have won 63" in out and "the CNRP got 55 seats" in out
    assert "voted on September 24" in out
    data = json.loads(runner.invoke(main, ["events", "--conflicts", "--json"]).output)
    assert data["format_version"] == 1
    as_json = data["conflicts"]
    assert len(as_json) == 3 and all(len(c["claims"]) >= 2 for c in as_json)


def test_events_of_another_log(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(main, ["events", "--json", "--log", str(corpus)])
    assert result.exit_code == 0
    (corpus / "events.yaml").write_text("events: {", encoding="utf-8")
    result = runner.invoke(main, ["events", "--log", str(corpus / "events.yaml")])
    assert result.exit_code == 2 and "invalid YAML" in result.output


def test_validate_builtin_files(runner: CliRunner) -> None:
    files = [str(seeds_dir() / n) for n in ("events.yaml", "actors.yaml", "articles.yaml")]
    result = runner.invoke(main, ["validate", *files])
    assert result.exit_code == 0, result.output
    assert result.output.count("ok: ") == 3
    assert runner.invoke(main, ["validate", str(seeds_dir())]).exit_code == 0


def test_validate_one_altered_character(runner: CliRunner, corpus: Path) -> None:
    f = corpus / "events.yaml"
    text = f.read_text(encoding="utf-8")
    old = "the hotly-contested July 28 polls"
    assert old in text
    f.write_text(text.replace(old, old.replace("hotly", "hotlY"), 1), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(f)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    line = next(ln for ln in result.output.splitlines() if "quote not found" in ln)
    assert f"{f}:" in line and ".sources[2].quote:" in line
    assert "first difference at character 8" in line


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bad.yaml", "events:\n  - id: [\n", "invalid YAML"),
        ("what.yaml", "scenario: 1\n", "cannot tell what this file is"),
        ("list.yaml", "- 1\n- 2\n", "cannot tell what this file is"),
        ("events.yaml", "events:\n  - id: 2013-01-01-x\n    kind: nonsense\n", "events[0].kind"),
        (
            "actors.yaml",
            "actors:\n  - id: a\n    name: A\n    type: party\n  - id: a\n    name: B\n"
            "    type: person\n",
            "duplicate actor id 'a'",
        ),
        ("articles.yaml", "articles:\n  - id: zzz\n", "required field is missing"),
    ],
)
def test_validate_bad_files(
    runner: CliRunner, tmp_path: Path, name: str, content: str, expected: str
) -> None:
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(f)])
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    assert f"{f}:" in result.output


def test_validate_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2 and "file not found" in result.output


def test_registry_accepts_new_kinds(tmp_path: Path) -> None:
    seen: list[str] = []
    register_document_kind("test-kind", "test_only_key", lambda doc: seen.append(doc.file))
    try:
        f = tmp_path / "x.yaml"
        f.write_text("test_only_key: 1\n", encoding="utf-8")
        assert detect_kind(yamldoc.load(f)) == "test-kind"
        result = CliRunner().invoke(main, ["validate", str(f)])
        assert result.exit_code == 0 and seen == [str(f)]
    finally:
        from negotiation.cli.corpus import DOCUMENT_KEYS

        VALIDATORS.pop("test-kind")
        DOCUMENT_KEYS.pop("test_only_key")


def test_validate_checks_a_policy_against_its_pack(runner: CliRunner, tmp_path: Path) -> None:
    policy = (
        Path(__file__).resolve().parent.parent
        / "negotiation/data/packs/cambodia-2013-2017/policies/talks-first.yaml"
    )
    ok = runner.invoke(main, ["validate", str(policy)])
    assert ok.exit_code == 0 and "(policy)" in ok.output, ok.output
    # outside its pack, a policy is checked against the reference model, located
    text = policy.read_text(encoding="utf-8").replace("kind: election_held", "kind: election_hel")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    bad = runner.invoke(main, ["validate", str(tmp_path / "p.yaml")])
    assert bad.exit_code == 2
    assert "p.yaml:16:" in bad.output and "'election_hel'" in bad.output


def test_validate_pack_checks_a_policy_outside_it_against_that_pack(
    runner: CliRunner, tmp_path: Path
) -> None:
    """`validate --pack P policy.yaml`, the policy kept outside P (as `simulate --pack P
    --policy policy.yaml` reads it), was checked against the reference model: every region,
    actor and fact of P's was reported unknown. Now against P; alone, still the reference."""
    pack = Path(__file__).resolve().parent.parent / "examples/malawi-2019-2020"
    (tmp_path / "p.yaml").write_text(
        "id: p\nwait: {exponential: 30}\noutcomes:\n  seated: {when: {presidency: successor}}\n"
        "actors:\n  - actor: mw-mec\n    rules:\n      - when: {poll: voted}\n        moves:\n"
        "          - {kind: results_announced, facts: [{value: {winner_share: 58.57}}]}\n",
        encoding="utf-8",
    )
    ok = runner.invoke(main, ["validate", "--pack", str(pack), str(tmp_path / "p.yaml")])
    assert ok.exit_code == 0 and "p.yaml (policy)" in ok.output, ok.output
    alone = runner.invoke(main, ["validate", str(tmp_path / "p.yaml")])
    assert alone.exit_code == 2 and "unknown region 'poll'" in alone.output, alone.output
