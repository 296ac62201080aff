"""The Sparrow canvas's readings for the portfolio, the learning plan, the
class overview and the demo class: called with the spec, on answers that may
be odd; demo answers from a random.Random."""

import random
import subprocess
import sys

import pytest
from _svg import SVG, filled, svg_picture

from lst_kit.content import case_ids, load_case, load_spec
from lst_kit.exercises.sparrow_canvas.model import Canvas
from lst_kit.exercises.sparrow_canvas.readings import TYPE
from lst_kit.figures.style import PALETTE
from lst_kit.registry import exercise_type

PRECISE = "Te warm bewaarde koude thuismaaltijden van thuiskoks in Midden-Delta die via apps worden bezorgd"
NO_PROBLEM = "Nog geen probleem gedefinieerd in Sparrows protocol."


@pytest.fixture
def spec():
    return load_spec("m2.sparrow")


def test_the_registry_finds_this_type_and_its_readings():
    assert exercise_type("sparrow_canvas") is TYPE
    assert [r for r in ("summarize", "plot_answer", "class_picture", "demo_answer") if TYPE.has(r)] == [
        "summarize", "class_picture", "demo_answer"]  # no picture of one canvas: its output is the charter


def test_summarize_puts_the_defined_problem_first(spec):
    canvas = Canvas(spec)
    canvas.set_text("nomineren", "kandidaat", "allergenen")
    canvas.set_text("definieren", "definitie", PRECISE)
    canvas.set_scale("middel")
    canvas.set_dimension("tijd", True)
    canvas.set_text("meten", "indicatoren", "aantal inspecties")
    canvas.set_text("oplossen", "aanpak", "Koelboxen\nverplicht")
    lines = TYPE.summarize(spec, canvas.to_dict())
    assert lines[0] == f"Mijn belangrijke probleem: {PRECISE}"
    assert "Schaal: Middel." in lines and any("Al je indicatoren" in line for line in lines)
    assert any(line.endswith("Koelboxen verplicht") for line in lines)  # the approach on one line
    assert all("<" not in line for line in lines)
    only_nominated = {"texts": {"nomineren": {"kandidaat": "Klachten\nover allergenen"}}}
    assert TYPE.summarize(spec, only_nominated)[0] == "Mijn belangrijke probleem: Klachten over allergenen"
    only_approach = {"texts": {"oplossen": {"aanpak": "Koelboxen verplicht stellen"}}}
    assert TYPE.summarize(spec, only_approach)[0] == NO_PROBLEM


@pytest.mark.parametrize("odd", [None, 5, "x", {"texts": []}, {"texts": {"definieren": None}}])
def test_odd_answers_read_as_an_empty_canvas(spec, odd):
    assert TYPE.summarize(spec, odd) == [NO_PROBLEM]


def test_class_picture_counts_scales_and_output_only(spec):
    answers = {}
    for name, scale, indicators in (("a", "middel", "aantal inspecties"), ("b", "macro", "aantal zieken"),
                                    ("c", "middel", "")):
        m = Canvas(spec)
        m.set_scale(scale)
        m.set_text("definieren", "definitie", PRECISE)
        m.set_text("meten", "indicatoren", indicators)
        answers[name] = m.to_dict()
    answers["d"] = "kapot"
    fig, lines = TYPE.class_picture(spec, answers)
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
    assert TYPE.class_picture(spec, {}) == (None, ["Nog geen antwoorden van de groep."])
    assert TYPE.class_picture(spec, {"a": None, "b": "x"}) == (None, ["Nog geen antwoorden van de groep."])


# -- demo answers -------------------------------------------------------------------------------

def many(spec, n=30):
    return [TYPE.demo_answer(spec, random.Random(f"11/{i}")) for i in range(n)]


def test_demo_answers_are_seeded_and_what_the_model_saves(spec):
    assert TYPE.demo_answer(spec, random.Random("7/1")) == TYPE.demo_answer(spec, random.Random("7/1"))
    for answer in many(spec, 10):
        assert Canvas.from_dict(spec, answer, case_ids()).to_dict() == answer


def test_demo_texts_belong_to_the_case_and_vary(spec):
    answers = many(spec)
    assert len({a["case"] for a in answers}) >= 3
    assert len({a["texts"].get("definieren", {}).get("definitie") for a in answers}) >= 5
    assert len({a["scale"] for a in answers}) >= 2
    recommended = next(s.key for s in spec.scales if s.recommended)
    assert max({s: sum(a["scale"] == s for a in answers) for s in {a["scale"] for a in answers}}.items(),
               key=lambda kv: kv[1])[0] == recommended
    nvwa = [a for a in answers if a["case"] == "nvwa_maaltijdplatforms" and "nomineren" in a["texts"]]
    assert nvwa and all("thuiskok" in a["texts"]["nomineren"]["kandidaat"].lower()
                        or "apps" in a["texts"]["nomineren"]["kandidaat"] for a in nvwa)
    for a in answers:
        assert set(a["dimensions"]) <= {d.key for d in spec.dimensions}
        assert all(len(text) < 500 for row in a["texts"].values() for text in row.values())


def test_a_new_case_gets_a_story_from_its_own_case_file(data):
    import yaml

    source = yaml.safe_load((data / "cases" / "ilt_ontgassen_binnenvaart.yaml").read_text("utf-8"))
    source["case_id"] = "nieuwe_casus"
    (data / "cases" / "nieuwe_casus.yaml").write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
    spec = load_spec("m2.sparrow")
    observations = {s.observation for s in load_case("nieuwe_casus").signals}
    answers = [a for a in (TYPE.demo_answer(spec, random.Random(f"9/{i}")) for i in range(100))
               if a["case"] == "nieuwe_casus"]
    assert answers
    for answer in answers:
        kandidaat = answer["texts"].get("nomineren", {}).get("kandidaat")
        assert kandidaat in observations or not kandidaat


def test_a_broken_case_file_gives_demo_answers_without_a_case(data):
    spec = load_spec("m2.sparrow")
    for case_id in case_ids():
        (data / "cases" / f"{case_id}.yaml").write_text("case_id: [kapot", encoding="utf-8")
    answers = many(spec, 5)
    assert all(a["case"] is None for a in answers)


@pytest.mark.slow
def test_class_picture_is_drawn_without_matplotlib_or_numpy():
    code = ("import random, sys; from lst_kit.reports import readings; "
            "answers = {f'p{i}': readings.demo_answer('m2.sparrow', random.Random(i)) for i in range(6)}; "
            "fig, lines = readings.class_picture('m2.sparrow', answers); "
            "print(type(fig).__module__, fig.to_svg()[:4] == b'<svg', 'matplotlib' in sys.modules, "
            "'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["lst_kit.figures.svgplot", "True", "False", "False"]
