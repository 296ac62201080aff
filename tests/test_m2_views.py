"""Module 2 widgets without a browser: set .value, .click(), then assert on
the model, the workbook file and what the participant sees."""

import asyncio
import json
import shutil

import pytest
import yaml

import lst_kit
from lst_kit.paths import data_dir
from lst_kit.widgets import ErrorBanner
from lst_kit.workbook import open_workbook

PRECISE = "Te warm bewaarde koude thuismaaltijden van thuiskoks in Midden-Delta die via apps worden bezorgd"


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


# -- Sparrow canvas --------------------------------------------------------------------------

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


# -- strategic triangle -------------------------------------------------------------------------

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


# -- effect chain ------------------------------------------------------------------------------------

def test_effect_chain_menu_own_indicator_override_and_remove(wb):
    view = lst_kit.effect_chain("m2.effectketen", workbook=wb)
    assert "Nog geen indicatoren" in view.rows.children[0].value
    view.menu.value = "Aantal inspecties"
    view.menu_add.click()
    assert on_disk(wb)["m2.effectketen"]["indicators"] == [
        {"text": "Aantal inspecties", "tier": "output", "source": "menu", "suggested": None}]
    assert "Je meet niets voorbij output" in view.warnings.value
    assert view.menu.value is None and view.figure.draws == 2
    view.own_text.value = "Aantal ziekenhuisopnames na een thuismaaltijd"
    assert view.own_tier.value == "impact" and "ziekenhuisopname*" in view.suggestion.value
    view.own_tier.value = "outcome"  # the participant overrides the suggestion
    view.own_text.value = "Aantal ziekenhuisopnames na een thuismaaltijd."
    assert view.own_tier.value == "outcome"  # a manual choice is not overwritten while typing
    view.own_add.click()
    saved = on_disk(wb)["m2.effectketen"]["indicators"][1]
    assert saved == {"text": "Aantal ziekenhuisopnames na een thuismaaltijd.", "tier": "outcome", "source": "eigen",
                     "suggested": "impact"}
    assert view.own_text.value == "" and view.own_tier.value is None
    assert "Je meet niets voorbij output" not in view.warnings.value
    view.row_controls[1]["tier"].value = "impact"
    assert on_disk(wb)["m2.effectketen"]["indicators"][1]["tier"] == "impact"
    assert "Impact (maatschappelijk effect) 1 (50%)" in view.figure.value
    view.row_controls[0]["remove"].click()
    assert [i["text"] for i in on_disk(wb)["m2.effectketen"]["indicators"]] == [
        "Aantal ziekenhuisopnames na een thuismaaltijd."]
    again = lst_kit.effect_chain("m2.effectketen", workbook=open_workbook("anna", wb.folder))
    assert again.model.indicators[0].tier == "impact" and again.indicator.state == "loaded"


def test_effect_chain_design_redraws_only_the_design_chart(wb):
    view = lst_kit.effect_chain("m2.effectketen", workbook=wb)
    weights, designs = view.figure.draws, view.design_figure.draws
    view.design.value = "quasi_experiment"
    assert on_disk(wb)["m2.effectketen"]["design"] == "quasi_experiment"
    assert view.design_figure.draws == designs + 1 and view.figure.draws == weights
    assert "Bewijskracht (illustratief): 3 van 5" in view.design_info.value and "●●●○○" in view.design_info.value
    assert "bewijskracht 3 van 5 (illustratief)" in view.design_figure.value
    view.own_text.value = "Aandeel koks dat de pakkans groot acht"
    view.own_add.click()
    view.design.value = "casestudie"
    assert "niet aantonen dat die door het toezicht komt" in view.warnings.value


def test_effect_chain_bad_input_keeps_the_saved_answer(wb):
    view = lst_kit.effect_chain("m2.effectketen", workbook=wb)
    view.menu.value = "Aantal inspecties"
    view.menu_add.click()
    view.own_text.value = "Iets heel anders"
    assert "Geen suggestie" in view.suggestion.value and view.own_tier.value is None
    view.own_add.click()
    assert "Niveau: toegestaan is een van: input" in view.banner.message and "(geen)" in view.banner.message
    view.own_text.value = "aantal inspecties"
    view.own_add.click()
    assert "nog niet in je lijst" in view.banner.message
    view.menu_add.click()  # nothing chosen in the menu
    assert "Indicator uit het menu" in view.banner.message
    assert [i["text"] for i in on_disk(wb)["m2.effectketen"]["indicators"]] == ["Aantal inspecties"]
    assert "Traceback" not in view.banner.value
