"""E4.4 EAST letter makeover, the readings: scores and figure for the
portfolio, the class mean against the original, demo answers."""

import json
import random
import xml.etree.ElementTree as ET

import pytest

from lst_kit.content import load_spec
from lst_kit.exercises.east_letter.model import LetterRewrite, east_scores
from lst_kit.exercises.east_letter.readings import TYPE
from lst_kit.figures import svgplot
from lst_kit.reports import readings as hooks
from .test_model import GOOD_LETTER


def test_east_readings():
    lines = hooks.summarize("m4.east_brief", {"text": GOOD_LETTER})
    assert lines[0] == "EAST-score van oorspronkelijk naar eigen versie: E 20% → 100%, A 0% → 100%, S 0% → 100%, T 0% → 100%."
    assert len(lines) == 2  # nothing missing
    assert hooks.plot_answer("m4.east_brief", {"text": GOOD_LETTER}) is not None
    fig, lines = hooks.class_picture("m4.east_brief", {"a": {"text": GOOD_LETTER}, "b": {}})
    assert fig is not None and lines[0].startswith("2 herschreven brieven")


def test_the_summary_names_the_checks_still_failed():
    spec = load_spec("m4.east_brief")
    lines = TYPE.summarize(spec, {})  # the original letter
    failed = [c.label for c in spec.checks if c.key != "kort"]
    assert lines[-1].endswith(", ".join(failed) + ".")


@pytest.mark.parametrize("answer", [None, 3, {"text": 5}, "tekst", []])
def test_readings_do_not_raise_on_odd_answers(answer):
    spec = load_spec("m4.east_brief")
    assert TYPE.summarize(spec, answer)[0].startswith("EAST-score van oorspronkelijk naar eigen versie: E 20% → 20%")
    assert isinstance(TYPE.plot_answer(spec, answer), svgplot.Figure)
    fig, lines = TYPE.class_picture(spec, {"a": answer})
    if isinstance(answer, dict):
        assert lines[0].startswith("1 herschreven")
    else:
        assert fig is None and len(lines) == 1


def test_east_class_picture_is_an_svg_of_original_and_class_mean():
    fig, lines = hooks.class_picture("m4.east_brief", {"a": {"text": GOOD_LETTER}, "b": {}})
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el_.itertext()) for el_ in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "EAST-score: oorspronkelijke brief en de herschreven brieven van de groep" in texts
    assert "oorspronkelijk" in texts and "gemiddelde van de groep" in texts
    bars = list(root.iterfind(".//s:g/s:rect", {"s": "http://www.w3.org/2000/svg"}))
    original = [r for r in bars if r.get("fill") == "#bbbbbb"]
    mean = [r for r in bars if r.get("fill") == "#0072b2"]
    assert len(original) == len(mean) == 4   # E, A, S, T
    assert len([r for r in bars if r.get("fill", "").startswith("url(#h")]) == 4   # the original is hatched
    expected = (1.0 + 0.2) / 2 / 0.2   # "b" kept the original letter (E: 20%), "a" passes everything
    assert float(mean[0].get("height")) == pytest.approx(expected * float(original[0].get("height")), rel=0.01)
    # every check but 'kort' passed by one letter of two: the first of those in the spec is the hardest
    assert lines[1] == "De lastigste controle: Persoonlijke aanhef (1 van de 2 brieven geslaagd)."


def test_demo_answers_are_seeded_varied_and_restore():
    spec = load_spec("m4.east_brief")
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first == TYPE.demo_answer(spec, random.Random("7/1"))
    others = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(2, 8)]
    assert any(o != first for o in others)
    for answer in [first, *others]:
        assert json.loads(json.dumps(answer)) == answer
        assert LetterRewrite.from_dict(spec, answer).to_dict() == answer
    before = east_scores(spec, spec.letter)
    assert any(east_scores(spec, a["text"])["S"] > before["S"] for a in others)  # some rewrites improve
    fig, lines = TYPE.class_picture(spec, {f"D{i}": a for i, a in enumerate([first, *others])})
    assert lines[0].startswith("7 ")


def test_the_summary_flags_an_objection_clause():
    from lst_kit.i18n import t

    spec = load_spec("m4.east_brief")
    notice = t("east_letter.awb_objection")
    assert notice in TYPE.summarize(spec, {"text": spec.letter + "\nTegen dit besluit kunt u bezwaar maken."})
    assert notice not in TYPE.summarize(spec, {"text": spec.letter})
