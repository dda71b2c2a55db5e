"""A quote that differs from its article: the passage it was taken from is named by where it
starts, also when only the quote's end is found (the hint gave where the end's probe starts:
'a passage like it starts near 780' for a quote at 709..805 with one wrong letter early)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from negotiation.cli import main

TEXT = (
    "Election report\n\n"
    "PHNOM PENH, Sept 24, 2013 (dpa) - The opposition met on Monday. Police fired tear gas at "
    "opposition supporters who protested in the capital on Monday.\n"
)
QUOTE = "Police fired tear gas at opposition supporters who protested in the capital on Monday."


def _validate(tmp_path: Path, quote: str, start: int) -> str:
    (tmp_path / "a1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "actors.yaml").write_text("actors: []\n", encoding="utf-8")
    (tmp_path / "events.yaml").write_text(
        "events:\n  - id: 2013-09-23-protest\n    kind: protest\n    date: 2013-09-23\n"
        f"    sources:\n      - {{article: a1, quote: '{quote}', start: {start}, "
        f"end: {start + len(quote)}}}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "events.yaml")])
    assert result.exit_code == 2, result.output
    return result.output


def test_the_passage_hint_names_where_the_passage_starts(tmp_path: Path) -> None:
    start = TEXT.index(QUOTE)
    typo = QUOTE.replace("tear gas", "tear gaz")
    # at its own place: no hint (it named the start of the last 25 characters)
    assert "a passage like it" not in _validate(tmp_path, typo, start)
    # three characters off: the passage's start
    assert f"a passage like it starts near {start}" in _validate(tmp_path, typo, start + 3)
