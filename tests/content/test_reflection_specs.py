"""Module 2 content files: the shipped ones load; damaged ones give an error
that names the file and the field (and what is allowed and what was found)."""


import pytest
from _content import assert_broken_spec_is_named

from lst_kit.content import load_spec

M2_IDS = ["m2.reflectie_probleem", "m2.reflectie_steun", "m2.reflectie_effect"]


@pytest.mark.parametrize("exercise_id", M2_IDS)
def test_shipped_module_2_specs_load(exercise_id):
    spec = load_spec(exercise_id)
    assert spec.exercise_id == exercise_id and spec.title


BROKEN = {
    # fault: (file, change, field named in the error, found value shown)
    "reflection-without-prompt": ("m2/reflectie_steun.yaml", lambda d: d.pop("prompt"), "prompt", "(ontbreekt)"),
}


@pytest.mark.parametrize("fault", sorted(BROKEN))
def test_broken_module_2_spec_names_file_and_field(data, fault):
    assert_broken_spec_is_named(data, *BROKEN[fault])
