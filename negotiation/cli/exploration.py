"""Commands: exploration."""

from __future__ import annotations
