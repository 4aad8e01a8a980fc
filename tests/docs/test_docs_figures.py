"""The research figures in README.md and docs/compare.md are what their own commands give."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from script_loading import load_script

REPO = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    return load_script(REPO / "scripts/docs_figures.py", "docs_figures")


docs_figures = _script()


def test_the_readme_research_block_runs_on_the_example_corpus() -> None:
    blocks = docs_figures.documented_commands((REPO / "README.md").read_text("utf-8"))
    script = docs_figures.script_of(blocks)
    assert "python examples/corpus/generate.py" in script
    # The corpus's columns are not the defaults: every command that reads it maps them.
    reading = [line for line in script.splitlines() if "examples/corpus/corpus.jsonl" in line]
    assert len(reading) >= 3
    for line in reading:
        assert "$F" in line or "--text-field content" in line, line
    assert "pip install" not in script


def _comparison(statistic: float, p_value: float, significant: int) -> docs_figures.Result:
    pairs = [
        {"a": "A", "b": name, "p_adjusted": 0.001 if i < significant else 0.5}
        for i, name in enumerate(["B", "C"])
    ]
    groups = [
        {"group": name, "n": 10, "mean": mean, "mean_low": mean - 1, "mean_high": mean + 1}
        for name, mean in (("A", 0.9), ("B", 0.5), ("C", 0.4))
    ]
    return docs_figures.Result(
        {
            "options": {"correction": "holm"},
            "groups": groups,
            "tests": {"statistic": statistic, "p_value": p_value, "groups": ["A", "B", "C"],
                      "pairwise": pairs},
        }
    )  # fmt: skip


def test_a_figure_region_is_rewritten_from_the_results_and_reported() -> None:
    results = {
        "score": _comparison(1.0, 0.6, 0),
        "anonymous_sources.score": _comparison(30.0, 0.0001, 2),
        "hedging.score": _comparison(12.0, 0.002, 1),
    }
    doc = "before\n<!-- docs-figures: research-summary -->\nold figures\n<!-- /docs-figures -->\n"
    text, changed = docs_figures.rendered(doc, results)
    assert changed == ["research-summary"]
    flat = " ".join(text.split())  # the paragraph is wrapped
    assert "do not differ on the overall score" in flat
    assert "H = 30.0, p < 0.001, 2 of 2 pairs after Holm" in flat
    assert "every significant pair involves the A" in flat
    assert "old figures" not in flat
    assert docs_figures.rendered(text, results) == (text, [])


@pytest.mark.slow
def test_the_docs_quote_what_their_commands_give(tmp_path: Path) -> None:
    stale = docs_figures.regenerate(write=False, workspace=tmp_path)
    assert not stale, (
        f"figures differ from what the documented commands give: {stale}; "
        "run `python scripts/docs_figures.py --write`"
    )
    overall = json.loads((tmp_path / "report" / "comparison.json").read_text("utf-8"))
    assert {g["group"] for g in overall["groups"]} >= {"The Ledger", "Valley Post"}
    assert (tmp_path / "model.json").is_file() and (tmp_path / "calibrated.parquet").is_dir()
