"""The strategic triangle's widget without a browser: set .value, .click(),
then assert on the model, the workbook file and what the participant sees."""

import json
import shutil

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


def test_triangle_sliders_save_and_redraw(wb):
    view = lst_kit.strategic_triangle("m2.driehoek", workbook=wb)
    assert view.case.value == "nvwa_maaltijdplatforms"
    assert [k for k, box in view.checkboxes.items() if box.value] == ["i1", "i2", "i3"]
    assert len(view.sliders) == 9 and view.sliders[("i1", "capacity")].value == 1
    first = view.figure.value
    view.sliders[("i1", "capacity")].value = 5
    saved = on_disk(wb)["m2.driehoek"]
    assert saved["case"] == "nvwa_maaltijdplatforms"
    assert saved["cases"]["nvwa_maaltijdplatforms"]["scores"]["i1"]["capacity"] == 5
    assert view.figure.draws == 2 and view.figure.value != first
    assert 'alt="Driehoeksdiagram' in view.figure.value and "Hoogste fit" in view.figure.value
    assert "∛" in view.formula.value and "meetkundig gemiddelde" in view.formula.value
    assert "<td>Legitimiteit en steun</td>" in view.table.value  # 3/4/5: legitimacy is now the weakest


def test_triangle_picking_options_and_refusing_a_fifth(wb):
    view = lst_kit.strategic_triangle("m2.driehoek", workbook=wb)
    view.checkboxes["i4"].value = True
    assert on_disk(wb)["m2.driehoek"]["cases"]["nvwa_maaltijdplatforms"]["selected"] == ["i1", "i2", "i3", "i4"]
    assert len(view.sliders) == 12
    view.checkboxes["i5"].value = True
    assert "Opties: toegestaan is 2 tot en met 4 opties; ingevuld was: 5 opties" in view.banner.message
    assert view.checkboxes["i5"].value is False  # put back
    assert on_disk(wb)["m2.driehoek"]["cases"]["nvwa_maaltijdplatforms"]["selected"] == ["i1", "i2", "i3", "i4"]
    view.checkboxes["i4"].value = False
    assert view.banner.message == ""
    view.checkboxes["i3"].value = False
    view.checkboxes["i2"].value = False
    assert "1 opties" in view.banner.message and view.checkboxes["i2"].value is True
    assert on_disk(wb)["m2.driehoek"]["cases"]["nvwa_maaltijdplatforms"]["selected"] == ["i1", "i2"]


def test_triangle_case_switch_keeps_each_cases_answer(wb):
    view = lst_kit.strategic_triangle("m2.driehoek", workbook=wb)
    view.sliders[("i2", "legitimacy")].value = 1
    view.case.value = "ilt_ontgassen_binnenvaart"
    assert "binnenvaart" in view.case_info.value.lower() or "tank" in view.case_info.value.lower()
    assert on_disk(wb)["m2.driehoek"]["case"] == "ilt_ontgassen_binnenvaart"
    view.case.value = "nvwa_maaltijdplatforms"
    assert view.sliders[("i2", "legitimacy")].value == 1
    view.reset.click()
    assert view.sliders[("i2", "legitimacy")].value == 3
    assert on_disk(wb)["m2.driehoek"]["cases"]["nvwa_maaltijdplatforms"]["scores"]["i2"]["legitimacy"] == 3
    again = lst_kit.strategic_triangle("m2.driehoek", workbook=open_workbook("anna", wb.folder))
    assert again.case.value == "nvwa_maaltijdplatforms" and again.indicator.state == "loaded"


def test_triangle_bad_score_from_code_is_a_banner_not_a_change(wb):
    view = lst_kit.strategic_triangle("m2.driehoek", workbook=wb)
    view.sliders[("i1", "value")].value = 4
    handler = view.guard(view._on_score)
    handler("i1", "value", 9)
    assert "een geheel getal van 1 tot en met 5" in view.banner.message and "9" in view.banner.message
    assert on_disk(wb)["m2.driehoek"]["cases"]["nvwa_maaltijdplatforms"]["scores"]["i1"]["value"] == 4


def test_triangle_with_a_broken_spec_shows_file_and_field(tmp_path, monkeypatch):
    shutil.copytree(data_dir(), tmp_path / "data")
    path = tmp_path / "data" / "exercises" / "m2" / "driehoek.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["options"]["start"] = "drie"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    widget = lst_kit.strategic_triangle("m2.driehoek", workbook=open_workbook("anna", tmp_path / "wb"))
    assert isinstance(widget, ErrorBanner)
    assert "driehoek.yaml" in widget.message and "options.start" in widget.message and "'drie'" in widget.message


def test_triangle_with_a_damaged_case_file_still_works(tmp_path, monkeypatch):
    shutil.copytree(data_dir(), tmp_path / "data")
    (tmp_path / "data" / "cases" / "igj_cosmetische_injectables.yaml").write_text("case_id: [kapot", encoding="utf-8")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    view = lst_kit.strategic_triangle("m2.driehoek", workbook=open_workbook("anna", tmp_path / "wb"))
    assert "igj_cosmetische_injectables" not in dict(view.case.options).values()
    assert view.banner.kind == "info" and "igj_cosmetische_injectables.yaml" in view.banner.message


def test_an_answer_saved_by_todays_kit_is_shown(wb):
    wb.save_answer("m2.driehoek", {"case": "ilt_ontgassen_binnenvaart", "cases": {"ilt_ontgassen_binnenvaart": {
        "selected": ["i2", "i3"], "scores": {"i2": {"value": 5, "legitimacy": 2, "capacity": 3}}}}})
    view = lst_kit.strategic_triangle("m2.driehoek", workbook=open_workbook("anna", wb.folder))
    assert view.indicator.state == "loaded" and view.banner.message == ""
    assert view.case.value == "ilt_ontgassen_binnenvaart"
    assert [k for k, box in view.checkboxes.items() if box.value] == ["i2", "i3"]
    assert [view.sliders[("i2", c)].value for c in ("value", "legitimacy", "capacity")] == [5, 2, 3]


def test_with_its_default_case_damaged_the_triangle_opens_another_case_with_a_note(data):
    (data / "cases" / "nvwa_maaltijdplatforms.yaml").write_text("case_id: [kapot", encoding="utf-8")
    view = lst_kit.strategic_triangle("m2.driehoek", workbook=open_workbook("anna", data.parent / "wb"))
    assert not isinstance(view, ErrorBanner)
    assert view.case.value == "igj_cosmetische_injectables"  # the first case that loads, in sorted order
    assert view.banner.kind == "info" and "nvwa_maaltijdplatforms.yaml" in view.banner.message
    view.sliders[(view.model.selected[0], "value")].value = 1
    assert on_disk(view.workbook)["m2.driehoek"]["case"] == "igj_cosmetische_injectables"


def test_without_any_case_the_triangle_is_a_dutch_banner(data):
    for path in (data / "cases").glob("*.yaml"):
        path.write_text("case_id: [kapot", encoding="utf-8")
    widget = lst_kit.strategic_triangle("m2.driehoek", workbook=open_workbook("anna", data.parent / "wb"))
    assert isinstance(widget, ErrorBanner) and ".yaml" in widget.message
