"""Adversarial text shapes at full size: CPU time and peak memory, and how they grow.

    python benchmarks/adversarial.py                      # every shape, 20 kB to 2 MB
    python benchmarks/adversarial.py --sizes 2000 20000 --shape periods --shape said-run

Each shape (``sourcecheck.testing.adversarial.SHAPES``) runs at each size in a fresh
process, under a time limit and an address-space limit, so one that has gone quadratic
again is reported as over the limit instead of taking the machine down. ``ratio`` is the
time at a size over the time at the size before it: about 10 for ten times the text when
the cost is linear, 100 when it is quadratic. Peak memory is tracemalloc's, from a second
run (tracing slows allocation, so it is kept out of the timing). The table is Markdown,
as it appears in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from collections.abc import Sequence

from sourcecheck.testing.adversarial import SHAPES, Runner, shape

DEFAULT_SIZES = (20_000, 200_000, 2_000_000)
MEMORY_LIMIT = 6 << 30  # bytes of address space for one measurement


def _measure_here(name: str, size: int) -> None:
    """Child process: measure one shape at one size, print the result as JSON."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    chosen = shape(name)
    runner = Runner()
    try:
        measured = runner.measure(chosen.entry, chosen.text(size))
    finally:
        runner.close()
    print(json.dumps({"seconds": measured.seconds, "peak": measured.peak_bytes}))


def _measure(name: str, size: int, timeout: float) -> dict[str, float] | str:
    """The child's result, or why there is none (over the time limit, out of memory)."""
    command = [sys.executable, __file__, "--child", name, str(size)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s"
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return "failed: " + (lines[-1][:60] if lines else f"exit {done.returncode}")
    return json.loads(done.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--shape", action="append", help="Only these shapes (repeatable).")
    parser.add_argument("--timeout", type=float, default=300.0, help="Seconds per run.")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _measure_here(args.child[0], int(args.child[1]))
        return 0
    shapes = [shape(name) for name in args.shape] if args.shape else list(SHAPES)
    print("| shape | entry | size | seconds | peak MiB | ratio |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for chosen in shapes:
        previous: float | None = None
        for size in args.sizes:
            result = _measure(chosen.name, size, args.timeout)
            if isinstance(result, str):
                print(f"| {chosen.name} | {chosen.entry} | {size:,} | {result} | | |", flush=True)
                break  # a larger size would only take longer
            seconds, peak = result["seconds"], result["peak"] / 2**20
            ratio = f"{seconds / previous:.1f}" if previous else ""
            row = f"| {chosen.name} | {chosen.entry} | {size:,} | {seconds:.3f} | {peak:.1f} | {ratio} |"
            print(row, flush=True)
            previous = max(seconds, 1e-6)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
