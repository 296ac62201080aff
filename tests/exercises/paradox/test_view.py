"""E1.3 Toezichtsparadox, the view (headless) and its figure."""

import json
import xml.etree.ElementTree as ET

import pytest

import lst_kit
from lst_kit.exercises.paradox.figures import plot_paradox
from lst_kit.exercises.paradox.model import simulate
from lst_kit.figures import svgplot
from lst_kit.figures.style import PALETTE
from lst_kit.i18n import t
from lst_kit.workbook import open_workbook

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_paradox_slider_and_button(wb):
    view = lst_kit.paradox_model("m1.paradox", workbook=wb)
    view.controls["a"].value = 0.5
    before = view.figure.value
    view.redraw_button.click()
    saved = on_disk(wb)["m1.paradox"]
    assert saved["parameters"]["a"] == 0.5 and saved["draw"] == 1
    assert view.figure.value != before
    assert "Illustratief" in view.label.value
    assert "200" in view.figure.value  # the caption names the number of runs
    restored = lst_kit.paradox_model("m1.paradox", workbook=wb)
    assert restored.controls["a"].value == 0.5 and restored.model.draw == 1
    assert restored.figure.value == view.figure.value  # the same draw: the same picture


def test_horizon_slider_saves_a_whole_number(wb):
    view = lst_kit.paradox_model("m1.paradox", workbook=wb)
    view.controls["horizon"].value = 25
    saved = on_disk(wb)["m1.paradox"]["parameters"]["horizon"]
    assert saved == 25 and isinstance(saved, int)


def test_unexpected_handler_error_is_a_dutch_banner(wb, monkeypatch):
    view = lst_kit.paradox_model("m1.paradox", workbook=wb)

    def boom(*a, **k):
        raise ZeroDivisionError("deling door nul")

    monkeypatch.setattr(view.model, "simulate", boom)
    view.controls["d"].value = 0.9
    assert "Er ging iets mis" in view.banner.message and "ZeroDivisionError" in view.banner.message
    assert on_disk(wb)["m1.paradox"]["parameters"]["d"] == 0.9  # the answer itself was saved


def test_paradox_plot_shows_band_median_example_run_and_its_incidents():
    params = {"p0": 0.25, "e": 0.7, "a": 0.3, "d": 0.85, "s0": 0.5, "horizon": 30}
    sim = simulate(params, runs=50, seed=4)
    example = sim.intensity[0]
    hits = [step + 1 for step, hit in enumerate(sim.incidents[0]) if hit]
    assert 0 < len(hits) < 30
    fig = plot_paradox(sim)
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    for key in ("plot_title", "axis_time", "axis_intensity", "band", "median", "example", "incident"):
        assert t(f"paradox.{key}") in texts

    def points(el):
        return [tuple(map(float, xy.split(","))) for xy in el.get("points").split()]

    drawn = points(next(el for el in root.iter(SVG + "polyline") if el.get("stroke") == PALETTE[1].lower()
                        and len(points(el)) > 2))
    median = next(el for el in root.iter(SVG + "polyline") if el.get("stroke") == PALETTE[0].lower()
                  and len(points(el)) > 2)
    assert len(drawn) == 31 and median.get("stroke-dasharray")  # the median dashed, the example solid
    xs, ys = [x for x, _ in drawn], [y for _, y in drawn]
    step = (xs[-1] - xs[0]) / 30
    assert [b - a for a, b in zip(xs, xs[1:])] == pytest.approx([step] * 30, abs=0.02)  # one period apart
    i, j = example.index(min(example)), example.index(max(example))  # pixels per unit of S from two points
    scale = (ys[i] - ys[j]) / (example[j] - example[i])
    assert ys == pytest.approx([ys[i] - scale * (s - example[i]) for s in example], abs=0.02)
    columns = [sorted(run[k] for run in sim.intensity) for k in range(31)]
    mid = [(c[24] + c[25]) / 2 for c in columns]  # the median of 50 runs, by hand
    assert [y for _, y in points(median)] == pytest.approx([ys[i] - scale * (m - example[i]) for m in mid], abs=0.02)
    band = next(el for el in root.iter(SVG + "polygon") if el.get("fill") == PALETTE[4].lower())
    assert len(points(band)) == 2 * 31 and band.get("fill-opacity") == "0.35"
    triangles = [points(el) for el in root.iter(SVG + "polygon") if el.get("fill") == PALETTE[5].lower()]
    assert len(triangles) == len(hits) + 1  # one per incident of the example run, and the legend's key
    top = ys[i] - scale * (1.04 - example[i])  # the incidents' row, just above S = 1
    centres = sorted(((a[0] + b[0]) / 2, a[1] + (b[0] - a[0]) / 2) for a, b, _ in triangles)  # 'v': two top corners
    in_plot = [c for c in centres if c[1] < max(ys)]  # the legend's key lies below the plot
    assert [x for x, _ in in_plot] == pytest.approx([xs[0] + step * h for h in hits], abs=0.02)
    assert [y for _, y in in_plot] == pytest.approx([top] * len(hits), abs=0.02)
    assert fig.to_svg() == plot_paradox(sim).to_svg()
