"""E3.2 Capacity allocation, the figures: the days per risk under each
allocation, the table that is its text alternative (with the expected
damage each allocation leaves), the short reading under it, and the class
picture (all :mod:`lst_kit.figures.svgplot`, no matplotlib)."""

from __future__ import annotations

from ...figures import svgplot
from ...figures.style import PALETTE, esc, style_axes
from ...i18n import money, number, plural_form, shorten, t
from .model import ALLOCATIONS, CapacityPlan, PlanRisk

__all__ = ["ALLOCATION_STYLE", "allocation_label", "class_lines", "plot_class_days", "plot_days", "reading_html",
           "reading_lines", "risk_label", "table_html"]

#: Colour and hatch per allocation (Okabe & Ito; the participant's own bars
#: also hatched, so they differ in grey print too).
ALLOCATION_STYLE = {
    "lxi": (PALETTE[0], None),
    "expected_damage": (PALETTE[5], None),
    "evenly": ("#999999", None),
    "own": (PALETTE[2], "//"),
}


def allocation_label(key: str) -> str:
    return t(f"capacity.alloc_{key}")


def risk_label(plan: CapacityPlan, risk: PlanRisk, width: int = 34) -> str:
    """A risk's name for an axis, with its legal minimum if it has one."""
    name = shorten(risk.name, width)
    minimum = plan.minima.get(risk.id, 0)
    return t("capacity.risk_with_minimum", name=name, n=minimum) if minimum else name


def plot_days(plan: CapacityPlan, title: str | None = None) -> svgplot.Figure:
    """Per risk (top to bottom in the case's order) one bar per allocation:
    the days it gets. Every bar carries its number; a risk that gets no day
    under an allocation shows "0 · geen dag" where its bar would be."""
    allocations = plan.allocations()
    n = len(plan.risks)
    fig = svgplot.Figure(figsize=(7.2, 1.5 + 0.85 * n))
    ax = fig.add_subplot()
    most = max([1] + [d for days in allocations.values() for d in days.values()])
    step = 0.8 / len(ALLOCATIONS)
    for k, key in enumerate(ALLOCATIONS):
        colour, hatch = ALLOCATION_STYLE[key]
        ys = [n - 1 - i + 0.4 - step * (k + 0.5) for i in range(n)]
        values = [allocations[key][r.id] for r in plan.risks]
        ax.barh(ys, values, height=step * 0.9, color=colour, edgecolor="#333333", hatch=hatch,
                label=allocation_label(key))
        for y, value in zip(ys, values):
            text = str(value) if value else t("capacity.none_mark")
            ax.text(value + most * 0.01, y, text, va="center", fontsize=7,
                    fontweight=None if value else "bold", color="#222222" if value else "#b00020")
    ax.set_yticks([n - 1 - i for i in range(n)], [risk_label(plan, r) for r in plan.risks], fontsize=8)
    ax.set_ylim(-0.55, n - 0.45)
    ax.set_xlim(0, most * 1.25 + 0.5)
    ax.locator_params(axis="x", integer=True)
    ax.set_xlabel(t("capacity.axis_days", budget=plan.budget))
    ax.set_title(title or t("capacity.plot_title"))
    style_axes(ax)
    fig.legend(loc="outside lower center", ncols=2, fontsize=8)
    return fig


def table_html(plan: CapacityPlan) -> str:
    """The text alternative of :func:`plot_days`: per risk its expected
    damage, and per allocation the days and what is left (euro per year);
    the last row the total left per allocation."""
    allocations = plan.allocations()
    residuals = {key: plan.residual(days) for key, days in allocations.items()}
    head = "".join(f"<th scope='col'>{esc(allocation_label(key))}</th>" for key in ALLOCATIONS)
    rows = []
    for r in plan.risks:
        cells = []
        for key in ALLOCATIONS:
            days = allocations[key][r.id]
            shown = esc(t("capacity.cell_days", n=days)) if days else f"<b>{esc(t('capacity.none_mark'))}</b>"
            if days < plan.minima.get(r.id, 0):
                shown += f" <b>{esc(t('capacity.below_mark'))}</b>"
            rest = esc(t("capacity.cell_rest", amount=money(residuals[key][r.id])))
            cells.append(f"<td>{shown}<br><small style='white-space:nowrap'>{rest}</small></td>")
        rows.append(f"<tr><th scope='row' style='text-align:left'>{esc(risk_label(plan, r, 60))}</th>"
                    f"<td>{esc(money(r.damage))}</td>{''.join(cells)}</tr>")
    totals = "".join(f"<td><b>{esc(money(plan.residual_total(allocations[key])))}</b></td>" for key in ALLOCATIONS)
    return (f"<table style='border-collapse:collapse;font-size:90%' cellpadding='3' border='1'>"
            f"<caption style='text-align:left'>{esc(t('capacity.table_caption', budget=plan.budget))}</caption>"
            f"<tr><th scope='col'>{esc(t('capacity.field_risk'))}</th>"
            f"<th scope='col'>{esc(t('capacity.col_damage'))}</th>{head}</tr>{''.join(rows)}"
            f"<tr><th scope='row' style='text-align:left'>{esc(t('capacity.row_total'))}</th><td>"
            f"{esc(money(sum(r.damage for r in plan.risks)))}</td>{totals}</tr></table>")


def _names(risks: list[PlanRisk]) -> str:
    names = [r.name for r in risks]
    return names[0] if len(names) == 1 else t("capacity.and", first=", ".join(names[:-1]), last=names[-1])


def reading_lines(plan: CapacityPlan) -> list[str]:
    """Who gets no day under each allocation, who is under a legal minimum
    in the participant's plan, and what each allocation leaves in total."""
    allocations = plan.allocations()
    lines = []
    for key in ALLOCATIONS:
        left = plan.untouched(allocations[key])
        label = allocation_label(key)
        if not left:
            lines.append(t("capacity.read_all", alloc=label))
        else:
            lines.append(t(f"capacity.read_none_{plural_form(len(left))}", alloc=label, names=_names(left)))
    below = plan.below_minimum(plan.days)
    if below:
        lines.append(t(f"capacity.read_below_{plural_form(len(below))}", names=_names(below)))
    lines.append(t("capacity.read_rest", own=money(plan.residual_total(allocations["own"])),
                   lxi=money(plan.residual_total(allocations["lxi"])),
                   ed=money(plan.residual_total(allocations["expected_damage"])),
                   evenly=money(plan.residual_total(allocations["evenly"]))))
    if plan.left():
        lines.append(t("capacity.read_unused", n=plan.left()))
    return lines


def reading_html(plan: CapacityPlan) -> str:
    """:func:`reading_lines` as a list, for the view."""
    items = "".join(f"<li>{esc(line)}</li>" for line in reading_lines(plan))
    return f"<ul style='margin:4px 0;padding-left:1.2em'>{items}</ul>"


def class_lines(names: list[str], days: dict[str, list[int]]) -> list[str]:
    """One line per risk: the class's mean days and how many gave it none."""
    return [t("capacity.class_line", risk=name, mean=number(sum(days[name]) / len(days[name])),
              zero=sum(1 for d in days[name] if d == 0), n=len(days[name])) for name in names]


def plot_class_days(names: list[str], days: dict[str, list[int]], title: str) -> svgplot.Figure:
    """Per risk the class's mean days (bar) and, beside it, how many
    participants gave it no day (an :mod:`lst_kit.figures.svgplot` figure)."""
    fig = svgplot.Figure(figsize=(7.5, 1.4 + 0.45 * len(names)))
    ax = fig.add_subplot()
    ys = list(range(len(names)))[::-1]
    means = [sum(days[name]) / len(days[name]) for name in names]
    most = max(means + [1.0])
    ax.barh(ys, means, color=PALETTE[0], edgecolor="#333333", linewidth=0.5)
    for y, name, mean in zip(ys, names, means):
        zero = sum(1 for d in days[name] if d == 0)
        ax.text(mean + most * 0.01, y, t("capacity.class_bar", mean=number(mean), zero=zero, n=len(days[name])),
                va="center", fontsize=7)
    ax.set_yticks(ys, [shorten(name, 36) for name in names], fontsize=8)
    ax.set_xlim(0, most * 1.6)
    ax.set_xlabel(t("capacity.class_axis"))
    ax.set_title(title)
    style_axes(ax)
    return fig
