"""E4.4 EAST letter makeover, the model: the checks, the scores per EAST
letter, restore."""

import subprocess
import sys

import pytest
import yaml

from lst_kit.content import ContentError, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.east_letter.model import (
    EAST, LetterRewrite, awb_objection_clause, class_means, east_scores, evaluate, longest_sentence,
)

GOOD_LETTER = """Beste heer De Vries,

Op 12 maart controleerden wij uw schip De Zwaan. U heeft toen ontgast tijdens het varen. Dat mag niet: de dampen
bevatten benzeen en zijn slecht voor de gezondheid van omwonenden en van uw eigen bemanning.

Negen van de tien schippers ontgassen al bij een erkende installatie. Wij vragen u hetzelfde te doen: laat uw
volgende ontgassing binnen twee weken doen bij een installatie. Een lijst staat op www.voorbeeld.nl/ontgassen.

Over vier weken komen we terug voor een hercontrole. Vragen? Bel Jan Jansen, 030-1234567.

Met vriendelijke groet,
Jan Jansen, inspecteur"""



def test_the_standard_letter_fails_and_a_rewrite_passes():
    spec = load_spec("m4.east_brief")
    before = evaluate(spec, spec.letter)
    assert not before["aanhef"] and not before["termijn"] and not before["sociale_norm"] and before["kort"]
    assert east_scores(spec, spec.letter) == {"E": 0.2, "A": 0.0, "S": 0.0, "T": 0.0}
    assert all(evaluate(spec, GOOD_LETTER).values())
    assert east_scores(spec, GOOD_LETTER) == {"E": 1.0, "A": 1.0, "S": 1.0, "T": 1.0}


@pytest.mark.parametrize("text, key, passed", [
    ("Wij verzoeken u dit te doen. U moet ook dat. U dient zus.", "een_actie", False),   # three requests
    ("Laat uw schip binnen twee weken ontgassen.", "een_actie", True),
    ("Doe dit uiterlijk 1 juni.", "termijn", True),
    ("Doe dit zo snel mogelijk.", "termijn", False),
    ("Geachte heer/mevrouw, doe dit.", "aanhef", False),
    ("Mail ons via info@ilt.example.", "reactiekanaal", True),
    ("Een korte zin. " + "woord " * 30 + ".", "korte_zinnen", False),
])
def test_single_checks(text, key, passed):
    spec = load_spec("m4.east_brief")
    assert evaluate(spec, text)[key] is passed


def test_longest_sentence():
    assert longest_sentence("Een twee drie. Vier vijf!\n\nZes") == 3
    assert longest_sentence("") == 0


def test_bad_pattern_names_file_and_field(data):
    path = data / "exercises" / "m4" / "east_brief.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["checks"][1]["patterns"] = ["(ongesloten"]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_spec("m4.east_brief")
    assert info.value.field == "checks[1].patterns[0]" and "geldige reguliere expressie" in str(info.value)


def test_an_answer_saved_by_the_current_kit_restores():
    spec = load_spec("m4.east_brief")
    saved = {"text": GOOD_LETTER}  # as EastLetterView saves it
    model = LetterRewrite.from_dict(spec, saved)
    assert model.text == GOOD_LETTER and model.answered
    assert model.scores() == {"E": 1.0, "A": 1.0, "S": 1.0, "T": 1.0}
    assert model.to_dict() == saved


@pytest.mark.parametrize("saved, answered", [(None, False), (3, False), ({}, True), ({"text": 5}, True),
                                             ({"text": "   "}, True)])
def test_an_answer_without_text_restores_to_the_original_letter(saved, answered):
    spec = load_spec("m4.east_brief")
    model = LetterRewrite.from_dict(spec, saved)
    assert model.text == spec.letter and model.answered is answered


def test_the_rewrite_refuses_what_is_no_text_or_too_long():
    spec = load_spec("m4.east_brief")
    model = LetterRewrite(spec, "kort")
    with pytest.raises(InputError, match="20001 tekens"):
        model.set_text("x" * 20001)
    with pytest.raises(InputError):
        model.set_text(None)
    assert model.text == "kort" and model.words == 1


def test_class_means_by_hand():
    spec = load_spec("m4.east_brief")
    original, good = LetterRewrite(spec), LetterRewrite(spec, GOOD_LETTER)
    mean, passed = class_means(spec, [original, good, good])
    assert mean["E"] == pytest.approx((0.2 + 1.0 + 1.0) / 3) and mean["S"] == pytest.approx(2 / 3)
    assert passed["kort"] == 3 and passed["aanhef"] == 2
    assert set(mean) == set(EAST)


# -- the Awb objection clause: a warning is normally no besluit, so 'bezwaar maken' misleads ------

@pytest.mark.parametrize("text", [
    "Tegen dit besluit kunt u bezwaar maken.",
    "U kunt binnen zes weken bezwaar bij ons indienen.",
    "Stuur uw bezwaarschrift naar de inspectie.",
    "Wilt u BEZWAAR aantekenen? Schrijf ons.",
])
def test_objection_clause_is_found(text):
    assert awb_objection_clause(text)


@pytest.mark.parametrize("text", [
    "", "Wij hebben geen bezwaar tegen een gesprek.", "Bel ons als u vragen heeft.",
    "Binnen twee weken komen we terug.",
])
def test_no_false_alarm(text):
    assert not awb_objection_clause(text)


def test_shipped_warning_letter_has_no_objection_clause(shipped):
    assert not awb_objection_clause(load_spec("m4.east_brief", "east_letter").letter)


def test_the_clause_does_not_change_the_scores():
    spec = load_spec("m4.east_brief")
    model = LetterRewrite(spec, spec.letter + "\nTegen dit besluit kunt u bezwaar maken.")
    assert model.objection_clause and not LetterRewrite(spec).objection_clause
    assert model.scores() == east_scores(spec, spec.letter)


@pytest.mark.slow
def test_model_figures_and_readings_import_neither_widgets_nor_numpy():
    code = ("import sys, lst_kit.exercises.east_letter, lst_kit.exercises.east_letter.model, "
            "lst_kit.exercises.east_letter.figures, lst_kit.exercises.east_letter.readings; "
            "print(sorted(m for m in ('ipywidgets', 'numpy', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
