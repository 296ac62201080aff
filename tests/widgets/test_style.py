"""The kit's CSS and the side-by-side layout, headless: every exercise
carries the CSS, the focus colour is readable, and controls sit next to
their result in the risk matrix and the Tafel van Elf."""

from __future__ import annotations

import re

import ipywidgets as widgets

import lst_kit
from lst_kit.widgets import side_by_side
from lst_kit.widgets.style import FOCUS_COLOUR, KIT_CSS
from lst_kit.workbook import open_workbook


def luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_focus_colour_has_3_to_1_against_white_and_button_grey():
    # the backgrounds a focused control sits on: the page, and ipywidgets' button grey
    for background in ("#ffffff", "#eeeeee", "#f5f5f5"):
        assert contrast(FOCUS_COLOUR, background) >= 3.0, background


def test_css_gives_every_kind_of_control_a_3px_focus_outline_and_wraps_rows():
    focus_rule = re.search(r"([^{}]+)\{\s*outline: 3px solid (#[0-9a-f]{6}) !important", KIT_CSS)
    assert focus_rule and focus_rule.group(2) == FOCUS_COLOUR
    for control in ("input", "select", "textarea", "button", '[role="tab"]'):
        assert f".lst-exercise {control}:focus-visible" in focus_rule.group(1)
    assert re.search(r"\.lst-exercise \.widget-hbox \{[^}]*flex-wrap: wrap", KIT_CSS)
    assert re.search(r"\.lst-exercise \.jupyter-widgets \{[^}]*max-width: 100%", KIT_CSS)


def test_every_exercise_carries_the_css(tmp_path):
    wb = open_workbook("anna", tmp_path)
    for view in (lst_kit.reflection("m1.reflectie_wrr", workbook=wb), lst_kit.portfolio_button("anna", tmp_path)):
        html = "".join(w.value for w in view.children if isinstance(w, widgets.HTML))
        assert "<style data-lst-kit-css>" in html and FOCUS_COLOUR in html


def test_side_by_side_wraps_a_control_column_and_a_result():
    a, b, c = widgets.IntSlider(), widgets.HTML("x"), widgets.HTML("y")
    row = side_by_side([a], [b, c])
    assert isinstance(row, widgets.HBox) and "lst-side-by-side" in row._dom_classes
    left, right = row.children
    assert left.children == (a,) and right.children == (b, c)
    assert "lst-controls" in left._dom_classes and "lst-result" in right._dom_classes


def _row_holding(view, *parts):
    """The side-by-side row in ``view``'s body that holds all ``parts``."""
    def holds(widget, target):
        return widget is target or any(holds(ch, target) for ch in getattr(widget, "children", ()))
    return [row for row in view.body.children if "lst-side-by-side" in getattr(row, "_dom_classes", ())
            and all(holds(row, p) for p in parts)]


def test_risk_matrix_shows_its_ranking_beside_the_matrix(tmp_path):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=open_workbook("anna", tmp_path))
    rows = _row_holding(view, view.figure, view.table)
    assert len(rows) == 1
    assert rows[0].children[0] is view.figure  # matrix left, ranking right


def test_tafel_van_elf_shows_the_radar_beside_the_sliders(tmp_path):
    view = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=open_workbook("anna", tmp_path))
    first = next(iter(view.sliders.values()))
    rows = _row_holding(view, first, view.radar)
    assert len(rows) == 1
    controls, result = rows[0].children
    assert all(_holds_any(controls, s) for s in view.sliders.values()) and _holds_any(result, view.radar)


def _holds_any(widget, target) -> bool:
    return widget is target or any(_holds_any(ch, target) for ch in getattr(widget, "children", ()))
