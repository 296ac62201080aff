"""The enforcement pyramid, headless: set .value, .click(), then assert on
the model, the workbook file and what the participant sees."""

import json

import pytest

import lst_kit
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_pyramid_without_matrix_uses_own_choices(wb):
    view = lst_kit.enforcement_pyramid("m4.piramide", workbook=wb)
    assert view.model.source == "eigen" and view.source.disabled
    assert "nog niet ingevuld" in view.source_note.value
    view.segment_dd.value = "B"
    view.checks["waarschuwing"].value = True
    view.checks["bestuurlijke_boete"].value = True
    saved = on_disk(wb)["m4.piramide"]
    assert saved["own"] == {"B": ["waarschuwing", "bestuurlijke_boete"]} and saved["segment"] == "B"
    assert saved["mix"]["B"] == ["waarschuwing", "bestuurlijke_boete"]
    assert "Trede 2 (Waarschuwen): Waarschuwing met hersteltermijn." in view.reading_box.value
    assert "Er staat niets op de onderste trede" in view.reading_box.value
    assert 'alt="Piramide van zes treden' in view.figure.value


def test_pyramid_reads_the_matrix_from_the_same_workbook(wb):
    pyramid = lst_kit.enforcement_pyramid("m4.piramide", workbook=wb)
    matrix = lst_kit.intervention_matrix("m4.interventiematrix", workbook=wb)
    matrix.cell_dd.value = "D1"
    matrix.checks["proces_verbaal"].value = True
    matrix.cell_dd.value = "D4"
    matrix.checks["intrekking_vergunning"].value = True
    pyramid.reload_button.click()
    assert pyramid.model.source == "matrix" and not pyramid.source.disabled
    pyramid.segment_dd.value = "D"
    assert "Lege treden tussen basis en top: 5" in pyramid.reading_box.value
    assert on_disk(wb)["m4.piramide"]["mix"]["D"] == ["proces_verbaal", "intrekking_vergunning"]
    pyramid.source.value = "eigen"
    assert pyramid.own_box.layout.display is None
    assert on_disk(wb)["m4.piramide"]["mix"]["D"] == []
    fresh = lst_kit.enforcement_pyramid("m4.piramide", workbook=open_workbook("anna", wb.folder))
    assert fresh.model.source == "eigen" and fresh.segment_dd.value == "D" and not fresh.source.disabled


def test_a_pyramid_saved_from_the_matrix_keeps_its_rows_without_the_matrix(wb):
    """Saved from the matrix, shown again in a workbook that no longer holds the matrix answer."""
    wb.save_answer("m4.piramide", {"segment": "D", "source": "matrix", "own": {},
                                   "mix": {"D": ["proces_verbaal", "intrekking_vergunning"]}})
    view = lst_kit.enforcement_pyramid("m4.piramide", workbook=wb)
    assert view.model.source == "matrix" and view.segment_dd.value == "D"
    assert "Lege treden tussen basis en top: 5" in view.reading_box.value
    view.reload_button.click()   # there is no matrix answer to read: the pyramid uses its own choices
    assert view.model.source == "eigen" and view.source.disabled
    assert on_disk(wb)["m4.piramide"]["mix"]["D"] == []
