"""Multiple-choice check, the view (headless)."""

import json

import pytest

import lst_kit
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_multiple_choice_feedback_and_save(wb):
    view = lst_kit.multiple_choice("m1.definitie", workbook=wb)
    assert view.feedback.value == ""
    right = next(i for i, o in enumerate(view.spec.options) if o.correct)
    wrong = (right + 1) % len(view.spec.options)
    view.options.value = wrong
    assert "Niet helemaal" in view.feedback.value
    assert on_disk(wb)["m1.definitie"]["correct"] is False
    view.options.value = right
    assert "Goed." in view.feedback.value
    assert on_disk(wb)["m1.definitie"] == {"choice": right, "option": view.spec.options[right].text, "correct": True}
    again = lst_kit.multiple_choice("m1.definitie", workbook=wb)
    assert again.options.value == right and "Goed." in again.feedback.value
