"""E6.2 Wat neem je mee?, the figures: the pre-filled sections as HTML, and
the class picture of how often each section could be pre-filled."""

from __future__ import annotations


from ...figures import svgplot
from ...figures.style import PALETTE, esc, style_axes
from ...i18n import t
from .model import PlanSpec, Prefill

__all__ = ["plot_class_coverage", "prefill_html"]


def prefill_html(prefilled: list[Prefill]) -> str:
    """The pre-filled sections: the lines taken over, or what is not there yet."""
    rows = []
    for p in prefilled:
        if p.filled:
            body = "<br>".join(esc(line).replace("  ", "&nbsp;&nbsp;") for line in p.lines)
            rows.append(f"<dt><b>{esc(p.section.label)}</b></dt><dd style='margin:2px 0 8px 1.5em'>{body}</dd>")
        else:
            rows.append(f"<dt><b>{esc(p.section.label)}</b></dt>"
                        f"<dd style='margin:2px 0 8px 1.5em;color:#555'><i>{esc(p.note())}</i></dd>")
    return f"<dl style='margin:4px 0'>{''.join(rows)}</dl>"


def plot_class_coverage(spec: PlanSpec, shares: list[float], n: int) -> svgplot.Figure:
    """Per pre-filled section: the share of participants whose plan drew on earlier answers."""
    fig = svgplot.Figure(figsize=(8.4, 1.2 + 0.45 * len(spec.sections)))
    ax = fig.add_subplot()
    y = list(range(len(spec.sections)))[::-1]
    ax.barh(y, [100 * s for s in shares], color=PALETTE[0], height=0.55)
    for yi, share in zip(y, shares):
        ax.text(100 * share + 1, yi, f"{round(100 * share)}%", va="center", fontsize=8)  # SVG drops a leading space
    ax.set_yticks(y, [s.label for s in spec.sections], fontsize=8)
    ax.set_xlim(0, 112)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel(t("learning_plan.class_axis", n=n))
    fig.suptitle(t("learning_plan.class_title"), fontweight="bold", fontsize=11)
    style_axes(ax)
    return fig
