"""Models and scoring of the Module 1 and generic exercises, without Jupyter."""

import xml.etree.ElementTree as ET

import numpy as np
import pytest

from lst_kit.figures import svgplot
from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.multiple_choice import Choice
from lst_kit.exercises.paradox import ParadoxModel, simulate
from lst_kit.exercises.principles import PrincipleScores
from lst_kit.exercises.rating_scales import Ratings
from lst_kit.exercises.reflection import ReflectionAnswer, word_count
from lst_kit.exercises.timeline import TimelineTags
from lst_kit.figures.style import PALETTE

SVG = "{http://www.w3.org/2000/svg}"


# -- reflection -----------------------------------------------------------------
@pytest.mark.parametrize(
    "text, n",
    [("", 0), ("   ", 0), ("Toezicht dient publieke belangen.", 4), ("de risico-regelreflex is één woord", 5),
     ("ILT's aanpak: 25% minder last!", 5), ("regel\nnieuwe regel", 3)],
)
def test_word_count(text, n):
    assert word_count(text) == n


def test_reflection_refuses_too_long_text_and_keeps_the_old_one():
    answer = ReflectionAnswer("kort")
    with pytest.raises(InputError, match="hoogstens 20000 tekens"):
        answer.set_text("x" * 20001)
    assert answer.text == "kort"
    assert ReflectionAnswer.from_dict({"text": 5}).text == ""


def test_class_overview_reads_the_text_the_answer_restores_to():
    from lst_kit.exercises import reflection

    for saved in (None, 5, "tekst", [], {}, {"text": None}, {"text": 5}, {"text": ""}, {"text": "  kort  "},
                  {"text": "y" * 20005}, {"tekst": "anders"}):
        assert reflection.saved_text(saved) == ReflectionAnswer.from_dict(saved).text
    fig, lines = reflection.class_picture("m1.reflectie_logica", {
        "p1": {"text": "  Een   twee\ndrie "}, "p2": {"text": "vier"}, "p3": {"text": "   "}, "p4": None})
    assert fig is None and lines[1:] == ["p1: Een twee drie", "p2: vier"]
    assert "2" in lines[0] and "4" in lines[0]


# -- multiple choice --------------------------------------------------------------
def test_choice_feedback_and_restore_by_option_text():
    spec = load_spec("m1.definitie")
    right = next(i for i, o in enumerate(spec.options) if o.correct)
    wrong = next(i for i, o in enumerate(spec.options) if not o.correct)
    choice = Choice(spec)
    assert choice.correct is None and choice.feedback == ""
    choice.choose(wrong)
    assert choice.correct is False and choice.feedback == spec.options[wrong].feedback
    choice.choose(right)
    saved = choice.to_dict()
    assert saved == {"choice": right, "option": spec.options[right].text, "correct": True}
    assert Choice.from_dict(spec, saved).index == right
    assert Choice.from_dict(spec, {"choice": 0, "option": "een optie die niet meer bestaat"}).index is None
    with pytest.raises(InputError, match="Jouw keuze"):
        choice.choose(len(spec.options))
    assert choice.index == right


# -- rating scales ------------------------------------------------------------------
def test_ratings_validate_and_round_trip():
    spec = load_spec("m1.wrr_nadrukken")
    ratings = Ratings(spec)
    first = spec.items[0].key
    ratings.rate(first, spec.scale.max)
    for bad in (spec.scale.max + 1, spec.scale.min - 1, "4", 2.5, True):
        with pytest.raises(InputError, match=spec.items[0].text[:20]):
            ratings.rate(first, bad)
    with pytest.raises(InputError, match="Stelling"):
        ratings.rate("bestaat_niet", 3)
    assert ratings.values == {first: spec.scale.max}
    assert not ratings.complete
    restored = Ratings.from_dict(spec, {"ratings": {first: spec.scale.max, "verwijderd": 2}})
    assert restored.values == {first: spec.scale.max}


# -- timeline -----------------------------------------------------------------------
@pytest.fixture
def timeline():
    return load_spec("m1.tijdlijn")


def test_timeline_counts_shares_and_dominant(timeline):
    model = TimelineTags(timeline)
    periods = [p.label for p in timeline.periods]
    in_first = [e for e in timeline.events if timeline.period_of(e.year).label == periods[0]]
    assert len(in_first) >= 2
    model.tag(in_first[0].key, "naleving")
    model.tag(in_first[1].key, "naleving")
    counts = model.counts()
    assert counts[periods[0]]["naleving"] == 2
    assert counts[periods[0]][""] == len(in_first) - 2
    assert sum(sum(row.values()) for row in counts.values()) == len(timeline.events)
    assert model.shares()[periods[0]]["naleving"] == 1.0
    assert model.dominant()[periods[0]] == "naleving"
    assert model.dominant()[periods[1]] is None


def test_timeline_comparison_with_reading(timeline):
    model = TimelineTags(timeline)
    with_reading = [e for e in timeline.events if e.reading]
    assert len(with_reading) >= 10
    model.tag(with_reading[0].key, with_reading[0].reading)
    other = next(lg.key for lg in timeline.logics if lg.key != with_reading[1].reading)
    model.tag(with_reading[1].key, other)
    agree, compared, differ = model.comparison()
    assert (agree, compared) == (1, 2) and differ == [with_reading[1]]


def test_timeline_refuses_unknown_logic_and_untags(timeline):
    model = TimelineTags(timeline)
    key = timeline.events[0].key
    model.tag(key, "effect")
    with pytest.raises(InputError, match="naleving"):
        model.tag(key, "willekeur")
    assert model.tags == {key: "effect"}
    model.tag(key, None)
    assert model.to_dict() == {"tags": {}}
    assert TimelineTags.from_dict(timeline, {"tags": {key: "effect", "weg": "effect", timeline.events[1].key: "x"}}).tags == {key: "effect"}


def test_timeline_plot_stacks_tags_per_period_and_draws_the_drift(timeline):
    from lst_kit.exercises.timeline import UNTAGGED_COLOUR, plot_timeline

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


# -- principles -----------------------------------------------------------------------
def test_principle_differences_and_largest_changes():
    spec = load_spec("m1.principes")
    model = PrincipleScores(spec)
    then, now = (m.key for m in spec.moments)
    a, b, c = (p.key for p in spec.principles[:3])
    model.set(then, a, 1)
    model.set(now, a, 5)
    model.set(then, b, 4)
    model.set(now, b, 2)
    model.set(now, c, model.midpoint)
    diffs = {p.key: d for p, _, _, d in model.differences()}
    assert diffs[a] == 4 and diffs[b] == -2 and diffs[c] == 0
    assert [(p.key, d) for p, d in model.largest_changes()] == [(a, 4), (b, -2)]
    with pytest.raises(InputError, match=r"van 1 tot en met 5"):
        model.set(now, a, 6)
    assert model.score(now, a) == 5
    saved = model.to_dict()
    assert PrincipleScores.from_dict(spec, saved).to_dict() == saved


def test_principles_radar_draws_each_moment_at_its_scores_and_tells_them_apart_without_colour():
    import math

    from lst_kit.exercises.principles import plot_radar
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


# -- paradox ----------------------------------------------------------------------------
def params(**kw):
    base = {"p0": 0.25, "e": 0.7, "a": 0.3, "d": 0.85, "s0": 0.5, "horizon": 40}
    base.update(kw)
    return base


def test_paradox_without_incidents_decays_geometrically():
    sim = simulate(params(p0=0.0, d=0.9, s0=0.8, horizon=10), runs=5, seed=1)
    assert not sim.incidents.any()
    np.testing.assert_allclose(sim.intensity[0], 0.8 * 0.9 ** np.arange(11))


def test_paradox_incident_every_period_rises_to_one():
    sim = simulate(params(p0=1.0, e=0.0, a=0.3, s0=0.0, horizon=5), runs=3, seed=1)
    assert sim.incidents.all()
    np.testing.assert_allclose(sim.intensity[0], [0, 0.3, 0.6, 0.9, 1.0, 1.0])


def test_paradox_is_seeded_and_effective_supervision_lowers_incidents():
    a = simulate(params(), runs=200, seed=7)
    b = simulate(params(), runs=200, seed=7)
    np.testing.assert_array_equal(a.intensity, b.intensity)
    assert not np.array_equal(a.intensity, simulate(params(), runs=200, seed=8).intensity)
    weak = simulate(params(e=0.0), runs=400, seed=3).mean_incidents()
    strong = simulate(params(e=1.0, d=1.0, s0=1.0), runs=400, seed=3).mean_incidents()
    assert weak == pytest.approx(0.25 * 40, rel=0.1)
    assert strong == 0.0


def test_paradox_plot_shows_band_median_example_run_and_its_incidents():
    from lst_kit.exercises.paradox import plot_paradox
    from lst_kit.i18n import t

    sim = simulate(params(horizon=30), runs=50, seed=4)
    hits = np.flatnonzero(sim.incidents[0]) + 1
    assert 0 < hits.size < 30
    fig = plot_paradox(sim)
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    for key in ("plot_title", "axis_time", "axis_intensity", "band", "median", "example", "incident"):
        assert t(f"paradox.{key}") in texts

    def points(el):
        return [tuple(map(float, xy.split(","))) for xy in el.get("points").split()]

    example = points(next(el for el in root.iter(SVG + "polyline") if el.get("stroke") == PALETTE[1].lower()
                          and len(points(el)) > 2))
    median = next(el for el in root.iter(SVG + "polyline") if el.get("stroke") == PALETTE[0].lower()
                  and len(points(el)) > 2)
    assert len(example) == 31 and median.get("stroke-dasharray")  # the median dashed, the example solid
    xs, ys = [x for x, _ in example], [y for _, y in example]
    step = (xs[-1] - xs[0]) / 30
    assert np.diff(xs) == pytest.approx([step] * 30, abs=0.02)  # one period apart (SVG coordinates: 2 decimals)
    i, j = int(np.argmin(sim.intensity[0])), int(np.argmax(sim.intensity[0]))  # pixels per unit of S from two points
    scale = (ys[i] - ys[j]) / (sim.intensity[0][j] - sim.intensity[0][i])
    assert ys == pytest.approx([ys[i] - scale * (s - sim.intensity[0][i]) for s in sim.intensity[0]], abs=0.02)
    _, mid, _ = sim.band()
    assert [y for _, y in points(median)] == pytest.approx([ys[i] - scale * (m - sim.intensity[0][i]) for m in mid],
                                                           abs=0.02)
    band = next(el for el in root.iter(SVG + "polygon") if el.get("fill") == PALETTE[4].lower())
    assert len(points(band)) == 2 * 31 and band.get("fill-opacity") == "0.35"
    triangles = [points(el) for el in root.iter(SVG + "polygon") if el.get("fill") == PALETTE[5].lower()]
    assert len(triangles) == hits.size + 1  # one per incident of the example run, and the legend's key
    top = ys[i] - scale * (1.04 - sim.intensity[0][i])  # the incidents' row, just above S = 1
    centres = sorted(((a[0] + b[0]) / 2, a[1] + (b[0] - a[0]) / 2) for a, b, _ in triangles)  # 'v': two top corners
    in_plot = [c for c in centres if c[1] < max(ys)]  # the legend's key lies below the plot
    assert [x for x, _ in in_plot] == pytest.approx([xs[0] + step * h for h in hits], abs=0.02)
    assert [y for _, y in in_plot] == pytest.approx([top] * hits.size, abs=0.02)
    assert fig.to_svg() == plot_paradox(sim).to_svg()


def test_paradox_model_validates_and_saves_plain_numbers():
    spec = load_spec("m1.paradox")
    model = ParadoxModel(spec)
    with pytest.raises(InputError, match="Sprong na incident"):
        model.set("a", 5)
    with pytest.raises(InputError, match="Parameter"):
        model.set("onbekend", 1)
    model.set("horizon", 20.0)
    saved = model.to_dict()
    assert saved["parameters"]["horizon"] == 20 and isinstance(saved["parameters"]["horizon"], int)
    model.next_draw()
    assert ParadoxModel.from_dict(spec, model.to_dict()).draw == 1
    assert model.simulate().intensity.shape == (spec.runs, 21)


def test_rating_plot_for_the_portfolio_is_svg_with_a_bar_per_rated_statement():
    import xml.etree.ElementTree as ET

    from lst_kit.figures import svgplot
    from lst_kit.exercises import rating_scales as rs

    spec = load_spec("m1.wrr_nadrukken")
    low, high = spec.scale.min, spec.scale.max
    first, second, *rest = spec.items
    fig = rs.plot_answer("m1.wrr_nadrukken", {"ratings": {first.key: high, **{i.key: low for i in rest}}})
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "nog niet beoordeeld" in texts and str(high) in texts  # the second statement is open
    bars = sorted((float(r.get("width")) for r in root.iter("{http://www.w3.org/2000/svg}rect")
                   if r.get("fill") == "#0072b2"), reverse=True)
    assert len(bars) == 1 + len(rest)
    assert bars[0] == pytest.approx(bars[-1] * (high - low + 0.05) / 0.05, rel=0.02)
    assert rs.plot_answer("m1.wrr_nadrukken", {"ratings": {}}) is None
