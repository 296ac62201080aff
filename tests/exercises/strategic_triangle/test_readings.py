"""The strategic triangle's readings for the portfolio, the class overview
and the demo class: called with the spec, on answers that may be odd or made
on a case that no longer exists; demo answers from a random.Random."""

import random
import subprocess
import sys

import pytest
from _svg import SVG, filled, svg_picture

from lst_kit.content import case_ids, load_case, load_spec
from lst_kit.exercises.strategic_triangle.model import CORNERS, Triangle
from lst_kit.exercises.strategic_triangle.readings import TYPE
from lst_kit.figures import svgplot
from lst_kit.figures.style import PALETTE
from lst_kit.registry import exercise_type


@pytest.fixture
def spec():
    return load_spec("m2.driehoek")


@pytest.fixture
def cases():
    return {case_id: load_case(case_id) for case_id in case_ids()}


def test_the_registry_finds_this_type_and_its_readings():
    assert exercise_type("strategic_triangle") is TYPE
    assert all(TYPE.has(r) for r in ("summarize", "plot_answer", "class_picture", "demo_answer"))


def test_summary_plot_and_class_picture(spec, cases):
    a = Triangle.from_dict(spec, None, cases)
    a.set_score("i1", "legitimacy", 1)
    b = Triangle.from_dict(spec, None, cases)
    lines = TYPE.summarize(spec, a.to_dict())
    assert lines[0] == "Casus NVWA · Maaltijd aan huis: 3 opties vergeleken."
    assert lines[1].startswith("EAST-informatie") and "fit 4,22" in lines[1]
    # 3 * 1 * 1 = 3, and 3 ** (1/3) = 1.44
    assert "Inspectie van individuele keukens: waarde 3, steun 1, capaciteit 1; fit 1,44" in lines[3]
    assert isinstance(TYPE.plot_answer(spec, a.to_dict()), svgplot.Figure)
    answers = {"anna": a.to_dict(), "bert": b.to_dict(), "carla": {"case": "x"}, "dirk": None}
    fig, lines = TYPE.class_picture(spec, answers)
    root, texts = svg_picture(fig)
    assert {"Scores van de groep per optie", *(c.label for c in spec.corners)} <= set(texts)  # title, legend
    assert [len(filled(root, PALETTE[j])) for j in range(3)] == [3, 3, 3]  # three options, a bar per corner
    assert len(root.findall(f".//{SVG}pattern")) == 2  # two corners hatched, so they differ without colour
    assert lines[0] == "Casus NVWA · Maaltijd aan huis: 2 van de 2 deelnemers."
    # fits 1.44 (3*1*1) and 2.29 (3*4*1): mean 1.87
    assert any(x.startswith("Inspectie van individuele keukens (2×): gemiddelde fit 1,87 (van 1,44 tot 2,29)")
               for x in lines)


def test_the_class_picture_is_of_the_case_most_participants_worked_on(spec, cases):
    nvwa = Triangle.from_dict(spec, None, cases).to_dict()
    ilt = Triangle.from_dict(spec, {"case": "ilt_ontgassen_binnenvaart"}, cases).to_dict()
    fig, lines = TYPE.class_picture(spec, {"a": nvwa, "b": ilt, "c": ilt})
    assert lines[0] == f"Casus {cases['ilt_ontgassen_binnenvaart'].label}: 2 van de 3 deelnemers."


@pytest.mark.parametrize("odd", [None, "x", {"cases": 3}, {"case": ["l"]},
                                 {"case": "a", "cases": {"a": {"selected": ["i1"], "scores": {"i1": {}}}}}])
def test_an_odd_answer_or_one_on_an_unknown_case_is_left_out(spec, odd):
    assert TYPE.summarize(spec, odd) == []
    assert TYPE.plot_answer(spec, odd) is None
    assert TYPE.class_picture(spec, {"p": odd}) == (None, ["Nog geen antwoorden van de groep."])


def test_an_answer_on_a_damaged_case_is_left_out_and_the_others_still_count(spec, cases, data):
    good = Triangle.from_dict(spec, None, cases).to_dict()
    on_igj = Triangle.from_dict(spec, {"case": "igj_cosmetische_injectables"}, cases).to_dict()
    (data / "cases" / "igj_cosmetische_injectables.yaml").write_text("case_id: [kapot", encoding="utf-8")
    assert TYPE.summarize(spec, on_igj) == []
    fig, lines = TYPE.class_picture(spec, {"a": good, "b": on_igj})
    assert isinstance(fig, svgplot.Figure) and lines[0].endswith("1 van de 1 deelnemers.")


def test_a_spec_whose_default_case_is_gone_is_refused_by_name(data):
    from _content import assert_broken_spec_is_named

    (data / "cases" / "nvwa_maaltijdplatforms.yaml").unlink()
    assert_broken_spec_is_named(data, "m2/driehoek.yaml", lambda d: None, "default_case",
                                "'nvwa_maaltijdplatforms'")


# -- demo answers -------------------------------------------------------------------------------

def many(spec, n=30):
    return [TYPE.demo_answer(spec, random.Random(f"11/{i}")) for i in range(n)]


def test_demo_answers_are_seeded_and_what_the_model_saves(spec, cases):
    assert TYPE.demo_answer(spec, random.Random("7/1")) == TYPE.demo_answer(spec, random.Random("7/1"))
    for answer in many(spec, 10):
        assert Triangle.from_dict(spec, answer, cases).to_dict() == answer


def test_demo_scores_stay_within_one_point_of_the_case(spec):
    answers = many(spec)
    moved = 0
    for a in answers:
        entry = a["cases"][a["case"]]
        assert spec.min_options <= len(entry["selected"]) <= spec.max_options
        start = {i.id: i for i in load_case(a["case"]).interventions}
        for option_id, row in entry["scores"].items():
            for corner in CORNERS:
                assert abs(row[corner] - getattr(start[option_id], corner)) <= 1
                moved += row[corner] != getattr(start[option_id], corner)
    assert moved > 0
    assert len({a["case"] for a in answers}) >= 2


@pytest.mark.slow
def test_class_picture_is_drawn_without_matplotlib_or_numpy():
    code = ("import random, sys; from lst_kit.reports import readings; "
            "answers = {f'p{i}': readings.demo_answer('m2.driehoek', random.Random(i)) for i in range(6)}; "
            "fig, lines = readings.class_picture('m2.driehoek', answers); "
            "print(type(fig).__module__, fig.to_svg()[:4] == b'<svg', 'matplotlib' in sys.modules, "
            "'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["lst_kit.figures.svgplot", "True", "False", "False"]


def test_portfolio_keeps_every_changed_case(tmp_path):
    """Scores set in one case stay in the portfolio after the participant
    moved on to another case; a case only looked at is left out."""
    import json as _json

    import lst_kit
    from lst_kit.content import load_case
    from lst_kit.reports import readings as _readings
    from lst_kit.workbook import open_workbook

    wb = open_workbook("anna", tmp_path / "wb")
    view = lst_kit.strategic_triangle("m2.driehoek", workbook=wb)
    view.sliders[("i2", "legitimacy")].value = 1
    view.case.value = "ilt_ontgassen_binnenvaart"
    first_option = next(iter(view.sliders))
    view.sliders[(first_option[0], "value")].value = 5 if view.sliders[(first_option[0], "value")].value != 5 else 4
    view.case.value = "kinderopvang_bso_personeelstekort"  # only looked at
    answer = _json.loads(wb.path.read_text(encoding="utf-8"))["answers"]["m2.driehoek"]
    text = "\n".join(_readings.summarize("m2.driehoek", answer))
    assert load_case("nvwa_maaltijdplatforms").label in text
    assert load_case("ilt_ontgassen_binnenvaart").label in text
    assert load_case("kinderopvang_bso_personeelstekort").label not in text
    fig = _readings.plot_answer("m2.driehoek", answer)
    assert fig is not None and len(fig.axes) == 2
