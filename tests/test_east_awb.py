"""E4.4: a warning letter is normally no besluit in the sense of the Awb, so the
letter checker flags an objection clause ('bezwaar maken'), apart from the EAST
scores (lst_kit.exercises.east_letter.awb_objection_clause)."""

import pytest

import lst_kit
from lst_kit.content import load_spec
from lst_kit.exercises import east_letter as el
from lst_kit.i18n import t
from lst_kit.workbook import open_workbook


@pytest.mark.parametrize("text", [
    "Tegen dit besluit kunt u bezwaar maken.",
    "U kunt binnen zes weken bezwaar bij ons indienen.",
    "Stuur uw bezwaarschrift naar de inspectie.",
    "Wilt u BEZWAAR aantekenen? Schrijf ons.",
])
def test_objection_clause_is_found(text):
    assert el.awb_objection_clause(text)


@pytest.mark.parametrize("text", [
    "", "Wij hebben geen bezwaar tegen een gesprek.", "Bel ons als u vragen heeft.",
    "Binnen twee weken komen we terug.",
])
def test_no_false_alarm(text):
    assert not el.awb_objection_clause(text)


def test_shipped_warning_letter_has_no_objection_clause(shipped):
    assert not el.awb_objection_clause(load_spec("m4.east_brief", "east_letter").letter)


def test_the_view_and_the_summary_flag_the_clause(tmp_path):
    wb = open_workbook("anna", tmp_path / "wb")
    view = lst_kit.east_letter("m4.east_brief", workbook=wb)
    notice = t("east_letter.awb_objection")
    assert notice not in view.checklist.value
    scores_before = el.east_scores(view.spec, view.spec.letter)
    view.text.value = view.spec.letter + "\nTegen dit besluit kunt u bezwaar maken."
    view.flush()
    assert notice in view.checklist.value
    assert el.east_scores(view.spec, view.text.value) == scores_before  # the EAST scores do not change
    assert notice in el.summarize("m4.east_brief", {"text": view.text.value})
    assert notice not in el.summarize("m4.east_brief", {"text": view.spec.letter})
