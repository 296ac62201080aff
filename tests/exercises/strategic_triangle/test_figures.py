"""The strategic triangle's pictures as SVG, and the table and texts that
say the same in words."""

import math

import pytest
from _svg import SVG, filled, svg_picture

from lst_kit.content import case_ids, load_case, load_spec
from lst_kit.exercises.strategic_triangle import figures as st
from lst_kit.exercises.strategic_triangle.model import CORNERS, HI, OptionScore, Triangle, bottleneck
from lst_kit.figures.style import PALETTE


@pytest.fixture
def spec():
    return load_spec("m2.driehoek")


def test_triangle_plot_puts_each_option_on_the_corner_axes_and_rings_its_weakest_corner(spec):
    """The participant's triangles as SVG: each option's closed line through its three scores (equal
    units on both axes, so a score is the same distance from the centre on every corner), its own
    dash and marker, a ring on its weakest corner; corner labels, title and legend as text."""
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
    unit = math.dist(centre, grid[0][1]) / HI
    for i, option in enumerate(options):
        colour = PALETTE[i].lower()
        line = next(el for el in area.iter(SVG + "polyline") if el.get("stroke") == colour)
        pts = points(line)
        assert len(pts) == 4 and pts[0] == pts[-1]  # closed
        assert [round(math.dist(centre, p) / unit, 1) for p in pts[:3]] == [float(option.score(c)) for c in CORNERS]
        assert (line.get("stroke-dasharray") is None) == (i == 0)  # A solid, B dashed
        rings = [el for el in area.iter(SVG + "circle") if el.get("stroke") == colour and el.get("fill") == "none"]
        assert len(rings) == 1
        weak = bottleneck(option)
        assert round(math.dist(centre, (float(rings[0].get("cx")), float(rings[0].get("cy")))) / unit, 1) == \
            option.score(weak)
    assert [el for el in area.iter(SVG + "rect") if el.get("fill") == PALETTE[1].lower()]  # B's squares
    _, letters = svg_picture(st.plot_triangle(spec, options, names=False))
    assert {"A", "B"} <= set(letters) and "A · Alpha (fit 2,88)" not in letters


def test_score_table_bolds_the_weakest_corner_names_ties_and_escapes(spec):
    options = [OptionScore("a", "<Alpha>", 4, 2, 2), OptionScore("b", "Beta", 3, 3, 3)]
    html = st.score_table(spec, options)
    assert "&lt;Alpha&gt;" in html and "<Alpha>" not in html
    assert "<td style='text-align:center'><b>2</b></td><td style='text-align:center'>2</td>" in html
    assert ">2,52</td>" in html and ">3,00</td>" in html  # fit: (4*2*2) ** (1/3) = 2.52, (3*3*3) ** (1/3) = 3
    assert "<td>Legitimiteit en steun <small>(even zwak: Operationele capaciteit)</small></td>" in html  # Alpha's tie
    assert html.count("<tr>") == 3  # head and two options


def test_summary_text_names_the_best_option_and_valuable_unsupported_ones(spec):
    cases = {c: load_case(c) for c in case_ids()}
    model = Triangle.from_dict(spec, None, cases)
    model.set_score("i1", "value", 5)
    model.set_score("i1", "legitimacy", 1)
    text = st.summary_text(model)
    best = max(model.options, key=lambda o: (o.value * o.legitimacy * o.capacity))
    assert best.name in text.split(".")[0]
    assert "Inspectie van individuele keukens" in text.split(".", 1)[1]  # high value, little support


def test_formula_names_the_three_corners(spec):
    text = st.formula_text(spec)
    assert "∛" in text and all(c.short in text for c in spec.corners)


def test_class_plot_bars_at_the_mean_with_whiskers_and_hatched_corners(spec):
    per_option = {"a": [OptionScore("a", "Alpha", 2, 4, 5), OptionScore("a", "Alpha", 4, 4, 1)],
                  "b": [OptionScore("b", "Beta", 1, 1, 1)]}
    root, texts = svg_picture(st.plot_class(spec, per_option))
    assert {"Scores van de groep per optie", "Alpha", "Beta"} <= set(texts)
    values = filled(root, PALETTE[0])
    assert len(values) == 2
    widths = sorted(float(r.get("width")) for r in values)  # mean value: Alpha 3, Beta 1
    assert widths[1] == pytest.approx(3 * widths[0], rel=0.01)
    assert len(root.findall(f".//{SVG}pattern")) == 2


def test_plots_are_pure_and_deterministic(spec):
    cases = {c: load_case(c) for c in case_ids()}
    model = Triangle.from_dict(spec, None, cases)
    before = model.to_dict()
    assert st.plot_triangle(spec, model.options).to_svg() == st.plot_triangle(spec, model.options).to_svg()
    assert model.to_dict() == before
