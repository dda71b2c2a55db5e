"""An article text with a UTF-8 byte-order mark is refused by `extract` as by `validate`
(its quotes' offsets would count the mark): extract took it, and the log it wrote then failed
`validate` on the text."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from negotiation.cli import main

TEXT = "The opposition rejected the official results on Monday.\n"


def test_extract_refuses_a_text_with_a_byte_order_mark(tmp_path: Path) -> None:
    article = tmp_path / "bom.txt"
    article.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    for command in (["extract"], ["validate"]):
        args = [*command, str(article)]
        if command == ["extract"]:
            args += ["--published", "2013-09-25", "--no-actors"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, result.output
        assert f"error: {article}:1:1: starts with a byte-order mark" in result.stderr
    article.write_bytes(TEXT.encode())
    result = CliRunner().invoke(
        main, ["extract", str(article), "--published", "2013-09-25", "--no-actors"]
    )
    assert result.exit_code == 0, result.output
