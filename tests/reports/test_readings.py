"""The hooks that the portfolio, the class overview and the learning plan use:
dispatch through the spec's type, generic fallbacks, and the Module 1 hooks
on fixed inputs."""

import shutil
import sys
import types

import numpy as np

from lst_kit import content
from lst_kit.reports import readings as hooks
from lst_kit import registry
from lst_kit.paths import data_dir
from lst_kit.content import load_spec


# -- dispatch ---------------------------------------------------------------------------------

def test_module_found_through_the_spec_type():
    info = hooks.exercise_info("m1.principes")
    assert info.type == "principles_radar"
    assert info.kind is registry.exercise_type("principles_radar") and info.kind.has("class_picture")
    assert info.title == load_spec("m1.principes").title
    assert content.module_key("m3.risicomatrix") == "m3" and content.module_key("vreemd") == ""


def test_removed_or_unknown_exercise_falls_back_to_generic():
    info = hooks.exercise_info("m9.bestaat_niet")
    assert info.kind is None and info.title == "m9.bestaat_niet" and info.problem
    answer = {"b": [1, 2.5, True], "a": {"tekst": "eerste\n\ntweede"}, "rijen": [{"x": 1}, {"x": 2}]}
    assert hooks.summarize("m9.bestaat_niet", answer) == [
        "b: 1, 2,5, ja", "a:", "  tekst:", "  eerste", "  tweede", "rijen:", "  -:", "    x: 1", "  -:", "    x: 2"]
    assert hooks.plot_answer("m9.bestaat_niet", answer) is None
    fig, lines = hooks.class_picture("m9.bestaat_niet", {"D1": {"keuze": "a"}, "D2": {"keuze": "a"}, "D3": "los"})
    assert fig is None
    assert lines == ["3 deelnemers hebben deze oefening ingevuld.", "D3: los", "keuze: 'a' (2×)"]
    assert hooks.demo_answer("m9.bestaat_niet", np.random.default_rng(0)) is registry.SKIP


def test_a_later_exercise_type_is_picked_up_without_code_changes(tmp_path, monkeypatch, caplog):
    """A new type registered in EXERCISE_TYPES with its own readings is used; a reading
    that raises or returns nonsense falls back to the generic reading, with a note
    on the page and one log record naming the exercise and its file."""
    import random

    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))

    class Spec:
        def __init__(self, exercise_id, title):
            self.exercise_id, self.title = exercise_id, title

    class Later(registry.ExerciseType):
        name = "later_type"

        def parse_spec(self, root, exercise_id):
            return Spec(exercise_id, root.text("title"))

        def summarize(self, spec, answer):
            return [f"score {answer['score']}"]

        def class_picture(self, spec, answers):
            raise RuntimeError("kapot")

        def plot_answer(self, spec, answer):
            return "geen figuur"

        def demo_answer(self, spec, rng):
            return {"score": rng.randint(1, 5)}

    package = types.ModuleType("lst_test_later_exercise")
    readings = types.ModuleType("lst_test_later_exercise.readings")
    readings.TYPE = Later()
    monkeypatch.setitem(sys.modules, package.__name__, package)
    monkeypatch.setitem(sys.modules, readings.__name__, readings)
    monkeypatch.setitem(registry.EXERCISE_TYPES, "later_type", package.__name__)
    (tmp_path / "data" / "exercises" / "m7").mkdir()
    (tmp_path / "data" / "exercises" / "m7" / "later.yaml").write_text('type: later_type\ntitle: "Later"\n')
    assert hooks.exercise_info("m7.later").title == "Later"
    assert hooks.summarize("m7.later", {"score": 4}) == ["score 4"]
    note, *rest = hooks.summarize("m7.later", {"anders": 1})  # the reading raised KeyError
    assert "m7.later" in note and "exercises/m7/later.yaml" in note and rest == ["anders: 1"]
    assert hooks.plot_answer("m7.later", {"score": 4}) is None  # not a Figure
    with caplog.at_level("WARNING", logger="lst_kit"):
        for _ in range(3):
            fig, lines = hooks.class_picture("m7.later", {"D1": {"score": 4}})
    assert fig is None and lines[1].startswith("1 deelnemers")
    assert len([r for r in caplog.records if "class_picture" in r.getMessage()]) == 1  # logged once
    assert hooks.demo_answer("m7.later", random.Random(1)) == {"score": random.Random(1).randint(1, 5)}


# -- helpers for readings ------------------------------------------------------------------------

def test_most_answered_picks_the_largest_count_and_breaks_ties_by_name():
    assert registry.most_answered({"b": 2, "a": 2, "c": 1}) == "a"
    assert registry.most_answered({"b": 3, "a": 2}) == "b"
