"""E5.1 figures: the heat map of weights with the divergence bars, the table
and caption that say the same in words, and the class picture (pure
functions of the model; SVG figures)."""

from __future__ import annotations

import html
import math
import statistics

from ...figures import svgplot
from ...figures.style import PALETTE, SEQUENTIAL, style_axes, wrap_label
from ...i18n import number, t
from .model import PublicValuesMap

__all__ = ["caption", "draw_public_values", "plot_class", "plot_public_values", "plot_public_values_cases",
           "ranked_table", "two_decimals"]


def two_decimals(x: float) -> str:
    """A divergence index as the reader's language writes it (a decimal comma in Dutch)."""
    return number(x, digits=2)


def _esc(text) -> str:
    return html.escape(str(text), quote=True)


def _labels(model: PublicValuesMap) -> tuple[list[str], list[str]]:
    return ([wrap_label(v, 24) for v, _ in model.ranked()], [wrap_label(a.name, 18) for a in model.actors()])


def _size(model: PublicValuesMap) -> tuple[float, float]:
    """(width of row labels and heat map, height) in inches: rows as tall as their labels."""
    row_labels, col_labels = _labels(model)
    n_rows = len(row_labels)
    row_w = max((svgplot.text_width(label, 8) for label in row_labels), default=0) / svgplot.DPI
    row_lines = max((label.count("\n") + 1 for label in row_labels), default=1)
    col_w = max((svgplot.text_width(label, 8) for label in col_labels), default=0) / svgplot.DPI
    col_lines = max((label.count("\n") + 1 for label in col_labels), default=1)
    slant = math.radians(30)
    bottom = max(col_w * math.sin(slant) + col_lines * 8 * 1.3 / 72 * math.cos(slant) + 0.15, 0.6)
    cell_h = max(0.34, row_lines * 8 * 1.3 / 72 + 0.08)
    height = 0.7 + bottom + cell_h * n_rows
    left = max(row_w + 0.2, col_w * math.cos(slant) - 0.2)
    return left + min(0.95 * max(len(col_labels), 3), 6.2), height


BARS = 2.3  # inches for the divergence bars


def plot_public_values(model: PublicValuesMap) -> svgplot.Figure:
    """Heat map of the weights (cividis, numbers in the cells) with the
    values ranked from most to least divergent, and beside each row a bar
    with its divergence index."""
    width, height = _size(model)
    fig = svgplot.Figure(figsize=(width + BARS + 0.2, height))
    ax, bx = fig.subplots(1, 2, width_ratios=[width, BARS], sharey=True)
    draw_public_values(ax, bx, model)
    return fig


def plot_public_values_cases(models: list[PublicValuesMap], titles: list[str]) -> svgplot.Figure:
    """Several cases' heat maps one below the other (the portfolio of a
    participant who changed more than one case), each titled with its case."""
    sizes = [_size(m) for m in models]
    width = max(w for w, _ in sizes)
    fig = svgplot.Figure(figsize=(width + BARS + 0.2, sum(h for _, h in sizes)))
    rows = fig.subplots(len(models), 2, width_ratios=[width, BARS], height_ratios=[h for _, h in sizes],
                        sharey=True, squeeze=False)
    for (ax, bx), model, title in zip(rows, models, titles):
        draw_public_values(ax, bx, model, title)
    return fig


def draw_public_values(ax, bx, model: PublicValuesMap, title: str | None = None) -> None:
    """The heat map on ``ax`` and the divergence bars on ``bx``; ``title`` (a case) above the heat map."""
    ranked = model.ranked()
    values = [v for v, _ in ranked]
    actors = model.actors()
    matrix = [[model.weight(v, a.id) for a in actors] for v in values]
    scale = model.spec.scale
    n_rows, n_cols = len(values), len(actors)
    row_labels, col_labels = _labels(model)

    cmap = svgplot.colormap(SEQUENTIAL)
    span = (scale.max - scale.min) or 1
    mid = (scale.min + scale.max) / 2
    for i, row in enumerate(matrix):
        for j, w in enumerate(row):
            ax.add_patch(svgplot.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=cmap((w - scale.min) / span),
                                           edgecolor="white", linewidth=1.5))
            ax.text(j, i, str(w), ha="center", va="center", fontsize=9, color="white" if w < mid else "black")
    ax.set_xlim(-0.5, n_cols - 0.5)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.set_xticks(range(n_cols), col_labels, fontsize=8, rotation=30)
    ax.set_yticks(range(n_rows), row_labels, fontsize=8)
    for side in ax.spines.values():
        side.set_visible(False)
    heading = (f"{title}: " if title else "") + t("public_values.plot_heatmap")
    ax.set_title(heading + "\n" + t("public_values.plot_scale", lo=scale.min, low=scale.low, hi=scale.max,
                                    high=scale.high), loc="left", fontsize=9.5)

    scores = [x for _, x in ranked]
    bx.barh(range(n_rows), scores, color=PALETTE[0], height=0.6)
    most = max((scale.max - scale.min) / 2, max(scores, default=0))
    for y, x in enumerate(scores):
        bx.text(x + most * 0.03, y, two_decimals(x), va="center", fontsize=8)
    bx.set_ylim(n_rows - 0.5, -0.5)
    bx.set_yticks([])
    bx.set_xlim(0, most * 1.05)
    ticks = range(0, int(math.floor(most)) + 1)
    bx.set_xticks(list(ticks), [str(x) for x in ticks], fontsize=8)
    bx.set_xlabel(t("public_values.axis_divergence"), fontsize=8)
    bx.set_title(t("public_values.plot_ranked"), loc="left", fontsize=9.5)
    style_axes(bx)
    bx.grid(axis="x")
    bx.spines["left"].set_visible(False)


def ranked_table(model: PublicValuesMap) -> str:
    """The ranking of the figure as an HTML table (rank, value, index, lowest and highest weights)."""
    head = "".join(f"<th scope='col' style='text-align:left'>{_esc(t(k))}</th>" for k in (
        "public_values.col_rank", "public_values.col_value", "public_values.col_index",
        "public_values.col_lowest", "public_values.col_highest"))
    rows = []
    for rank, (value, index) in enumerate(model.ranked(), start=1):
        low_names, low, high_names, high = model.extremes(value)
        if index == 0:
            low_cell = high_cell = _esc(t("public_values.all_agree", w=low))
        else:
            low_cell = f"{low}: {_esc(', '.join(low_names))}"
            high_cell = f"{high}: {_esc(', '.join(high_names))}"
        rows.append(f"<tr><td>{rank}</td><td>{_esc(value)}</td><td>{two_decimals(index)}</td>"
                    f"<td>{low_cell}</td><td>{high_cell}</td></tr>")
    return (f"<table style='border-collapse:collapse' cellpadding='3'><caption style='text-align:left'>"
            f"{_esc(t('public_values.table_caption'))}</caption><tr>{head}</tr>{''.join(rows)}</table>")


def caption(model: PublicValuesMap) -> str:
    """The figure in one sentence: the most and the least contested value."""
    ranked = model.ranked()
    if not ranked or ranked[0][1] == 0:
        return t("public_values.caption_none")
    most, idx = ranked[0]
    least, low = ranked[-1]
    return t("public_values.caption", most=most, index=two_decimals(idx), least=least, low=two_decimals(low))


def plot_class(case_label: str, per_value: dict[str, list[float]]) -> svgplot.Figure:
    """Per value the divergence index of each participant (dots) and the class
    mean (bar), for the class overview."""
    order = sorted(per_value, key=lambda v: -statistics.fmean(per_value[v]))
    fig = svgplot.Figure(figsize=(8.6, max(3.0, 1.4 + 0.4 * len(order))))
    ax = fig.add_subplot()
    for y, value in enumerate(order[::-1]):
        xs = per_value[value]
        ax.barh(y, statistics.fmean(xs), color=PALETTE[4], height=0.55, alpha=0.8)
        offsets = [((i % 5) - 2) * 0.06 for i in range(len(xs))]
        ax.scatter(xs, [y + o for o in offsets], color=PALETTE[7], s=14, zorder=3)
    ax.set_yticks(range(len(order)), [wrap_label(v, 26) for v in order[::-1]], fontsize=8)
    ax.set_xlabel(t("public_values.axis_divergence") + " · " + t("public_values.class_legend"))
    ax.set_title(t("public_values.plot_class", case=case_label))
    style_axes(ax)
    return fig
