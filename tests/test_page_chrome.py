"""A news page carries more than its story: bylines, read times, photo captions with their own
dates, newsletter boxes, links to other stories ("Read more: Opposition plans boycott"),
credits and tags. None of it may add, drop or re-date an event of the story."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation.corpus import Article, clean_paragraphs
from negotiation.extract.extract import Extractor
from negotiation.extract.sets import Part, load_set

# lines of real news pages (Reuters, AP, AFP, BBC and newspaper sites), with made-up names
TOP = [
    "By Staff Reporter",
    "By Prak Chan Thul and Stuart Grudgings, Reuters",
    "By JANE ROE | AP",
    "3 Min Read",
    "Updated 2 hours ago",
    "Published 14 hours ago",
    "Listen to this article",
    "Image source, Getty Images",
    "Image caption, Police stand guard outside the building",
    "AP Photo/John Doe",
    "Editor's note: This story has been updated.",
]
MIDDLE = [
    "FILE PHOTO: A man walks past a poster in the capital, March 3, 2012. REUTERS/John Doe/File Photo",
    "Supporters of the opposition gather in the capital, September 15, 2013. REUTERS/Samrang Pring",
    "(AP Photo/Heng Sinith)",
    "Media caption, Watch: scenes outside the court",
    "Related coverage",
    "Advertisement",
    "Sign up here to receive our newsletter.",
    "Click here to follow our live coverage.",
    "Read more: Opposition plans boycott of parliament",
    "RELATED: Police arrest protest leaders after clashes",
]
BOTTOM = [
    "Reporting by Jane Roe; Additional reporting by John Doe; Editing by Robert Birsel",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "© 2013 Reuters. All rights reserved.",
    "Copyright 2013 The Associated Press. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed.",
    "This story has been corrected to fix the spelling of a name.",
    "Contact the author at jane@example.com",
    "Tags: Cambodia, politics, election",
    "Share this article",
    "More from this section",
]


@pytest.mark.parametrize("line", TOP + MIDDLE + BOTTOM)
def test_page_chrome_is_not_story(line: str) -> None:
    text = f"Parliament meets without the opposition\n\n{line}\n\nThe assembly met on Monday."
    kinds = {p.text: p.kind for p in clean_paragraphs(text)}
    assert kinds.get(line, "dropped") in ("dropped", "credit", "caption", "heading")


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the day, the crowd had left the square.",
        "More than 20 people were hurt, police said.",
        "Tags and banners lined the streets as the crowd marched to the palace.",
    ],
)
def test_story_paragraphs_that_start_like_chrome_stay(line: str) -> None:
    text = f"Parliament meets without the opposition\n\n{line}\n\nThe assembly met on Monday."
    assert [p.kind for p in clean_paragraphs(text)] == ["title", "body", "body"]


@pytest.fixture(scope="module")
def parts() -> list[Part]:
    tuning = load_set("tuning").parts
    return [*load_set("seeds").parts, *tuning[::6]]


def _events(ex: Extractor, article: Article) -> Counter[tuple[object, ...]]:
    return Counter(
        (m.kind, m.date, m.modality, m.actors, " ".join(m.citation.quote.split()))
        for m in ex.mentions(article)
    )


def _page(article: Article, top: list[str], middle: list[str], bottom: list[str], at: int) -> str:
    """The article's text with chrome after its headline, at paragraph ``at`` and at the end."""
    chunks = article.text.split("\n\n")
    title = next((p.text for p in article.paragraphs if p.kind == "title"), "")
    head = next((i + 1 for i, c in enumerate(chunks) if title and title in c), 1)
    at = min(max(at, head), len(chunks))
    return "\n\n".join([*chunks[:head], *top, *chunks[head:at], *middle, *chunks[at:], *bottom])


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.integers(0, 40),
    st.lists(st.sampled_from(TOP), max_size=3),
    st.lists(st.sampled_from(MIDDLE), max_size=3),
    st.lists(st.sampled_from(BOTTOM), max_size=3),
)
def test_page_chrome_changes_no_event(
    parts: list[Part],
    which: int,
    article_at: int,
    at: int,
    top: list[str],
    middle: list[str],
    bottom: list[str],
) -> None:
    part = parts[which % len(parts)]
    article = part.articles[article_at % len(part.articles)]
    page = _page(article, top, middle, bottom, at)
    wrapped = Article(meta=article.meta, text=page, paragraphs=clean_paragraphs(page))
    ex = Extractor(part.gazetteer, part.lexicon)
    before, after = _events(ex, article), _events(ex, wrapped)
    assert after == before, (article.id, after - before, before - after)
