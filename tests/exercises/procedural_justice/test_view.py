"""E5.3 view without a browser: move a slider, assert on model, workbook and page."""

import json

import pytest

import lst_kit
from lst_kit.workbook import open_workbook

EXERCISE = "m5.procedurele_rechtvaardigheid"


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"].get(EXERCISE)


def test_slider_saves_and_shows_tip(wb):
    view = lst_kit.procedural_justice(EXERCISE, workbook=wb)
    assert "Illustratief" in view.label.value
    view.sliders["neutraliteit"].value = 1
    assert on_disk(wb) == {"scores": {"inspraak": 3, "neutraliteit": 1, "respect": 3, "vertrouwen": 3}}
    assert view.model.score("neutraliteit") == 1
    assert "<b>Neutraliteit</b>" in view.tips.value and view.figure.draws == 2
    assert "Laagst gescoord: Neutraliteit" in view.figure.value
    again = lst_kit.procedural_justice(EXERCISE, workbook=open_workbook("anna", wb.folder))
    assert again.indicator.state == "loaded" and again.sliders["neutraliteit"].value == 1


def test_a_saved_answer_of_the_old_kit_is_shown(wb):
    wb.save_answer(EXERCISE, {"scores": {"inspraak": 5, "neutraliteit": 2, "respect": 4, "vertrouwen": 2}})
    view = lst_kit.procedural_justice(EXERCISE, workbook=open_workbook("anna", wb.folder))
    assert [view.sliders[k].value for k in ("inspraak", "neutraliteit", "respect", "vertrouwen")] == [5, 2, 4, 2]
    assert "<b>Neutraliteit</b>" in view.tips.value and "<b>Vertrouwen</b>" in view.tips.value


def test_a_broken_spec_is_a_dutch_banner_not_a_traceback(data, wb):
    path = data / "exercises" / "m5" / "procedurele_rechtvaardigheid.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("illustratief: true", "illustratief: false"),
                    encoding="utf-8")
    view = lst_kit.procedural_justice(EXERCISE, workbook=wb)
    assert "procedurele_rechtvaardigheid.yaml" in view.message and "curve.illustratief" in view.message
