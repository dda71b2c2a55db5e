"""Test-suite settings: under CI, hypothesis runs derandomised (same examples every run)."""

from __future__ import annotations

import os

from hypothesis import settings

from negotiation.testing import CI_PROFILE

if os.environ.get("CI"):
    settings.load_profile(CI_PROFILE)
