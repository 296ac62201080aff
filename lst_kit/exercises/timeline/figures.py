"""E1.1 Timeline tagger, the figures: stacked bars of the tags per period
and the drift of each logic's share (the participant's and the class's are
the same drawing), the plain-text reading that is their text alternative,
and the comparison with the course team's reading."""

from __future__ import annotations

from ...figures import svgplot
from ...figures.style import PALETTE, esc, style_axes
from ...i18n import t
from .model import MAX_LOGICS, TimelineSpec, TimelineTags, shares_from_counts

__all__ = ["UNTAGGED_COLOUR", "comparison_html", "period_lines", "plot_tag_counts", "plot_timeline", "summary_text"]

UNTAGGED_COLOUR = "#dddddd"
#: One marker shape per logic, so the drift lines differ without colour.
MARKERS = "osD^vP*X"
assert len(MARKERS) >= MAX_LOGICS and len(PALETTE) >= MAX_LOGICS


def plot_tag_counts(spec: TimelineSpec, counts: dict[str, dict[str, int]], title: str,
                    axis: str) -> svgplot.Figure:
    """Stacked bars of tags per period, and the drift of each logic's share
    (SVG). The participant's plot and the class picture (with its own title
    and axis) are the same drawing."""
    shares = shares_from_counts(spec, counts)
    periods = [p.label for p in spec.periods]
    x = list(range(len(periods)))
    fig = svgplot.Figure(figsize=(9.5, 4.2))
    ax_bar, ax_drift = fig.subplots(1, 2, width_ratios=[1.15, 1])
    bottoms = [0] * len(periods)
    for i, logic in enumerate(spec.logics):
        heights = [counts[p][logic.key] for p in periods]
        ax_bar.bar(x, heights, bottom=bottoms, color=PALETTE[i % len(PALETTE)], label=logic.label, edgecolor="white")
        bottoms = [b + h for b, h in zip(bottoms, heights)]
    untagged = [counts[p][""] for p in periods]
    ax_bar.bar(x, untagged, bottom=bottoms, color=UNTAGGED_COLOUR, hatch="//", edgecolor="#a0a0a0",
               label=t("timeline.untagged"))  # a light hatch (svgplot hatches in the edge colour)
    ax_bar.set_ylabel(axis)
    ax_bar.set_title(title)
    ax_bar.locator_params(axis="y", integer=True)
    style_axes(ax_bar)
    for i, logic in enumerate(spec.logics):
        ax_drift.plot(x, [100 * shares[p][logic.key] for p in periods], marker=MARKERS[i % len(MARKERS)],
                      color=PALETTE[i % len(PALETTE)], label=logic.label)
    ax_drift.set_ylim(0, 100)
    ax_drift.set_xlim(-0.3, len(periods) - 0.7)
    ax_drift.set_ylabel(t("timeline.axis_share"))
    ax_drift.set_title(t("timeline.plot_drift"))
    style_axes(ax_drift)
    for ax in (ax_bar, ax_drift):
        ax.set_xticks(x, periods, fontsize=8)
    handles, labels = ax_bar.get_legend_handles_labels()
    fig.legend(handles, labels, ncols=4, fontsize=8)
    return fig


def plot_timeline(model: TimelineTags) -> svgplot.Figure:
    """Stacked bars of the participant's tags per period, and the drift of each logic's share."""
    return plot_tag_counts(model.spec, model.counts(), t("timeline.plot_counts"), t("timeline.axis_events"))


def period_lines(model: TimelineTags) -> list[str]:
    """Per period: how many events are tagged and the dominant logic."""
    counts = model.counts()
    dominant = model.dominant()
    lines = []
    for period in model.spec.periods:
        row = counts[period.label]
        tagged = sum(v for k, v in row.items() if k)
        key = dominant[period.label]
        label = model.spec.logic(key).label if key else t("timeline.none")
        lines.append(t("timeline.summary_period", period=period.label, tagged=tagged, total=tagged + row[""],
                       dominant=label))
    return lines


def summary_text(model: TimelineTags) -> str:
    """A plain-text reading of the plot (its text alternative)."""
    return " ".join(period_lines(model))


def comparison_html(model: TimelineTags) -> str:
    """How many tags agree with the course team's reading, and the events that differ (HTML)."""
    spec = model.spec
    agree, compared, differ = model.comparison()
    items = "".join(
        f"<li>{esc(e.year)} · {esc(e.label)}: {esc(t('timeline.yours'))} "
        f"<b>{esc(spec.logic(model.tags[e.key]).label)}</b>, "
        f"{esc(t('timeline.reading'))} <b>{esc(spec.logic(e.reading).label)}</b></li>"
        for e in differ
    )
    return (f"<p>{esc(t('timeline.agree', agree=agree, compared=compared))}</p>"
            f"<p><small>{esc(t('timeline.reading_note'))}</small></p><ul>{items}</ul>")
