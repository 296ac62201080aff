"""E5.1 public values map, the model: the divergence index, stakeholders,
values and weights, the spec's checks and the saved answer."""

import math
import statistics

import pytest
import yaml

from lst_kit.content import ContentError, load_case, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.public_values.model import PublicValuesMap, divergence_index
from lst_kit.exercises.public_values.readings import offered_cases


def edit_yaml(path, change):
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def cases():
    return offered_cases()


# -- divergence index -----------------------------------------------------------------
@pytest.mark.parametrize("weights, expected", [
    ([2, 4, 4, 4, 5, 5, 7, 9], 2.0),
    ([3, 3, 3, 3], 0.0),
    ([0, 5], 2.5),
    ([1, 2, 3], math.sqrt(2 / 3)),
    ([0, 0, 5, 5, 5], math.sqrt(6.0)),  # mean 3; deviations 9, 9, 4, 4, 4 -> 30 / 5
    ([], 0.0),
])
def test_divergence_index_is_the_population_standard_deviation(weights, expected):
    assert divergence_index(weights) == pytest.approx(expected)


@pytest.fixture
def pv_spec():
    return load_spec("m5.publieke_waarden")


def test_public_values_start_neutral_with_the_default_stakeholders(pv_spec, cases):
    model = PublicValuesMap(pv_spec, cases)
    case = load_case("nvwa_maaltijdplatforms")
    assert model.case_id == pv_spec.default_case == "nvwa_maaltijdplatforms"
    assert [a.id for a in model.actors()] == list(pv_spec.default_actors["nvwa_maaltijdplatforms"])
    assert model.values() == list(case.public_values)
    assert {w for row in model.matrix() for w in row} == {pv_spec.scale.start}
    assert all(index == 0 for _, index in model.divergence())


def test_public_values_divergence_and_ranking_with_fixed_weights(pv_spec, cases):
    model = PublicValuesMap(pv_spec, cases)
    model.select_actors(["thuiskoks", "maaltijdplatforms", "nvwa", "ministerie"])
    first, second, third, fourth = model.values()
    rows = {first: [5, 1, 5, 3], second: [2, 2, 2, 2], third: [0, 5, 0, 5], fourth: [4, 4, 3, 4]}
    for value, weights in rows.items():
        for actor, w in zip(["thuiskoks", "maaltijdplatforms", "nvwa", "ministerie"], weights):
            model.set_weight(value, actor, w)
    got = dict(model.divergence())
    assert got[first] == pytest.approx(statistics.pstdev([5, 1, 5, 3]))
    assert got[second] == 0
    assert got[third] == pytest.approx(2.5)
    assert got[fourth] == pytest.approx(statistics.pstdev([4, 4, 3, 4]))
    assert [v for v, _ in model.ranked()] == [third, first, fourth, second]
    assert model.extremes(first) == (["Maaltijdplatforms (3)"], 1,
                                     ["Thuiskoks", "NVWA"], 5)
    # only the chosen stakeholders count; weights of others are kept for later
    model.select_actors(["thuiskoks", "nvwa"])
    assert dict(model.divergence())[third] == 0
    model.select_actors(["thuiskoks", "maaltijdplatforms", "nvwa", "ministerie"])
    assert dict(model.divergence())[third] == pytest.approx(2.5)


def test_ties_in_divergence_keep_row_order(pv_spec, cases):
    model = PublicValuesMap(pv_spec, cases)
    a, b, c, d = model.values()
    for value in (d, b):
        model.set_weight(value, "nvwa", 5)
    ranked = [v for v, _ in model.ranked()]
    assert ranked[:2] == [b, d] and ranked[2:] == [a, c]


@pytest.mark.parametrize("bad", [6, -1, 2.5, True, "3", None])
def test_weight_out_of_range_is_refused_and_named(pv_spec, cases, bad):
    model = PublicValuesMap(pv_spec, cases)
    value = model.values()[0]
    model.set_weight(value, "nvwa", 4)
    with pytest.raises(InputError) as info:
        model.set_weight(value, "nvwa", bad)
    assert f"Gewicht van '{value}' voor NVWA" in str(info.value)
    assert "0 tot en met 5" in str(info.value)
    assert model.weight(value, "nvwa") == 4


def test_adding_values_checks_name_and_duplicates(pv_spec, cases):
    model = PublicValuesMap(pv_spec, cases)
    before = model.values()
    for bad, given in (("", "''"), ("   ", "''"), (None, "None"), ("x" * 81, "81 tekens")):
        with pytest.raises(InputError) as info:
            model.add_value(bad)
        assert str(info.value).startswith("Nieuwe waarde:") and given in str(info.value)
    with pytest.raises(InputError, match="staat al in de lijst als 'voedselveiligheid'"):
        model.add_value("  Voedselveiligheid ")
    assert model.values() == before
    assert model.add_value("  dieren   welzijn ") == "dieren welzijn"
    assert model.values() == before + ["dieren welzijn"]
    with pytest.raises(InputError, match="Nieuwe waarde"):
        model.add_value("Dieren welzijn")
    assert "innovatie" in model.suggestions() and "eerlijke concurrentie" not in model.suggestions()
    model.set_weight("dieren welzijn", "nvwa", 1)
    model.remove_value("dieren welzijn")
    assert model.values() == before and "dieren welzijn" not in model.state.weights
    with pytest.raises(InputError, match="Toegevoegde waarde"):
        model.remove_value("voedselveiligheid")  # a value of the case itself stays


@pytest.mark.parametrize("chosen", [["nvwa"], [], ["thuiskoks", "nvwa", "bestaat_niet"],
                                    ["thuiskoks", "maaltijdplatforms", "consumenten", "allergievereniging",
                                     "horeca_branche", "nvwa", "gemeente_ggd", "ministerie", "foodinfluencers_media"]])
def test_stakeholder_choice_must_be_two_to_eight_known_actors(pv_spec, cases, chosen):
    model = PublicValuesMap(pv_spec, cases)
    before = list(model.state.actors)
    with pytest.raises(InputError, match="Belanghebbenden: toegestaan is 2 tot en met 8"):
        model.select_actors(chosen)
    assert model.state.actors == before


def test_weights_are_kept_per_case_and_round_trip(pv_spec, cases):
    model = PublicValuesMap(pv_spec, cases)
    model.set_weight("voedselveiligheid", "nvwa", 5)
    model.add_value("innovatie")
    model.set_weight("innovatie", "thuiskoks", 0)
    model.switch_case("ilt_ontgassen_binnenvaart")
    assert [a.id for a in model.actors()] == list(pv_spec.default_actors["ilt_ontgassen_binnenvaart"])
    model.set_weight("milieu", "omwonenden", 5)
    saved = model.to_dict()
    assert saved["case"] == "ilt_ontgassen_binnenvaart"
    assert saved["cases"]["nvwa_maaltijdplatforms"]["weights"]["innovatie"] == {"thuiskoks": 0}
    back = PublicValuesMap.from_dict(pv_spec, saved, cases)
    assert back.to_dict() == saved
    back.switch_case("nvwa_maaltijdplatforms")
    assert back.weight("voedselveiligheid", "nvwa") == 5 and "innovatie" in back.values()


def test_from_dict_leaves_out_what_content_no_longer_allows(pv_spec, cases):
    junk = {"case": "bestaat_niet", "cases": {
        "bestaat_niet": {"actors": ["x", "y"]},
        "nvwa_maaltijdplatforms": {"actors": ["nvwa"], "extra_values": ["", "innovatie", 7],
                                   "weights": {"voedselveiligheid": {"nvwa": 9, "consumenten": 1, "weg": 2},
                                               "verdwenen waarde": {"nvwa": 1}, "innovatie": "veel"}},
        "igj_cosmetische_injectables": "kapot"}}
    model = PublicValuesMap.from_dict(pv_spec, junk, cases)
    assert model.case_id == "nvwa_maaltijdplatforms"
    assert model.state.actors == list(pv_spec.default_actors["nvwa_maaltijdplatforms"])  # 1 actor refused
    assert model.state.extra_values == ["innovatie"]
    assert model.state.weights == {"voedselveiligheid": {"consumenten": 1}}
    for odd in (None, 5, "tekst", [], {"cases": []}):
        assert PublicValuesMap.from_dict(pv_spec, odd, cases).to_dict()["case"] == "nvwa_maaltijdplatforms"


PV_BROKEN = {
    "unknown-actor": (lambda d: d["default_actors"]["nvwa_maaltijdplatforms"].__setitem__(1, "kok"),
                      "default_actors.nvwa_maaltijdplatforms[1]", "'kok'"),
    "unknown-case": (lambda d: d["default_actors"].update(onbekende_casus=["a", "b"]),
                     "default_actors.onbekende_casus", "'onbekende_casus'"),
    "one-actor": (lambda d: d["default_actors"].update(igj_cosmetische_injectables=["igj"]),
                  "default_actors.igj_cosmetische_injectables", "['igj']"),
    "start-outside-scale": (lambda d: d["scale"].update(start=6), "scale.start", "6"),
    "default-case": (lambda d: d.update(default_case="nvwa"), "default_case", "'nvwa'"),
    "duplicate-extra": (lambda d: d["extra_values"].append("Milieu"), "extra_values", "'milieu'"),
}


@pytest.mark.parametrize("fault", sorted(PV_BROKEN))
def test_broken_public_values_spec_names_file_and_field(data, fault):
    change, field, found = PV_BROKEN[fault]
    edit_yaml(data / "exercises" / "m5" / "publieke_waarden.yaml", change)
    with pytest.raises(ContentError) as info:
        load_spec("m5.publieke_waarden")
    assert info.value.file.endswith("exercises/m5/publieke_waarden.yaml")
    assert info.value.field == field
    assert found in str(info.value)


def test_an_answer_saved_by_the_kit_restores(pv_spec, cases):
    """A literal answer as the kit before the package split wrote it (two cases, one added value)."""
    saved = {"case": "ilt_ontgassen_binnenvaart",
             "cases": {"nvwa_maaltijdplatforms": {
                           "actors": ["thuiskoks", "maaltijdplatforms", "nvwa", "ministerie"],
                           "extra_values": ["innovatie"],
                           "weights": {"voedselveiligheid": {"nvwa": 5, "thuiskoks": 1},
                                       "innovatie": {"maaltijdplatforms": 5}}},
                       "ilt_ontgassen_binnenvaart": {
                           "actors": list(pv_spec.default_actors["ilt_ontgassen_binnenvaart"]),
                           "extra_values": [], "weights": {"milieu": {"omwonenden": 5}}}}}
    model = PublicValuesMap.from_dict(pv_spec, saved, cases)
    assert model.case_id == "ilt_ontgassen_binnenvaart" and model.weight("milieu", "omwonenden") == 5
    assert model.to_dict() == saved
    model.switch_case("nvwa_maaltijdplatforms")
    assert [a.id for a in model.actors()] == ["thuiskoks", "maaltijdplatforms", "nvwa", "ministerie"]
    assert model.values()[-1] == "innovatie" and model.is_added("innovatie")
    assert model.weight("voedselveiligheid", "nvwa") == 5 and model.weight("voedselveiligheid", "thuiskoks") == 1
    assert model.weight("voedselveiligheid", "ministerie") == pv_spec.scale.start
    # voedselveiligheid: weights 1, 5 (and two at the start, 3): mean 3, deviations 4, 4, 0, 0 -> sqrt(8 / 4)
    assert dict(model.divergence())["voedselveiligheid"] == pytest.approx(math.sqrt(2))


class Score(int):
    """An int that is not exactly int (as JSON never gives, but set_weight accepts)."""


def test_odd_saved_weights_are_left_out_one_by_one(pv_spec, cases):
    odd = {"case": "nvwa_maaltijdplatforms", "cases": {"nvwa_maaltijdplatforms": {
        "actors": ["nvwa", "x", 3], "extra_values": ["  Rust  ", "rust", "", 5],
        "weights": {"Rust": {"nvwa": 5, "maaltijdplatforms": True, "x": 3}, "voedselveiligheid": {"nvwa": Score(2)},
                    "geen waarde": {"nvwa": 1}, "consumentenvertrouwen": "x",
                    "ruimte voor kleinschalig ondernemerschap": {"nvwa": 2.0, "thuiskoks": -1},
                    "eerlijke concurrentie": {"thuiskoks": 99, "nvwa": "3", "maaltijdplatforms": 0}}}}}
    model = PublicValuesMap.from_dict(pv_spec, odd, cases)
    assert model.state.actors == list(pv_spec.default_actors["nvwa_maaltijdplatforms"])  # ["nvwa"] alone is refused
    assert model.state.extra_values == ["Rust"]
    assert model.state.weights == {"Rust": {"nvwa": 5}, "voedselveiligheid": {"nvwa": 2},
                                   "eerlijke concurrentie": {"maaltijdplatforms": 0}}


def test_set_weight_names_what_is_wrong(pv_spec, cases):
    model = PublicValuesMap(pv_spec, cases)
    actor = model.actors()[0]
    for value, actor_id, weight, said in (("geen waarde", actor.id, 3, "geen waarde"), (model.values()[0], "x", 3, "x"),
                                          (model.values()[0], actor.id, True, "True"),
                                          (model.values()[0], actor.id, 99, "99")):
        with pytest.raises(InputError) as info:
            model.set_weight(value, actor_id, weight)
        assert said in str(info.value)
    assert model.state.weights == {}
    model.set_weight(model.values()[0], actor.id, Score(4))
    assert model.weight(model.values()[0], actor.id) == 4


def test_the_model_only_offers_the_cases_it_was_given(pv_spec, cases):
    only = {"nvwa_maaltijdplatforms": cases["nvwa_maaltijdplatforms"]}
    model = PublicValuesMap(pv_spec, only)
    with pytest.raises(InputError, match="Casus"):
        model.switch_case("ilt_ontgassen_binnenvaart")
    saved = {"case": "ilt_ontgassen_binnenvaart", "cases": {"ilt_ontgassen_binnenvaart": {"actors": []}}}
    back = PublicValuesMap.from_dict(pv_spec, saved, only)
    assert back.case_id == "nvwa_maaltijdplatforms" and list(back.per_case) == ["nvwa_maaltijdplatforms"]


def test_a_broken_case_file_is_left_out_and_breaks_nothing_else(data):
    (data / "cases" / "igj_cosmetische_injectables.yaml").write_text("case_id: [kapot\n", encoding="utf-8")
    cases = offered_cases()
    assert "igj_cosmetische_injectables" not in cases and "nvwa_maaltijdplatforms" in cases
    spec = load_spec("m5.publieke_waarden")
    assert PublicValuesMap(spec, cases).case_id == spec.default_case
