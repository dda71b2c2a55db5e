"""An empty article (or one of blank lines) is named with a warning by `extract`: it said
"0 mention(s)" as if the text had been read and reported nothing (`validate` refuses it)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from negotiation.cli import main


def test_an_empty_article_is_named(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("\n  \n", encoding="utf-8")
    (tmp_path / "report.txt").write_text(
        "The opposition boycotted parliament on Monday.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        main, ["extract", str(tmp_path), "--published", "2013-09-25", "--no-actors"]
    )
    assert result.exit_code == 0, result.output
    assert f"warning: {tmp_path / 'empty.txt'}: empty, no text to extract from" in result.stderr
    assert "report (published 2013-09-25, given): 1 mention(s)" in result.stdout
