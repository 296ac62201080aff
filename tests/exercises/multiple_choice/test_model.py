"""Multiple-choice check, the model: a pick, its feedback, restore by option text."""

import subprocess
import sys

import pytest

from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.multiple_choice.model import Choice, class_counts

RIGHT = ("Ze heeft informatie verzameld en een oordeel gevormd; dat ze (nog) niet ingrijpt, past in de "
         "definitie")  # the fixture's right option


def test_choice_feedback_and_restore_by_option_text():
    spec = load_spec("m1.definitie")
    right = next(i for i, o in enumerate(spec.options) if o.correct)
    wrong = next(i for i, o in enumerate(spec.options) if not o.correct)
    assert spec.right == right == 0
    choice = Choice(spec)
    assert choice.correct is None and choice.feedback == ""
    choice.choose(wrong)
    assert choice.correct is False and choice.feedback == spec.options[wrong].feedback
    choice.choose(right)
    saved = choice.to_dict()
    assert saved == {"choice": right, "option": spec.options[right].text, "correct": True}
    assert Choice.from_dict(spec, saved).index == right
    assert Choice.from_dict(spec, {"choice": 0, "option": "een optie die niet meer bestaat"}).index is None
    with pytest.raises(InputError, match="Jouw keuze"):
        choice.choose(len(spec.options))
    for bad in (-1, True, "1", 1.0):
        with pytest.raises(InputError):
            choice.choose(bad)
    assert choice.index == right


def test_an_answer_saved_by_the_current_kit_restores():
    spec = load_spec("m1.definitie")
    saved = {"choice": 2, "option": "Het is toezicht, maar de definitie verplicht haar nu tot een sanctie",
             "correct": False}
    choice = Choice.from_dict(spec, saved)
    assert choice.index == 2 and choice.correct is False
    assert choice.feedback.startswith("Een sanctie is maar één van de mogelijke interventies")
    assert choice.to_dict() == saved
    # restored by the text: an old index that points elsewhere does not matter
    assert Choice.from_dict(spec, {"choice": 3, "option": RIGHT, "correct": True}).index == 0


def test_class_counts_count_each_pick_once_and_skip_no_pick():
    spec = load_spec("m1.definitie")
    choices = [Choice(spec, 0), Choice(spec, 0), Choice(spec, 3), Choice(spec)]
    assert class_counts(spec, choices) == [2, 0, 0, 1]


@pytest.mark.slow
def test_model_figures_and_readings_import_neither_widgets_nor_numpy():
    code = ("import sys, lst_kit.exercises.multiple_choice, lst_kit.exercises.multiple_choice.model, "
            "lst_kit.exercises.multiple_choice.figures, lst_kit.exercises.multiple_choice.readings; "
            "print(sorted(m for m in ('ipywidgets', 'numpy', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
