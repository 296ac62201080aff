"""The Sparrow canvas as the participant reads it back: the one-page project
charter, the warnings and the scale feedback (HTML, every participant text
escaped), and the class picture (an :mod:`lst_kit.figures.svgplot` figure).
Pure functions of the model and spec."""

from __future__ import annotations

import html

from ...figures import svgplot
from ...figures.style import PALETTE, style_axes
from ...i18n import t
from .model import INDICATOR_FIELD, MEASURE, Canvas, SparrowSpec

__all__ = ["charter_html", "paragraphs_html", "plot_class", "scale_feedback_html", "warnings_html"]


def _esc(text) -> str:
    return html.escape(str(text), quote=True)


def paragraphs_html(text: str) -> str:
    """Participant text escaped, its line breaks kept."""
    return _esc(text).replace("\n", "<br>")


# -- the charter --------------------------------------------------------------

def charter_html(model: Canvas, case_label: str | None = None) -> str:
    """The one-page project charter as HTML; every participant text escaped."""
    spec = model.spec
    empty = f"<span style='color:#777'>{_esc(t('sparrow_canvas.charter_empty'))}</span>"
    definition = model.definition()
    heading = definition.splitlines()[0] if definition else t("sparrow_canvas.charter_untitled")
    meta = []
    if case_label:
        meta.append(f"<b>{_esc(t('sparrow_canvas.charter_case'))}</b> {_esc(case_label)}")
    scale = model.scale_option()
    meta.append(f"<b>{_esc(t('sparrow_canvas.charter_scale'))}</b> "
                + (f"{_esc(scale.label)}: {_esc(scale.description)}" if scale else empty))
    dims = [d.label for d in model.chosen_dimensions()]
    meta.append(f"<b>{_esc(t('sparrow_canvas.charter_dimensions'))}</b> " + (_esc(", ".join(dims)) if dims else empty))
    parts = [
        "<div class='lst-charter' style='border:1px solid #999;padding:10px 14px;max-width:46em;background:#fff'>",
        f"<div style='font-size:85%;color:#555'>{_esc(t('sparrow_canvas.charter_title'))}</div>",
        f"<h3 style='margin:2px 0 6px 0'>{_esc(heading)}</h3>",
        "<p style='margin:0 0 8px 0'>" + "<br>".join(meta) + "</p>",
    ]
    for stage in spec.stages:
        parts.append(f"<h4 style='margin:8px 0 2px 0'>{_esc(stage.title)}</h4>")
        rows = []
        for fld in stage.fields:
            value = model.text(stage.key, fld.key).strip()
            if stage.key == MEASURE and fld.key == INDICATOR_FIELD and value:
                items = "".join(
                    f"<li>{_esc(i)}{' <i>(' + _esc(t('sparrow_canvas.output_tag')) + ')</i>' if model.is_output(i) else ''}</li>"
                    for i in model.indicators())
                rows.append(f"<div><b>{_esc(fld.label)}</b><ul style='margin:0'>{items}</ul></div>")
            else:
                rows.append(f"<div><b>{_esc(fld.label)}</b><br>{paragraphs_html(value) if value else empty}</div>")
        ticked = model.ticked(stage.key)
        if ticked:
            rows.append("<div style='color:#333'>" + "<br>".join(f"✓ {_esc(c.label)}" for c in ticked) + "</div>")
        parts.append("".join(rows))
    notes = model.warnings()
    if notes:
        parts.append(f"<h4 style='margin:8px 0 2px 0'>{_esc(t('sparrow_canvas.charter_notes'))}</h4><ul style='margin:0'>"
                     + "".join(f"<li>{_esc(w.text)}</li>" for w in notes) + "</ul>")
    parts.append("</div>")
    return "".join(parts)


def warnings_html(model: Canvas) -> str:
    """The canvas's warnings as coloured notes (HTML, for screen readers a status)."""
    notes = model.warnings()
    if not notes:
        return ""
    colours = {"warn": ("#fff4d6", "#5c4400", "⚠"), "info": ("#e8f1fb", "#0b3d6e", "ℹ")}
    out = []
    for w in notes:
        bg, fg, icon = colours[w.kind]
        out.append(f"<div role='status' style='background:{bg};color:{fg};padding:6px 10px;border-radius:4px;"
                   f"margin:3px 0'>{icon} {_esc(w.text)}</div>")
    return "".join(out)


def scale_feedback_html(model: Canvas) -> str:
    """The feedback on the chosen scale: green for the recommended one (HTML)."""
    option = model.scale_option()
    if option is None:
        return f"<span style='color:#555'>{_esc(t('sparrow_canvas.scale_choose'))}</span>"
    bg, fg = ("#e6f4ec", "#0b5d3b") if option.recommended else ("#fff4d6", "#5c4400")
    return (f"<div role='status' style='background:{bg};color:{fg};padding:6px 10px;border-radius:4px'>"
            f"<b>{_esc(option.label)}</b>: {_esc(option.feedback)}</div>")


def plot_class(spec: SparrowSpec, scale_counts: dict, dim_counts: dict, total: int) -> svgplot.Figure:
    """Two bar charts: chosen scale, and dimensions used, over the class
    (an :mod:`lst_kit.figures.svgplot` figure: the class overview needs no matplotlib)."""
    fig = svgplot.Figure(figsize=(8.0, 3.4))
    left, right = fig.subplots(1, 2, width_ratios=[1, 2])
    labels = [s.label for s in spec.scales]
    values = [scale_counts[s.key] for s in spec.scales]
    bars = left.bar(range(len(labels)), values,
                    color=[PALETTE[2] if s.recommended else PALETTE[4] for s in spec.scales], edgecolor="#333333")
    for bar, s in zip(bars, spec.scales):
        if s.recommended:
            bar.set_hatch("//")
    left.set_xticks(range(len(labels)), labels)
    left.locator_params(axis="y", integer=True)
    left.set_title(t("sparrow_canvas.class_plot_scale"))
    left.set_ylabel(t("sparrow_canvas.class_axis_n", total=total))
    dims = [d.label for d in spec.dimensions]
    right.barh(range(len(dims)), [dim_counts[d.key] for d in spec.dimensions], color=PALETTE[0])
    right.set_yticks(range(len(dims)), dims)
    right.invert_yaxis()
    right.locator_params(axis="x", integer=True)
    right.set_title(t("sparrow_canvas.class_plot_dims"))
    right.set_xlabel(t("sparrow_canvas.class_axis_n", total=total))
    for ax in (left, right):
        style_axes(ax)
    return fig
