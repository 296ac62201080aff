"""The intervention matrix, drawn: the participant's matrix (and the
reference beside it), the class's agreement per cell, and the texts that
read them. Pure functions of the model and the setup."""

from __future__ import annotations

import textwrap
from html import escape

from ...figures import svgplot
from ...figures.style import PALETTE, SEQUENTIAL
from ...i18n import t
from .model import LEVELS, Catalogue, Difference, InterventionMatrix, MatrixSetup, compare_cells, level_range

__all__ = ["COLOUR_BAR", "MAX_IN_CELL_LINES", "cell_lines", "comparison_html", "difference_parts", "esc", "MIN_FONT", "wrapped_cell_lines", "level_colours", "names",
           "plot_class_agreement", "plot_matrix", "range_text", "situation_text", "summary_text", "table_html",
           "text_colour"]

MAX_IN_CELL_LINES = 4
#: The smallest text in the matrix, in points (10.4 px in the SVG): shown at
#: the width an 800 px window leaves (about 0.89 of the figure) it is still
#: more than 9 px. Longer names wrap inside their cell instead of shrinking.
MIN_FONT = 7.5
#: Characters per line inside a cell (a 1.75 in cell holds about 26 at MIN_FONT).
CELL_WRAP = 20
COLOUR_BAR = 0.55  # room right of the last matrix for the colour scale, in cell widths


def esc(text) -> str:
    """``text`` made safe inside HTML (figures import no widgets)."""
    return escape(str(text), quote=True)


def level_colours() -> dict[int, tuple]:
    """Pyramid level -> colour: light at the base, dark at the top (cividis,
    readable in grey). Shared with the enforcement pyramid."""
    cmap = svgplot.colormap(SEQUENTIAL).reversed()
    return {lv: cmap(0.08 + 0.84 * (lv - 1) / 5) for lv in LEVELS}


def text_colour(rgba) -> str:
    """Black or white, whichever reads on ``rgba``."""
    r, g, b = rgba[:3]
    return "#000000" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else "#ffffff"


def range_text(rng: tuple[int, int] | None) -> str:
    if rng is None:
        return "–"
    lo, hi = rng
    return t("intervention_matrix.level_one", level=lo) if lo == hi else t("intervention_matrix.level_range",
                                                                              lo=lo, hi=hi)


def names(catalogue: Catalogue, ids) -> str:
    """The labels of ``ids``, or a word for an empty cell."""
    return ", ".join(catalogue.item(i).label for i in ids) or t("intervention_matrix.empty")


def difference_parts(catalogue: Catalogue, diff: Difference) -> str:
    """What differs in one cell: only the sides that have something ("alleen
    bij jou: X; alleen in de referentie: Y"), never "alleen bij jou (niets)"."""
    parts = [t(key, names=names(catalogue, ids)) for key, ids in
             (("intervention_matrix.only_mine", diff.only_mine), ("intervention_matrix.only_reference", diff.only_reference))
             if ids]
    return "; ".join(parts)


def cell_lines(catalogue: Catalogue, ids, max_lines: int) -> list[str]:
    shorts = [catalogue.item(i).short for i in ids]
    if len(shorts) > max_lines:
        shorts = shorts[:max_lines - 1] + [t("intervention_matrix.more", n=len(shorts) - max_lines + 1)]
    return shorts


def wrapped_cell_lines(catalogue: Catalogue, ids, max_lines: int) -> list[str]:
    """The short names in a cell, each wrapped at ``CELL_WRAP`` characters,
    at most ``max_lines`` lines (the last one says how many more)."""
    shorts = [catalogue.item(i).short for i in ids]
    lines: list[list[str]] = [textwrap.wrap(s, CELL_WRAP, break_long_words=False) or [s] for s in shorts]
    out: list[str] = []
    for n, wrapped in enumerate(lines):
        left = len(shorts) - n
        if len(out) + len(wrapped) > max_lines or (left > 1 and len(out) + len(wrapped) == max_lines):
            out.append(t("intervention_matrix.more", n=left))
            break
        out.extend(wrapped)
    return out


def _draw_grid(ax, setup: MatrixSetup, cells: dict[str, tuple[str, ...]], title: str, differences: set[str] | None,
               situation: str | None, suggested: str | None, colour_bar: bool) -> None:
    """One matrix: rows are segments (A at the bottom: light lower-left, heavy
    upper-right, as in the LHS), columns the consequence classes; cells
    coloured by their highest level, ``differences`` (None: no marks, the
    reference itself) marked with ``≠`` and a dashed frame."""
    spec, catalogue = setup.spec, setup.catalogue
    nrows, ncols = len(spec.segments), len(spec.classes)
    colours = level_colours()
    small = MIN_FONT
    max_lines = max(2, MAX_IN_CELL_LINES - max(0, nrows - 4))
    marks = differences is not None
    frames = []
    for r, seg in enumerate(spec.segments):
        for c, cls in enumerate(spec.classes):
            cell = f"{seg.key}{cls.key}"
            ids = cells.get(cell, ())
            rng = level_range(catalogue, ids)
            face = colours[rng[1]] if rng else "#ffffff"
            ax.add_patch(svgplot.Rectangle((c, r), 1, 1, facecolor=face, edgecolor="#888888", linewidth=0.8,
                                           hatch=None if rng else ".."))
            ink = text_colour(face) if rng else "#444444"
            differs = marks and bool(ids) and cell in differences  # an empty cell is hatched: plain enough
            key = f"{cell}  ≠" if differs else (f"{cell}  =" if marks and ids else cell)
            ax.text(c + 0.05, r + 0.93, key, ha="left", va="top", fontsize=8, fontweight="bold", color=ink)
            ax.text(c + 0.95, r + 0.05, range_text(rng), ha="right", va="bottom", fontsize=MIN_FONT, color=ink)
            ax.text(c + 0.5, r + 0.47, "\n".join(wrapped_cell_lines(catalogue, ids, max_lines)), ha="center",
                    va="center", fontsize=small, color=ink)
            if differs:
                frames.append(svgplot.Rectangle((c + 0.03, r + 0.03), 0.94, 0.94, fill=False, edgecolor=ink,
                                                linestyle="--", linewidth=1.4))
    rows = [seg.key for seg in spec.segments]
    cols = [cls.key for cls in spec.classes]
    for cell, colour, style in ((situation, PALETTE[5], ":"), (suggested, PALETTE[3], "-")):
        if cell and cell in spec.cell_keys:
            seg, cls = spec.split(cell)
            frames.append(svgplot.Rectangle((cols.index(cls.key), rows.index(seg.key)), 1, 1, fill=False,
                                            edgecolor=colour, linestyle=style, linewidth=4))
    for frame in frames:  # on top of every cell
        ax.add_patch(frame)
    if colour_bar:  # the colour scale beside the matrix, one block per level, as a colour bar
        x0, width, step = ncols + 0.1, 0.1, nrows / len(LEVELS)
        for i, lv in enumerate(LEVELS):
            ax.add_patch(svgplot.Rectangle((x0, i * step), width, step, facecolor=colours[lv], edgecolor="#888888",
                                           linewidth=0.5))
            ax.text(x0 + width + 0.04, (i + 0.5) * step, str(lv), ha="left", va="center", fontsize=MIN_FONT)
        ax.text(x0 + width + 0.2, nrows / 2, t("intervention_matrix.colour_label"), ha="center", va="center",
                fontsize=8, rotation=90)
    ax.set_xlim(0, ncols + (COLOUR_BAR if colour_bar else 0))
    ax.set_ylim(0, nrows)
    ax.set_xticks([c + 0.5 for c in range(ncols)],
                  [f"{cls.key}\n" + textwrap.fill(cls.label, 16) for cls in spec.classes], fontsize=7.5)
    ax.set_yticks([r + 0.5 for r in range(nrows)],
                  [f"{seg.key}\n" + textwrap.fill(seg.label, 14, break_long_words=False) for seg in spec.segments],
                  fontsize=7.5)
    ax.set_xlabel(t("intervention_matrix.axis_classes"), fontsize=8.5)
    ax.set_ylabel(t("intervention_matrix.axis_segments"), fontsize=8.5)
    ax.set_title(title, fontsize=10)
    for side in ax.spines.values():
        side.set_visible(False)


def plot_matrix(setup: MatrixSetup, cells: dict[str, tuple[str, ...]], situation: str | None = None,
                suggested: str | None = None, show_reference: bool = False) -> svgplot.Figure:
    """The participant's matrix (and, if asked, the reference beside it):
    cells coloured by their highest pyramid level (cividis, readable in grey),
    the interventions written in the cells, ``≠`` and a dashed frame where a
    cell differs from the reference, the chosen cell dotted and the suggested
    cell (after aggravating factors) framed. An :mod:`lst_kit.figures.svgplot` figure:
    redrawn whole after every edit in a few ms."""
    ncols = len(setup.spec.classes)
    width = 1.75 * ncols + 1.6
    # with the reference: one above the other, so neither is shrunk to half the width
    fig = svgplot.Figure(figsize=(width, 5.6 * 2 if show_reference else 5.6))
    comp = compare_cells(setup.spec.cell_keys, cells, setup.reference, setup.catalogue.ids)
    if show_reference:
        mine, ref = fig.subplots(2, 1)
        _draw_grid(mine, setup, cells, t("intervention_matrix.plot_mine"), {d.cell for d in comp.differences},
                   situation, suggested, colour_bar=True)
        _draw_grid(ref, setup, dict(setup.reference.cells), setup.reference.title, None, situation, suggested,
                   colour_bar=True)
    else:
        _draw_grid(fig.add_subplot(), setup, cells, t("intervention_matrix.plot_mine"),
                   {d.cell for d in comp.differences}, situation, suggested, colour_bar=True)
    keys = [svgplot.Line2D([], [], color="#222222", linestyle="--", linewidth=1.4, label=t("intervention_matrix.legend_diff"))]
    if situation:
        keys.append(svgplot.Line2D([], [], color=PALETTE[5], linestyle=":", linewidth=3,
                                   label=t("intervention_matrix.legend_situation")))
    if suggested:
        keys.append(svgplot.Line2D([], [], color=PALETTE[3], linestyle="-", linewidth=3,
                                   label=t("intervention_matrix.legend_suggested")))
    fig.legend(handles=keys, fontsize=MIN_FONT)
    return fig


def plot_class_agreement(setup: MatrixSetup, agreement: dict[str, float], modal: dict[str, tuple[str, ...]]):
    """Per cell: the class's most chosen set and how many chose it (an
    :mod:`lst_kit.figures.svgplot` figure: the class overview needs no matplotlib)."""
    spec = setup.spec
    fig = svgplot.Figure(figsize=(1.75 * len(spec.classes) + 1.6, 5.2))
    ax = fig.add_subplot()
    cmap = svgplot.colormap(SEQUENTIAL).reversed()
    for r, seg in enumerate(spec.segments):
        for c, cls in enumerate(spec.classes):
            cell = f"{seg.key}{cls.key}"
            share = agreement.get(cell, 0.0)
            face = cmap(0.1 + 0.8 * share)
            ax.add_patch(svgplot.Rectangle((c, r), 1, 1, facecolor=face, edgecolor="#888888"))
            ink = text_colour(face)
            ax.text(c + 0.05, r + 0.93, f"{cell} · {round(100 * share)}%", ha="left", va="top", fontsize=7.5,
                    fontweight="bold", color=ink)
            ax.text(c + 0.5, r + 0.45, "\n".join(wrapped_cell_lines(setup.catalogue, modal.get(cell, ()), 4)) or "–",
                    ha="center", va="center", fontsize=MIN_FONT, color=ink)
    ax.set_xlim(0, len(spec.classes))
    ax.set_ylim(0, len(spec.segments))
    ax.set_xticks([c + 0.5 for c in range(len(spec.classes))], [cls.key for cls in spec.classes])
    ax.set_yticks([r + 0.5 for r in range(len(spec.segments))], [seg.key for seg in spec.segments])
    ax.set_title(t("intervention_matrix.class_title"))
    steps = [0.0, 0.25, 0.5, 0.75, 1.0]  # the colour scale, in place of a colour bar
    fig.legend(handles=[svgplot.Patch(facecolor=cmap(0.1 + 0.8 * x), edgecolor="#888888", label=f"{round(100 * x)}%")
                        for x in steps], ncols=len(steps), fontsize=8)
    return fig


# -- texts ---------------------------------------------------------------------------

def summary_text(model: InterventionMatrix) -> str:
    """Plain-text reading of the matrix picture (its caption)."""
    comp = model.comparison()
    return t("intervention_matrix.summary", filled=len(model.cells), total=comp.total, equal=comp.equal,
             share=round(100 * comp.consistency))


def situation_text(model: InterventionMatrix) -> list[str]:
    """The chosen situation, where the aggravating factors move it, and what
    the participant and the reference put there."""
    spec, catalogue = model.spec, model.catalogue
    suggested = model.suggested()
    lines = [t("intervention_matrix.situation", cell=spec.cell_label(model.situation))]
    if model.factors:
        factors = ", ".join(a.label for a in spec.aggravating if a.key in model.factors)
        lines.append(t("intervention_matrix.shifted", factors=factors, cell=spec.cell_label(suggested))
                     if suggested != model.situation else t("intervention_matrix.not_shifted", factors=factors))
    if model.get(suggested):
        lines.append(t("intervention_matrix.yours_in", cell=suggested, names=names(catalogue, model.get(suggested)),
                       levels=range_text(model.level_range(suggested))))
    else:
        lines.append(t("intervention_matrix.yours_in_empty", cell=suggested))
    ref = model.setup.reference.get(suggested)
    lines.append(t("intervention_matrix.reference_in", cell=suggested, names=names(catalogue, ref),
                   levels=range_text(level_range(catalogue, ref))))
    if model.criminal_track():
        lines.append(t("intervention_matrix.criminal"))
    return lines


def comparison_html(model: InterventionMatrix) -> str:
    """The comparison with the reference as HTML: the consistency, the
    reference's note and, folded, every differing cell."""
    comp = model.comparison()
    catalogue, reference = model.catalogue, model.setup.reference
    items = "".join(f"<li><b>{esc(d.cell)}</b>: {esc(difference_parts(catalogue, d))}</li>" for d in comp.differences)
    consistency = t("intervention_matrix.consistency", equal=comp.equal, total=comp.total,
                    share=round(100 * comp.consistency))
    return (f"<p><b>{esc(consistency)}</b></p>"
            f"<p><small>{esc(t('intervention_matrix.reference_note', title=reference.title))} "
            f"{esc(reference.note)}</small></p>"
            + (f"<details><summary>{esc(t('intervention_matrix.differences', n=len(comp.differences)))}</summary>"
               f"<ul>{items}</ul></details>" if comp.differences else ""))


def table_html(model: InterventionMatrix) -> str:
    """The matrix as an HTML table (the picture's text alternative): the
    heaviest segment on top, as in the picture."""
    spec, catalogue = model.spec, model.catalogue
    head = f"<tr><th scope='col'>{esc(t('intervention_matrix.col_segment'))}</th>" + "".join(
        f"<th scope='col'>{esc(c.key)} {esc(c.label)}</th>" for c in spec.classes) + "</tr>"
    body = ""
    for seg in reversed(spec.segments):
        body += f"<tr><th scope='row'>{esc(seg.key)} {esc(seg.label)}</th>"
        for cls in spec.classes:
            cell = f"{seg.key}{cls.key}"
            ids = model.get(cell)
            body += (f"<td>{esc(names(catalogue, ids)) if ids else '–'}"
                     f"<br><small>{esc(range_text(model.level_range(cell)))}</small></td>")
        body += "</tr>"
    return (f"<details><summary>{esc(t('intervention_matrix.table'))}</summary>"
            f"<table style='border-collapse:collapse' border='1' cellpadding='3'>{head}{body}</table></details>")
