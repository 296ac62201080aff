"""The strategic triangle's pictures (pure functions of spec and options ->
:mod:`lst_kit.figures.svgplot` figures), the table of numbers behind them and
their captions."""

from __future__ import annotations

import html
import math

from ...figures import svgplot
from ...figures.style import PALETTE, wrap_label
from ...i18n import number, t
from .model import CORNERS, HI, LETTERS, LO, OptionScore, Triangle, TriangleSpec, bottleneck, fit, tied_corners

__all__ = ["ANGLES", "draw_triangle", "formula_text", "plot_class", "plot_triangle", "plot_triangles", "score_table",
           "summary_text"]

#: Corner directions in the drawing (degrees): value on top, legitimacy lower left.
ANGLES = {"value": 90.0, "legitimacy": 210.0, "capacity": 330.0}
LINESTYLES = ["-", "--", "-.", ":"]
MARKERS = ["o", "s", "^", "D"]


def _esc(text) -> str:
    return html.escape(str(text), quote=True)


def _point(corner: str, r: float) -> tuple[float, float]:
    a = math.radians(ANGLES[corner])
    return r * math.cos(a), r * math.sin(a)


def plot_triangle(spec: TriangleSpec, options: list[OptionScore], names: bool = True) -> svgplot.Figure:
    """The options as overlaid triangles on three axes at 120 degrees (score
    1-5 from the centre), an :mod:`lst_kit.figures.svgplot` figure. Each option has
    its own line style and marker as well as its own colour; its weakest
    corner is ringed.

    With ``names=False`` the legend shows only the letters A-D in one row
    (the widget puts the names, scores and fit in the table under the picture).
    """
    fig = svgplot.Figure(figsize=(6.2, 6.0))
    draw_triangle(fig.add_subplot(), spec, options, names)
    fig.legend(ncols=1 if names else len(options) + 1, fontsize=8)
    return fig


def plot_triangles(spec: TriangleSpec, panels: list[tuple[str, list[OptionScore]]]) -> svgplot.Figure:
    """One triangle per case (title, options), one below the other, each
    with its own legend: the portfolio of a participant who worked on more
    than one case."""
    fig = svgplot.Figure(figsize=(6.2, 7.2 * len(panels)))
    for i, (title, options) in enumerate(panels):
        ax = fig.add_subplot(len(panels), 1, i + 1)
        draw_triangle(ax, spec, options, True, title)
        ax.legend(fontsize=8)
    return fig


def draw_triangle(ax, spec: TriangleSpec, options: list[OptionScore], names: bool = True,
                  title: str | None = None) -> None:
    """Draw the triangles of ``options`` on ``ax`` (see :func:`plot_triangle`)."""
    ax.set_axis_off()
    ax.set_aspect("equal")
    for level in range(LO, HI + 1):
        xs, ys = zip(*[_point(c, level) for c in CORNERS + CORNERS[:1]])
        ax.plot(xs, ys, color="#c8c8c8", linewidth=0.7)
        vx, vy = _point("value", level)
        ax.text(vx - 0.15, vy, str(level), fontsize=7, color="#666666", va="center", ha="right")
    for corner in CORNERS:
        x, y = _point(corner, HI)
        ax.plot([0, x], [0, y], color="#999999", linewidth=0.8)
        lx, ly = _point(corner, HI + 0.4)
        top = corner == "value"
        ax.text(lx, ly if top else ly - 0.2, wrap_label(spec.corner(corner).label, 14), ha="center",
                va="bottom" if top else "top", fontsize=10, fontweight="bold")
    for i, option in enumerate(options):  # the fills first, so no option's fill veils another's line
        pts = [_point(c, option.score(c)) for c in CORNERS]
        ax.add_patch(svgplot.Polygon(pts, facecolor=PALETTE[i % len(PALETTE)], alpha=0.07))
    for i, option in enumerate(options):
        colour = PALETTE[i % len(PALETTE)]
        pts = [_point(c, option.score(c)) for c in CORNERS]
        xs, ys = zip(*(pts + pts[:1]))
        letter = LETTERS[i % len(LETTERS)]
        label = wrap_label(f"{letter} · {option.name} (fit {number(fit(option), 2)})", 75) if names else letter
        ax.plot(xs, ys, linestyle=LINESTYLES[i % 4], color=colour, linewidth=2)
        ax.plot(xs[:-1], ys[:-1], linestyle="", marker=MARKERS[i % 4], markersize=7, color=colour)
        weak = bottleneck(option)
        wx, wy = _point(weak, option.score(weak))
        ax.scatter([wx], [wy], s=15 ** 2, marker="o", facecolors="none", edgecolors=colour, linewidths=1.5)
        ax.plot([], [], linestyle=LINESTYLES[i % 4], marker=MARKERS[i % 4], markersize=7, color=colour,
                linewidth=2, label=label)
    ax.plot([], [], marker="o", markersize=11, markerfacecolor="none", color="#333333", linestyle="",
            label=t("strategic_triangle.legend_weakest"))
    ax.set_xlim(-6.4, 6.4)
    ax.set_ylim(-4.0, 6.4)
    ax.set_title(title or t("strategic_triangle.plot_title"))


def formula_text(spec: TriangleSpec) -> str:
    v, l, c = (spec.corner(k).short for k in CORNERS)
    return t("strategic_triangle.formula", v=v, l=l, c=c)


def score_table(spec: TriangleSpec, options: list[OptionScore]) -> str:
    """The numbers behind the triangles, with bottleneck and fit (HTML)."""
    head = "".join(f"<th scope='col'>{_esc(spec.corner(c).label)}</th>" for c in CORNERS)
    rows = []
    for i, o in enumerate(options):
        weak = bottleneck(o)
        ties = [spec.corner(c).label for c in tied_corners(o) if c != weak]
        cells = "".join(f"<td style='text-align:center'>{'<b>' + str(o.score(c)) + '</b>' if c == weak else o.score(c)}</td>"
                        for c in CORNERS)
        weak_text = _esc(spec.corner(weak).label)
        if ties:
            weak_text += f" <small>({_esc(t('strategic_triangle.tie', items=', '.join(ties)))})</small>"
        rows.append(f"<tr><td>{LETTERS[i]} · {_esc(o.name)}</td>{cells}<td>{weak_text}</td>"
                    f"<td style='text-align:center'>{number(fit(o), 2)}</td></tr>")
    return (f"<table style='border-collapse:collapse' cellpadding='4'><caption style='text-align:left'>"
            f"{_esc(t('strategic_triangle.table_caption'))}</caption><tr><th scope='col'>"
            f"{_esc(t('strategic_triangle.col_option'))}</th>{head}<th scope='col'>"
            f"{_esc(t('strategic_triangle.col_weakest'))}</th><th scope='col'>{_esc(t('strategic_triangle.col_fit'))}</th>"
            f"</tr>{''.join(rows)}</table>")


def summary_text(model: Triangle) -> str:
    best = model.ranked()[0]
    text = t("strategic_triangle.best", option=best.name, fit=number(fit(best), 2),
             weakest=model.spec.corner(bottleneck(best)).label)
    flagged = model.valuable_unsupported()
    if flagged:
        text += " " + t("strategic_triangle.valuable_unsupported", items=", ".join(o.name for o in flagged))
    return text


def plot_class(spec: TriangleSpec, per_option: dict[str, list[OptionScore]]):
    """Per option the class's mean score on each corner, lowest to highest as
    whiskers (an :mod:`lst_kit.figures.svgplot` figure: the class overview needs no
    matplotlib)."""
    fig = svgplot.Figure(figsize=(7.5, 0.9 + 0.9 * len(per_option)))
    ax = fig.add_subplot()
    names = [scored[0].name for scored in per_option.values()]
    height = 0.25
    for j, corner in enumerate(CORNERS):
        ys = [i + (1 - j) * height for i in range(len(names))]
        means = [sum(o.score(corner) for o in s) / len(s) for s in per_option.values()]
        lows = [m - min(o.score(corner) for o in s) for m, s in zip(means, per_option.values())]
        highs = [max(o.score(corner) for o in s) - m for m, s in zip(means, per_option.values())]
        ax.barh(ys, means, height=height, color=PALETTE[j], xerr=[lows, highs], capsize=3,
                label=spec.corner(corner).label, edgecolor="#333333", linewidth=0.5, hatch=["", "//", ".."][j])
    ax.set_yticks(range(len(names)), [wrap_label(n, 30) for n in names], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, HI + 0.3)
    ax.set_xticks(range(HI + 1))
    ax.set_xlabel(t("strategic_triangle.class_axis"))
    ax.set_title(t("strategic_triangle.class_plot"))
    fig.legend(loc="outside lower center", ncols=3, fontsize=8)
    return fig
