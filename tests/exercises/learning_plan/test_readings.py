"""E6.3 Learning plan, the readings: summary, class picture, demo answers."""

import json
import random

import pytest
from _svg import svg_picture

from lst_kit.content import load_spec
from lst_kit.exercises.learning_plan.model import LearningPlan
from lst_kit.exercises.learning_plan.readings import TYPE
from lst_kit.figures.style import PALETTE
from lst_kit.reports import readings as hooks

from .test_model import SAVED_BY_THE_FLAT_MODULE


@pytest.fixture
def spec():
    return load_spec("m6.wat_neem_je_mee")


def test_learning_plan_summary_for_the_portfolio():
    answer = {"fields": {"leerdoelen": "Doel  één.", "volgende_stappen": ""},
              "prefill": {"grens": {"label": "x", "lines": ["Lijn 1", "Lijn 2"], "filled": True},
                          "signaal": {"lines": ["Nog niet ingevuld in module 5."], "filled": False}}}
    lines = hooks.summarize("m6.wat_neem_je_mee", answer)
    assert lines == ["Mijn persoonlijke leerdoelen: Doel één.",
                     "Waar jij de grens trekt (onafhankelijkheid): Lijn 1; Lijn 2"]
    assert hooks.summarize("m6.wat_neem_je_mee", {}) == ["Nog niets ingevuld in het leerplan."]
    assert not TYPE.has("plot_answer") and hooks.plot_answer("m6.wat_neem_je_mee", answer) is None


def test_summary_of_the_flat_modules_answer(spec):
    lines = TYPE.summarize(spec, SAVED_BY_THE_FLAT_MODULE)
    assert lines[0] == "Mijn persoonlijke leerdoelen: Signalen eerder agenderen."
    assert lines[-1] == ("Waar jij de grens trekt (onafhankelijkheid): Je koos bij 1 van de 8 kaarten.; "
                         "Een conclusie afzwakken: ... (positie 5)")


def test_learning_plan_class_picture_shows_how_often_each_section_was_prefilled(spec):
    filled = {"label": "x", "lines": ["regel"], "filled": True}
    answers = {"a": {"prefill": {"grens": filled, "signaal": filled}}, "b": {"prefill": {"grens": filled}},
               "c": {"fields": {"leerdoelen": "Alleen tekst."}}}
    fig, lines = hooks.class_picture("m6.wat_neem_je_mee", answers)
    assert lines[0] == "3 deelnemers werkten aan hun leerplan. Hun leerdoelen en volgende stappen:"
    assert lines[1:] == ["c · Mijn persoonlijke leerdoelen: Alleen tekst."]
    root, texts = svg_picture(fig)
    assert "Welke onderdelen van het leerplan konden worden ingevuld?" in texts
    assert "deelnemers met eerdere antwoorden voor dit onderdeel (%, n = 2)" in texts  # c has no snapshot
    assert {"100%", "50%", "0%"} <= set(texts)
    assert all(s.label in texts for s in spec.sections)
    bars = {round(float(r.get("width")), 1) for r in root.iter("{http://www.w3.org/2000/svg}rect")
            if r.get("fill", "").lower() == PALETTE[0].lower()}
    assert len(bars) == 3 and max(bars) == pytest.approx(2 * sorted(bars)[1], abs=0.2)  # 100 %, 50 % and 0 %
    assert hooks.class_picture("m6.wat_neem_je_mee", {"c": answers["c"]})[0] is None  # nothing pre-filled: no picture
    assert TYPE.class_picture(spec, {}) == (None, ["Nog niemand heeft deze oefening ingevuld."])


def test_demo_answers_are_seeded_valid_and_varied(spec):
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first == TYPE.demo_answer(spec, random.Random("7/1"))
    others = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(2, 12)]
    assert len({json.dumps(o, sort_keys=True) for o in others}) == len(others)
    for answer in [first, *others]:
        assert LearningPlan.from_dict(spec, answer).to_dict() == answer  # the model accepts it as it is
        assert set(answer["fields"]) <= {f.key for f in spec.fields} and answer["prefill"] == {}
        assert all(text.strip() for text in answer["fields"].values())
