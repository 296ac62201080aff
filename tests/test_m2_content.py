"""Module 2 content files: the shipped ones load; damaged ones give an error
that names the file and the field (and what is allowed and what was found)."""


import pytest
from _content import assert_broken_spec_is_named, edit

from lst_kit.content import load_spec

M2_IDS = ["m2.sparrow", "m2.driehoek", "m2.effectketen", "m2.reflectie_probleem", "m2.reflectie_steun",
          "m2.reflectie_effect"]


@pytest.mark.parametrize("exercise_id", M2_IDS)
def test_shipped_module_2_specs_load(exercise_id):
    spec = load_spec(exercise_id)
    assert spec.exercise_id == exercise_id and spec.title


def _drop_definition_field(doc):
    doc["stages"][1]["fields"] = [f for f in doc["stages"][1]["fields"] if f["key"] != "definitie"]


BROKEN = {
    # fault: (file, change, field named in the error, found value shown)
    "sparrow-stage-renamed": ("m2/sparrow.yaml", lambda d: d["stages"][1].update(key="probleem"),
                              "stages[1].key", "'probleem'"),
    "sparrow-five-stages": ("m2/sparrow.yaml", lambda d: d["stages"].pop(), "stages", None),
    "sparrow-no-definition-field": ("m2/sparrow.yaml", _drop_definition_field, "stages[1].fields", "'buiten'"),
    "sparrow-two-recommended": ("m2/sparrow.yaml", lambda d: d["scales"][0].update(recommended=True), "scales",
                                "2 schalen met recommended: true"),
    "sparrow-no-output-words": ("m2/sparrow.yaml", lambda d: d.update(output_words=[]), "output_words", "[]"),
    "sparrow-question-not-text": ("m2/sparrow.yaml", lambda d: d["stages"][0]["questions"].append(5),
                                  "stages[0].questions.3", "5"),
    "sparrow-min-words-text": ("m2/sparrow.yaml", lambda d: d["rules"].update(definition_min_words="veel"),
                               "rules.definition_min_words", "'veel'"),
    "triangle-unknown-case": ("m2/driehoek.yaml", lambda d: d.update(default_case="atlantis"), "default_case",
                              "'atlantis'"),
    "triangle-min-above-max": ("m2/driehoek.yaml", lambda d: d["options"].update(max=1), "options.max", "1"),
    "triangle-extra-corner": ("m2/driehoek.yaml", lambda d: d["corners"].update(geluk={"label": "x"}),
                              "corners.geluk", "'geluk'"),
    "triangle-corner-without-label": ("m2/driehoek.yaml", lambda d: d["corners"]["capacity"].pop("label"),
                                      "corners.capacity.label", "(ontbreekt)"),
    "chain-menu-unknown-tier": ("m2/effectketen.yaml", lambda d: d["menu"][0].update(tier="uitkomst"),
                                "menu[0].tier", "'uitkomst'"),
    "chain-strength-six": ("m2/effectketen.yaml", lambda d: d["designs"][2].update(strength=6),
                           "designs[2].strength", "6"),
    "chain-effect-from-unknown": ("m2/effectketen.yaml", lambda d: d.update(effect_from="resultaat"),
                                  "effect_from", "'resultaat'"),
    "chain-words-not-a-list": ("m2/effectketen.yaml", lambda d: d["classifier"][1].update(words="naleving"),
                               "classifier[1].words", "'naleving'"),
    "chain-duplicate-menu": ("m2/effectketen.yaml", lambda d: d["menu"].append(dict(d["menu"][3])), "menu", None),
    "reflection-without-prompt": ("m2/reflectie_steun.yaml", lambda d: d.pop("prompt"), "prompt", "(ontbreekt)"),
}


@pytest.mark.parametrize("fault", sorted(BROKEN))
def test_broken_module_2_spec_names_file_and_field(data, fault):
    assert_broken_spec_is_named(data, *BROKEN[fault])


def test_a_teacher_can_add_a_dimension_and_an_output_word(data):
    path = data / "exercises" / "m2" / "sparrow.yaml"
    edit(path, lambda d: (d["dimensions"].append({"key": "keten", "label": "Schakel in de keten"}),
                          d["output_words"].append("aantal keukenbezoeken")))
    spec = load_spec("m2.sparrow")
    assert spec.dimensions[-1].label == "Schakel in de keten"
    from lst_kit.exercises.sparrow_canvas import Canvas

    model = Canvas(spec)
    model.set_text("meten", "indicatoren", "Aantal keukenbezoeken per maand")
    assert model.all_output()
