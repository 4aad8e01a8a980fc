"""Peak memory and speed of `sourcecheck batch` as the corpus grows, and 1 -> N workers.

Generates synthetic articles (our own sentences), runs the real CLI in a subprocess and
samples the resident memory of the whole process tree (main process + workers) with psutil.
Flat memory means the peak at 100,000 articles is about the peak at 10,000.

    python benchmarks/batch_memory.py                      # 10k normal, 100k short, 1 and 2 workers
    python benchmarks/batch_memory.py --sizes 2000 --workers 1 2
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

TOWNS = ["Elmsworth", "Greyhaven", "Oakridge", "Sutton Vale", "Marlow", "Dunmore"]
SUBJECTS = ["the council", "the health board", "the school district", "the port authority"]
SENTENCES = [
    "{subject} said on {day} that the {thing} would cost {n} million dollars.",
    "“We expect work to finish by the autumn,” said {person}, a spokesperson.",
    "Residents may object to the plan, according to an official who asked not to be named.",
    "The {thing} was last renovated {n} years ago, records show.",
    "Critics say the budget could rise further if materials become more expensive.",
    "{person} told reporters the decision had been delayed twice.",
]
THINGS = ["library", "bridge", "clinic", "ferry terminal", "sports hall"]
PEOPLE = ["Jo Tran", "Sam Okoro", "Mia Lund", "Raj Patel", "Ava Costa"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(number: int, rng: random.Random, sentences: int) -> dict[str, str]:
    values = {
        "subject": rng.choice(SUBJECTS).capitalize(),
        "thing": rng.choice(THINGS),
        "n": str(rng.randint(2, 90)),
        "person": rng.choice(PEOPLE),
        "day": rng.choice(DAYS),
    }
    body = " ".join(rng.choice(SENTENCES).format(**values) for _ in range(sentences))
    return {
        "id": f"n{number:07d}",
        "outlet": f"Outlet {number % 7}",
        "published": f"2025-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
        "title": f"{rng.choice(TOWNS)} {values['thing']} news",
        "body": body,
    }


def write_corpus(path: Path, count: int, sentences: int) -> None:
    rng = random.Random(count)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(json.dumps(article(number, rng, sentences)) + "\n")


def run(corpus: Path, out: Path, workers: int) -> tuple[float, float, float, float, float]:
    """Seconds, peak RSS of the tree and of the main process (MB), CPU s of main and workers.

    CPU seconds tell what wall-clock cannot on a busy machine: how the work splits between
    the main process (read, write) and the workers (score).
    """
    command = [
        sys.executable, "-m", "sourcecheck.cli", "batch", str(corpus), "--out", str(out),
        "--workers", str(workers), "--no-progress",
    ]  # fmt: skip
    started = time.perf_counter()
    process = psutil.Popen(command, stderr=subprocess.DEVNULL)
    peak_tree = peak_main = 0
    cpu: dict[int, float] = {}
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            rss = [p.memory_info().rss for p in tree]
            for member in tree:
                times = member.cpu_times()
                cpu[member.pid] = times.user + times.system
        except psutil.Error:
            continue  # a worker exited between listing and reading
        peak_tree, peak_main = max(peak_tree, sum(rss)), max(peak_main, rss[0])
        time.sleep(0.05)  # sampling interval
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"batch failed with exit code {process.returncode}")
    main_cpu = cpu.pop(process.pid, 0.0)
    return elapsed, peak_tree / 2**20, peak_main / 2**20, main_cpu, sum(cpu.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--sentences", type=int, default=12, help="per article (normal size)")
    parser.add_argument(
        "--short-above", type=int, default=20_000,
        help="corpora larger than this use 3-sentence articles, to keep the run time sane",
    )  # fmt: skip
    parser.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    args = parser.parse_args()
    print(
        "articles  sentences  workers  seconds  articles/s  peak RSS tree MB  main MB"
        "  CPU s main  CPU s workers"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            sentences = 3 if size > args.short_above else args.sentences
            corpus = Path(folder) / f"corpus-{size}.jsonl"
            write_corpus(corpus, size, sentences)
            for workers in args.workers:
                out = Path(folder) / f"out-{size}-{workers}.{args.format}"
                seconds, tree, main_rss, main_cpu, worker_cpu = run(corpus, out, workers)
                print(
                    f"{size:8d}  {sentences:9d}  {workers:7d}  {seconds:7.1f}  "
                    f"{size / seconds:10.0f}  {tree:16.0f}  {main_rss:7.0f}"
                    f"  {main_cpu:10.1f}  {worker_cpu:13.1f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
