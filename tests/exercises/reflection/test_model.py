"""Reflection question, the model: word count, validation, restore."""

import subprocess
import sys

import pytest

from lst_kit.errors import InputError
from lst_kit.exercises.reflection.model import MAX_CHARS, ReflectionAnswer, paragraphs, word_count


@pytest.mark.parametrize(
    "text, n",
    [("", 0), ("   ", 0), ("Toezicht dient publieke belangen.", 4), ("de risico-regelreflex is één woord", 5),
     ("ILT's aanpak: 25% minder last!", 5), ("regel\nnieuwe regel", 3)],
)
def test_word_count(text, n):
    assert word_count(text) == n


def test_reflection_refuses_too_long_text_and_keeps_the_old_one():
    answer = ReflectionAnswer("kort")
    with pytest.raises(InputError, match="hoogstens 20000 tekens"):
        answer.set_text("x" * 20001)
    assert answer.text == "kort"
    with pytest.raises(InputError):
        answer.set_text(5)
    assert answer.text == "kort"


def test_an_answer_saved_by_the_current_kit_restores():
    saved = {"text": "Eerste alinea over de WRR.\n\nTweede alinea."}  # as ReflectionView saves it
    answer = ReflectionAnswer.from_dict(saved)
    assert answer.text == "Eerste alinea over de WRR.\n\nTweede alinea."
    assert answer.words == 7
    assert answer.to_dict() == saved


@pytest.mark.parametrize("saved, text", [
    (None, ""), (5, ""), ("tekst", ""), ([], ""), ({}, ""), ({"text": None}, ""), ({"text": 5}, ""),
    ({"text": ""}, ""), ({"text": "  kort  "}, "  kort  "), ({"tekst": "anders"}, ""),
])
def test_odd_answers_restore_to_what_they_hold(saved, text):
    assert ReflectionAnswer.from_dict(saved).text == text


def test_an_over_long_saved_text_is_cut_at_the_limit():
    assert ReflectionAnswer.from_dict({"text": "y" * (MAX_CHARS + 5)}).text == "y" * 20_000


def test_paragraphs_split_at_blank_lines():
    assert paragraphs("  een\n\n\n twee\nnog twee \n \n") == ["een", "twee\nnog twee"]
    assert paragraphs("   ") == []


@pytest.mark.slow
def test_model_figures_and_readings_import_neither_widgets_nor_numpy():
    code = ("import sys, lst_kit.exercises.reflection, lst_kit.exercises.reflection.model, "
            "lst_kit.exercises.reflection.figures, lst_kit.exercises.reflection.readings; "
            "print(sorted(m for m in ('ipywidgets', 'numpy', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
