"""What the portfolio and the class overview read from an intervention
matrix, its pictures, and the demo answers."""

import json
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from _svg import SVG, svg_picture

from lst_kit import registry
from lst_kit.exercises.intervention_matrix import figures, load_matrix_setup, model as im
from lst_kit.exercises.intervention_matrix.readings import TYPE
from lst_kit.figures import svgplot
from lst_kit.figures.style import PALETTE
from lst_kit.i18n import t
from lst_kit.reports import readings as hooks


@pytest.fixture
def setup():
    return load_matrix_setup("m4.interventiematrix")


def _in_plot(root):
    """The SVG elements inside the plot areas (legend keys and labels are outside)."""
    return [el for group in root.iter(SVG + "g") for el in group.iter() if el is not group]


def _cell_texts(root) -> dict[str, str]:
    """Cell key (with its = or ≠ mark) -> the texts drawn in that cell, in order."""
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    return {texts[i].split()[0]: texts[i:i + 3] for i in range(len(texts) - 2)
            if texts[i].strip() and len(texts[i].split()[0]) == 2 and texts[i + 1].startswith(("niveau", "–"))}


def test_matrix_picture_shows_cells_marks_frames_and_the_colour_scale(setup):
    model = im.InterventionMatrix(setup)
    for cell, ids in setup.reference.cells.items():
        model.place(cell, list(ids))
    model.place("A1", ["nudge", "informatie"])
    model.place("C3", [])
    model.place("D4", [i.id for i in setup.catalogue.items])   # more than fits: "+n meer"
    fig = figures.plot_matrix(setup, model.cells, "B2", "C2")
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    cells = _cell_texts(root)
    assert cells["A1"] == ["A1  ≠", "niveau 1", "InformerenNudge"]   # tspans: one line per intervention
    assert cells["B2"][0] == "B2  =" and cells["C3"][:2] == ["C3", "–"]
    assert cells["D4"][2].endswith(f"+{len(setup.catalogue.items) - (figures.MAX_IN_CELL_LINES - 1)} meer")
    assert "Jouw interventiematrix" in texts and "Referentie van het cursusteam (illustratief)" not in texts
    for label in ("Gevolgen van de overtreding", "Gedrag van de overtreder", "hoogste piramideniveau in de cel",
                  "stippelkader: gekozen cel", "dik kader: voorgestelde cel na verzwarende omstandigheden"):
        assert label in texts
    assert [x for x in texts if x in "123456"][-6:] == ["1", "2", "3", "4", "5", "6"]   # the colour scale
    rects = list(root.iter(SVG + "rect"))
    dashed = [r for r in rects if r.get("fill") == "none" and r.get("stroke-dasharray")]
    situation = [r for r in dashed if r.get("stroke") == PALETTE[5].lower()]
    suggested = [r for r in rects if r.get("fill") == "none" and r.get("stroke") == PALETTE[3].lower()]
    assert len(situation) == 1 and len(suggested) == 1 and not suggested[0].get("stroke-dasharray")
    assert len(dashed) == 1 + 2   # the situation and the two differing cells (A1, D4)
    assert float(situation[0].get("y")) > float(suggested[0].get("y"))   # B2 below C2
    assert any(r.get("fill", "").startswith("url(#h") for r in rects)     # the empty cell is hatched
    # the same cells with the reference beside them: two titles, reference cells unmarked
    pair = ET.fromstring(figures.plot_matrix(setup, model.cells, show_reference=True).to_svg())
    texts = ["".join(el.itertext()) for el in pair.iter(SVG + "text")]
    assert "Jouw interventiematrix" in texts and setup.reference.title in texts
    assert "A1  ≠" in texts and "A1" in texts and "stippelkader: gekozen cel" not in texts


def test_matrix_readings_describe_the_answer(setup):
    model = im.InterventionMatrix(setup)
    for cell, ids in setup.reference.cells.items():
        model.place(cell, ids)
    model.place("A1", ["nudge"])
    lines = TYPE.summarize(setup.spec, model.to_dict())
    assert lines[0] == "Consistentie met de referentie: 15 van de 16 cellen gelijk (94%)."
    assert any(line.startswith("Cel A1: alleen bij jou: Nudge volgens EAST; alleen in de referentie: ")
               for line in lines)
    # a cell the participant left empty: only the reference's side, never "alleen bij jou (niets)"
    model.place("B2", [])
    lines = TYPE.summarize(setup.spec, model.to_dict())
    b2 = next(line for line in lines if line.startswith("Cel B2"))
    assert b2.startswith("Cel B2: alleen in de referentie: ") and "bij jou" not in b2 and "(niets)" not in b2
    model.place("B2", setup.reference.cells["B2"])
    fig, lines = TYPE.class_picture(setup.spec, {"a": model.to_dict(), "b": {"cells": {}}})
    assert fig is not None and "2 matrices" in lines[0] and "gemiddeld 47%" in lines[0]
    root, texts = svg_picture(fig)
    assert {"De groep: meest gekozen invulling per cel en hoeveel deelnemers die kozen", "A1 · 50%", "0%",
            "100%"} <= set(texts)  # title, a cell (one of two chose its set), the colour scale
    cells = [el for el in _in_plot(root) if el.tag == SVG + "rect" and el.get("stroke") == "#888888"]
    assert len(cells) == len(setup.spec.cell_keys)
    assert len({el.get("fill") for el in cells}) == 1  # the same agreement (50 %) everywhere: one colour


def test_matrix_class_picture_shows_the_most_chosen_set_per_cell(setup):
    """Per cell the set most participants chose and their share; on a tie the first set in sorted order."""
    def answer(a1, b2):
        model = im.InterventionMatrix(setup)
        model.place("A1", a1)
        model.place("B2", b2)
        return model.to_dict()

    answers = {"p": answer(["nudge"], ["waarschuwing"]), "q": answer(["informatie", "nudge"], ["informatie"]),
               "r": answer(["nudge"], ["nudge"]), "s": None}
    fig, lines = TYPE.class_picture(setup.spec, answers)
    _, texts = svg_picture(fig)
    assert "3 matrices" in lines[0]
    assert {"A1 · 67%", "B2 · 33%", "C3 · 100%"} <= set(texts)
    shorts = {i.short for i in setup.catalogue.items}
    shown = [text for text in texts if text in shorts or text.endswith("%")][:len(setup.spec.cell_keys) + 2]
    # A1: 'Nudge' (two of three); B2: three sets once each, the first in sorted order ('informatie')
    assert shown[:2] == ["A1 · 67%", "Nudge"] and shown[shown.index("B2 · 33%") + 1] == "Informeren"


ODD_ANSWERS = [None, 3, "tekst", [], {}, {"cells": "kapot"}, {"cells": {"A1": "informatie"}}, {"situation": 5}]


def test_readings_of_odd_answers_read_an_empty_matrix(setup):
    for answer in ODD_ANSWERS:
        lines = TYPE.summarize(setup.spec, answer)
        assert lines[1] == "0 van de 16 cellen ingevuld." and all("<" not in x for x in lines)
        assert TYPE.plot_answer(setup.spec, answer) is not None
    assert TYPE.class_picture(setup.spec, {"a": None, "b": "x"}) == (None, [t("intervention_matrix.class_none")])


@pytest.mark.slow
def test_class_picture_is_drawn_without_matplotlib():
    code = ("import sys, random; from lst_kit.reports import readings as hooks; "
            "answers = {f'p{i}': hooks.demo_answer('m4.interventiematrix', random.Random(i)) for i in range(6)}; "
            "fig, lines = hooks.class_picture('m4.interventiematrix', answers); "
            "print(type(fig).__module__, fig.to_svg()[:4] == b'<svg', 'matplotlib' in sys.modules, "
            "'ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["lst_kit.figures.svgplot", "True", "False", "False"]


def test_demo_answers_are_seeded_varied_and_valid(setup):
    spec = setup.spec
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first is not registry.SKIP and first == TYPE.demo_answer(spec, random.Random("7/1"))
    others = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(2, 8)]
    assert any(o != first for o in others)
    for answer in [first, *others]:
        assert json.loads(json.dumps(answer)) == answer
        assert im.InterventionMatrix.from_dict(setup, answer).to_dict() == answer
        assert answer["situation"] in spec.cell_keys
        assert hooks.summarize("m4.interventiematrix", answer) == TYPE.summarize(spec, answer)
    fig, lines = TYPE.class_picture(spec, {f"D{i}": a for i, a in enumerate([first, *others])})
    assert lines[0].startswith("7 matrices") and isinstance(fig, svgplot.Figure)


#: The width an exercise has in Voilà at an 800 px window (measured: 766 px).
NARROW_EXERCISE_PX = 766


@pytest.mark.parametrize("show_reference", [False, True])
def test_matrix_text_stays_at_least_9px_in_an_800px_window(setup, show_reference):
    """The picture is scaled to the exercise's width (max-width: 100%); every
    text in it, cells included, must still be 9 px or more there."""
    model = im.InterventionMatrix(setup)
    for cell, ids in setup.reference.cells.items():
        model.place(cell, ids)
    model.place("A1", list(setup.catalogue.ids)[:7])  # a crowded cell: wraps and says "+n meer"
    fig = figures.plot_matrix(setup, model.cells, "A1", "B2", show_reference)
    svg = fig.to_svg()
    svg = svg.decode() if isinstance(svg, bytes) else svg
    width = float(re.search(r'<svg[^>]* width="([\d.]+)"', svg).group(1))
    scale = min(1.0, NARROW_EXERCISE_PX / width)
    sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes and min(sizes) * scale >= 9.0, (min(sizes), width)


def test_long_names_wrap_in_their_cell_and_the_cell_stays_within_its_lines(setup):
    lines = figures.wrapped_cell_lines(setup.catalogue, list(setup.catalogue.ids), 5)
    assert len(lines) == 5 and lines[-1].startswith("+")
    assert all(len(line) <= figures.CELL_WRAP for line in lines[:-1])
