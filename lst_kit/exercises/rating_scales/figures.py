"""A set of rating scales, the figures: the participant's ratings as bars
(portfolio) and the class's scores per statement (class overview)."""

from __future__ import annotations

from ...figures import svgplot
from ...figures.style import PALETTE, style_axes
from ...figures.style import TEXT as TEXT_COLOUR
from ...i18n import t
from ...registry import short_label
from .model import ItemStatistics, Ratings, RatingSpec

__all__ = ["plot_class_ratings", "plot_ratings"]


def plot_ratings(model: Ratings) -> svgplot.Figure:
    """Horizontal bars: the participant's rating per statement on the scale
    (an SVG figure, for the portfolio)."""
    spec = model.spec
    scale = spec.scale
    n = len(spec.items)
    fig = svgplot.Figure(figsize=(8.0, 1.2 + 0.5 * n))
    ax = fig.add_subplot()
    y = list(range(n))[::-1]
    for yi, item in zip(y, spec.items):
        if item.key in model.values:
            value = model.values[item.key]
            ax.barh(yi, value - scale.min + 0.05, left=scale.min - 0.05, color=PALETTE[0], height=0.55)
            ax.text(value + 0.04, yi, str(value), va="center", fontsize=9)
        else:
            ax.text(scale.min, yi, t("hooks.rating_open"), va="center", fontsize=8, color="#666666")
    ax.set_yticks(y, [short_label(i.text) for i in spec.items], fontsize=8)
    ax.set_xlim(scale.min - 0.1, scale.max + 0.4)
    ax.set_xticks(range(scale.min, scale.max + 1))
    ax.set_xlabel(scale.ends)
    ax.set_title(spec.title if len(spec.title) < 70 else short_label(spec.title, 70))
    style_axes(ax)
    return fig


def plot_class_ratings(spec: RatingSpec, stats: dict[str, ItemStatistics]) -> svgplot.Figure:
    """Per statement: circles sized by how many gave each score, the mean as a
    diamond and one standard deviation either side as a line (SVG)."""
    scale = spec.scale
    n_items = len(spec.items)
    fig = svgplot.Figure(figsize=(8.5, 1.2 + 0.6 * n_items))
    ax = fig.add_subplot()
    y = list(range(n_items))[::-1]
    biggest = max([max(s.counts.values()) for s in stats.values()] + [1])
    for yi, item in zip(y, spec.items):
        s = stats[item.key]
        xs = list(s.counts)
        sizes = [600 * s.counts[x] / biggest for x in xs]
        ax.scatter(xs, [yi] * len(xs), s=sizes, color=PALETTE[4], alpha=0.6, edgecolor=PALETTE[0], linewidths=0.5)
        if s.n:
            ax.plot([max(scale.min, s.mean - s.sd), min(scale.max, s.mean + s.sd)], [yi, yi], color=TEXT_COLOUR,
                    linewidth=2)
            ax.scatter([s.mean], [yi], marker="D", s=50, color=PALETTE[1], edgecolor=TEXT_COLOUR)
    ax.set_yticks(y, [short_label(i.text) for i in spec.items], fontsize=8)
    ax.set_xticks(range(scale.min, scale.max + 1))
    ax.set_xlim(scale.min - 0.5, scale.max + 0.5)
    ax.set_ylim(-0.7, n_items - 0.3)
    ax.set_xlabel(scale.ends)
    fig.suptitle(t("hooks.rating_class_title"), fontsize=11)  # centred on the figure: a long title
    style_axes(ax)
    return fig
