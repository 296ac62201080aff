"""The lighter readings and memories behind the class overview of the signal
triage and the public-values map: on varied answers
(demo answers, the same answers damaged at random, hand-made odd ones) they
give what the full model gives, and a memory cannot outlive what it remembers."""

import copy
import dataclasses
import itertools
import random
import textwrap

import numpy as np
import pytest

from lst_kit.reports import readings as hooks
from lst_kit.content.cases import LAW_COVERAGE
from lst_kit.content import load_spec
from lst_kit.exercises import signal_triage as st
from lst_kit.exercises.public_values import PublicValuesMap
from lst_kit.exercises.signal_triage import Observation, SignalTriage, load_rule

JUNK = [None, 0, -1, 7, 3.5, True, False, "", "x", "  ", [], {}, ["a"], {"a": 1}, "eigen_3", "nvt", "ja", 99]


def damaged(obj, rng):
    """``obj`` with keys dropped or added, values swapped for junk, numbers moved, lists shuffled."""
    if isinstance(obj, dict):
        out = {}
        for key, value in obj.items():
            roll = rng.random()
            if roll < 0.06:
                continue
            out[key] = rng.choice(JUNK) if roll < 0.12 else damaged(value, rng)
        if rng.random() < 0.08:
            out[rng.choice(["zzz", "eigen_1", "frequency", *obj])] = rng.choice(JUNK)
        return out
    if isinstance(obj, list):
        out = [damaged(x, rng) for x in obj if rng.random() > 0.06]
        if obj and rng.random() < 0.1:
            out.append(copy.deepcopy(rng.choice(obj)))
        if rng.random() < 0.05:
            out.append(rng.choice(JUNK))
        if rng.random() < 0.1:
            rng.shuffle(out)
        return out
    if isinstance(obj, bool):
        return obj if rng.random() > 0.05 else rng.choice(JUNK)
    if isinstance(obj, int):
        return obj if rng.random() > 0.1 else rng.choice([obj + 1, obj - 1, obj + 5, -obj, str(obj), float(obj), True])
    if isinstance(obj, str):
        roll = rng.random()
        return rng.choice(JUNK) if roll < 0.04 else obj.upper() if roll < 0.08 else obj
    return obj


def varied_answers(exercise_id, n=40):
    """Demo answers, each also damaged three times over."""
    rng = random.Random(exercise_id)
    out = []
    for i in range(n):
        answer = hooks.demo_answer(exercise_id, np.random.default_rng([23, i]))
        out.append(answer)
        out += [damaged(answer, rng) for _ in range(3)]
    return out


def outcome(build, read):
    """``read(build())``, or the type of the exception ``build()`` raised."""
    try:
        model = build()
    except Exception as exc:  # noqa: BLE001 - the point is to compare failures too
        return type(exc)
    return read(model)


# -- signal triage -------------------------------------------------------------------------

ST_ODD = [
    {}, {"cases": {}}, {"case": "geen_casus", "cases": {}}, {"case": 3, "cases": {"nvwa_maaltijdplatforms": "x"}},
    # an unknown field name in a case the answer does not end on: that edit is skipped (the full
    # model and the light reading alike)
    {"case": "nvwa_maaltijdplatforms", "cases": {"kinderopvang_bso_personeelstekort": {"edits": {"s5": {"zzz": 1}}}}},
    {"case": "nvwa_maaltijdplatforms", "cases": {"nvwa_maaltijdplatforms": {
        "edits": {"s1": {"frequency": 9, "severity": 1, "systemic": 1}, "s2": {"covered_by_law": "nee"}},
        "own": [{"id": "eigen_7", "observation": "Eigen", "frequency": 5, "severity": 5, "covered_by_law": "nvt",
                 "systemic": True}, {"observation": "eigen", "frequency": 1, "severity": 1, "covered_by_law": "ja",
                                     "systemic": False}],
        "outline": {"probleem": 5, "oorzaken": "x" * 30_000, "weg": "tekst"}}}},
]


def routing(model):
    return model.case_id, [(o, route, i, why) for o, route, i, why in model.routed()], model.case.label


def test_triage_routing_reading_gives_the_case_and_routes_of_the_full_model():
    spec = load_spec("m5.signalen")
    answers = varied_answers("m5.signalen") + ST_ODD
    for answer in answers:
        full = outcome(lambda: SignalTriage.from_dict(spec, answer), routing)
        light = outcome(lambda: SignalTriage.routing_from_dict(spec, answer), routing)
        assert light == full, answer
        assert not isinstance(full, type), answer  # every odd answer comes back, what is not allowed left out
        if isinstance(answer, dict) and isinstance(answer.get("cases"), dict):  # else not an answer at all
            assert st._model_from_answer("m5.signalen", answer, routing_only=True) is not None


def test_triage_observation_is_the_first_of_the_observations_with_its_id():
    model = SignalTriage(load_spec("m5.signalen"))
    model.edit("s2", "severity", 1)
    model.add_own("Eigen waarneming", 3, 3, "nee", True)
    for obs in model.observations():
        assert model.observation(obs.id) == next(o for o in model.observations() if o.id == obs.id)
    assert model.observation("s2").severity == 1


def test_triage_route_memory_answers_as_the_rule_and_belongs_to_one_rule():
    rule = load_rule()
    for f, s, c, y in itertools.product(range(1, 6), range(1, 6), LAW_COVERAGE, (False, True)):
        o = Observation("x", "tekst", f, s, c, y)
        assert rule.route_of(o) == rule._route_of(o)
        assert rule.route_of(o) == rule.route_of(o)  # now from memory
    # a value that is equal but not the same (1 == True) is not answered from memory
    assert rule.route_of(Observation("x", "tekst", 4, 4, "ja", 1)) == rule._route_of(Observation("x", "tekst", 4, 4, "ja", 1))
    assert rule.route_of(Observation("x", "tekst", 4, 4, "ja", 1)) != rule.route_of(Observation("x", "tekst", 4, 4, "ja", True))
    # another rule made from this one starts with a memory of its own
    other = dataclasses.replace(rule, rules=())
    assert other._routes_memo == {} and other._routes_memo is not rule._routes_memo
    assert other.route_of(Observation("x", "tekst", 5, 5, "ja", True))[:2] == (rule.default_route, None)
    assert other == dataclasses.replace(rule, rules=())  # the memory takes no part in comparing rules


def test_triage_short_is_textwrap_shorten():
    for text in ("kort", "een wat langere observatie " * 5, "  spaties   en\nregels  ", "x" * 200):
        for width in (10, 40, 60, 70):
            assert Observation("x", text, 1, 1, "ja", False).short(width) == \
                textwrap.shorten(text, width=width, placeholder=" …")


# -- public values map -----------------------------------------------------------------------

def pv_one_by_one(spec, data):
    """PublicValuesMap.from_dict as it was: every weight through set_weight."""
    from lst_kit.content.cases import case_ids
    from lst_kit.errors import InputError

    model = PublicValuesMap(spec)
    cases = data.get("cases") if isinstance(data.get("cases"), dict) else {}
    for case_id, saved in cases.items():
        if case_id not in case_ids() or not isinstance(saved, dict):
            continue
        model.switch_case(case_id)
        if isinstance(saved.get("actors"), list):
            try:
                model.select_actors([a for a in saved["actors"] if isinstance(a, str)])
            except InputError:
                pass
        for name in saved.get("extra_values", []) if isinstance(saved.get("extra_values"), list) else []:
            try:
                model.add_value(name)
            except InputError:
                pass
        weights = saved.get("weights") if isinstance(saved.get("weights"), dict) else {}
        for value, row in weights.items():
            for actor_id, weight in (row if isinstance(row, dict) else {}).items():
                try:
                    model.set_weight(value, actor_id, weight)
                except InputError:
                    pass
    current = data.get("case")
    try:
        model.switch_case(current if isinstance(current, str) else spec.default_case)
    except InputError:
        model.switch_case(spec.default_case)
    return model


class Score(int):
    """An int that is not exactly int (as JSON never gives, but set_weight accepts)."""


PV_ODD = [
    {"cases": {}}, {"case": "geen_casus", "cases": {"nvwa_maaltijdplatforms": "x"}},
    {"case": "nvwa_maaltijdplatforms", "cases": {"nvwa_maaltijdplatforms": {
        "actors": ["nvwa", "x", 3], "extra_values": ["  Rust  ", "rust", "", 5],
        "weights": {"Rust": {"nvwa": 5, "maaltijdplatforms": True, "x": 3}, "voedselveiligheid": {"nvwa": Score(2)},
                    "geen waarde": {"nvwa": 1}, "consumentenvertrouwen": "x",
                    "ruimte voor kleinschalig ondernemerschap": {"nvwa": 2.0, "thuiskoks": -1},
                    "eerlijke concurrentie": {"thuiskoks": 99, "nvwa": "3", "maaltijdplatforms": 0}}}}},
]


def test_public_values_weights_are_restored_as_set_weight_sets_them_one_by_one():
    spec = load_spec("m5.publieke_waarden")
    for answer in varied_answers("m5.publieke_waarden") + PV_ODD:
        if not isinstance(answer, dict):
            continue
        model, reference = PublicValuesMap.from_dict(spec, answer), pv_one_by_one(spec, answer)
        assert model.to_dict() == reference.to_dict(), answer
        assert model.per_case == reference.per_case
        assert model.matrix() == [[model.weight(v, a.id) for a in model.actors()] for v in model.values()]
    odd = PublicValuesMap.from_dict(spec, PV_ODD[-1])
    assert odd.state.weights["voedselveiligheid"] == {"nvwa": 2}
    assert "eerlijke concurrentie" in odd.state.weights and "geen waarde" not in odd.state.weights


def test_public_values_set_weight_still_names_what_is_wrong():
    from lst_kit.errors import InputError

    model = PublicValuesMap(load_spec("m5.publieke_waarden"))
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
