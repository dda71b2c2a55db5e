"""Extraction quality on an evaluation set's texts laid out as real news pages.

Every article of the set is re-laid-out the way texts reach users, the same way each run (the
layout is seeded by the article's id): a byline, a read time, a time stamp and a summary box
before the story; a file photo's caption with a date of its own, a link to another story and
an advertisement inside it; credits and share buttons after it; days written without "on" (AP
style: "said Monday"); every line hard-wrapped at 72 columns. A third layout saves each text as
a web page (``.html``: navigation, a cookie notice, scripts, JSON-LD, a photo with its caption,
a link to another story, an advertisement and a newsletter box inside the story, links to other
stories, reader comments, a footer; the publication date only in the page's metadata), read back as a
user's saved page is, metadata and all. The layouts are scored against the same gold (matching
is by kind, date and actors, not by offsets)::

    python benchmarks/extract_as_pages.py [SET]     # default: tuning (held-out sets refused)
"""

from __future__ import annotations

import dataclasses
import html
import json
import random
import re
import sys
import tempfile
import textwrap
from pathlib import Path

from negotiation.corpus import Article, clean_paragraphs, read_article
from negotiation.extract.evaluate import Evaluation
from negotiation.extract.sets import EvaluationSet, load_set, run_set

BEFORE = [
    "By Staff Reporter",
    "3 Min Read",
    "Updated: 12:45 PM EDT, Sat July 12, 2014",
    "Key points:",
    "• Opposition rejects results and calls for protests",
    "- Police arrest dozens",
]
INSIDE = [
    "FILE PHOTO: A man walks past a poster in the capital, March 3, 2012. REUTERS/John Doe/File "
    "Photo",
    "Read more: Opposition plans boycott of parliament",
    "Advertisement",
]
AFTER = [
    "Reporting by Jane Roe; Editing by Robert Birsel",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Share this article",
]
_ON_DAY = re.compile(r"\bon ((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")


def as_page(text: str, seed: str) -> str:
    """``text`` laid out as a news page (see the module's docstring)."""
    chunks = text.split("\n\n")
    at = random.Random(seed).randint(2, max(2, len(chunks) - 1))
    page = "\n\n".join([*chunks[:1], *BEFORE, *chunks[1:at], *INSIDE, *chunks[at:], *AFTER])
    page = _ON_DAY.sub(r"\1", page)
    return "\n".join(
        "\n".join(textwrap.wrap(line, 72, break_on_hyphens=False)) or line
        for line in page.split("\n")
    )


def as_html(a: Article) -> str:
    """The article ``a`` saved as a web page: its date only in the page's metadata."""
    chunks = [c.strip() for c in a.text.splitlines() if c.strip()]  # a line, a block
    headline = chunks[0] if a.paragraphs and a.paragraphs[0].kind == "title" else None
    body = chunks[1:] if headline else chunks
    title = html.escape(headline or a.meta.title or a.id)
    day = a.published.isoformat()
    ld = json.dumps({"@type": "NewsArticle", "headline": headline or "", "datePublished": day})
    blocks = [f"<p>{html.escape(c)}</p>" for c in body]
    at = random.Random(a.id).randint(1, max(1, len(blocks) - 1))
    blocks[at:at] = [  # inside the story, as pages have them
        '<figure><img src="/photo.jpg" alt=""><figcaption>' + html.escape(INSIDE[0]),
        "</figcaption></figure>",
        f'<p><a href="/story">{html.escape(INSIDE[1])}</a></p>',
        '<div class="ad">Advertisement</div>',
        '<div class="newsletter"><p>Sign up for our daily newsletter</p></div>',
    ]
    paras = "\n".join(blocks)
    h1 = f"<h1>{title}</h1>" if headline else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | World News</title>
<meta property="article:published_time" content="{day}T08:00:00Z">
<meta property="og:site_name" content="World News">
<script type="application/ld+json">{ld}</script><script>var slots = [1, 2];</script>
</head><body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookies">We use cookies to improve your experience. <a href="/p">Accept</a></div>
</header><main><article>{h1}<div class="byline">By Staff Reporter</div>
{paras}
<aside><h3>Related stories</h3><ul><li><a href="/a">Floods hit the capital as rains go on</a></li>
<li><a href="/b">League resumes after a long break</a></li></ul></aside></article></main>
<section id="comments"><h3>Comments (2)</h3><p>They stole the election, the government must go!</p>
<p>The opposition's boycott of parliament is a disgrace.</p></section>
<footer><p>© 2026 World News. All rights reserved.</p><a href="/terms">Terms</a></footer>
</body></html>"""


def as_pages(s: EvaluationSet, saved: Path | None = None) -> EvaluationSet:
    """The set with every article (a :class:`~negotiation.corpus.Article`) laid out as a page,
    or, given a folder ``saved``, saved there as a web page and read back."""
    parts = []
    for part in s.parts:
        articles = []
        for a in part.articles:
            if isinstance(a, Article) and saved is not None:
                path = saved / f"{a.id}.html"
                path.write_text(as_html(a), encoding="utf-8")
                a = read_article(path)
            elif isinstance(a, Article):
                text = as_page(a.text, a.id)
                a = Article(meta=a.meta, text=text, paragraphs=clean_paragraphs(text), path=a.path)
            articles.append(a)
        parts.append(dataclasses.replace(part, articles=tuple(articles)))
    return dataclasses.replace(s, parts=tuple(parts))


def _line(name: str, ev: Evaluation) -> str:
    exact = ev.fields.get("date_exact") or 0.0
    return (
        f"{name:11} F1 {ev.f1:.3f}  P {ev.precision:.3f}  R {ev.recall:.3f}  "
        f"tp {ev.tp}  fp {ev.fp}  fn {ev.fn}  exact date {exact:.3f}"
    )


def main(name: str = "tuning") -> None:
    s = load_set(name)
    if s.held_out:
        sys.exit(f"{name} is held out: not for diagnosis")
    print(_line("as written", run_set(s)))
    print(_line("as pages", run_set(as_pages(s))))
    with tempfile.TemporaryDirectory() as saved:
        print(_line("as .html", run_set(as_pages(s, Path(saved)))))


if __name__ == "__main__":
    main(*sys.argv[1:2])
