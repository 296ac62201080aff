"""Module 4 widgets, headless: set .value, .click(), then assert on the
model, the workbook file and what the participant sees."""

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


# -- Tafel van Elf ---------------------------------------------------------------------------

def test_t11_slider_saves_per_case_and_group_and_redraws(wb):
    view = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=wb)
    assert view.case_dd.value == "ilt_ontgassen_binnenvaart" and view.focus_dd.value == "schippers"
    assert view.sliders["T2"].value == 1 and "Legaal ontgassen kost geld" in view.rationales["T2"].value
    assert "Legaal ontgassen kost geld" in view.sliders["T2"].tooltip
    draws = view.radar.draws
    view.sliders["T7"].value = 4
    saved = on_disk(wb)["m4.tafel_van_elf"]
    assert saved["scores"]["ilt_ontgassen_binnenvaart"]["schippers"]["T7"] == 4
    assert saved["focus"] == "schippers" and saved["compare"] == "verladers"
    assert view.radar.draws == draws + 1 and 'alt="Radardiagram' in view.radar.value
    # control index of the skippers (T6..T9 = 3, 4, 1, 2) next to the shippers' (2, 1, 2, 2)
    assert "<td>Handhaving: controle</td><td>T6–T9</td><td>2,5</td><td>1,8</td>" in view.indices_table.value
    assert "T8 Detectiekans" in view.weakest_box.value


def test_t11_case_switch_reloads_target_groups_and_keeps_scores(wb):
    view = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=wb)
    view.sliders["T1"].value = 2
    view.case_dd.value = "nvwa_maaltijdplatforms"
    assert [v for _, v in view.focus_dd.options] == ["thuiskoks", "maaltijdplatforms"]
    assert view.sliders["T1"].value == 2 and view.sliders["T7"].value == 1   # the NVWA case's own scores
    assert view.det_inputs["fine"].value == 1500
    view.sliders["T9"].value = 3
    view.focus_dd.value = "maaltijdplatforms"
    assert view.sliders["T9"].value == 4 and view.compare_dd.value == "thuiskoks"
    view.case_dd.value = "ilt_ontgassen_binnenvaart"
    assert view.sliders["T1"].value == 2   # kept per case and group
    saved = on_disk(wb)["m4.tafel_van_elf"]
    assert saved["scores"]["nvwa_maaltijdplatforms"]["thuiskoks"]["T9"] == 3
    again = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=open_workbook("anna", wb.folder))
    assert again.indicator.state == "loaded" and again.sliders["T1"].value == 2


def test_t11_compare_and_reset(wb):
    view = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=wb)
    view.compare_dd.value = ""   # "(geen)"
    assert "Verladers" not in view.indices_table.value
    assert on_disk(wb)["m4.tafel_van_elf"]["compare"] is None
    view.sliders["T3"].value = 5
    view.reset_button.click()
    assert view.sliders["T3"].value == 2
    assert on_disk(wb)["m4.tafel_van_elf"]["scores"]["ilt_ontgassen_binnenvaart"]["schippers"]["T3"] == 2


def test_t11_case_without_second_group_disables_compare(wb):
    view = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=wb)
    view.case_dd.value = "kinderopvang_bso_personeelstekort"
    assert view.compare_dd.disabled and view.compare_dd.value == "" and view.model.compare is None
    assert "geen eigen getallen" in view.det_source.value


def test_deterrence_calculator_updates_and_explains(wb):
    view = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=wb)
    assert "€ 200" in view.det_figure.value and "vanaf een ontdekkingskans van 40%" in view.det_figure.value
    view.det_inputs["detection"].value = 0.5
    assert "loont overtreden niet" in view.det_figure.value
    assert on_disk(wb)["m4.tafel_van_elf"]["deterrence"]["ilt_ontgassen_binnenvaart"]["detection"] == 0.5
    view.det_inputs["fine"].value = 5000
    assert "Zelfs zekere ontdekking schrikt met deze sanctie niet af" in view.det_text.value
    view.use_report.value = True
    view.det_inputs["report"].value = 0.2
    saved = on_disk(wb)["m4.tafel_van_elf"]["deterrence"]["ilt_ontgassen_binnenvaart"]
    assert saved["use_report"] is True and saved["report"] == 0.2


def test_t11_bad_input_shows_dutch_banner_and_keeps_the_saved_answer(wb):
    view = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=wb)
    view.det_inputs["detection"].value = 0.1
    before = on_disk(wb)["m4.tafel_van_elf"]
    view.det_inputs["detection"].value = 1.5
    message = view.banner.message
    assert "Ontdekkingskans bij eigen controle" in message and "een kans van 0 tot en met 1" in message
    assert "1.5" in message and "Traceback" not in view.banner.value
    assert on_disk(wb)["m4.tafel_van_elf"] == before
    assert view.model.calculator().detection == 0.1
    view.det_inputs["gain"].value = -5
    assert "Voordeel van overtreden" in view.banner.message and on_disk(wb)["m4.tafel_van_elf"] == before
    view.det_inputs["gain"].value = 3000
    assert view.banner.message == ""
    assert on_disk(wb)["m4.tafel_van_elf"]["deterrence"]["ilt_ontgassen_binnenvaart"]["gain"] == 3000


# -- intervention matrix -------------------------------------------------------------------------

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


# -- enforcement pyramid --------------------------------------------------------------------------

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


def test_m4_answers_come_back_after_a_kernel_restart(tmp_path, monkeypatch):
    """Run the module notebook in a fresh kernel: earlier answers show again."""
    from pathlib import Path

    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("LST_WERKBOEK_DIR", str(tmp_path))
    monkeypatch.setenv("LST_DEELNEMER", "herstart")
    wb = open_workbook()
    wb.save_answer("m4.tafel_van_elf", {"case": "ilt_ontgassen_binnenvaart", "focus": "verladers",
                                        "scores": {"ilt_ontgassen_binnenvaart": {"verladers": {"T7": 5}}}})
    wb.save_answer("m4.interventiematrix", {"cells": {"D4": ["intrekking_vergunning"]}, "situation": "D4"})
    wb.save_answer("m4.reflectie_gedrag", {"text": "Een brief in gewone taal."})
    repo = Path(__file__).resolve().parents[1]
    nb = nbformat.read(repo / "notebooks" / "04_interventiestrategie_en_gedrag.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    models = [m for m in state.values()]
    values = {(m["model_name"], str(m["state"].get("value"))) for m in models}
    assert ("TextareaModel", "Een brief in gewone taal.") in values
    sliders = {m["state"].get("description"): m["state"].get("value") for m in models
               if m["state"].get("description", "").startswith("T")}
    assert sliders["T7 Controlekans"] == 5
    checked = {m["state"].get("description") for m in models
               if m["model_name"] == "CheckboxModel" and m["state"].get("value")}
    assert "Vergunning of erkenning intrekken" in checked
    assert open_workbook().answer("m4.reflectie_gedrag") == {"text": "Een brief in gewone taal."}
