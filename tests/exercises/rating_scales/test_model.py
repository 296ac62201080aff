"""A set of rating scales, the model: validation, restore, class statistics."""

import subprocess
import sys

import pytest

from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.rating_scales.model import Ratings, class_statistics


def test_ratings_validate_and_round_trip():
    spec = load_spec("m1.wrr_nadrukken")
    ratings = Ratings(spec)
    first = spec.items[0].key
    ratings.rate(first, spec.scale.max)
    for bad in (spec.scale.max + 1, spec.scale.min - 1, "4", 2.5, True):
        with pytest.raises(InputError, match=spec.items[0].text[:20]):
            ratings.rate(first, bad)
    with pytest.raises(InputError, match="Stelling"):
        ratings.rate("bestaat_niet", 3)
    assert ratings.values == {first: spec.scale.max}
    assert not ratings.complete
    restored = Ratings.from_dict(spec, {"ratings": {first: spec.scale.max, "verwijderd": 2}})
    assert restored.values == {first: spec.scale.max}


def test_an_answer_saved_by_the_current_kit_restores():
    spec = load_spec("m1.wrr_nadrukken")
    saved = {"ratings": {"lasten_en_kosten": 4, "naleving_van_regels": 2, "politiek_bestuurlijke_functie": 5,
                         "toezichtsparadox": 1}}
    ratings = Ratings.from_dict(spec, saved)
    assert ratings.values == {"lasten_en_kosten": 4, "naleving_van_regels": 2, "politiek_bestuurlijke_functie": 5,
                              "toezichtsparadox": 1}
    assert ratings.complete and ratings.to_dict() == saved


@pytest.mark.parametrize("saved", [None, 5, "x", {}, {"ratings": 5}, {"ratings": [1, 2]},
                                   {"ratings": {"lasten_en_kosten": "veel"}}])
def test_odd_answers_restore_to_no_ratings(saved):
    spec = load_spec("m1.wrr_nadrukken")
    assert Ratings.from_dict(spec, saved).values == {}


def test_scale_labels_and_ends():
    scale = load_spec("m1.wrr_nadrukken").scale
    assert scale.label(3) == "herken ik deels" and scale.value_text(3) == "3 (herken ik deels)"
    assert scale.ends == "1 = herken ik niet · 5 = herken ik sterk"


def test_class_statistics_by_hand():
    spec = load_spec("m1.wrr_nadrukken")
    first, second = spec.items[0].key, spec.items[1].key
    models = [Ratings(spec, {first: 1, second: 5}), Ratings(spec, {first: 3}), Ratings(spec, {first: 5})]
    stats = class_statistics(spec, models)
    assert stats[first].n == 3 and stats[first].mean == pytest.approx(3.0)
    assert stats[first].sd == pytest.approx((8 / 3) ** 0.5)  # deviations -2, 0, 2
    assert stats[first].counts == {1: 1, 2: 0, 3: 1, 4: 0, 5: 1}
    assert (stats[second].n, stats[second].mean, stats[second].sd) == (1, 5.0, 0.0)
    assert stats[spec.items[2].key].n == 0


@pytest.mark.slow
def test_model_figures_and_readings_import_neither_widgets_nor_numpy():
    code = ("import sys, lst_kit.exercises.rating_scales, lst_kit.exercises.rating_scales.model, "
            "lst_kit.exercises.rating_scales.figures, lst_kit.exercises.rating_scales.readings; "
            "print(sorted(m for m in ('ipywidgets', 'numpy', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
