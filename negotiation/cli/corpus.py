"""Commands: corpus."""

from __future__ import annotations
