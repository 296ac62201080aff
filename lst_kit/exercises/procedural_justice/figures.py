"""E5.3 figures: the participant's scores beside the illustrative curve, the
caption that reads it, and the class picture (pure functions; SVG figures)."""

from __future__ import annotations

import statistics
import textwrap

from ...figures import svgplot
from ...figures.style import PALETTE, style_axes
from ...i18n import number, t
from .model import JusticeScores, JusticeSpec

__all__ = ["caption", "one_decimal", "plot_class", "plot_justice"]


def one_decimal(x: float) -> str:
    """A mean as the reader's language writes it (a decimal comma in Dutch)."""
    return number(x, digits=1)


def plot_justice(model: JusticeScores) -> svgplot.Figure:
    """Left: the scores per element. Right: the illustrative curve with this
    encounter on it."""
    spec = model.spec
    fig = svgplot.Figure(figsize=(9.6, 3.4))
    ax, bx = fig.subplots(1, 2, width_ratios=[3.9, 5.7], sharey=True)
    labels = [textwrap.fill(e.label, 14) for e in spec.elements][::-1]
    scores = [model.score(e.key) for e in spec.elements][::-1]
    ax.barh(range(len(labels)), scores, color=PALETTE[0], height=0.6)
    for y, s in enumerate(scores):
        ax.text(s + 0.05, y, str(s), va="center", fontsize=9)
    ax.set_yticks(range(len(labels)), labels, fontsize=9)
    ax.set_xlim(spec.scale.min - 1 if spec.scale.min > 0 else 0, spec.scale.max + 0.6)
    ax.set_ylim(-0.5, len(labels) - 0.5)
    ax.set_xticks(range(spec.scale.min, spec.scale.max + 1))
    ax.set_xlabel(t("procedural_justice.axis_score", low=spec.scale.low, high=spec.scale.high), fontsize=8)
    ax.set_title(t("procedural_justice.plot_scores"), loc="left", fontsize=10)
    style_axes(ax)
    lo, hi = spec.scale.min, spec.scale.max
    xs = [lo + (hi - lo) * i / 100 for i in range(101)]
    bx.plot(xs, [100 * spec.curve.at(x) for x in xs], color=PALETTE[7], linestyle="--", linewidth=1.5,
            label=t("procedural_justice.curve"))
    bx.scatter([model.mean()], [100 * model.expected()], s=80, color=PALETTE[1], edgecolors="black",
               label=t("procedural_justice.point"))
    bx.set_xlim(lo, hi)
    bx.set_xticks(range(lo, hi + 1))
    bx.set_ylim(0, 100)
    bx.set_xlabel(t("procedural_justice.axis_mean"), fontsize=8)
    bx.set_ylabel(t("procedural_justice.axis_compliance"), fontsize=8)
    bx.set_title(t("procedural_justice.plot_curve"), loc="left", fontsize=10)
    bx.legend(fontsize=8)  # beside the plot area
    style_axes(bx)
    return fig


def caption(model: JusticeScores) -> str:
    """The figure in one sentence: mean, expected compliance, weakest element(s)."""
    weakest = ", ".join(e.label for e in model.weakest())
    return t("procedural_justice.caption", mean=one_decimal(model.mean()), expected=round(100 * model.expected()),
             weakest=weakest)


def plot_class(spec: JusticeSpec, per_element: dict[str, list[int]]) -> svgplot.Figure:
    """Mean score per element in the class (bar), each participant's score a
    dot (for the class overview)."""
    fig = svgplot.Figure(figsize=(7.6, 3.0))
    ax = fig.add_subplot()
    elements = list(spec.elements)[::-1]
    for y, e in enumerate(elements):
        xs = per_element.get(e.key, [])
        if xs:
            ax.barh(y, statistics.fmean(xs), color=PALETTE[4], height=0.55)
            ax.scatter(xs, [y + ((i % 5) - 2) * 0.06 for i in range(len(xs))], color="black", s=12, zorder=3)
    ax.set_yticks(range(len(elements)), [e.label for e in elements])
    ax.set_xlim(0, spec.scale.max + 0.5)
    if spec.scale.max <= 10:  # a tick at every score, where the dots are
        ax.set_xticks(range(spec.scale.max + 1))
    else:
        ax.locator_params(axis="x", integer=True)
    ax.set_xlabel(t("procedural_justice.axis_score", low=spec.scale.low, high=spec.scale.high) + " · "
                  + t("procedural_justice.class_legend"))
    ax.set_title(t("procedural_justice.plot_class"), loc="left", fontsize=10)
    style_axes(ax)
    return fig
