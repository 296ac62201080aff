"""The strategic triangle without Jupyter: bottleneck and fit, the triangle
of one case with the participant's scores, the spec file's checks, and
answers as today's kit saves them."""

import math

import pytest
from _content import assert_broken_spec_is_named

from lst_kit.content import case_ids, load_case, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.strategic_triangle.model import (
    OptionScore,
    Triangle,
    bottleneck,
    fit,
    geometric_mean,
    tied_corners,
)


@pytest.fixture
def spec():
    return load_spec("m2.driehoek")


@pytest.fixture
def cases():
    return {case_id: load_case(case_id) for case_id in case_ids()}


@pytest.mark.parametrize("scores, weakest, ties", [
    ((3, 4, 1), "capacity", ["capacity"]),
    ((2, 5, 4), "value", ["value"]),
    ((4, 2, 2), "legitimacy", ["legitimacy", "capacity"]),
    ((3, 3, 3), "value", ["value", "legitimacy", "capacity"]),
    ((5, 1, 1), "legitimacy", ["legitimacy", "capacity"]),
])
def test_bottleneck_is_the_minimum_with_ties_in_corner_order(scores, weakest, ties):
    option = OptionScore("i", "optie", *scores)
    assert bottleneck(option) == weakest
    assert tied_corners(option) == ties


@pytest.mark.parametrize("scores, expected", [
    ((2, 4, 8), 4.0), ((5, 5, 1), 25 ** (1 / 3)), ((3, 3, 3), 3.0), ((1, 1, 1), 1.0), ((3, 4, 1), 12 ** (1 / 3)),
])
def test_fit_is_the_geometric_mean(scores, expected):
    assert math.isclose(fit(OptionScore("i", "o", *scores)), expected)
    assert math.isclose(geometric_mean(scores), expected)
    assert fit(OptionScore("i", "o", *scores)) <= sum(scores) / 3 + 1e-12  # never above the ordinary mean


def test_triangle_starts_from_the_case_scores(spec, cases):
    case = cases["nvwa_maaltijdplatforms"]
    model = Triangle.from_dict(spec, None, cases)
    assert model.case is case and spec.default_case == "nvwa_maaltijdplatforms"
    assert model.selected == [i.id for i in case.interventions[:3]]
    first = model.options[0]
    item = case.interventions[0]
    assert (first.value, first.legitimacy, first.capacity) == (item.value, item.legitimacy, item.capacity)
    assert bottleneck(first) == "capacity"  # inspect every kitchen: no capacity for that (3/4/1)
    assert [o.id for o in model.ranked()][0] == "i3"


def test_triangle_validates_selection_and_scores_and_stays_as_it_was(spec, cases):
    model = Triangle.from_dict(spec, None, cases)
    before = model.to_dict()
    with pytest.raises(InputError, match=r"Opties: toegestaan is 2 tot en met 4 opties; ingevuld was: 5 opties"):
        model.select(["i1", "i2", "i3", "i4", "i5"])
    with pytest.raises(InputError, match="1 opties"):
        model.select(["i1"])
    with pytest.raises(InputError, match="Opties"):
        model.select(["i1", "i99"])
    for bad in (0, 6, 2.5, True, "3", None):
        with pytest.raises(InputError, match="Inspectie van individuele keukens: Publieke waarde"):
            model.set_score("i1", "value", bad)
    with pytest.raises(InputError, match="Hoek van de driehoek"):
        model.set_score("i1", "geluk", 3)
    assert model.to_dict() == before


def test_triangle_keeps_scores_across_selection_and_case_changes(spec, cases):
    model = Triangle.from_dict(spec, None, cases)
    model.set_score("i1", "capacity", 4)
    model.select(["i2", "i3"])
    model.select(["i1", "i2", "i3"])
    assert model.option("i1").capacity == 4
    model.switch(cases["ilt_ontgassen_binnenvaart"])
    assert model.case.case_id == "ilt_ontgassen_binnenvaart" and len(model.selected) == 3
    model.set_score(model.selected[0], "value", 5)
    saved = model.to_dict()
    assert set(saved["cases"]) == {"nvwa_maaltijdplatforms", "ilt_ontgassen_binnenvaart"}
    again = Triangle.from_dict(spec, saved, cases)
    assert again.option(again.selected[0]).value == 5
    again.switch(cases["nvwa_maaltijdplatforms"])
    assert again.option("i1").capacity == 4
    again.reset_scores()
    assert again.option("i1").capacity == 1


def test_triangle_from_odd_answers_falls_back_to_the_default_case(spec, cases):
    for odd in (None, 7, {"case": "bestaat_niet"}, {"case": ["x"]}, {"case": "nvwa_maaltijdplatforms", "cases": {
            "nvwa_maaltijdplatforms": {"selected": ["i1"], "scores": {"i1": {"value": 9}, "i77": {}}}}}):
        model = Triangle.from_dict(spec, odd, cases)
        assert model.case.case_id == "nvwa_maaltijdplatforms" and len(model.selected) == 3
        assert model.option("i1").value == 3


def test_without_the_answers_case_or_the_default_case_the_first_case_on_offer_is_used(spec, cases):
    only_others = {c: cases[c] for c in ("kinderopvang_bso_personeelstekort", "ilt_ontgassen_binnenvaart")}
    assert Triangle.from_dict(spec, {"case": "ilt_ontgassen_binnenvaart"}, only_others).case.case_id == \
        "ilt_ontgassen_binnenvaart"
    assert Triangle.from_dict(spec, {"case": "nvwa_maaltijdplatforms"}, only_others).case.case_id == \
        "kinderopvang_bso_personeelstekort"
    with pytest.raises(InputError, match=r"Casus: toegestaan is de naam van een casus"):
        Triangle.from_dict(spec, None, {})


# -- answers as today's kit saves them ----------------------------------------------------------

#: Written by the kit before the package shape: the participant scored two options of the
#: ILT case and worked on the NVWA case before (its answer is kept for when they return).
SAVED = {"case": "ilt_ontgassen_binnenvaart", "cases": {
    "ilt_ontgassen_binnenvaart": {"selected": ["i2", "i3"], "scores": {
        "i2": {"name": "Ketenafspraken: verlader betaalt ontgassing", "value": 5, "legitimacy": 2,
               "capacity": 3},
        "i3": {"name": "Gerichte controles op basis van sensordata", "value": 4, "legitimacy": 4, "capacity": 3}}},
    "nvwa_maaltijdplatforms": {"selected": ["i1", "i2", "i3"], "scores": {
        "i1": {"name": "Inspectie van individuele keukens", "value": 3, "legitimacy": 4, "capacity": 4}}}}}


def test_an_answer_saved_by_todays_kit_restores(spec, cases):
    model = Triangle.from_dict(spec, SAVED, cases)
    assert model.case.case_id == "ilt_ontgassen_binnenvaart" and model.selected == ["i2", "i3"]
    assert [(o.id, o.value, o.legitimacy, o.capacity) for o in model.options] == [("i2", 5, 2, 3), ("i3", 4, 4, 3)]
    assert model.other == {"nvwa_maaltijdplatforms": SAVED["cases"]["nvwa_maaltijdplatforms"]}
    model.switch(cases["nvwa_maaltijdplatforms"])
    assert model.option("i1").capacity == 4 and model.selected == ["i1", "i2", "i3"]


def test_an_answer_saved_by_todays_kit_saves_back_unchanged(spec, cases):
    names = {i.id: i.name for i in cases["ilt_ontgassen_binnenvaart"].interventions}
    assert names["i2"] == SAVED["cases"]["ilt_ontgassen_binnenvaart"]["scores"]["i2"]["name"]  # the fixture case
    assert Triangle.from_dict(spec, SAVED, cases).to_dict() == SAVED


# -- the spec file ------------------------------------------------------------------------------

BROKEN = {
    # fault: (file, change, field named in the error, found value shown)
    "triangle-unknown-case": ("m2/driehoek.yaml", lambda d: d.update(default_case="atlantis"), "default_case",
                              "'atlantis'"),
    "triangle-min-above-max": ("m2/driehoek.yaml", lambda d: d["options"].update(max=1), "options.max", "1"),
    "triangle-extra-corner": ("m2/driehoek.yaml", lambda d: d["corners"].update(geluk={"label": "x"}),
                              "corners.geluk", "'geluk'"),
    "triangle-corner-without-label": ("m2/driehoek.yaml", lambda d: d["corners"]["capacity"].pop("label"),
                                      "corners.capacity.label", "(ontbreekt)"),
}


@pytest.mark.parametrize("fault", sorted(BROKEN))
def test_broken_triangle_spec_names_file_and_field(data, fault):
    assert_broken_spec_is_named(data, *BROKEN[fault])


# -- damaged answers --------------------------------------------------------------------------------

JUNK = [None, 0, -1, 7, 3.5, True, "", "x", [], {}, ["a"], {"a": 1}, "i1", "nvwa_maaltijdplatforms"]


def damaged(obj, rng):
    """``obj`` with keys dropped, values swapped for junk, numbers moved, lists shuffled."""
    if isinstance(obj, dict):
        return {k: (rng.choice(JUNK) if rng.random() < 0.1 else damaged(v, rng)) for k, v in obj.items()
                if rng.random() > 0.05}
    if isinstance(obj, list):
        out = [damaged(x, rng) for x in obj if rng.random() > 0.05] + ([rng.choice(JUNK)] if rng.random() < 0.1 else [])
        rng.shuffle(out)
        return out
    if isinstance(obj, int) and not isinstance(obj, bool) and rng.random() < 0.1:
        return obj + rng.choice([-9, -1, 1, 9])
    return rng.choice(JUNK) if rng.random() < 0.05 else obj


def test_damaged_answers_restore_to_a_triangle_within_the_rules(spec, cases):
    import random

    from lst_kit.exercises.strategic_triangle.readings import TYPE

    rng = random.Random("damage")
    for i in range(40):
        answer = damaged(TYPE.demo_answer(spec, random.Random(f"d/{i}")), rng)
        model = Triangle.from_dict(spec, answer, cases)
        assert spec.min_options <= len(model.selected) <= spec.max_options
        assert all(1 <= s <= 5 for o in model.options for s in o.scores())
        saved = model.to_dict()
        assert Triangle.from_dict(spec, saved, cases).to_dict() == saved


@pytest.mark.slow
def test_model_figures_and_readings_import_no_widgets_and_no_numpy():
    """Only the view needs ipywidgets; the class overview and the browser kit import the rest."""
    import subprocess
    import sys

    code = ("import sys; import lst_kit.exercises.strategic_triangle as p, lst_kit.exercises.strategic_triangle.model, "
            "lst_kit.exercises.strategic_triangle.figures, lst_kit.exercises.strategic_triangle.readings; "
            "print(sorted(m for m in ('ipywidgets', 'numpy', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
