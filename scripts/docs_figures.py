"""The figures README.md and docs/compare.md quote, regenerated from their own commands.

Runs the research commands exactly as the docs write them (the bash blocks after a
``<!-- docs-figures: commands -->`` line in README.md, then docs/compare.md), in a scratch copy
of the example corpus, and renders what they wrote into the docs' figure regions
(``<!-- docs-figures: NAME -->`` ... ``<!-- /docs-figures -->``).

    python scripts/docs_figures.py           # say which figures differ from the docs (exit 1)
    python scripts/docs_figures.py --write   # rewrite them, and the figures in docs/img/

Scores move whenever the analysis or a scorer changes: run it with ``--write`` after such a
merge. ``tests/docs/test_docs_figures.py`` runs the check, so the docs cannot drift.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DOCS = ("README.md", "docs/compare.md")
COMMANDS_MARK = "<!-- docs-figures: commands -->"
REGION = re.compile(
    r"(<!-- docs-figures: (?!commands )(?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- /docs-figures -->)",
    re.S,
)
TRAILING_COMMENT = re.compile(r"\s{2,}#.*$")
FENCE = re.compile(r"```bash\n(?P<body>.*?)```", re.S)
# What the commands need of the repository, copied so nothing is written into the checkout.
WORKSPACE_FILES = ("examples/corpus/generate.py", "examples/corpus/demo_scorer.py")
WORKSPACE_DIRS = ("examples/articles",)
# The comparisons the figures are read from: output directory -> what it compares.
REPORTS = {
    "score": "report",
    "anonymous_sources.score": "report-anonymous",
    "hedging.score": "report-hedging",
    "month": "report-month",
}
IMAGES = {
    "compare-score-distributions": ("report", "score_distributions"),
    "compare-scorer-profile": ("report", "scorer_profile"),
    "compare-hedging-distributions": ("report-hedging", "score_distributions"),
    "compare-monthly-trend": ("report-month", "monthly_trend"),
}
ALPHA = 0.05
WIDTH = 100
SCORER_WORDS = {"anonymous_sources": "anonymous sourcing", "hedging": "hedging"}


def documented_commands(text: str) -> list[str]:
    """The bash blocks that follow the commands mark, in order."""
    blocks = []
    for part in text.split(COMMANDS_MARK)[1:]:
        fence = FENCE.search(part)
        if fence is None:
            raise SystemExit(f"no ```bash block after {COMMANDS_MARK}")
        blocks.append(fence.group("body"))
    return blocks


def script_of(blocks: list[str]) -> str:
    """One bash script: every command once, in order; installs are the caller's business."""
    seen: set[str] = set()
    lines = ["set -euo pipefail"]
    for block in blocks:
        for command in re.sub(r"\\\n\s*", "", block).splitlines():
            command = TRAILING_COMMENT.sub("", command).strip()
            if not command or command in seen or command.startswith("pip install"):
                continue
            seen.add(command)
            lines.append(command)
    return "\n".join(lines) + "\n"


def run_documented_commands(workspace: Path) -> str:
    for name in WORKSPACE_FILES:
        (workspace / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, workspace / name)
    for name in WORKSPACE_DIRS:
        shutil.copytree(REPO / name, workspace / name, dirs_exist_ok=True)
    blocks = [b for doc in DOCS for b in documented_commands((REPO / doc).read_text("utf-8"))]
    script = script_of(blocks)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    # The figures are the built-in scorers': a plugin installed on this machine must not move them.
    env["SOURCECHECK_LOAD_PLUGINS"] = ""
    done = subprocess.run(
        ["bash", "-c", script], cwd=workspace, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"the documented commands failed:\n{script}\n{done.stderr[-3000:]}")
    return script


# -- rendering the figures ----------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """One comparison.json, read."""

    data: dict[str, Any]

    @property
    def tests(self) -> dict[str, Any]:
        return self.data["tests"]

    @property
    def groups(self) -> list[dict[str, Any]]:
        return self.data["groups"]

    def significant_pairs(self) -> list[dict[str, Any]]:
        return [p for p in self.tests["pairwise"] if p["p_adjusted"] < ALPHA]

    def kruskal(self) -> str:
        return f"H = {self.tests['statistic']:.1f}, p {p_text(self.tests['p_value'])}"

    def pairs_text(self) -> str:
        correction = "Holm" if self.data["options"]["correction"] == "holm" else "BH"
        return f"{len(self.significant_pairs())} of {len(self.tests['pairwise'])} pairs after {correction}"

    def extremes(self, digits: int = 2) -> str:
        ranked = sorted(self.groups, key=lambda g: g["mean"])
        low, high = ranked[0], ranked[-1]
        return (
            f"highest {high['group']} ({high['mean']:.{digits}f}), "
            f"lowest {low['group']} ({low['mean']:.{digits}f})"
        )

    def common_group(self) -> str | None:
        """The group every significant pair involves, when there is one."""
        pairs = self.significant_pairs()
        if not pairs:
            return None
        common = set.intersection(*({p["a"], p["b"]} for p in pairs))
        return sorted(common)[0] if len(common) == 1 else None


def p_text(p: float) -> str:
    return "< 0.001" if p < 0.001 else f"= {p:.3f}"


def differ(result: Result) -> bool:
    return result.tests["p_value"] < ALPHA


def scorer_sentence(metric: str, result: Result) -> str:
    scorer = metric.removesuffix(".score")
    words = SCORER_WORDS.get(scorer, scorer)
    sentence = (
        f"{words} (H = {result.tests['statistic']:.1f}, p {p_text(result.tests['p_value'])}, "
    )
    sentence += f"{result.pairs_text()}; {result.extremes()}"
    common = result.common_group()
    if common is not None and len(result.significant_pairs()) > 1:
        sentence += f"; every significant pair involves the {common}"
    return sentence + ")"


def readme_summary(results: dict[str, Result]) -> str:
    overall = results["score"]
    verdict = "differ" if differ(overall) else "do not differ"
    per_scorer = [
        scorer_sentence(m, results[m]) for m in ("anonymous_sources.score", "hedging.score")
    ]
    return paragraph(
        "`compare --by outlet` finds what the generator built in without being told: "
        f"the outlets {verdict} on the overall score (Kruskal-Wallis {overall.kruskal()}, "
        f"{overall.pairs_text()}); per scorer: {per_scorer[0]} and {per_scorer[1]}."
    )


def paragraph(text: str, indent: str = "") -> str:
    wrapped = textwrap.fill(
        text, WIDTH, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )
    return wrapped + "\n"


def compare_table(results: dict[str, Result]) -> str:
    """The overall comparison as a Markdown table (means with 95% CIs) and its test."""
    overall = results["score"]
    scorers = sorted(
        key.removesuffix(".score.mean") for key in overall.groups[0] if key.endswith(".score.mean")
    )
    header = ["outlet", "n", "score mean [95% CI]", *(f"`{s}`" for s in scorers)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for group in overall.groups:
        cells = [
            group["group"],
            str(group["n"]),
            f"{group['mean']:.1f} [{group['mean_low']:.1f}, {group['mean_high']:.1f}]",
            *(f"{group[f'{s}.score.mean']:.2f}" for s in scorers),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    groups = len(overall.tests["groups"])
    lines += ["", f"Kruskal-Wallis on score over {groups} groups: {overall.kruskal()}."]
    return "\n".join(lines) + "\n"


def compare_findings(results: dict[str, Result]) -> str:
    overall = results["score"]
    verdict = "do **not** differ" if not differ(overall) else "**differ**"
    text = paragraph(
        f"The outlets {verdict} on the overall score ({overall.kruskal()}; "
        f"{overall.pairs_text()}). Per scorer:"
    )
    text += "\n"
    for metric in ("anonymous_sources.score", "hedging.score"):
        result = results[metric]
        text += paragraph(
            f"* `--metric {metric}`: Kruskal-Wallis {result.kruskal()}; {result.pairs_text()}; "
            f"{result.extremes()}.",
            indent="  ",
        )
    return text


RENDERERS: dict[str, Callable[[dict[str, Result]], str]] = {
    "research-summary": readme_summary,
    "compare-table": compare_table,
    "compare-findings": compare_findings,
}


def read_results(workspace: Path) -> dict[str, Result]:
    return {
        metric: Result(json.loads((workspace / out / "comparison.json").read_text("utf-8")))
        for metric, out in REPORTS.items()
    }


def rendered(doc: str, results: dict[str, Result]) -> tuple[str, list[str]]:
    """The doc with every figure region re-rendered, and the names of regions that changed."""
    changed: list[str] = []

    def replace(match: re.Match[str]) -> str:
        body = RENDERERS[match.group("name")](results)
        if body != match.group("body"):
            changed.append(match.group("name"))
        return match.group(1) + body + match.group(4)

    return REGION.sub(replace, doc), changed


def regenerate(write: bool, workspace: Path, rerun: bool = True) -> list[str]:
    """Run the commands; return '<doc>: <region>' for each figure the docs have wrong."""
    if rerun:
        run_documented_commands(workspace)
    results = read_results(workspace)
    stale = []
    for name in DOCS:
        path = REPO / name
        text, changed = rendered(path.read_text("utf-8"), results)
        stale += [f"{name}: {region}" for region in changed]
        if write and changed:
            path.write_text(text, encoding="utf-8")
    if write:
        for image, (folder, stem) in IMAGES.items():
            for suffix in (".png", ".svg"):
                shutil.copy2(
                    workspace / folder / f"{stem}{suffix}", REPO / "docs/img" / f"{image}{suffix}"
                )
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the docs' figures")
    parser.add_argument(
        "--reuse",
        type=Path,
        metavar="DIR",
        help="run the commands in DIR and keep it; with its results already there, only render",
    )
    args = parser.parse_args(argv)
    if args.reuse is not None:
        args.reuse.mkdir(parents=True, exist_ok=True)
        rerun = not (args.reuse / REPORTS["month"] / "comparison.json").is_file()
        stale = regenerate(args.write, args.reuse, rerun)
    else:
        with tempfile.TemporaryDirectory(prefix="sourcecheck-docs-") as folder:
            stale = regenerate(args.write, Path(folder))
    for entry in stale:
        print(f"{'rewrote' if args.write else 'stale'}: {entry}")
    if not stale:
        print("the docs' figures are what the documented commands give")
    return 1 if stale and not args.write else 0


if __name__ == "__main__":
    sys.exit(main())
