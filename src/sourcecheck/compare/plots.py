"""Figures for a comparison, drawn with matplotlib's Agg backend (no display needed)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless: servers, CI and worker processes have no display

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from sourcecheck.compare.stats import GROUP, MONTH, SCORE, VALUE, scorer_columns

FORMATS = ("png", "svg")


def save(figure: Figure, out: Path, stem: str) -> list[Path]:
    """Write ``stem.png`` and ``stem.svg``; SVG metadata without a date, for stable diffs."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in FORMATS:
        path = out / f"{stem}.{fmt}"
        metadata = {"Date": None} if fmt == "svg" else {}
        figure.savefig(path, dpi=110, bbox_inches="tight", metadata=metadata)
        paths.append(path)
    plt.close(figure)
    return paths


def score_distributions(frame: pd.DataFrame, metric: str = SCORE) -> Figure:
    """Box plot plus the individual articles of each group, groups ordered by median."""
    order = frame.groupby(GROUP)[VALUE].median().sort_values().index.tolist()
    data = [frame.loc[frame[GROUP] == g, VALUE].to_numpy(dtype=float) for g in order]
    figure, axes = plt.subplots(figsize=(8, 0.5 * len(order) + 1.6))
    axes.boxplot(data, orientation="horizontal", tick_labels=order, showfliers=False, widths=0.6)
    jitter = np.random.default_rng(0)
    for position, values in enumerate(data, start=1):
        offsets = position + jitter.uniform(-0.18, 0.18, len(values))
        axes.scatter(values, offsets, s=6, alpha=0.35, color="tab:blue", linewidths=0)
    if metric == SCORE:
        axes.set_xlabel("overall score (0-100)")
        axes.set_xlim(0, 100)
    else:
        axes.set_xlabel(metric)
    axes.set_title(f"{'Overall score' if metric == SCORE else metric} by group")
    axes.grid(axis="x", alpha=0.3)
    return figure


def scorer_profile(table: pd.DataFrame, title: str = "Scorer profile by group") -> Figure:
    """Heatmap of each scorer's mean score (0-1) per group, values written in the cells."""
    columns = [c for c in table.columns if c.endswith(".score.mean")]
    names = [c.removesuffix(".score.mean") for c in columns]
    values = table[columns].to_numpy(dtype=float)
    figure, axes = plt.subplots(figsize=(1.3 * len(names) + 2.5, 0.45 * len(table) + 1.8))
    image = axes.imshow(values, vmin=0, vmax=1, cmap="RdYlGn", aspect="auto")
    axes.set_xticks(range(len(names)), names, rotation=30, ha="right")
    axes.set_yticks(range(len(table)), table[GROUP].tolist())
    for (row, col), value in np.ndenumerate(values):
        label = "" if np.isnan(value) else f"{value:.2f}"
        axes.text(col, row, label, ha="center", va="center", fontsize=8)
    figure.colorbar(image, ax=axes, label="mean scorer score (1 = best practice)")
    axes.set_title(title)
    return figure


def monthly_trend(frame: pd.DataFrame, by: str, metric: str = SCORE) -> Figure:
    """Mean of the metric per month, one line per value of ``by`` (e.g. outlet)."""
    means = frame.groupby([MONTH, by])[VALUE].mean().unstack(by).sort_index()
    figure, axes = plt.subplots(figsize=(8, 4))
    for column in means.columns:
        axes.plot(means.index, means[column], marker="o", label=str(column))
    axes.set_ylabel("mean overall score" if metric == SCORE else f"mean {metric}")
    axes.set_xlabel("month")
    axes.tick_params(axis="x", rotation=45)
    axes.legend(fontsize=7, ncols=2)
    axes.grid(alpha=0.3)
    axes.set_title(f"Mean {'score' if metric == SCORE else metric} per month by {by}")
    return figure


def draw_all(
    frame: pd.DataFrame,
    table: pd.DataFrame,
    by: tuple[str, ...],
    out: Path,
    metric: str = SCORE,
) -> dict[str, list[Path]]:
    """Every figure of a comparison, written to ``out``; returns paths by figure name."""
    figures = {
        "score_distributions": score_distributions(frame, metric),
        "scorer_profile": scorer_profile(table) if scorer_columns(frame) else None,
    }
    others = [column for column in by if column != MONTH]
    if MONTH in by and others:
        figures["monthly_trend"] = monthly_trend(frame, others[0], metric)
    return {name: save(fig, out, name) for name, fig in figures.items() if fig is not None}
