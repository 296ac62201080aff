"""The Sparrow canvas without Jupyter: the order of the stages, the
warnings, the scale, bad input, the spec file's checks, and answers as
today's kit saves them."""

import pytest
from _damage import JUNK as BASE_JUNK
from _damage import damaged
from _content import assert_broken_spec_is_named, edit

from lst_kit.content import case_ids, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.sparrow_canvas.model import STAGE_KEYS, Canvas, word_count

PRECISE = "Te warm bewaarde koude thuismaaltijden van thuiskoks in Midden-Delta die via apps worden bezorgd"


@pytest.fixture
def canvas():
    return Canvas(load_spec("m2.sparrow"), case_ids())


def keys(model):
    return [w.key for w in model.warnings()]


# -- the order of the stages ----------------------------------------------------------------

def test_spec_has_six_stages_six_dimensions_and_a_recommended_middle_scale():
    spec = load_spec("m2.sparrow")
    assert [s.key for s in spec.stages] == list(STAGE_KEYS)
    assert [d.key for d in spec.dimensions] == ["plaats", "tijd", "actortype", "werkwijze", "slachtoffers", "product"]
    assert [(s.key, s.recommended) for s in spec.scales] == [("macro", False), ("middel", True), ("micro", False)]
    assert all(s.questions and s.fields for s in spec.stages)


def test_stage_and_field_lookups_give_the_first_of_that_key_or_a_key_error():
    spec = load_spec("m2.sparrow")
    assert spec.stage("meten") is spec.stages[2]
    assert spec.stage("meten").field("nulmeting") is spec.stages[2].fields[1]
    for missing in ("geen", "", None, ["meten"]):
        with pytest.raises(KeyError):
            spec.stage(missing)
        with pytest.raises(KeyError):
            spec.stages[0].field(missing)


def test_solutions_before_definition_and_measure_warn_and_name_what_is_missing(canvas):
    assert canvas.warnings() == []
    canvas.set_text("oplossen", "aanpak", "Platforms laten de registratie controleren")
    (warning,) = canvas.warnings()
    assert warning.key == "solutions_early" and warning.kind == "warn"
    assert "stap 2" in warning.text and "stap 3" in warning.text
    canvas.set_text("definieren", "definitie", PRECISE)
    canvas.set_dimension("plaats", True)
    (warning,) = canvas.warnings()
    assert warning.key == "solutions_early" and "stap 2" not in warning.text and "stap 3" in warning.text
    canvas.set_text("meten", "indicatoren", "aandeel koks met een koelbox met temperatuurlogger")
    # Definition and measure are there now, but the approach came first: a gentler note remains.
    (note,) = canvas.warnings()
    assert note.key == "solutions_first" and note.kind == "info"
    assert canvas.order == ["oplossen", "definieren", "meten"]


def test_a_definition_is_precise_only_with_enough_words_and_a_dimension(canvas):
    canvas.set_text("definieren", "definitie", "thuiskoks")
    canvas.set_dimension("plaats", True)
    assert not canvas.definition_precise()
    canvas.set_text("definieren", "definitie", PRECISE)
    canvas.set_dimension("plaats", False)
    assert not canvas.definition_precise()
    canvas.set_dimension("product", True)
    assert canvas.definition_precise()


@pytest.mark.parametrize("text, n", [("", 0), ("een twee", 2), ("risico-regelreflex", 1), ("Sparrow’s protocol", 2),
                                     ("  a\n\nb,c ", 3)])
def test_word_count(text, n):
    assert word_count(text) == n


def test_the_protocol_order_gives_no_warning(canvas):
    canvas.set_text("nomineren", "kandidaat", "Klachten over allergenen stijgen")
    canvas.set_text("definieren", "definitie", PRECISE)
    canvas.set_dimension("werkwijze", True)
    canvas.set_text("meten", "indicatoren", "aantal meldingen van voedselvergiftiging na een thuismaaltijd")
    canvas.set_text("oplossen", "aanpak", "Koelboxen met logger verplicht stellen via de platforms")
    assert canvas.warnings() == []
    assert canvas.order == ["nomineren", "definieren", "meten", "oplossen"]


def test_emptying_a_stage_takes_it_out_of_the_order_and_the_order_is_saved(canvas):
    canvas.set_text("oplossen", "aanpak", "eerst een oplossing")
    canvas.set_text("oplossen", "aanpak", "   ")
    assert canvas.order == [] and canvas.warnings() == []
    canvas.set_text("meten", "indicatoren", "aantal zieken")
    canvas.set_text("oplossen", "partners", "de platforms")
    again = Canvas.from_dict(canvas.spec, canvas.to_dict())
    assert again.order == ["meten", "oplossen"]
    assert again.to_dict() == canvas.to_dict()


def test_important_problem_is_the_definition_else_the_nominated_problem(canvas):
    assert canvas.important_problem() is None
    canvas.set_text("oplossen", "aanpak", "Koelboxen verplicht stellen")
    assert canvas.important_problem() is None  # an approach is not a problem
    canvas.set_text("nomineren", "kandidaat", "Klachten\nover  allergenen")
    assert canvas.important_problem() == "Klachten over allergenen"
    canvas.set_text("definieren", "definitie", PRECISE)
    assert canvas.important_problem() == PRECISE


# -- every indicator an output -----------------------------------------------------------------

@pytest.mark.parametrize("lines, warns", [
    ("aantal inspecties", True),
    ("Aantal inspecties bij thuiskoks\n- aantal opgelegde boetes\n• uitgevoerde controles", True),
    ("aantal inspecties\naandeel koks dat de koeling op orde heeft", False),
    ("Aantal ziekenhuisopnames door listeria", False),
    ("", False),
])
def test_all_output_warning(canvas, lines, warns):
    canvas.set_text("meten", "indicatoren", lines)
    assert ("all_output" in keys(canvas)) is warns


def test_bullets_and_blank_lines_are_not_indicators(canvas):
    canvas.set_text("meten", "indicatoren", "\n- aantal inspecties\n\n* aandeel koks\n")
    assert canvas.indicators() == ["aantal inspecties", "aandeel koks"]
    assert [canvas.is_output(i) for i in canvas.indicators()] == [True, False]


# -- scale, case and bad input -----------------------------------------------------------------

def test_scale_options_and_a_refused_scale(canvas):
    assert canvas.scale_option() is None
    canvas.set_scale("middel")
    option = canvas.scale_option()
    assert option.recommended and "middenlaag" in option.feedback and "Sparrow" in option.feedback
    for other in ("macro", "micro"):
        canvas.set_scale(other)
        assert not canvas.scale_option().recommended
        assert "middenlaag" in canvas.scale_option().feedback
    with pytest.raises(InputError, match="Schaal: toegestaan is een van: macro, middel, micro"):
        canvas.set_scale("mega")
    assert canvas.scale == "micro"


def test_a_case_must_be_one_on_offer(canvas):
    canvas.set_case("nla_uitzendwerk_arbeidsmigranten")
    assert canvas.case == "nla_uitzendwerk_arbeidsmigranten"
    for bad in ("bestaat_niet", ["l"], 3):
        with pytest.raises(InputError, match="Casus"):
            canvas.set_case(bad)
    assert canvas.case == "nla_uitzendwerk_arbeidsmigranten"
    canvas.set_case("")
    assert canvas.case is None
    offered_none = Canvas(canvas.spec)
    with pytest.raises(InputError, match="Casus"):
        offered_none.set_case("nla_uitzendwerk_arbeidsmigranten")


def test_canvas_refuses_bad_input_and_keeps_the_old_text(canvas):
    canvas.set_text("definieren", "definitie", "bewaard")
    with pytest.raises(InputError, match=r"Probleemdefinitie.*hoogstens 5000 tekens.*5001 tekens"):
        canvas.set_text("definieren", "definitie", "x" * 5001)
    with pytest.raises(InputError, match="hoogstens 40 indicatoren"):
        canvas.set_text("meten", "indicatoren", "\n".join(f"indicator {i}" for i in range(41)))
    with pytest.raises(InputError, match="Stap"):
        canvas.set_text("stap7", "x", "tekst")
    with pytest.raises(InputError, match="Dimensie"):
        canvas.set_dimension("kleur", True)
    with pytest.raises(InputError):
        canvas.set_check("definieren", "geen_vinkje", True)
    with pytest.raises(InputError):
        canvas.set_text("definieren", "definitie", 5)
    assert canvas.definition() == "bewaard" and canvas.indicators() == [] and canvas.checks == {}


# -- answers as today's kit saves them --------------------------------------------------------------

#: Written by the kit before the package shape: the approach first, then definition and measure;
#: a case, a scale, a dimension and two ticks.
SAVED = {"texts": {"nomineren": {"kandidaat": "Klachten over allergenen stijgen"},
                   "definieren": {"definitie": PRECISE},
                   "meten": {"indicatoren": "aantal inspecties\naandeel koks met temperatuurlogger"},
                   "oplossen": {"aanpak": "Platforms laten de registratie controleren"}},
         "checks": {"nomineren": ["extern"], "definieren": ["schade_niet_groep"]},
         "dimensions": ["plaats", "product"], "scale": "middel", "case": "nvwa_maaltijdplatforms",
         "order": ["oplossen", "nomineren", "definieren", "meten"]}


def test_an_answer_saved_by_todays_kit_restores():
    model = Canvas.from_dict(load_spec("m2.sparrow"), SAVED, case_ids())
    assert model.text("definieren", "definitie") == PRECISE
    assert model.indicators() == ["aantal inspecties", "aandeel koks met temperatuurlogger"]
    assert model.checks == {"nomineren": {"extern"}, "definieren": {"schade_niet_groep"}}
    assert model.dimensions == {"plaats", "product"} and model.scale == "middel"
    assert model.case == "nvwa_maaltijdplatforms"
    assert model.order == ["oplossen", "nomineren", "definieren", "meten"]
    assert keys(model) == ["solutions_first"]
    assert model.to_dict() == SAVED


def test_a_saved_case_no_longer_on_offer_is_dropped_and_the_rest_kept():
    model = Canvas.from_dict(load_spec("m2.sparrow"), SAVED, ["ilt_ontgassen_binnenvaart"])
    assert model.case is None and model.scale == "middel" and model.definition() == PRECISE


def test_restore_orders_stages_as_filled_then_as_saved():
    spec = load_spec("m2.sparrow")
    solve = {"aanpak": "Een aanpak", "partners": ""}
    # no saved order: the stages in the order their texts come in the answer
    assert Canvas.from_dict(spec, {"texts": {"oplossen": solve, "definieren": {"definitie": "kort"}}}).order == \
        ["oplossen", "definieren"]
    # a saved order wins for the stages it names; stages it misses come after, empty stages drop out
    answer = {"texts": {"oplossen": {"partners": "  ", "aanpak": "iets"}, "meten": {"indicatoren": "aantal controles"},
                        "geen_stap": {"x": "y"}, "nomineren": {"kandidaat": "   "}}, "order": ["meten", "zzz", 3]}
    assert Canvas.from_dict(spec, answer).order == ["meten", "oplossen"]


def test_canvas_from_odd_saved_answers():
    spec = load_spec("m2.sparrow")
    for odd in (None, "tekst", {"texts": 5}, {"texts": {"definieren": {"definitie": 7}}, "scale": "mega",
                                              "dimensions": "plaats", "checks": {"x": ["y"]}, "order": 3},
                {"texts": {"definieren": "x"}, "checks": {"oplossen": ["op_maat", ["l"]]}, "scale": ["l"],
                 "dimensions": ["plaats", "geen", ["l"]], "case": ["l"]}):
        model = Canvas.from_dict(spec, odd, case_ids())
        assert model.definition() == "" and model.scale is None and model.case is None and model.order == []
    odd = {"texts": {"meten": {"indicatoren": "\n".join(f"aantal {i}" for i in range(50))}}}
    assert Canvas.from_dict(spec, odd).indicators() == []  # over the limit: skipped as a whole


# -- the spec file ------------------------------------------------------------------------------

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
}


@pytest.mark.parametrize("fault", sorted(BROKEN))
def test_broken_sparrow_spec_names_file_and_field(data, fault):
    assert_broken_spec_is_named(data, *BROKEN[fault])


def test_a_teacher_can_add_a_dimension_and_an_output_word(data):
    path = data / "exercises" / "m2" / "sparrow.yaml"
    edit(path, lambda d: (d["dimensions"].append({"key": "keten", "label": "Schakel in de keten"}),
                          d["output_words"].append("aantal keukenbezoeken")))
    spec = load_spec("m2.sparrow")
    assert spec.dimensions[-1].label == "Schakel in de keten"
    model = Canvas(spec)
    model.set_text("meten", "indicatoren", "Aantal keukenbezoeken per maand")
    assert model.all_output()


def test_a_spec_with_other_words_matches_its_own_words():
    import dataclasses

    spec = load_spec("m2.sparrow")
    other = dataclasses.replace(spec, output_words=("zieken",))
    assert other.is_output("aandeel zieken") and not other.is_output("Aantal inspecties")
    assert spec.is_output("Aantal inspecties") and not spec.is_output("aandeel zieken")
    assert other == dataclasses.replace(spec, output_words=("zieken",))  # compiled words take no part in comparing


# -- damaged answers --------------------------------------------------------------------------------

JUNK = [*BASE_JUNK, "meten", "plaats", "middel"]  # plus words that are keys of this exercise


def test_damaged_answers_restore_to_a_canvas_that_saves_back_to_itself():
    import random

    from lst_kit.exercises.sparrow_canvas.readings import TYPE

    spec = load_spec("m2.sparrow")
    rng = random.Random("damage")
    for i in range(40):
        answer = damaged(TYPE.demo_answer(spec, random.Random(f"d/{i}")), rng, JUNK)
        model = Canvas.from_dict(spec, answer, case_ids())
        saved = model.to_dict()
        assert Canvas.from_dict(spec, saved, case_ids()).to_dict() == saved
        assert set(model.order) == set(model.filled_stages())  # the order holds exactly the filled stages
        assert model.solutions_early() == any(w.key == "solutions_early" for w in model.warnings())


@pytest.mark.slow
def test_model_figures_and_readings_import_no_widgets_and_no_numpy():
    """Only the view needs ipywidgets; the class overview and the browser kit import the rest."""
    import subprocess
    import sys

    code = ("import sys; import lst_kit.exercises.sparrow_canvas as p, lst_kit.exercises.sparrow_canvas.model, "
            "lst_kit.exercises.sparrow_canvas.figures, lst_kit.exercises.sparrow_canvas.readings; "
            "print(sorted(m for m in ('ipywidgets', 'numpy', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
