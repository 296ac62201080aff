"""Module 3: risk matrix lab and system map — models, plots, headless views."""

import json
import re
import subprocess
import sys

import pytest
from _svg import SVG, filled, svg_picture

import lst_kit
from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.risk_matrix import RiskMatrix, band_index, plot_matrix, score
from lst_kit.figures.style import PALETTE
from lst_kit.workbook import open_workbook

@pytest.fixture
def rspec():
    return load_spec("m3.risicomatrix")


# -- risk matrix: scoring ------------------------------------------------------------
@pytest.mark.parametrize(
    "lik, imp, exposure, rule, expected",
    [(3, 5, 3, "lxi", 15), (5, 5, 3, "lxi", 25), (1, 1, 3, "lxi", 1),
     (3, 5, 3, "fine_kinney", 3 * 3 * 40), (4, 4, 3, "fine_kinney", 6 * 3 * 15), (5, 2, 10, "fine_kinney", 10 * 10 * 3),
     (1, 1, 0.5, "fine_kinney", 0.5 * 0.5 * 1),
     (3, 5, 3, "expected_damage", 1e6), (5, 5, 3, "expected_damage", 1e8), (1, 1, 3, "expected_damage", 1.0)],
)
def test_scores(rspec, lik, imp, exposure, rule, expected):
    assert score(rspec, lik, imp, exposure, rule) == pytest.approx(expected)


@pytest.mark.parametrize(
    "rule, value, label",
    [("lxi", 4, "laag"), ("lxi", 5, "midden"), ("lxi", 16, "hoog"), ("lxi", 20, "zeer hoog"),
     ("fine_kinney", 20, "aanvaardbaar"), ("fine_kinney", 70.5, "maatregelen vereist"), ("fine_kinney", 360, "direct verbeteren"),
     ("fine_kinney", 401, "werk stoppen"), ("expected_damage", 1e6, "hoog"), ("expected_damage", 10 ** -2 * 10 ** 5, "laag")],
)
def test_band_classes(rspec, rule, value, label):
    assert rspec.bands[rule][band_index(rspec.bands[rule], value)].label == label


def test_ranking_ties_and_rank_changes(rspec):
    m = RiskMatrix.from_case(rspec, "nvwa_maaltijdplatforms")  # brief §7 case A: R1 3×5, R2 4×4, R3 5×2 ...
    lxi = {r.id: rank for r, _, rank in m.ranked("lxi")}
    assert lxi["r2"] == 1 and lxi["r1"] == 2
    ranked = m.ranked("lxi")
    assert [rank for _, _, rank in ranked] == sorted(rank for _, _, rank in ranked)
    changes = {r.id: (a, b) for r, a, b in m.rank_changes("lxi", "expected_damage")}
    assert changes["r1"] == (2, 1)  # catastrophic but less likely moves up with expected damage
    assert all(a != b for a, b in changes.values())


def test_equal_scores_share_a_rank(rspec):
    m = RiskMatrix(rspec, "x")
    m.add("A", 2, 3)
    m.add("B", 3, 2)
    m.add("C", 1, 1)
    assert [(r.name, rank) for r, _, rank in m.ranked("lxi")] == [("A", 1), ("B", 1), ("C", 3)]


def test_risk_edits_validate_and_leave_model_unchanged(rspec):
    m = RiskMatrix.from_case(rspec, "ilt_ontgassen_binnenvaart")
    before = m.to_dict()
    for bad in (0, 6, 2.5, "3", True, None):
        with pytest.raises(InputError, match="Kans"):
            m.set_likelihood("r1", bad)
    with pytest.raises(InputError, match="Naam van het risico"):
        m.rename("r1", "   ")
    with pytest.raises(InputError, match="nog niet in de lijst"):
        m.rename("r1", m.risks[1].name.upper())
    with pytest.raises(InputError, match="Blootstelling"):
        m.set_exposure("r1", 4)
    with pytest.raises(InputError, match="Risico"):
        m.set_impact("r99", 3)
    assert m.to_dict() == before
    added = m.add("Lekkende slangen", 2, 3)
    assert added.id == "r6" and m.risk("r6").name == "Lekkende slangen"
    m.remove("r6")
    assert m.to_dict() == before


def test_band_thresholds_must_stay_in_order(rspec):
    m = RiskMatrix.from_case(rspec, "nvwa_maaltijdplatforms")
    m.set_band_upper("lxi", 0, 6)
    assert m.bands["lxi"][0].upper == 6
    with pytest.raises(InputError, match="groter dan 6 en kleiner dan 16"):
        m.set_band_upper("lxi", 1, 20)
    with pytest.raises(InputError):
        m.set_band_upper("lxi", 3, 30)  # the last band has no upper bound
    restored = RiskMatrix.from_dict(rspec, m.to_dict(), "nvwa_maaltijdplatforms")
    assert restored.bands["lxi"][0].upper == 6 and restored.to_dict() == m.to_dict()


def test_heat_map_places_every_risk(rspec):
    m = RiskMatrix.from_case(rspec, "nla_uitzendwerk_arbeidsmigranten")
    root, texts = svg_picture(plot_matrix(m))
    els = [(el, "".join(el.itertext())) for el in root.iter(SVG + "text")]
    numbers = {text: el for el, text in els if el.get("font-weight") == "bold" and text.isdigit()}
    assert sorted(numbers, key=int) == [str(i + 1) for i in range(len(m.risks))]
    xticks = {int(text): float(el.get("x")) for el, text in els if text in "12345" and el.get("text-anchor") == "middle"
              and el.get("font-weight") is None}
    yticks = {int(text): float(el.get("y")) for el, text in els if text in "12345" and el.get("text-anchor") == "end"}
    half_x, half_y = (xticks[2] - xticks[1]) / 2, (yticks[1] - yticks[2]) / 2
    for i, risk in enumerate(m.risks):  # each number in its own cell, in a white circle
        el = numbers[str(i + 1)]
        assert abs(float(el.get("x")) - xticks[risk.likelihood]) < half_x
        assert abs(float(el.get("y")) - yticks[risk.impact]) < half_y
    assert len(filled(root, "#ffffff", "circle")) == len(m.risks)
    assert {"Risicomatrix: Kans × effect (5×5)", "Band", "laag", "zeer hoog"} <= set(texts)


# -- views -------------------------------------------------------------------------------------------
@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def saved(wb, exercise_id):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"][exercise_id]


def test_risk_view_edit_reaches_workbook_and_survives_restart(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    case = view.model.case_id
    view.row_widgets["r1"]["likelihood"].value = 5
    assert saved(wb, "m3.risicomatrix")["cases"][case]["risks"][0]["likelihood"] == 5
    view.rule.value = "fine_kinney"
    view.new_name.value = "Verkeerde bewaartemperatuur"
    view.add_button.click()
    answer = saved(wb, "m3.risicomatrix")
    assert answer["rule"] == "fine_kinney"
    assert answer["cases"][case]["risks"][-1]["name"] == "Verkeerde bewaartemperatuur"
    again = lst_kit.risk_matrix("m3.risicomatrix", workbook=open_workbook("anna", wb.folder))
    assert again.row_widgets["r1"]["likelihood"].value == 5 and again.rule.value == "fine_kinney"
    assert len(again.model.risks) == len(view.model.risks)


def test_risk_view_bad_name_shows_banner_and_keeps_answer(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    view.row_widgets["r2"]["name"].value = "Allergenen"
    before = saved(wb, "m3.risicomatrix")
    other = view.model.risks[0].name
    view.row_widgets["r2"]["name"].value = other  # duplicate
    assert "Naam van het risico" in view.banner.message and "nog niet in de lijst" in view.banner.message
    assert view.row_widgets["r2"]["name"].value == "Allergenen"
    assert saved(wb, "m3.risicomatrix") == before
    view.new_name.value = ""
    view.add_button.click()
    assert "niet-lege naam" in view.banner.message
    assert saved(wb, "m3.risicomatrix") == before


def test_risk_view_switching_case_keeps_both(wb):
    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    first = view.model.case_id
    view.row_widgets["r1"]["impact"].value = 1
    view.case.value = "igj_cosmetische_injectables"
    view.row_widgets["r1"]["impact"].value = 2
    view.case.value = first
    assert view.row_widgets["r1"]["impact"].value == 1
    cases = saved(wb, "m3.risicomatrix")["cases"]
    assert cases[first]["risks"][0]["impact"] == 1 and cases["igj_cosmetische_injectables"]["risks"][0]["impact"] == 2


# -- hooks (portfolio, class overview, learning plan, demo class) -------------------------
def test_risk_hooks(wb):
    import numpy as np

    from lst_kit.reports import readings as hooks

    view = lst_kit.risk_matrix("m3.risicomatrix", workbook=wb)
    view.row_widgets["r3"]["impact"].value = 5  # unregistered operators: 5 x 5 = 25, now the top risk
    answer = saved(wb, "m3.risicomatrix")
    lines = hooks.summarize("m3.risicomatrix", answer)
    assert lines[0].startswith("Belangrijkste risico's") and "Niet-geregistreerde aanbieders (25, zeer hoog)" in lines[0]
    assert hooks.plot_answer("m3.risicomatrix", answer) is not None
    rng = np.random.default_rng(5)
    answers = {f"p{i}": hooks.demo_answer("m3.risicomatrix", rng) for i in range(6)}
    answers["p6"] = answer
    fig, class_lines = hooks.class_picture("m3.risicomatrix", answers)
    assert fig is not None and "deelnemers scoorden deze casus" in class_lines[0]
    root, texts = svg_picture(fig)
    assert {"Kans × effect per risico in de klas", "Niet-geregistreerde aanbieders"} <= set(texts)
    assert len(filled(root, PALETTE[4])) == len(class_lines) - 1  # a bar (the class mean) per risk
    dots = sum(int(re.search(r": (\d+) scores", line).group(1)) for line in class_lines[1:])
    assert len(filled(root, PALETTE[0], "circle")) == dots > 0  # a dot per participant's score
    assert any("Niet-geregistreerde aanbieders" in line for line in class_lines[1:])
    odd = hooks.summarize("m3.risicomatrix", {"case": "bestaat_niet", "cases": 7})  # never raises
    assert isinstance(odd, list) and "Belangrijkste" not in " ".join(odd)


@pytest.mark.parametrize("exercise_id", ["m3.risicomatrix"])
def test_class_picture_is_drawn_without_matplotlib(exercise_id):
    """The class overview draws this picture as SVG; neither the module nor the drawing imports matplotlib."""
    code = ("import sys, numpy as np; from lst_kit.reports import readings as hooks; rng = np.random.default_rng(3); "
            f"answers = {{f'p{{i}}': hooks.demo_answer({exercise_id!r}, rng) for i in range(6)}}; "
            f"fig, lines = hooks.class_picture({exercise_id!r}, answers); "
            "print(type(fig).__module__, fig.to_svg()[:4] == b'<svg', 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["lst_kit.figures.svgplot", "True", "False"]


def _odd_risk_answers():
    """Demo answers and odd variants of them (bad names, scales, exposures, ids; too many risks)."""
    import copy

    import numpy as np

    from lst_kit.reports import readings as hooks

    rng = np.random.default_rng(9)
    answers = [hooks.demo_answer("m3.risicomatrix", rng) for i in range(8)]
    odd = []
    for i, a in enumerate(answers):
        entry = a["cases"][a["case"]]
        b = copy.deepcopy(a)
        risks = b["cases"][b["case"]]["risks"]
        risks[0]["likelihood"] = [6, 0, 2.5, True, "3", 4.0, None, 5][i]
        risks[1]["exposure"] = [7, "x", 1, None, 0.5, True, 3, 10][i]
        risks.append({"name": risks[2]["name"].upper(), "likelihood": 2, "impact": 2})  # duplicate name
        risks.append(["not", "a", "risk"])
        risks.append({"name": "  Nieuw risico  ", "likelihood": 4, "impact": 1, "id": [None, "", 5, "r1"][i % 4]})
        odd.append(b)
        c = copy.deepcopy(a)
        c["cases"][c["case"]]["risks"] = [dict(entry["risks"][0], name=f"Risico {k}", id=f"x{k}") for k in range(104)]
        odd.append(c)
        d = copy.deepcopy(a)
        d["cases"][d["case"]] = [None, {"risks": []}, {"risks": "x"}, {"risks": [{"name": ""}]}][i % 4]
        odd.append(d)
    return answers + odd + [None, 5, {"case": "bestaat_niet"}, {"case": answers[0]["case"], "cases": 3}]


def test_class_reading_of_risks_equals_the_full_model():
    """The class overview reads only (case, risks) of an answer; it is what the full model restores."""
    from lst_kit.exercises import risk_matrix as rm

    for answer in _odd_risk_answers():
        model = rm._restore("m3.risicomatrix", answer)
        light = rm._restore_risks("m3.risicomatrix", answer)
        assert (light is None) == (model is None)
        if model is not None:
            assert light == (model.case_id, model.risks)


def test_a_saved_score_of_nan_or_infinity_is_refused_in_dutch_not_a_crash():
    """Python's JSON reader accepts NaN and Infinity: a hand-edited workbook
    may hold them. They are refused like any other bad score."""
    import json

    import numpy as np

    from lst_kit.errors import InputError
    from lst_kit.exercises import risk_matrix as rm

    answer = rm.demo_answer("m3.risicomatrix", np.random.default_rng(1))
    model = rm._restore("m3.risicomatrix", answer)
    first = model.risks[0]
    for bad in (float("nan"), float("inf"), -float("inf")):
        with pytest.raises(InputError, match="geheel getal van 1 tot en met 5"):
            model.set_likelihood(first.id, bad)
    damaged = json.loads(json.dumps(answer).replace('"likelihood": 4', '"likelihood": NaN', 1))
    assert "NaN" in json.dumps(damaged)
    assert rm._restore("m3.risicomatrix", damaged) is not None
    fig, lines = rm.class_picture("m3.risicomatrix", {"a": damaged, "b": answer})
    assert fig is not None and lines != rm.class_picture("m3.risicomatrix", {"b": answer})[1]  # both counted
