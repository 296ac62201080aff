"""Reflection question, the view (headless): typing saves, the count follows."""

import json

import pytest

import lst_kit
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_reflection_saves_as_typed_and_comes_back(wb):
    view = lst_kit.reflection("m1.reflectie_wrr", workbook=wb)
    assert view.indicator.state == "empty"
    view.text.value = "De WRR-kritiek geldt nog steeds."
    assert on_disk(wb)["m1.reflectie_wrr"] == {"text": "De WRR-kritiek geldt nog steeds."}
    assert view.indicator.state == "saved"
    assert "5 woorden" in view.count.value
    again = lst_kit.reflection("m1.reflectie_wrr", workbook=open_workbook("anna", wb.folder))
    assert again.text.value == "De WRR-kritiek geldt nog steeds."
    assert again.indicator.state == "loaded"


def test_reflection_too_long_shows_dutch_message_and_keeps_saved_text(wb):
    view = lst_kit.reflection("m1.reflectie_wrr", workbook=wb)
    view.text.value = "bewaard"
    view.text.value = "x" * 20001
    assert "Jouw antwoord" in view.banner.message and "20001 tekens" in view.banner.message
    assert "Traceback" not in view.banner.value
    assert on_disk(wb)["m1.reflectie_wrr"] == {"text": "bewaard"}
    view.text.value = "weer kort"
    assert view.banner.message == ""
    assert on_disk(wb)["m1.reflectie_wrr"] == {"text": "weer kort"}


def test_prompt_and_guiding_questions_are_shown_escaped(wb):
    view = lst_kit.reflection("m1.reflectie_wrr", workbook=wb)
    assert view.spec.prompt.split()[0] in view.prompt.value
    assert view.prompt.value.count("<li>") == len(view.spec.guiding_questions)
    if view.spec.min_words:
        assert str(view.spec.min_words) in view.count.value


def test_the_package_import_does_not_build_a_view():
    from lst_kit.exercises import reflection

    assert reflection.__all__ == ["reflection"]
    assert callable(reflection.reflection)
