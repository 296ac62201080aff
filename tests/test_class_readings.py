"""The lighter readings and memories behind the class overview of the signal
triage, the public-values map and the Sparrow canvas: on varied answers
(demo answers, the same answers damaged at random, hand-made odd ones) they
give what the full model gives, and a memory cannot outlive what it remembers."""

import copy
import dataclasses
import random

import numpy as np
import pytest

from lst_kit.reports import readings as hooks
from lst_kit.content import load_spec
from lst_kit.exercises.effect_chain import find_keywords
from lst_kit.exercises.sparrow_canvas import STAGE_KEYS, Canvas

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


# -- Sparrow canvas ---------------------------------------------------------------------------

def sparrow_one_by_one(spec, data):
    """Canvas.from_dict as it was: every text and tick through set_text / set_check."""
    from lst_kit.errors import InputError

    def quietly(fn, *args):
        try:
            fn(*args)
        except (InputError, TypeError):
            pass

    model = Canvas(spec)
    texts = data.get("texts")
    for stage, row in (texts if isinstance(texts, dict) else {}).items():
        for key, text in (row if isinstance(row, dict) else {}).items():
            quietly(model.set_text, stage, key, text)
    checks = data.get("checks")
    for stage, keys in (checks if isinstance(checks, dict) else {}).items():
        for key in (keys if isinstance(keys, list) else []):
            quietly(model.set_check, stage, key, True)
    for key in (data.get("dimensions") if isinstance(data.get("dimensions"), list) else []):
        quietly(model.set_dimension, key, True)
    quietly(model.set_scale, data.get("scale"))
    quietly(model.set_case, data.get("case"))
    order = data.get("order")
    if isinstance(order, list):
        saved = [k for k in order if k in model.order]
        model.order = saved + [k for k in model.order if k not in saved]
    return model


SOLVE_TEXT = {"aanpak": "Een aanpak", "partners": ""}
SPARROW_ODD = [
    {}, {"texts": "x"}, {"texts": {"oplossen": SOLVE_TEXT, "definieren": {"definitie": "kort"}}},   # solutions first
    {"texts": {"oplossen": {"partners": "  ", "aanpak": "iets"}, "meten": {"indicatoren": "aantal controles"},
               "geen_stap": {"x": "y"}, "nomineren": {"kandidaat": "   "}}, "order": ["meten"]},
    {"texts": {"afsluiten": {"klaar": "ja"}, "oplossen": {"aanpak": 5, "partners": "p"}, "definieren": "x"},
     "order": ["oplossen", "oplossen", "zzz", 3], "checks": {"oplossen": ["op_maat", "op_maat", "x", ["l"]], "x": ["y"]},
     "dimensions": ["plaats", "plaats", "geen", ["l"]], "scale": "groot", "case": ["l"]},
    {"texts": {"meten": {"indicatoren": "\n".join(f"aantal {i}" for i in range(50))}, "oplossen": SOLVE_TEXT}},
    {"texts": {"meten": {"indicatoren": "aantal inspecties\n- aandeel zieken"}, "oplossen": SOLVE_TEXT},
     "order": "meten", "scale": None, "case": ""},
]


def canvas_state(model):
    return (model.texts, model.checks, model.dimensions, model.scale, model.case, model.order)


def test_sparrow_restore_keeps_the_order_as_set_text_and_set_check_keep_it():
    spec = load_spec("m2.sparrow")
    for answer in varied_answers("m2.sparrow") + SPARROW_ODD:
        if not isinstance(answer, dict):
            continue
        model = Canvas.from_dict(spec, answer)
        assert canvas_state(model) == canvas_state(sparrow_one_by_one(spec, answer)), answer
        assert model.solutions_early() == any(w.key == "solutions_early" for w in model.warnings())
    assert Canvas.from_dict(spec, SPARROW_ODD[2]).order == ["oplossen", "definieren"]


def test_sparrow_stage_and_field_lookups_answer_as_a_search_would():
    spec = load_spec("m2.sparrow")
    for key in (*STAGE_KEYS, "geen", "", ["lijst"], None, 3):
        expected = next((s for s in spec.stages if s.key == key), None)
        if expected is None:
            with pytest.raises(StopIteration):
                spec.stage(key)
        else:
            assert spec.stage(key) is expected
    stage = spec.stage("meten")
    assert stage.field("indicatoren") is stage.fields[0] and stage.field("nulmeting") is stage.fields[1]
    with pytest.raises(StopIteration):
        stage.field({"a": 1})
    twice = dataclasses.replace(stage, fields=(stage.fields[1], dataclasses.replace(stage.fields[0], key="nulmeting")))
    assert twice.field("nulmeting") is twice.fields[0]  # the first of equal keys, a new index per stage


def test_sparrow_output_memory_answers_as_find_keywords_and_belongs_to_one_spec():
    spec = load_spec("m2.sparrow")
    texts = ["Aantal inspecties", "aantal controles bij koks", "aandeel zieken", "", "Aantal Bezoeken", "inspecties"]
    for text in texts * 2:
        assert spec.is_output(text) == bool(find_keywords(text, spec.output_words))
    other = dataclasses.replace(spec, output_words=("zieken",))
    assert other._output_memo == {} and other.is_output("aandeel zieken") and not other.is_output("Aantal inspecties")
    assert spec.is_output("Aantal inspecties") and not spec.is_output("aandeel zieken")
    assert other == dataclasses.replace(spec, output_words=("zieken",))  # the memory takes no part in comparing
