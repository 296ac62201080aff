"""A set of rating scales, the readings: lines and bars for the portfolio,
mean and spread per statement for the class, demo answers."""

import random

import pytest
from _svg import SVG, svg_picture

from lst_kit import registry
from lst_kit.content import load_spec
from lst_kit.exercises.rating_scales.model import Ratings
from lst_kit.exercises.rating_scales.readings import TYPE
from lst_kit.figures.style import PALETTE
from lst_kit.reports import readings as hooks

ODD = [None, "tekst", 5, [], {}, {"ratings": 5}, {"ratings": {"x": "veel"}}, {"ratings": {"lasten_en_kosten": 9}}]


def fills(root, colour):
    return [el for el in root.iter() if el.get("fill", "").lower() == colour.lower()]


def test_rating_class_statistics():
    spec = load_spec("m1.wrr_nadrukken")
    first, second = spec.items[0].key, spec.items[1].key
    answers = {"A": {"ratings": {first: 1, second: 5}}, "B": {"ratings": {first: 3}}, "C": {"ratings": {first: 5}}}
    fig, lines = hooks.class_picture("m1.wrr_nadrukken", answers)
    label = registry.short_label(spec.items[0].text, 60)
    assert f"{label}: gemiddeld 3,0, sd 1,6, n = 3." in lines
    assert any(line.endswith("gemiddeld 5,0, sd 0,0, n = 1.") for line in lines)
    root, texts = svg_picture(fig)
    assert "Scores in de groep: aantal per score, gemiddelde (ruit) en spreiding (lijn)" in texts
    assert registry.short_label(spec.items[0].text) in texts
    assert f"{spec.scale.min} = {spec.scale.low} · {spec.scale.max} = {spec.scale.high}" in texts
    diamonds = [el for el in fills(root, PALETTE[1]) if el.tag == f"{SVG}polygon"]
    assert len(diamonds) == 2  # a mean for the two statements that were rated, none for the others
    circles = [float(c.get("r")) for c in fills(root, PALETTE[4]) if c.tag == f"{SVG}circle"]
    assert len(circles) == len(spec.items) * (spec.scale.max - spec.scale.min + 1)
    assert len([r for r in circles if r > 0]) == 4  # scores 1, 3, 5 for the first statement, 5 for the second
    summary = hooks.summarize("m1.wrr_nadrukken", {"ratings": {first: 4}})
    assert summary[0] == f"{registry.short_label(spec.items[0].text, 60)}: 4 ({spec.scale.label(4)})"
    assert summary[-1] == f"1 van {len(spec.items)} stellingen beoordeeld."


def test_rating_plot_for_the_portfolio_is_svg_with_a_bar_per_rated_statement():
    spec = load_spec("m1.wrr_nadrukken")
    low, high = spec.scale.min, spec.scale.max
    first, second, *rest = spec.items
    fig = TYPE.plot_answer(spec, {"ratings": {first.key: high, **{i.key: low for i in rest}}})
    root, texts = svg_picture(fig)
    assert "nog niet beoordeeld" in texts and str(high) in texts  # the second statement is open
    bars = sorted((float(r.get("width")) for r in root.iter(f"{SVG}rect") if r.get("fill") == "#0072b2"),
                  reverse=True)
    assert len(bars) == 1 + len(rest)
    assert bars[0] == pytest.approx(bars[-1] * (high - low + 0.05) / 0.05, rel=0.02)
    assert TYPE.plot_answer(spec, {"ratings": {}}) is None


@pytest.mark.parametrize("answer", ODD, ids=repr)
def test_readings_do_not_raise_on_odd_answers(answer):
    spec = load_spec("m1.wrr_nadrukken")
    assert TYPE.summarize(spec, answer) == ["Nog geen stellingen beoordeeld."]
    assert TYPE.plot_answer(spec, answer) is None
    assert TYPE.class_picture(spec, {"D1": answer}) == (None, ["Nog niemand heeft deze oefening ingevuld."])


def test_demo_answers_are_seeded_varied_and_restore():
    spec = load_spec("m1.wrr_nadrukken")
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first == TYPE.demo_answer(spec, random.Random("7/1"))
    answers = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(30)]
    assert any(a != first for a in answers)
    for answer in answers:
        assert Ratings.from_dict(spec, answer).to_dict() == answer
        assert all(spec.scale.min <= v <= spec.scale.max for v in answer["ratings"].values())
    assert len({v for a in answers for v in a["ratings"].values()}) >= 3  # spread over the scale
