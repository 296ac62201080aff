"""The effect chain without Jupyter: keyword matching, tier suggestions, the
chain's edits and derived values, the spec file's checks, and answers as
today's kit saves them."""

import pytest
from _damage import JUNK as BASE_JUNK
from _damage import damaged
from _content import assert_broken_spec_is_named

from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.effect_chain.model import EffectChain, Indicator, classify, find_keywords, normalize


@pytest.fixture
def chain():
    return EffectChain(load_spec("m2.effectketen"))


# -- keyword matching and tier classification ---------------------------------------------------

def test_normalize_drops_case_accents_and_extra_space():
    assert normalize("  Geïnspecteerde\tBEDRIJVEN’s ") == "geinspecteerde bedrijven's"


def test_find_keywords_whole_words_prefixes_case_and_accents():
    assert find_keywords("Uren besteed", ["uren"]) == ["uren"]
    assert find_keywords("Bijsturen van het plan", ["uren"]) == []
    assert find_keywords("Nalevingspercentage", ["naleving*"]) == ["naleving*"]
    assert find_keywords("nalevingspercentage", ["naleving"]) == []
    assert find_keywords("Aantal  geïnspecteerde bedrijven", ["aantal geinspecteerde*"]) == ["aantal geinspecteerde*"]
    assert find_keywords("processen-verbaal", ["aantal processen-verbaal"]) == []
    assert find_keywords("x", ["*", ""]) == []
    assert find_keywords("a.b (c)", ["a.b", "(c)"]) == ["a.b", "(c)"]  # regex characters are plain text


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
    """The fixture course's classifier agrees with its menu."""
    spec = load_spec("m2.effectketen")
    wrong = [(m.text, m.tier, classify(m.text, spec.rules)[0]) for m in spec.menu
             if classify(m.text, spec.rules)[0] != m.tier]
    assert wrong == []


# -- the chain ----------------------------------------------------------------------------------

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
    (warning,) = chain.warnings()
    assert warning.startswith("Je meet niets voorbij output")
    chain.add_own("Aandeel koks met een temperatuurlogger", "outcome")
    chain.add_own("Ziekenhuisopnames na een thuismaaltijd", "impact")
    assert chain.counts() == {"input": 0, "activiteit": 0, "output": 2, "outcome": 1, "impact": 1}
    assert chain.shares() == {"input": 0.0, "activiteit": 0.0, "output": 0.5, "outcome": 0.25, "impact": 0.25}
    assert chain.effect_share() == 0.5 and not chain.only_effort() and chain.warnings() == []
    assert chain.effect_indicators() == ["Aandeel koks met een temperatuurlogger",
                                         "Ziekenhuisopnames na een thuismaaltijd"]


def test_a_weak_design_for_effect_is_warned_about(chain):
    chain.add_own("Aandeel koks dat de pakkans groot acht", "outcome")
    chain.set_design("casestudie")
    assert any("niet aantonen dat die door het toezicht komt" in w for w in chain.warnings())
    chain.set_design("experiment")
    assert chain.warnings() == []


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
    with pytest.raises(InputError, match="een van je 1 indicatoren"):
        chain.remove(True)
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


# -- answers as today's kit saves them --------------------------------------------------------------

#: Written by the kit before the package shape (the view's save after a menu pick, an own
#: indicator moved to another tier than suggested, and a design).
SAVED = {"indicators": [
    {"text": "Aantal inspecties", "tier": "output", "source": "menu", "suggested": None},
    {"text": "Aantal ziekenhuisopnames na een thuismaaltijd.", "tier": "outcome", "source": "eigen",
     "suggested": "impact"},
], "design": "quasi_experiment"}


def test_an_answer_saved_by_todays_kit_restores():
    model = EffectChain.from_dict(load_spec("m2.effectketen"), SAVED)
    assert model.indicators == [
        Indicator("Aantal inspecties", "output", "menu", None),
        Indicator("Aantal ziekenhuisopnames na een thuismaaltijd.", "outcome", "eigen", "impact")]
    assert model.design == "quasi_experiment" and model.chosen_design().strength == 3
    assert model.counts() == {"input": 0, "activiteit": 0, "output": 1, "outcome": 1, "impact": 0}
    assert model.to_dict() == SAVED


@pytest.mark.parametrize("odd", [None, 3, "x", [], {"indicators": "x"}, {"indicators": [None, "a", {}]},
                                 {"design": ["casestudie"]}])
def test_odd_answers_restore_to_an_empty_chain(odd):
    assert EffectChain.from_dict(load_spec("m2.effectketen"), odd).to_dict() == {"indicators": [], "design": None}


# -- the spec file ----------------------------------------------------------------------------------

BROKEN = {
    # fault: (file, change, field named in the error, found value shown)
    "chain-menu-unknown-tier": ("m2/effectketen.yaml", lambda d: d["menu"][0].update(tier="uitkomst"),
                                "menu[0].tier", "'uitkomst'"),
    "chain-strength-six": ("m2/effectketen.yaml", lambda d: d["designs"][2].update(strength=6),
                           "designs[2].strength", "6"),
    "chain-effect-from-unknown": ("m2/effectketen.yaml", lambda d: d.update(effect_from="resultaat"),
                                  "effect_from", "'resultaat'"),
    "chain-words-not-a-list": ("m2/effectketen.yaml", lambda d: d["classifier"][1].update(words="naleving"),
                               "classifier[1].words", "'naleving'"),
    "chain-duplicate-menu": ("m2/effectketen.yaml", lambda d: d["menu"].append(dict(d["menu"][3])), "menu", None),
}


@pytest.mark.parametrize("fault", sorted(BROKEN))
def test_broken_effect_chain_spec_names_file_and_field(data, fault):
    assert_broken_spec_is_named(data, *BROKEN[fault])


# -- keywords compiled with the spec ----------------------------------------------------------------

def test_keywords_find_the_words_in_file_order_and_any_in_agrees():
    from lst_kit.exercises.effect_chain.model import Keywords

    words = Keywords(("inspectie*", "aantal", "", "*", "Pakkans"))
    assert words.found_in("Aantal inspecties per week") == ["inspectie*", "aantal"]
    assert words.found_in("De PAKKANS") == ["Pakkans"] and words.any_in("de pakkans")
    assert words.found_in("aantallen") == [] and not words.any_in("aantallen")
    assert not Keywords(()).any_in("iets") and not Keywords(("*", " ")).any_in("iets")


# -- damaged answers --------------------------------------------------------------------------------

JUNK = [*BASE_JUNK, "eigen", "menu", "outcome"]  # plus words that are keys of this exercise


def test_damaged_answers_restore_to_a_chain_that_saves_back_to_itself():
    import random

    from lst_kit.exercises.effect_chain.readings import TYPE

    spec = load_spec("m2.effectketen")
    rng = random.Random("damage")
    for i in range(40):
        answer = damaged(TYPE.demo_answer(spec, random.Random(f"d/{i}")), rng, JUNK)
        model = EffectChain.from_dict(spec, answer)
        assert EffectChain.from_dict(spec, model.to_dict()).to_dict() == model.to_dict()
        assert all(i.tier in {x.key for x in spec.tiers} for i in model.indicators)


@pytest.mark.slow
def test_model_figures_and_readings_import_no_widgets_and_no_numpy():
    """Only the view needs ipywidgets; the class overview and the browser kit import the rest."""
    import subprocess
    import sys

    code = ("import sys; import lst_kit.exercises.effect_chain as p, lst_kit.exercises.effect_chain.model, "
            "lst_kit.exercises.effect_chain.figures, lst_kit.exercises.effect_chain.readings; "
            "print(sorted(m for m in ('ipywidgets', 'numpy', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
