"""Every adversarial shape costs about ten times as much for ten times the text.

Each shape of ``sourcecheck.testing.adversarial.SHAPES`` runs through its real entry point
at two sizes ten times apart. A linear pipeline takes about 10x the CPU time (less when a
fixed cost dominates the small run); every shape here once took 60-120x at these sizes,
and its peak memory at the larger size was several times the bound below. Sizes are small
so the file runs in seconds on a loaded machine; ``benchmarks/adversarial.py`` runs the
same shapes up to the 2 MB input limit.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from sourcecheck.testing.adversarial import SHAPES, Measurement, Runner, Shape

SMALL, LARGE = 3_000, 30_000
MAX_RATIO = 15.0
# Below this a run's CPU time is mostly timer and cache noise: the small run counts as
# taking at least this long, so a near-zero small run cannot make a linear shape fail.
TIME_FLOOR = 0.002
# Peak memory at LARGE: under this bound, and under MAX_RATIO times the peak at SMALL
# (which counts as at least MEMORY_FLOOR). The ratio catches text held once per
# attribution; the bound, an object too many per character. The heaviest linear shape
# (a quote every two characters) traces ~650 bytes a character.
PEAK_BOUND = 48 * 2**20
MEMORY_FLOOR = 256 * 2**10
TRIES = 3  # the best of a few runs: CPU time still moves with the machine's load
# A large run over this many seconds is no noise (linear shapes take milliseconds): it is
# not run again, so a shape that has gone quadratic fails in seconds, not minutes.
CLEARLY_SLOW = 1.0


@pytest.fixture(scope="module")
def runner() -> Iterator[Runner]:
    built = Runner()
    yield built
    built.close()


def _seconds(runner: Runner, shape: Shape, size: int, tries: int) -> float:
    return runner.measure(shape.entry, shape.text(size), tries=tries, memory=False).seconds


@pytest.mark.alone
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_time_grows_linearly(runner: Runner, shape: Shape) -> None:
    small = max(_seconds(runner, shape, SMALL, TRIES), TIME_FLOOR)
    large = _seconds(runner, shape, LARGE, 1)
    if large / small >= MAX_RATIO and large < CLEARLY_SLOW:
        # Perhaps a busy moment: measure both again, alternately, so each size meets the same
        # load, and keep the best run of each.
        for _ in range(TRIES):
            small = min(small, max(_seconds(runner, shape, SMALL, 1), TIME_FLOOR))
            large = min(large, _seconds(runner, shape, LARGE, 1))
    assert large / small < MAX_RATIO, (
        f"{shape.name}: {small:.4f}s at {SMALL:,} characters, {large:.4f}s at {LARGE:,} "
        f"({large / small:.0f}x): {shape.why or 'see docs/performance.md'}"
    )


def _peak(runner: Runner, shape: Shape, size: int) -> int:
    measured: Measurement = runner.measure(shape.entry, shape.text(size), tries=0)
    return measured.peak_bytes


# Memory is about what the analysis holds (the drafts' scanners keep a copy of the text and
# little else); tracing a draft's scanner, which allocates an int a character, is slow.
ANALYSED = [shape for shape in SHAPES if shape.entry in ("analyze", "score")]


@pytest.mark.parametrize("shape", ANALYSED, ids=lambda s: s.name)
def test_peak_memory_grows_linearly_and_is_bounded(runner: Runner, shape: Shape) -> None:
    small = max(_peak(runner, shape, SMALL), MEMORY_FLOOR)
    large = _peak(runner, shape, LARGE)
    where = f"{shape.name}: {small / 2**20:.2f} MiB traced at {SMALL:,}, {large / 2**20:.2f} at {LARGE:,}"
    assert large / small < MAX_RATIO, where
    assert large < PEAK_BOUND, where


def test_a_timed_run_pauses_the_collector_and_restores_it(runner: Runner) -> None:
    seen: list[bool] = []
    runner.function = lambda entry: lambda text: seen.append(gc.isenabled())  # type: ignore[method-assign]
    try:
        runner.measure("score", "He said so.", tries=2, memory=True)
    finally:
        del runner.function  # back to the class's method
    # Two timed runs with the collector paused, then the traced run with it on again.
    assert seen == [False, False, True]
    assert gc.isenabled()
