"""E6.3 Learning plan, the view and the portfolio button, headless."""

import base64
import json
import re

import pytest

import lst_kit
from lst_kit.content import load_spec
from lst_kit.exercises.learning_plan.model import Prefill
from lst_kit.exercises.learning_plan.view import LearningPlanView
from lst_kit.workbook import open_workbook

from .test_model import SAVED_BY_THE_FLAT_MODULE


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_learning_plan_view_prefills_saves_as_typed_and_refreshes(wb):
    view = lst_kit.learning_plan("m6.wat_neem_je_mee", workbook=wb)
    assert "Nog niet ingevuld in module 2." in view.earlier.value
    assert "Nog niet ingevuld in module 6." in view.earlier.value  # no dilemmas yet
    view.text_areas["leerdoelen"].value = "Ik wil <b>signalen</b> beter agenderen."
    view.flush()
    saved = on_disk(wb)["m6.wat_neem_je_mee"]
    assert saved["fields"] == {"leerdoelen": "Ik wil <b>signalen</b> beter agenderen."}
    assert "7 woorden" in view.counts["leerdoelen"].value and view.indicator.state == "saved"
    card = load_spec("m6.dilemmas").cards[0]
    wb.save_answer("m6.dilemmas", {"choices": {card.key: card.options[0].key}})
    view.refresh_button.click()
    assert "Je koos bij 1 van de 8 kaarten" in view.earlier.value
    assert on_disk(wb)["m6.wat_neem_je_mee"]["prefill"]["grens"]["filled"] is True
    view.text_areas["volgende_stappen"].value = "x" * 20001
    assert "20001 tekens" in view.banner.message
    assert "volgende_stappen" not in on_disk(wb)["m6.wat_neem_je_mee"]["fields"]
    again = lst_kit.learning_plan("m6.wat_neem_je_mee", workbook=open_workbook("anna", wb.folder))
    assert again.text_areas["leerdoelen"].value == "Ik wil <b>signalen</b> beter agenderen."


def test_the_view_reads_earlier_answers_only_through_what_it_is_given(wb):
    spec = load_spec("m6.wat_neem_je_mee")
    wb.save_answer("m1.iets", {"a": 1})
    seen = []

    def read_earlier(answers):
        seen.append(sorted(answers))
        return [Prefill(s, (f"regel van {s.key}",), ()) for s in spec.sections]

    view = LearningPlanView(spec, read_earlier, wb, save_delay=0)
    assert seen == [["m1.iets"]] and "regel van grens" in view.earlier.value
    view.refresh_button.click()
    assert on_disk(wb)["m6.wat_neem_je_mee"]["prefill"]["grens"] == {
        "label": spec.sections[[s.key for s in spec.sections].index("grens")].label,
        "lines": ["regel van grens"], "filled": True}
    assert seen[-1] == ["m1.iets"]  # its own answer is not among the earlier ones


def test_the_view_restores_an_answer_saved_by_the_flat_module(wb):
    wb.save_answer("m6.wat_neem_je_mee", SAVED_BY_THE_FLAT_MODULE)
    view = lst_kit.learning_plan("m6.wat_neem_je_mee", workbook=open_workbook("anna", wb.folder))
    assert view.indicator.state == "loaded"
    for key, text in SAVED_BY_THE_FLAT_MODULE["fields"].items():
        assert view.text_areas[key].value == text


def test_portfolio_button_writes_next_to_the_workbook(wb):
    wb.save_answer("m1.reflectie_wrr", {"text": "<script>alert(1)</script> mijn tekst"})
    button = lst_kit.portfolio_button("anna", wb.folder)
    assert button.path is None
    button.button.click()
    expected = wb.folder / "anna-portfolio.html"
    assert button.path == expected and expected.is_file()
    html = expected.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; mijn tekst" in html and "<script" not in html
    value = button.result.value
    # a participant on a hub cannot open a server path: the message names the file, never the folder
    assert str(wb.folder) not in value and str(expected) not in value
    assert "anna-portfolio.html" in value
    # one link, styled as a button, that downloads the file itself (the page's bytes, not a server URL)
    links = re.findall(r"<a ([^>]*)>", value)
    assert len(links) == 1 and "class='lst-download'" in links[0] and "role='button'" in links[0]
    assert "download='anna-portfolio.html'" in links[0]
    data = re.search(r"href='data:text/html;base64,([A-Za-z0-9+/=]+)'", links[0]).group(1)
    assert base64.b64decode(data) == expected.read_bytes()


def test_portfolio_button_reports_a_missing_workbook_in_dutch(tmp_path):
    button = lst_kit.portfolio_button("niemand", tmp_path)
    button.button.click()
    assert "Er is geen werkboek van deelnemer 'niemand'" in button.banner.message
    assert button.path is None and list(tmp_path.iterdir()) == []
