"""The effect chain's readings for the portfolio, the class overview and the
demo class: called with the spec (as lst_kit.reports.readings calls them), on
answers that may be odd; demo answers from a random.Random."""

import random
import subprocess
import sys

import pytest
from _svg import SVG, filled, svg_picture

from lst_kit.content import load_spec
from lst_kit.exercises.effect_chain.figures import EFFECT_COLOUR, EFFORT_COLOUR
from lst_kit.exercises.effect_chain.model import EffectChain
from lst_kit.exercises.effect_chain.readings import TYPE
from lst_kit.figures import svgplot
from lst_kit.figures.style import PALETTE
from lst_kit.registry import exercise_type

ANSWER = {"indicators": [{"text": "Aantal inspecties", "source": "menu"},
                         {"text": "Aandeel koks met logger", "tier": "outcome", "source": "eigen"}],
          "design": "voor_nameting"}


@pytest.fixture
def spec():
    return load_spec("m2.effectketen")


def test_the_registry_finds_this_type_and_its_readings():
    assert exercise_type("effect_chain") is TYPE
    assert all(TYPE.has(r) for r in ("summarize", "plot_answer", "class_picture", "demo_answer"))


def test_summary_names_weight_effect_indicators_and_design(spec):
    lines = TYPE.summarize(spec, ANSWER)
    assert lines[0] == "2 indicatoren, waarvan 50% effect meet (Output 1, Outcome (gedrag) 1)."
    assert "Effectindicatoren: Aandeel koks met logger" in lines
    assert "Onderzoeksontwerp: Voor- en nameting (bewijskracht 2 van 5, illustratief)." in lines
    assert not any(line.startswith("Je meet niets voorbij output") for line in lines)
    only_output = TYPE.summarize(spec, {"indicators": [{"text": "Aantal inspecties", "source": "menu"}]})
    assert only_output[-1].startswith("Je meet niets voorbij output")


def test_portfolio_picture_shows_both_charts_with_the_design_marked(spec):
    root, texts = svg_picture(TYPE.plot_answer(spec, ANSWER))
    assert {"Meetgewicht per niveau (2 indicatoren)", "Onderzoeksontwerpen", "1 (50%)", "0 (0%)"} <= set(texts)
    assert next(el for el in root.iter(SVG + "text") if "".join(el.itertext()) == "Voor- en nameting"
                ).get("font-weight") == "bold"  # the chosen design, also orange and cross-hatched
    assert len(filled(root, PALETTE[1])) == 1 and len(root.findall(f".//{SVG}pattern")) == 2  # // and xx


@pytest.mark.parametrize("odd", [None, 3, "x", {"indicators": "x"}])
def test_odd_answers_read_as_an_empty_chain(spec, odd):
    assert TYPE.summarize(spec, odd) == ["Nog geen indicatoren gekozen in de effectketen."]
    assert isinstance(TYPE.plot_answer(spec, odd), svgplot.Figure)


def test_class_picture_mean_weight_per_tier_and_who_measures_only_effort(spec):
    only_output = {"indicators": [{"text": "Aantal inspecties", "source": "menu"}]}
    fig, lines = TYPE.class_picture(spec, {"a": ANSWER, "b": only_output, "c": None, "d": {"indicators": []}})
    root, texts = svg_picture(fig)
    assert "Meetgewicht per niveau in de groep (n = 2; streepjes: laagste tot hoogste)" in texts
    assert {"Input", "Output"} <= set(texts)
    effort, effect = filled(root, EFFORT_COLOUR), filled(root, EFFECT_COLOUR)
    assert len(effort) == 3 and len(effect) == 2  # input, activity, output | outcome, impact
    heights = [float(r.get("height")) for r in effort + effect]  # output 75 %, outcome 25 %, the rest 0
    assert heights[2] == pytest.approx(3 * heights[3], rel=0.01) and heights[:2] == [0, 0] and heights[4] == 0
    assert lines == ["2 deelnemers kozen indicatoren.", "1 van de 2 meten niets voorbij output.",
                     "Gekozen ontwerpen: Voor- en nameting 1."]
    assert TYPE.class_picture(spec, {}) == (None, ["Nog geen antwoorden van de groep."])
    assert TYPE.class_picture(spec, {"a": None, "b": {"design": "experiment"}}) == (
        None, ["Nog geen antwoorden van de groep."])


# -- demo answers -------------------------------------------------------------------------------

def many(spec, n=60):
    return [TYPE.demo_answer(spec, random.Random(f"11/{i}")) for i in range(n)]


def test_demo_answers_are_seeded_and_what_the_model_saves(spec):
    assert TYPE.demo_answer(spec, random.Random("7/1")) == TYPE.demo_answer(spec, random.Random("7/1"))
    for answer in many(spec, 20):
        assert EffectChain.from_dict(spec, answer).to_dict() == answer


def test_demo_spreads_over_tiers_and_designs(spec):
    effect = {x.key for x in spec.tiers if x.effect}
    answers = many(spec)
    for a in answers:
        assert len(a["indicators"]) >= 2
        for item in a["indicators"]:
            if item["source"] == "menu":
                assert spec.menu_item(item["text"]).tier == item["tier"]
    only_effort = sum(not any(i["tier"] in effect for i in a["indicators"]) for a in answers)
    assert 0 < only_effort < len(answers) / 2
    assert any(i["source"] == "eigen" for a in answers for i in a["indicators"])
    assert len({a["design"] for a in answers}) >= 3


@pytest.mark.slow
def test_class_picture_is_drawn_without_matplotlib_or_numpy():
    """The class overview draws this picture as SVG; neither the package nor the drawing imports
    matplotlib, and the demo answers need no numpy (the kit runs in the browser without it)."""
    code = ("import random, sys; from lst_kit.reports import readings; "
            "answers = {f'p{i}': readings.demo_answer('m2.effectketen', random.Random(i)) for i in range(6)}; "
            "fig, lines = readings.class_picture('m2.effectketen', answers); "
            "print(type(fig).__module__, fig.to_svg()[:4] == b'<svg', 'matplotlib' in sys.modules, "
            "'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["lst_kit.figures.svgplot", "True", "False", "False"]
