"""The optional Module 4 exercises: the EAST letter makeover (E4.4) and the
responsive-pyramid game (E4.3)."""

import json

import pytest
import yaml

import lst_kit
from lst_kit.paths import data_dir
from lst_kit.content import ContentError, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises import east_letter as el
from lst_kit.workbook import open_workbook

GOOD_LETTER = """Beste heer De Vries,

Op 12 maart controleerden wij uw schip De Zwaan. U heeft toen ontgast tijdens het varen. Dat mag niet: de dampen
bevatten benzeen en zijn slecht voor de gezondheid van omwonenden en van uw eigen bemanning.

Negen van de tien schippers ontgassen al bij een erkende installatie. Wij vragen u hetzelfde te doen: laat uw
volgende ontgassing binnen twee weken doen bij een installatie. Een lijst staat op www.voorbeeld.nl/ontgassen.

Over vier weken komen we terug voor een hercontrole. Vragen? Bel Jan Jansen, 030-1234567.

Met vriendelijke groet,
Jan Jansen, inspecteur"""


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


# -- EAST letter ----------------------------------------------------------------------------------

def test_the_standard_letter_fails_and_a_rewrite_passes():
    spec = load_spec("m4.east_brief")
    before = el.evaluate(spec, spec.letter)
    assert not before["aanhef"] and not before["termijn"] and not before["sociale_norm"] and before["kort"]
    assert el.east_scores(spec, spec.letter) == {"E": 0.2, "A": 0.0, "S": 0.0, "T": 0.0}
    assert all(el.evaluate(spec, GOOD_LETTER).values())
    assert el.east_scores(spec, GOOD_LETTER) == {"E": 1.0, "A": 1.0, "S": 1.0, "T": 1.0}


@pytest.mark.parametrize("text, key, passed", [
    ("Wij verzoeken u dit te doen. U moet ook dat. U dient zus.", "een_actie", False),   # three requests
    ("Laat uw schip binnen twee weken ontgassen.", "een_actie", True),
    ("Doe dit uiterlijk 1 juni.", "termijn", True),
    ("Doe dit zo snel mogelijk.", "termijn", False),
    ("Geachte heer/mevrouw, doe dit.", "aanhef", False),
    ("Mail ons via info@ilt.example.", "reactiekanaal", True),
    ("Een korte zin. " + "woord " * 30 + ".", "korte_zinnen", False),
])
def test_single_checks(text, key, passed):
    spec = load_spec("m4.east_brief")
    assert el.evaluate(spec, text)[key] is passed


def test_longest_sentence():
    assert el.longest_sentence("Een twee drie. Vier vijf!\n\nZes") == 3
    assert el.longest_sentence("") == 0


def test_bad_pattern_names_file_and_field(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(data_dir(), tmp_path / "data")
    path = tmp_path / "data" / "exercises" / "m4" / "east_brief.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["checks"][1]["patterns"] = ["(ongesloten"]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    with pytest.raises(ContentError) as info:
        load_spec("m4.east_brief")
    assert info.value.field == "checks[1].patterns[0]" and "geldige reguliere expressie" in str(info.value)


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
    import xml.etree.ElementTree as ET

    from lst_kit.figures import svgplot

    svg = "{http://www.w3.org/2000/svg}"
    spec = load_spec("m4.east_brief", "east_letter")
    before, after = el.east_scores(spec, spec.letter), el.east_scores(spec, GOOD_LETTER)
    fig = el.plot_scores(spec, before, after)
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el_.itertext()) for el_ in root.iter(svg + "text")]
    for label in ("EAST-score: oorspronkelijke brief en jouw versie", "controles geslaagd (%)", "oorspronkelijk",
                  "jouw versie", "Easy(makkelijk)", "100"):
        assert label in texts
    letters = [x for x in el.EAST if before[x] is not None]
    mine = [r for r in root.iter(svg + "rect") if r.get("fill") == "#0072b2" and float(r.get("width")) > 20]
    assert len(mine) == len(letters) and all(after[x] == 1.0 for x in letters)
    assert len({round(float(r.get("height")), 1) for r in mine}) == 1   # all four at 100%
    grey = [r for r in root.iter(svg + "rect") if r.get("fill") == "#bbbbbb" and float(r.get("width")) > 20]
    assert [round(float(r.get("height")) / float(mine[0].get("height")), 2) for r in grey] == \
        [round(before[x], 2) for x in letters]
    assert sum(1 for r in root.iter(svg + "rect") if r.get("fill", "").startswith("url(#h")) == len(letters) + 1


def test_east_hooks():
    lines = el.summarize("m4.east_brief", {"text": GOOD_LETTER})
    assert lines[0].startswith("EAST-score van oorspronkelijk naar eigen versie: E 20% → 100%")
    assert el.plot_answer("m4.east_brief", {"text": GOOD_LETTER}) is not None
    fig, lines = el.class_picture("m4.east_brief", {"a": {"text": GOOD_LETTER}, "b": {}})
    assert fig is not None and lines[0].startswith("2 herschreven brieven")
    for odd in (None, 3, {"text": 5}):
        assert isinstance(el.summarize("m4.east_brief", odd), list)



def test_east_class_picture_is_an_svg_of_original_and_class_mean():
    import xml.etree.ElementTree as ET

    from lst_kit.figures import svgplot

    spec = load_spec("m4.east_brief")
    fig, _ = el.class_picture("m4.east_brief", {"a": {"text": GOOD_LETTER}, "b": {}})
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
    before = el.east_scores(spec, spec.letter)
    good = el.east_scores(spec, GOOD_LETTER)
    expected = (good["E"] + before["E"]) / 2 / before["E"]   # "b" kept the original letter
    assert float(mean[0].get("height")) == pytest.approx(expected * float(original[0].get("height")), rel=0.01)


@pytest.mark.parametrize("module", ["east_letter"])
def test_module_imports_without_matplotlib(module):
    """The class overview imports every exercise module; matplotlib loads only when a participant figure is drawn."""
    import subprocess
    import sys

    code = f"import sys, lst_kit.exercises.{module}; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- demo answers (lst-kit demo-class) ------------------------------------------------------------

def _m4_roundtrip(exercise_id, answer):
    spec = load_spec(exercise_id)
    if exercise_id == "m4.east_brief":
        return el.LetterRewrite.from_dict(spec, answer).to_dict()
    raise AssertionError(exercise_id)


@pytest.mark.parametrize("exercise_id", ["m4.east_brief"])
def test_m4_demo_answers_are_seeded_varied_and_valid(exercise_id):
    import numpy as np

    from lst_kit.reports import readings as hooks
    from lst_kit import registry

    info = hooks.exercise_info(exercise_id)
    first = hooks.demo_answer(exercise_id, np.random.default_rng([7, 1]))
    assert first is not registry.SKIP
    assert first == hooks.demo_answer(exercise_id, np.random.default_rng([7, 1]))
    others = [hooks.demo_answer(exercise_id, np.random.default_rng([7, i])) for i in range(2, 8)]
    assert any(o != first for o in others)
    for answer in [first, *others]:
        assert json.loads(json.dumps(answer)) == answer
        assert _m4_roundtrip(exercise_id, answer) == answer   # the exercise's own model accepts it
        assert info.kind.summarize(info.spec, answer)   # the type's own reading, not the generic fallback
    fig, lines = info.kind.class_picture(info.spec, {f"D{i}": a for i, a in enumerate([first, *others])})
    assert lines and all(isinstance(x, str) for x in lines)
    assert lines[0].startswith("7 ") or "7 deelnemers" in lines[0]   # the class size, read from the answers
