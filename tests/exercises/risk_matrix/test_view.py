"""E3.1 risk matrix: the view, headless (widgets set from Python)."""

import json

import pytest

import lst_kit
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def saved(wb, exercise_id="m3.risicomatrix"):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"][exercise_id]


def test_edit_reaches_workbook_and_survives_restart(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    case = view.model.case_id
    view.row_widgets["r1"]["likelihood"].value = 5
    assert saved(wb)["cases"][case]["risks"][0]["likelihood"] == 5
    view.rule.value = "fine_kinney"
    view.new_name.value = "Verkeerde bewaartemperatuur"
    view.add_button.click()
    answer = saved(wb)
    assert answer["rule"] == "fine_kinney"
    assert answer["cases"][case]["risks"][-1]["name"] == "Verkeerde bewaartemperatuur"
    again = lst_kit.risk_matrix("m3.risicomatrix", workbook=open_workbook("anna", wb.folder))
    assert again.row_widgets["r1"]["likelihood"].value == 5 and again.rule.value == "fine_kinney"
    assert len(again.model.risks) == len(view.model.risks)


def test_bad_name_shows_banner_and_keeps_answer(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    view.row_widgets["r2"]["name"].value = "Allergenen"
    before = saved(wb)
    other = view.model.risks[0].name
    view.row_widgets["r2"]["name"].value = other  # duplicate
    assert "Naam van het risico" in view.banner.message and "nog niet in de lijst" in view.banner.message
    assert view.row_widgets["r2"]["name"].value == "Allergenen"
    assert saved(wb) == before
    view.new_name.value = ""
    view.add_button.click()
    assert "niet-lege naam" in view.banner.message
    assert saved(wb) == before


def test_switching_case_keeps_both(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    first = view.model.case_id
    view.row_widgets["r1"]["impact"].value = 1
    view.case.value = "igj_cosmetische_injectables"
    view.row_widgets["r1"]["impact"].value = 2
    view.case.value = first
    assert view.row_widgets["r1"]["impact"].value == 1
    cases = saved(wb)["cases"]
    assert cases[first]["risks"][0]["impact"] == 1 and cases["igj_cosmetische_injectables"]["risks"][0]["impact"] == 2


def test_a_broken_case_file_leaves_only_that_case_out(data, wb):
    """A score of 6 in one case file: the lab works on the other cases and
    names the broken file in one line."""
    path = data / "cases" / "igj_cosmetische_injectables.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("likelihood: 4", "likelihood: 6", 1), encoding="utf-8")
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    assert hasattr(view, "model"), view.value  # a working lab, not only an error banner
    assert "igj_cosmetische_injectables" not in view.cases and len(view.cases) >= 1
    assert view.banner.kind == "info" and "cases/igj_cosmetische_injectables.yaml" in view.banner.message
    view.row_widgets["r1"]["impact"].value = 1
    assert saved(wb)["cases"][view.model.case_id]["risks"][0]["impact"] == 1
