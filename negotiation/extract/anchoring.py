"""Undated reactions to an election (results rejected, fraud alleged) are dated from the day
after the article's election date to its publication, not by the publication week."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from negotiation.extract.mention import EventMention

__all__ = ["FALLBACK_NOTE", "SAID_NOTE", "anchor_to_election"]

FALLBACK_NOTE = "no date in the sentence: publication week assumed"
SAID_NOTE = "no date in the sentence: said on the day of publication"
_CLAUSE_SHIFT = re.compile(r"\b(?:while|whereas|but|although|though)\b|;", re.I)
_PAST = re.compile(
    r"^(?:\w+ed|held|met|won|took|made|said|told|led|began|broke|struck|sought|threw|fought|"
    r"ran|went|gave|rejected|refused)\b",
    re.I,
)


def anchor_to_election(
    mentions: list[EventMention],
    published: dt.date,
    votes: Collection[str] = frozenset({"election_held"}),
) -> list[EventMention]:
    """Date undated reactions to the election from the day after the article's election date.

    ``votes`` are the kinds that are the election itself (the lexicon's ``names_election``).
    """
    elections = [
        m for m in mentions
        if m.kind in votes and m.date_source == "text" and m.date <= published
    ]  # fmt: skip
    if not elections:
        return mentions
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    best = min(elections, key=lambda m: (rank[m.granularity.value], -m.date.toordinal()))
    anchors = {
        m.citation.start: m.citation.quote.find(m.trigger)
        for m in mentions
        if "anchor" in m.notes and m.date_source == "publication"
    }
    out = []
    for m in mentions:
        at = anchors.get(m.citation.start)
        if (
            at is not None
            and m.date_source == "publication"
            and "anchor" not in m.notes
            and _PAST.match(m.trigger)
        ):
            pos = m.citation.quote.find(m.trigger)
            gap = m.citation.quote[at:pos]
            if pos > at and re.search(r"\band\b", gap) and not _CLAUSE_SHIFT.search(gap):
                # "refused to accept the results and demanded ...": one reaction
                m = m.model_copy(update={"notes": (*m.notes, "anchor")})
        if m.date_source == "publication" and "anchor" in m.notes:
            note = (
                f"undated reaction to the election: dated from the day after the election "
                f"({best.date_text or best.date.isoformat()}) to publication"
            )
            # results, their rejection, fraud claims follow the vote: from the next day on
            day = best.date + dt.timedelta(days=1) if best.granularity.value == "day" else best.date
            day = min(day, published)
            m = m.model_copy(
                update={
                    "date": day,
                    "granularity": best.granularity,
                    "date_end": published if published > day else None,
                    "date_source": "election",
                    "date_text": "",
                    "standing": False,
                    "notes": (
                        *(n for n in m.notes if n not in ("anchor", FALLBACK_NOTE)),
                        note,
                    ),
                }
            )
        elif "anchor" in m.notes:
            m = m.model_copy(update={"notes": tuple(n for n in m.notes if n != "anchor")})
        out.append(m)
    return out
