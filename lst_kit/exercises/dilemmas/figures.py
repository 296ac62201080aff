"""E6.1 Independence dilemma cards, the figures: the participant's profile,
its reading in words, the rules of a card as HTML, the case box, and the
class picture. Pure functions of the model and spec."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...figures import svgplot
from ...figures.style import PALETTE, SEQUENTIAL, esc, style_axes, wrap_label
from ...i18n import number, t
from ...registry import short_label
from .model import Card, DilemmaChoices, DilemmaSpec, scale_note

if TYPE_CHECKING:  # pragma: no cover
    from ...content import Case

__all__ = ["case_html", "plot_class_choices", "plot_profile", "rule_html", "summary_text"]


def plot_profile(model: DilemmaChoices) -> svgplot.Figure:
    """Where the participant draws lines: per card the position of the chosen
    option (the other options as small grey marks), and the mean per dimension."""
    spec = model.spec
    scale = spec.scale
    n = len(spec.cards)
    fig = svgplot.Figure(figsize=(9.5, 1.6 + 0.42 * n))
    ax_cards, ax_dims = fig.subplots(1, 2, width_ratios=[1.7, 1])
    y = list(range(n))[::-1]
    markers = "osD^vP*X"
    dim_index = {d.key: i for i, d in enumerate(spec.dimensions)}
    for yi, card in zip(y, spec.cards):
        ax_cards.scatter([o.position for o in card.options], [yi] * len(card.options), marker="|", s=120,
                         color="#9a9a9a", zorder=2)
        position = model.position(card.key)
        if position is not None:
            i = dim_index[card.dimension]
            ax_cards.plot([scale.min, position], [yi, yi], color=PALETTE[i % len(PALETTE)], linewidth=1.2, alpha=0.6)
            ax_cards.scatter([position], [yi], marker=markers[i % len(markers)], s=90, color=PALETTE[i % len(PALETTE)],
                             edgecolor="#222222", zorder=3)
        else:
            ax_cards.text((scale.min + scale.max) / 2, yi, t("dilemmas.not_chosen"), ha="center", va="center",
                          fontsize=8, color="#555555", style="italic",
                          bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5}, zorder=4)
    ax_cards.set_yticks(y, [short_label(c.title, 42) for c in spec.cards], fontsize=8)
    ax_cards.set_xlim(scale.min - 0.3, scale.max + 0.3)
    ax_cards.set_xticks(range(scale.min, scale.max + 1))
    ax_cards.set_xlabel(scale_note(scale), fontsize=8)
    ax_cards.set_title(t("dilemmas.plot_cards"))
    style_axes(ax_cards)
    handles = [svgplot.Line2D([], [], marker=markers[i % len(markers)], linestyle="", markersize=8,
                              color=PALETTE[i % len(PALETTE)], markeredgecolor="#222222", label=d.label)
               for i, d in enumerate(spec.dimensions)]
    handles.append(svgplot.Line2D([], [], marker="|", linestyle="", markersize=10, color="#9a9a9a",
                                  label=t("dilemmas.other_options")))
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=8)
    dims = model.by_dimension()
    labels = [d.label for d in spec.dimensions]
    ypos = list(range(len(labels)))[::-1]
    for i, (yi, dim) in enumerate(zip(ypos, spec.dimensions)):
        value = dims[dim.key]
        if value is None:
            ax_dims.text(scale.min, yi, " " + t("dilemmas.not_chosen"), va="center", fontsize=8, color="#666666")
            continue
        ax_dims.barh(yi, value - scale.min + 0.05, left=scale.min - 0.05, color=PALETTE[i % len(PALETTE)], height=0.55,
                     hatch=["", "//", ".."][i % 3], edgecolor="white")
        ax_dims.text(value, yi, " " + number(value), va="center", fontsize=9)
    ax_dims.set_yticks(ypos, labels, fontsize=8)
    ax_dims.set_xlim(scale.min - 0.1, scale.max + 0.6)
    ax_dims.set_xticks(range(scale.min, scale.max + 1))
    ax_dims.set_title(t("dilemmas.plot_dimensions"))
    style_axes(ax_dims)
    return fig


def summary_text(model: DilemmaChoices) -> str:
    """A plain-text reading of the profile (its text alternative)."""
    spec = model.spec
    mean = model.mean()
    if mean is None:
        return t("dilemmas.summary_empty", total=len(spec.cards))
    sharp, loose = model.extremes()
    parts = [t("dilemmas.summary", n=len(model.choices), total=len(spec.cards), mean=number(mean),
               scale=scale_note(spec.scale))]
    if sharp and sharp != loose and len(sharp) <= 3:
        parts.append(t("dilemmas.summary_sharp", cards=", ".join(c.title for c in sharp)))
    if loose and sharp != loose and len(loose) <= 3:
        parts.append(t("dilemmas.summary_loose", cards=", ".join(c.title for c in loose)))
    dims = model.by_dimension()
    shown = [f"{d.label} {number(dims[d.key])}" for d in spec.dimensions if dims[d.key] is not None]
    if shown:
        parts.append(t("dilemmas.summary_dimensions", items="; ".join(shown)))
    return " ".join(parts)


def rule_html(spec: DilemmaSpec, card: Card) -> str:
    """The rules of one card, its explanation and its discussion prompt, as HTML."""
    rules = "".join(
        f"<li><b>{esc(spec.rule(key).label)}.</b> {esc(spec.rule(key).text)} "
        f"<small style='color:#555'>({esc(spec.rule(key).source)})</small></li>"
        for key in card.rules
    )
    return (
        f"<div role='status' style='border-left:4px solid {PALETTE[0]};padding:4px 10px;margin-top:6px'>"
        f"<p style='margin:2px 0'><b>{esc(t('dilemmas.rules_heading'))}</b></p><ul style='margin:2px 0'>{rules}</ul>"
        f"<p style='margin:4px 0'>{esc(card.explanation)}</p>"
        f"<p style='margin:4px 0'><b>{esc(t('dilemmas.prompt_heading'))}</b> {esc(card.prompt)}</p></div>"
    )


def case_html(case: "Case") -> str:
    """The case the cards are read against: its policy tension and its Module 6 hook."""
    text = " ".join(x for x in (case.policy_tension, case.module_hooks.get("m6", "")) if x)
    return (f"<div style='background:#f3f3f3;padding:6px 10px;border-radius:4px'>"
            f"<b>{esc(t('dilemmas.case', case=case.label))}</b> {esc(text)} "
            f"<small>({esc(t('dilemmas.case_note'))})</small></div>")


def plot_class_choices(spec: DilemmaSpec, counts: dict[str, dict[str, int]]) -> svgplot.Figure:
    """Per card a bar split by the options chosen, coloured by their position
    on the scale (dark = meebewegen, light = grens scherp), with the mean position;
    below, a legend of the scale's steps."""
    scale = spec.scale
    cmap = svgplot.colormap(SEQUENTIAL)
    n = len(spec.cards)
    fig = svgplot.Figure(figsize=(9.5, 1.6 + 0.45 * n))
    ax = fig.add_subplot()
    y = list(range(n))[::-1]
    span = max(scale.max - scale.min, 1)
    for yi, card in zip(y, spec.cards):
        total = sum(counts[card.key].values())
        left = 0.0
        for option in sorted(card.options, key=lambda o: o.position):
            share = counts[card.key][option.key] / total if total else 0
            if share:
                ax.barh(yi, 100 * share, left=100 * left, color=cmap((option.position - scale.min) / span),
                        edgecolor="white", height=0.6)
                if share >= 0.08:
                    light = (option.position - scale.min) / span > 0.55
                    ax.text(100 * (left + share / 2), yi, str(option.position), ha="center", va="center",
                            fontsize=8, color="#222222" if light else "white")
            left += share
        if total:
            mean = sum(o.position * counts[card.key][o.key] for o in card.options) / total
            ax.text(101, yi, t("dilemmas.class_mean", mean=number(mean)), va="center", fontsize=8)
    ax.set_yticks(y, [short_label(c.title, 42) for c in spec.cards], fontsize=8)
    ax.set_xlim(0, 118)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel(t("dilemmas.class_axis"))
    ax.set_title(t("dilemmas.class_title"))
    style_axes(ax)
    steps = range(scale.min, scale.max + 1)
    ends = {scale.min: f"{scale.min} = {scale.low}", scale.max: f"{scale.max} = {scale.high}"}  # as scale_note
    keys = [svgplot.Patch(facecolor=cmap((v - scale.min) / span), label=wrap_label(ends.get(v, str(v)), 22))
            for v in steps]
    fig.legend(handles=keys, ncols=len(keys), fontsize=8)
    return fig
