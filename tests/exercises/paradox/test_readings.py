"""E1.3 Toezichtsparadox, the readings: settings and figure for the
portfolio, the class's settings per parameter, demo answers."""

import random

import pytest
from _svg import SVG, svg_picture

from lst_kit.content import load_spec
from lst_kit.exercises.paradox.model import ParadoxModel
from lst_kit.exercises.paradox.readings import TYPE
from lst_kit.figures.style import PALETTE
from lst_kit.reports import readings as hooks

ODD = [None, "tekst", 5, [], {}, {"parameters": 5}, {"draw": "x"}]


def fills(root, colour):
    return [el for el in root.iter() if el.get("fill", "").lower() == colour.lower()]


def test_paradox_summary_and_class_parameters():
    spec = load_spec("m1.paradox")
    a = spec.param("a")
    answers = {"A": {"parameters": {"a": a.min}}, "B": {"parameters": {"a": a.max}}, "C": {"parameters": {"a": a.max}},
               "D": {}, "E": None}
    fig, lines = hooks.class_picture("m1.paradox", answers)
    assert lines[0].startswith("3 ")  # D and E hold no settings
    assert (a.min, a.max, a.default) == (0.0, 0.6, 0.3)  # the fixture's slider
    assert f"{a.label}: mediaan 0,6 (van 0 tot 0,6; beginwaarde 0,3)." in lines
    root, texts = svg_picture(fig)
    assert {"Instellingen van de groep (illustratief model)", "mediaan van de groep", "beginwaarde", a.label} <= set(texts)
    diamonds = [el for el in fills(root, PALETTE[1]) if el.tag == f"{SVG}polygon"]
    assert len(diamonds) == len(spec.parameters) + 1  # a median per parameter, and the legend's key
    circles = [el for el in fills(root, PALETTE[4]) if el.tag == f"{SVG}circle"]
    assert len(circles) == 2 + len(spec.parameters) - 1  # a: two distinct values; the others: all at the default
    sizes = sorted(float(c.get("r")) for c in circles)
    assert sizes[0] < sizes[-1]  # a.min chosen once, a.max twice (and every default three times)
    summary = hooks.summarize("m1.paradox", answers["A"])
    assert summary[0].startswith("Illustratief model")
    assert f"{a.label}: 0" in summary
    assert hooks.plot_answer("m1.paradox", answers["A"]) is not None


@pytest.mark.parametrize("answer", ODD, ids=repr)
def test_readings_do_not_raise_on_odd_answers(answer):
    spec = load_spec("m1.paradox")
    lines = TYPE.summarize(spec, answer)
    assert lines[0].startswith("Illustratief model") and len(lines) == 2 + len(spec.parameters)
    assert TYPE.plot_answer(spec, answer) is not None  # the defaults' picture
    assert TYPE.class_picture(spec, {"D1": answer}) == (None, ["Nog niemand heeft deze oefening ingevuld."])


def test_demo_answers_are_seeded_varied_on_the_steps_and_restore():
    spec = load_spec("m1.paradox")
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first == TYPE.demo_answer(spec, random.Random("7/1"))
    answers = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(30)]
    assert any(a != first for a in answers)
    assert {a["draw"] for a in answers} <= {0, 1, 2} and len({a["draw"] for a in answers}) > 1
    for answer in answers:
        assert ParadoxModel.from_dict(spec, answer).to_dict() == answer
        for p in spec.parameters:
            value = answer["parameters"][p.key]
            assert p.min <= value <= p.max
            steps = (value - p.min) / p.step
            assert value == p.default or abs(steps - round(steps)) < 1e-6  # on the slider's steps
