"""`extract --out` (or --draft-actors) naming one of the articles read is refused before any
extraction (it was refused only when writing, after the whole extraction ran)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from negotiation.cli import main


def test_an_output_that_is_an_input_is_refused_before_extraction(tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_text("The opposition boycotted parliament on Monday.\n", encoding="utf-8")
    for flag in ("--out", "--draft-actors"):
        result = CliRunner().invoke(
            main, ["extract", str(text), "--published", "2013-09-25", flag, str(text)]
        )
        assert result.exit_code == 2, result.output
        assert f"error: {text}: is an input of this command" in result.stderr
        assert "names no actor" not in result.stderr  # no article was extracted
        assert text.read_text(encoding="utf-8").startswith("The opposition")
