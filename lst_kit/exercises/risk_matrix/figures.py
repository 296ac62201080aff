"""E3.1 Risk matrix lab, the figures: the heat map of the current rule, the
ranking table that is its text alternative, the sentence on rank changes,
and the class picture (all :mod:`lst_kit.figures.svgplot`, no matplotlib)."""

from __future__ import annotations

import math

from ...figures import svgplot
from ...figures.style import PALETTE, esc, style_axes
from ...i18n import t
from .model import RULES, RiskItem, RiskMatrix, band_index, format_number, score

__all__ = ["band_colours", "changes_text", "plot_class_scores", "plot_matrix", "ranking_table"]


def band_colours(n: int) -> list:
    """n colours from light to dark on cividis (colour-blind safe, prints in grey)."""
    cmap = svgplot.colormap("cividis")
    return [cmap(0.95 - 0.85 * i / max(1, n - 1)) for i in range(n)]


def plot_matrix(model: RiskMatrix) -> svgplot.Figure:
    """The 5×5 grid coloured by the current rule's bands, each risk placed
    in its cell (several risks in one cell are spread out and numbered, each
    number in a white circle). An :mod:`lst_kit.figures.svgplot` figure."""
    rule = model.rule
    bands = model.bands[rule]
    colours = band_colours(len(bands))
    fig = svgplot.Figure(figsize=(6.4, 5.2))
    ax = fig.add_subplot()
    exposure = model.spec.default_exposure
    for lik in range(1, 6):
        for imp in range(1, 6):
            value = score(model.spec, lik, imp, exposure, rule)
            colour = colours[band_index(bands, value)]
            ax.add_patch(svgplot.Rectangle((lik - 0.5, imp - 0.5), 1, 1, facecolor=colour, edgecolor="white",
                                           linewidth=1.5))
    cells: dict[tuple[int, int], list[RiskItem]] = {}
    for r in model.risks:
        cells.setdefault((r.likelihood, r.impact), []).append(r)
    numbers = {r.id: i + 1 for i, r in enumerate(model.risks)}
    for (lik, imp), items in cells.items():
        k = len(items)
        cols = math.ceil(math.sqrt(k))
        rows = math.ceil(k / cols)
        for j, r in enumerate(items):
            dx = ((j % cols) - (cols - 1) / 2) * (0.8 / cols)
            dy = ((rows - 1) / 2 - j // cols) * (0.8 / rows)
            size = max(5.5, 10 - 1.2 * cols)
            label = str(numbers[r.id])
            ax.scatter([lik + dx], [imp + dy], s=(size * (1.1 + 0.55 * len(label))) ** 2, marker="o",
                       color="white", edgecolors="#333333", linewidths=0.8)
            ax.text(lik + dx, imp + dy, label, ha="center", va="center", fontsize=size, fontweight="bold",
                    color="#111111")
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(t("risk.axis_likelihood"))
    ax.set_ylabel(t("risk.axis_impact"))
    ax.set_title(t("risk.plot_title", rule=t(f"risk.rule_{rule}")))
    handles = [svgplot.Patch(facecolor=c, edgecolor="#555555") for c in colours]
    ax.legend(handles, [b.label for b in bands], title=t("risk.legend_bands"), fontsize=8)
    return fig


def ranking_table(model: RiskMatrix) -> str:
    """Ranks under all three rules side by side; rank changes against L×I
    are marked. This table is the text alternative of the heat map."""
    ranks = {rule: model.ranks(rule) for rule in RULES}
    head = "".join(f"<th scope='col'>{esc(t(f'risk.rule_{rule}'))}</th>" for rule in RULES)
    rows = []
    for i, r in enumerate(model.risks):
        cells = []
        for rule in RULES:
            value = model.score(r, rule)
            band = model.bands[rule][model.band(value, rule)].label
            rank = ranks[rule][r.id]
            moved = rule != "lxi" and rank != ranks["lxi"][r.id]
            mark = f" <b title='{esc(t('risk.moved'))}'>({rank - ranks['lxi'][r.id]:+d})</b>" if moved else ""
            cells.append(f"<td>{esc(t('risk.rank_cell', rank=rank, score=format_number(value), band=band))}{mark}</td>")
        rows.append(f"<tr><td>{i + 1}</td><td>{esc(r.name)}</td><td>{r.likelihood}</td><td>{r.impact}</td>"
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
            lines.append(t("risk.changes", rule=t(f"risk.rule_{other}"), n=len(changed), names=names))
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
