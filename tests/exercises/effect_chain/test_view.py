"""The effect chain's widget without a browser: set .value, .click(), then
assert on the model, the workbook file and what the participant sees."""

import json

import pytest

import lst_kit
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


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


def test_an_answer_saved_by_todays_kit_is_shown(wb):
    wb.save_answer("m2.effectketen", {"indicators": [
        {"text": "Aantal inspecties", "tier": "output", "source": "menu", "suggested": None},
        {"text": "Aandeel koks met temperatuurlogger", "tier": "outcome", "source": "eigen", "suggested": None}],
        "design": "experiment"})
    view = lst_kit.effect_chain("m2.effectketen", workbook=open_workbook("anna", wb.folder))
    assert view.indicator.state == "loaded" and view.banner.message == ""
    assert view.design.value == "experiment" and "Bewijskracht (illustratief): 5 van 5" in view.design_info.value
    assert len(view.row_controls) == 2 and view.row_controls[1]["tier"].value == "outcome"
    assert "Aandeel koks met temperatuurlogger" in view.rows.children[1].children[0].value
    assert "Output 1 (50%)" in view.figure.value


def test_a_broken_spec_is_a_dutch_banner(data):
    from _content import edit

    from lst_kit.widgets import ErrorBanner

    edit(data / "exercises" / "m2" / "effectketen.yaml", lambda d: d["designs"][0].update(strength=9))
    widget = lst_kit.effect_chain("m2.effectketen", workbook=open_workbook("anna", data.parent / "wb"))
    assert isinstance(widget, ErrorBanner)
    assert "effectketen.yaml" in widget.message and "designs[0].strength" in widget.message
