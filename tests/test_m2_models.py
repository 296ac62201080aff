"""Module 2 models without Jupyter: the Sparrow canvas, the strategic
triangle and the effect chain, with fixed inputs."""

import math
import subprocess
import sys

import pytest
from _svg import SVG, filled, svg_picture

from lst_kit.figures import svgplot
from lst_kit.content.cases import load_case
from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.figures.style import PALETTE
from lst_kit.exercises import effect_chain as ec
from lst_kit.exercises import sparrow_canvas as sc
from lst_kit.exercises import strategic_triangle as st
from lst_kit.exercises.effect_chain import EffectChain, classify, find_keywords
from lst_kit.exercises.sparrow_canvas import Canvas, charter_html, scale_feedback_html
from lst_kit.exercises.strategic_triangle import OptionScore, Triangle, bottleneck, fit, geometric_mean, tied_corners

PRECISE = "Te warm bewaarde koude thuismaaltijden van thuiskoks in Midden-Delta die via apps worden bezorgd"


@pytest.fixture
def canvas():
    return Canvas(load_spec("m2.sparrow"))


def keys(model):
    return [w.key for w in model.warnings()]


# -- Sparrow canvas: the order of the stages ------------------------------------------

def test_spec_has_six_stages_six_dimensions_and_a_recommended_middle_scale():
    spec = load_spec("m2.sparrow")
    assert [s.key for s in spec.stages] == list(sc.STAGE_KEYS)
    assert [d.key for d in spec.dimensions] == ["plaats", "tijd", "actortype", "werkwijze", "slachtoffers", "product"]
    assert [(s.key, s.recommended) for s in spec.scales] == [("macro", False), ("middel", True), ("micro", False)]
    assert all(s.questions and s.fields for s in spec.stages)


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


# -- Sparrow canvas: every indicator an output -----------------------------------------

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


# -- Sparrow canvas: scale feedback --------------------------------------------------------

def test_scale_feedback_praises_the_middle_layer(canvas):
    assert "Kies een schaal" in scale_feedback_html(canvas)
    canvas.set_scale("middel")
    option = canvas.scale_option()
    assert option.recommended and "middenlaag" in option.feedback and "Sparrow" in option.feedback
    assert "#e6f4ec" in scale_feedback_html(canvas)  # the green of a good choice
    for other in ("macro", "micro"):
        canvas.set_scale(other)
        assert not canvas.scale_option().recommended
        assert "middenlaag" in canvas.scale_option().feedback
        assert "#fff4d6" in scale_feedback_html(canvas)
    with pytest.raises(InputError, match="Schaal: toegestaan is een van: macro, middel, micro"):
        canvas.set_scale("mega")
    assert canvas.scale == "micro"


# -- Sparrow canvas: the charter -------------------------------------------------------------

def test_charter_shows_participant_text_escaped(canvas):
    canvas.set_text("definieren", "definitie", "<script>alert('x')</script> & meer")
    canvas.set_text("meten", "indicatoren", "<b>vet</b>\naantal inspecties")
    canvas.set_scale("middel")
    canvas.set_check("definieren", "schade_niet_groep", True)
    html = charter_html(canvas, case_label="NVWA · <Maaltijd>")
    assert "<script>" not in html and "<b>vet</b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; meer" in html
    assert "&lt;b&gt;vet&lt;/b&gt;" in html and "NVWA · &lt;Maaltijd&gt;" in html
    assert "Middel" in html and "✓ Mijn definitie beschrijft een schade" in html
    assert "output: telt ons eigen werk" in html  # the all-output mark on 'aantal inspecties'
    for stage in canvas.spec.stages:
        assert stage.title in html


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
    with pytest.raises(InputError, match="Casus"):
        canvas.set_case("bestaat_niet")
    assert canvas.definition() == "bewaard" and canvas.indicators() == []


def test_canvas_from_odd_saved_answers():
    spec = load_spec("m2.sparrow")
    for odd in (None, "tekst", {"texts": 5}, {"texts": {"definieren": {"definitie": 7}}, "scale": "mega",
                                              "dimensions": "plaats", "checks": {"x": ["y"]}, "order": 3}):
        model = Canvas.from_dict(spec, odd)
        assert model.definition() == "" and model.scale is None


# -- Sparrow hooks -----------------------------------------------------------------------------

def test_summarize_puts_the_defined_problem_first(canvas):
    canvas.set_text("nomineren", "kandidaat", "allergenen")
    canvas.set_text("definieren", "definitie", PRECISE)
    canvas.set_scale("middel")
    canvas.set_text("meten", "indicatoren", "aantal inspecties")
    lines = sc.summarize("m2.sparrow", canvas.to_dict())
    assert lines[0] == f"Mijn belangrijke probleem: {PRECISE}"
    assert "Schaal: Middel." in lines and any("Al je indicatoren" in line for line in lines)
    assert all("<" not in line for line in lines)
    assert sc.important_problem(canvas.to_dict()) == PRECISE
    only_nominated = {"texts": {"nomineren": {"kandidaat": "Klachten\nover allergenen"}}}
    assert sc.summarize("m2.sparrow", only_nominated)[0] == "Mijn belangrijke probleem: Klachten over allergenen"
    only_approach = {"texts": {"oplossen": {"aanpak": "Koelboxen verplicht stellen"}}}
    assert sc.important_problem(only_approach) is None  # an approach is not a problem
    assert sc.summarize("m2.sparrow", only_approach)[0] == "Nog geen probleem gedefinieerd in Sparrows protocol."


@pytest.mark.parametrize("odd", [None, 5, "x", {"texts": []}, {"texts": {"definieren": None}}])
def test_sparrow_hooks_degrade_gracefully(odd):
    assert sc.summarize("m2.sparrow", odd) == ["Nog geen probleem gedefinieerd in Sparrows protocol."]
    assert sc.plot_answer("m2.sparrow", odd) is None
    assert sc.summarize("m2.bestaat_niet", {"texts": {"definieren": {"definitie": "iets"}}})[0].endswith("iets")


def test_sparrow_class_picture_counts_scales_and_output_only():
    spec = load_spec("m2.sparrow")
    answers = {}
    for name, scale, indicators in (("a", "middel", "aantal inspecties"), ("b", "macro", "aantal zieken"),
                                    ("c", "middel", "")):
        m = Canvas(spec)
        m.set_scale(scale)
        m.set_text("definieren", "definitie", PRECISE)
        m.set_text("meten", "indicatoren", indicators)
        answers[name] = m.to_dict()
    answers["d"] = "kapot"
    fig, lines = sc.class_picture("m2.sparrow", answers)
    root, texts = svg_picture(fig)
    assert {"Gekozen schaal", "Gebruikte dimensies", "Macro", "Middel", "Micro", "Plaats"} <= set(texts)
    macro = filled(root, PALETTE[4])  # scales not recommended: macro 1, micro 0
    middel = filled(root, PALETTE[2])  # the recommended scale: 2, hatched
    assert len(middel) == 1 and float(middel[0].get("height")) == pytest.approx(
        2 * max(float(r.get("height")) for r in macro), rel=0.01)
    assert len(root.findall(f".//{SVG}pattern")) == 1
    assert "3 van de 3 deelnemers hebben een probleemdefinitie." in lines
    assert "Gekozen schaal: Macro 1, Middel 2, Micro 0." in lines
    assert "1 van de 2 deelnemers met indicatoren meten alleen output." in lines
    assert sc.class_picture("m2.sparrow", {}) == (None, ["Nog geen antwoorden van de groep."])


@pytest.mark.parametrize("exercise_id", ["m2.sparrow", "m2.driehoek", "m2.effectketen"])
def test_class_picture_is_drawn_without_matplotlib(exercise_id):
    """The class overview draws this picture as SVG; neither the module nor the drawing imports matplotlib."""
    code = ("import sys, numpy as np; from lst_kit.reports import readings as hooks; rng = np.random.default_rng(3); "
            f"answers = {{f'p{{i}}': hooks.demo_answer({exercise_id!r}, rng) for i in range(6)}}; "
            f"fig, lines = hooks.class_picture({exercise_id!r}, answers); "
            "print(type(fig).__module__, fig.to_svg()[:4] == b'<svg', 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["lst_kit.figures.svgplot", "True", "False"]


# -- keyword matching and tier classification ---------------------------------------------------

def test_find_keywords_whole_words_prefixes_case_and_accents():
    assert find_keywords("Uren besteed", ["uren"]) == ["uren"]
    assert find_keywords("Bijsturen van het plan", ["uren"]) == []
    assert find_keywords("Nalevingspercentage", ["naleving*"]) == ["naleving*"]
    assert find_keywords("nalevingspercentage", ["naleving"]) == []
    assert find_keywords("Aantal  geïnspecteerde bedrijven", ["aantal geinspecteerde*"]) == ["aantal geinspecteerde*"]
    assert find_keywords("processen-verbaal", ["aantal processen-verbaal"]) == []
    assert find_keywords("x", ["*", ""]) == []


@pytest.mark.parametrize("text, tier", [
    ("Aantal inspecties", "output"),
    ("aandeel bedrijven dat de pakkans groot acht", "outcome"),
    ("Aantal ziekenhuisopnames door listeria", "impact"),
    ("Aantal overtredingen bij herinspectie", "outcome"),
    ("Aantal uitgevoerde controles", "output"),
    ("Voorlichtingscampagne gestart", "activiteit"),
    ("fte inzet op het thema", "input"),
    ("Uitstoot van benzeen langs de rivier", "impact"),
    ("Aandeel werkgevers dat het minimumloon correct uitbetaalt", "outcome"),
    ("Iets heel anders", None),
])
def test_classify_suggests_the_tier_of_own_indicators(text, tier):
    assert classify(text, load_spec("m2.effectketen").rules)[0] == tier


def test_classify_names_the_word_it_recognised():
    assert classify("Aantal ziekenhuisopnames", load_spec("m2.effectketen").rules) == ("impact", "ziekenhuisopname*")


def test_every_menu_indicator_is_classified_as_its_menu_tier():
    """The shipped classifier agrees with the shipped menu (a teacher who
    edits one sees in this test whether the other still fits)."""
    spec = load_spec("m2.effectketen")
    wrong = [(m.text, m.tier, classify(m.text, spec.rules)[0]) for m in spec.menu
             if classify(m.text, spec.rules)[0] != m.tier]
    assert wrong == []


# -- effect chain model ----------------------------------------------------------------------------

@pytest.fixture
def chain():
    return EffectChain(load_spec("m2.effectketen"))


def test_effect_chain_spec_tiers_and_designs():
    spec = load_spec("m2.effectketen")
    assert [x.key for x in spec.tiers] == ["input", "activiteit", "output", "outcome", "impact"]
    assert [x.effect for x in spec.tiers] == [False, False, False, True, True]
    strengths = [d.strength for d in spec.designs]
    assert strengths == sorted(strengths) and strengths[0] == 1 and strengths[-1] == 5
    assert spec.designs[0].key == "casestudie" and spec.designs[-1].key == "experiment"
    assert "illustratief" in spec.strength_note
    assert spec.menu_item("Aantal inspecties").tier == "output"
    assert spec.menu_item("Aandeel bedrijven dat de pakkans groot acht").tier == "outcome"


def test_measurement_weight_per_tier(chain):
    chain.add_menu("Aantal inspecties")
    chain.add_menu("Aantal opgelegde boetes")
    assert chain.only_effort() and not chain.measures_effect()
    chain.add_own("Aandeel koks met een temperatuurlogger", "outcome")
    chain.add_own("Ziekenhuisopnames na een thuismaaltijd", "impact")
    assert chain.counts() == {"input": 0, "activiteit": 0, "output": 2, "outcome": 1, "impact": 1}
    assert chain.shares() == {"input": 0.0, "activiteit": 0.0, "output": 0.5, "outcome": 0.25, "impact": 0.25}
    assert chain.effect_share() == 0.5 and not chain.only_effort()
    assert "Output 2 (50%)" in ec.caption(chain) and "Aandeel dat effect meet: 50%" in ec.caption(chain)


def test_own_indicator_keeps_suggestion_and_can_be_overridden(chain):
    own = chain.add_own("  Aantal   ziekenhuisopnames  ", "outcome")  # participant overrides the suggestion
    assert own.text == "Aantal ziekenhuisopnames" and own.tier == "outcome" and own.suggested == "impact"
    chain.set_tier(0, "impact")
    assert chain.indicators[0].tier == "impact"
    chain.add_menu("Aantal inspecties")
    with pytest.raises(InputError, match="staat vast op Output"):
        chain.set_tier(1, "impact")
    assert chain.indicators[1].tier == "output"


def test_effect_chain_refuses_bad_input_and_stays_as_it_was(chain):
    chain.add_menu("Aantal inspecties")
    before = chain.to_dict()
    with pytest.raises(InputError, match="Indicator uit het menu"):
        chain.add_menu("Aantal koffiepauzes")
    with pytest.raises(InputError, match="nog niet in je lijst"):
        chain.add_own("aantal  INSPECTIES", "output")
    with pytest.raises(InputError, match="Eigen indicator: toegestaan is een niet-lege tekst"):
        chain.add_own("   ", "output")
    with pytest.raises(InputError, match="201 tekens"):
        chain.add_own("x" * 201, "output")
    with pytest.raises(InputError, match=r"Niveau: toegestaan is een van: input, activiteit.*ingevuld was: \(geen\)"):
        chain.add_own("Iets heel anders", None)
    with pytest.raises(InputError, match="Onderzoeksontwerp"):
        chain.set_design("tarotkaarten")
    with pytest.raises(InputError, match="een van je 1 indicatoren"):
        chain.remove(3)
    assert chain.to_dict() == before


def test_effect_chain_limit_and_round_trip(chain):
    for i in range(chain.spec.max_indicators):
        chain.add_own(f"Indicator nummer {i}", "outcome")
    with pytest.raises(InputError, match="hoogstens 30 indicatoren"):
        chain.add_own("nog een", "outcome")
    chain.set_design("quasi_experiment")
    again = EffectChain.from_dict(chain.spec, chain.to_dict())
    assert again.to_dict() == chain.to_dict()
    odd = {"indicators": [{"text": "Weg uit het menu", "source": "menu"}, {"text": "eigen", "tier": "kosmos"}, 5],
           "design": "weg"}
    assert EffectChain.from_dict(chain.spec, odd).to_dict() == {"indicators": [], "design": None}


def test_effect_chain_hooks():
    answer = {"indicators": [{"text": "Aantal inspecties", "source": "menu"},
                             {"text": "Aandeel koks met logger", "tier": "outcome", "source": "eigen"}],
              "design": "voor_nameting"}
    lines = ec.summarize("m2.effectketen", answer)
    assert lines[0] == "2 indicatoren, waarvan 50% effect meet (Output 1, Outcome (gedrag) 1)."
    assert "Effectindicatoren: Aandeel koks met logger" in lines
    assert "Onderzoeksontwerp: Voor- en nameting (bewijskracht 2 van 5, illustratief)." in lines
    chain = ec.plot_answer("m2.effectketen", answer)
    root, texts = svg_picture(chain)  # the portfolio picture: both charts side by side
    assert {"Meetgewicht per niveau (2 indicatoren)", "Onderzoeksontwerpen", "1 (50%)", "0 (0%)"} <= set(texts)
    assert next(el for el in root.iter(SVG + "text") if "".join(el.itertext()) == "Voor- en nameting"
                ).get("font-weight") == "bold"  # the chosen design, also orange and cross-hatched
    assert len(filled(root, PALETTE[1])) == 1 and len(root.findall(f".//{SVG}pattern")) == 2  # // and xx
    only_output = {"indicators": [{"text": "Aantal inspecties", "source": "menu"}]}
    fig, lines = ec.class_picture("m2.effectketen", {"a": answer, "b": only_output, "c": None})
    root, texts = svg_picture(fig)
    assert "Meetgewicht per niveau in de groep (n = 2; streepjes: laagste tot hoogste)" in texts
    assert {"Input", "Output"} <= set(texts)
    effort, effect = filled(root, ec.EFFORT_COLOUR), filled(root, ec.EFFECT_COLOUR)
    assert len(effort) == 3 and len(effect) == 2  # input, activity, output | outcome, impact
    heights = [float(r.get("height")) for r in effort + effect]  # output 75 %, outcome 25 %, the rest 0
    assert heights[2] == pytest.approx(3 * heights[3], rel=0.01) and heights[:2] == [0, 0] and heights[4] == 0
    assert "2 deelnemers kozen indicatoren." in lines and "1 van de 2 meten niets voorbij output." in lines
    for odd in (None, 3, "x", {"indicators": "x"}):
        assert ec.summarize("m2.effectketen", odd) == ["Nog geen indicatoren gekozen in de effectketen."]
        assert isinstance(ec.plot_answer("m2.effectketen", odd), svgplot.Figure)
    assert ec.class_picture("m2.effectketen", "geen dict") == (None, [])
    assert ec.summarize("m2.sparrow", answer) == []  # not an effect-chain spec: nothing, no error


# -- strategic triangle ----------------------------------------------------------------------------------

@pytest.mark.parametrize("scores, weakest, ties", [
    ((3, 4, 1), "capacity", ["capacity"]),
    ((2, 5, 4), "value", ["value"]),
    ((4, 2, 2), "legitimacy", ["legitimacy", "capacity"]),
    ((3, 3, 3), "value", ["value", "legitimacy", "capacity"]),
    ((5, 1, 1), "legitimacy", ["legitimacy", "capacity"]),
])
def test_bottleneck_is_the_minimum_with_ties_in_corner_order(scores, weakest, ties):
    option = OptionScore("i", "optie", *scores)
    assert bottleneck(option) == weakest
    assert tied_corners(option) == ties


@pytest.mark.parametrize("scores, expected", [
    ((2, 4, 8), 4.0), ((5, 5, 1), 25 ** (1 / 3)), ((3, 3, 3), 3.0), ((1, 1, 1), 1.0), ((3, 4, 1), 12 ** (1 / 3)),
])
def test_fit_is_the_geometric_mean(scores, expected):
    assert math.isclose(fit(OptionScore("i", "o", *scores)), expected)
    assert math.isclose(geometric_mean(scores), expected)
    assert fit(OptionScore("i", "o", *scores)) <= sum(scores) / 3 + 1e-12  # never above the ordinary mean


def test_triangle_starts_from_the_case_scores():
    spec = load_spec("m2.driehoek")
    case = load_case("nvwa_maaltijdplatforms")
    model = Triangle.from_dict(spec, None)
    assert model.case.case_id == spec.default_case == "nvwa_maaltijdplatforms"
    assert model.selected == [i.id for i in case.interventions[:3]]
    first = model.options[0]
    item = case.interventions[0]
    assert (first.value, first.legitimacy, first.capacity) == (item.value, item.legitimacy, item.capacity)
    assert bottleneck(first) == "capacity"  # inspect every kitchen: no capacity for that (3/4/1)
    assert [o.id for o in model.ranked()][0] == "i3"


def test_triangle_validates_selection_and_scores_and_stays_as_it_was():
    model = Triangle.from_dict(load_spec("m2.driehoek"), None)
    before = model.to_dict()
    with pytest.raises(InputError, match=r"Opties: toegestaan is 2 tot en met 4 opties; ingevuld was: 5 opties"):
        model.select(["i1", "i2", "i3", "i4", "i5"])
    with pytest.raises(InputError, match="1 opties"):
        model.select(["i1"])
    with pytest.raises(InputError, match="Opties"):
        model.select(["i1", "i99"])
    for bad in (0, 6, 2.5, True, "3", None):
        with pytest.raises(InputError, match="Inspectie van individuele keukens: Publieke waarde"):
            model.set_score("i1", "value", bad)
    with pytest.raises(InputError, match="Hoek van de driehoek"):
        model.set_score("i1", "geluk", 3)
    assert model.to_dict() == before


def test_triangle_keeps_scores_across_selection_and_case_changes():
    spec = load_spec("m2.driehoek")
    model = Triangle.from_dict(spec, None)
    model.set_score("i1", "capacity", 4)
    model.select(["i2", "i3"])
    model.select(["i1", "i2", "i3"])
    assert model.option("i1").capacity == 4
    model.switch(load_case("ilt_ontgassen_binnenvaart"))
    assert model.case.case_id == "ilt_ontgassen_binnenvaart" and len(model.selected) == 3
    model.set_score(model.selected[0], "value", 5)
    saved = model.to_dict()
    assert set(saved["cases"]) == {"nvwa_maaltijdplatforms", "ilt_ontgassen_binnenvaart"}
    again = Triangle.from_dict(spec, saved)
    assert again.option(again.selected[0]).value == 5
    again.switch(load_case("nvwa_maaltijdplatforms"))
    assert again.option("i1").capacity == 4
    again.reset_scores()
    assert again.option("i1").capacity == 1


def test_triangle_from_odd_answers_falls_back_to_the_default_case():
    spec = load_spec("m2.driehoek")
    for odd in (None, 7, {"case": "bestaat_niet"}, {"case": "nvwa_maaltijdplatforms", "cases": {
            "nvwa_maaltijdplatforms": {"selected": ["i1"], "scores": {"i1": {"value": 9}, "i77": {}}}}}):
        model = Triangle.from_dict(spec, odd)
        assert model.case.case_id == "nvwa_maaltijdplatforms" and len(model.selected) == 3
        assert model.option("i1").value == 3


def test_triangle_hooks():
    spec = load_spec("m2.driehoek")
    a = Triangle.from_dict(spec, None)
    a.set_score("i1", "legitimacy", 1)
    b = Triangle.from_dict(spec, None)
    answers = {"anna": a.to_dict(), "bert": b.to_dict(), "carla": {"case": "x"}, "dirk": None}
    lines = st.summarize("m2.driehoek", a.to_dict())
    assert lines[0] == "Casus NVWA · Maaltijd aan huis: 3 opties vergeleken."
    assert lines[1].startswith("EAST-informatie") and "fit 4,22" in lines[1]
    assert any("Inspectie van individuele keukens: waarde 3, steun 1, capaciteit 1; fit 1,44" in x for x in lines)
    assert isinstance(st.plot_answer("m2.driehoek", a.to_dict()), svgplot.Figure)
    fig, lines = st.class_picture("m2.driehoek", answers)
    root, texts = svg_picture(fig)
    assert {"Scores van de groep per optie", *(c.label for c in spec.corners)} <= set(texts)  # title, legend
    assert [len(filled(root, PALETTE[j])) for j in range(3)] == [3, 3, 3]  # three options, a bar per corner
    assert len(root.findall(f".//{SVG}pattern")) == 2  # two corners hatched, so they differ without colour
    assert lines[0] == "Casus NVWA · Maaltijd aan huis: 2 van de 2 deelnemers."
    assert any(x.startswith("Inspectie van individuele keukens (2×): gemiddelde fit 1,87 (van 1,44 tot 2,29)")
               for x in lines)
    for odd in (None, "x", {"cases": 3}, {"case": "a", "cases": {"a": {"selected": ["i1"], "scores": {"i1": {}}}}}):
        assert st.summarize("m2.driehoek", odd) == []
        assert st.plot_answer("m2.driehoek", odd) is None
    assert st.class_picture("m2.driehoek", {}) == (None, ["Nog geen antwoorden van de groep."])


def test_effect_chain_weights_bar_per_tier_at_its_share_effect_tiers_hatched_and_a_dashed_boundary():
    chain = EffectChain(load_spec("m2.effectketen"))
    chain.add_menu("Aantal inspecties")
    chain.add_own("Aandeel koks met logger", "outcome")
    chain.add_own("Minder zieken", "impact")
    chain.add_own("Nog een logger", "outcome")
    root, texts = svg_picture(ec.plot_weights(chain))
    assert {"Meetgewicht per niveau (4 indicatoren)", "inspanning", "effect", "1 (25%)", "2 (50%)", "0 (0%)"} \
        <= set(texts)
    effort, effect = filled(root, ec.EFFORT_COLOUR), filled(root, ec.EFFECT_COLOUR)
    assert len(effort) == 3 and len(effect) == 2
    heights = [float(r.get("height")) for r in effort + effect]  # input, activity, output | outcome, impact
    assert heights[:2] == [0, 0] and heights[3] == pytest.approx(2 * heights[2], rel=0.01) == \
        pytest.approx(2 * heights[4], rel=0.01)
    hatched = [r for r in root.iter(SVG + "rect") if (r.get("fill") or "").startswith("url(#")]
    assert len(hatched) == 2  # the two effect tiers
    xs = [float(r.get("x")) for r in effort + effect]
    assert xs == sorted(xs)
    dashed = [p for p in root.iter(SVG + "polyline") if p.get("stroke-dasharray")]
    boundary = float(dashed[0].get("points").split()[0].split(",")[0])
    assert xs[2] < boundary < xs[3]  # between output and outcome
    _, plain = svg_picture(ec.plot_designs(chain.spec, None))
    assert "Onderzoeksontwerpen" in plain and "Voor- en nameting" in plain


def test_triangle_plot_puts_each_option_on_the_corner_axes_and_rings_its_weakest_corner():
    """The participant's triangles as SVG: each option's closed line through its three scores (equal
    units on both axes, so a score is the same distance from the centre on every corner), its own
    dash and marker, a ring on its weakest corner; corner labels, title and legend as text."""
    spec = load_spec("m2.driehoek")
    options = [OptionScore("a", "Alpha", 4, 2, 3), OptionScore("b", "Beta", 1, 5, 5)]
    root, texts = svg_picture(st.plot_triangle(spec, options))
    assert "Strategische driehoek (Moore): de opties over elkaar" in texts
    assert {"A · Alpha (fit 2,88)", "B · Beta (fit 2,92)", "zwakste hoek van een optie"} <= set(texts)
    assert all(any(c.label.split()[0] in x for x in texts) for c in spec.corners)  # corner names (wrapped)
    area = next(root.iter(SVG + "g"))

    def points(el):
        return [tuple(map(float, p.split(","))) for p in el.get("points").split()]

    grid = [points(el) for el in area.iter(SVG + "polyline") if el.get("stroke") == "#999999"]
    centre = grid[0][0]
    unit = math.dist(centre, grid[0][1]) / st.HI
    for i, option in enumerate(options):
        colour = PALETTE[i].lower()
        line = next(el for el in area.iter(SVG + "polyline") if el.get("stroke") == colour)
        pts = points(line)
        assert len(pts) == 4 and pts[0] == pts[-1]  # closed
        assert [round(math.dist(centre, p) / unit, 1) for p in pts[:3]] == \
            [float(option.score(c)) for c in st.CORNERS]
        assert (line.get("stroke-dasharray") is None) == (i == 0)  # A solid, B dashed
        rings = [el for el in area.iter(SVG + "circle") if el.get("stroke") == colour and el.get("fill") == "none"]
        assert len(rings) == 1
        weak = st.bottleneck(option)
        assert round(math.dist(centre, (float(rings[0].get("cx")), float(rings[0].get("cy")))) / unit, 1) == \
            option.score(weak)
    assert [el for el in area.iter(SVG + "rect") if el.get("fill") == PALETTE[1].lower()]  # B's squares
    _, letters = svg_picture(st.plot_triangle(spec, options, names=False))
    assert {"A", "B"} <= set(letters) and "A · Alpha (fit 2,88)" not in letters


def test_plots_are_pure_and_deterministic():
    spec = load_spec("m2.driehoek")
    model = Triangle.from_dict(spec, None)
    before = model.to_dict()
    assert st.plot_triangle(spec, model.options).to_svg() == st.plot_triangle(spec, model.options).to_svg()
    assert model.to_dict() == before
    chain = EffectChain(load_spec("m2.effectketen"))
    chain.add_menu("Aantal inspecties")
    assert ec.plot_weights(chain).to_svg() == ec.plot_weights(chain).to_svg()
