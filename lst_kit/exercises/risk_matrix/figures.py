"""E3.1 Risk matrix lab, the figures: the heat map of the current rule, the
ranking table that is its text alternative, the sentence on rank changes,
and the class picture (all :mod:`lst_kit.figures.svgplot`, no matplotlib)."""

from __future__ import annotations

import math

from ...figures import svgplot
from ...figures.style import PALETTE, esc, style_axes
from ...i18n import t
from .model import RULES, RiskItem, RiskMatrix, band_index, format_number, score

__all__ = ["BAND_RAMP", "NEUTRAL_CELL", "band_colours", "changes_text", "draw_matrix", "plot_class_scores",
           "plot_matrices", "plot_matrix", "ranking_table", "relative_luminance", "text_colour"]


#: The cells' colour where the cell alone does not fix a band (Fine & Kinney).
NEUTRAL_CELL = "#eeeeee"

#: Anchors of the band ramp, light to dark (after matplotlib's "magma",
#: reversed): lightness falls steadily and the hue turns from yellow through
#: orange and rose to plum, so neighbouring bands differ for every kind of
#: colour vision and in grey print (a test checks their contrast).
BAND_RAMP = ("#fff3b0", "#f9a03f", "#d1495b", "#5c1a5e", "#240b36")


def _mix(a: str, b: str, f: float) -> str:
    ca = [int(a[i:i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * f):02x}" for x, y in zip(ca, cb))


def band_colours(n: int) -> list[str]:
    """n colours from light to dark on :data:`BAND_RAMP` (the first four
    bands span the ramp up to plum; more bands reach the darkest anchor)."""
    end = 3.0 if n <= 4 else 4.0
    out = []
    for i in range(n):
        pos = end * i / max(1, n - 1)
        k = min(int(pos), len(BAND_RAMP) - 2)
        out.append(_mix(BAND_RAMP[k], BAND_RAMP[k + 1], pos - k))
    return out


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    return "#111111" if relative_luminance(background) > 0.18 else "#ffffff"


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def plot_matrix(model: RiskMatrix, title: str | None = None) -> svgplot.Figure:
    """One case's matrix (see :func:`draw_matrix`)."""
    fig = svgplot.Figure(figsize=(6.4, 5.2))
    draw_matrix(fig.add_subplot(), model, title)
    return fig


def plot_matrices(models: list[RiskMatrix], titles: list[str]) -> svgplot.Figure:
    """Several cases' matrices one below the other (the portfolio of a
    participant who changed more than one case), each with its title."""
    fig = svgplot.Figure(figsize=(6.4, 5.2 * len(models)))
    for i, (model, title) in enumerate(zip(models, titles)):
        draw_matrix(fig.add_subplot(len(models), 1, i + 1), model, title)
    return fig


def draw_matrix(ax, model: RiskMatrix, title: str | None = None) -> None:
    """The 5×5 grid and each risk in its cell, numbered (stable numbers,
    :meth:`RiskMatrix.numbers`) and filled with the colour of its own band
    under the current rule. Where likelihood and impact alone fix the score
    (L×I, expected damage) the cells carry the band colours too; under Fine
    & Kinney a risk's exposure counts as well, so the cells stay neutral and
    only the risks are coloured. An :mod:`lst_kit.figures.svgplot` figure."""
    rule = model.rule
    bands = model.bands[rule]
    colours = band_colours(len(bands))
    by_cell = rule != "fine_kinney"
    for lik in range(1, 6):
        for imp in range(1, 6):
            if by_cell:
                value = score(model.spec, lik, imp, model.spec.default_exposure, rule)
                colour = colours[band_index(bands, value)]
            else:
                colour = NEUTRAL_CELL
            ax.add_patch(svgplot.Rectangle((lik - 0.5, imp - 0.5), 1, 1, facecolor=colour, edgecolor="white",
                                           linewidth=1.5))
    cells: dict[tuple[int, int], list[RiskItem]] = {}
    for r in model.risks:
        cells.setdefault((r.likelihood, r.impact), []).append(r)
    numbers = model.numbers()
    for (lik, imp), items in cells.items():
        k = len(items)
        cols = math.ceil(math.sqrt(k))
        rows = math.ceil(k / cols)
        for j, r in enumerate(items):
            dx = ((j % cols) - (cols - 1) / 2) * (0.8 / cols)
            dy = ((rows - 1) / 2 - j // cols) * (0.8 / rows)
            size = max(5.5, 10 - 1.2 * cols)
            label = str(numbers[r.id])
            fill = colours[model.band(model.score(r))]
            ax.scatter([lik + dx], [imp + dy], s=(size * (1.1 + 0.55 * len(label))) ** 2, marker="o",
                       color=fill, edgecolors="#111111", linewidths=1.2)
            ax.text(lik + dx, imp + dy, label, ha="center", va="center", fontsize=size, fontweight="bold",
                    color=text_colour(fill))
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(t("risk.axis_likelihood"))
    ax.set_ylabel(t("risk.axis_impact"))
    ax.set_title(title or t("risk.plot_title", rule=t(f"risk.rule_{rule}")))
    handles = [svgplot.Patch(facecolor=c, edgecolor="#555555") for c in colours]
    ax.legend(handles, [b.label for b in bands], title=t("risk.legend_bands"), fontsize=8)


def ranking_table(model: RiskMatrix) -> str:
    """Ranks under all three rules side by side; rank changes against L×I
    are marked. This table is the text alternative of the heat map."""
    ranks = {rule: model.ranks(rule) for rule in RULES}
    head = "".join(f"<th scope='col'>{esc(t(f'risk.rule_{rule}'))}</th>" for rule in RULES)
    rows = []
    numbers = model.numbers()
    for r in model.risks:
        cells = []
        for rule in RULES:
            value = model.score(r, rule)
            band = model.bands[rule][model.band(value, rule)].label
            rank = ranks[rule][r.id]
            moved = rule != "lxi" and rank != ranks["lxi"][r.id]
            mark = f" <b title='{esc(t('risk.moved'))}'>({rank - ranks['lxi'][r.id]:+d})</b>" if moved else ""
            cells.append(f"<td>{esc(t('risk.rank_cell', rank=rank, score=format_number(value), band=band))}{mark}</td>")
        rows.append(f"<tr><td>{numbers[r.id]}</td><td>{esc(r.name)}</td><td>{r.likelihood}</td><td>{r.impact}</td>"
                    + "".join(cells) + "</tr>")
    return (f"<table style='border-collapse:collapse;font-size:90%' cellpadding='3' border='1'>"
            f"<caption style='text-align:left'>{esc(t('risk.table_caption'))}</caption>"
            f"<tr><th scope='col'>#</th><th scope='col'>{esc(t('risk.field_name'))}</th>"
            f"<th scope='col'>{esc(t('risk.likelihood_short'))}</th><th scope='col'>{esc(t('risk.impact_short'))}</th>"
            f"{head}</tr>{''.join(rows)}</table>")


def changes_text(model: RiskMatrix) -> str:
    lines = []
    for other in ("fine_kinney", "expected_damage"):
        changed = model.rank_changes("lxi", other)
        if changed:
            names = ", ".join(f"{r.name} ({a}→{b})" for r, a, b in changed)
            key = "risk.changes_one" if len(changed) == 1 else "risk.changes_other"
            lines.append(t(key, rule=t(f"risk.rule_{other}"), n=len(changed), names=names))
        else:
            lines.append(t("risk.no_changes", rule=t(f"risk.rule_{other}")))
    ties = {}
    for r, s, rank in model.ranked("lxi"):
        ties.setdefault(rank, []).append(r)
    tied = sum(len(v) for v in ties.values() if len(v) > 1)
    if tied:
        lines.append(t("risk.ties", n=tied))
    return " ".join(lines)


def plot_class_scores(ranked: list[str], scores: dict[str, list[float]]):
    """Each risk's class mean (bar) and every participant's score (dots),
    highest mean on top (an :mod:`lst_kit.figures.svgplot` figure: the class overview
    needs no matplotlib)."""
    shown = ranked[:15]
    fig = svgplot.Figure(figsize=(7.5, 1.2 + 0.42 * len(shown)))
    ax = fig.add_subplot()
    ys = list(range(len(shown)))[::-1]
    means = [sum(scores[n]) / len(scores[n]) for n in shown]
    ax.barh(ys, means, color=PALETTE[4], edgecolor="#333333", linewidth=0.5, label=t("risk.class_mean"))
    for y, name in zip(ys, shown):
        values = scores[name]
        jitter = [((i % 5) - 2) * 0.06 for i in range(len(values))]
        ax.scatter(values, [y + j for j in jitter], s=18, color=PALETTE[0], zorder=3,
                   label=t("risk.class_dots") if y == ys[0] else None)
    ax.set_yticks(ys, [name[:40] for name in shown], fontsize=8)
    ax.set_xlim(0, 25.5)
    ax.set_xticks(range(0, 26, 5))
    ax.set_xlabel(t("risk.rule_lxi"))
    ax.set_title(t("risk.class_title"))
    style_axes(ax)
    fig.legend(loc="outside lower center", ncols=2, fontsize=8)
    return fig
