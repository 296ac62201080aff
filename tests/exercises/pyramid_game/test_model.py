"""The responsive-pyramid game without widgets: the spec, the seeded replay,
trust after tit-for-tat, refused moves and the saved answer."""

import random
import shutil

import pytest
import yaml

from lst_kit.content import ContentError, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.pyramid_game import model as pg
from lst_kit.paths import data_dir


@pytest.fixture
def spec():
    return load_spec("m4.piramidespel")


def test_replay_is_deterministic_and_depends_on_the_draw(spec):
    agent = spec.agent("calculerend")
    levels = [1, 2, 3, 3, 1, 2, 3, 6, 1, 1]
    first = pg.play(spec, agent, 0, levels)
    assert first == pg.play(spec, agent, 0, levels)
    outcomes = {tuple(r.complied for r in pg.play(spec, agent, d, levels)) for d in range(4)}
    assert len(outcomes) > 1


def test_a_round_complies_exactly_when_its_die_is_below_the_chance(spec):
    """The outcome of each round is the seeded die against the chance, and
    the die of a round does not depend on what was played before it."""
    agent = spec.agent("calculerend")
    levels = [1, 3, 2, 2, 4, 1]
    for draw in range(3):
        for i, r in enumerate(pg.play(spec, agent, draw, levels)):
            die = pg.roll(spec, draw, agent, i)
            assert 0 <= die < 1 and r.complied is (die < r.chance)
    assert pg.roll(spec, 0, agent, 2) == pg.roll(spec, 0, agent, 2)
    assert pg.roll(spec, 0, agent, 2) == random.Random(f"{spec.seed}/0/calculerend/2").random()


def test_the_dice_are_spread_over_zero_to_one(spec):
    dice = [pg.roll(spec, d, a, i) for d in range(10) for a in spec.agents for i in range(10)]
    assert all(0 <= x < 1 for x in dice)
    assert 0.35 < sum(dice) / len(dice) < 0.65 and min(dice) < 0.1 and max(dice) > 0.9


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


def test_escalating_too_far_lowers_the_chance_of_compliance(spec):
    agent = spec.agent("calculerend")
    calm = pg.play(spec, agent, 0, [1, 1])[1]
    rough = pg.play(spec, agent, 0, [6, 1])[1]
    assert rough.trust < calm.trust and rough.chance < calm.chance


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
    assert {pg.hidden_agent(spec, d).key for d in range(60)} == {a.key for a in spec.agents}
    game = pg.Game(spec, pg.HIDDEN, draw=5)
    assert game.hidden and game.agent == pg.hidden_agent(spec, 5)


def test_an_answer_saved_by_the_previous_kit_restores():
    """Literal answer as the kit before the package shape saved it."""
    spec = load_spec("m4.piramidespel")
    saved = {"agent": "verborgen", "draw": 2, "levels": [1, 2, 3, 1]}
    game = pg.Game.from_dict(spec, saved)
    assert (game.agent_key, game.draw, game.levels) == ("verborgen", 2, [1, 2, 3, 1])
    assert game.to_dict() == saved and len(game.rounds()) == 4


@pytest.mark.parametrize("odd, expected", [
    (None, {"agent": "goedwillend", "draw": 0, "levels": []}),
    ({"agent": "niemand", "draw": -1, "levels": "x"}, {"agent": "goedwillend", "draw": 0, "levels": []}),
    ({"agent": "calculerend", "draw": True, "levels": [1, 9, 2]}, {"agent": "calculerend", "draw": 0, "levels": [1]}),
])
def test_odd_answers_restore_to_what_is_usable(spec, odd, expected):
    expected = dict(expected, agent=expected["agent"] if expected["agent"] != "goedwillend" else spec.agents[0].key)
    assert pg.Game.from_dict(spec, odd).to_dict() == expected


def test_game_spec_damaged(tmp_path, monkeypatch):
    shutil.copytree(data_dir(), tmp_path / "data")
    path = tmp_path / "data" / "exercises" / "m4" / "piramidespel.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["agents"][1]["compliance"] = [0.5, 0.6]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    with pytest.raises(ContentError) as info:
        load_spec("m4.piramidespel")
    assert info.value.field == "agents[1].compliance" and "6 kansen" in str(info.value)
