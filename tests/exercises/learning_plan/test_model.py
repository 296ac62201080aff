"""E6.3 Learning plan, the model: spec, prefill (pure), texts, restore."""

import pytest

from lst_kit.content import ContentError, Field, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.learning_plan.figures import prefill_html
from lst_kit.exercises.learning_plan.model import LearningPlan, module_number, parse_spec, prefill
from lst_kit.reports import readings


@pytest.fixture
def spec():
    return load_spec("m6.wat_neem_je_mee")


def title(exercise_id):
    return readings.exercise_info(exercise_id).title


def test_prefill_with_stand_in_readings_is_pure(spec):
    """prefill only uses what it is given: the answers and the two functions."""
    calls = []

    def summarize(exercise_id, answer):
        calls.append(exercise_id)
        return [f"{exercise_id} regel {i}" for i in range(10)] + ["   "]

    answers = {"m6.dilemmas": {"x": 1}, "m4.piramide": {}, "m9.los": {}}
    sections = {p.section.key: p for p in prefill(spec, answers, summarize, lambda e: f"Titel {e}")}
    assert sorted(calls) == ["m4.piramide", "m6.dilemmas"]  # only the exercises the sections name
    grens = sections["grens"]
    assert grens.lines == tuple(f"m6.dilemmas regel {i}" for i in range(spec.max_lines))
    mix = sections["interventiemix"]  # two exercises: each under its title, indented
    assert mix.lines[0] == "Titel m4.piramide:" and mix.lines[1] == "  m4.piramide regel 0"
    assert mix.missing == ("m4.interventiematrix",)
    assert not sections["probleem"].filled and sections["probleem"].note() == "Nog niet ingevuld in module 2."


def test_prefill_names_missing_modules_and_uses_summaries(spec):
    dilemmas = load_spec("m6.dilemmas")
    card = dilemmas.cards[0]
    answers = {
        "m6.dilemmas": {"choices": {card.key: card.options[-1].key}},
        # Module 4 has landed: its own summarize reading reads the pyramid answer
        "m4.piramide": {"segment": "D", "mix": {"D": ["proces_verbaal", "intrekking_vergunning"]}},
    }
    sections = {p.section.key: p for p in prefill(spec, answers, readings.summarize, title)}
    assert not sections["probleem"].filled
    assert sections["probleem"].note() == "Nog niet ingevuld in module 2."
    assert sections["risicos"].note() == "Nog niet ingevuld in module 3."
    grens = sections["grens"]
    assert grens.filled and grens.lines[0].startswith("Je koos bij 1 van de 8 kaarten")
    assert len(grens.lines) <= spec.max_lines
    mix = sections["interventiemix"]
    assert mix.filled and mix.missing == ("m4.interventiematrix",)
    assert mix.lines == ("Oefening: je handhavingspiramide per segment:",
                         "  Segment D Notoir of crimineel: treden 4 tot 6, 2 interventies; lege treden: 5.")
    html = prefill_html(list(sections.values()))
    assert "Nog niet ingevuld in module 2." in html and "&nbsp;&nbsp;Segment D" in html


def test_learning_plan_model_validates_and_round_trips(spec):
    plan = LearningPlan(spec)
    plan.set_text("leerdoelen", "Risico's beter afwegen.")
    with pytest.raises(InputError, match="Tekstvak"):
        plan.set_text("bestaat_niet", "x")
    with pytest.raises(InputError, match="Mijn volgende stappen: toegestaan is tekst van hoogstens 20000 tekens"):
        plan.set_text("volgende_stappen", "x" * 20001)
    with pytest.raises(InputError):
        plan.set_text("volgende_stappen", 5)
    plan.take_over(prefill(spec, {}, readings.summarize, title))
    saved = plan.to_dict()
    assert saved["fields"] == {"leerdoelen": "Risico's beter afwegen."}
    assert saved["prefill"]["signaal"] == {"label": "Eén signaal aan beleid", "lines": ["Nog niet ingevuld in module 5."],
                                           "filled": False}
    assert LearningPlan.from_dict(spec, saved).to_dict() == saved


#: An answer as the kit wrote it before the package conversion.
SAVED_BY_THE_FLAT_MODULE = {
    "fields": {"leerdoelen": "Signalen eerder agenderen.", "volgende_stappen": "Met mijn team de piramide bespreken."},
    "prefill": {
        "grens": {"label": "Waar jij de grens trekt (onafhankelijkheid)",
                  "lines": ["Je koos bij 1 van de 8 kaarten.", "Een conclusie afzwakken: ... (positie 5)"],
                  "filled": True},
        "signaal": {"label": "Eén signaal aan beleid", "lines": ["Nog niet ingevuld in module 5."], "filled": False},
    },
}


def test_an_answer_saved_by_the_flat_module_restores(spec):
    plan = LearningPlan.from_dict(spec, SAVED_BY_THE_FLAT_MODULE)
    assert plan.texts == SAVED_BY_THE_FLAT_MODULE["fields"]
    assert plan.filled("grens") and not plan.filled("signaal") and not plan.filled("probleem")
    assert plan.taken_over("grens") == ["Je koos bij 1 van de 8 kaarten.", "Een conclusie afzwakken: ... (positie 5)"]
    assert plan.taken_over("signaal") == []
    assert plan.to_dict() == SAVED_BY_THE_FLAT_MODULE


@pytest.mark.parametrize("answer", [None, "tekst", 5, [], {}, {"fields": 3}, {"fields": {"leerdoelen": 3}},
                                    {"prefill": {"grens": "geen dict", "signaal": {"filled": True, "lines": 7}}}])
def test_odd_answers_restore_to_what_is_usable(spec, answer):
    plan = LearningPlan.from_dict(spec, answer)
    assert plan.texts == {} and plan.taken_over("grens") == [] and plan.taken_over("signaal") == []


def test_section_exercises_must_name_a_module():
    doc = {"title": "Plan", "sections": [{"key": "a", "label": "A", "exercises": ["m3.risicomatrix", "risicomatrix"]}],
           "fields": [{"key": "doel", "label": "Doel", "prompt": "Wat?"}]}
    with pytest.raises(ContentError, match=r"sections\[0\]\.exercises\[1\].*'risicomatrix'"):
        parse_spec(Field(doc, "plan.yaml"), "m6.plan")
    doc["sections"][0]["exercises"] = ["m3.risicomatrix"]
    assert parse_spec(Field(doc, "plan.yaml"), "m6.plan").sections[0].exercises == ("m3.risicomatrix",)
    assert module_number("m3.risicomatrix") == "3"


@pytest.mark.slow
def test_model_figures_and_readings_import_no_widgets():
    import subprocess
    import sys

    code = ("import sys; import lst_kit.exercises.learning_plan, lst_kit.exercises.learning_plan.model, "
            "lst_kit.exercises.learning_plan.figures, lst_kit.exercises.learning_plan.readings; "
            "print('ipywidgets' in sys.modules, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
