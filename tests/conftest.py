"""Test-suite settings: hypothesis never has a deadline and never fails a test for being slow
(a loaded machine makes any timing flaky); under CI it runs derandomised (same examples every
run)."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

from negotiation.testing import CI_PROFILE

if TYPE_CHECKING:
    from negotiation.explore import Exploration

#: the default for every test: no deadline, no health check about speed (a test's own
#: ``@settings`` inherit these, as this file is loaded before any test module)
UNTIMED = "negotiation-untimed"
settings.register_profile(
    UNTIMED,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(CI_PROFILE if os.environ.get("CI") else UNTIMED)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection built lives to the end of the session (modules, items, the library's
    tables): frozen, the collector no longer traverses it at every full collection (0.18 s
    each, 37 in a run: 6.5 CPU-s, a tenth of the suite)."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """After a file's last test (its fixtures torn down), what is still alive is frozen too,
    once its garbage is collected (frozen objects are still freed when no longer referenced;
    only the collector of reference cycles leaves them alone)."""
    yield
    if nextitem is None or nextitem.path != item.path:
        gc.collect()
        gc.freeze()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``dask`` run last, in their order. Dask leaves a thread running for the
    rest of the session, and a process with threads starts its pool workers by spawning (a new
    interpreter each) rather than forking: every process-pool test after it would pay that."""
    items.sort(key=lambda item: item.get_closest_marker("dask") is not None)


@pytest.fixture(scope="session")
def reference_depth_5() -> Exploration:
    """The reference model explored to depth 5 (96,187 states), one search for the tests that
    compare it (with the old engine's result, with a fingerprinted search): none changes it."""
    from negotiation.explore import explore

    return explore(max_depth=5, max_states=10**7, max_seconds=600)


@pytest.fixture
def kenya_copy(tmp_path: Path) -> Path:
    """A copy of the Kenyan pack, to break (hostile-input tests)."""
    pack = tmp_path / "k"
    shutil.copytree(Path(__file__).parent.parent / "negotiation/data/packs/kenya-2007-2008", pack)
    return pack
