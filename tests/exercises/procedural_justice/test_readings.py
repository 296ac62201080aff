"""E5.3 readings: summary, the participant's figure, the class picture and
demo answers, through the contract the reports use."""

import json
import random
import subprocess
import sys

import pytest
from _svg import SVG, filled, svg_picture

from lst_kit import registry
from lst_kit.content import load_spec
from lst_kit.exercises.procedural_justice.figures import plot_justice
from lst_kit.exercises.procedural_justice.model import JusticeScores
from lst_kit.exercises.procedural_justice.readings import TYPE
from lst_kit.figures.style import PALETTE
from lst_kit.reports import readings

EXERCISE = "m5.procedurele_rechtvaardigheid"


@pytest.fixture
def spec():
    return load_spec(EXERCISE)


def test_the_type_is_found_by_its_spec_type_and_has_its_own_readings():
    assert registry.exercise_type("procedural_justice") is TYPE
    for reading in ("summarize", "plot_answer", "class_picture", "demo_answer"):
        assert TYPE.has(reading)


def test_summary_and_class_picture(spec):
    answers = {"a": {"scores": {"respect": 1, "inspraak": 5}}, "b": {"scores": {"respect": 3}}, "c": "kapot"}
    lines = TYPE.summarize(spec, answers["a"])
    assert lines[0] == "Zwakste element van procedurele rechtvaardigheid: Respect."
    fig, text = TYPE.class_picture(spec, answers)
    assert fig is not None and text[0] == "Antwoorden van 2 deelnemers."
    assert text[1] == "Respect: gemiddeld 2,0 (van 1 tot 3)."
    assert TYPE.plot_answer(spec, answers["b"]) is not None
    for odd in (None, 3, "x", {}, {"scores": [1, 2]}):
        assert TYPE.summarize(spec, odd) == []
        assert TYPE.plot_answer(spec, odd) is None
    assert TYPE.class_picture(spec, {"a": None}) == (None, ["Nog geen antwoorden op deze oefening."])


def test_the_reports_get_the_same_readings_by_exercise_id():
    answer = {"scores": {"respect": 1, "inspraak": 5}}
    assert readings.summarize(EXERCISE, answer)[0] == "Zwakste element van procedurele rechtvaardigheid: Respect."
    assert readings.plot_answer(EXERCISE, answer) is not None


def test_class_picture_is_an_svg_of_bars_and_dots(spec):
    answers = {"a": {"scores": {"respect": 1, "inspraak": 5}}, "b": {"scores": {"respect": 3}}}
    fig, _ = TYPE.class_picture(spec, answers)
    root, texts = svg_picture(fig)
    assert "Procedurele rechtvaardigheid in de groep" in texts and "Respect" in texts
    assert [str(x) for x in range(6)] == [x for x in texts if x.isdigit()]   # a tick at every score
    bars = filled(root, "#56b4e9")
    assert len(bars) == 4 and len(filled(root, "#000000", "circle")) == 8
    width = {e: float(b.get("width")) for e, b in zip(["vertrouwen", "respect", "neutraliteit", "inspraak"], bars)}
    assert width["inspraak"] == pytest.approx(2 * width["respect"], rel=0.01)   # mean 4 (5 and 3) against 2 (1 and 3)
    assert width["neutraliteit"] == pytest.approx(1.5 * width["respect"], rel=0.01)   # both at the default 3


def test_plot_is_an_svg_of_scores_and_the_encounter_on_the_curve(spec):
    model = JusticeScores(spec)
    for key, value in (("inspraak", 5), ("neutraliteit", 4), ("respect", 2), ("vertrouwen", 5)):
        model.set(key, value)
    before = model.to_dict()
    root, texts = svg_picture(plot_justice(model))
    assert model.to_dict() == before   # drawing leaves the model alone
    for text in ("Jouw scores", "Illustratief verband (geen onderzoeksuitkomst)", "illustratieve curve",
                 "dit contact", "gemiddelde score over de vier elementen", "Inspraak", "Respect"):
        assert text in texts
    # one bar per element, Inspraak on top, lengths in proportion to the scores (the axis starts at 0)
    bars = sorted((r for r in root.iter(SVG + "rect") if r.get("fill") == PALETTE[0].lower()),
                  key=lambda r: float(r.get("y")))
    widths = [float(b.get("width")) for b in bars]
    assert len(bars) == 4 and widths[0] == pytest.approx(2.5 * widths[2], rel=0.01)  # inspraak 5, respect 2
    # the dashed curve rises; the encounter's dot sits at (mean 4, expected) on it
    curve = next(p for p in root.iter(SVG + "polyline") if p.get("stroke-dasharray"))
    pts = [tuple(map(float, p.split(","))) for p in curve.get("points").split()]
    assert len(pts) == 101 and all(b[1] <= a[1] for a, b in zip(pts, pts[1:]))  # higher on screen = smaller y
    dot = next(c for c in root.iter(SVG + "circle") if c.get("fill") == PALETTE[1].lower()
               and c.get("stroke") == "#000000")
    x0, x1 = pts[0][0], pts[-1][0]
    assert float(dot.get("cx")) == pytest.approx(x0 + (x1 - x0) * (4 - 1) / 4, abs=0.5)
    assert float(dot.get("cy")) == pytest.approx(pts[75][1], abs=0.5)


# -- demo answers ------------------------------------------------------------------------

def demo(spec, seed):
    return TYPE.demo_answer(spec, random.Random(seed))


def test_demo_answers_score_every_element_on_the_scale_seeded_and_varied(spec):
    answers = [demo(spec, f"pj/{i}") for i in range(30)]
    for a in answers:
        assert json.loads(json.dumps(a)) == a
        assert set(a["scores"]) == {e.key for e in spec.elements}
        assert all(isinstance(s, int) and spec.scale.min <= s <= spec.scale.max for s in a["scores"].values())
        assert JusticeScores.from_dict(spec, a).to_dict() == a   # what the view would save
    assert len({s for a in answers for s in a["scores"].values()}) >= 4
    assert demo(spec, "pj/7") == demo(spec, "pj/7")
    assert len({json.dumps(a, sort_keys=True) for a in answers[:8]}) >= 4
    # most encounters went reasonably well: the mean lies above the middle of the scale
    mean = sum(s for a in answers for s in a["scores"].values()) / (4 * len(answers))
    assert mean > (spec.scale.min + spec.scale.max) / 2


def test_demo_answers_feed_summary_and_class_picture(spec):
    answers = {f"D{i}": demo(spec, i) for i in range(5)}
    for answer in answers.values():
        lines = readings.summarize(EXERCISE, answer)
        assert lines and lines != registry.generic_lines(answer)
    fig, lines = readings.class_picture(EXERCISE, answers)
    assert lines != registry.generic_class_lines(answers) and fig.to_svg().startswith(b"<svg")


@pytest.mark.slow
def test_package_imports_without_ipywidgets_or_matplotlib():
    """The class overview imports every exercise's readings; widgets and
    matplotlib load only when a participant's view is built."""
    code = ("import sys, lst_kit.exercises.procedural_justice, lst_kit.exercises.procedural_justice.readings; "
            "print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"
