"""A file with many bad entries lists its first errors and counts the rest, on stderr and in
``validate --json``; the exit status stays 2."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation.cli import main
from negotiation.cli.common import MAX_ERRORS_PER_FILE, capped
from negotiation.errors import Problem


def bad_log(path: Path, events: int) -> Path:
    lines = ["dispute: x", "events:"]
    for i in range(events):
        lines += [f"- id: e{i}", "  kind: not_a_kind", "  date: '2015-13-40'"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@settings(deadline=None, max_examples=50)
@given(counts=st.lists(st.integers(0, 120), min_size=1, max_size=4), cap=st.integers(1, 60))
def test_capped_keeps_the_first_of_each_file_and_counts_the_rest(
    counts: list[int], cap: int
) -> None:
    problems = [
        Problem(file=f"f{f}.yaml", line=i + 1, message="bad")
        for i in range(max(counts))
        for f, n in enumerate(counts)
        if i < n
    ]
    shown, more = capped(problems, cap)
    for f, n in enumerate(counts):
        name = f"f{f}.yaml"
        mine = [p for p in shown if p.file == name]
        assert [p.line for p in mine] == list(range(1, min(n, cap) + 1))
        assert more.get(name, 0) == max(0, n - cap)
    assert [p for p in problems if p in shown] == shown  # in their order


def test_text_errors_are_capped_with_the_rest_counted(tmp_path: Path) -> None:
    path = bad_log(tmp_path / "events.yaml", 400)  # two errors an event
    out = CliRunner().invoke(main, ["validate", str(path)])
    assert out.exit_code == 2
    lines = out.stderr.splitlines()
    assert len(lines) == MAX_ERRORS_PER_FILE + 1
    assert all(line.startswith(f"error: {path}:") for line in lines[:-1])
    assert lines[-1] == f"... and {800 - MAX_ERRORS_PER_FILE} more errors in {path}"


def test_a_few_errors_are_all_listed(tmp_path: Path) -> None:
    path = bad_log(tmp_path / "events.yaml", 3)
    out = CliRunner().invoke(main, ["validate", str(path)])
    assert out.exit_code == 2
    assert len(out.stderr.splitlines()) == 6 and "more errors" not in out.stderr


def test_json_problems_are_capped_and_carry_the_total(tmp_path: Path) -> None:
    path = bad_log(tmp_path / "events.yaml", 400)
    out = CliRunner().invoke(main, ["validate", "--json", str(path)])
    assert out.exit_code == 2
    data = json.loads(out.stdout)
    assert data["ok"] is False and data["problem_count"] == 800
    assert len(data["problems"]) == MAX_ERRORS_PER_FILE
    assert data["problems_omitted"] == {str(path): 800 - MAX_ERRORS_PER_FILE}
    few = json.loads(
        CliRunner()
        .invoke(main, ["validate", "--json", str(bad_log(tmp_path / "b.yaml", 2))])
        .stdout
    )
    assert few["problem_count"] == len(few["problems"]) == 4 and few["problems_omitted"] == {}


def test_other_commands_cap_too(tmp_path: Path) -> None:
    path = bad_log(tmp_path / "events.yaml", 100)
    out = CliRunner().invoke(main, ["replay", str(path)])
    assert out.exit_code == 2
    assert len(out.stderr.splitlines()) == MAX_ERRORS_PER_FILE + 1
    assert "more errors in" in out.stderr.splitlines()[-1]
