"""The optional Module 4 exercises: the EAST letter makeover (E4.4) and the
responsive-pyramid game (E4.3)."""

import json

import pytest
import yaml

import lst_kit
from lst_kit.paths import data_dir
from lst_kit.content import ContentError, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises import pyramid_game as pg
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


# -- responsive-pyramid game ----------------------------------------------------------------------

@pytest.fixture
def spec():
    return load_spec("m4.piramidespel")


def test_replay_is_deterministic_and_depends_on_the_draw(spec):
    agent = spec.agent("calculerend")
    levels = [1, 2, 3, 3, 1, 2, 3, 6, 1, 1]
    first = pg.play(spec, agent, 0, levels)
    assert first == pg.play(spec, agent, 0, levels)
    assert [r.complied for r in first] != [r.complied for r in pg.play(spec, agent, 1, levels)] or \
        [r.complied for r in first] != [r.complied for r in pg.play(spec, agent, 2, levels)]


def test_trust_follows_tit_for_tat(spec):
    agent = spec.agent("goedwillend")
    rounds = pg.play(spec, agent, 0, [1, 4])
    assert rounds[0].proportionate == 1 and rounds[0].trust == 1.0
    if rounds[0].complied:      # proportionate after compliance is the base: level 4 is 3 too heavy
        assert rounds[1].proportionate == 1
        assert rounds[1].trust == pytest.approx(1 - 3 * spec.trust_drop)
        assert rounds[1].chance == pytest.approx(agent.compliance[3] * (1 - agent.trust_weight * 3 * spec.trust_drop))
    rounds = pg.play(spec, agent, 0, [6, 1, 1])
    assert rounds[0].trust == pytest.approx(1 - 5 * spec.trust_drop)
    assert rounds[1].trust == pytest.approx(rounds[0].trust + spec.trust_gain)
    never = pg.play(spec, spec.agent("ontwijkend"), 0, [1] * 10)
    for before, now in zip(never, never[1:]):
        assert now.proportionate == (1 if before.complied else 2)


def test_game_refuses_bad_moves_and_stops_after_the_last_round(spec):
    game = pg.Game(spec, "berustend")
    for bad in (0, 7, "3", 2.0, True):
        with pytest.raises(InputError, match="Trede"):
            game.choose(bad)
    for _ in range(spec.rounds):
        game.choose(2)
    assert game.finished
    with pytest.raises(InputError, match="Ronde"):
        game.choose(1)
    assert len(game.levels) == spec.rounds
    with pytest.raises(InputError, match="Ondertoezichtstaande"):
        game.set_agent("onbekend")


def test_hidden_type_is_fixed_per_draw(spec):
    assert pg.hidden_agent(spec, 3) == pg.hidden_agent(spec, 3)
    assert {pg.hidden_agent(spec, d).key for d in range(20)} == {a.key for a in spec.agents}


def test_game_view_plays_saves_and_reveals(wb, spec):
    view = lst_kit.pyramid_game("m4.piramidespel", workbook=wb)
    view.agent_dd.value = pg.HIDDEN
    assert "Je weet niet met wie" in view.agent_info.value
    view.level.value = 2
    view.next_button.click()
    assert on_disk(wb)["m4.piramidespel"] == {"agent": pg.HIDDEN, "draw": 0, "levels": [2]}
    assert "Ronde 1: trede 2 (Waarschuwen)" in view.rounds_log.value and "trede(n) zwaarder dan passend" in view.rounds_log.value
    for _ in range(spec.rounds - 1):
        view.next_button.click()
    assert view.next_button.disabled and "Het verborgen type was:" in view.figure.value
    view.next_button.click()   # disabled in the browser; a click here must not add a round
    assert len(on_disk(wb)["m4.piramidespel"]["levels"]) == spec.rounds
    view.restart_button.click()
    assert on_disk(wb)["m4.piramidespel"] == {"agent": pg.HIDDEN, "draw": 1, "levels": []}
    again = lst_kit.pyramid_game("m4.piramidespel", workbook=open_workbook("anna", wb.folder))
    assert again.game.draw == 1 and again.agent_dd.value == pg.HIDDEN


def test_game_spec_damaged(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(data_dir(), tmp_path / "data")
    path = tmp_path / "data" / "exercises" / "m4" / "piramidespel.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["agents"][1]["compliance"] = [0.5, 0.6]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    with pytest.raises(ContentError) as info:
        load_spec("m4.piramidespel")
    assert info.value.field == "agents[1].compliance" and "6 kansen" in str(info.value)


def test_game_picture_shows_levels_as_steps_with_outcomes_and_trust(spec):
    import xml.etree.ElementTree as ET

    from lst_kit.figures import svgplot
    from lst_kit.figures.style import PALETTE

    svg = "{http://www.w3.org/2000/svg}"
    game = pg.Game(spec, agent_key="calculerend")
    for level in (1, 3, 2):
        game.choose(level)
    rounds = game.rounds()
    fig = pg.plot_game(spec, rounds, spec.rounds)
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(svg + "text")]
    for label in ("Jouw rondes (illustratief)", "ronde", "vertrouwen", "gekozen trede", "leeft na", "leeft niet na",
                  "kosten (opgeteld)", f"{spec.levels[0].level} {spec.levels[0].label}", str(spec.rounds)):
        assert label in texts
    assert f"kosten {sum(r.cost for r in rounds):g}" in texts
    level = next(el for el in root.iter(svg + "polyline") if el.get("stroke") == PALETTE[0].lower()
                 and len(el.get("points").split()) > 2)
    pts = [tuple(map(float, xy.split(","))) for xy in level.get("points").split()]
    assert len(pts) == 1 + 3 * (len(rounds) - 1)   # steps: a corner half-way between rounds
    assert pts[1][1] == pts[0][1] and pts[2][0] == pts[1][0]   # flat, then straight up
    heights = [pts[0][1], pts[3][1], pts[6][1]]   # level 1, 3, 2: higher levels are higher up (smaller y)
    assert heights[1] < heights[2] < heights[0]
    outcomes = [r.complied for r in rounds]
    done = sum(1 for c in root.iter(svg + "circle") if c.get("fill") == PALETTE[2].lower())
    assert done == outcomes.count(True) + 1   # and the legend key
    empty = ET.fromstring(pg.plot_game(spec, [], spec.rounds).to_svg())
    assert not [el for el in empty.iter(svg + "polyline") if len(el.get("points").split()) > 2]


def test_game_hooks(spec):
    answer = {"agent": "calculerend", "draw": 0, "levels": [1, 2, 3]}
    lines = pg.summarize("m4.piramidespel", answer)
    assert lines[0] == "Gespeeld tegen: Calculerend." and "van de 3 rondes" in lines[1]
    assert pg.plot_answer("m4.piramidespel", answer) is not None
    assert pg.summarize("m4.piramidespel", {"agent": pg.HIDDEN, "levels": [1]})[0] == \
        "Gespeeld tegen: Verrassing (verborgen type)."
    fig, lines = pg.class_picture("m4.piramidespel", {"a": answer, "b": {"levels": "x"}})
    assert lines[0] == "1 gespeelde spellen." and lines[1].startswith("Calculerend: 1 spellen, naleving in ")
    assert fig is None   # the class overview shows the game as text only


@pytest.mark.parametrize("module", ["east_letter", "pyramid_game"])
def test_module_imports_without_matplotlib(module):
    """The class overview imports every exercise module; matplotlib loads only when a participant figure is drawn."""
    import subprocess
    import sys

    code = f"import sys, lst_kit.exercises.{module}; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- demo answers (lst-kit demo-class) ------------------------------------------------------------

def _m4_roundtrip(exercise_id, answer):
    from lst_kit.content.cases import load_t11
    from lst_kit.exercises import enforcement_pyramid as ep
    from lst_kit.exercises import intervention_matrix as im
    from lst_kit.exercises import tafel_van_elf as tve

    spec = load_spec(exercise_id)
    if exercise_id == "m4.tafel_van_elf":
        return tve.T11Profile.from_dict(spec, load_t11(), tve.load_mapping(), answer).to_dict()
    if exercise_id == "m4.interventiematrix":
        return im.InterventionMatrix.from_dict(im.load_setup(spec), answer).to_dict()
    if exercise_id == "m4.piramide":
        return ep.PyramidModel.from_dict(spec, im.load_matrix_setup(spec.matrix_id), answer).to_dict()
    return pg.Game.from_dict(spec, answer).to_dict()


@pytest.mark.parametrize("exercise_id", ["m4.tafel_van_elf", "m4.interventiematrix", "m4.piramide",
                                         "m4.piramidespel"])
def test_m4_demo_answers_are_seeded_varied_and_valid(exercise_id):
    import numpy as np

    from lst_kit.reports import readings as hooks
    from lst_kit import registry

    info = hooks.exercise_info(exercise_id)
    first = hooks.demo_answer(exercise_id, np.random.default_rng([7, 1]))
    assert first is not registry.SKIP
    assert first == hooks.demo_answer(exercise_id, np.random.default_rng([7, 1]))
    others = [hooks.demo_answer(exercise_id, np.random.default_rng([7, i])) for i in range(2, 8)]
    assert any(o != first for o in others)
    for answer in [first, *others]:
        assert json.loads(json.dumps(answer)) == answer
        assert _m4_roundtrip(exercise_id, answer) == answer   # the exercise's own model accepts it
        assert info.kind.summarize(info.spec, answer)   # the type's own reading, not the generic fallback
    fig, lines = info.kind.class_picture(info.spec, {f"D{i}": a for i, a in enumerate([first, *others])})
    assert lines and all(isinstance(x, str) for x in lines)
    assert lines[0].startswith("7 ") or "7 deelnemers" in lines[0]   # the class size, read from the answers
