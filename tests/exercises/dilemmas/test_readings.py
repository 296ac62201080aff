"""E6.1 Dilemma cards, the readings: summary, profile, class picture, demo answers."""

import json
import math
import random
import subprocess
import sys

import pytest
from _svg import svg_picture

from lst_kit.content import load_spec
from lst_kit.exercises.dilemmas.model import DilemmaChoices
from lst_kit.exercises.dilemmas.readings import TYPE
from lst_kit.figures import svgplot
from lst_kit.reports import readings as hooks


@pytest.fixture
def spec():
    return load_spec("m6.dilemmas")


def test_summary_names_the_profile_and_each_choice(spec):
    card = spec.cards[0]
    option = card.options[-1]
    lines = hooks.summarize("m6.dilemmas", {"choices": {card.key: option.key}})
    assert lines[0].startswith("Je koos bij 1 van de 8 kaarten")
    assert len(lines) == 2 and card.title in lines[1] and option.text in lines[1]
    (empty,) = TYPE.summarize(spec, {"choices": {"weg": "x"}})  # a removed card: nothing chosen
    assert empty.startswith("Nog geen van de 8 kaarten")
    assert TYPE.plot_answer(spec, {}) is None
    assert isinstance(TYPE.plot_answer(spec, {"choices": {card.key: option.key}}), svgplot.Figure)


def _hex(rgba):
    return "#" + "".join(f"{round(255 * v):02x}" for v in rgba[:3])


def test_dilemma_class_picture_splits_each_card_by_position_with_a_legend_of_the_steps(spec):
    card = spec.cards[0]
    low, high = min(card.options, key=lambda o: o.position), max(card.options, key=lambda o: o.position)
    answers = {"a": {"choices": {card.key: low.key}}, "b": {"choices": {card.key: high.key}},
               "c": {"choices": {card.key: high.key}}, "d": "geen dict"}
    fig, lines = hooks.class_picture("m6.dilemmas", answers)
    mean = (low.position + 2 * high.position) / 3
    assert any(line.startswith(card.title) and "(2 van 3)" in line for line in lines)
    root, texts = svg_picture(fig)
    assert "Gekozen reacties per kaart (kleur = plaats op de schaal)" in texts
    assert "gem. " + f"{mean:.1f}".replace(".", ",") in texts
    cmap, lo, hi = svgplot.colormap("cividis"), spec.scale.min, spec.scale.max
    shade = {v: _hex(cmap((v - lo) / (hi - lo))) for v in range(lo, hi + 1)}
    bars = [r for r in root.iterfind(".//s:g/s:rect", {"s": "http://www.w3.org/2000/svg"})
            if r.get("fill") in shade.values()]
    assert [r.get("fill") for r in bars] == [shade[low.position], shade[high.position]]  # only the chosen card
    widths = [float(r.get("width")) for r in bars]
    assert widths[1] == pytest.approx(2 * widths[0], rel=0.01)  # one third and two thirds
    # no colorbar: a legend with one square per step of the scale, in order, the ends named
    keys = [r.get("fill") for r in root.iter("{http://www.w3.org/2000/svg}rect")
            if r.get("width") == "16" and r.get("fill") in shade.values()]
    assert keys == [shade[v] for v in range(lo, hi + 1)]
    assert any(x.startswith(f"{lo} = ") and x.replace(" ", "").endswith(spec.scale.low.replace(" ", "")) for x in texts)
    assert any(x.startswith(f"{hi} = ") and x.replace(" ", "").endswith(spec.scale.high.replace(" ", "")) for x in texts)
    assert TYPE.class_picture(spec, {"x": {"choices": {}}}) == (None, ["Nog niemand heeft deze oefening ingevuld."])


def test_demo_answers_are_seeded_valid_and_varied(spec):
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first == TYPE.demo_answer(spec, random.Random("7/1"))
    others = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(2, 40)]
    assert len({json.dumps(o, sort_keys=True) for o in others}) >= 30
    for answer in [first, *others]:
        assert DilemmaChoices.from_dict(spec, answer).to_dict() == answer  # the model accepts it as it is
    chosen = sum(len(a["choices"]) for a in others)
    assert 0.8 * len(others) * len(spec.cards) < chosen < len(others) * len(spec.cards)  # about 6 % left open


def test_demo_answers_lean_towards_options_near_the_leaning(spec):
    """With weight exp(-distance), an option one step away is e times likelier than one two steps away:
    over many participants, the chosen positions cluster and differ between participants."""
    means = []
    for i in range(200):
        model = DilemmaChoices.from_dict(spec, TYPE.demo_answer(spec, random.Random(f"lean/{i}")))
        if model.mean() is not None:
            means.append(model.mean())
    mid = (spec.scale.min + spec.scale.max) / 2
    overall = sum(means) / len(means)
    assert mid < overall < mid + 1  # the leaning is drawn around the middle + 0.4
    spread = math.sqrt(sum((m - overall) ** 2 for m in means) / len(means))
    assert 0.2 < spread < 1.2  # participants differ, but each keeps to a leaning


@pytest.mark.slow
def test_demo_and_class_picture_need_no_numpy():
    code = ("import sys, random; sys.modules['numpy'] = None; from lst_kit.reports import readings as hooks; "
            "rng = random.Random(3); answers = {f'p{i}': hooks.demo_answer('m6.dilemmas', rng) for i in range(6)}; "
            "fig, lines = hooks.class_picture('m6.dilemmas', answers); print(fig.to_svg()[:4] == b'<svg')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True"]
