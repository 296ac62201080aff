"""E1.2 Principles radar, the model: scores, differences, restore, class statistics."""

import subprocess
import sys

import pytest

from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.principles.model import PrincipleScores, class_statistics


def test_principle_differences_and_largest_changes():
    spec = load_spec("m1.principes")
    model = PrincipleScores(spec)
    then, now = (m.key for m in spec.moments)
    a, b, c = (p.key for p in spec.principles[:3])
    model.set(then, a, 1)
    model.set(now, a, 5)
    model.set(then, b, 4)
    model.set(now, b, 2)
    model.set(now, c, model.midpoint)
    diffs = {p.key: d for p, _, _, d in model.differences()}
    assert diffs[a] == 4 and diffs[b] == -2 and diffs[c] == 0
    assert [(p.key, d) for p, d in model.largest_changes()] == [(a, 4), (b, -2)]
    with pytest.raises(InputError, match=r"van 1 tot en met 5"):
        model.set(now, a, 6)
    assert model.score(now, a) == 5
    saved = model.to_dict()
    assert PrincipleScores.from_dict(spec, saved).to_dict() == saved


def test_an_answer_saved_by_the_current_kit_restores():
    spec = load_spec("m1.principes")
    keys = [p.key for p in spec.principles]
    saved = {"scores": {"toen": {k: 3 for k in keys} | {"onafhankelijk": 2, "transparant": 4},
                        "nu": {k: 3 for k in keys} | {"onafhankelijk": 5, "transparant": 1}}}
    model = PrincipleScores.from_dict(spec, saved)
    assert model.score("toen", "onafhankelijk") == 2 and model.score("nu", "onafhankelijk") == 5
    assert [(p.key, d) for p, d in model.largest_changes()] == [("onafhankelijk", 3), ("transparant", -3)]
    assert model.to_dict() == saved


@pytest.mark.parametrize("saved", [None, 5, {}, {"scores": 5}, {"scores": {"toen": 5}},
                                   {"scores": {"nu": {"onafhankelijk": 99}}}, {"scores": {"ooit": {"onafhankelijk": 2}}}])
def test_odd_answers_restore_to_no_scores(saved):
    model = PrincipleScores.from_dict(load_spec("m1.principes"), saved)
    assert model.scores == {} and model.score("nu", "onafhankelijk") == 3  # mid-scale


def test_extremes_break_ties_by_spec_order():
    spec = load_spec("m1.principes")
    model = PrincipleScores(spec)
    first, second, third = spec.principles[:3]
    model.set("nu", second.key, 5)
    model.set("nu", third.key, 5)
    model.set("nu", first.key, 1)
    (high, high_score), (low, low_score) = model.extremes("nu")
    assert (high, high_score, low, low_score) == (second, 5, first, 1)


def test_class_statistics_count_left_alone_principles_at_mid_scale():
    spec = load_spec("m1.principes")
    p = spec.principles[0].key
    q = spec.principles[1].key
    models = [PrincipleScores(spec, {"toen": {p: 1}, "nu": {p: 3}}), PrincipleScores(spec, {"toen": {p: 3}, "nu": {p: 5}}),
              PrincipleScores(spec)]
    stats, who = class_statistics(spec, models)
    assert who == 2
    assert stats["toen"][p] == pytest.approx((2.0, 1.0)) and stats["nu"][p] == pytest.approx((4.0, 1.0))
    assert stats["nu"][q] == (3.0, 0.0)


@pytest.mark.slow
def test_model_figures_and_readings_import_neither_widgets_nor_numpy():
    code = ("import sys, lst_kit.exercises.principles, lst_kit.exercises.principles.model, "
            "lst_kit.exercises.principles.figures, lst_kit.exercises.principles.readings; "
            "print(sorted(m for m in ('ipywidgets', 'numpy', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
