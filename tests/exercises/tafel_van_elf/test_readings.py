"""What the portfolio and the class overview read from a Tafel van Elf
answer, the pictures, and the demo answers."""

import json
import math
import random
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from _svg import SVG, svg_picture

from lst_kit import registry
from lst_kit.content import T11_KEYS, load_case, load_cases, load_spec, load_t11
from lst_kit.exercises.tafel_van_elf import figures, load_mapping, model as tve
from lst_kit.exercises.tafel_van_elf.readings import TYPE
from lst_kit.figures import svgplot
from lst_kit.figures.style import PALETTE
from lst_kit.i18n import t
from lst_kit.reports import readings as hooks


@pytest.fixture
def t11():
    return load_spec("m4.tafel_van_elf"), load_t11(), load_mapping()


def _in_plot(root):
    """The SVG elements inside the plot areas (legend keys and labels are outside)."""
    return [el for group in root.iter(SVG + "g") for el in group.iter() if el is not group]


def _points(el) -> list[tuple[float, float]]:
    return [tuple(map(float, xy.split(","))) for xy in el.get("points").split()]


def test_radar_shows_each_profile_at_its_scores_with_the_start_dotted_and_the_groups_named(t11):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    start = model.case_profile()
    model.set_score("schippers", "T1", 1)
    model.set_score("schippers", "T5", 5)
    fig = figures.plot_radar(ref, figures.shown_profiles(model), start)
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    spoke = next(el for el in root.iter(SVG + "line") if el.get("stroke") == "#d0d0d0")
    cx, cy = float(spoke.get("x1")), float(spoke.get("y1"))
    lines = [el for el in root.iter(SVG + "polyline") if len(_points(el)) == 12]   # closed: 11 dimensions + 1

    def by_colour(colour):
        return next(el for el in lines if el.get("stroke") == colour.lower())

    focus, compare, dotted = by_colour(PALETTE[0]), by_colour(PALETTE[1]), by_colour("#555555")
    for el, scores in ((focus, model.profile("schippers")), (compare, model.profile("verladers")), (dotted, start)):
        pts = _points(el)
        assert pts[0] == pts[-1]
        radii = [math.hypot(x - cx, y - cy) for x, y in pts[:-1]]
        unit = radii[0] / scores["T1"]
        assert radii == pytest.approx([unit * scores[k] for k in T11_KEYS], abs=0.05)
    first, second = _points(focus)[:2]
    assert first[0] == pytest.approx(cx) and first[1] < cy and second[0] > cx   # T1 on top, clockwise
    # without colour: solid + circles, dashed + squares, the start dotted
    assert focus.get("stroke-dasharray") is None and compare.get("stroke-dasharray") and dotted.get("stroke-dasharray")
    assert sum(1 for c in root.iter(SVG + "circle") if c.get("fill") == PALETTE[0].lower()) >= 11
    assert sum(1 for r in root.iter(SVG + "rect") if r.get("fill") == PALETTE[1].lower()) >= 11
    # three shaded group sectors, named in italics; title and legend
    wedges = [el for el in root.iter(SVG + "polygon") if el.get("fill") in ("#f2f2f2", "#ffffff", "#e6e6e6")]
    assert len(wedges) == 3
    italic = ["".join(el.itertext()) for el in root.iter(SVG + "text") if el.get("font-style") == "italic"]
    assert italic == [g.label for g in ref.groups]
    assert "Nalevingsprofiel (Tafel van Elf)" in texts
    for label in ("Startscores uit de casus", model.group("schippers").name, model.group("verladers").name):
        assert label in texts
    # without a start line: no dotted line and no legend entry for it
    plain = ET.fromstring(figures.plot_radar(ref, figures.shown_profiles(model)[:1]).to_svg())
    assert "Startscores uit de casus" not in ["".join(el.itertext()) for el in plain.iter(SVG + "text")]
    assert not [el for el in plain.iter(SVG + "polyline") if el.get("stroke") == "#555555"]


def test_deterrence_plot_shows_gain_line_current_point_and_break_even(t11):
    calc = tve.Deterrence(gain=4000, detection=0.02, sanction=0.5, fine=20000)
    root = ET.fromstring(figures.plot_deterrence(calc).to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    assert "Verwachte sanctie tegenover het voordeel (illustratief)" in texts
    for label in ("verwachte sanctie", "voordeel van overtreden", "huidige ontdekkingskans", "omslagpunt (40%)",
                  "ontdekkingskans", "euro per overtreding", "0%", "100%", "€\u00a00", "€\u00a010.000"):
        assert label in texts
    assert "zonder meldingen" not in texts   # no reports used
    curve = next(el for el in root.iter(SVG + "polyline") if el.get("stroke") == PALETTE[0].lower()
                 and len(_points(el)) == 101)
    ys = [y for _, y in _points(curve)]
    assert ys[0] > ys[-1]   # the expected sanction rises with the detection chance
    gain = next(el for el in root.iter(SVG + "polyline") if el.get("stroke") == PALETTE[5].lower()
                and len(_points(el)) == 2 and _points(el)[1][0] - _points(el)[0][0] > 100)   # not its legend key
    # gain 4000 against 10000 at certain detection: the gain line lies at 40% of the curve's rise
    y_gain = _points(gain)[0][1]
    assert (ys[0] - y_gain) / (ys[0] - ys[-1]) == pytest.approx(0.4, abs=0.01)
    unreachable = tve.Deterrence(gain=40000, detection=0.02, sanction=0.5, fine=20000)
    texts = ["".join(el.itertext()) for el in ET.fromstring(figures.plot_deterrence(unreachable).to_svg()).iter(SVG + "text")]
    assert not any(x.startswith("omslagpunt") for x in texts)


def test_t11_hooks_describe_the_answer(t11):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    model.set_score("schippers", "T7", 5)
    lines = TYPE.summarize(spec, model.to_dict())
    assert lines[0] == "Casus: ILT · Ontgassen in de binnenvaart."
    assert any("Zwakste dimensies: T2 Kosten/baten (1)" in line for line in lines)
    assert any("€\u00a0200" in line for line in lines)
    assert TYPE.plot_answer(spec, model.to_dict()) is not None
    other = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    other.set_score("schippers", "T7", 1)
    fig, lines = TYPE.class_picture(spec, {"p1": model.to_dict(), "p2": other.to_dict()})
    assert fig is not None and "2 deelnemers" in lines[0]
    assert any("meeste spreiding bij T7 Controlekans" in line for line in lines)
    root, texts = svg_picture(fig)
    groups = [g for g in load_case(spec.default_case).target_groups if g.id in model.to_dict()["scores"][
        spec.default_case]]
    assert {"Scores van de groep: gemiddelde en spreiding (kleinste tot grootste)", *T11_KEYS,
            *(g.name for g in groups)} <= set(texts)  # title, a tick per dimension, a legend entry per group
    row = [g.id for g in groups].index("schippers")
    colour = PALETTE[row].lower()
    marks = [el for el in _in_plot(root) if el.get("fill") == colour and el.tag in (SVG + "circle", SVG + "rect")]
    assert len(marks) == len(T11_KEYS)  # the group's mean on every dimension
    whiskers = [el for el in _in_plot(root) if el.tag == SVG + "line" and el.get("stroke") == colour
                and el.get("x1") == el.get("x2") and el.get("y1") != el.get("y2")]
    assert len(whiskers) == 1  # the two profiles differ only on T7 (5 and 1)


ODD_ANSWERS = [None, 3, "tekst", [], {}, {"cells": "kapot"}, {"scores": {"x": 1}}, {"mix": {"C": "nee"}},
               {"case": ["lijst"], "focus": {"x": 1}, "deterrence": {"ilt_ontgassen_binnenvaart": "veel"}}]


def test_readings_read_odd_answers_as_the_default_case():
    spec = load_spec("m4.tafel_van_elf")
    for answer in ODD_ANSWERS:
        lines = TYPE.summarize(spec, answer)
        assert lines[0] == "Casus: ILT · Ontgassen in de binnenvaart." and all("<" not in x for x in lines)
        assert TYPE.plot_answer(spec, answer) is not None
    assert TYPE.class_picture(spec, {"a": None, "b": "x"}) == (None, [t("tafel_van_elf.class_none")])


def test_class_picture_counts_only_the_scores_participants_set():
    """A participant who kept the case's scores adds nothing to the spread."""
    spec = load_spec("m4.tafel_van_elf")
    answers = {"p": {"case": spec.default_case, "scores": {spec.default_case: {"schippers": {"T1": 1}}}},
               "q": {"case": spec.default_case, "scores": {spec.default_case: {"schippers": {"T1": 5, "T2": 5}}}},
               "r": {"case": "nvwa_maaltijdplatforms"}}
    fig, lines = TYPE.class_picture(spec, answers)
    assert lines[0] == "Casus ILT · Ontgassen in de binnenvaart: 2 deelnemers kozen deze casus."
    # schippers: T1 from two participants (1 and 5: mean 3), T2 from one (5); the other dimensions from nobody
    assert lines[1].startswith("Scheepsexploitanten en schippers (2 profielen): gemiddeld zwakst T1 Kennis van regels (3,0)")
    assert lines[1].endswith("de meeste spreiding bij T1 Kennis van regels.") and len(lines) == 2
    assert isinstance(fig, svgplot.Figure)


@pytest.mark.slow
def test_class_picture_is_drawn_without_matplotlib():
    """The class overview draws this picture as SVG; neither the package nor the drawing imports matplotlib."""
    code = ("import sys, random; from lst_kit.reports import readings as hooks; "
            "answers = {f'p{i}': hooks.demo_answer('m4.tafel_van_elf', random.Random(i)) for i in range(6)}; "
            "fig, lines = hooks.class_picture('m4.tafel_van_elf', answers); "
            "print(type(fig).__module__, fig.to_svg()[:4] == b'<svg', 'matplotlib' in sys.modules, "
            "'ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["lst_kit.figures.svgplot", "True", "False", "False"]


def test_demo_answers_are_seeded_varied_and_valid(t11):
    spec, ref, mapping = t11
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first is not registry.SKIP and first == TYPE.demo_answer(spec, random.Random("7/1"))
    others = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(2, 8)]
    assert any(o != first for o in others)
    case = load_case(spec.default_case)
    for answer in [first, *others]:
        assert json.loads(json.dumps(answer)) == answer
        restored = tve.T11Profile.from_dict(spec, ref, mapping, answer, load_cases()[0])
        assert restored.to_dict() == answer   # the model accepts it unchanged
        assert answer["case"] == spec.default_case
        for group in case.target_groups:
            for dim, score in answer["scores"][spec.default_case][group.id].items():
                assert 1 <= score <= 5 and abs(score - group.t11[dim].score) <= 4
        assert 0 <= answer["deterrence"][spec.default_case]["detection"] <= 1
        assert hooks.summarize("m4.tafel_van_elf", answer) == TYPE.summarize(spec, answer)
    fig, lines = TYPE.class_picture(spec, {f"D{i}": a for i, a in enumerate([first, *others])})
    assert "7 deelnemers" in lines[0] and isinstance(fig, svgplot.Figure)


def test_portfolio_keeps_every_changed_case(tmp_path):
    """Scores changed in one case stay in the portfolio after the participant
    moved on to another case (the summary and the picture cover both)."""
    import lst_kit
    from lst_kit.workbook import open_workbook

    wb = open_workbook("anna", tmp_path / "wb")
    view = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=wb)
    first = view.model.case.case_id
    view.sliders["T1"].value = 5 if view.sliders["T1"].value != 5 else 4
    view.case_dd.value = "nvwa_maaltijdplatforms"
    view.det_inputs["detection"].value = "0,3"
    view.case_dd.value = "kinderopvang_bso_personeelstekort"  # only looked at
    answer = json.loads(wb.path.read_text(encoding="utf-8"))["answers"]["m4.tafel_van_elf"]
    lines = hooks.summarize("m4.tafel_van_elf", answer)
    text = "\n".join(lines)
    labels = {c: load_case(c).label for c in (first, "nvwa_maaltijdplatforms", "kinderopvang_bso_personeelstekort")}
    assert labels[first] in lines[0] and labels["nvwa_maaltijdplatforms"] in lines[1]
    assert labels["kinderopvang_bso_personeelstekort"] not in text
    nvwa = load_case("nvwa_maaltijdplatforms").deterrence
    expected = round(0.3 * nvwa.sanction * nvwa.fine)  # the NVWA calculator as changed: detection 0,3
    assert f"€\u00a0{expected:,}".replace(",", ".") in text
    fig = hooks.plot_answer("m4.tafel_van_elf", answer)
    root, texts = svg_picture(fig)
    assert labels[first] in texts and labels["nvwa_maaltijdplatforms"] in texts and len(fig.axes) == 2
