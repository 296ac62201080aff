"""E1.3 Toezichtsparadox, the figures: intensity over time (band, median,
example run and its incidents) with the sentence that reads it, and the
class's parameter settings."""

from __future__ import annotations

import statistics
from collections import Counter

from ...figures import svgplot
from ...figures.style import PALETTE, style_axes
from ...i18n import t
from .model import ParadoxModel, ParadoxSpec, Simulation, format_number

__all__ = ["plot_class_parameters", "plot_paradox", "simulation_summary"]


def plot_paradox(sim: Simulation) -> svgplot.Figure:
    """Intensity over time: the band over all runs, one example run, and the
    example run's incidents (SVG)."""
    horizon = sim.horizon
    x = list(range(horizon + 1))
    low, mid, high = sim.band()
    fig = svgplot.Figure(figsize=(8.5, 4.0))
    ax = fig.add_subplot()
    ax.fill_between(x, low, high, color=PALETTE[4], alpha=0.35, label=t("paradox.band"))
    ax.plot(x, mid, color=PALETTE[0], linestyle="--", linewidth=1.5, label=t("paradox.median"))
    ax.plot(x, sim.intensity[sim.example], color=PALETTE[1], linewidth=2, label=t("paradox.example"))
    hits = sim.example_hits()
    ax.scatter(hits, [1.04] * len(hits), marker="v", color=PALETTE[5], s=45,  # s: as large as matplotlib's s=28
               label=t("paradox.incident"))
    ax.set_xlim(0, horizon)
    ax.set_ylim(0, 1.08)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])  # no tick at the incidents' row above 1
    ax.set_xlabel(t("paradox.axis_time"))
    ax.set_ylabel(t("paradox.axis_intensity"))
    ax.set_title(t("paradox.plot_title"))
    style_axes(ax)
    fig.legend(ncols=4, fontsize=8)
    return fig


def simulation_summary(model: ParadoxModel, sim: Simulation) -> str:
    """What the runs showed, in one sentence (the figure's caption)."""
    return t("paradox.summary", runs=model.spec.runs, horizon=int(model.values["horizon"]),
             incidents=format_number(round(sim.mean_incidents(), 1)), swing=format_number(round(sim.swing(), 2)),
             final=format_number(round(sim.final_median(), 2)))


def plot_class_parameters(spec: ParadoxSpec, values: dict[str, list[float]]) -> svgplot.Figure:
    """One row per parameter, each running from its slider's minimum (left) to
    its maximum (right): how many chose each value (circle size), the median
    (diamond) and the spec's starting value (open square). Drawn as SVG."""
    params = spec.parameters
    n = len(params)
    fig = svgplot.Figure(figsize=(8.5, 1.1 + 0.55 * n))
    ax = fig.add_subplot()
    y = list(range(n))[::-1]
    rows = []
    for p in params:
        counted = sorted(Counter(round(x, 6) for x in values[p.key]).items())
        rows.append((p, values[p.key], (p.max - p.min) or 1.0, counted))
    biggest = max([count for *_, counted in rows for _, count in counted] + [1])
    for yi, (p, xs, span, counted) in zip(y, rows):
        ax.plot([0, 1], [yi, yi], color="#bbbbbb", linewidth=1)  # drawn in this order: line, circles, markers
        if xs:
            ax.scatter([(v - p.min) / span for v, _ in counted], [yi] * len(counted),
                       s=[30 + 330 * c / biggest for _, c in counted], color=PALETTE[4], alpha=0.6,
                       edgecolor=PALETTE[0], linewidths=0.5)
            ax.scatter([(statistics.median(xs) - p.min) / span], [yi], marker="D", s=55, color=PALETTE[1],
                       edgecolor="#222222")
        ax.scatter([(p.default - p.min) / span], [yi], marker="s", s=70, color="none", edgecolor="#222222")
        ax.text(-0.03, yi, format_number(p.min), ha="right", va="center", fontsize=8, color="#444444")
        ax.text(1.03, yi, format_number(p.max), ha="left", va="center", fontsize=8, color="#444444")
    ax.set_yticks(y, [p.label for p in params], fontsize=8)
    ax.set_xticks([])
    ax.set_xlim(-0.12, 1.12)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlabel(t("hooks.paradox_class_axis"), fontsize=8)
    ax.set_title(t("hooks.paradox_class_title"))
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    keys = [svgplot.Line2D([], [], color="#222222", linestyle="", marker="D", markersize=55 ** 0.5,
                           markerfacecolor=PALETTE[1], label=t("hooks.paradox_median")),
            svgplot.Line2D([], [], color="#222222", linestyle="", marker="s", markersize=70 ** 0.5, markerfacecolor="none",
                           label=t("hooks.paradox_default"))]
    fig.legend(handles=keys, ncols=2, fontsize=8)
    return fig
