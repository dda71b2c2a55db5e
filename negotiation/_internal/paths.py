"""Where the built-in data lives, in a checkout and in an installed wheel alike.

A wheel carries ``seeds/`` and ``scenarios/`` inside the package (``negotiation/data/``); a
checkout (or an editable install) has them at the top of the repository.

    >>> (seeds_dir() / "events.yaml").is_file()
    True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_dir", "scenarios_dir", "seeds_dir"]

_PACKAGE = Path(__file__).resolve().parent.parent  # negotiation/


def data_dir() -> Path:
    """Data that lives inside the package in every install: models, profiles, lexicons."""
    return _PACKAGE / "data"


def _shipped(name: str) -> Path:
    inside = _PACKAGE / "data" / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def seeds_dir() -> Path:
    """The built-in corpus: the seed articles, ``articles.yaml``, ``actors.yaml``, ``events.yaml``."""
    return _shipped("seeds")


def scenarios_dir() -> Path:
    """The shipped scenario files."""
    return _shipped("scenarios")
