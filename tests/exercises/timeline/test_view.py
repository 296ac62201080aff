"""E1.1 Timeline tagger, the view (headless) and the participant's figure."""

import json
import xml.etree.ElementTree as ET

import pytest
import yaml

import lst_kit
from lst_kit.content import load_spec
from lst_kit.exercises.timeline.model import TimelineTags
from lst_kit.figures import svgplot
from lst_kit.figures.style import PALETTE
from lst_kit.widgets import ErrorBanner
from lst_kit.workbook import open_workbook

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


@pytest.fixture
def timeline():
    return load_spec("m1.tijdlijn")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_timeline_tag_saves_and_redraws(wb):
    view = lst_kit.timeline_tagger("m1.tijdlijn", workbook=wb)
    first_png = view.figure.value
    event = view.spec.events[0]
    view.dropdowns[event.key].value = "lastenverlichting"
    assert on_disk(wb)["m1.tijdlijn"] == {"tags": {event.key: "lastenverlichting"}}
    assert view.figure.draws == 2 and view.figure.value != first_png
    assert 'alt="' in view.figure.value and "1 van" in view.figure.value  # caption reads the plot
    view.compare.value = True
    assert "lezing van het cursusteam" in view.comparison.value
    assert "Bij 0 van de 1 gelabelde" in view.comparison.value  # the first event has another reading
    view.dropdowns[event.key].value = ""
    assert on_disk(wb)["m1.tijdlijn"] == {"tags": {}}
    view.compare.value = False
    assert view.comparison.value == ""


def test_a_saved_answer_sets_the_dropdowns(wb):
    wb.save_answer("m1.tijdlijn", {"tags": {"kvt1": "naleving", "verdwenen": "effect"}})
    view = lst_kit.timeline_tagger("m1.tijdlijn", workbook=wb)
    assert view.dropdowns["kvt1"].value == "naleving" and view.dropdowns["kvt2"].value == ""


def test_broken_content_file_gives_a_banner_naming_file_and_field(tmp_path, data):
    path = data / "exercises" / "m1" / "tijdlijn.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["events"][1]["year"] = "tweeduizend"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    widget = lst_kit.timeline_tagger("m1.tijdlijn", workbook=open_workbook("anna", tmp_path / "wb"))
    assert isinstance(widget, ErrorBanner)
    assert "tijdlijn.yaml" in widget.message and "events[1].year" in widget.message and "'tweeduizend'" in widget.message


def test_timeline_plot_stacks_tags_per_period_and_draws_the_drift(timeline):
    from lst_kit.exercises.timeline.figures import UNTAGGED_COLOUR, plot_timeline

    model = TimelineTags(timeline)
    periods = [p.label for p in timeline.periods]
    in_first = [e for e in timeline.events if timeline.period_of(e.year).label == periods[0]]
    model.tag(in_first[0].key, timeline.logics[0].key)
    fig = plot_timeline(model)
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    assert {"Dominante logica per periode", "aantal gebeurtenissen", "Verschuiving van de logica's",
            "aandeel van de gelabelde gebeurtenissen (%)", "nog niet gelabeld"} <= set(texts)
    assert all(p in texts for p in periods) and all(lg.label in texts for lg in timeline.logics)

    def bars(colour):  # the bars in the plot (the legend's keys are 16 px wide; empty bars left out), left to right
        rects = [r for r in root.iter(SVG + "rect") if r.get("fill") == colour.lower() and float(r.get("width")) > 16
                 and float(r.get("height")) > 0]
        return sorted(rects, key=lambda r: float(r.get("x")))

    tagged, untagged = bars(PALETTE[0]), bars(UNTAGGED_COLOUR)
    assert len(tagged) == 1 and len(untagged) == len(periods)  # one tagged event; every period has untagged ones
    unit = float(tagged[0].get("height"))
    n = {p: sum(1 for e in timeline.events if timeline.period_of(e.year).label == p) for p in periods}
    assert [float(r.get("height")) for r in untagged] == pytest.approx(
        [unit * (n[p] - (p == periods[0])) for p in periods], abs=0.05)
    assert float(tagged[0].get("x")) == pytest.approx(float(untagged[0].get("x")))  # in the first period
    assert float(untagged[0].get("y")) + float(untagged[0].get("height")) == pytest.approx(float(tagged[0].get("y")))
    assert any(r.get("fill", "").startswith("url(#") for r in root.iter(SVG + "rect"))  # untagged bars hatched
    drift = [el for el in root.iter(SVG + "polyline") if el.get("stroke") == PALETTE[0].lower()]
    ys = [float(xy.split(",")[1]) for xy in drift[0].get("points").split()]
    assert len(drift) == 1 and len(ys) == len(periods)
    assert ys[0] < min(ys[1:]) and len(set(ys[1:])) == 1  # 100 % in the first period, 0 % after
    assert fig.to_svg() == plot_timeline(model).to_svg()

