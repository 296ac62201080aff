"""Reflection question, the readings: the text in the portfolio, the class's
texts by pseudonym, demo answers."""

import random

import pytest

from lst_kit.content import load_spec
from lst_kit.exercises.reflection.model import ReflectionAnswer
from lst_kit.exercises.reflection.readings import TYPE
from lst_kit.reports import readings as hooks
from lst_kit.registry import exercise_type

ODD = [None, "tekst", 5, [], {}, {"text": 5}, {"text": None}, {"tags": 5}]


def test_the_type_is_found_through_the_spec():
    assert exercise_type("reflection") is TYPE
    assert TYPE.has("summarize") and TYPE.has("class_picture") and TYPE.has("demo_answer")
    assert not TYPE.has("plot_answer")  # a reflection has no figure


def test_reflections_listed_by_pseudonym():
    answers = {"Deelnemer A": {"text": "Eerste  alinea.\n\nTweede."}, "Deelnemer B": {"text": ""}}
    fig, lines = hooks.class_picture("m1.reflectie_wrr", answers)
    assert fig is None
    assert lines == ["1 van de 2 deelnemers schreven een antwoord, gemiddeld 3 woorden.",
                     "Deelnemer A: Eerste alinea. Tweede."]
    assert hooks.summarize("m1.reflectie_wrr", answers["Deelnemer A"]) == ["Eerste  alinea.", "Tweede."]
    assert hooks.summarize("m1.reflectie_wrr", {}) == ["Nog geen tekst geschreven."]


def test_the_class_picture_reads_odd_answers_as_the_view_restores_them():
    spec = load_spec("m1.reflectie_logica")
    fig, lines = TYPE.class_picture(spec, {
        "p1": {"text": "  Een   twee\ndrie "}, "p2": {"text": "vier"}, "p3": {"text": "   "}, "p4": None,
        "p5": {"text": 5}})
    assert fig is None and lines[1:] == ["p1: Een twee drie", "p2: vier"]
    assert lines[0] == "2 van de 5 deelnemers schreven een antwoord, gemiddeld 2 woorden."  # (3 + 1) / 2


@pytest.mark.parametrize("answer", ODD, ids=repr)
def test_readings_do_not_raise_on_odd_answers(answer):
    spec = load_spec("m1.reflectie_wrr")
    assert TYPE.summarize(spec, answer) == ["Nog geen tekst geschreven."]
    fig, lines = TYPE.class_picture(spec, {"D1": answer})
    assert fig is None and lines == ["0 van de 1 deelnemers schreven een antwoord, gemiddeld 0 woorden."]


def test_demo_answers_are_seeded_varied_and_restore():
    spec = load_spec("m1.reflectie_wrr")
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first == TYPE.demo_answer(spec, random.Random("7/1"))
    others = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(2, 8)]
    assert any(o != first for o in others)
    for answer in [first, *others]:
        assert set(answer) == {"text"} and answer["text"].strip()
        assert ReflectionAnswer.from_dict(answer).to_dict() == answer
