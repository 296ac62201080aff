"""E3.2 capacity allocation: portfolio lines, picture, class picture, demo answers."""

import random
from dataclasses import replace

import pytest
from _svg import filled, svg_picture

from lst_kit.content import case_ids, load_case, load_spec
from lst_kit.exercises.capacity_allocation.model import CapacityPlan
from lst_kit.exercises.capacity_allocation.readings import TYPE, played, restore
from lst_kit.figures.style import PALETTE
from lst_kit.i18n import t
from lst_kit.reports import readings

NVWA = "nvwa_maaltijdplatforms"
ILT = "ilt_ontgassen_binnenvaart"


@pytest.fixture
def spec():
    return load_spec("m3.capaciteit")


def test_the_type_declares_its_readings():
    assert TYPE.takes_case and TYPE.name == "capacity_allocation"
    assert all(TYPE.has(r) for r in ("summarize", "plot_answer", "class_picture", "demo_answer"))


#: An answer as the kit of December 2026 writes it (budget 20, r4 has a legal minimum of 2).
SAVED = {"case": NVWA, "cases": {
    NVWA: {"days": {"r1": 8, "r2": 8, "r3": 0, "r4": 0, "r5": 0, "r6": 4},
           "reason": "Claims en hygiëne laat ik liggen.\nDe directeur moet dat weten."},
    ILT: {"days": {"r1": 20}, "reason": ""}}}


def test_portfolio_lines_per_case_played(spec):
    lines = readings.summarize("m3.capaciteit", SAVED)
    assert lines[0] == ("NVWA · Maaltijd aan huis: Listeria/Salmonella door temperatuurfouten 8 dagen, "
                        "Niet-vermelde allergenen 8 dagen, Niet-geregistreerde aanbieders 0 dagen, "
                        "Slechte hygiëne in de thuiskeuken 0 dagen, Misleidende claims (vegan, halal, bio) 0 dagen, "
                        "Platforms wijzen verantwoordelijkheid af 4 dagen (20 van de 20 dagen verdeeld).")
    assert lines[1] == ("Bewust laten liggen (geen dag): Niet-geregistreerde aanbieders; "
                        "Slechte hygiëne in de thuiskeuken; Misleidende claims (vegan, halal, bio).")
    assert lines[2] == "Onder het wettelijk minimum: Slechte hygiëne in de thuiskeuken (0 van 2 dagen)."
    assert lines[3].startswith("Verwachte schade die overblijft: €\u00a0")
    assert "(bij kans × effect €\u00a0542.430, bij verwachte schade €\u00a0261.196)" in lines[3]
    assert lines[4] == ("Wat ik bewust laat liggen en wie dat moet weten: Claims en hygiëne laat ik liggen. "
                        "De directeur moet dat weten.")
    assert any(line.startswith("ILT · Ontgassen in de binnenvaart: Blootstelling omwonenden") for line in lines)
    assert [p.case_id for p in played(spec, SAVED)] == [NVWA, ILT]


def test_picture_is_the_days_figure_of_the_last_case(spec):
    _, texts = svg_picture(readings.plot_answer("m3.capaciteit", SAVED))
    assert "NVWA · Maaltijd aan huis: inspectiedagen per risico" in texts and "Jouw verdeling" in texts


def test_odd_answers_give_nothing_not_a_crash(spec):
    assert TYPE.summarize(spec, {"case": "bestaat_niet", "cases": 7}) == [t("hooks.empty_answer")]
    assert TYPE.plot_answer(spec, None) is None and TYPE.plot_answer(spec, 5) is None
    assert TYPE.class_picture(spec, {"a": None, "b": {"case": "bestaat_niet"}})[0] is None
    odd = restore(spec, {"case": NVWA, "cases": {NVWA: {"days": "veel"}}})
    assert odd.days == CapacityPlan.from_case(spec, load_case(NVWA)).days


def test_class_picture_over_literal_answers(spec):
    answers = {
        "p1": {"case": NVWA, "cases": {NVWA: {"days": {"r1": 10, "r2": 10, "r4": 0}}}},
        "p2": {"case": NVWA, "cases": {NVWA: {"days": {"r1": 6, "r2": 6, "r3": 2, "r4": 2, "r5": 2, "r6": 2}}}},
        "p3": {"case": ILT, "cases": {ILT: {"days": {"r1": 20}}}},  # another case: not in the picture
        "anna": {"case": NVWA, "cases": {NVWA: {"days": {"r1": 2, "r4": 2, "r5": 16}}}},
    }
    fig, lines = readings.class_picture("m3.capaciteit", answers)
    assert lines[0] == "Casus NVWA · Maaltijd aan huis: 3 van de 4 deelnemers verdeelden dagen in deze casus."
    assert lines[1] == "Listeria/Salmonella door temperatuurfouten: gemiddeld 6,0 dagen; 0 van de 3 deelnemers gaven het geen dag."
    assert lines[3] == "Niet-geregistreerde aanbieders: gemiddeld 0,7 dagen; 2 van de 3 deelnemers gaven het geen dag."
    assert lines[5] == "Misleidende claims (vegan, halal, bio): gemiddeld 6,0 dagen; 1 van de 3 deelnemers gaven het geen dag."
    root, texts = svg_picture(fig)
    assert len(filled(root, PALETTE[0])) == 6  # a bar per risk of the case
    assert "gem. 0,7 · 2 van 3 geen dag" in texts
    assert not any("anna" in line for line in lines) and not any("anna" in text for text in texts)


@pytest.mark.parametrize("case_id", case_ids())
def test_demo_answer_is_valid_for_every_fixture_case(spec, case_id):
    on_case = replace(spec, default_case=case_id)  # the demo mostly plays the spec's case
    answers = [TYPE.demo_answer(on_case, random.Random(seed)) for seed in range(10)]
    assert any(a["case"] == case_id for a in answers)
    for answer in answers:
        entry = answer["cases"][answer["case"]]
        assert sum(entry["days"].values()) <= spec.budget_days
        assert restore(spec, answer).to_dict() == entry  # valid: nothing dropped on restore
        assert readings.summarize("m3.capaciteit", answer)
