"""Default PLOVER / CAMEO / Goldstein / ACLED codes for each event kind of the built-in vocabulary.

The table lives in ``negotiation/data/crosswalk.yaml``. It is derived from ``crosswalk.csv`` (the
project's copy of the reference crosswalk): each entry names the CSV row it comes from, the first
code of a cell is the default and the others are kept as ``alternatives``. Kinds the CSV lacks
carry codes chosen here, and their ``note`` says so::

    >>> c = default_crosswalk("boycott")
    >>> c.cameo, c.goldstein, c.plover.event if c.plover else None
    ('1431', -6.5, 'PROTEST')
    >>> entry("violence").csv_row is None
    True
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from negotiation._internal import paths, yamldoc
from negotiation.errors import InputError, Problem
from negotiation.events.event import Crosswalk
from negotiation.events.vocabulary import builtin_vocabulary

__all__ = ["CrosswalkEntry", "csv_rows", "default_crosswalk", "entry", "no_category", "table"]


class CrosswalkEntry(BaseModel):
    """One kind's default codes, the CSV row they come from (``None``: ours) and a note. Where
    no PLOVER or ACLED category applies, ``plover_none`` / ``acled_none`` say why (exactly one
    of the code and the reason is given)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    csv_row: str | None
    crosswalk: Crosswalk
    note: str = ""
    plover_none: str = ""
    acled_none: str = ""

    @model_validator(mode="after")
    def _code_or_reason(self) -> CrosswalkEntry:
        for name, code, reason in (
            ("plover", self.crosswalk.plover, self.plover_none),
            ("acled", self.crosswalk.acled, self.acled_none),
        ):
            if (code is None) == (not reason):
                raise ValueError(
                    f"give either a {name} code or {name}_none (why no category applies), "
                    "not both and not neither"
                )
        return self


class _CrosswalkFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kinds: dict[str, CrosswalkEntry]


def _table_path() -> Path:
    return paths.data_dir() / "crosswalk.yaml"


@functools.cache
def table() -> dict[str, CrosswalkEntry]:
    """The whole table: an entry per built-in event kind (kinds a model or pack adds carry
    their codes in their vocabulary file)."""
    doc = yamldoc.load(_table_path())
    parsed = yamldoc.parse(doc, _CrosswalkFile)
    unknown = [k for k in parsed.kinds if k not in builtin_vocabulary().kinds]
    if unknown:
        raise InputError(
            Problem(file=doc.file, message=f"entries for unknown kinds: {', '.join(unknown)}")
        )
    return dict(parsed.kinds)


def entry(kind: str) -> CrosswalkEntry:
    """The table entry of ``kind``."""
    return table()[kind]


def default_crosswalk(kind: str) -> Crosswalk:
    """The codes an event of ``kind`` gets when its YAML gives none (none for a kind the
    table lacks)."""
    found = table().get(kind)
    return found.crosswalk if found is not None else Crosswalk()


def csv_rows() -> dict[str, dict[str, str]]:
    """The reference CSV (``negotiation/data/crosswalk.csv``) by its ``dispute_event_kind``."""
    with (paths.data_dir() / "crosswalk.csv").open(encoding="utf-8", newline="") as fh:
        return {row["dispute_event_kind"]: row for row in csv.DictReader(fh)}


def no_category(kind: str, ontology: str) -> str:
    """Why no ``ontology`` (``plover`` or ``acled``) category applies to ``kind`` (``""`` for a
    kind the table lacks: a model's or pack's own kind carries its codes in its vocabulary)."""
    found = table().get(kind)
    if found is None:
        return ""
    return found.plover_none if ontology == "plover" else found.acled_none
