"""E1.2 Principles radar, the figures: both moments on one radar, the table
of differences that is its text alternative, and the class's mean radar."""

from __future__ import annotations

import math

from ...figures import svgplot
from ...figures.style import PALETTE, esc, wrap_label
from ...i18n import t
from .model import PrincipleScores, PrinciplesSpec

__all__ = ["MOMENT_STYLES", "difference_table", "moved_text", "plot_class_radar", "plot_radar", "radar_axes"]

#: Per moment a line style and a marker, so the two moments differ without colour.
MOMENT_STYLES = [("-", "o"), ("--", "s")]


def radar_axes(spec: PrinciplesSpec, title: str):
    """An empty radar for the spec's principles (clockwise from the top, a
    ring per scale point): (figure, polar axes, angles closing the loop)."""
    labels = [wrap_label(p.label, 14) for p in spec.principles]  # narrow labels leave room for the radar
    n = len(labels)
    angles = [2 * math.pi * i / n for i in range(n)] + [0.0]
    fig = svgplot.Figure(figsize=(6.4, 5.6))
    ax = fig.add_subplot(projection="polar")
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_xticks(angles[:-1], labels, fontsize=8)
    ax.set_ylim(spec.scale.min - 0.5, spec.scale.max)
    ax.set_yticks(range(spec.scale.min, spec.scale.max + 1))
    ax.tick_params(axis="y", labelsize=7, colors="#666666")
    ax.set_title(title, pad=18)
    return fig, ax, angles


def plot_radar(model: PrincipleScores) -> svgplot.Figure:
    """Both moments on one radar, with the scale's ends as rings (SVG)."""
    spec = model.spec
    fig, ax, angles = radar_axes(spec, t("principles.plot_title"))
    for i, moment in enumerate(spec.moments):
        values = [model.score(moment.key, p.key) for p in spec.principles]
        values.append(values[0])
        line, marker = MOMENT_STYLES[i % 2]
        ax.fill(angles, values, color=PALETTE[i], alpha=0.12)
        ax.plot(angles, values, linestyle=line, marker=marker, color=PALETTE[i], linewidth=2, label=moment.label)
    fig.legend(loc="outside lower center", ncols=2)
    return fig


def moved_text(model: PrincipleScores) -> str:
    """The principles that moved most between the moments, or that none moved (plain text)."""
    moved = model.largest_changes()
    if not moved:
        return t("principles.none_moved")
    return t("principles.most_moved", items=", ".join(f"{p.label} ({d:+d})" for p, d in moved))


def difference_table(model: PrincipleScores) -> str:
    """The numbers behind the radar as an HTML table (its text alternative)."""
    first, second = model.spec.moments
    head = (f"<tr><th scope='col'>{esc(t('principles.col_principle'))}</th><th scope='col'>{esc(t('principles.col_group'))}</th>"
            f"<th scope='col'>{esc(first.label)}</th><th scope='col'>{esc(second.label)}</th>"
            f"<th scope='col'>{esc(t('principles.col_change'))}</th></tr>")
    rows = "".join(
        f"<tr><td>{esc(p.label)}</td><td>{esc(p.group)}</td><td>{a}</td><td>{b}</td>"
        f"<td>{f'<b>{d:+d}</b>' if d else '0'}</td></tr>"
        for p, a, b, d in model.differences()
    )
    return (f"<table style='border-collapse:collapse' cellpadding='3'><caption style='text-align:left'>"
            f"{esc(t('principles.table_caption'))}</caption>{head}{rows}</table><p>{esc(moved_text(model))}</p>")


def plot_class_radar(spec: PrinciplesSpec, stats: dict) -> svgplot.Figure:
    """The class's mean per moment on one radar, with a band of one standard deviation (SVG)."""
    fig, ax, angles = radar_axes(spec, t("hooks.principles_class_title"))
    lo, hi = spec.scale.min, spec.scale.max
    for i, moment in enumerate(spec.moments):
        means = [stats[moment.key][p.key][0] for p in spec.principles]
        sds = [stats[moment.key][p.key][1] for p in spec.principles]
        low = [max(lo, m - s) for m, s in zip(means, sds)]
        high = [min(hi, m + s) for m, s in zip(means, sds)]
        line, marker = MOMENT_STYLES[i % 2]
        ax.fill_between(angles, low + low[:1], high + high[:1], color=PALETTE[i], alpha=0.18)
        ax.plot(angles, means + means[:1], linestyle=line, marker=marker, color=PALETTE[i], linewidth=2,
                label=t("hooks.principles_class_mean", moment=moment.label))
    fig.legend(loc="outside lower center", ncols=2, fontsize=8)
    return fig
