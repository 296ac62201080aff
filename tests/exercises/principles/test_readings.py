"""E1.2 Principles radar, the readings: shifts and radar for the portfolio,
the class's mean radar, demo answers."""

import random

import pytest
from _svg import SVG, svg_picture

from lst_kit.content import load_spec
from lst_kit.exercises.principles.model import PrincipleScores
from lst_kit.exercises.principles.readings import TYPE
from lst_kit.figures.style import PALETTE
from lst_kit.reports import readings as hooks

ODD = [None, "tekst", 5, [], {}, {"scores": 5}, {"scores": {"nu": {"onafhankelijk": 99}}},
       {"scores": {"nu": [1, 2]}}]


def fills(root, colour):
    return [el for el in root.iter() if el.get("fill", "").lower() == colour.lower()]


def test_principles_class_means():
    spec = load_spec("m1.principes")
    then, now = (m.key for m in spec.moments)
    p = spec.principles[0]
    answers = {"A": {"scores": {then: {p.key: 1}, now: {p.key: 3}}}, "B": {"scores": {then: {p.key: 3}, now: {p.key: 5}}}}
    fig, lines = hooks.class_picture("m1.principes", answers)
    assert lines[0].startswith("2 ")
    assert f"{p.label}: 2,0 → 4,0 (sd 1,0)." in lines
    root, texts = svg_picture(fig)
    assert "Groepsgemiddelde, band = ± 1 standaardafwijking" in texts and p.label in texts
    assert {f"gemiddelde: {m.label}" for m in spec.moments} <= set(texts)
    for i in range(len(spec.moments)):  # per moment a closed line through every principle, and a band
        line = [el for el in root.iter(f"{SVG}polyline") if el.get("stroke") == PALETTE[i].lower()]
        assert len(line) == 2 and len(line[0].get("points").split()) == len(spec.principles) + 1  # + legend key
        assert len([el for el in fills(root, PALETTE[i]) if el.tag == f"{SVG}path"]) == 1
    lines = hooks.summarize("m1.principes", answers["A"])
    assert lines[0] == f"Grootste verschuivingen: {p.label} (+2)."
    assert len(lines) == 1 + len(spec.moments)


def test_plot_answer_only_for_an_answer_with_scores():
    spec = load_spec("m1.principes")
    assert TYPE.plot_answer(spec, {"scores": {}}) is None
    root, texts = svg_picture(TYPE.plot_answer(spec, {"scores": {"nu": {"onafhankelijk": 5}}}))
    assert "Principes van goed toezicht: toen en nu" in texts


@pytest.mark.parametrize("answer", ODD, ids=repr)
def test_readings_do_not_raise_on_odd_answers(answer):
    spec = load_spec("m1.principes")
    assert TYPE.summarize(spec, answer) == ["Nog geen principes gescoord."]
    assert TYPE.plot_answer(spec, answer) is None
    assert TYPE.class_picture(spec, {"D1": answer}) == (None, ["Nog niemand heeft deze oefening ingevuld."])


def test_demo_answers_are_seeded_varied_and_restore():
    spec = load_spec("m1.principes")
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first == TYPE.demo_answer(spec, random.Random("7/1"))
    answers = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(30)]
    assert any(a != first for a in answers)
    for answer in answers:
        assert PrincipleScores.from_dict(spec, answer).to_dict() == answer
    then, now = (m.key for m in spec.moments)
    change = [a["scores"][now][p.key] - a["scores"][then][p.key] for a in answers for p in spec.principles]
    assert sum(change) / len(change) > 0  # now a little higher on average
