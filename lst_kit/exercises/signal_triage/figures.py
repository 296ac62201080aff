"""E5.2 figures: observations per route and by frequency and severity, the
caption that says the same in words, the colour and marker of each route,
and the class picture (pure functions; SVG figures)."""

from __future__ import annotations

import math

from ...figures import svgplot
from ...figures.style import PALETTE, style_axes, wrap_label
from ...i18n import number, t
from .model import SignalTriage
from .rule import MAX_ROUTES, TriageRule

__all__ = ["MARKERS", "caption", "draw_triage", "one_decimal", "plot_class", "plot_triage", "plot_triages",
           "route_colour", "route_marker"]

#: The marker of each route, in the rule's order (a rule has at most MAX_ROUTES routes).
MARKERS = ("o", "s", "^", "D", "v", "P")[:MAX_ROUTES]


def one_decimal(x: float) -> str:
    """A mean as the reader's language writes it (a decimal comma in Dutch)."""
    return number(x, digits=1)


def route_colour(rule: TriageRule, key: str) -> str:
    keys = rule.keys()
    return PALETTE[keys.index(key) % len(PALETTE)] if key in keys else "#777777"


def route_marker(rule: TriageRule, key: str) -> str:
    keys = rule.keys()
    return MARKERS[keys.index(key) % len(MARKERS)] if key in keys else "x"


def plot_triage(model: SignalTriage) -> svgplot.Figure:
    """Left: the number of observations per route. Right: every observation
    by frequency and severity, marked by its route."""
    fig = svgplot.Figure(figsize=(9.6, 3.6))
    ax, bx = fig.subplots(1, 2, width_ratios=[1.0, 1.25])
    draw_triage(ax, bx, model)
    return fig


def plot_triages(models: list[SignalTriage], titles: list[str]) -> svgplot.Figure:
    """Several cases' figures one below the other (the portfolio of a
    participant who changed more than one case), each titled with its case."""
    fig = svgplot.Figure(figsize=(9.6, 4.1 * len(models)))
    rows = fig.subplots(len(models), 2, width_ratios=[1.0, 1.25], squeeze=False, sharey=True)
    for (ax, bx), model, title in zip(rows, models, titles):
        draw_triage(ax, bx, model, title)
    return fig


def draw_triage(ax, bx, model: SignalTriage, title: str | None = None) -> None:
    """The counts per route on ``ax``, the observations on ``bx``; ``title`` (a case) above the first."""
    rule = model.rule
    counts = model.counts()
    routes = list(rule.routes)
    ys = list(range(len(routes)))[::-1]
    for y, route in zip(ys, routes):
        n = counts.get(route.key, 0)
        ax.barh(y, n, color=route_colour(rule, route.key), height=0.6)
        ax.text(n + 0.1, y, str(n), va="center", fontsize=9)
    ax.set_yticks(ys, [wrap_label(r.label, 18) for r in routes], fontsize=8)
    ax.set_ylim(-0.5, len(routes) - 0.5)
    most = max(counts.values(), default=0)
    ax.set_xlim(0, max(most, 1) * 1.2 + 0.5)
    step = max(1, math.ceil(most / 6))
    ax.set_xticks(range(0, most + step + 1, step), [str(x) for x in range(0, most + step + 1, step)], fontsize=8)
    ax.set_xlabel(t("signal_triage.axis_count"), fontsize=8)
    ax.set_title((f"{title}\n" if title else "") + t("signal_triage.plot_counts"), loc="left", fontsize=9.5)
    style_axes(ax)
    ax.grid(axis="x")

    seen: dict[tuple[int, int], int] = {}
    points: dict[str, tuple[list[float], list[float]]] = {}
    for obs, route, _, _ in model.routed():
        spot = (obs.frequency, obs.severity)
        k = seen.get(spot, 0)
        seen[spot] = k + 1
        angle = 2.1 * k
        dx, dy = (0.0, 0.0) if k == 0 else (0.2 * math.cos(angle), 0.2 * math.sin(angle))
        xs, ys_ = points.setdefault(route, ([], []))
        xs.append(obs.frequency + dx)
        ys_.append(obs.severity + dy)
        bx.text(obs.frequency + dx + 0.09, obs.severity + dy + 0.06, obs.id, fontsize=7, color="#333333")
    for route, (xs, ys_) in points.items():
        bx.scatter(xs, ys_, marker=route_marker(rule, route), s=46, color=route_colour(rule, route),
                   edgecolors="black", linewidths=0.5)
    bx.set_xlim(0.5, 5.6)
    bx.set_ylim(0.5, 5.6)
    bx.set_xticks(range(1, 6), [str(i) for i in range(1, 6)], fontsize=8)
    bx.set_yticks(range(1, 6), [str(i) for i in range(1, 6)], fontsize=8)
    bx.set_xlabel(t("signal_triage.axis_frequency"), fontsize=8)
    bx.set_ylabel(t("signal_triage.axis_severity"), fontsize=8)
    bx.set_title(t("signal_triage.plot_scatter"), loc="left", fontsize=9.5)
    style_axes(bx)
    handles = [svgplot.Line2D([], [], linestyle="", marker=route_marker(rule, r.key), markersize=7,
                              color=route_colour(rule, r.key), markerfacecolor=route_colour(rule, r.key),
                              markeredgecolor="black", label=wrap_label(r.label, 16))
               for r in routes]
    bx.legend(handles=handles, fontsize=7.5)


def caption(model: SignalTriage) -> str:
    """The figure in one sentence: how many observations, and per route."""
    counts = model.counts()
    parts = ", ".join(f"{model.rule.label(k)}: {n}" for k, n in counts.items())
    return t("signal_triage.caption", n=sum(counts.values()), parts=parts)


def plot_class(rule: TriageRule, case_label: str, counts: dict[str, list[int]]) -> svgplot.Figure:
    """Mean number of observations per route in the class, with each
    participant's count as a dot (for the class overview)."""
    routes = list(rule.routes)
    fig = svgplot.Figure(figsize=(7.6, 3.0))
    ax = fig.add_subplot()
    ys = list(range(len(routes)))[::-1]
    for y, route in zip(ys, routes):
        xs = counts.get(route.key, [])
        if not xs:
            continue
        ax.barh(y, sum(xs) / len(xs), color=route_colour(rule, route.key), height=0.6, alpha=0.85)
        ax.scatter(xs, [y + ((i % 5) - 2) * 0.06 for i in range(len(xs))], color="black", s=12, zorder=3)
    ax.set_yticks(ys, [wrap_label(r.label, 20) for r in routes], fontsize=8)
    top = max((max(xs) for xs in counts.values() if xs), default=0)
    if top <= 10:  # a tick at every count, where the dots are
        ax.set_xticks(range(top + 1))
    else:
        ax.locator_params(axis="x", integer=True)
    ax.set_xlabel(t("signal_triage.axis_count") + " · " + t("signal_triage.class_legend"))
    ax.set_title(t("signal_triage.plot_class", case=case_label), loc="left", fontsize=10)
    style_axes(ax)
    return fig
