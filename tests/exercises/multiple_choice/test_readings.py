"""Multiple-choice check, the readings: the pick in the portfolio, the class's
picks as bars, demo answers."""

import random

import pytest
from _svg import SVG, svg_picture

from lst_kit.content import load_spec
from lst_kit.exercises.multiple_choice.model import Choice
from lst_kit.exercises.multiple_choice.readings import TYPE
from lst_kit.figures.style import PALETTE
from lst_kit.registry import exercise_type
from lst_kit.reports import readings as hooks

ODD = [None, "tekst", 5, [], {}, {"option": 5}, {"option": ["x"]}, {"choice": 1}, {"tags": 5}]


def fills(root, colour):
    return [el for el in root.iter() if el.get("fill", "").lower() == colour.lower()]


def test_the_type_is_found_through_the_spec():
    assert exercise_type("multiple_choice") is TYPE
    assert TYPE.has("class_picture") and not TYPE.has("plot_answer")


def test_multiple_choice_summary_and_class_picture():
    spec = load_spec("m1.definitie")
    right = next(i for i, o in enumerate(spec.options) if o.correct)
    wrong = (right + 1) % len(spec.options)
    answer = {"choice": wrong, "option": spec.options[wrong].text, "correct": False}
    lines = hooks.summarize("m1.definitie", answer)
    assert lines[0] == f"Gekozen: '{spec.options[wrong].text}' (niet goed)."
    assert lines[-1] == f"Het juiste antwoord: '{spec.options[right].text}'."
    assert hooks.summarize("m1.definitie", {"option": "een geschrapt antwoord"})[0].endswith(
        "Dit antwoord staat niet meer in de oefening.")
    answers = {f"D{i}": {"option": spec.options[right if i < 3 else wrong].text} for i in range(5)}
    answers["D9"] = {"option": "geschrapt"}
    fig, lines = hooks.class_picture("m1.definitie", answers)
    assert lines[0] == f"Meest gekozen: '{spec.options[right].text}' (3 van 5)."
    assert lines[1] == "60% koos het juiste antwoord (3 van 5)."
    root, texts = svg_picture(fig)
    assert "Gekozen antwoorden in de groep" in texts and "aantal deelnemers" in texts
    assert any(text.endswith("✓ juist") for text in texts)
    right_bar = [r for r in fills(root, PALETTE[2]) if r.tag == f"{SVG}rect"]
    assert len(right_bar) == 1  # the right option, green and hatched
    assert any(r.get("fill", "").startswith("url(#h") for r in root.iter(f"{SVG}rect"))
    wrong_bars = [float(r.get("width")) for r in fills(root, PALETTE[0]) if r.tag == f"{SVG}rect"]
    assert len(wrong_bars) == len(spec.options) - 1
    assert float(right_bar[0].get("width")) == pytest.approx(1.5 * max(wrong_bars), rel=0.01)  # 3 against 2


def test_a_right_pick_has_no_right_answer_line():
    spec = load_spec("m1.definitie")
    lines = TYPE.summarize(spec, {"choice": 0, "option": spec.options[0].text, "correct": True})
    assert lines == [f"Gekozen: '{spec.options[0].text}' (goed).", spec.options[0].feedback]


@pytest.mark.parametrize("answer", ODD, ids=repr)
def test_readings_do_not_raise_on_odd_answers(answer):
    spec = load_spec("m1.definitie")
    assert TYPE.summarize(spec, answer) == ["Nog geen antwoord gekozen."]
    assert TYPE.class_picture(spec, {"D1": answer, "D2": answer}) == (None, ["Nog niemand heeft deze oefening ingevuld."])


def test_demo_answers_are_seeded_varied_and_restore():
    spec = load_spec("m1.definitie")
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first == TYPE.demo_answer(spec, random.Random("7/1"))
    answers = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(40)]
    assert len({a["choice"] for a in answers}) > 1
    assert 0.4 < sum(a["correct"] for a in answers) / len(answers) < 0.9  # right about two times in three
    for answer in answers:
        assert Choice.from_dict(spec, answer).to_dict() == answer
