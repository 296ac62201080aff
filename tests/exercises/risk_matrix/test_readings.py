"""E3.1 risk matrix: portfolio summary, picture, class picture, demo answers."""

import json
import random
import re
import subprocess
import sys

import pytest
from _svg import SVG, filled, svg_picture

import lst_kit
from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.risk_matrix.figures import band_colours
from lst_kit.exercises.risk_matrix.readings import TYPE, restore
from lst_kit.figures.style import PALETTE
from lst_kit.reports import readings
from lst_kit.workbook import open_workbook


@pytest.fixture
def spec():
    return load_spec("m3.risicomatrix")


def test_heat_map_places_every_risk(spec):
    from lst_kit.exercises.risk_matrix.figures import plot_matrix

    m = restore(spec, {"case": "nla_uitzendwerk_arbeidsmigranten"})
    root, texts = svg_picture(plot_matrix(m))
    els = [(el, "".join(el.itertext())) for el in root.iter(SVG + "text")]
    numbers = {text: el for el, text in els if el.get("font-weight") == "bold" and text.isdigit()}
    assert sorted(numbers, key=int) == [str(i + 1) for i in range(len(m.risks))]
    xticks = {int(text): float(el.get("x")) for el, text in els if text in "12345" and el.get("text-anchor") == "middle"
              and el.get("font-weight") is None}
    yticks = {int(text): float(el.get("y")) for el, text in els if text in "12345" and el.get("text-anchor") == "end"}
    half_x, half_y = (xticks[2] - xticks[1]) / 2, (yticks[1] - yticks[2]) / 2
    for i, risk in enumerate(m.risks):  # each number in its own cell, in a circle of its own band's colour
        el = numbers[str(i + 1)]
        assert abs(float(el.get("x")) - xticks[risk.likelihood]) < half_x
        assert abs(float(el.get("y")) - yticks[risk.impact]) < half_y
    colours = band_colours(len(m.bands["lxi"]))
    own = [colours[m.band(m.score(r))] for r in m.risks]
    for c in set(own):
        assert len(filled(root, c, "circle")) == own.count(c)
    assert {"Risicomatrix: Kans × effect (5×5)", "Band", "laag", "zeer hoog"} <= set(texts)


def test_summary_picture_and_class_picture(tmp_path):
    wb = open_workbook("anna", tmp_path / "wb")
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    view.row_widgets["r3"]["impact"].value = 5  # unregistered operators: 5 x 5 = 25, now the top risk
    answer = json.loads(wb.path.read_text(encoding="utf-8"))["answers"]["m3.risicomatrix"]
    lines = readings.summarize("m3.risicomatrix", answer)
    assert lines[0].startswith("Belangrijkste risico's") and "Niet-geregistreerde aanbieders (25, zeer hoog)" in lines[0]
    assert readings.plot_answer("m3.risicomatrix", answer) is not None
    rng = random.Random(5)
    answers = {f"p{i}": readings.demo_answer("m3.risicomatrix", rng) for i in range(6)}
    answers["p6"] = answer
    fig, class_lines = readings.class_picture("m3.risicomatrix", answers)
    assert fig is not None and "deelnemers scoorden deze casus" in class_lines[0]
    root, texts = svg_picture(fig)
    assert {"Kans × effect per risico in de klas", "Niet-geregistreerde aanbieders"} <= set(texts)
    assert len(filled(root, PALETTE[4])) == len(class_lines) - 1  # a bar (the class mean) per risk
    dots = sum(int(re.search(r": (\d+) scores", line).group(1)) for line in class_lines[1:])
    assert len(filled(root, PALETTE[0], "circle")) == dots > 0  # a dot per participant's score


def test_odd_answers_give_nothing_not_a_crash(spec):
    assert TYPE.summarize(spec, {"case": "bestaat_niet", "cases": 7}) == []
    assert TYPE.summarize(spec, None) == [] and TYPE.plot_answer(spec, 5) is None
    assert TYPE.class_picture(spec, {"a": None, "b": {"case": "bestaat_niet"}})[0] is None
    same_case = {"case": "nvwa_maaltijdplatforms", "cases": 3}  # the case's own risks
    assert restore(spec, same_case).to_dict()["risks"] == restore(spec, {"case": "nvwa_maaltijdplatforms"}).to_dict()["risks"]


def test_class_picture_counts_every_answer_the_model_restores(spec):
    """The class picture reads answers through from_dict, like the view: a
    NaN score in one saved risk drops that risk, not the participant."""
    answer = TYPE.demo_answer(spec, random.Random(1))
    model = restore(spec, answer)
    with pytest.raises(InputError, match="geheel getal van 1 tot en met 5"):
        model.set_likelihood(model.risks[0].id, float("nan"))
    text = json.dumps(answer)
    first = answer["cases"][answer["case"]]["risks"][0]
    damaged = json.loads(text.replace(f'"likelihood": {first["likelihood"]}', '"likelihood": NaN', 1))
    assert "NaN" in json.dumps(damaged)
    restored = restore(spec, damaged)
    assert restored is not None and first["name"] not in [r.name for r in restored.risks]
    _, both = TYPE.class_picture(spec, {"a": damaged, "b": answer})
    _, one = TYPE.class_picture(spec, {"b": answer})
    assert "2 deelnemers" in both[0] and both != one


def test_demo_answers_are_seeded_varied_and_valid(spec):
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first == TYPE.demo_answer(spec, random.Random("7/1"))
    others = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(2, 8)]
    assert any(o != first for o in others)
    for answer in [first, *others]:
        assert json.loads(json.dumps(answer)) == answer
        model = restore(spec, answer)
        assert model.to_dict() == answer["cases"][answer["case"]]  # the model takes it as it is


@pytest.mark.slow
def test_class_picture_is_drawn_without_matplotlib():
    """The class overview draws this picture as SVG; neither the type nor the drawing imports matplotlib."""
    code = ("import sys, random; from lst_kit.reports import readings; rng = random.Random(3); "
            "answers = {f'p{i}': readings.demo_answer('m3.risicomatrix', rng) for i in range(6)}; "
            "fig, lines = readings.class_picture('m3.risicomatrix', answers); "
            "print(type(fig).__module__, fig.to_svg()[:4] == b'<svg', 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["lst_kit.figures.svgplot", "True", "False"]


def test_portfolio_keeps_every_changed_case(tmp_path, spec):
    """Edits in one case stay in the portfolio and the learning plan after
    the participant looked at (or worked in) another case."""
    wb = open_workbook("anna", tmp_path / "wb")
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    first = view.model.case_id
    others = [c for c in view.cases if c != first]
    view.row_widgets["r1"]["impact"].value = 1 if view.model.risks[0].impact != 1 else 2
    view.case.value = others[0]
    view.new_name.value = "Eigen risico in de tweede casus"
    view.add_button.click()
    view.case.value = others[1]  # only looked at
    answer = json.loads(wb.path.read_text(encoding="utf-8"))["answers"]["m3.risicomatrix"]
    assert answer["case"] == others[1]
    lines = readings.summarize("m3.risicomatrix", answer)
    labels = {c: view.cases[c].label for c in view.cases}
    text = "\n".join(lines)
    assert labels[first] in text and labels[others[0]] in text and labels[others[1]] not in text
    assert lines[0].startswith(labels[others[0]]) or lines[0].startswith(labels[first])
    assert {lines[0].split(":")[0], lines[1].split(":")[0]} == {labels[first], labels[others[0]]}
    fig = readings.plot_answer("m3.risicomatrix", answer)
    root, texts = svg_picture(fig)
    assert any(x.startswith(labels[first]) for x in texts) and any(x.startswith(labels[others[0]]) for x in texts)
    assert len(fig.axes) == 2
    # the learning plan's pre-fill (its first max_lines lines) names both cases
    from lst_kit.exercises.learning_plan.model import prefill
    plan = load_spec("m6.wat_neem_je_mee")
    filled_in = "\n".join(line for p in prefill(plan, {"m3.risicomatrix": answer}, readings.summarize, str)
                          for line in p.lines)
    assert labels[first] in filled_in and labels[others[0]] in filled_in


def test_an_unchanged_last_case_alone_still_reads():
    spec = load_spec("m3.risicomatrix")
    lines = TYPE.summarize(spec, {"case": "nvwa_maaltijdplatforms"})
    assert lines[0].startswith("Belangrijkste risico's") and "risico's." in lines[1]


def test_fine_kinney_colours_each_risk_by_its_own_exposure(spec):
    """A risk scoring 210 ("direct verbeteren") is drawn in that band's
    colour, whatever the cell's colour under the default exposure."""
    from lst_kit.exercises.risk_matrix.figures import NEUTRAL_CELL, plot_matrix

    m = restore(spec, {"case": "nla_uitzendwerk_arbeidsmigranten"})
    m.set_rule("fine_kinney")
    r = m.risks[0]
    m.set_likelihood(r.id, 4)
    m.set_impact(r.id, 3)
    m.set_exposure(r.id, 10.0)
    value = m.score(r)
    colours = band_colours(len(m.bands["fine_kinney"]))
    own = colours[m.band(value)]
    default_cell = colours[m.band(value / 10.0 * spec.default_exposure)]
    assert own != default_cell
    root, _ = svg_picture(plot_matrix(m))
    assert len(filled(root, own, "circle")) >= 1
    assert len(filled(root, NEUTRAL_CELL)) == 25  # no cell claims a band under Fine & Kinney
    m.set_exposure(r.id, 0.5)
    root, _ = svg_picture(plot_matrix(m))
    low = colours[m.band(m.score(r))]
    assert low != own and len(filled(root, low, "circle")) >= 1


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_neighbouring_bands_differ_clearly(n):
    """Each band is darker than the one before, with a contrast of at least
    1.5:1 to its neighbour (cividis had "midden" and "hoog" both grey)."""
    from lst_kit.exercises.risk_matrix.figures import relative_luminance

    colours = band_colours(n)
    lum = [relative_luminance(c) for c in colours]
    assert lum == sorted(lum, reverse=True)
    for a, b in zip(lum, lum[1:]):
        assert (a + 0.05) / (b + 0.05) >= 1.5
