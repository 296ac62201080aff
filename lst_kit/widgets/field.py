"""A refusal shown where it happened: :class:`FieldMessage` is a small
message placed next to the control(s) it speaks for.

:meth:`ExerciseFrame.guard` fills it when a model refuses an input made in
one of those controls (see :meth:`ExerciseFrame.field_message`): the message
appears beside the control (``role="alert"``, so a screen reader reads it),
the control gets the CSS class ``lst-invalid`` (a red outline) and
``aria-invalid="true"``, and the message is scrolled into view. Python code
and headless tests read ``message``; the browser part only draws.
"""

from __future__ import annotations

import anywidget
import traitlets

__all__ = ["INVALID_CLASS", "FieldMessage", "typed_number"]

#: The CSS class a control gets while its last input was refused.
INVALID_CLASS = "lst-invalid"

_ESM = r"""
function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "lst-field-message";
  box.setAttribute("role", "alert");
  el.append(box);
  function mark() {
    // aria-invalid on the inputs of the controls marked lst-invalid (ipywidgets sets the class on
    // the control's outer element; the input inside is what assistive technology reads)
    const scope = el.closest(".lst-exercise") || document;
    scope.querySelectorAll("input, select, textarea").forEach((input) => {
      if (input.closest(".lst-invalid")) input.setAttribute("aria-invalid", "true");
      else if (input.getAttribute("aria-invalid") === "true") input.removeAttribute("aria-invalid");
    });
  }
  function sync() {
    const text = model.get("message");
    box.textContent = text;
    box.style.display = text ? "block" : "none";
    // after the class change of the control has reached the page
    setTimeout(mark, 0);
    if (text) {
      setTimeout(() => {
        const r = box.getBoundingClientRect();
        if (r.top < 0 || r.bottom > (window.innerHeight || document.documentElement.clientHeight)) {
          box.scrollIntoView({ block: "center" });
        }
      }, 0);
    }
  }
  model.on("change:message", sync);
  model.on("change:shown", sync);
  sync();
  return () => { model.off("change:message", sync); model.off("change:shown", sync); };
}
export default { render };
"""

_CSS = """
.lst-field-message { color: #8a1c1c; background: #fdecea; border-left: 4px solid #b3261e;
  padding: 3px 8px; margin: 2px 0 4px 0; border-radius: 3px; white-space: pre-wrap; max-width: 60em; }
.lst-invalid input, .lst-invalid select, .lst-invalid textarea, input.lst-invalid {
  outline: 2px solid #b3261e !important; outline-offset: 1px; border-color: #b3261e !important; }
"""


class FieldMessage(anywidget.AnyWidget):
    """The refusal message of one control (or a row of controls); hidden
    while empty."""

    _esm = _ESM
    _css = _CSS
    message = traitlets.Unicode("").tag(sync=True)
    #: Raised on every :meth:`show`, so the same message scrolls into view again.
    shown = traitlets.Int(0).tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("lst-field-msg")

    def show(self, message: str) -> None:
        self.message = message
        self.shown += 1

    def clear(self) -> None:
        self.message = ""


def typed_number(text, field: str, example: str) -> float:
    """A number typed into a text field, with a decimal comma or point
    (:func:`lst_kit.i18n.parse_number`); InputError naming ``field`` and an
    ``example`` of what is allowed when it is no number at all."""
    from ..errors import InputError
    from ..i18n import parse_number, t

    try:
        return parse_number(text)
    except ValueError:
        raise InputError(field, t("input.not_a_number", example=example), text) from None
