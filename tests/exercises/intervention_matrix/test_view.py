"""The intervention matrix, headless: set .value, .click(), then assert on
the model, the workbook file and what the participant sees."""

import base64
import json
import re

import pytest
import yaml

import lst_kit
from lst_kit.paths import data_dir
from lst_kit.widgets import ErrorBanner
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def _picture(box) -> str:
    """The SVG text of the picture a FigureBox shows (an svgplot figure, as a data URI)."""
    uri = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', box.value).group(1)
    return base64.b64decode(uri).decode("utf-8")


def test_matrix_cell_edits_reach_the_workbook(wb):
    view = lst_kit.intervention_matrix("m4.interventiematrix", workbook=wb)
    assert view.cell_dd.value == "A1"
    view.checks["informatie"].value = True
    view.checks["overtuigen"].value = True
    assert on_disk(wb)["m4.interventiematrix"]["cells"] == {"A1": ["informatie", "overtuigen"]}
    assert "1 van de 16 cellen ingevuld; 1 cellen (6%) gelijk" in view.figure.value
    view.cell_dd.value = "C3"
    assert not any(box.value for box in view.checks.values())   # C3 is still empty
    view.checks["proces_verbaal"].value = True
    view.checks["bestuurlijke_boete"].value = True
    saved = on_disk(wb)["m4.interventiematrix"]
    assert saved["cells"]["C3"] == ["bestuurlijke_boete", "proces_verbaal"] and saved["situation"] == "C3"
    assert "Consistentie met de referentie: 2 van de 16 cellen gelijk (12%)" in view.comparison_box.value
    view.cell_dd.value = "A1"
    assert view.checks["informatie"].value and not view.checks["proces_verbaal"].value
    view.clear_button.click()
    assert "A1" not in on_disk(wb)["m4.interventiematrix"]["cells"]
    again = lst_kit.intervention_matrix("m4.interventiematrix", workbook=open_workbook("anna", wb.folder))
    assert again.model.get("C3") == ("bestuurlijke_boete", "proces_verbaal") and again.cell_dd.value == "A1"


def test_matrix_aggravating_factors_shift_the_suggestion(wb):
    view = lst_kit.intervention_matrix("m4.interventiematrix", workbook=wb)
    view.cell_dd.value = "B2"
    view.factor_checks["financieel_gewin"].value = True
    text = view.situation_box.value
    assert "schuift de suggestie naar C2" in text and "overweeg naast het bestuursrecht ook het strafrecht" in text
    assert "De referentie in C2: Last onder dwangsom, Bestuurlijke boete (niveau 3)" in text
    assert on_disk(wb)["m4.interventiematrix"]["factors"] == ["financieel_gewin"]
    view.factor_checks["obstructie"].value = True
    assert "schuift de suggestie naar D2" in view.situation_box.value


def test_matrix_reference_toggle_draws_both(wb):
    view = lst_kit.intervention_matrix("m4.interventiematrix", workbook=wb)
    single = view.figure.value
    view.show_reference.value = True
    assert view.figure.value != single and "Referentie van het cursusteam" in _picture(view.figure)
    view.checks["nudge"].value = True
    assert "Referentie van het cursusteam" in _picture(view.figure)   # the pair is kept while editing
    view.show_reference.value = False
    assert "Referentie van het cursusteam" not in _picture(view.figure)


def test_matrix_odd_saved_answer_is_cleaned_not_fatal(wb):
    wb.save_answer("m4.interventiematrix", {"cells": {"A1": ["informatie", "verdwenen"], "Z9": ["x"]},
                                            "situation": "Q1", "factors": ["recidive", "haast"]})
    view = lst_kit.intervention_matrix("m4.interventiematrix", workbook=wb)
    assert view.model.get("A1") == ("informatie",) and view.model.factors == ["recidive"]
    assert view.factor_checks["recidive"].value and view.banner.message == ""


def test_matrix_unknown_intervention_through_a_handler_is_a_dutch_banner(wb):
    view = lst_kit.intervention_matrix("m4.interventiematrix", workbook=wb)
    view.checks["informatie"].value = True
    before = on_disk(wb)["m4.interventiematrix"]
    view.guard(view._on_check)("kielhalen", True)
    assert "Interventies in cel A1" in view.banner.message and "kielhalen" in view.banner.message
    assert on_disk(wb)["m4.interventiematrix"] == before


def test_broken_reference_gives_a_banner_naming_file_and_field(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(data_dir(), tmp_path / "data")
    path = tmp_path / "data" / "reference" / "interventiematrix_referentie.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["cells"]["B3"] = ["boete_van_een_miljoen"]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    widget = lst_kit.intervention_matrix("m4.interventiematrix", workbook=open_workbook("anna", tmp_path / "wb"))
    assert isinstance(widget, ErrorBanner)
    assert "interventiematrix_referentie.yaml" in widget.message and "cells.B3[0]" in widget.message
    pyramid = lst_kit.enforcement_pyramid("m4.piramide", workbook=open_workbook("anna", tmp_path / "wb"))
    assert isinstance(pyramid, ErrorBanner) and "cells.B3[0]" in pyramid.message


def test_an_answer_saved_by_the_previous_kit_is_shown(wb):
    wb.save_answer("m4.interventiematrix", {"cells": {"C3": ["bestuurlijke_boete", "proces_verbaal"]},
                                            "situation": "C3", "factors": ["recidive"]})
    view = lst_kit.intervention_matrix("m4.interventiematrix", workbook=wb)
    assert view.indicator.state == "loaded" and view.cell_dd.value == "C3"
    assert view.checks["bestuurlijke_boete"].value and view.checks["proces_verbaal"].value
    assert view.factor_checks["recidive"].value and "schuift de suggestie naar D3" in view.situation_box.value
