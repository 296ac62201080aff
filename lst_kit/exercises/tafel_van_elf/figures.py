"""The Tafel van Elf, drawn: the radar of one or two target groups, the
deterrence curve, the class's spread per dimension, and the texts and
numbers beside them. Pure functions of the model; nothing here changes it."""

from __future__ import annotations

import math
import textwrap
from html import escape
from statistics import mean

from ...content import T11Reference
from ...figures import svgplot
from ...figures.style import GRID, PALETTE, style_axes
from ...i18n import money, number, t
from .model import SCALE_MAX, SCALE_MIN, Deterrence, T11Profile, expected_sanction

__all__ = ["LINE_STYLES", "RADAR_SIZE", "deterrence_summary", "dim_labels", "esc", "eur", "indices_html", "num", "pct",
           "plot_class", "plot_deterrence", "plot_radar", "plot_radars", "draw_radar", "radar_summary", "shown_profiles", "weakest_html"]


# -- formatting ---------------------------------------------------------------------

def eur(amount: float) -> str:
    """``4000`` -> ``€ 4.000`` (:func:`~lst_kit.i18n.money`); ∞ for no limit."""
    return "∞" if math.isinf(amount) else money(amount)


def pct(p: float) -> str:
    """``0.025`` -> ``2,5%``."""
    if math.isinf(p):
        return "∞"
    value = 100 * p
    text = f"{value:.0f}" if abs(value - round(value)) < 1e-9 or value >= 10 else f"{value:.1f}"
    return text.replace(".", ",") + "%"


def num(x: float) -> str:
    """One decimal, as a reader of the current language writes it."""
    return number(x, 1)


# -- plots -------------------------------------------------------------------------

LINE_STYLES = [("-", "o"), ("--", "s")]


def _closed(reference: T11Reference, profile: dict[str, int]) -> list[int]:
    values = [profile[d.key] for d in reference.dimensions]
    return values + values[:1]


RADAR_SIZE = (6.4, 5.8)


def plot_radar(reference: T11Reference, profiles: list[tuple[str, dict[str, int]]],
               start: dict[str, int] | None = None) -> svgplot.Figure:
    """Radar of one or two target-group profiles (line style and marker tell
    them apart without colour); ``start`` adds the case's scores as a thin
    dotted line. Group sectors are shaded and named. An :mod:`lst_kit.figures.svgplot`
    figure: the whole picture is redrawn after every edit in a few ms."""
    fig = svgplot.Figure(figsize=RADAR_SIZE)
    handles = draw_radar(fig.add_subplot(projection="polar"), reference, profiles, start)
    fig.suptitle(t("tafel_van_elf.radar_title"), fontsize=11)
    fig.legend(handles=handles, loc="lower center", ncols=3, fontsize=8.5)
    return fig


def plot_radars(reference: T11Reference, panels: list[tuple[str, list[tuple[str, dict[str, int]]]]]) -> svgplot.Figure:
    """One radar per case (title, profiles), one below the other: the
    portfolio of a participant who scored more than one case."""
    fig = svgplot.Figure(figsize=(RADAR_SIZE[0], RADAR_SIZE[1] * len(panels)))
    for i, (title, profiles) in enumerate(panels):
        ax = fig.add_subplot(len(panels), 1, i + 1, projection="polar")
        handles = draw_radar(ax, reference, profiles)
        ax.set_title(title, pad=26)
        ax.legend(handles=handles, fontsize=8)
    fig.suptitle(t("tafel_van_elf.radar_title"), fontsize=11)
    return fig


def draw_radar(ax, reference: T11Reference, profiles: list[tuple[str, dict[str, int]]],
               start: dict[str, int] | None = None) -> list:
    """Draw the radar on a polar ``ax``; the legend handles."""
    dims = reference.dimensions
    n = len(dims)
    angles = [2 * math.pi * i / n for i in range(n)]
    closed = angles + angles[:1]
    ax.set_frame("circle")
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, SCALE_MAX + 0.6)
    half = math.pi / n
    shades = ["#f2f2f2", "#ffffff", "#e6e6e6"]
    for gi, group in enumerate(reference.groups):
        idx = [i for i, d in enumerate(dims) if d.group == group.key]
        if not idx:
            continue
        lo, hi = angles[idx[0]] - half, angles[idx[-1]] + half
        ax.bar((lo + hi) / 2, SCALE_MAX + 0.6, width=hi - lo, bottom=0, color=shades[gi % 3], edgecolor=GRID,
               linewidth=0.8)
        where = angles[idx[0]] + half if len(idx) > 1 else angles[idx[0]]  # between two spokes
        rotation = -math.degrees(where) % 360  # along the rim, never upside down
        if 90 < rotation < 270:
            rotation -= 180
        ax.text(where, SCALE_MAX + 0.3, group.label, ha="center", va="center", fontsize=7.5, rotation=rotation,
                style="italic", color="#222222", bbox={"facecolor": "white", "alpha": 0.85})
    handles = []
    if start is not None:
        ax.plot(closed, _closed(reference, start), linestyle=":", color="#555555", linewidth=1.2)
        handles.append(svgplot.Line2D([], [], color="#555555", linestyle=":", linewidth=1.2,
                                      label=t("tafel_van_elf.case_start")))
    for i, (label, profile) in enumerate(profiles):
        line, marker = LINE_STYLES[i % 2]
        style = {"linestyle": line, "marker": marker, "color": PALETTE[i], "linewidth": 2, "markersize": 6}
        values = _closed(reference, profile)
        ax.fill(closed, values, color=PALETTE[i], alpha=0.10)
        ax.plot(closed, values, **style)
        handles.append(svgplot.Line2D([], [], label=label, **style))
    labels = [f"{d.key}\n" + "\n".join(textwrap.wrap(d.label, 16, break_on_hyphens=False, break_long_words=False)
                                       or [d.label]) for d in dims]  # narrow labels leave room for the radar
    ax.set_xticks(angles, labels, fontsize=7.5)
    ax.tick_params(axis="x", pad=9)
    ax.set_yticks(range(SCALE_MIN, SCALE_MAX + 1))
    ax.tick_params(axis="y", labelsize=7)
    ax.set_rlabel_position(360 * 3.5 / n)  # between T4 and T5, clear of the group names
    return handles


def plot_deterrence(calc: Deterrence) -> svgplot.Figure:
    """Expected sanction against the detection chance, with the gain line,
    the current detection chance and the break-even point (illustrative;
    an :mod:`lst_kit.figures.svgplot` figure)."""
    fig = svgplot.Figure(figsize=(7.2, 3.4))
    ax = fig.add_subplot()
    xs = [i / 100 for i in range(101)]
    report = calc.report_or_none
    ys = [expected_sanction(x, calc.sanction, calc.fine, report) for x in xs]
    ax.plot(xs, ys, color=PALETTE[0], linewidth=2, label=t("tafel_van_elf.plot_expected"))
    if report:
        plain = [expected_sanction(x, calc.sanction, calc.fine) for x in xs]
        ax.plot(xs, plain, color="#777777", linewidth=1, linestyle=":", label=t("tafel_van_elf.plot_without_report"))
    ax.axhline(calc.gain, color=PALETTE[5], linestyle="--", linewidth=1.6, label=t("tafel_van_elf.plot_gain"))
    ax.plot([calc.detection], [calc.expected()], marker="o", markersize=8, color=PALETTE[7], linestyle="none",
            label=t("tafel_van_elf.plot_now"))
    be = calc.break_even()
    if be.reachable:
        ax.axvline(be.value, color=PALETTE[2], linestyle="-.", linewidth=1.4,
                   label=t("tafel_van_elf.plot_break_even", value=pct(be.value)))
    top = max(max(ys), calc.gain) * 1.12 or 1.0
    ax.set_ylim(0, top)
    ax.set_xlim(0, 1)
    xticks = [i / 5 for i in range(6)]
    ax.set_xticks(xticks, [pct(x) for x in xticks])
    yticks = svgplot.nice_ticks(0, top)
    ax.set_yticks(yticks, [eur(y) for y in yticks])
    ax.set_xlabel(t("tafel_van_elf.axis_detection"))
    ax.set_ylabel(t("tafel_van_elf.axis_euro"))
    ax.set_title(t("tafel_van_elf.det_title"))
    style_axes(ax)
    ax.legend(fontsize=8)
    return fig


def plot_class(reference: T11Reference, rows: list[tuple[str, dict[str, list[int]]]]):
    """Per target group: mean score per dimension with the min–max range
    (an :mod:`lst_kit.figures.svgplot` figure: the class overview needs no matplotlib)."""
    fig = svgplot.Figure(figsize=(7.2, 3.8))
    ax = fig.add_subplot()
    dims = [d.key for d in reference.dimensions]
    width = 0.8 / max(len(rows), 1)
    markers = "os^Dv"
    for i, (label, values) in enumerate(rows):
        scored = [(j, values[d]) for j, d in enumerate(dims) if values[d]]  # a dimension nobody scored: no mark
        xs = [j + (i - (len(rows) - 1) / 2) * width for j, _ in scored]
        means = [mean(v) for _, v in scored]
        lows = [m - min(v) for m, (_, v) in zip(means, scored)]
        highs = [max(v) - m for m, (_, v) in zip(means, scored)]
        ax.errorbar(xs, means, yerr=[lows, highs], fmt=markers[i % len(markers)], color=PALETTE[i], capsize=3,
                    label=label)
    ax.set_xticks(range(len(dims)), dims)
    ax.set_xlim(-0.6, len(dims) - 0.4)
    ax.set_ylim(SCALE_MIN - 0.3, SCALE_MAX + 0.3)
    ax.set_yticks(range(SCALE_MIN, SCALE_MAX + 1))
    ax.set_ylabel(t("tafel_van_elf.axis_score"))
    ax.set_title(t("tafel_van_elf.class_title"))
    style_axes(ax)
    fig.legend(loc="outside lower center", ncols=min(len(rows), 4), fontsize=8)
    return fig


# -- texts (the text alternatives beside the plots) -------------------------------------

def dim_labels(reference: T11Reference) -> dict[str, str]:
    return {d.key: d.label for d in reference.dimensions}


def radar_summary(model: T11Profile) -> str:
    labels = dim_labels(model.reference)
    parts = []
    for gid in (model.focus, model.compare):
        if not gid:
            continue
        idx = model.indices(gid)
        ix = ", ".join(f"{g.label} {num(idx[g.key])}" for g in model.reference.groups if g.key in idx)
        weak = ", ".join(f"{d} {labels[d]} ({s})" for d, s, _ in model.weakest(gid))
        parts.append(t("tafel_van_elf.summary_group", group=model.group(gid).name, indices=ix, weakest=weak))
    return " ".join(parts)


def deterrence_summary(calc: Deterrence) -> str:
    be = calc.break_even()
    lines = [t("tafel_van_elf.det_expected", expected=eur(calc.expected()), gain=eur(calc.gain))]
    lines.append(t("tafel_van_elf.det_deters") if calc.deters() else t("tafel_van_elf.det_not_deters"))
    if calc.gain <= 0:
        lines.append(t("tafel_van_elf.det_no_gain"))
    elif be.reachable:
        lines.append(t("tafel_van_elf.det_break_even", value=pct(be.value)))
    else:
        lines.append(t("tafel_van_elf.det_unreachable", max=eur(expected_sanction(1.0, calc.sanction, calc.fine,
                                                                                   calc.report_or_none))))
    return " ".join(lines)


def shown_profiles(model: T11Profile) -> list[tuple[str, dict[str, int]]]:
    return [(model.group(g).name, model.profile(g)) for g in (model.focus, model.compare) if g]


def esc(text) -> str:
    """``text`` made safe inside HTML (figures import no widgets)."""
    return escape(str(text), quote=True)


def indices_html(model: T11Profile) -> str:
    """The index per T11 group of the shown target groups, as an HTML table."""
    reference = model.reference
    shown = [g for g in (model.focus, model.compare) if g]
    head = f"<tr><th scope='col'>{esc(t('tafel_van_elf.col_index'))}</th><th scope='col'>" \
           f"{esc(t('tafel_van_elf.col_dims'))}</th>" + "".join(
               f"<th scope='col'>{esc(model.group(g).name)}</th>" for g in shown) + "</tr>"
    indices = {g: model.indices(g) for g in shown}
    rows = ""
    for group in reference.groups:
        dims = [d.key for d in reference.in_group(group.key)]
        if not dims:
            continue
        span = f"{dims[0]}–{dims[-1]}" if len(dims) > 1 else dims[0]
        rows += (f"<tr><td>{esc(group.label)}</td><td>{esc(span)}</td>"
                 + "".join(f"<td>{esc(num(indices[g][group.key]))}</td>" for g in shown) + "</tr>")
    return (f"<table style='border-collapse:collapse' cellpadding='3'><caption style='text-align:left'>"
            f"{esc(t('tafel_van_elf.indices_caption'))}</caption>{head}{rows}</table>")


def weakest_html(model: T11Profile) -> str:
    """The focus group's weakest dimensions with the intervention families
    that address them, as an HTML list."""
    labels = dim_labels(model.reference)
    items = "".join(
        f"<li><b>{esc(dim)} {esc(labels[dim])}</b> ({esc(score)}): {esc(' · '.join(families))}</li>"
        for dim, score, families in model.weakest())
    title = t("tafel_van_elf.weakest_title", n=model.spec.weakest, group=model.group(model.focus).name)
    return (f"<p style='margin:8px 0 2px 0'><b>{esc(title)}</b></p>"
            f"<ol style='margin-top:0'>{items}</ol>"
            f"<p><small>{esc(t('tafel_van_elf.mapping_note'))}</small></p>")
