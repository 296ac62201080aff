"""E6.1 Dilemma cards, the model and its figures: spec, choices, profile."""

import xml.etree.ElementTree as ET

import pytest

from lst_kit.content import ContentError, Field, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.dilemmas.figures import plot_profile, summary_text
from lst_kit.exercises.dilemmas.model import DilemmaChoices, class_counts, parse_spec
from lst_kit.figures import svgplot


@pytest.fixture
def spec():
    return load_spec("m6.dilemmas")


def test_shipped_cards_follow_the_brief(spec):
    assert 6 <= len(spec.cards) <= 8
    assert [d.key for d in spec.dimensions] == ["oordeelsvorming", "positionering", "beeldvorming"]
    rules = {r.key for r in spec.rules}
    assert {"ba_a", "ba_b", "ba_c", "zes_weken", "kamer_informeren", "kaderwet"} <= rules
    used = {key for card in spec.cards for key in card.rules}
    assert {"ba_a", "ba_b", "ba_c", "zes_weken", "kamer_informeren", "kaderwet"} <= used
    for card in spec.cards:
        positions = [o.position for o in card.options]
        assert min(positions) == spec.scale.min and max(positions) == spec.scale.max, card.key
        assert card.prompt.endswith("?") and card.explanation
    assert spec.case_id is None


def test_the_case_is_checked_against_the_cases_given(spec):
    from lst_kit.content import load_yaml, spec_path

    doc = load_yaml(spec_path("m6.dilemmas"))
    doc["case"] = "nvwa_maaltijdplatforms"
    assert parse_spec(Field(doc, "dilemmas.yaml"), "m6.dilemmas", ["nvwa_maaltijdplatforms"]).case_id == \
        "nvwa_maaltijdplatforms"
    with pytest.raises(ContentError, match="'case'.*nvwa_maaltijdplatforms"):
        parse_spec(Field(doc, "dilemmas.yaml"), "m6.dilemmas", ["ilt_ontgassen_binnenvaart"])
    doc["case"] = "Geen Sleutel!"
    with pytest.raises(ContentError, match="'case'"):
        parse_spec(Field(doc, "dilemmas.yaml"), "m6.dilemmas")  # without case ids: only its form


def test_choices_positions_and_profile(spec):
    model = DilemmaChoices(spec)
    assert model.mean() is None and summary_text(model).startswith("Nog geen van de 8 kaarten")
    first, second, third = spec.cards[:3]
    model.choose(first.key, next(o.key for o in first.options if o.position == 5))
    model.choose(second.key, next(o.key for o in second.options if o.position == 1))
    model.choose(third.key, next(o.key for o in third.options if o.position == 4))
    assert model.positions() == {first.key: 5, second.key: 1, third.key: 4}
    assert model.mean() == pytest.approx(10 / 3)
    dims = model.by_dimension()
    assert dims[first.dimension] == 5 and dims[second.dimension] == 1 and dims[third.dimension] == 4
    sharp, loose = model.extremes()
    assert sharp == [first] and loose == [second]
    text = summary_text(model)
    assert "Je koos bij 3 van de 8 kaarten. Gemiddeld trek je de grens op 3,3" in text
    assert f"Het scherpst bij: {first.title}." in text and f"Het meest meebewegend bij: {second.title}." in text
    saved = model.to_dict()
    assert list(saved["choices"]) == [first.key, second.key, third.key]
    assert DilemmaChoices.from_dict(spec, saved).positions() == model.positions()
    model.choose(third.key, None)  # taken back
    assert list(model.choices) == [first.key, second.key]


def test_bad_choice_is_refused_and_the_model_unchanged(spec):
    model = DilemmaChoices(spec)
    card = spec.cards[0]
    model.choose(card.key, card.options[0].key)
    with pytest.raises(InputError, match="Dilemmakaart: toegestaan is .*ingevuld was: geen_kaart"):
        model.choose("geen_kaart", "x")
    with pytest.raises(InputError, match=f"{card.title}: toegestaan is .*ingevuld was: geen_optie"):
        model.choose(card.key, "geen_optie")
    assert model.choices == {card.key: card.options[0].key}
    restored = DilemmaChoices.from_dict(spec, {"choices": {"geschrapt": "a", card.key: "weg", spec.cards[1].key:
                                                           spec.cards[1].options[1].key}})
    assert restored.choices == {spec.cards[1].key: spec.cards[1].options[1].key}


def test_an_answer_saved_by_the_flat_module_restores(spec):
    """As the kit wrote it before the package conversion (fixture course keys)."""
    saved = {"choices": {"conclusie_afzwakken": "feiten_checken", "beleidsreactie": "vier_weken",
                         "sanctie_matigen": "weigeren"}}
    model = DilemmaChoices.from_dict(spec, saved)
    assert model.choices == saved["choices"]
    positions = {c.key: {o.key: o.position for o in c.options} for c in spec.cards}
    assert model.positions() == {k: positions[k][v] for k, v in saved["choices"].items()}
    assert model.to_dict() == saved


@pytest.mark.parametrize("answer", [None, "tekst", 5, [], {}, {"choices": 5}, {"choices": {"kaart": "optie"}},
                                    {"choices": {"conclusie_afzwakken": ["lijst"]}}])
def test_odd_answers_restore_to_no_choices(spec, answer):
    assert DilemmaChoices.from_dict(spec, answer).choices == {}


def test_class_counts_count_each_restored_choice(spec):
    card = spec.cards[0]
    low, high = card.options[0], card.options[-1]
    models = [DilemmaChoices.from_dict(spec, a) for a in
              ({"choices": {card.key: low.key}}, {"choices": {card.key: high.key}}, {"choices": {card.key: high.key}},
               "geen dict", {"choices": {card.key: "weg"}})]
    counts = class_counts(spec, models)
    assert counts[card.key][low.key] == 1 and counts[card.key][high.key] == 2
    assert sum(sum(row.values()) for row in counts.values()) == 3


def test_dilemma_profile_marks_each_chosen_position_and_names_the_open_cards(spec):
    model = DilemmaChoices(spec)
    first, second = spec.cards[:2]
    model.choose(first.key, next(o.key for o in first.options if o.position == 5))
    model.choose(second.key, next(o.key for o in second.options if o.position == 1))
    fig = plot_profile(model)
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts.count("nog niet gekozen") >= len(spec.cards) - 2  # every open card says so
    assert {d.label for d in spec.dimensions} <= set(texts) and "Waar jij de grens trekt, per kaart" in texts
    # the chosen position of the first card lies right of the second's (5 against 1 on the same scale)
    lines = [p for p in root.iter("{http://www.w3.org/2000/svg}polyline") if p.get("stroke-opacity") == "0.6"]
    ends = sorted(float(p.get("points").split()[-1].split(",")[0]) for p in lines)
    assert len(ends) == 2 and ends[1] > ends[0]


@pytest.mark.slow
def test_model_figures_and_readings_import_no_widgets():
    import subprocess
    import sys

    code = ("import sys; import lst_kit.exercises.dilemmas, lst_kit.exercises.dilemmas.model, "
            "lst_kit.exercises.dilemmas.figures, lst_kit.exercises.dilemmas.readings; "
            "print('ipywidgets' in sys.modules, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
