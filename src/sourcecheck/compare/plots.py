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
# Okabe & Ito's palette: told apart with every common colour-vision deficiency. Lines also
# change marker and dash past its eight colours, so no two groups look alike.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
DASHES = ("-", "--", ":", "-.")
HEATMAP = "cividis"  # perceptually uniform and colour-blind safe, unlike red-to-green
MAX_BOXES = 20
Z_95 = 1.96


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


def score_distributions(frame: pd.DataFrame, metric: str = SCORE, by: str = GROUP) -> Figure:
    """Box plot plus the individual articles of each group, groups ordered by median.

    Past ``MAX_BOXES`` groups only the largest are drawn, and the title says so.
    """
    sizes = frame.groupby(by)[VALUE].size()
    kept = sizes.sort_values(ascending=False).index[:MAX_BOXES]
    shown = frame[frame[by].isin(kept)]
    order = shown.groupby(by)[VALUE].median().sort_values().index.tolist()
    data = [shown.loc[shown[by] == g, VALUE].to_numpy(dtype=float) for g in order]
    labels = [f"{g} (n={len(values)})" for g, values in zip(order, data, strict=True)]
    figure, axes = plt.subplots(figsize=(8, 0.5 * len(order) + 1.6))
    axes.boxplot(data, orientation="horizontal", tick_labels=labels, showfliers=False, widths=0.6)
    jitter = np.random.default_rng(0)
    for position, values in enumerate(data, start=1):
        offsets = position + jitter.uniform(-0.18, 0.18, len(values))
        axes.scatter(values, offsets, s=6, alpha=0.35, color=OKABE_ITO[0], linewidths=0)
    if metric == SCORE:
        axes.set_xlabel("overall score (0-100)")
        axes.set_xlim(0, 100)
    else:
        axes.set_xlabel(metric)
    name = "Overall score" if metric == SCORE else metric
    title = f"{name} by {'group' if by == GROUP else by}"
    if len(sizes) > MAX_BOXES:
        title += f" ({MAX_BOXES} largest of {len(sizes)} groups)"
    axes.set_title(title)
    axes.grid(axis="x", alpha=0.3)
    return figure


def scorer_profile(table: pd.DataFrame, title: str = "Scorer profile by group") -> Figure:
    """Heatmap of each scorer's mean score (0-1) per group, values written in the cells."""
    columns = [c for c in table.columns if c.endswith(".score.mean")]
    names = [c.removesuffix(".score.mean") for c in columns]
    values = table[columns].to_numpy(dtype=float)
    figure, axes = plt.subplots(figsize=(1.3 * len(names) + 2.5, 0.45 * len(table) + 1.8))
    image = axes.imshow(values, vmin=0, vmax=1, cmap=HEATMAP, aspect="auto")
    axes.set_xticks(range(len(names)), names, rotation=30, ha="right")
    axes.set_yticks(range(len(table)), table[GROUP].tolist())
    for (row, col), value in np.ndenumerate(values):
        label = "" if np.isnan(value) else f"{value:.2f}"
        ink = "black" if value > 0.45 else "white"  # readable on cividis's dark and light ends
        axes.text(col, row, label, ha="center", va="center", fontsize=8, color=ink)
    figure.colorbar(image, ax=axes, label="mean scorer score (1 = best practice)")
    axes.set_title(title)
    return figure


def monthly_trend(frame: pd.DataFrame, by: str, metric: str = SCORE) -> Figure:
    """Mean of the metric per month, one line per value of ``by``, with its 95% interval.

    The band is mean ± 1.96 standard errors (normal approximation) wherever a month has at
    least two articles; the legend gives each line's number of articles.
    """
    stats = frame.groupby([by, MONTH])[VALUE].agg(["mean", "std", "count"]).reset_index()
    figure, axes = plt.subplots(figsize=(8, 4.5))
    for index, (name, rows) in enumerate(stats.groupby(by, sort=True)):
        rows = rows.sort_values(MONTH)
        style = _line_style(index)
        n = int(rows["count"].sum())
        axes.plot(rows[MONTH], rows["mean"], label=f"{name} (n={n})", **style)
        half = Z_95 * rows["std"] / np.sqrt(rows["count"])
        band = rows["count"] >= 2
        axes.fill_between(
            rows[MONTH][band],
            (rows["mean"] - half)[band],
            (rows["mean"] + half)[band],
            color=style["color"],
            alpha=0.12,
            linewidth=0,
        )
    axes.set_ylabel("mean overall score" if metric == SCORE else f"mean {metric}")
    axes.set_xlabel("month (bands: 95% interval of the mean)")
    axes.tick_params(axis="x", rotation=45)
    axes.legend(fontsize=7, ncols=2)
    axes.grid(alpha=0.3)
    axes.set_title(f"Mean {'score' if metric == SCORE else metric} per month by {by}")
    return figure


def _line_style(index: int) -> dict[str, str]:
    return {
        "color": OKABE_ITO[index % len(OKABE_ITO)],
        "marker": MARKERS[index % len(MARKERS)],
        "linestyle": DASHES[(index // len(OKABE_ITO)) % len(DASHES)],
    }


def _profile_by(frame: pd.DataFrame, column: str, scorers: list[str]) -> pd.DataFrame:
    """Each scorer's mean per value of ``column``, shaped like the group table."""
    means = frame.groupby(column, sort=True)[scorers].mean().reset_index()
    return means.rename(columns={column: GROUP, **{s: f"{s}.mean" for s in scorers}})


def draw_all(
    frame: pd.DataFrame,
    table: pd.DataFrame,
    by: tuple[str, ...],
    out: Path,
    metric: str = SCORE,
) -> dict[str, list[Path]]:
    """Every figure of a comparison, written to ``out``; returns paths by figure name."""
    others = [column for column in by if column != MONTH]
    # Crossed with month, the distributions are per outlet (say): the months are the trend's.
    box_by = others[0] if MONTH in by and others else GROUP
    scorers = scorer_columns(frame)
    profile = table if box_by == GROUP else _profile_by(frame, box_by, scorers)
    figures = {
        "score_distributions": score_distributions(frame, metric, box_by),
        "scorer_profile": scorer_profile(profile, f"Scorer profile by {box_by}")
        if scorers
        else None,
    }
    if MONTH in by and others:
        figures["monthly_trend"] = monthly_trend(frame, others[0], metric)
    return {name: save(fig, out, name) for name, fig in figures.items() if fig is not None}
