"""The Sparrow canvas's widget without a browser: set .value, .click(), then
assert on the model, the workbook file and what the participant sees."""

import asyncio
import json

import pytest

import lst_kit
from lst_kit.workbook import open_workbook

PRECISE = "Te warm bewaarde koude thuismaaltijden van thuiskoks in Midden-Delta die via apps worden bezorgd"


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_canvas_has_a_tab_per_stage_and_a_charter_tab(wb):
    view = lst_kit.sparrow_canvas("m2.sparrow", workbook=wb)
    assert len(view.tabs.children) == 7
    assert view.tabs.titles[:2] == ("1 Nomineren", "2 Definiëren") and view.tabs.titles[-1] == "Projectplan"
    assert all(area.continuous_update for area in view.areas.values())
    assert view.indicator.state == "empty" and view.warnings.value == ""


def test_canvas_edits_reach_the_workbook_and_warn_in_the_widget(wb):
    view = lst_kit.sparrow_canvas("m2.sparrow", workbook=wb)
    view.areas[("oplossen", "aanpak")].value = "Platforms laten de registratie controleren"
    assert on_disk(wb)["m2.sparrow"]["texts"] == {"oplossen": {"aanpak": "Platforms laten de registratie controleren"}}
    assert "Je hebt al een aanpak ingevuld" in view.warnings.value
    assert view.banner.message == ""  # a warning is advice, not an error
    assert view.tabs.titles[3] == "4 Aanpak ✓"
    view.areas[("definieren", "definitie")].value = PRECISE
    view.dimension_boxes["plaats"].value = True
    view.areas[("meten", "indicatoren")].value = "aantal inspecties\naantal boetes"
    assert "Al je indicatoren (2)" in view.warnings.value
    assert "output: telt ons eigen werk" in view.indicator_check.value
    view.areas[("meten", "indicatoren")].value = "aantal inspecties\naandeel koks met temperatuurlogger"
    assert "Al je indicatoren" not in view.warnings.value
    assert "Je schreef je aanpak (stap 4) op voordat" in view.warnings.value
    view.scale.value = "middel"
    assert "middenlaag" in view.scale_feedback.value
    view.checkboxes[("nomineren", "extern")].value = True
    saved = on_disk(wb)["m2.sparrow"]
    assert saved["scale"] == "middel" and saved["dimensions"] == ["plaats"]
    assert saved["checks"] == {"nomineren": ["extern"]}
    assert saved["order"] == ["oplossen", "definieren", "meten"]
    assert view.indicator.state == "saved"
    again = lst_kit.sparrow_canvas("m2.sparrow", workbook=open_workbook("anna", wb.folder))
    assert again.areas[("definieren", "definitie")].value == PRECISE
    assert again.scale.value == "middel" and again.dimension_boxes["plaats"].value is True
    assert again.checkboxes[("nomineren", "extern")].value is True
    assert again.indicator.state == "loaded"
    assert "Je schreef je aanpak" in again.warnings.value


def test_canvas_charter_shows_script_as_text(wb):
    view = lst_kit.sparrow_canvas("m2.sparrow", workbook=wb)
    view.areas[("definieren", "definitie")].value = "<script>alert(1)</script>"
    assert "<script>" not in view.charter.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in view.charter.value
    assert on_disk(wb)["m2.sparrow"]["texts"]["definieren"]["definitie"] == "<script>alert(1)</script>"


def test_canvas_case_selector_shows_the_m2_example(wb):
    view = lst_kit.sparrow_canvas("m2.sparrow", workbook=wb)
    assert view.example.value == ""
    view.case.value = "nla_uitzendwerk_arbeidsmigranten"
    assert "nettoloon onder het minimum" in view.example.value and "illustratief" in view.example.value
    assert on_disk(wb)["m2.sparrow"]["case"] == "nla_uitzendwerk_arbeidsmigranten"
    assert "NLA" in view.charter.value
    view.case.value = ""
    assert view.example.value == "" and on_disk(wb)["m2.sparrow"]["case"] is None


def test_canvas_bad_input_gives_a_dutch_banner_and_keeps_the_saved_answer(wb):
    view = lst_kit.sparrow_canvas("m2.sparrow", workbook=wb)
    view.areas[("definieren", "definitie")].value = "bewaard"
    view.areas[("definieren", "definitie")].value = "x" * 5001
    assert "Probleemdefinitie" in view.banner.message and "5001 tekens" in view.banner.message
    assert "Je eerdere antwoorden zijn bewaard" in view.banner.message and "Traceback" not in view.banner.value
    assert on_disk(wb)["m2.sparrow"]["texts"]["definieren"]["definitie"] == "bewaard"
    assert view.model.definition() == "bewaard"
    view.areas[("definieren", "definitie")].value = "weer kort"
    assert view.banner.message == "" and on_disk(wb)["m2.sparrow"]["texts"]["definieren"]["definitie"] == "weer kort"


def test_canvas_saves_debounced_while_typing(tmp_path, monkeypatch):
    """Inside a kernel the text is saved at most once per interval, with the
    latest state; a checkbox saves at once (and takes pending text along)."""
    import threading

    from lst_kit import widgets as ui

    monkeypatch.setattr(ui.debounce, "_kernel_loop", asyncio.get_running_loop)  # as inside a kernel
    seen = {}

    async def typing():
        wb = open_workbook("bea", tmp_path)
        view = lst_kit.sparrow_canvas("m2.sparrow", workbook=wb)
        view._debounce.delay = 0.05
        for text in ("a", "ab", "abc"):
            view.areas[("nomineren", "kandidaat")].value = text
        seen["while_typing"] = (wb.answer("m2.sparrow"), view.indicator.state)
        await asyncio.sleep(0.12)
        seen["after_pause"] = wb.answer("m2.sparrow")
        view.areas[("nomineren", "kandidaat")].value = "abcd"
        view.checkboxes[("nomineren", "extern")].value = True
        seen["after_tick"] = (wb.answer("m2.sparrow"), view._debounce.pending)

    errors = []

    def run():
        try:
            asyncio.run(typing())
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    # Its own thread, so no other event loop is in the way.
    worker = threading.Thread(target=run)
    worker.start()
    worker.join(20)
    assert errors == []
    assert seen["while_typing"] == (None, "pending")
    assert seen["after_pause"]["texts"] == {"nomineren": {"kandidaat": "abc"}}
    saved, pending = seen["after_tick"]
    assert saved["texts"]["nomineren"]["kandidaat"] == "abcd" and saved["checks"] == {"nomineren": ["extern"]}
    assert pending is False


def test_an_answer_saved_by_todays_kit_is_shown(wb):
    wb.save_answer("m2.sparrow", {"texts": {"definieren": {"definitie": "Te warme thuismaaltijden in Midden-Delta"}},
                                  "scale": "middel", "dimensions": ["plaats"], "order": ["definieren"],
                                  "case": "nvwa_maaltijdplatforms"})
    view = lst_kit.sparrow_canvas("m2.sparrow", workbook=open_workbook("anna", wb.folder))
    assert view.indicator.state == "loaded" and view.banner.message == ""
    assert view.areas[("definieren", "definitie")].value == "Te warme thuismaaltijden in Midden-Delta"
    assert view.scale.value == "middel" and view.dimension_boxes["plaats"].value is True
    assert view.case.value == "nvwa_maaltijdplatforms" and "NVWA" in view.example.value
    assert view.tabs.titles[1] == "2 Definiëren ✓"


def test_a_damaged_case_file_leaves_the_canvas_working_with_a_note(data):
    (data / "cases" / "igj_cosmetische_injectables.yaml").write_text("case_id: [kapot", encoding="utf-8")
    view = lst_kit.sparrow_canvas("m2.sparrow", workbook=open_workbook("anna", data.parent / "wb"))
    assert "igj_cosmetische_injectables" not in dict(view.case.options).values()
    assert view.banner.kind == "info" and "igj_cosmetische_injectables.yaml" in view.banner.message
    view.case.value = "nvwa_maaltijdplatforms"
    assert on_disk(view.workbook)["m2.sparrow"]["case"] == "nvwa_maaltijdplatforms"
