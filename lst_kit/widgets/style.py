"""The kit's own CSS, carried inside every exercise's header (a ``<style>``
element in an ``HTML`` widget works alike in JupyterLab and Voilà, and needs
no extension or template). The rules apply only inside ``.lst-exercise``.

- Nothing in a widget is clipped: rows wrap, controls never grow past the
  width they have, long labels (descriptions, checkboxes, tab titles) wrap
  instead of ending in "…".
- Every control shows a focus outline of 3 px in ``FOCUS_COLOUR`` (6.9:1 on
  white, 5.9:1 on the light grey of a button: WCAG 2.4.7 and 1.4.11 ask 3:1).
- :func:`side_by_side` puts a control column and its result next to each
  other where the width allows, one above the other where it does not.
"""

from __future__ import annotations

import ipywidgets as widgets

__all__ = ["FOCUS_COLOUR", "KIT_CSS", "side_by_side", "style_html"]

#: The focus outline's colour: dark blue, 6.9:1 against white.
FOCUS_COLOUR = "#0b4f9c"

KIT_CSS = """
.lst-exercise { max-width: 100%; box-sizing: border-box; }
.lst-exercise .jupyter-widgets { max-width: 100%; box-sizing: border-box; }
.lst-exercise .widget-hbox { flex-wrap: wrap; row-gap: 2px; }
.lst-exercise .widget-hbox > .jupyter-widgets, .lst-exercise .widget-vbox > .jupyter-widgets { min-width: 0; }
.lst-exercise .widget-inline-hbox { flex-wrap: wrap; height: auto; min-height: var(--jp-widgets-inline-height, 28px); }
.lst-exercise .widget-inline-hbox > .widget-label {
  white-space: normal; overflow: visible; text-overflow: clip; height: auto; min-height: var(--jp-widgets-inline-height, 28px);
  line-height: 1.25; display: flex; align-items: center; max-width: 100%;
}
.lst-exercise .widget-inline-hbox > input, .lst-exercise .widget-inline-hbox > select,
.lst-exercise .widget-inline-hbox > textarea { min-width: 4em; max-width: 100%; }
.lst-exercise .widget-checkbox { height: auto; }
.lst-exercise .widget-checkbox .widget-label-basic, .lst-exercise .widget-checkbox .widget-label-basic span {
  white-space: normal; overflow: visible; text-overflow: clip; height: auto; line-height: 1.25;
}
.lst-exercise .widget-radio-box label, .lst-exercise .widget-toggle-buttons .widget-toggle-button {
  white-space: normal; height: auto; min-height: var(--jp-widgets-inline-height, 28px);
}
.lst-exercise .widget-toggle-buttons .widget-toggle-button { max-width: 100%; }
.lst-exercise .widget-toggle-buttons { flex-wrap: wrap; height: auto; }
.lst-exercise .widget-button { height: auto; min-height: var(--jp-widgets-inline-height, 28px); white-space: normal; }
.lst-exercise .lm-TabBar.widget-tab-bar { height: auto !important; min-height: var(--jp-widgets-horizontal-tab-height, 24px); overflow: visible !important; }
.lst-exercise .widget-tab-bar .lm-TabBar-content { flex-wrap: wrap !important; height: auto !important; }
.lst-exercise .widget-tab-bar .lm-TabBar-tab {
  flex: 0 1 auto !important; max-width: 100% !important; min-width: 0 !important; height: auto !important;
  min-height: var(--jp-widgets-horizontal-tab-height, 24px);
}
.lst-exercise .widget-tab-bar .lm-TabBar-tabLabel { overflow: visible !important; text-overflow: clip !important; white-space: normal !important; }
.lst-exercise .lst-side-by-side { flex-wrap: wrap; align-items: flex-start; gap: 8px 24px; }
.lst-exercise .lst-side-by-side > .lst-controls { flex: 1 1 34em; min-width: 0; }
.lst-exercise .lst-side-by-side > .lst-result { flex: 1 1 30em; min-width: 0; position: sticky; top: 0; }
.lst-exercise img { max-width: 100%; height: auto; }
.lst-exercise input:focus-visible, .lst-exercise select:focus-visible, .lst-exercise textarea:focus-visible,
.lst-exercise button:focus-visible, .lst-exercise [role="tab"]:focus-visible, .lst-exercise summary:focus-visible,
.lst-exercise a:focus-visible, .lst-exercise [tabindex]:focus-visible,
.lst-exercise input:focus, .lst-exercise select:focus, .lst-exercise textarea:focus {
  outline: 3px solid FOCUS !important; outline-offset: 1px !important;
}
.lst-exercise button:focus:not(:focus-visible) { outline: none !important; }
a.lst-download {
  display: inline-block; padding: 6px 14px; border-radius: 4px; background: #0b4f9c; color: #ffffff !important;
  text-decoration: none; font-weight: 600; margin: 4px 0;
}
a.lst-download:hover { background: #083b75; }
a.lst-download:focus-visible { outline: 3px solid FOCUS; outline-offset: 2px; }
""".replace("FOCUS", FOCUS_COLOUR)


def style_html() -> str:
    """The kit's CSS as a ``<style>`` element, to put inside an HTML widget."""
    return f"<style data-lst-kit-css>{KIT_CSS}</style>"


def side_by_side(controls, result, **box) -> widgets.HBox:
    """``controls`` (a widget or a list of widgets) left and ``result`` right
    where the width allows, stacked where it does not (a wrapping flex row):
    the participant sees the effect of a change next to the control."""
    left = controls if isinstance(controls, widgets.Widget) else widgets.VBox(list(controls))
    right = result if isinstance(result, widgets.Widget) else widgets.VBox(list(result))
    left.add_class("lst-controls")
    right.add_class("lst-result")
    row = widgets.HBox([left, right], **box)
    row.add_class("lst-side-by-side")
    return row
