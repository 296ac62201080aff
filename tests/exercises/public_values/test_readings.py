"""E5.1 readings: summary, the participant's figure, the class picture and
demo answers, through the contract the reports use."""

import json
import random
import statistics
import subprocess
import sys

import pytest
from _svg import svg_picture

from lst_kit import registry
from lst_kit.content import load_case, load_spec
from lst_kit.exercises.public_values.figures import plot_public_values, two_decimals
from lst_kit.exercises.public_values.model import PublicValuesMap
from lst_kit.exercises.public_values.readings import TYPE, class_divergence, offered_cases
from lst_kit.figures.style import wrap_label
from lst_kit.reports import readings

EXERCISE = "m5.publieke_waarden"


@pytest.fixture
def pv_spec():
    return load_spec(EXERCISE)


@pytest.fixture
def cases():
    return offered_cases()


def _svg(fig):
    """(texts, elements inside the plot area) of an svgplot figure."""
    root, texts = svg_picture(fig)
    return texts, list(root.iterfind(".//s:g/*", {"s": "http://www.w3.org/2000/svg"}))


def test_the_type_is_found_by_its_spec_type_and_has_its_own_readings():
    assert registry.exercise_type("public_values") is TYPE and TYPE.takes_case
    for reading in ("summarize", "plot_answer", "class_picture", "demo_answer"):
        assert TYPE.has(reading)


def test_public_values_summary_and_plot_answer(pv_spec, cases):
    model = PublicValuesMap(pv_spec, cases)
    model.set_weight("consumentenvertrouwen", "thuiskoks", 0)
    model.set_weight("consumentenvertrouwen", "nvwa", 5)
    lines = TYPE.summarize(pv_spec, model.to_dict())
    assert lines[0].startswith("Waar de opvattingen het verst uiteenlopen: 'consumentenvertrouwen'")
    assert "laagste gewicht 0 (Thuiskoks)" in lines[0] and "hoogste 5 (NVWA)" in lines[0]
    assert any(line.startswith("Casus NVWA · Maaltijd aan huis") for line in lines)
    fig = TYPE.plot_answer(pv_spec, model.to_dict())
    assert fig is not None and len(fig.axes) == 2
    for odd in (None, 3, {"cases": 5}, "x"):
        assert TYPE.summarize(pv_spec, odd) == []
        assert TYPE.plot_answer(pv_spec, odd) is None


def test_public_values_class_picture_shows_where_the_class_diverges(pv_spec, cases):
    answers = {}
    for who, (low, high) in {"a": (0, 5), "b": (1, 4), "c": (3, 3)}.items():
        model = PublicValuesMap(pv_spec, cases)
        model.set_weight("eerlijke concurrentie", "thuiskoks", low)
        model.set_weight("eerlijke concurrentie", "horeca_branche", high)
        answers[who] = model.to_dict()
    other = PublicValuesMap(pv_spec, cases)
    other.switch_case("igj_cosmetische_injectables")
    answers["d"] = other.to_dict()
    answers["e"] = "onleesbaar"
    fig, lines = TYPE.class_picture(pv_spec, answers)
    assert fig is not None
    assert lines[0] == "Casus NVWA · Maaltijd aan huis: antwoorden van 3 van de 4 deelnemers."
    assert lines[1].startswith("'eerlijke concurrentie': gemiddelde divergentie")
    # 1 of 4 is a meaningful share (at least a fifth): that case has its lines too, after the largest
    assert "Casus IGJ · Injectables buiten de zorg: antwoorden van 1 van de 4 deelnemers." in lines[2:]
    counts, per_case = class_divergence(pv_spec, answers, cases)
    n = len(pv_spec.default_actors["nvwa_maaltijdplatforms"])
    expected = [statistics.pstdev([lo, hi] + [3] * (n - 2)) for lo, hi in ((0, 5), (1, 4), (3, 3))]
    assert counts == {"nvwa_maaltijdplatforms": 3, "igj_cosmetische_injectables": 1}
    assert list(per_case) == ["nvwa_maaltijdplatforms", "igj_cosmetische_injectables"]
    assert per_case["nvwa_maaltijdplatforms"]["eerlijke concurrentie"] == pytest.approx(expected)
    assert TYPE.class_picture(pv_spec, {}) == (None, ["Nog geen antwoorden op deze oefening."])


def test_public_values_class_picture_is_an_svg_of_bars_and_dots(pv_spec, cases):
    answers = {}
    for who, (low, high) in {"a": (0, 5), "b": (1, 4), "c": (3, 3)}.items():
        model = PublicValuesMap(pv_spec, cases)
        model.set_weight("eerlijke concurrentie", "thuiskoks", low)
        model.set_weight("eerlijke concurrentie", "horeca_branche", high)
        answers[who] = model.to_dict()
    fig, _ = TYPE.class_picture(pv_spec, answers)
    texts, marks = _svg(fig)
    assert "Divergentie per waarde in de groep · NVWA · Maaltijd aan huis" in texts
    per_value = class_divergence(pv_spec, answers, cases)[1]["nvwa_maaltijdplatforms"]
    assert "eerlijke concurrentie" in texts
    bars = [m for m in marks if m.tag.endswith("rect") and m.get("fill") == "#56b4e9"]
    dots = [m for m in marks if m.tag.endswith("circle")]
    assert len(bars) == len(per_value) and len(dots) == 3 * len(per_value)   # a bar per value, a dot per participant
    contested = [b for b in bars if float(b.get("width")) > 0]   # only 'eerlijke concurrentie' diverges
    assert len(contested) == 1 and float(contested[0].get("y")) == min(float(b.get("y")) for b in bars)  # on top


def test_public_values_plot_is_an_svg_heat_map_ranked_with_divergence_bars(pv_spec, cases):
    import xml.etree.ElementTree as ET

    from lst_kit.figures import svgplot
    from lst_kit.figures.style import PALETTE

    model = PublicValuesMap(pv_spec, cases)
    model.set_weight("eerlijke concurrentie", "thuiskoks", 0)
    model.set_weight("eerlijke concurrentie", "nvwa", 5)
    fig = plot_public_values(model)
    assert isinstance(fig, svgplot.Figure) and len(fig.axes) == 2
    root = ET.fromstring(fig.to_svg())
    svg = "{http://www.w3.org/2000/svg}"
    texts = [("".join(e.itertext()), e) for e in root.iter(svg + "text")]
    words = [s for s, _ in texts]
    assert any(s.startswith("Gewicht per belanghebbende en waarde") for s in words)
    assert any(s.startswith("Divergentie-index") for s in words) and "standaardafwijking" in words
    ranked = model.ranked()
    assert ranked[0][0] == "eerlijke concurrentie"
    # row labels from top to bottom in the ranked order, each beside its row of cells
    ys = [float(next(e for s, e in texts if s == v.replace(" ", "") or s == v).get("y")) for v, _ in ranked
          if "\n" not in wrap_label(v, 24)]
    assert ys == sorted(ys)
    # one cell per weight, coloured by cividis (the 5 yellow, the 0 dark), numbers white on dark cells
    cmap = svgplot.colormap("cividis")
    cells = [r for r in root.iter(svg + "rect") if r.get("stroke") == "#ffffff"]
    assert len(cells) == len(ranked) * len(model.actors())
    fills = {r.get("fill") for r in cells}
    assert svgplot._paint(cmap(1.0))[0] in fills and svgplot._paint(cmap(0.0))[0] in fills
    zero = next(e for s, e in texts if s == "0")
    assert zero.get("fill") == "#ffffff"
    # a divergence bar per value, the longest for the most divergent value on top
    bars = [r for r in root.iter(svg + "rect") if r.get("fill") == PALETTE[0].lower()]
    assert len(bars) == len(ranked)
    widths = [float(b.get("width")) for b in sorted(bars, key=lambda b: float(b.get("y")))]
    assert widths[0] == max(widths) and widths[0] > widths[-1]
    assert two_decimals(ranked[0][1]) in words


def test_an_answer_whose_case_is_gone_is_skipped_not_fatal(pv_spec, cases):
    gone = {"case": "verdwenen_casus", "cases": {"verdwenen_casus": {"actors": ["a", "b"]}}}
    assert TYPE.summarize(pv_spec, gone) == []
    assert TYPE.plot_answer(pv_spec, gone) is None
    fine = PublicValuesMap(pv_spec, cases)
    fine.set_weight("voedselveiligheid", "nvwa", 0)
    fig, lines = TYPE.class_picture(pv_spec, {"a": gone, "b": fine.to_dict()})
    assert fig is not None and lines[0] == "Casus NVWA · Maaltijd aan huis: antwoorden van 1 van de 1 deelnemers."


def test_the_reports_get_the_same_readings_by_exercise_id(pv_spec, cases):
    model = PublicValuesMap(pv_spec, cases)
    model.set_weight("consumentenvertrouwen", "thuiskoks", 0)
    assert readings.summarize(EXERCISE, model.to_dict()) == TYPE.summarize(pv_spec, model.to_dict())
    assert readings.has_reading(EXERCISE, "class_picture")


# -- demo answers ------------------------------------------------------------------------

def many(spec, n=40, seed="pv"):
    return [TYPE.demo_answer(spec, random.Random(f"{seed}/{i}")) for i in range(n)]


def test_demo_answers_are_what_the_model_saves_seeded_and_varied(pv_spec, cases):
    answers = many(pv_spec)
    for a in answers:
        assert json.loads(json.dumps(a)) == a
        assert PublicValuesMap.from_dict(pv_spec, a, cases).to_dict() == a   # what the view would save
    assert TYPE.demo_answer(pv_spec, random.Random("x")) == TYPE.demo_answer(pv_spec, random.Random("x"))
    assert len({json.dumps(a, sort_keys=True) for a in answers[:8]}) >= 6
    assert set(cases) == {a["case"] for a in many(pv_spec, 200)}   # every case turns up


def test_demo_weights_follow_the_stakeholder(pv_spec):
    ngo, regulatee = [], []
    for a in many(pv_spec):
        state = a["cases"][a["case"]]
        assert 2 <= len(state["actors"]) <= 8
        types = {actor.id: actor.type for actor in load_case(a["case"]).actors}
        for value, row in state["weights"].items():
            assert set(row) <= set(state["actors"])
            assert all(pv_spec.scale.min <= w <= pv_spec.scale.max for w in row.values())
        if a["case"] == "nvwa_maaltijdplatforms":
            row = state["weights"]["voedselveiligheid"]
            ngo += [w for actor, w in row.items() if types[actor] == "ngo"]
            regulatee += [w for actor, w in row.items() if types[actor] in ("regulatee", "chain_partner")]
    assert ngo and regulatee and statistics.fmean(ngo) > statistics.fmean(regulatee) + 1
    assert len({a["case"] for a in many(pv_spec)}) >= 2


def test_demo_answers_feed_summary_and_class_picture(pv_spec):
    answers = {f"D{i}": a for i, a in enumerate(many(pv_spec, 5, "feed"))}
    for answer in answers.values():
        lines = readings.summarize(EXERCISE, answer)
        assert lines and all(isinstance(line, str) and line.strip() for line in lines)
        assert lines != registry.generic_lines(answer)
    fig, lines = readings.class_picture(EXERCISE, answers)
    assert lines != registry.generic_class_lines(answers) and fig.to_svg().startswith(b"<svg")


@pytest.mark.slow
def test_package_imports_without_ipywidgets_or_matplotlib():
    """The class overview imports every exercise's readings; widgets and
    matplotlib load only when a participant's view is built."""
    code = ("import sys, lst_kit.exercises.public_values, lst_kit.exercises.public_values.readings; "
            "print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


#: Two changed cases (NVWA: two weights; IGJ: an added value), and the case looked at last untouched.
TWO_CHANGED = {
    "case": "ilt_ontgassen_binnenvaart",
    "cases": {
        "nvwa_maaltijdplatforms": {"weights": {"eerlijke concurrentie": {"thuiskoks": 0, "horeca_branche": 5}}},
        "igj_cosmetische_injectables": {"extra_values": ["rechtszekerheid"],
                                        "weights": {"rechtszekerheid": {"klinieken": 1, "igj": 5}}},
        "ilt_ontgassen_binnenvaart": {"weights": {"milieu": {"ilt": 3}}},  # 3 is the start weight: no change
    },
}


def test_the_portfolio_keeps_every_changed_case(pv_spec):
    """Issue 15.2: the summary and the figure show both changed cases, not
    only (nor at all) the untouched case the participant looked at last."""
    assert pv_spec.scale.start == 3
    lines = TYPE.summarize(pv_spec, TWO_CHANGED)
    assert lines[0] == ("IGJ · Injectables buiten de zorg: Waar de opvattingen het verst uiteenlopen: "
                        "'rechtszekerheid' (divergentie 1,15; laagste gewicht 1 (Cosmetische klinieken met artsen), hoogste 5 (IGJ).")
    assert lines[1].startswith("NVWA · Maaltijd aan huis: Waar de opvattingen het verst uiteenlopen: "
                               "'eerlijke concurrentie'")
    text = "\n".join(lines)
    assert "Casus IGJ · Injectables buiten de zorg, met 6 belanghebbenden" in text
    assert "Casus NVWA · Maaltijd aan huis, met 7 belanghebbenden" in text
    assert "Zelf toegevoegde waarden: rechtszekerheid." in text
    assert "ILT" not in text
    fig = TYPE.plot_answer(pv_spec, TWO_CHANGED)
    _, texts = svg_picture(fig)
    assert len(fig.axes) == 4  # heat map and bars per changed case
    titles = [x for x in texts if "Gewicht per belanghebbende" in x or x.startswith(("IGJ", "NVWA", "ILT"))]
    assert any(x.startswith("IGJ · Injectables buiten de zorg: ") for x in titles)
    assert any(x.startswith("NVWA · Maaltijd aan huis: ") for x in titles)
    assert not any(x.startswith("ILT") for x in titles)


def test_only_the_last_case_reads_when_nothing_was_changed(pv_spec):
    answer = {"case": "ilt_ontgassen_binnenvaart", "cases": {"ilt_ontgassen_binnenvaart": {},
                                                           "nvwa_maaltijdplatforms": {}}}
    lines = TYPE.summarize(pv_spec, answer)
    assert lines[0] == "Alle belanghebbenden geven nog elke waarde hetzelfde gewicht: de divergentie is overal 0."
    assert lines[1].startswith("Casus ILT · Ontgassen in de binnenvaart, met 6 belanghebbenden")
    assert len(TYPE.plot_answer(pv_spec, answer).axes) == 2
