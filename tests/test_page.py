"""Saved web pages (``.html``) are articles: the story trafilatura tells from the page around
it, dated by the page's metadata, with the same events as the story's text and every quote
verbatim in the text a page's citations cite."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation._internal.paths import seeds_dir
from negotiation.cli import main
from negotiation.corpus import Article, load_articles, read_article
from negotiation.corpus.page import is_page, read_page
from negotiation.errors import InputError
from negotiation.extract.extract import Extractor
from negotiation.extract.sets import load_set


def saved_page(
    headline: str | None, paragraphs: list[str], published: dt.date | None = None
) -> str:
    """A news page as browsers save it: menus, a cookie notice, scripts, a photo, a link to
    another story and an advertisement inside the story, reader comments, a footer."""
    meta = ""
    if published is not None:
        ld = json.dumps({"@type": "NewsArticle", "datePublished": published.isoformat()})
        meta = (
            f'<meta property="article:published_time" content="{published}T08:00:00Z">'
            f'<script type="application/ld+json">{ld}</script>'
        )
    title = html.escape(headline or "World News")
    blocks = [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    blocks[1:1] = [
        '<figure><img src="/p.jpg" alt=""><figcaption>A poster in the capital, March 3, 2012.'
        "</figcaption></figure>",
        '<p><a href="/other">Read more: Floods hit the capital</a></p>',
        '<div class="ad">Advertisement</div>',
    ]
    h1 = f"<h1>{title}</h1>" if headline else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | World '
        f'News</title><meta property="og:site_name" content="World News">{meta}'
        "<script>var slots = [1, 2];</script></head><body><header><nav><ul>"
        '<li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>'
        '<div class="cookies">We use cookies. <a href="/p">Accept</a></div></header>'
        f"<main><article>{h1}" + "\n".join(blocks) + "</article></main>"
        '<section id="comments"><h3>Comments (2)</h3><p>They stole the election!</p>'
        "<p>The boycott of parliament is a disgrace.</p></section>"
        "<footer><p>© 2026 World News. All rights reserved.</p></footer></body></html>"
    )


def _as_saved(a: Article, folder: Path) -> Article:
    lines = [line.strip() for line in a.text.splitlines() if line.strip()]
    titled = bool(a.paragraphs) and a.paragraphs[0].kind == "title"
    path = folder / f"{a.id}.html"
    body = lines[1:] if titled else lines
    path.write_text(saved_page(lines[0] if titled else None, body, a.published), "utf-8")
    return read_article(path)


def _mentions(ex: Extractor, a: Article) -> list[tuple[object, ...]]:
    found = [m for m in ex.mentions(a) if ex.keeps(m)]
    for m in found:  # every quote verbatim in the text the page's citations cite
        assert a.text[m.citation.start : m.citation.end] == m.citation.quote
    return sorted(
        (m.kind, m.date, m.granularity, m.actors, m.recipients, m.citation.quote) for m in found
    )


TUNING = load_set("tuning")
SAMPLE = [
    (part, a)
    for part in (load_set("seeds").parts[0], *TUNING.parts[::6])
    for a in part.articles
    if isinstance(a, Article)
]


@pytest.mark.parametrize("which", range(len(SAMPLE)), ids=lambda i: SAMPLE[i][1].id)
def test_a_saved_page_tells_the_events_of_its_text(which: int, tmp_path: Path) -> None:
    part, a = SAMPLE[which]
    ex = Extractor(part.gazetteer, part.lexicon)
    saved = _as_saved(a, tmp_path)
    assert saved.published == a.published or saved.meta.date_reasoning.startswith("dateline")
    if saved.published != a.published:  # a wire story's dateline dates what it tells
        return
    assert _mentions(ex, saved) == _mentions(ex, a)


_WORD = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S")), min_size=1, max_size=9
)
_PARAGRAPH = st.lists(_WORD, min_size=12, max_size=40).map(" ".join)


@settings(max_examples=60)
@given(st.lists(_PARAGRAPH, min_size=2, max_size=6, unique=True))
def test_a_page_gives_back_its_paragraphs(paragraphs: list[str]) -> None:
    """Markup characters, entities and any script: the story's paragraphs come back as written
    (runs of spaces as one, as a browser shows them), one block each (a paragraph repeating the
    one before is dropped, by trafilatura as by the text's cleaner)."""
    page = read_page(saved_page("A headline", paragraphs).encode(), "p.html")
    blocks = page.text.rstrip("\n").split("\n\n")
    blocks.remove("Read more: Floods hit the capital")  # a link inside the story: the cleaner's
    assert blocks == ["A headline", *(" ".join(p.split()) for p in paragraphs)]


def test_the_page_metadata_dates_it_and_names_the_outlet(tmp_path: Path) -> None:
    story = ["The opposition boycotted the opening of parliament on Monday, its leader said."]
    path = tmp_path / "walkout.html"
    path.write_text(saved_page("Opposition walks out", story, dt.date(2013, 9, 23)), "utf-8")
    a = read_article(path)
    assert (a.published, a.meta.date_basis, a.outlet) == (
        dt.date(2013, 9, 23),
        "stated",
        "World News",
    )
    assert a.title == "Opposition walks out"
    assert [p.kind for p in a.paragraphs] == ["title", "body"]


def test_a_dateline_dates_a_page_before_its_metadata(tmp_path: Path) -> None:
    story = ["PHNOM PENH, Sept 22, 2013 (Reuters) - The opposition boycotted parliament on Monday."]
    path = tmp_path / "wire.html"
    path.write_text(saved_page(None, story, dt.date(2013, 9, 23)), "utf-8")
    assert read_article(path).published == dt.date(2013, 9, 22)


def test_a_page_without_a_date_asks_for_one(tmp_path: Path) -> None:
    story = ["The opposition boycotted the opening of parliament on Monday, its leader said."]
    (tmp_path / "undated.html").write_text(saved_page("Walkout", story), "utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 2
    assert "undated.html" in result.output and "--published" in result.output
    ok = CliRunner().invoke(main, ["extract", str(tmp_path), "--published", "2013-09-23"])
    assert ok.exit_code == 0, ok.output
    assert "boycott" in ok.output and "2013-09-23" in ok.output


def test_a_page_saved_under_another_name_is_read_as_a_page(tmp_path: Path) -> None:
    story = ["The opposition boycotted the opening of parliament on Monday, its leader said."]
    page = "<!-- saved from url=(0019)https://example.org -->\n" + saved_page("W", story)
    path = tmp_path / "saved.txt"
    path.write_text(page, "utf-8")
    assert is_page(path, page)
    assert "<" not in read_article(path, published=dt.date(2013, 9, 23)).text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no story found"),
        (b"", "no story found"),
        (b"\x00\x01\x02binary", "binary data, expected a web page"),
        (b"<html>" + b"<div>" * 100_000 + b"<p>deep</p></html>", "no story found"),
    ],
    ids=["only-a-menu", "empty", "binary", "too-deep"],
)
def test_a_page_with_no_story_is_refused_at_its_file(
    content: bytes, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_article(path)
    (problem,) = err.value.problems
    assert (problem.file, problem.line) == (str(path), 1)
    assert message in problem.message
    result = CliRunner().invoke(main, ["extract", str(path), "--published", "2014-01-01"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{path}:1:1: " in result.output


def test_one_article_one_file(tmp_path: Path) -> None:
    story = ["The opposition boycotted the opening of parliament on Monday, its leader said."]
    (tmp_path / "a.html").write_text(saved_page("W", story, dt.date(2013, 9, 23)), "utf-8")
    (tmp_path / "a.txt").write_text("W\n\n" + story[0] + "\n", "utf-8")
    with pytest.raises(InputError, match="a second file for article 'a'"):
        load_articles(tmp_path)


def test_a_log_citing_pages_validates_and_a_changed_quote_does_not(tmp_path: Path) -> None:
    story = [
        "The opposition Cambodia National Rescue Party boycotted the opening of parliament on "
        "Monday.",
        "Hun Sen said the talks would continue.",
    ]
    (tmp_path / "walkout.html").write_text(
        saved_page("Walkout", story, dt.date(2013, 9, 23)), "utf-8"
    )
    runner = CliRunner()
    log = tmp_path / "events.yaml"
    assert runner.invoke(main, ["extract", str(tmp_path), "--out", str(log)]).exit_code == 0
    # the built-in gazetteer the proposals were made with, beside the log
    (tmp_path / "actors.yaml").write_text((seeds_dir() / "actors.yaml").read_text(), "utf-8")
    ok = runner.invoke(main, ["validate", str(tmp_path)])
    assert ok.exit_code == 0, ok.output
    assert "walkout.html (article text)" in ok.output
    log.write_text(log.read_text().replace("boycotted the opening", "boycotted the opning"))
    bad = runner.invoke(main, ["validate", str(log)])
    assert bad.exit_code == 2 and "events.yaml:" in bad.output


def test_a_story_in_the_pages_own_containers_keeps_its_paragraphs() -> None:
    """Where trafilatura falls back on another extractor it gives the page's own tree: each
    paragraph in its own ``<div>`` stays a paragraph (they were run together: "today.The")."""
    story = [
        f"The opposition boycotted the session on Monday, the {n} report of the day said."
        for n in ("first", "second", "third", "fourth", "fifth", "sixth")
    ]
    divs = "".join(f'<div class="sc-q"><p>{p}</p></div>' for p in story)
    page = read_page(
        f'<html><body><div id="main">{divs}<div class="x">UK news in pictures</div></div>'
        "</body></html>".encode(),
        "nested.html",
    )
    assert all(p in page.text.rstrip("\n").split("\n\n") for p in story)


def test_soft_hyphens_and_zero_width_marks_are_not_in_words() -> None:
    story = [
        "The op\u00adpo\u00adsi\u00adtion boy\u00adcotted the open\u200bing of parliament on "
        "Monday, its leader said."
    ]
    page = read_page(saved_page("Walkout", story, dt.date(2013, 9, 23)).encode(), "w.html")
    assert "The opposition boycotted the opening of parliament on Monday" in page.text


def test_a_site_name_for_a_title_is_no_headline() -> None:
    page = read_page(
        b"<html><head><title>escenic</title></head><body><article><p>The opposition boycotted"
        b" the opening of parliament on Monday, its leader said.</p></article></body></html>",
        "t.html",
    )
    assert not page.text.startswith("escenic")
