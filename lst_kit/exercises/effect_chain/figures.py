"""The effect chain's pictures (pure functions of the model and spec ->
:mod:`lst_kit.figures.svgplot` figures) and their captions."""

from __future__ import annotations

from ...figures import svgplot
from ...figures.style import GRID, PALETTE, style_axes, wrap_label
from ...i18n import t
from .model import EffectChain, EffectChainSpec, pct

__all__ = ["EFFECT_COLOUR", "EFFORT_COLOUR", "caption", "design_caption", "plot_chain", "plot_class",
           "plot_designs", "plot_weights"]

EFFORT_COLOUR, EFFECT_COLOUR = PALETTE[4], PALETTE[0]


def _draw_weights(ax, model: EffectChain) -> None:
    spec = model.spec
    counts, shares = model.counts(), model.shares()
    labels = [wrap_label(x.label, 14) for x in spec.tiers]
    heights = [100 * shares[x.key] for x in spec.tiers]
    bars = ax.bar(range(len(spec.tiers)), heights, edgecolor="#333333", linewidth=0.8,
                  color=[EFFECT_COLOUR if x.effect else EFFORT_COLOUR for x in spec.tiers])
    for i, (bar, tier) in enumerate(zip(bars, spec.tiers)):
        if tier.effect:
            bar.set_hatch("//")
        ax.text(i, heights[i] + 1.5, f"{counts[tier.key]} ({pct(shares[tier.key])})", ha="center", va="bottom",
                fontsize=8)
    boundary = next((i for i, x in enumerate(spec.tiers) if x.effect), len(spec.tiers)) - 0.5
    ax.axvline(boundary, color="#333333", linestyle="--", linewidth=1)
    ax.text(boundary - 0.08, 104, t("effect_chain.effort"), ha="right", va="bottom", fontsize=8)
    ax.text(boundary + 0.08, 104, t("effect_chain.effect"), ha="left", va="bottom", fontsize=8)
    ax.set_xticks(range(len(spec.tiers)), labels, fontsize=8)
    ax.set_xlim(-0.5, len(spec.tiers) - 0.5)
    ax.set_ylim(0, 115)
    ax.set_yticks(range(0, 101, 25))
    ax.set_ylabel(t("effect_chain.axis_share"))
    ax.set_title(t("effect_chain.plot_weight", n=len(model.indicators)))
    style_axes(ax)
    ax.grid(True, color=GRID, linewidth=0.6, alpha=0.8, axis="y")


def _draw_designs(ax, spec: EffectChainSpec, chosen: str | None) -> None:
    names = [wrap_label(d.label, 22) for d in spec.designs]
    ys = list(range(len(spec.designs)))[::-1]
    bars = ax.barh(ys, [d.strength for d in spec.designs], height=0.6, edgecolor="#333333", linewidth=0.6,
                   color=[PALETTE[1] if d.key == chosen else "#d9d9d9" for d in spec.designs])
    for bar, d in zip(bars, spec.designs):
        if d.key == chosen:
            bar.set_hatch("xx")
    ax.set_yticks(ys, names, fontsize=7.5)
    for label, d in zip(ax.get_yticklabels(), spec.designs):
        if d.key == chosen:
            label.set_fontweight("bold")
    ax.set_xlim(0, 5.4)
    ax.set_ylim(-0.5, len(spec.designs) - 0.5)
    ax.set_xticks(range(0, 6))
    ax.set_xlabel(t("effect_chain.axis_strength"))
    ax.set_title(t("effect_chain.plot_designs"))
    style_axes(ax)
    ax.grid(True, color=GRID, linewidth=0.6, alpha=0.8, axis="x")


def plot_weights(model: EffectChain) -> svgplot.Figure:
    """The share of the indicators per tier: effort tiers light, effect tiers
    dark and hatched, a dashed line between them."""
    fig = svgplot.Figure(figsize=(5.6, 3.6))
    _draw_weights(fig.add_subplot(), model)
    return fig


def plot_designs(spec: EffectChainSpec, chosen: str | None) -> svgplot.Figure:
    """The evaluation designs by (illustrative) evidential strength; the
    chosen one orange, cross-hatched and in bold."""
    fig = svgplot.Figure(figsize=(4.4, 3.2))
    _draw_designs(fig.add_subplot(), spec, chosen)
    return fig


def plot_chain(model: EffectChain) -> svgplot.Figure:
    """Both charts side by side (for the portfolio): measurement weight per
    tier, and the designs with the chosen one marked."""
    fig = svgplot.Figure(figsize=(9.0, 3.8))
    left, right = fig.subplots(1, 2, width_ratios=[3, 2])
    _draw_weights(left, model)
    _draw_designs(right, model.spec, model.design)
    return fig


def plot_class(spec: EffectChainSpec, shares: list[dict]) -> svgplot.Figure:
    """Mean measurement weight per tier over the class, lowest to highest
    share as whiskers (``shares``: one :meth:`EffectChain.shares` per participant)."""
    fig = svgplot.Figure(figsize=(7.0, 3.6))
    ax = fig.add_subplot()
    means = [100 * sum(s[x.key] for s in shares) / len(shares) for x in spec.tiers]
    lows = [100 * min(s[x.key] for s in shares) for x in spec.tiers]
    highs = [100 * max(s[x.key] for s in shares) for x in spec.tiers]
    bars = ax.bar(range(len(spec.tiers)), means, edgecolor="#333333",
                  color=[EFFECT_COLOUR if x.effect else EFFORT_COLOUR for x in spec.tiers],
                  yerr=[[m - lo for m, lo in zip(means, lows)], [hi - m for m, hi in zip(means, highs)]], capsize=4)
    for bar, tier in zip(bars, spec.tiers):
        if tier.effect:
            bar.set_hatch("//")
    ax.set_xticks(range(len(spec.tiers)), [wrap_label(x.label, 14) for x in spec.tiers], fontsize=8)
    ax.set_ylim(0, 105)
    ax.set_yticks(range(0, 101, 20))
    ax.set_ylabel(t("effect_chain.axis_share"))
    ax.set_title(t("effect_chain.class_plot", n=len(shares)))
    style_axes(ax)
    return fig


def caption(model: EffectChain) -> str:
    """What the weights chart shows, in words (its text alternative)."""
    counts, shares = model.counts(), model.shares()
    parts = ", ".join(f"{x.label} {counts[x.key]} ({pct(shares[x.key])})" for x in model.spec.tiers)
    return t("effect_chain.caption_weight", n=len(model.indicators), parts=parts, effect=pct(model.effect_share()))


def design_caption(model: EffectChain) -> str:
    """What the designs chart shows, in words."""
    design = model.chosen_design()
    if design:
        return t("effect_chain.caption_design", design=design.label, strength=design.strength)
    return t("effect_chain.caption_no_design")
