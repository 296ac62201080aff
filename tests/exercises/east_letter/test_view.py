"""E4.4 EAST letter makeover, the view (headless) and its figures."""

import json
import xml.etree.ElementTree as ET

import pytest

import lst_kit
from lst_kit.content import load_spec
from lst_kit.exercises.east_letter.figures import plot_scores
from lst_kit.exercises.east_letter.model import EAST, east_scores
from lst_kit.figures import svgplot
from lst_kit.workbook import open_workbook
from .test_model import GOOD_LETTER


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_east_view_saves_the_rewrite_and_scores_it(wb):
    view = lst_kit.east_letter("m4.east_brief", workbook=wb)
    assert view.text.value == view.spec.letter and "0% → 0%" in view.figure.value
    view.text.value = GOOD_LETTER
    assert on_disk(wb)["m4.east_brief"] == {"text": GOOD_LETTER}
    assert "Social (sociaal) 0% → 100%" in view.figure.value
    assert view.checklist.value.count("<b>✓</b>") == len(view.spec.checks)
    again = lst_kit.east_letter("m4.east_brief", workbook=open_workbook("anna", wb.folder))
    assert again.text.value == GOOD_LETTER
    view.text.value = "x" * 20001
    assert "20001 tekens" in view.banner.message and on_disk(wb)["m4.east_brief"] == {"text": GOOD_LETTER}
    view.reset_button.click()
    assert on_disk(wb)["m4.east_brief"] == {"text": view.spec.letter} and view.banner.message == ""


def test_east_picture_puts_original_and_rewrite_side_by_side():


    svg = "{http://www.w3.org/2000/svg}"
    spec = load_spec("m4.east_brief", "east_letter")
    before, after = east_scores(spec, spec.letter), east_scores(spec, GOOD_LETTER)
    fig = plot_scores(spec, before, after)
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el_.itertext()) for el_ in root.iter(svg + "text")]
    for label in ("EAST-score: oorspronkelijke brief en jouw versie", "controles geslaagd (%)", "oorspronkelijk",
                  "jouw versie", "Easy(makkelijk)", "100"):
        assert label in texts
    letters = [x for x in EAST if before[x] is not None]
    mine = [r for r in root.iter(svg + "rect") if r.get("fill") == "#0072b2" and float(r.get("width")) > 20]
    assert len(mine) == len(letters) and all(after[x] == 1.0 for x in letters)
    assert len({round(float(r.get("height")), 1) for r in mine}) == 1   # all four at 100%
    grey = [r for r in root.iter(svg + "rect") if r.get("fill") == "#bbbbbb" and float(r.get("width")) > 20]
    assert [round(float(r.get("height")) / float(mine[0].get("height")), 2) for r in grey] == \
        [round(before[x], 2) for x in letters]
    assert sum(1 for r in root.iter(svg + "rect") if r.get("fill", "").startswith("url(#h")) == len(letters) + 1




def test_the_view_flags_an_objection_clause(wb):
    from lst_kit.i18n import t

    view = lst_kit.east_letter("m4.east_brief", workbook=wb)
    notice = t("east_letter.awb_objection")
    assert notice not in view.checklist.value
    view.text.value = view.spec.letter + "\nTegen dit besluit kunt u bezwaar maken."
    view.flush()
    assert notice in view.checklist.value
    view.reset_button.click()
    assert notice not in view.checklist.value
