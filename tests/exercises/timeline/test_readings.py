"""E1.1 Timeline tagger, the readings: lines and figure for the portfolio,
tags per period for the class, demo answers."""

import random

import pytest
from _svg import SVG, svg_picture

from lst_kit.content import load_spec
from lst_kit.exercises.timeline.model import TimelineTags
from lst_kit.exercises.timeline.readings import TYPE
from lst_kit.figures.style import PALETTE
from lst_kit.reports import readings as hooks

ODD = [None, "tekst", 5, [], {}, {"tags": 5}, {"tags": {"kvt1": 3}}, {"tags": {"weg": "naleving"}}]


def fills(root, colour):
    return [el for el in root.iter() if el.get("fill", "").lower() == colour.lower()]


def test_timeline_class_counts_per_period():
    spec = load_spec("m1.tijdlijn")
    e0, e1 = spec.events[0], spec.events[1]
    logic = spec.logics[0].key
    answers = {"A": {"tags": {e0.key: logic, e1.key: logic}}, "B": {"tags": {e0.key: logic}}, "C": {"tags": {}},
               "D": {"tags": {"verdwenen": logic}}}
    fig, lines = hooks.class_picture("m1.tijdlijn", answers)
    period = spec.period_of(e0.year).label
    assert lines[0].startswith("2 deelnemers labelden") and f"{period}: {spec.logics[0].label} (100%)." in lines
    assert len(lines) == 2  # no other period has tags
    root, texts = svg_picture(fig)
    assert {"Labels van de groep per periode", "Verschuiving van de logica's", "nog niet gelabeld"} <= set(texts)
    assert all(p.label in texts for p in spec.periods) and all(lg.label in texts for lg in spec.logics)
    first_logic = [r for r in fills(root, PALETTE[0]) if r.tag == f"{SVG}rect" and float(r.get("height")) > 0]
    assert len(first_logic) == len({spec.period_of(e.year).label for e in (e0, e1)}) + 1  # bars + legend key
    drift = [el for el in root.iter(f"{SVG}polyline") if el.get("stroke") == PALETTE[0].lower()]
    assert len(drift) == 1 and len(drift[0].get("points").split()) == len(spec.periods)


def test_summary_names_the_dominant_logic_and_the_agreement():
    spec = load_spec("m1.tijdlijn")
    lines = TYPE.summarize(spec, {"tags": {"commissie_borghouts": "onafhankelijkheid", "kvt1": "naleving",
                                           "kvt2": "effect"}})
    assert lines[0] == f"3 van de {len(spec.events)} gebeurtenissen gelabeld."
    # a three-way tie in the first period (4 events): the first of those logics in the spec wins
    assert lines[1] == "2000–2006: 3 van 4 gebeurtenissen gelabeld, meest gekozen: Naleving."
    assert lines[-1] == ("Bij 2 van de 3 gelabelde gebeurtenissen koos je dezelfde logica als de lezing van het "
                         "cursusteam.")
    assert len(lines) == 2 + len(spec.periods)


def test_plots_are_deterministic():
    spec = load_spec("m1.tijdlijn")
    answer = TYPE.demo_answer(spec, random.Random(3))
    assert hooks.plot_answer("m1.tijdlijn", answer).to_svg() == hooks.plot_answer("m1.tijdlijn", answer).to_svg()


@pytest.mark.parametrize("answer", ODD, ids=repr)
def test_readings_do_not_raise_on_odd_answers(answer):
    spec = load_spec("m1.tijdlijn")
    assert TYPE.summarize(spec, answer) == ["Nog geen gebeurtenissen gelabeld."]
    assert TYPE.plot_answer(spec, answer) is None
    assert TYPE.class_picture(spec, {"D1": answer}) == (None, ["Nog niemand heeft deze oefening ingevuld."])


def test_demo_answers_are_seeded_varied_and_restore():
    spec = load_spec("m1.tijdlijn")
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first == TYPE.demo_answer(spec, random.Random("7/1"))
    answers = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(10)]
    assert any(a != first for a in answers)
    for answer in answers:
        assert TimelineTags.from_dict(spec, answer).to_dict() == answer
        assert len(answer["tags"]) > len(spec.events) / 2  # most events tagged
