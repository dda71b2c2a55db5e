"""Articles: metadata, clean paragraphs, sentences, offsets into the original text."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation import Article, InputError
from negotiation._internal.paths import seeds_dir
from negotiation.corpus import (
    ArticleMeta,
    clean_paragraphs,
    find_dates,
    load_articles,
    read_article,
    split_sentences,
)

IDS = [
    "000_5589be6932a6ac77",
    "001_eaf3dc0ebd996e0e",
    "002_7f2023abbce8807d",
    "003_37ff776b6c58cc4a",
    "004_07093df4720a2e47",
]


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return dict(load_articles())


def test_builtin_corpus_metadata(articles: dict[str, Article]) -> None:
    assert list(articles) == IDS
    outlets = {a.id[:3]: a.outlet for a in articles.values()}
    assert outlets == {"000": "VNA", "001": "VNA", "002": "VNA", "003": "RFA", "004": "VOA"}
    published = {a.id[:3]: a.published.isoformat() for a in articles.values()}
    assert published == {
        "000": "2014-01-31",
        "001": "2014-03-24",
        "002": "2013-11-05",
        "003": "2013-09-17",
        "004": "2013-09-25",
    }
    assert articles[IDS[2]].meta.date_basis == "stated"
    assert {articles[i].meta.date_basis for i in (IDS[0], IDS[1], IDS[3], IDS[4])} == {"inferred"}
    assert articles[IDS[3]].title == (
        "Cambodia's Hun Sen, Sam Rainsy 'Narrow Differences' in Election Stalemate"
    )
    assert articles[IDS[4]].title == "Cambodia's Opposition Threatens Nationwide General Strike"
    assert articles[IDS[0]].title is None
    for a in articles.values():
        assert a.meta.date_reasoning and 0 < a.meta.confidence <= 1


def test_text_is_the_original_file(articles: dict[str, Article]) -> None:
    for a in articles.values():
        assert a.text == (seeds_dir() / f"{a.id}.txt").read_bytes().decode("utf-8")
        for p in a.paragraphs:
            assert a.text[p.start : p.end] == p.text
            assert p.text == p.text.strip() and p.text


def test_repeated_body_is_dropped(articles: dict[str, Article]) -> None:
    a = articles["002_7f2023abbce8807d"]
    texts = [p.text for p in a.paragraphs]
    assert len(texts) == len(set(texts)) == 8
    second = a.text.index("Speaking at a joint", a.text.index("Speaking at a joint") + 1)
    assert all(p.end <= second for p in a.paragraphs)
    assert not texts[-1].endswith("-VNA")  # the sign-off is left out


def test_boilerplate_and_comments_are_dropped(articles: dict[str, Article]) -> None:
    rfa = " ".join(p.text for p in articles["003_37ff776b6c58cc4a"].paragraphs)
    for junk in (
        "Email story",
        "Print story",
        "Comments (5)",
        "Rainsy is a racist",
        "Sep 22, 2013",
        "Anonymous Reader",
        "View Full Site",
        "Hun Sen Assembly",
    ):
        assert junk not in rfa
    assert rfa.count("shake hands after talks") == 1  # the caption is repeated in the file
    assert articles["003_37ff776b6c58cc4a"].paragraphs[-1].kind == "credit"
    voa = [p.text for p in articles["004_07093df4720a2e47"].paragraphs]
    assert "Accessibility links" not in voa and "Breaking News" not in voa


def test_sentences_have_offsets(articles: dict[str, Article]) -> None:
    for a in articles.values():
        sentences = a.sentences()
        assert sentences
        for s in sentences:
            assert a.text[s.start : s.end] == s.text
    rfa = articles["003_37ff776b6c58cc4a"].sentences()
    assert any(
        s.text.endswith("Sept. 17, 2013.") and s.text.startswith("Prime Minister") for s in rfa
    )


@pytest.mark.parametrize(
    "text",
    [
        "Talks at the Assembly on Sept. 17, 2013 ended. They resume later.",
        "Mr. Hun Sen met Dr. Smith. They talked.",
        "The U.S. State Department spoke. It urged calm.",
        "J. R. Smith and A. B. Jones arrived at 5 p.m. Hun Sen was late. It rained.",
    ],
)
def test_sentence_split_keeps_abbreviations(text: str) -> None:
    got = [s.text for s in split_sentences(text)]
    assert len(got) == 2 or (len(got) == 3 and "p.m." in text), got
    assert "".join(got).replace(" ", "") == text.replace(" ", "")


WORDS = st.sampled_from(
    [
        "Hun",
        "Sen",
        "Mr.",
        "Sept.",
        "17,",
        "U.S.",
        "p.m.",
        "said",
        "the",
        "CNRP",
        "“We",
        "will.”",
        "talks.",
        "Rainsy?",
        "no!",
        "J.",
        "2013.",
        "(l)",
        "—",
        "….",
    ]
)
SEPARATORS = st.sampled_from([" ", "  ", "\n", " \t"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPARATORS), min_size=1, max_size=40), st.integers(0, 5))
def test_sentences_partition_the_text(parts: list[tuple[str, str]], pad: int) -> None:
    text = " " * pad + "".join(w + s for w, s in parts)
    sentences = split_sentences(text, pad, len(text))
    previous_end = pad
    for s in sentences:
        assert text[s.start : s.end] == s.text == s.text.strip() != ""
        assert s.start >= previous_end
        assert text[previous_end : s.start].strip() == ""
        previous_end = s.end
    assert text[previous_end:].strip() == ""


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="ab .\n’“”Comments(5)Email story", max_size=30), max_size=12))
def test_clean_paragraphs_offsets_on_any_text(chunks: list[str]) -> None:
    text = "\n\n".join(chunks)
    for p in clean_paragraphs(text):
        assert text[p.start : p.end] == p.text
        assert p.text.strip() == p.text != ""


def test_generic_cleaning_of_a_made_up_page() -> None:
    text = (
        "Skip to main content\nShare\n\nParliament Meets Without Opposition\n\n"
        "The assembly met on Monday. The opposition stayed away.\n\n"
        "Officials said that the talks between the parties\nwould resume next week, and that was that.\n\n"
        "The assembly met on Monday.  The opposition stayed away.\n\n"
        "Reported by A. Writer for XYZ.\n\n12 comments\n\nGreat article!\n\nMar 3, 2014 10:00 AM\n"
    )
    paragraphs = clean_paragraphs(text)
    assert [p.kind for p in paragraphs] == ["title", "body", "body", "credit"]
    assert "would resume" in paragraphs[2].text  # a hard-wrapped paragraph is one paragraph
    assert all("Great article" not in p.text for p in paragraphs)


def test_read_article_infers_metadata(tmp_path: Path) -> None:
    rfa = read_article(seeds_dir() / "003_37ff776b6c58cc4a.txt")
    assert (rfa.outlet, rfa.published, rfa.meta.date_basis) == (
        "RFA",
        dt.date(2013, 9, 17),
        "inferred",
    )
    vna = read_article(seeds_dir() / "000_5589be6932a6ac77.txt")
    assert vna.outlet == "VNA" and vna.meta.date_basis == "unknown"
    assert vna.published == dt.date.min and vna.meta.confidence == 0
    voa = read_article(seeds_dir() / "004_07093df4720a2e47.txt")
    assert voa.outlet == "unknown"
    given_ = read_article(seeds_dir() / "004_07093df4720a2e47.txt", published=dt.date(2013, 9, 25))
    assert (given_.published, given_.meta.date_basis) == (dt.date(2013, 9, 25), "given")
    meta = ArticleMeta(
        id="x", outlet="AP", published="2014-01-02", date_basis="stated", confidence=1.0
    )
    assert read_article(seeds_dir() / "001_eaf3dc0ebd996e0e.txt", meta).outlet == "AP"


def test_find_dates() -> None:
    text = "On Sept. 17, 2013 and 3 March 2014 and 2014-03-24 but not Feb. 30, 2014."
    assert [d for d, _, _ in find_dates(text)] == [
        dt.date(2013, 9, 17),
        dt.date(2014, 3, 3),
        dt.date(2014, 3, 24),
    ]


def _corpus(tmp_path: Path) -> Path:
    for f in seeds_dir().glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    shutil.copy(seeds_dir() / "articles.yaml", tmp_path / "articles.yaml")
    return tmp_path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    outlet: RFA\n", "", "required field is missing"),
        ("published: 2013-09-17", "published: 2013-09-31", "day is out of range"),
        ("confidence: 0.9", "confidence: 1.9", "less than or equal to 1"),
        ("id: 004_07093df4720a2e47", "id: 005_nothing", "no text file 005_nothing.txt"),
        ("id: 004_07093df4720a2e47", "id: 003_37ff776b6c58cc4a", "duplicate article id"),
        ("articles:\n", "articles: [\n", "invalid YAML"),
    ],
)
def test_bad_articles_file(tmp_path: Path, old: str, new: str, expected: str) -> None:
    d = _corpus(tmp_path)
    f = d / "articles.yaml"
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_articles(d)
    message = str(info.value)
    assert expected in message
    assert "articles.yaml:" in message


def test_load_articles_without_metadata(tmp_path: Path) -> None:
    shutil.copy(seeds_dir() / "001_eaf3dc0ebd996e0e.txt", tmp_path)
    arts = load_articles(tmp_path)
    assert list(arts) == ["001_eaf3dc0ebd996e0e"]
    assert arts["001_eaf3dc0ebd996e0e"].outlet == "VNA"
    with pytest.raises(InputError, match="no such file"):
        load_articles(tmp_path / "missing")


# --------------------------------------------------------------------------- metadata


def test_dateline_dates_the_article_even_without_a_year() -> None:
    from negotiation.corpus.metadata import infer_published

    day, basis, reasoning, _ = infer_published(
        "July 23 (Reuters) - The opposition met the King. The vote on July 1, 2014 was close."
    )
    assert (day, basis) == (dt.date(2014, 7, 23), "stated") and "July 23" in reasoning
    day, basis, _, _ = infer_published(
        "PHNOM PENH, Sept 24, 2013 (dpa) - Parliament will convene on October 2, 2013."
    )
    assert (day, basis) == (dt.date(2013, 9, 24), "stated")


def test_a_date_to_come_is_not_the_publication_date() -> None:
    from negotiation.corpus.metadata import infer_published

    day, basis, _, _ = infer_published(
        "The talks ended on September 10, 2013. Parliament will convene on September 23, 2013."
    )
    assert (day, basis) == (dt.date(2013, 9, 10), "inferred")


@settings(deadline=None)
@given(st.text(max_size=300))
def test_infer_published_is_total(text: str) -> None:
    from negotiation.corpus.metadata import infer_published

    day, basis, reasoning, confidence = infer_published(text)
    assert basis in ("stated", "inferred", "unknown") and reasoning and 0.0 <= confidence <= 1.0
    assert (basis == "unknown") == (day == dt.date.min)


@given(st.binary(max_size=200))
def test_any_bytes_read_as_an_article_or_a_located_error(data: bytes) -> None:
    import tempfile

    from negotiation.corpus import read_article

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "report.txt"
        path.write_bytes(data)
        try:
            article = read_article(path)
        except InputError as exc:
            problem = exc.problems[0]
            assert problem.file == str(path) and problem.line is not None and problem.line >= 1
        else:
            assert article.text == data.decode("utf-8")
