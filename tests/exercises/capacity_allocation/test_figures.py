"""E3.2 capacity allocation, the figures: the days figure, its table and the reading."""

from types import SimpleNamespace

from _svg import filled, svg_picture

from lst_kit.exercises.capacity_allocation.figures import ALLOCATION_STYLE, plot_days, reading_lines, table_html
from lst_kit.exercises.capacity_allocation.model import CapacityPlan, CapacitySpec

CASE = SimpleNamespace(case_id="klein", label="Klein", risks=[
    SimpleNamespace(id="a", name="Ramp", likelihood=5, impact=5),
    SimpleNamespace(id="b", name="Middel", likelihood=4, impact=4),
    SimpleNamespace(id="c", name="Klein", likelihood=2, impact=2)])


def plan(minima=None, **days):
    p = CapacityPlan.from_case(CapacitySpec("m3.test", "Test", "", "klein", 4, 0.5, minima or {}), CASE)
    for rid, n in days.items():
        p.set_days(rid, n)
    return p


def test_days_figure_has_a_bar_per_risk_and_allocation_and_marks_zero():
    # L×I a2 b2 c0; expected damage a4; evenly a2 b1 c1; own a1 b1 c2
    root, texts = svg_picture(plot_days(plan(a=1, b=1, c=2)))
    for key, (colour, _) in ALLOCATION_STYLE.items():
        assert len(filled(root, colour)) == 3, key  # one bar per risk (a zero-day bar too, with no width)
    assert texts.count("0 · geen dag") == 3  # c under L×I, b and c under expected damage
    assert {"Ramp", "Middel", "Klein", "Kans × effect", "Verwachte schade", "Gelijk verdeeld",
            "Jouw verdeling", "Inspectiedagen (budget 4)"} <= set(texts)


def test_legal_minimum_in_the_label_and_the_table():
    p = plan({"klein": {"c": 1}}, c=0)
    _, texts = svg_picture(plot_days(p))
    assert "Klein (wettelijk minimum 1)" in texts
    html = table_html(p)
    assert "Klein (wettelijk minimum 1)" in html and "(onder minimum)" in html


def test_table_gives_days_and_damage_left_in_dutch_money():
    html = table_html(plan(a=4))
    assert "€\u00a0100.000.000" in html  # a's expected damage without inspection
    assert "rest €\u00a06.250.000" in html  # a after 4 days: 10^8 × 0.5^4
    assert "€\u00a025.250.100" in html  # total left under L×I (a2 b2 c0)
    assert "€\u00a07.250.100" in html  # total left under expected damage and under the own plan (a4)
    assert "<th scope='col'>Jouw verdeling</th>" in html


def test_reading_names_what_each_allocation_leaves():
    text = " ".join(reading_lines(plan(a=2, b=2)))
    assert "Kans × effect: Klein krijgt geen dag." in text
    assert "Verwachte schade: Middel en Klein krijgen geen dag." in text
    assert "Gelijk verdeeld: elk risico krijgt minstens één dag." in text
    assert "Jouw verdeling: Klein krijgt geen dag." in text
    assert "jouw verdeling €\u00a025.250.100" in text and "niet verdeeld" not in text
    below = " ".join(reading_lines(plan({"klein": {"c": 1}}, c=0)))
    assert "In jouw verdeling zit Klein onder het wettelijk minimum" in below
    assert "Je hebt nog 4 dagen niet verdeeld." in below
