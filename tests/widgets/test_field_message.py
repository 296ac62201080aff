"""A refusal shown beside the control that refused it (ExerciseFrame.guard
with field_message and refused_puts_back), headless."""

import ipywidgets as widgets
import pytest

from lst_kit.errors import InputError
from lst_kit.widgets import INVALID_CLASS, ExerciseFrame, FieldMessage, typed_number
from lst_kit.workbook import open_workbook


class Probe(ExerciseFrame):
    """A frame with two number fields (one with a field message) and a button without."""

    def __init__(self, workbook):
        super().__init__("m9.probe", "Probe", workbook)
        self.value = 0.5
        self.a = widgets.Text(value="0,5", continuous_update=False)
        self.b = widgets.Text(value="0,5", continuous_update=False)
        self.message = self.field_message(self.a, self.b)
        self.button = widgets.Button()
        for box in (self.a, self.b):
            box.observe(self.guard(lambda c, w=box: self._typed(w, c)), names="value")
        self.button.on_click(self.guard(lambda _: self._refuse()))
        self.set_body(self.a, self.b, self.message, self.button)

    def _typed(self, widget, change):
        if self._syncing:
            return
        with self.refused_puts_back(widget, lambda: change["old"]):
            value = typed_number(change["new"], "Kans", "0,05")
            if not 0 <= value <= 1:
                raise InputError("Kans", "een kans van 0 tot en met 1", value)
        self.value = value

    def _refuse(self):
        raise InputError("Knop", "niets", "x")


@pytest.fixture
def probe(tmp_path):
    return Probe(open_workbook("anna", tmp_path / "wb"))


def test_a_refusal_shows_beside_its_field_marks_it_and_puts_the_value_back(probe):
    probe.a.value = "1,5"
    assert isinstance(probe.message, FieldMessage)
    assert "Kans: toegestaan is een kans van 0 tot en met 1; ingevuld was: 1,5." in probe.message.message
    assert INVALID_CLASS in probe.a._dom_classes and INVALID_CLASS not in probe.b._dom_classes
    assert probe.a.value == "0,5" and probe.value == 0.5 and probe.banner.message == ""
    assert probe.refusal == probe.message.message
    shown = probe.message.shown
    probe.a.value = "1,5"  # the same refusal again: shown (and scrolled to) again
    assert probe.message.shown == shown + 1
    probe.b.value = "0,25"  # a good edit clears message and mark
    assert probe.value == 0.25 and probe.message.message == "" and INVALID_CLASS not in probe.a._dom_classes
    probe.b.value = "veel"
    assert "een getal, bijvoorbeeld 0,05" in probe.message.message and INVALID_CLASS in probe.b._dom_classes


def test_a_control_without_a_field_message_uses_the_banner(probe):
    probe.a.value = "2"
    probe.button.click()
    assert "Knop" in probe.banner.message and probe.message.message == ""
    assert INVALID_CLASS not in probe.a._dom_classes
