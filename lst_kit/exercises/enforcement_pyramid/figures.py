"""The enforcement pyramid, drawn: six levels with the interventions on
them and the escalation arrows, the class's use of the levels, and the texts
that read them. Pure functions of a reading and the setup."""

from __future__ import annotations

import textwrap

from ...figures import svgplot
from ...figures.style import PALETTE, style_axes
from ...i18n import number, t
from ..intervention_matrix.figures import level_colours, text_colour
from ..intervention_matrix.model import LEVELS, MatrixSetup
from .model import PyramidReading

__all__ = ["MAX_NAMES", "PYRAMID_SIZE", "caption", "mean_text", "plot_class_levels", "plot_pyramid", "reading_lines",
           "segment_line"]

PYRAMID_SIZE = (7.8, 5.4)
TOP_WIDTH, BASE_WIDTH = 1.1, 6.6
MAX_NAMES = 8
NOTE_Y = -0.95  # the explanation of the arrows, below the pyramid


def _half(y: float) -> float:
    """Half the width of the pyramid at height y (levels are 1 high)."""
    return (BASE_WIDTH - (BASE_WIDTH - TOP_WIDTH) * y / len(LEVELS)) / 2


def _level_text(setup: MatrixSetup, ids, width_chars: int) -> str:
    catalogue = setup.catalogue
    shown = list(ids[:MAX_NAMES])
    more = len(ids) - len(shown)
    names = [catalogue.item(i).label for i in shown]
    body = textwrap.fill(", ".join(names), width_chars, break_long_words=False)
    if body.count("\n") > 1:
        names = [catalogue.item(i).short for i in shown]
        body = textwrap.fill(", ".join(names), width_chars, break_long_words=False)
    if more:
        body += "\n" + t("intervention_matrix.more", n=more)
    return body


def plot_pyramid(setup: MatrixSetup, reading: PyramidReading, title: str) -> svgplot.Figure:
    """Six trapezoid levels (widest at the base); each level names its
    interventions; arrows on the right show escalation between used levels
    (a jump over an empty level is dashed and marked), a dotted arrow the way
    back to the base when cooperation returns. An :mod:`lst_kit.figures.svgplot`
    figure: redrawn whole after every edit in a few ms."""
    catalogue = setup.catalogue
    colours = level_colours()
    fig = svgplot.Figure(figsize=PYRAMID_SIZE)
    fig.suptitle(title, fontsize=11)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_xlim(-BASE_WIDTH / 2 - 3.4, BASE_WIDTH / 2 + 3.6)
    ax.set_ylim(NOTE_Y - 0.05, len(LEVELS) + 0.2)
    half = _half
    for lv in LEVELS:
        y0, y1 = lv - 1, lv
        ax.text(-half(lv - 0.5) - 0.15, lv - 0.5, f"{lv} · {catalogue.level(lv).label}", ha="right", va="center",
                fontsize=8, color="#222222")
        ids = reading.by_level.get(lv, ())
        face = colours[lv] if ids else "#f4f4f4"
        ax.add_patch(svgplot.Polygon([(-half(y0), y0), (half(y0), y0), (half(y1), y1), (-half(y1), y1)],
                                     facecolor=face, edgecolor="#666666", linewidth=1, hatch=None if ids else ".."))
        ink = text_colour(face) if ids else "#555555"
        body = _level_text(setup, ids, max(10, int(2 * half(y1) * 8))) if ids else t("enforcement_pyramid.empty_level")
        ax.text(0, y0 + 0.5, body, ha="center", va="center", fontsize=7.5 if lv < 5 else 6.5, color=ink,
                style="normal" if ids else "italic", bbox=None if ids else {
                    "boxstyle": "round,pad=0.2", "facecolor": "#f4f4f4", "edgecolor": "none"})
    used = reading.used
    for a, b in zip(used, used[1:]):
        jump = b - a > 1
        ya, yb = a - 0.5, b - 0.5
        ax.annotate("", xy=(half(yb) + 0.2, yb), xytext=(half(ya) + 0.2, ya), arrowprops={
            "arrowstyle": "-|>", "connectionstyle": "arc3,rad=0.35", "mutation_scale": 12,
            "color": PALETTE[5] if jump else PALETTE[0], "linewidth": 1.6, "linestyle": "--" if jump else "-"})
        if jump:
            ym = (ya + yb) / 2
            ax.text(half(ym) + 0.2 + 0.22 * (yb - ya), ym, t("enforcement_pyramid.jump"), fontsize=7.5,
                    color=PALETTE[5], ha="left", va="center")
    back_x = BASE_WIDTH / 2 + 1.5
    if len(used) > 1:
        ax.text(half(used[-1] - 0.5) + 0.45, used[-1] - 0.1, t("enforcement_pyramid.escalate"), ha="left",
                va="bottom", fontsize=8, color=PALETTE[0])
        ax.annotate("", xy=(back_x, used[0] - 0.5), xytext=(back_x, used[-1] - 0.5), arrowprops={
            "arrowstyle": "-|>", "mutation_scale": 11, "color": "#555555", "linewidth": 1.2, "linestyle": ":"})
        ax.text(back_x + 0.12, (used[0] + used[-1]) / 2 - 0.5, t("enforcement_pyramid.back"), ha="left",
                va="center", fontsize=7.5, color="#444444")
    if reading.beside:
        beside = "\n".join(catalogue.item(i).label for i in reading.beside[:MAX_NAMES])
        if len(reading.beside) > MAX_NAMES:
            beside += "\n" + t("intervention_matrix.more", n=len(reading.beside) - MAX_NAMES)
        ax.text(back_x + 0.1, -0.05, f"{t('enforcement_pyramid.beside')}\n{beside}", ha="left", va="bottom",
                fontsize=7.5, color="#222222", bbox={"boxstyle": "round,pad=0.4", "facecolor": "#ffffff",
                                                     "edgecolor": "#888888", "linestyle": "--"})
    ax.text(0.1, NOTE_Y, textwrap.fill(t("enforcement_pyramid.legend"), 115), ha="center", va="bottom", fontsize=7.5,
            color="#222222")
    return fig


def reading_lines(setup: MatrixSetup, reading: PyramidReading) -> list[str]:
    """Plain Dutch reading of one pyramid (its text alternative)."""
    catalogue = setup.catalogue
    if not reading.used:
        return [t("enforcement_pyramid.none_placed")]
    lines = [t("enforcement_pyramid.levels_line", level=lv, label=catalogue.level(lv).label,
               names=", ".join(catalogue.item(i).label for i in reading.by_level[lv])) for lv in reading.used]
    lines.append(t("enforcement_pyramid.base_top", base=reading.base, top=reading.top))
    if reading.gaps:
        lines.append(t("enforcement_pyramid.gaps", levels=", ".join(map(str, reading.gaps))))
    else:
        lines.append(t("enforcement_pyramid.no_gaps"))
    if reading.base and reading.base > 1:
        lines.append(t("enforcement_pyramid.no_base"))
    if reading.top and reading.top < 4:
        lines.append(t("enforcement_pyramid.low_top"))
    if reading.beside:
        lines.append(t("enforcement_pyramid.beside_line",
                       names=", ".join(catalogue.item(i).label for i in reading.beside)))
    return lines


def plot_class_levels(setup: MatrixSetup, counts: dict[str, dict[int, int]], n: int):
    """Per segment: how many participants use each pyramid level (an SVG
    figure for the class overview)."""
    fig = svgplot.Figure(figsize=(8.6, 3.9))
    ax = fig.add_subplot()
    segments = setup.spec.segments
    width = 0.8 / max(len(segments), 1)
    hatches = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]
    for i, seg in enumerate(segments):
        xs = [lv + (i - (len(segments) - 1) / 2) * width for lv in LEVELS]
        ax.bar(xs, [counts[seg.key][lv] for lv in LEVELS], width=width, color=PALETTE[i % len(PALETTE)],
               hatch=hatches[i % len(hatches)], edgecolor="white", label=f"{seg.key} {seg.label}")
    ax.set_xticks(list(LEVELS), [f"{lv}\n{textwrap.fill(setup.catalogue.level(lv).label, 14, break_long_words=False)}" for lv in LEVELS],
                  fontsize=7)
    ax.locator_params(axis="y", integer=True)
    ax.set_ylabel(t("enforcement_pyramid.axis_participants", n=n))
    ax.set_title(t("enforcement_pyramid.class_title"))
    style_axes(ax)
    ax.legend(fontsize=7.5)
    return fig


def caption(setup: MatrixSetup, reading: PyramidReading) -> str:
    """The caption under the picture: base, top and gaps (or that nothing is placed)."""
    if not reading.used:
        return t("enforcement_pyramid.none_placed")
    return " ".join([t("enforcement_pyramid.base_top", base=reading.base, top=reading.top),
                     t("enforcement_pyramid.gaps", levels=", ".join(map(str, reading.gaps)))
                     if reading.gaps else t("enforcement_pyramid.no_gaps")])


def segment_line(label: str, reading: PyramidReading) -> str:
    """One line of the portfolio about the pyramid of one segment."""
    gaps = t("enforcement_pyramid.sum_gaps", levels=", ".join(map(str, reading.gaps))) if reading.gaps else ""
    return t("enforcement_pyramid.sum_segment", segment=label, base=reading.base, top=reading.top, n=reading.count,
             gaps=gaps)


def mean_text(values: list[int]) -> str:
    return number(sum(values) / len(values), 1)
