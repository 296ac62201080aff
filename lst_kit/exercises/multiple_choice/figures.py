"""Multiple-choice check, the figures: the feedback after a pick, and the
class picture (how many chose each option)."""

from __future__ import annotations

from ...figures import svgplot
from ...figures.style import PALETTE, esc, style_axes
from ...i18n import t
from ...registry import short_label
from .model import Choice, MultipleChoiceSpec

__all__ = ["feedback_html", "plot_class_choices"]


def feedback_html(choice: Choice) -> str:
    """The verdict and the option's feedback (HTML; empty without a pick)."""
    if choice.index is None:
        return ""
    verdict, colour = (t("mc.right"), "#0b5d3b") if choice.correct else (t("mc.wrong"), "#8a1c1c")
    return (f"<p role='status'><b style='color:{colour}'>{esc(verdict)}</b> "
            f"{esc(choice.feedback)}</p>")


def plot_class_choices(spec: MultipleChoiceSpec, counts: list[int]) -> svgplot.Figure:
    """Horizontal bars: how many chose each option; the right one hatched and marked (SVG)."""
    n = len(spec.options)
    fig = svgplot.Figure(figsize=(8.0, 0.9 + 0.55 * n))
    ax = fig.add_subplot()
    labels = [short_label(o.text, 48) + (f"  ✓ {t('hooks.mc_correct_mark')}" if o.correct else "") for o in spec.options]
    y = list(range(n))[::-1]
    right = max(max(counts), 1) * 1.15
    for yi, option, count in zip(y, spec.options, counts):
        ax.barh(yi, count, color=PALETTE[2] if option.correct else PALETTE[0],
                hatch="//" if option.correct else None, edgecolor="white")
        ax.text(count + 0.01 * right, yi, str(count), va="center", fontsize=9)
    ax.set_yticks(y, labels, fontsize=8)
    ax.set_xlabel(t("hooks.axis_participants"))
    ax.set_xlim(0, right)
    ax.locator_params(axis="x", integer=True)
    ax.set_title(t("hooks.mc_class_title"))
    style_axes(ax)
    return fig
