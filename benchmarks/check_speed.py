"""How fast ``sourcecheck check`` lints a folder of drafts.

Generates N Markdown drafts (default 1,000, about 400 words each, written from the
sentence pool below: no outside text) in a temporary folder, runs ``sourcecheck check`` on
the folder in-process, and prints drafts per second. Usage:

    python benchmarks/check_speed.py [--drafts 1000] [--format text] [--repeat 3] [--jobs 1]

The figure includes reading, Markdown parsing, the shared analysis, every enabled scorer
and formatting; it excludes interpreter start-up (about 0.3 s once per run).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import tempfile
import time
from pathlib import Path

from sourcecheck.cli import main
from sourcecheck.prose.markdown import markdown_prose

SENTENCES = [
    "The city council voted 7-2 on Tuesday to delay the repair of the Millbrook bridge.",
    "Council member Priya Nair said the engineers' report had arrived two days late.",
    "A source close to the council said the repairs could cost twice the estimate.",
    "Officials said the bridge would stay open while inspectors finished their work.",
    "The mayor's office reportedly asked the state for an emergency grant.",
    '"We cannot keep patching a bridge that is eighty years old," said Tomás Reyes, the city engineer.',
    "According to the 2025 budget, the city set aside $4.2 million for road maintenance.",
    "Residents may face detours of up to 20 minutes if the bridge closes, the transport department said.",
    "Some experts believe the delay could push costs higher still.",
    "The contractor, Harwick Civil Works, declined to comment.",
    "Two people familiar with the negotiations said the state was unlikely to pay in full.",
    "The council will meet again on March 28, according to the published agenda.",
]
MARKUP = [
    "See the [full agenda](https://council.example/agenda/2026-03) for details.",
    "The vote is recorded in `minutes-2026-03.pdf`.",
    "![The bridge at dusk](images/bridge.jpg)",
    "> Critics said the council had ignored warnings for years.",
    "- Traffic counts rose 12% last year.\n- Two lanes closed in January.",
]


def draft(rng: random.Random, number: int) -> str:
    paragraphs = []
    for _ in range(rng.randint(8, 12)):
        paragraphs.append(" ".join(rng.sample(SENTENCES, rng.randint(2, 4))))
        if rng.random() < 0.3:
            paragraphs.append(rng.choice(MARKUP))
    if rng.random() < 0.2:
        paragraphs.append("```\ncode = 'not article text'\n```")
    front = f"---\ntitle: Bridge story {number}\nauthors: [Desk {number % 7}]\n---\n\n"
    return front + f"# Bridge story {number}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_drafts(folder: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    words = 0
    for number in range(count):
        text = draft(rng, number)
        words += len(text.split())
        (folder / f"draft-{number:04d}.md").write_text(text, encoding="utf-8")
    return words


def time_check(folder: Path, fmt: str, jobs: int) -> float:
    started = time.perf_counter()
    args = ["check", str(folder), "--format", fmt, "--exit-zero", "--jobs", str(jobs)]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(args)
    elapsed = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"check exited {code}")
    return elapsed


def time_extraction(folder: Path) -> float:
    """Markdown prose extraction alone: the linter's own share of the work."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))]
    started = time.perf_counter()
    for text in texts:
        markdown_prose(text, "bench.md")
    return time.perf_counter() - started


def main_benchmark() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--format", default="text")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1, help="check --jobs (processes)")
    args = parser.parse_args()
    os.environ.setdefault("SOURCECHECK_LOAD_PLUGINS", "")  # built-in scorers only
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = write_drafts(folder, args.drafts)
        times = [time_check(folder, args.format, args.jobs) for _ in range(args.repeat)]
        extraction = min(time_extraction(folder) for _ in range(args.repeat))
    best = min(times)
    print(
        f"{args.drafts} drafts ({words / args.drafts:.0f} words each on average), "
        f"--format {args.format}: best of {args.repeat} {best:.2f} s, "
        f"{args.drafts / best:.0f} drafts/second with --jobs {args.jobs}"
    )
    print(
        f"  of which Markdown prose extraction: {extraction:.2f} s "
        f"({args.drafts / extraction:.0f} drafts/second alone)"
    )


if __name__ == "__main__":
    main_benchmark()
