"""The Tafel van Elf, headless: set .value, .click(), then assert on the
model, the workbook file and what the participant sees."""

import json

import pytest
import yaml

import lst_kit
from lst_kit.widgets import ErrorBanner
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


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
    assert view.det_inputs["fine"].value == "1.500"
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
    assert "€\u00a0200" in view.det_figure.value and "vanaf een ontdekkingskans van 40%" in view.det_figure.value
    view.det_inputs["detection"].value = "0,5"
    assert "loont overtreden niet" in view.det_figure.value
    assert on_disk(wb)["m4.tafel_van_elf"]["deterrence"]["ilt_ontgassen_binnenvaart"]["detection"] == 0.5
    view.det_inputs["fine"].value = "5000"
    assert "Zelfs zekere ontdekking schrikt met deze sanctie niet af" in view.det_text.value
    view.use_report.value = True
    view.det_inputs["report"].value = "0.2"
    saved = on_disk(wb)["m4.tafel_van_elf"]["deterrence"]["ilt_ontgassen_binnenvaart"]
    assert saved["use_report"] is True and saved["report"] == 0.2


def test_t11_bad_input_shows_next_to_the_field_and_keeps_the_saved_answer(wb):
    view = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=wb)
    detection = view.det_inputs["detection"]
    detection.value = "0,1"  # a Dutch decimal comma: 0.1, never 1
    assert view.model.calculator().detection == 0.1 and detection.value == "0,1"
    before = on_disk(wb)["m4.tafel_van_elf"]
    assert before["deterrence"]["ilt_ontgassen_binnenvaart"]["detection"] == 0.1
    drawn = view.det_figure.value
    detection.value = "1,5"
    message = view.det_messages["detection"].message
    assert "Ontdekkingskans bij eigen controle" in message and "een kans van 0 tot en met 1" in message
    assert "ingevuld was: 1,5." in message and view.banner.message == ""
    assert "lst-invalid" in detection._dom_classes
    assert detection.value == "0,1" and view.det_figure.value == drawn  # field and chart agree
    assert on_disk(wb)["m4.tafel_van_elf"] == before
    assert view.model.calculator().detection == 0.1
    detection.value = "tien procent"
    assert "een getal, bijvoorbeeld 0,05" in view.det_messages["detection"].message and detection.value == "0,1"
    gain_text = view.det_inputs["gain"].value
    view.det_inputs["gain"].value = "-5"
    assert "Voordeel van overtreden" in view.det_messages["gain"].message
    assert view.det_messages["detection"].message == "" and on_disk(wb)["m4.tafel_van_elf"] == before
    assert view.det_inputs["gain"].value == gain_text != "-5"
    view.det_inputs["gain"].value = "3.000"
    assert view.det_messages["gain"].message == "" and "lst-invalid" not in view.det_inputs["gain"]._dom_classes
    assert on_disk(wb)["m4.tafel_van_elf"]["deterrence"]["ilt_ontgassen_binnenvaart"]["gain"] == 3000
    assert view.det_inputs["gain"].value == "3.000"


def test_an_answer_saved_by_the_previous_kit_is_shown(wb):
    wb.save_answer("m4.tafel_van_elf", {
        "case": "nvwa_maaltijdplatforms", "focus": "maaltijdplatforms", "compare": "thuiskoks",
        "scores": {"nvwa_maaltijdplatforms": {"maaltijdplatforms": {"T9": 2}}},
        "deterrence": {"nvwa_maaltijdplatforms": {"gain": 1500, "detection": 0.05, "sanction": 0.5, "fine": 1500,
                                                  "report": 0.0, "use_report": False}}})
    view = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=wb)
    assert view.indicator.state == "loaded" and view.banner.message == ""
    assert (view.case_dd.value, view.focus_dd.value, view.compare_dd.value) == (
        "nvwa_maaltijdplatforms", "maaltijdplatforms", "thuiskoks")
    assert view.sliders["T9"].value == 2 and view.det_inputs["detection"].value == "0,05"


def test_a_broken_case_is_left_out_with_a_note(data):
    path = data / "cases" / "nvwa_maaltijdplatforms.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["target_groups"] = "kapot"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    wb = open_workbook("anna", data.parent / "wb")
    wb.save_answer("m4.tafel_van_elf", {"case": "nvwa_maaltijdplatforms"})
    view = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=wb)
    assert not isinstance(view, ErrorBanner)
    assert "nvwa_maaltijdplatforms" not in [v for _, v in view.case_dd.options]
    assert view.case_dd.value == "ilt_ontgassen_binnenvaart"
    assert "nvwa_maaltijdplatforms.yaml" in view.banner.message


def test_a_broken_mapping_is_a_banner_naming_the_file(data):
    (data / "reference" / "t11_interventies.yaml").write_text("illustratief: nee\n", encoding="utf-8")
    widget = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=open_workbook("anna", data.parent / "wb"))
    assert isinstance(widget, ErrorBanner) and "t11_interventies.yaml" in widget.message


@pytest.mark.slow
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
    repo = Path(__file__).resolve().parents[3]
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
