"""E3.1 risk matrix: the view, headless (widgets set from Python)."""

import base64
import json
import re

import pytest
from _content import break_case

import lst_kit
from lst_kit.errors import MAX_SHOWN
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def shown_svg(figure) -> str:
    """The SVG text a FigureBox shows (its image is a base64 data: URI)."""
    encoded = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', figure.value).group(1)
    return base64.b64decode(encoded).decode("utf-8")


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


def test_bad_name_shows_next_to_the_field_and_keeps_answer(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    name = view.row_widgets["r2"]["name"]
    name.value = "Allergenen"
    before = saved(wb)
    other = view.model.risks[0].name
    name.value = other  # duplicate
    message = view.rows[1].message
    assert "Naam van het risico" in message.message and "nog niet in de lijst" in message.message
    assert "lst-invalid" in name._dom_classes and message.shown == 1
    assert view.banner.message == ""  # shown next to the field, not once more at the bottom
    assert name.value == "Allergenen"  # the old name returns, with the message
    assert saved(wb) == before
    name.value = ""  # empty: the message says so instead of "ingevuld was: ."
    assert "ingevuld was: (niets)" in message.message and name.value == "Allergenen"
    name.value = "x" * 300  # a paste of 300 characters is not echoed back in full
    assert "x" * 300 not in message.message and "x" * (MAX_SHOWN - 1) + "…" in message.message
    assert len(message.message) < 300 and name.value == "Allergenen"
    view.new_name.value = ""
    view.add_button.click()
    assert "niet-lege naam" in view.new_message.message and "lst-invalid" in view.new_name._dom_classes
    assert message.message == "" and "lst-invalid" not in name._dom_classes  # one refusal shown at a time
    assert saved(wb) == before
    view.new_name.value = "Nieuwe naam"
    view.add_button.click()  # a good input clears the mark
    assert view.new_message.message == "" and "lst-invalid" not in view.new_name._dom_classes
    assert view.refusal == ""


def test_band_limits_accept_a_decimal_comma_and_refuse_next_to_the_field(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    first = view.band_inputs[0]
    assert first.value == "4"
    first.value = "4,5"
    assert view.model.bands["lxi"][0].upper == 4.5 and first.value == "4,5"
    assert saved(wb)["cases"][view.model.case_id]["bands"]["lxi"][0] == 4.5
    first.value = "0.5"
    assert view.model.bands["lxi"][0].upper == 0.5
    first.value = "500"  # above the next band's limit
    assert "groter dan 0 en kleiner dan 9" in view.band_message.message and "ingevuld was: 500." in view.band_message.message
    assert "lst-invalid" in first._dom_classes and first.value == "0,5" and view.model.bands["lxi"][0].upper == 0.5
    first.value = "veel"
    assert "een getal, bijvoorbeeld 0,5" in view.band_message.message and first.value == "0,5"


def test_band_refusal_in_english_notation(wb, monkeypatch):
    monkeypatch.setenv("LST_LANG", "en")
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    view.band_inputs[0].value = "500.0"
    assert "entered was: 500." in view.band_message.message and "500.0" not in view.band_message.message
    view.band_inputs[0].value = "2,5"  # a comma is a decimal mark in English too
    assert view.model.bands["lxi"][0].upper == 2.5 and view.band_message.message == ""


def test_enter_in_new_risk_adds_it(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    n = len(view.model.risks)
    view.new_name.value = "Verkeerde bewaartemperatuur"
    view.new_name._handle_custom_msg({"event": "submit"}, [])  # what the browser sends on Enter
    assert len(view.model.risks) == n + 1 and view.model.risks[-1].name == "Verkeerde bewaartemperatuur"
    assert view.new_name.value == ""
    assert saved(wb)["cases"][view.model.case_id]["risks"][-1]["name"] == "Verkeerde bewaartemperatuur"


def test_remove_offers_undo_and_numbers_stay(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    case = view.model.case_id
    ids = [r.id for r in view.model.risks]
    third = view.row_widgets[ids[2]]
    assert third["name"].description == "3."
    boxes = [row.box for row in view.rows]
    view.row_widgets[ids[1]]["remove"].click()
    assert ids[1] not in view.row_widgets and view.row_widgets[ids[2]]["name"].description == "3."
    assert view.row_widgets[ids[2]]["name"].value == view.model.risk(ids[2]).name
    assert [row.box for row in view.rows] == boxes and view.rows[-1].box.layout.display == "none"  # none rebuilt
    assert view.undo_box.layout.display is None and view.model.risks[1].id == ids[2]
    drawn = shown_svg(view.figure)
    numbers = re.findall(r'<text[^>]*font-weight="bold"[^>]*>(\d+)</text>', drawn)
    assert "3" in numbers and "2" not in numbers and len(numbers) == len(ids) - 1
    assert [r["id"] for r in saved(wb)["cases"][case]["risks"]] == [i for i in ids if i != ids[1]]
    view.undo_button.click()
    assert [r.id for r in view.model.risks] == ids and view.undo_box.layout.display == "none"
    assert view.row_widgets[ids[1]]["name"].description == "2."
    assert [r["id"] for r in saved(wb)["cases"][case]["risks"]] == ids
    view.row_widgets[ids[0]]["remove"].click()
    view.new_name.value = "Nieuw"
    view.add_button.click()  # a new risk takes a number after all in use, never a gap
    new = view.model.risks[-1]
    assert new.id not in ids and view.row_widgets[new.id]["name"].description == f"{len(ids) + 1}."


def test_back_to_the_case(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    case = view.cases[view.model.case_id]
    view.row_widgets["r1"]["likelihood"].value = 1 if case.risks[0].likelihood != 1 else 2
    view.row_widgets["r2"]["remove"].click()
    view.band_inputs[0].value = "3"
    view.reset_button.click()
    assert [(r.id, r.name, r.likelihood, r.impact) for r in view.model.risks] == [
        (r.id, r.name, r.likelihood, r.impact) for r in case.risks]
    assert view.band_inputs[0].value == "4" and view.undo_box.layout.display == "none"
    assert view.row_widgets["r1"]["likelihood"].value == case.risks[0].likelihood
    assert saved(wb)["cases"][case.case_id]["risks"][0]["likelihood"] == case.risks[0].likelihood


def test_exposure_shows_only_under_fine_kinney(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    exposure = view.row_widgets["r1"]["exposure"]
    assert exposure.description == "Blootstelling (alleen Fine & Kinney)"
    assert exposure.layout.display == "none"
    view.rule.value = "fine_kinney"
    assert all(w["exposure"].layout.display is None for w in view.row_widgets.values())
    view.rule.value = "lxi"
    assert all(w["exposure"].layout.display == "none" for w in view.row_widgets.values())


def test_adding_removing_and_switching_case_reuse_the_rows(wb):
    """Speed: no edit rebuilds or reorders the rows (a browser re-creates
    every box child after the first change in the list); two hidden spare
    rows wait for the next risks, and new ones are only ever appended."""
    from lst_kit.exercises.risk_matrix.view import SPARE_ROWS

    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    boxes = list(view.rows_box.children)
    assert len(boxes) == len(view.model.risks) + SPARE_ROWS
    assert [b.layout.display for b in boxes[-SPARE_ROWS:]] == ["none"] * SPARE_ROWS
    view.rows[1].remove.click()
    assert list(view.rows_box.children) == boxes and len(view.row_widgets) == len(view.model.risks)
    for name in ("Extra", "Nog een", "En nog een"):
        before = list(view.rows_box.children)
        view.new_name.value = name
        view.add_button.click()
        after = list(view.rows_box.children)
        assert after[:len(before)] == before  # only appended, never rebuilt
        assert len(after) == len(view.model.risks) + SPARE_ROWS or after == before
        shown = [b for b in after if b.layout.display is None]
        assert len(shown) == len(view.model.risks)
    kept = list(view.rows_box.children)
    other = next(c for c in view.cases if c != view.model.case_id)
    view.case.value = other
    assert list(view.rows_box.children[:len(kept)]) == kept
    shown = [w["name"].value for w in view.row_widgets.values()]
    assert shown == [r.name for r in view.model.risks]
    assert [row.rid for row in view.rows if row.rid] == [r.id for r in view.model.risks]
    view.rows[0].likelihood.value = 5 if view.model.risks[0].likelihood != 5 else 4  # a reused row edits its new risk
    assert view.model.risks[0].likelihood == view.rows[0].likelihood.value
    assert saved(wb)["cases"][other]["risks"][0]["likelihood"] == view.rows[0].likelihood.value


def test_switching_rule_builds_no_band_fields(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    fields = list(view.bands_box.children)
    view.rule.value = "fine_kinney"
    assert list(view.bands_box.children) == fields
    assert [b.description for b in view.shown_band_inputs] == [
        f"{band.label} tot en met" for band in view.model.bands["fine_kinney"][:-1]]
    view.shown_band_inputs[-1].value = "450"
    assert view.model.bands["fine_kinney"][-2].upper == 450
    view.rule.value = "lxi"
    assert list(view.bands_box.children) == fields and len(view.shown_band_inputs) == 3
    assert [b.layout.display for b in view.band_inputs[3:]] == ["none"] * (len(view.band_inputs) - 3)


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
    break_case(data, "igj_cosmetische_injectables")
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    assert hasattr(view, "model"), view.value  # a working lab, not only an error banner
    assert "igj_cosmetische_injectables" not in view.cases and len(view.cases) >= 1
    assert view.banner.kind == "info" and "cases/igj_cosmetische_injectables.yaml" in view.banner.message
    view.row_widgets["r1"]["impact"].value = 1
    assert saved(wb)["cases"][view.model.case_id]["risks"][0]["impact"] == 1
