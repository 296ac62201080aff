"""E6.1 Dilemma cards, the view: headless choices reach the model and the workbook."""

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


def test_dilemma_view_shows_the_rule_only_after_choosing_and_saves(wb):
    view = lst_kit.independence_dilemmas("m6.dilemmas", workbook=wb)
    card = view.spec.cards[1]
    assert view.rule_boxes[card.key].value == ""
    assert view.figure.draws == 1 and "Nog geen van de 8 kaarten" in view.figure.value
    option = card.options[2]
    view.radios[card.key].value = option.key
    assert on_disk(wb)["m6.dilemmas"] == {"choices": {card.key: option.key}}
    box = view.rule_boxes[card.key].value
    for key in card.rules:
        assert view.spec.rule(key).label in box
    assert "Voor het gesprek:" in box and "zes weken" in box
    assert view.cards.titles[1].endswith("✓") and not view.cards.titles[0].endswith("✓")
    assert view.figure.draws == 2 and f"Gemiddeld trek je de grens op {option.position},0" in view.figure.value
    assert 'alt="Stippendiagram' in view.figure.value
    assert "1 van 8 kaarten gekozen" in view.progress.value
    again = lst_kit.independence_dilemmas("m6.dilemmas", workbook=open_workbook("anna", wb.folder))
    assert again.radios[card.key].value == option.key and again.rule_boxes[card.key].value == box
    assert again.indicator.state == "loaded"


def test_dilemma_view_guard_keeps_the_saved_answer(wb):
    view = lst_kit.independence_dilemmas("m6.dilemmas", workbook=wb)
    card = view.spec.cards[0]
    view.radios[card.key].value = card.options[0].key
    view.guard(view._on_choice)(card.key, "geen_optie")
    assert "toegestaan is" in view.banner.message and "geen_optie" in view.banner.message
    assert on_disk(wb)["m6.dilemmas"] == {"choices": {card.key: card.options[0].key}}


def _with_case(tmp_path, monkeypatch, case):
    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "data" / "exercises" / "m6" / "dilemmas.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["case"] = case
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return lst_kit.independence_dilemmas("m6.dilemmas", workbook=open_workbook("anna", tmp_path / "wb"))


def test_dilemma_spec_with_case_shows_the_policy_tension(tmp_path, monkeypatch):
    view = _with_case(tmp_path, monkeypatch, "nvwa_maaltijdplatforms")
    assert view.spec.case_id == "nvwa_maaltijdplatforms"
    box = view.body.children[0].value
    assert "Casus: NVWA · Maaltijd aan huis." in box and "innovatievriendelijke" in box  # the case's m6 hook


def test_an_unknown_case_gives_a_banner_naming_the_field(tmp_path, monkeypatch):
    widget = _with_case(tmp_path, monkeypatch, "bestaat_niet")
    assert isinstance(widget, ErrorBanner)
    assert "dilemmas.yaml" in widget.message and "'case'" in widget.message and "bestaat_niet" in widget.message


def test_broken_dilemma_file_gives_a_banner(tmp_path, monkeypatch):
    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "data" / "exercises" / "m6" / "dilemmas.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["cards"][2]["options"][0]["position"] = 9
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    widget = lst_kit.independence_dilemmas("m6.dilemmas", workbook=open_workbook("anna", tmp_path / "wb"))
    assert isinstance(widget, ErrorBanner)
    assert "dilemmas.yaml" in widget.message and "cards[2].options[0].position" in widget.message and "9" in widget.message
