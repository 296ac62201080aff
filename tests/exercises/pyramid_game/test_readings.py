"""What the portfolio and the class overview read from a pyramid game, its
picture, and the demo answers."""

import json
import random
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from lst_kit import registry
from lst_kit.content import load_spec
from lst_kit.exercises.pyramid_game import figures, model
from lst_kit.exercises.pyramid_game.readings import TYPE
from lst_kit.figures import svgplot
from lst_kit.figures.style import PALETTE
from lst_kit.i18n import t
from lst_kit.reports import readings as hooks

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def spec():
    return load_spec("m4.piramidespel")


def test_game_picture_shows_levels_as_steps_with_outcomes_and_trust(spec):
    game = model.Game(spec, agent_key="calculerend")
    for level in (1, 3, 2):
        game.choose(level)
    rounds = game.rounds()
    fig = figures.plot_game(spec, rounds, spec.rounds)
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    for label in ("Jouw rondes (illustratief)", "ronde", "vertrouwen", "gekozen trede", "leeft na", "leeft niet na",
                  "kosten (opgeteld)", f"{spec.levels[0].level} {spec.levels[0].label}", str(spec.rounds)):
        assert label in texts
    assert f"kosten {sum(lv.cost for lv in spec.levels if lv.level in (1, 3, 2)):g}" in texts
    level = next(el for el in root.iter(SVG + "polyline") if el.get("stroke") == PALETTE[0].lower()
                 and len(el.get("points").split()) > 2)
    pts = [tuple(map(float, xy.split(","))) for xy in level.get("points").split()]
    assert len(pts) == 1 + 3 * (len(rounds) - 1)   # steps: a corner half-way between rounds
    assert pts[1][1] == pts[0][1] and pts[2][0] == pts[1][0]   # flat, then straight up
    heights = [pts[0][1], pts[3][1], pts[6][1]]   # level 1, 3, 2: higher levels are higher up (smaller y)
    assert heights[1] < heights[2] < heights[0]
    outcomes = [r.complied for r in rounds]
    done = sum(1 for c in root.iter(SVG + "circle") if c.get("fill") == PALETTE[2].lower())
    assert done == outcomes.count(True) + 1   # and the legend key
    empty = ET.fromstring(figures.plot_game(spec, [], spec.rounds).to_svg())
    assert not [el for el in empty.iter(SVG + "polyline") if len(el.get("points").split()) > 2]


def test_game_readings(spec):
    answer = {"agent": "calculerend", "draw": 0, "levels": [1, 2, 3]}
    lines = TYPE.summarize(spec, answer)
    assert lines[0] == "Gespeeld tegen: Calculerend." and "van de 3 rondes" in lines[1]
    assert TYPE.plot_answer(spec, answer) is not None
    assert TYPE.summarize(spec, {"agent": model.HIDDEN, "levels": [1]})[0] == \
        "Gespeeld tegen: Verrassing (verborgen type)."
    fig, lines = TYPE.class_picture(spec, {"a": answer, "b": {"levels": "x"}})
    assert lines[0] == "1 gespeelde spellen." and lines[1].startswith("Calculerend: 1 spellen, naleving in ")
    assert fig is None   # the class overview shows the game as text only
    assert TYPE.class_picture(spec, {"a": None, "b": {"levels": []}}) == (None, [t("pyramid_game.class_none")])


def test_class_reading_counts_compliance_per_type(spec):
    """Two games against the same type: the rate is complied rounds over all rounds played."""
    one = model.Game(spec, "calculerend")
    two = model.Game(spec, "calculerend", draw=1)
    for level in (1, 2, 3):
        one.choose(level)
    two.choose(1)
    complied = sum(r.complied for r in one.rounds()) + sum(r.complied for r in two.rounds())
    _, lines = TYPE.class_picture(spec, {"a": one.to_dict(), "b": two.to_dict()})
    assert lines[1].startswith(f"Calculerend: 2 spellen, naleving in {round(100 * complied / 4)}% van de rondes")


def test_readings_through_the_kit_never_raise_on_odd_answers(spec):
    for odd in (None, 3, "tekst", [], {}, {"levels": "x"}, {"agent": 5, "draw": "nul"}):
        lines = hooks.summarize("m4.piramidespel", odd)
        assert lines and all(isinstance(x, str) for x in lines)
        hooks.plot_answer("m4.piramidespel", odd)
    assert TYPE.has("class_picture") and TYPE.has("demo_answer") and TYPE.has("summarize")


def test_demo_answers_are_seeded_varied_and_valid(spec):
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first is not registry.SKIP
    assert first == TYPE.demo_answer(spec, random.Random("7/1"))
    others = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(2, 8)]
    assert any(o != first for o in others)
    for answer in [first, *others]:
        assert json.loads(json.dumps(answer)) == answer
        assert model.Game.from_dict(spec, answer).to_dict() == answer   # the model accepts it unchanged
        assert answer["agent"] in spec.agent_keys and 0 <= answer["draw"] <= 3
        assert 1 <= len(answer["levels"]) <= spec.rounds
        assert all(1 <= lv <= len(spec.levels) for lv in answer["levels"])
    fig, lines = TYPE.class_picture(spec, {f"D{i}": a for i, a in enumerate([first, *others])})
    assert fig is None and lines[0] == "7 gespeelde spellen."


@pytest.mark.slow
def test_package_imports_without_numpy_matplotlib_or_widgets():
    """The kit runs in the browser (no numpy there); the class overview reads
    answers without ipywidgets."""
    code = ("import sys, random; from lst_kit.reports import readings as r; "
            "a = r.demo_answer('m4.piramidespel', random.Random(1)); r.summarize('m4.piramidespel', a); "
            "print(*[m in sys.modules for m in ('numpy', 'matplotlib', 'ipywidgets')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]
