"""Test-wide isolation (no plugin installed on this machine is ever loaded by accident) and
the pytest-xdist layout: groups, and timing tests run alone."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from exclusive_lock import WorkersLock
from hypothesis import settings

# Set at import time too, so anything built while tests are collected is isolated as well.
os.environ["SOURCECHECK_LOAD_PLUGINS"] = ""
os.environ.pop("SOURCECHECK_STRICT", None)

# CI tries the same examples on every run, so a red build means a change broke something;
# local runs keep exploring new ones (that is how a fold-count bug in calibration was found).
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups off the items
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The pytest-xdist layout (pyproject's addopts: a worker a core, --dist loadgroup).

    A module that builds a fixture once (a server, a venv, a Dask cluster, the adversarial
    timing runner) runs on one worker, so the fixture is built once. Session fixtures are
    left alone, so that the slow docs snippet pages can spread over the workers. Slow tests
    are not handed out first: a timing test waiting for another worker's minute-long test to
    end kept its own worker idle meanwhile."""
    for item in items:
        if _uses_a_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


def _uses_a_module_fixture(item: pytest.Item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(definitions[-1].scope == "module" for definitions in info.name2fixturedefs.values())


@pytest.fixture(autouse=True)
def _isolated_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SOURCECHECK_LOAD_PLUGINS", "")
    monkeypatch.delenv("SOURCECHECK_STRICT", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


def pytest_configure(config: pytest.Config) -> None:
    worker_temp = config.option.basetemp if hasattr(config, "workerinput") else None
    # Each worker's basetemp is a folder of the run's own, which all of them share.
    config.stash[_LOCK] = WorkersLock.in_folder(Path(worker_temp).parent) if worker_temp else None


_LOCK = pytest.StashKey["WorkersLock | None"]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator:
    """A test marked ``alone`` (CPU-time ratios) runs while no other worker runs a test:
    the large run of a timing shape has a working set that another busy worker's cache
    traffic slows (double-quotes-run measured 19-21x beside another worker, 8-10x alone).
    Module and session fixtures are set up inside this protocol, so they are covered too."""
    lock = item.config.stash.get(_LOCK, None)
    if lock is None:
        return (yield)
    if item.get_closest_marker("alone") is not None:
        lock.take()
    else:
        lock.share()
    try:
        return (yield)
    finally:
        # Released after every test, never held into the next: an xdist worker runs its last
        # queued test only once it knows the test after it, so a lock kept across that wait
        # blocked the other worker, whose unfinished queue kept the wait from ending.
        lock.release()
