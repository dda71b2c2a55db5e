"""`extract --published` dates the articles whose metadata or dateline does not give a date,
as its help says; it no longer overrides a dateline (a batch of reports given one date was
dated wrongly, every relative day with it)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from negotiation.cli import main
from negotiation.corpus import infer_published, read_article

AUG = (
    "Zambian opposition rejects Lungu victory\n\n"
    "LUSAKA, Aug 16{year} (Reuters) - Zambia's opposition leader Hakainde Hichilema on "
    "Tuesday rejected the result of the presidential election.\n"
)
SEPT = (
    "Lungu sworn in\n\n"
    "LUSAKA, Sept 13, 2016 (Reuters) - Edgar Lungu was sworn in as president on Tuesday.\n"
)
UNDATED = "The opposition boycotted parliament on Monday.\n"


def _published(result_stdout: str) -> dict[str, tuple[str, str]]:
    data = json.loads(result_stdout)
    return {a["id"]: (a["published"], a["date_basis"]) for a in data["articles"]}


def test_published_dates_only_the_articles_whose_text_gives_no_date(tmp_path: Path) -> None:
    (tmp_path / "aug.txt").write_text(AUG.format(year=", 2016"), encoding="utf-8")
    (tmp_path / "sept.txt").write_text(SEPT, encoding="utf-8")
    (tmp_path / "undated.txt").write_text(UNDATED, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(tmp_path), "--published", "2016-09-20", "--no-actors", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert _published(result.stdout) == {
        "aug": ("2016-08-16", "stated"),
        "sept": ("2016-09-13", "stated"),
        "undated": ("2016-09-20", "given"),
    }
    # "on Tuesday" is the dateline's Tuesday, not one of the week given
    mentions = json.loads(result.stdout)["articles"][0]["mentions"]
    assert ("results_rejected", "2016-08-16") in [(m["kind"], m["date"]) for m in mentions]


def test_a_dateline_without_a_year_takes_the_nearest_year_of_the_date_given(
    tmp_path: Path,
) -> None:
    aug = tmp_path / "aug.txt"
    aug.write_text(AUG.format(year=""), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(aug), "--no-actors", "--json"])
    assert result.exit_code == 2
    # the message says why: the dateline gives no year (it said "no date in the text")
    assert "Aug 16" in result.output and "no year" in result.output
    assert "--published" in result.output
    result = CliRunner().invoke(
        main, ["extract", str(aug), "--published", "2016-09-20", "--no-actors", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert _published(result.stdout) == {"aug": ("2016-08-16", "stated")}
    # across a new year: Dec 30 near 2 January is the year before
    day, basis, reasoning, _ = infer_published(
        "PHNOM PENH, Dec 30 (AFP) - The opposition rallied.\n", near=dt.date(2014, 1, 2)
    )
    assert (day, basis) == (dt.date(2013, 12, 30), "stated") and "2014-01-02" in reasoning


def test_metadata_that_states_the_date_is_kept(tmp_path: Path) -> None:
    (tmp_path / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "articles.yaml").write_text(
        "articles:\n  - id: undated\n    outlet: x\n    published: 2013-09-25\n"
        "    date_basis: given\n    confidence: 1.0\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["extract", str(tmp_path), "--published", "2016-09-20", "--no-actors", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert _published(result.stdout) == {"undated": ("2013-09-25", "given")}


def test_read_article_still_overrides_with_published(tmp_path: Path) -> None:
    # the library's `published` keeps its meaning: the caller's date, whatever the text says
    aug = tmp_path / "aug.txt"
    aug.write_text(AUG.format(year=", 2016"), encoding="utf-8")
    assert read_article(aug, published=dt.date(2016, 9, 20)).published == dt.date(2016, 9, 20)
    kept = read_article(aug, default_published=dt.date(2016, 9, 20))
    assert (kept.published, kept.meta.date_basis) == (dt.date(2016, 8, 16), "stated")
