"""A news page carries more than its story: bylines, read times, photo captions with their own
dates, newsletter boxes, links to other stories ("Read more: Opposition plans boycott"),
credits and tags; and a text copied from a page, an e-mail or a PDF is laid out in many ways:
hard-wrapped lines, Windows line ends, no-break spaces, typographic quotes. None of it may add,
drop or re-date an event of the story, and every quote stays verbatim."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation.corpus import Article, clean_paragraphs, split_sentences
from negotiation.corpus.metadata import infer_published
from negotiation.corpus.paragraphs import page_stamps
from negotiation.corpus.sentences import ends_sentence
from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text
from negotiation.extract.actors import ActorMatcher
from negotiation.extract.articles import double_quoted
from negotiation.extract.extract import Extractor
from negotiation.extract.mention import EventMention
from negotiation.extract.sets import Part, load_set

# lines of real news pages (Reuters, AP, AFP, BBC and newspaper sites), with made-up names
TOP = [
    "Key points:",
    "• Opposition rejects the election results and calls for a boycott",
    "- Police arrest dozens of protesters",
    "* Parliament to meet without opposition",
    "First published on Sat 12 Jul 2014 09.14 BST",
    "Last updated on 12 July 2014",
    "Published: July 12, 2014 10:32 a.m. ET",
    "Updated: 12:45 PM EDT, Sat July 12, 2014",
    "10:32 GMT",
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
    "Reuters Graphics",
    "Follow @Reuters on Twitter",
    "Posted by Jane Roe at 10:00 AM",
    "Share on Facebook",
    "Updated 12 July 2014",
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
    "Published in the print edition of July 13, 2014",
    "A version of this article appears in print on July 13, 2014, Section A, Page 4 of the New "
    "York edition.",
    "Writing by John Doe; Editing by Jane Roe",
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
        "Published results showed the ruling party won 68 seats.",
        "Updated figures put the toll at 12.",
        "Posted troops fired on the crowd at 10:00 on Monday.",
        "Published on Monday, the report said 12 people died.",
        "• On July 22 the two parties signed an agreement to end the boycott.",
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


def _wrap(text: str, width: int) -> str:
    return "\n".join(
        "\n".join(textwrap.wrap(line, width, break_on_hyphens=False)) or line
        for line in text.split("\n")
    )


def _curly(text: str) -> str:
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r'(^|[\s(\[])"', r"\1“", text).replace('"', "”")
    return re.sub(r"(^|[\s(\[])'", r"\1‘", text).replace("'", "’")


def _british(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"')
    return re.sub(r'(^|[\s(\[])"', r"\1‘", text).replace('"', "’")


LAYOUTS = {
    "wrapped at 60": lambda t: _wrap(t, 60),
    "wrapped at 78": lambda t: _wrap(t, 78),
    "windows line ends": lambda t: t.replace("\n", "\r\n"),
    "no-break spaces": lambda t: re.sub(r"(?<=\w) (?=\d)", "\u00a0", t),
    "typographic quotes": _curly,
    "single quotation marks": _british,
}


def _plain(quote: str) -> str:
    table = str.maketrans(dict.fromkeys('’‘“”"', "'") | {"\u00a0": " "})
    return " ".join(quote.translate(table).split())


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10_000), st.sampled_from(sorted(LAYOUTS)))
def test_layout_changes_no_event(
    parts: list[Part], which: int, article_at: int, layout: str
) -> None:
    part = parts[which % len(parts)]
    article = part.articles[article_at % len(part.articles)]
    text = LAYOUTS[layout](article.text)
    laid_out = Article(meta=article.meta, text=text, paragraphs=clean_paragraphs(text))
    ex = Extractor(part.gazetteer, part.lexicon)
    mentions = ex.mentions(laid_out)
    for m in mentions:  # the quote is the text's own, line breaks and all
        assert text[m.citation.start : m.citation.end] == m.citation.quote

    def events(ms: list[EventMention]) -> Counter[tuple[object, ...]]:
        return Counter((m.kind, m.date, m.modality, m.actors, _plain(m.citation.quote)) for m in ms)

    assert events(mentions) == events(ex.mentions(article))


@pytest.mark.parametrize("width", range(35, 81, 5))
def test_a_hard_wrapped_story_has_the_sentences_it_has_on_one_line(
    width: int,
) -> None:
    story = (
        "On 15 July a protest led by the opposition Cambodia National Rescue Party (CNRP) "
        "turned violent near Freedom Park, and seven lawmakers-elect were arrested on Jan. 16 "
        '"for insurrection", the U.S. Embassy said. 20 people were hurt.'
    )
    lines = textwrap.wrap(story, width, break_on_hyphens=False)
    text = (
        "Opposition rejects the results\n\n"
        + "\n".join(lines)
        + "\nA line of its own.\nAnd one more."
    )
    sentences = [
        " ".join(s.text.split())
        for p in clean_paragraphs(text)
        for s in split_sentences(text, p.start, p.end)
    ]
    assert sentences == [
        "Opposition rejects the results",
        story[: story.index(" 20 people")],
        "20 people were hurt.",
        "A line of its own.",
        "And one more.",
    ]


@pytest.mark.parametrize(
    ("text", "ends"),
    [("He left.", True), ("on Jan.", False), ("the U.S.", False), ('"No!"', True), ("and", False)],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends


@pytest.mark.parametrize(
    ("stamps", "day"),
    [
        (
            ["First published on Sat 12 Jul 2014 09.14 BST", "Last updated on 14 July 2014"],
            "2014-07-12",
        ),
        (["Last updated on 14 July 2014", "Published: July 12, 2014 10:32 a.m. ET"], "2014-07-12"),
        (["Updated: 12:45 PM EDT, Mon July 14, 2014"], "2014-07-14"),
    ],
)
def test_a_page_s_time_stamp_dates_it_and_is_not_story(stamps: list[str], day: str) -> None:
    story = "The talks failed on Friday. A meeting on 3 March 2014 was cancelled."
    text = "\n\n".join(["Talks fail", *stamps, story])
    published, basis, why, _ = infer_published(text)
    assert (published.isoformat(), basis) == (day, "stated")
    assert "time stamp" in why
    assert page_stamps(text) == stamps
    assert all(p.text not in stamps for p in clean_paragraphs(text))


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("'We will not accept it,' he said.", '"We will not accept it," he said.'),
        ("‘We will not accept it,’ he said.", "“We will not accept it,” he said."),
        (
            "‘The parties’ stances are closer,’ he said.",
            "“The parties’ stances are closer,” he said.",
        ),
        ("the party's 'so-called' reforms", 'the party\'s "so-called" reforms'),
        ("‘The vote was stolen.", "“The vote was stolen."),
        (
            "We will not accept it,’ Rainsy told reporters.",
            "We will not accept it,” Rainsy told reporters.",
        ),
        ("He said \"we will 'win' it\".", "He said \"we will 'win' it\"."),
        ("The parties' leaders met on Monday.", "The parties' leaders met on Monday."),
    ],
)
def test_single_quotation_marks_read_as_double_ones(text: str, read: str) -> None:
    assert double_quoted(text) == read
    assert len(double_quoted(text)) == len(text)


def test_raw_text_is_read_like_an_article() -> None:
    # extract_text (a TextArticle) tells headlines and captions apart as a corpus article does
    text = (
        "Opposition Boycotts Parliament\n\n"
        "FILE PHOTO: Police stand guard in the capital, March 3, 2012. REUTERS/Jane Roe\n\n"
        "The day after, the opposition said it would consider its options."
    )
    found = extract_text(text, dt.date(2013, 9, 17))
    assert not [m for m in found if m.kind == "boycott"]  # the headline summarises
    assert all(m.date.year == 2013 for m in found)  # the caption's day dates nothing else


def test_a_long_hard_wrapped_block_is_one_paragraph() -> None:
    # each line joins the last one read, not the whole paragraph so far (linear, not quadratic)
    text = "Title of a long story\n\n" + "\n".join(
        ["the crowd marched on through the city and"] * 20_000
    )
    assert [p.kind for p in clean_paragraphs(text)] == ["title", "body"]


@pytest.mark.parametrize(
    ("known", "written"),
    [
        ("Bernardo Arevalo", "Bernardo Arévalo"),
        ("Bernardo Arévalo", "Bernardo Arevalo"),
        ("Jeanine Áñez", "Jeanine Anez"),
    ],
)
def test_a_name_is_found_with_or_without_its_accents(known: str, written: str) -> None:
    gazetteer = Gazetteer([Actor(id="x", name=known, type="person")])
    found = ActorMatcher(gazetteer).find(f"On Monday {written} said the count was over.")
    assert [(f.actor, f.text) for f in found] == [("x", written)]
