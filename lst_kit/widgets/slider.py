"""Accessible controls that ipywidgets lacks.

ipywidgets 8 draws sliders with noUiSlider, whose handle (``role="slider"``)
gets no accessible name, so a screen reader announces an unnamed slider
(axe: ``aria-input-field-name``, serious). :class:`Slider` is a small
anywidget around a native ``<input type="range">`` with a ``<label>`` and an
``<output>``: keyboard, screen readers and touch work as the browser
provides. Python code uses it like ``ipywidgets.IntSlider``/``FloatSlider``:
``value``, ``min``, ``max``, ``step``, ``description``, ``observe``.
"""

from __future__ import annotations

import anywidget
import traitlets

__all__ = ["FloatSlider", "IntSlider"]

_ESM = r"""
let counter = 0;
function render({ model, el }) {
  // unique per page: each widget may get its own copy of this module (counter restarts at 0), so add randomness
  const id = `lst-range-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${counter++}`;
  const row = document.createElement("div");
  row.className = "lst-slider";
  row.style.cssText = "display:flex;align-items:center;gap:0.6em;margin:2px 0;";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.style.cssText = "flex:0 0 auto;text-align:right;";
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  input.style.cssText = "flex:1 1 auto;min-width:8em;max-width:22em;accent-color:#0072B2;";
  const out = document.createElement("output");
  out.htmlFor = id;
  out.style.cssText = "flex:0 0 3.5em;font-variant-numeric:tabular-nums;";
  const decimals = () => model.get("decimals");
  const show = (v) => Number(v).toFixed(decimals()).replace(".", ",");
  function sync() {
    label.textContent = model.get("description");
    label.style.width = model.get("label_width");
    input.min = model.get("min");
    input.max = model.get("max");
    input.step = model.get("step");
    input.value = model.get("value");
    input.title = model.get("tooltip") || "";
    out.textContent = show(model.get("value"));
    input.setAttribute("aria-valuetext", show(model.get("value")));
  }
  input.addEventListener("input", () => {
    out.textContent = show(input.value);
    input.setAttribute("aria-valuetext", show(input.value));
    if (model.get("continuous_update")) { model.set("value", Number(input.value)); model.save_changes(); }
  });
  input.addEventListener("change", () => { model.set("value", Number(input.value)); model.save_changes(); });
  model.on("change", sync);
  sync();
  row.append(label, input, out);
  el.append(row);
  return () => model.off("change", sync);
}
export default { render };
"""


class _Slider(anywidget.AnyWidget):
    _esm = _ESM
    description = traitlets.Unicode("").tag(sync=True)
    tooltip = traitlets.Unicode("", allow_none=True).tag(sync=True)
    continuous_update = traitlets.Bool(False).tag(sync=True)
    label_width = traitlets.Unicode("12em").tag(sync=True)
    decimals = traitlets.Int(0).tag(sync=True)

    def __init__(self, *, style=None, readout_format=None, **kwargs):
        # ipywidgets-style arguments: description_width -> label_width
        if style and "description_width" in style and style["description_width"] != "initial":
            kwargs.setdefault("label_width", style["description_width"])
        if style and style.get("description_width") == "initial":
            kwargs.setdefault("label_width", "auto")
        if kwargs.get("tooltip") is None:
            kwargs["tooltip"] = ""
        value = kwargs.pop("value", None)
        super().__init__(**kwargs)  # min and max first, so the value is clipped to the right range
        if value is not None:
            self.value = value

    @traitlets.validate("value")
    def _clip(self, proposal):
        return min(max(proposal["value"], self.min), self.max)


class IntSlider(_Slider):
    value = traitlets.Int(0).tag(sync=True)
    min = traitlets.Int(0).tag(sync=True)
    max = traitlets.Int(100).tag(sync=True)
    step = traitlets.Int(1).tag(sync=True)


class FloatSlider(_Slider):
    value = traitlets.Float(0.0).tag(sync=True)
    min = traitlets.Float(0.0).tag(sync=True)
    max = traitlets.Float(1.0).tag(sync=True)
    step = traitlets.Float(0.1).tag(sync=True)
    decimals = traitlets.Int(2).tag(sync=True)
