"""Module 5 views without a browser: set .value, .click(), then assert on the
model, the workbook file and what the participant sees."""

import json

import pytest

import lst_kit
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb, exercise_id):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"].get(exercise_id)


# -- E5.1 public values ------------------------------------------------------------------
def test_public_values_weight_edit_reaches_the_workbook_and_redraws(wb):
    view = lst_kit.public_values("m5.publieke_waarden", workbook=wb)
    assert view.indicator.state == "empty" and view.figure.draws == 1
    first_png = view.figure.value
    view.cells[("voedselveiligheid", "nvwa")].value = 5
    view.cells[("voedselveiligheid", "thuiskoks")].value = 1
    saved = on_disk(wb, "m5.publieke_waarden")
    assert saved["case"] == "nvwa_maaltijdplatforms"
    assert saved["cases"]["nvwa_maaltijdplatforms"]["weights"]["voedselveiligheid"] == {"nvwa": 5, "thuiskoks": 1}
    assert view.indicator.state == "saved"
    assert view.figure.draws == 3 and view.figure.value != first_png
    assert 'alt="Links een heatmap' in view.figure.value
    assert "verst uiteen bij &#x27;voedselveiligheid&#x27;" in view.figure.value  # the caption reads the plot
    assert "<td>1</td><td>voedselveiligheid</td>" in view.table.value
    assert view.row_index["voedselveiligheid"].value.endswith(">1,07</span>")  # pstdev of 1, 5 and five 3s


def test_public_values_weight_out_of_range_shows_banner_and_keeps_answer(wb):
    view = lst_kit.public_values("m5.publieke_waarden", workbook=wb)
    cell = view.cells[("consumentenvertrouwen", "consumenten")]
    cell.value = 4
    before = on_disk(wb, "m5.publieke_waarden")
    draws = view.figure.draws
    cell.value = 9
    assert view.banner.message.startswith("Gewicht van 'consumentenvertrouwen' voor Consumenten:")
    assert "0 tot en met 5" in view.banner.message and "ingevuld was: 9" in view.banner.message
    assert "Traceback" not in view.banner.value
    assert on_disk(wb, "m5.publieke_waarden") == before
    assert cell.value == 4 and view.model.weight("consumentenvertrouwen", "consumenten") == 4
    assert view.figure.draws == draws
    cell.value = 2
    assert view.banner.message == ""
    assert on_disk(wb, "m5.publieke_waarden")["cases"]["nvwa_maaltijdplatforms"]["weights"]["consumentenvertrouwen"] == {
        "consumenten": 2}


def test_public_values_add_and_remove_a_value(wb):
    view = lst_kit.public_values("m5.publieke_waarden", workbook=wb)
    assert "innovatie" in view.new_value.options
    view.new_value.value = "innovatie"
    view.add_button.click()
    assert view.banner.message == "" and view.new_value.value == ""
    assert ("innovatie", "nvwa") in view.cells and "innovatie" not in view.new_value.options
    assert on_disk(wb, "m5.publieke_waarden")["cases"]["nvwa_maaltijdplatforms"]["extra_values"] == ["innovatie"]
    view.cells[("innovatie", "maaltijdplatforms")].value = 5
    view.new_value.value = "Eigen waarde: menselijke maat"
    view.add_button.click()
    assert view.remove_choice.options == ("innovatie", "Eigen waarde: menselijke maat")
    view.remove_choice.value = "innovatie"
    view.remove_button.click()
    saved = on_disk(wb, "m5.publieke_waarden")["cases"]["nvwa_maaltijdplatforms"]
    assert saved["extra_values"] == ["Eigen waarde: menselijke maat"] and "innovatie" not in saved["weights"]
    assert ("innovatie", "nvwa") not in view.cells


@pytest.mark.parametrize("typed, message", [
    ("", "Nieuwe waarde: toegestaan is een niet-lege naam"),
    ("   ", "Nieuwe waarde: toegestaan is een niet-lege naam"),
    ("Eerlijke  Concurrentie", "staat al in de lijst als 'eerlijke concurrentie'"),
])
def test_public_values_bad_new_value_shows_banner_and_keeps_answer(wb, typed, message):
    view = lst_kit.public_values("m5.publieke_waarden", workbook=wb)
    view.cells[("voedselveiligheid", "nvwa")].value = 5
    before = on_disk(wb, "m5.publieke_waarden")
    rows = view.model.values()
    view.new_value.value = typed
    view.add_button.click()
    assert message in view.banner.message and "Je eerdere antwoorden zijn bewaard" in view.banner.message
    assert on_disk(wb, "m5.publieke_waarden") == before and view.model.values() == rows


def test_public_values_stakeholder_checkboxes(wb):
    view = lst_kit.public_values("m5.publieke_waarden", workbook=wb)
    view.actor_boxes["gemeente_ggd"].value = True
    assert ("voedselveiligheid", "gemeente_ggd") in view.cells
    assert "gemeente_ggd" in on_disk(wb, "m5.publieke_waarden")["cases"]["nvwa_maaltijdplatforms"]["actors"]
    for actor in ("thuiskoks", "maaltijdplatforms", "consumenten", "allergievereniging", "horeca_branche",
                  "gemeente_ggd"):
        view.actor_boxes[actor].value = False
    assert view.model.state.actors == ["nvwa", "ministerie"]
    view.actor_boxes["ministerie"].value = False  # would leave one stakeholder
    assert "Belanghebbenden: toegestaan is 2 tot en met 8" in view.banner.message
    assert view.actor_boxes["ministerie"].value is True
    assert on_disk(wb, "m5.publieke_waarden")["cases"]["nvwa_maaltijdplatforms"]["actors"] == ["nvwa", "ministerie"]


def test_public_values_switch_case_and_come_back_after_restart(wb):
    view = lst_kit.public_values("m5.publieke_waarden", workbook=wb)
    view.cells[("voedselveiligheid", "nvwa")].value = 0
    view.case_choice.value = "nla_uitzendwerk_arbeidsmigranten"
    assert view.model.values()[0] == "eerlijk werk" and ("eerlijk werk", "vakbonden") in view.cells
    view.cells[("eerlijk werk", "vakbonden")].value = 5
    again = lst_kit.public_values("m5.publieke_waarden", workbook=open_workbook("anna", wb.folder))
    assert again.indicator.state == "loaded"
    assert again.case_choice.value == "nla_uitzendwerk_arbeidsmigranten"
    assert again.cells[("eerlijk werk", "vakbonden")].value == 5
    again.case_choice.value = "nvwa_maaltijdplatforms"
    assert again.cells[("voedselveiligheid", "nvwa")].value == 0


# -- E5.2 signal triage ------------------------------------------------------------------
def route_text(view, obs_id):
    return view.route_cells[obs_id].value


def test_triage_edit_changes_route_and_reaches_the_workbook(wb):
    view = lst_kit.signal_triage("m5.signalen", workbook=wb)
    assert ">Handhaven</span>" in route_text(view, "s1")
    before = view.figure.value
    view.controls[("s1", "covered_by_law")].value = "nee"
    assert ">Signaleren aan beleid</span>" in route_text(view, "s1")
    saved = on_disk(wb, "m5.signalen")
    assert saved["cases"]["nvwa_maaltijdplatforms"]["edits"] == {"s1": {"covered_by_law": "nee"}}
    assert {r["id"]: r["route"] for r in saved["routing"]}["s1"] == "signaleren"
    assert view.figure.value != before and "Signaleren aan beleid: 4" in view.figure.value
    assert view.sections["probleem"].value.startswith("- Een groot deel")  # the draft follows
    view.controls[("s6", "systemic")].value = True
    view.controls[("s6", "frequency")].value = 5
    view.controls[("s6", "severity")].value = 4
    assert ">Agenderen in het publieke debat</span>" in route_text(view, "s6")
    assert on_disk(wb, "m5.signalen")["cases"]["nvwa_maaltijdplatforms"]["edits"]["s6"] == {
        "systemic": True, "frequency": 5, "severity": 4}


def test_triage_score_out_of_range_shows_banner_and_keeps_answer(wb):
    view = lst_kit.signal_triage("m5.signalen", workbook=wb)
    view.controls[("s2", "severity")].value = 3
    before = on_disk(wb, "m5.signalen")
    view.controls[("s2", "severity")].value = 8
    assert view.banner.message.startswith("Ernst (Koude gerechten worden zonder koeling")
    assert "1 tot en met 5" in view.banner.message and "ingevuld was: 8" in view.banner.message
    assert view.controls[("s2", "severity")].value == 3
    assert on_disk(wb, "m5.signalen") == before


def test_triage_own_observation_add_bad_input_and_remove(wb):
    view = lst_kit.signal_triage("m5.signalen", workbook=wb)
    view.new_text.value = "Bezorgers van de platforms halen maaltijden op in een gewone rugzak."
    view.new_frequency.value = 4
    view.new_severity.value = 3
    view.new_covered.value = "deels"
    view.new_systemic.value = True
    view.new_who.value = "Platforms"
    view.add_button.click()
    assert view.banner.message == "" and view.new_text.value == ""
    assert "eigen_1" in view.route_cells and "eigen_1" in view.remove_buttons
    own = on_disk(wb, "m5.signalen")["cases"]["nvwa_maaltijdplatforms"]["own"]
    assert own == [{"id": "eigen_1", "observation": "Bezorgers van de platforms halen maaltijden op in een gewone rugzak.",
                    "frequency": 4, "severity": 3, "covered_by_law": "deels", "systemic": True,
                    "who_can_act": "Platforms"}]
    assert "Platforms" in view.sections["wie_kan_handelen"].value
    before = on_disk(wb, "m5.signalen")
    for text, frequency, message in (
            ("", 3, "Nieuwe observatie: toegestaan is een niet-lege beschrijving"),
            ("bezorgers van de platforms halen maaltijden op in een gewone rugzak.", 3, "dezelfde tekst als observatie eigen_1"),
            ("Iets nieuws", 0, "Frequentie (nieuwe observatie): toegestaan is een geheel getal van 1 tot en met 5")):
        view.new_text.value = text
        view.new_frequency.value = frequency
        view.add_button.click()
        assert message in view.banner.message, text
        assert on_disk(wb, "m5.signalen") == before
    assert view.new_text.value == "Iets nieuws"  # what the participant typed stays in the form
    view.remove_buttons["eigen_1"].click()
    assert "eigen_1" not in view.route_cells
    assert on_disk(wb, "m5.signalen")["cases"]["nvwa_maaltijdplatforms"]["own"] == []


def test_triage_outline_saves_typing_reset_and_restart(wb):
    view = lst_kit.signal_triage("m5.signalen", workbook=wb)
    assert view.reset_buttons["oorzaken"].disabled is True  # nothing edited yet
    view.sections["oorzaken"].value = "De wet zegt niets over platforms."
    view.flush()
    assert on_disk(wb, "m5.signalen")["cases"]["nvwa_maaltijdplatforms"]["outline"] == {
        "oorzaken": "De wet zegt niets over platforms."}
    assert view.reset_buttons["oorzaken"].disabled is False
    view.controls[("s1", "covered_by_law")].value = "nee"  # the draft changes; the text stays
    assert view.sections["oorzaken"].value == "De wet zegt niets over platforms."
    assert "Je indeling is veranderd" in view.section_notes["oorzaken"].value
    again = lst_kit.signal_triage("m5.signalen", workbook=open_workbook("anna", wb.folder))
    assert again.sections["oorzaken"].value == "De wet zegt niets over platforms."
    assert again.controls[("s1", "covered_by_law")].value == "nee"
    again.reset_buttons["oorzaken"].click()
    assert again.sections["oorzaken"].value.startswith("- Een groot deel")
    assert on_disk(wb, "m5.signalen")["cases"]["nvwa_maaltijdplatforms"]["outline"] == {}


def test_triage_switch_case_keeps_each_case(wb):
    view = lst_kit.signal_triage("m5.signalen", workbook=wb)
    view.controls[("s3", "systemic")].value = False
    view.case_choice.value = "ilt_ontgassen_binnenvaart"
    assert set(view.route_cells) == {"s1", "s2", "s3", "s4", "s5", "s6"}
    assert "Ontgassen" in view.case_info.value or "ontgass" in view.case_info.value.lower()
    view.case_choice.value = "nvwa_maaltijdplatforms"
    assert view.controls[("s3", "systemic")].value is False
    assert on_disk(wb, "m5.signalen")["case"] == "nvwa_maaltijdplatforms"


def test_broken_rule_shows_a_banner_naming_file_and_field(tmp_path, monkeypatch, wb):
    import shutil

    import yaml

    from lst_kit.paths import data_dir

    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "data" / "reference" / "signaal_triage.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["rules"][0]["all"]["impact"]["min"] = 40
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    view = lst_kit.signal_triage("m5.signalen", workbook=wb)
    assert "signaal_triage.yaml" in view.message and "rules[0].all.impact.min" in view.message
