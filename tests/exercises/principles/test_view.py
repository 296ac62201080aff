"""E1.2 Principles radar, the view (headless) and the participant's radar."""

import json
import xml.etree.ElementTree as ET

import pytest

import lst_kit
from lst_kit.content import load_spec
from lst_kit.exercises.principles.model import PrincipleScores
from lst_kit.figures import svgplot
from lst_kit.figures.style import PALETTE
from lst_kit.workbook import open_workbook

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_principles_slider_saves_and_updates_table(wb):
    view = lst_kit.principles_radar("m1.principes", workbook=wb)
    then, now = (m.key for m in view.spec.moments)
    key = view.spec.principles[3].key
    assert view.sliders[(then, key)].value == 3  # mid-scale before anything is saved
    view.sliders[(then, key)].value = 1
    view.sliders[(now, key)].value = 5
    saved = on_disk(wb)["m1.principes"]["scores"]
    assert saved[then][key] == 1 and saved[now][key] == 5
    assert "<b>+4</b>" in view.table.value
    assert view.figure.draws == 3
    again = lst_kit.principles_radar("m1.principes", workbook=wb)
    assert again.sliders[(now, key)].value == 5


def test_principles_radar_draws_each_moment_at_its_scores_and_tells_them_apart_without_colour():
    import math

    from lst_kit.exercises.principles.figures import plot_radar
    from lst_kit.figures.style import wrap_label

    spec = load_spec("m1.principes")
    model = PrincipleScores(spec)
    then, now = spec.moments
    for i, p in enumerate(spec.principles):
        model.set(then.key, p.key, spec.scale.min + i % 5)
        model.set(now.key, p.key, spec.scale.max - i % 3)
    fig = plot_radar(model)
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    assert {"Principes van goed toezicht: toen en nu", then.label, now.label} <= set(texts)
    assert all(wrap_label(p.label, 14).replace("\n", "") in texts for p in spec.principles)
    spokes = [el for el in root.iter(SVG + "line") if el.get("stroke") == "#d0d0d0"]
    assert len(spokes) == len(spec.principles)
    cx, cy = float(spokes[0].get("x1")), float(spokes[0].get("y1"))
    full = math.hypot(float(spokes[0].get("x2")) - cx, float(spokes[0].get("y2")) - cy)  # the scale's maximum
    lo, hi = spec.scale.min - 0.5, spec.scale.max
    lines = {}
    for i, moment in enumerate(spec.moments):
        line = next(el for el in root.iter(SVG + "polyline") if el.get("stroke") == PALETTE[i].lower())
        pts = [tuple(map(float, xy.split(","))) for xy in line.get("points").split()]
        assert len(pts) == len(spec.principles) + 1 and pts[0] == pts[-1]  # a closed loop
        radii = [math.hypot(x - cx, y - cy) for x, y in pts[:-1]]
        expected = [full * (model.score(moment.key, p.key) - lo) / (hi - lo) for p in spec.principles]
        assert radii == pytest.approx(expected, abs=0.05)
        lines[moment.key] = line
    first, second = (tuple(map(float, xy.split(","))) for xy in lines[then.key].get("points").split()[:2])
    assert first[0] == pytest.approx(cx) and first[1] < cy and second[0] > cx  # first principle on top, clockwise
    assert lines[then.key].get("stroke-dasharray") is None and lines[now.key].get("stroke-dasharray")
    assert sum(1 for c in root.iter(SVG + "circle") if c.get("fill") == PALETTE[0].lower()) == len(spec.principles) + 2
    assert sum(1 for r in root.iter(SVG + "rect") if r.get("fill") == PALETTE[1].lower()) == len(spec.principles) + 2
    assert fig.to_svg() == plot_radar(model).to_svg()

