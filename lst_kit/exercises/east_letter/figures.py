"""E4.4 EAST letter makeover, the figures: per EAST letter the share of
checks passed by the original and the rewrite (or the class mean), the
caption that reads it and the checklist table beside it."""

from __future__ import annotations

from ...figures import svgplot
from ...figures.style import PALETTE, esc, style_axes
from ...i18n import t
from .model import EAST, EastSpec, LetterRewrite, evaluate

__all__ = ["checklist_html", "letter_name", "plot_class_scores", "plot_scores", "score_caption", "score_changes"]


def letter_name(letter: str) -> str:
    """The Dutch (or English) name of one EAST letter, for axes and captions."""
    return {"E": t("east_letter.name_e"), "A": t("east_letter.name_a"), "S": t("east_letter.name_s"),
            "T": t("east_letter.name_t")}[letter]


def _bars(ax, before: dict, after: dict, after_label: str) -> list[str]:
    letters = [x for x in EAST if before.get(x) is not None]
    xs = range(len(letters))
    ax.bar([x - 0.2 for x in xs], [100 * before[x] for x in letters], width=0.38, color="#bbbbbb", hatch="//",
           edgecolor="#555555", label=t("east_letter.original"))
    ax.bar([x + 0.2 for x in xs], [100 * after[x] for x in letters], width=0.38, color=PALETTE[0],
           edgecolor="#0b3d6e", label=after_label)
    ax.set_xticks(list(xs), [letter_name(x) for x in letters])
    return letters


def plot_scores(spec: EastSpec, before: dict, after: dict) -> svgplot.Figure:
    """Grouped bars: per EAST letter the share of checks passed, original
    (hatched) and rewrite (solid). An :mod:`lst_kit.figures.svgplot` figure: redrawn
    as the participant types, in about a millisecond."""
    fig = svgplot.Figure(figsize=(7.0, 3.2))
    ax = fig.add_subplot()
    letters = _bars(ax, before, after, t("east_letter.yours"))
    ax.set_xlim(-0.6, len(letters) - 0.4)
    ax.set_ylim(0, 105)
    ax.set_yticks([0, 20, 40, 60, 80, 100])
    ax.set_ylabel(t("east_letter.axis"))
    ax.set_title(t("east_letter.plot_title"))
    style_axes(ax)
    ax.legend(fontsize=8)
    return fig


def plot_class_scores(spec: EastSpec, before: dict, mean: dict) -> svgplot.Figure:
    """The class overview's version of :func:`plot_scores` (an SVG figure):
    per EAST letter the original letter's share (hatched) and the class mean
    of the rewrites (solid)."""
    fig = svgplot.Figure(figsize=(7.6, 3.3))
    ax = fig.add_subplot()
    _bars(ax, before, mean, t("east_letter.class_mean"))
    ax.set_ylim(0, 105)
    ax.set_ylabel(t("east_letter.axis"))
    ax.set_title(t("east_letter.class_plot_title"))
    style_axes(ax)
    ax.legend(fontsize=8)
    return fig


def score_changes(before: dict, after: dict, names: bool = False) -> str:
    """``E 20% → 100%, A ...`` per EAST letter with checks (``names``: the
    letters' names instead of the bare letters)."""
    return ", ".join(
        f"{letter_name(x).replace(chr(10), ' ') if names else x} {round(100 * before[x])}% → {round(100 * after[x])}%"
        for x in EAST if before[x] is not None)


def score_caption(model: LetterRewrite, before: dict) -> str:
    """The figure's caption: the change per EAST letter and the rewrite's length."""
    return t("east_letter.caption", scores=score_changes(before, model.scores(), names=True),
             n=model.words)


def checklist_html(model: LetterRewrite) -> str:
    """Every check with its letter, passed by the original and by the rewrite, and its tip (HTML table);
    beneath it the Awb notice when the rewrite offers an objection."""
    spec = model.spec
    results, original = model.results(), evaluate(spec, spec.letter)
    rows = "".join(
        f"<tr><td>{esc(c.letter)}</td><td>{esc(c.label)}</td><td>{'✓' if original[c.key] else '✗'}</td>"
        f"<td><b>{'✓' if results[c.key] else '✗'}</b></td><td><small>{esc(c.help)}</small></td></tr>"
        for c in spec.checks)
    return (
        f"<table style='border-collapse:collapse' cellpadding='3'><caption style='text-align:left'>"
        f"{esc(t('east_letter.table_caption'))}</caption><tr><th scope='col'>EAST</th>"
        f"<th scope='col'>{esc(t('east_letter.col_check'))}</th><th scope='col'>{esc(t('east_letter.original'))}</th>"
        f"<th scope='col'>{esc(t('east_letter.yours'))}</th><th scope='col'>{esc(t('east_letter.col_tip'))}</th></tr>"
        f"{rows}</table><p><small>{esc(t('east_letter.heuristic_note'))}</small></p>"
        + (f"<p style='color:#8a1c1c'><b>{esc(t('east_letter.awb_objection'))}</b></p>" if model.objection_clause
           else ""))
