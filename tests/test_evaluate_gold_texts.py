"""`evaluate --gold LOG` reads the texts beside the log when its folder has them, as every
other command that reads a log does: without an articles.yaml it read the built-in seeds and
reported each of the log's articles unknown ('unknown article 'zm1'; known: 000_5589...')."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from negotiation.cli import main

TEXT = (
    "Zambia's opposition rejects result\n\n"
    "LUSAKA, Aug 16, 2016 (Reuters) - Zambia's opposition leader Hakainde Hichilema on Tuesday "
    "rejected the result of the presidential election.\n"
)
QUOTE = (
    "Zambia's opposition leader Hakainde Hichilema on Tuesday rejected the result of the "
    "presidential election."
)


def test_gold_reads_the_texts_beside_it(tmp_path: Path) -> None:
    (tmp_path / "zm1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "actors.yaml").write_text(
        "actors:\n  - {id: hichilema, name: Hakainde Hichilema, type: person}\n",
        encoding="utf-8",
    )
    start = TEXT.index(QUOTE)
    (tmp_path / "events.yaml").write_text(
        "events:\n  - id: 2016-08-16-results-rejected\n    kind: results_rejected\n"
        "    date: 2016-08-16\n    actors: [hichilema]\n    sources:\n"
        f'      - {{article: zm1, quote: "{QUOTE}", start: {start}, end: {start + len(QUOTE)}}}\n',
        encoding="utf-8",
    )
    validated = CliRunner().invoke(main, ["validate", str(tmp_path / "events.yaml")])
    assert validated.exit_code == 0, validated.output
    result = CliRunner().invoke(
        main, ["evaluate", "--gold", str(tmp_path / "events.yaml"), "--json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["sets"]["gold"]
    assert scores["tp"] + scores["fn"] == 1
