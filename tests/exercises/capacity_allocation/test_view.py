"""E3.2 capacity allocation: the view, headless (widgets set from Python)."""

import json

import pytest
from _content import break_case, edit

import lst_kit
from lst_kit.workbook import open_workbook

NVWA = "nvwa_maaltijdplatforms"


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def saved(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]["m3.capaciteit"]


def test_days_reach_model_and_workbook_and_survive_a_restart(wb):
    view = lst_kit.capacity_allocation("m3.capaciteit", workbook=wb)
    assert view.model.case_id == NVWA and view.model.days["r4"] == 2  # starts at the legal minimum
    assert "Nog 18 van de 20 dagen over." in view.status.value
    view.day_inputs["r1"].value = "8"
    assert view.model.days["r1"] == 8
    assert saved(wb)["cases"][NVWA]["days"]["r1"] == 8 and saved(wb)["case"] == NVWA
    assert "Nog 10 van de 20 dagen over." in view.status.value
    assert "Jouw verdeling" in view.table.value and "Nog" not in view.reading.value
    again = lst_kit.capacity_allocation("m3.capaciteit", workbook=open_workbook("anna", wb.folder))
    assert again.day_inputs["r1"].value == "8" and again.model.days == view.model.days


def test_over_budget_is_refused_next_to_the_field(wb):
    view = lst_kit.capacity_allocation("m3.capaciteit", workbook=wb)
    view.day_inputs["r1"].value = "11"
    before = saved(wb)
    field = view.day_inputs["r2"]
    field.value = "12"  # 7 days are left
    assert "0 tot en met 7 (je hebt nog 7 dagen over)" in view.refusal and "ingevuld was: 12" in view.refusal
    assert "lst-invalid" in field._dom_classes and view.banner.message == ""
    assert field.value == "0" and view.model.days["r2"] == 0 and saved(wb) == before
    field.value = "2,5"
    assert "een geheel getal van 0 tot en met 7" in view.refusal and field.value == "0"
    field.value = "zeven"
    assert "een getal" in view.refusal and field.value == "0"
    field.value = "7"  # an accepted value clears the message
    assert view.refusal == "" and "lst-invalid" not in field._dom_classes
    assert "Nog 0 van de 20 dagen over." in view.status.value


def test_below_the_legal_minimum_is_saved_and_flagged(wb):
    view = lst_kit.capacity_allocation("m3.capaciteit", workbook=wb)
    view.day_inputs["r4"].value = "0"
    assert view.refusal == "" and saved(wb)["cases"][NVWA]["days"]["r4"] == 0
    assert "Onder het wettelijk minimum: Slechte hygiëne in de thuiskeuken." in view.status.value
    assert "onder het wettelijk minimum" in view.reading.value


def test_reason_is_saved_and_has_its_limit(wb):
    view = lst_kit.capacity_allocation("m3.capaciteit", workbook=wb)
    view.reason.value = "Claims laat ik liggen; de directie weet het."
    view.flush()
    assert saved(wb)["cases"][NVWA]["reason"] == "Claims laat ik liggen; de directie weet het."
    view.reason.value = "x" * 5001
    assert "hoogstens 5.000 tekens" in view.refusal
    assert view.reason.value == "Claims laat ik liggen; de directie weet het."
    assert saved(wb)["cases"][NVWA]["reason"] == "Claims laat ik liggen; de directie weet het."


def test_switching_case_keeps_both(wb):
    view = lst_kit.capacity_allocation("m3.capaciteit", workbook=wb)
    view.day_inputs["r1"].value = "5"
    view.case.value = "kinderopvang_bso_personeelstekort"
    assert set(view.day_inputs) == {"r1", "r2", "r3"} and view.model.days == {"r1": 0, "r2": 0, "r3": 2}
    view.day_inputs["r2"].value = "4"
    answer = saved(wb)
    assert answer["case"] == "kinderopvang_bso_personeelstekort"
    assert answer["cases"][NVWA]["days"]["r1"] == 5 and answer["cases"]["kinderopvang_bso_personeelstekort"]["days"]["r2"] == 4
    view.case.value = NVWA
    assert view.day_inputs["r1"].value == "5"


def test_unknown_risk_in_the_minima_is_named(data, wb):
    edit(data / "exercises" / "m3" / "capaciteit.yaml",
         lambda doc: doc["minimum_days"][NVWA].update(r9=1))
    view = lst_kit.capacity_allocation("m3.capaciteit", workbook=wb)
    assert "r9" in view.minima_note.value and "tellen niet mee" in view.minima_note.value
    assert view.model.left() == 18


def test_a_broken_case_file_leaves_only_that_case_out(data, wb):
    break_case(data, "igj_cosmetische_injectables")
    view = lst_kit.capacity_allocation("m3.capaciteit", workbook=wb)
    assert hasattr(view, "model"), view.value
    assert "igj_cosmetische_injectables" not in dict(view.case.options).values()
    assert view.banner.kind == "info" and "cases/igj_cosmetische_injectables.yaml" in view.banner.message

