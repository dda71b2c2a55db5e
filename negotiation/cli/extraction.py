"""Commands: extraction."""

from __future__ import annotations
