"""What the extractor makes of a sentence or two, for the phrasing tests
(``tests/test_extraction_*.py``): each kind found, with its date or its modality.

    >>> dated_kinds("Police arrested 20 protesters on Monday.")
    {'arrest': '2019-11-11'}
"""

from __future__ import annotations

import datetime as dt

from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_text

#: the publication day of every phrasing test's text
PUB = dt.date(2019, 11, 12)  # a Tuesday

#: a side (the PND and its leader Ruth Okafor) and an outsider (the African Union)
SIDE_AND_OUTSIDER = Gazetteer(
    [
        Actor(id="pnd", name="Party of National Dawn", type="party", aliases=["PND"]),
        Actor(id="okafor", name="Ruth Okafor", type="person", party="pnd", aliases=["Okafor"]),
        Actor(id="au", name="African Union", type="ngo", aliases=["AU"]),
    ]
)


def kinds(text: str) -> set[str]:
    """The kinds of the mentions found in ``text``."""
    return {m.kind for m in extract_text(text, PUB)}


def dated_kinds(text: str, gazetteer: Gazetteer | None = None) -> dict[str, str]:
    """Each kind found in ``text`` and the ISO date of its (last) mention."""
    return {m.kind: m.date.isoformat() for m in extract_text(text, PUB, gazetteer=gazetteer)}


def modalities(text: str) -> dict[str, str]:
    """Each kind found in ``text`` and the modality of its (last) mention."""
    return {m.kind: m.modality for m in extract_text(text, PUB)}
