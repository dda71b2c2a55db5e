"""One report of an event in one sentence: what extraction proposes before merging."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from negotiation.events import Citation, Facts, Granularity, period_end

__all__ = ["MODALITIES", "EventMention", "Modality"]

Modality = Literal[
    "asserted", "negated", "planned", "threatened", "conditional", "demanded", "question"
]
MODALITIES: tuple[Modality, ...] = (
    "asserted",
    "negated",
    "planned",
    "threatened",
    "conditional",
    "demanded",
    "question",
)


class EventMention(BaseModel):
    """A typed, dated, sourced event mention proposed from one sentence of one article.

    ``date`` is resolved against the article's publication date; ``date_text`` is the raw date
    expression ("" when the sentence has none and its day was inferred:
    ``date_inferred`` is then true).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str
    date: dt.date
    granularity: Granularity = Granularity.day
    date_end: dt.date | None = None
    date_text: str = ""
    date_inferred: bool = False
    date_source: Literal["text", "context", "election", "publication"] = Field(
        default="text",
        description="text: the sentence dates it; context: undated, dated from the last day the "
        "article named before it to publication; election: undated reaction to the election, "
        "dated from the day after the article's election date to publication; publication: the "
        "publication day (its week for an election reaction)",
    )
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    facts: Facts = Field(default_factory=Facts)
    citation: Citation
    trigger: str = Field(default="", description="the words that signalled the kind")
    candidate_actors: tuple[str, ...] = Field(
        default=(), description="capitalised names the gazetteer does not know"
    )
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5
    notes: tuple[str, ...] = ()
    modality: Modality = Field(
        default="asserted",
        description="asserted (it happened), negated, planned, threatened, conditional, demanded "
        "or question: only asserted mentions become events of their kind; threats and plans "
        "map to their own kinds, the others are dropped",
    )
    speaker: str | None = Field(
        default=None, description="who speaks, when the sentence reports speech ('X said')"
    )
    standing: bool = Field(
        default=False, description="an undated report of a standing state (a boycott goes on)"
    )
    distinct: bool = Field(
        default=False, description="the text marks it as another event ('in another incident')"
    )

    @property
    def last_day(self) -> dt.date:
        if self.date_end is not None:
            return self.date_end
        return period_end(self.date, self.granularity)

    @property
    def article(self) -> str:
        return self.citation.article
