"""Test-suite settings: hypothesis never has a deadline and never fails a test for being slow
(a loaded machine makes any timing flaky); under CI it runs derandomised (same examples every
run)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from negotiation.testing import CI_PROFILE

#: the default for every test: no deadline, no health check about speed (a test's own
#: ``@settings`` inherit these, as this file is loaded before any test module)
UNTIMED = "negotiation-untimed"
settings.register_profile(
    UNTIMED,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(CI_PROFILE if os.environ.get("CI") else UNTIMED)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``dask`` run last, in their order. Dask leaves a thread running for the
    rest of the session, and a process with threads starts its pool workers by spawning (a new
    interpreter each) rather than forking: every process-pool test after it would pay that."""
    items.sort(key=lambda item: item.get_closest_marker("dask") is not None)
