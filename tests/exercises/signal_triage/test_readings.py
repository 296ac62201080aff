"""E5.2 readings: summary, the participant's figure, the class picture and
demo answers, through the contract the reports use."""

import json
import random
import subprocess
import sys

import pytest
from _svg import svg_picture

from lst_kit import registry
from lst_kit.content import load_case, load_spec
from lst_kit.exercises.signal_triage import load_rule
from lst_kit.exercises.signal_triage.figures import plot_triage, route_colour, route_marker
from lst_kit.exercises.signal_triage.model import SignalTriage
from lst_kit.exercises.signal_triage.readings import TYPE, offered_cases
from lst_kit.reports import readings

EXERCISE = "m5.signalen"


def fresh(spec):
    """A new model on the spec's start case, with the course's rule and cases."""
    return SignalTriage(spec, load_rule(spec.rule_name), offered_cases())


@pytest.fixture
def st_spec():
    return load_spec("m5.signalen")


def routes(model):
    return {o.id: r for o, r, _, _ in model.routed()}


def test_signal_summary_puts_one_signal_to_policy_first(st_spec):
    model = fresh(st_spec)
    lines = TYPE.summarize(st_spec, model.to_dict())
    top = load_case("nvwa_maaltijdplatforms").signals[3]  # s4 has the largest impact on the policy route
    assert lines[0] == f"Signaal aan beleid: {top.observation}"
    assert "Per route: Handhaven: 1, Signaleren aan beleid: 3" in lines[1]
    model.set_outline("probleem", "- Platforms\n- weigeren verantwoordelijkheid")
    assert TYPE.summarize(st_spec, model.to_dict())[0] == "Signaal aan beleid: Platforms weigeren verantwoordelijkheid"
    for sid in ("s4", "s5", "s6"):
        model.edit(sid, "covered_by_law", "ja")
        model.edit(sid, "systemic", False)
    model.reset_outline("probleem")
    assert TYPE.summarize(st_spec, model.to_dict())[0].startswith("Signaal aan beleid: nog geen")
    # an answer the current content cannot rebuild still yields its snapshot
    snapshot = {"routing": [{"id": "s9", "observation": "Oud signaal", "route": "signaleren"}]}
    assert TYPE.summarize(st_spec, snapshot) == ["Signaal aan beleid: Oud signaal"]
    for odd in (None, 3, "tekst", {}, {"cases": "x"}, {"routing": [5]}):
        assert TYPE.summarize(st_spec, odd) == []
        assert TYPE.plot_answer(st_spec, odd) is None


def _svg(fig):
    """(texts, elements inside the plot area) of an svgplot figure."""
    import xml.etree.ElementTree as ET

    from lst_kit.figures import svgplot

    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text")]
    return texts, list(root.iterfind(".//s:g/*", {"s": "http://www.w3.org/2000/svg"}))


def test_triage_class_picture_counts_routes_and_splits(st_spec):
    one, two = fresh(st_spec), fresh(st_spec)
    two.edit("s1", "covered_by_law", "nee")
    fig, lines = TYPE.class_picture(st_spec, {"a": one.to_dict(), "b": two.to_dict(), "c": None})
    assert fig is not None
    assert lines[0] == "Casus NVWA · Maaltijd aan huis: antwoorden van 2 van de 2 deelnemers."
    assert "Handhaven: gemiddeld 0,5 observaties (van 0 tot 1)." in lines
    assert any(line.startswith("Verdeeld: 'Een groot deel") for line in lines)


def test_triage_class_picture_is_an_svg_of_bars_and_dots(st_spec):
    one, two = fresh(st_spec), fresh(st_spec)
    two.edit("s1", "covered_by_law", "nee")
    fig, _ = TYPE.class_picture(st_spec, {"a": one.to_dict(), "b": two.to_dict()})
    texts, marks = _svg(fig)
    assert "Observaties per route in de groep · NVWA · Maaltijd aan huis" in texts and "Handhaven" in texts
    rule = one.rule
    bars = {r.key: [m for m in marks if m.tag.endswith("rect") and m.get("fill") == route_colour(rule, r.key).lower()]
            for r in rule.routes}
    assert all(len(b) == 1 for b in bars.values())   # one bar (the class mean) per route
    assert len([m for m in marks if m.tag.endswith("circle")]) == 2 * len(rule.routes)   # a dot per participant
    counts = [one.counts(), two.counts()]
    mean = {k: (counts[0].get(k, 0) + counts[1].get(k, 0)) / 2 for k in bars}
    widths = {k: float(b[0].get("width")) for k, b in bars.items()}
    big = max(mean, key=mean.get)
    for key in bars:
        assert widths[key] == pytest.approx(widths[big] * mean[key] / mean[big], abs=0.05)
    assert "0" in texts and "1" in texts   # a tick at every count


def _marks_at(root, colour):
    """Centres of the scatter markers (circle, square, polygon) filled with ``colour``."""
    out = []
    for el in root.iter():
        tag = el.tag.split("}")[1]
        if el.get("fill") != colour or el.get("stroke") != "#000000":
            continue
        if tag == "circle":
            out.append((tag, float(el.get("cx")), float(el.get("cy"))))
        elif tag == "rect":
            out.append((tag, float(el.get("x")) + float(el.get("width")) / 2,
                        float(el.get("y")) + float(el.get("height")) / 2))
        elif tag == "polygon":
            pts = [tuple(map(float, p.split(","))) for p in el.get("points").split()]
            out.append((tag, sum(p[0] for p in pts) / len(pts), (min(p[1] for p in pts) + max(p[1] for p in pts)) / 2))
    return out


def test_triage_plot_is_an_svg_of_route_counts_and_observations_marked_by_route(st_spec):
    import xml.etree.ElementTree as ET

    from lst_kit.figures import svgplot

    model = fresh(st_spec)
    model.edit(model.case.signals[0].id, "frequency", 1)
    fig = plot_triage(model)
    assert isinstance(fig, svgplot.Figure) and len(fig.axes) == 2
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Observaties per route" in texts and "Frequentie en ernst per observatie" in texts
    assert "aantal observaties" in texts
    rule, counts, routed = model.rule, model.counts(), model.routed()
    # every observation is named next to its marker, every route in the legend (wrapped) and on the bar axis
    for obs, _, _, _ in routed:
        assert texts.count(obs.id) == 1
    for route in rule.routes:
        assert route.label.replace(" ", "") in [x.replace(" ", "") for x in texts]
    # bars: one per route with observations, lengths proportional to the counts
    bars = {r.key: [float(e.get("width")) for e in root.iter("{http://www.w3.org/2000/svg}rect")
                    if e.get("fill") == route_colour(rule, r.key).lower() and e.get("stroke") is None] for r in rule.routes}
    widths = {k: w[0] for k, w in bars.items() if w}
    per_one = [widths[k] / counts[k] for k in widths]
    assert set(widths) == {k for k, n in counts.items() if n} and max(per_one) - min(per_one) < 0.05
    # markers: one per observation in its route's colour and shape; higher frequency lies further right
    shape = {"o": "circle", "s": "rect"}
    for route in rule.routes:
        mine = [obs for obs, r, _, _ in routed if r == route.key]
        marks = _marks_at(root, route_colour(rule, route.key).lower())
        marks = [m for m in marks if m[0] == shape.get(route_marker(rule, route.key), "polygon")]
        assert len(marks) == len(mine) + 1  # and one in the legend
    first = routed[0][0]
    xs = {obs.id: None for obs, _, _, _ in routed}
    for e in root.iter("{http://www.w3.org/2000/svg}text"):
        if "".join(e.itertext()) in xs:
            xs["".join(e.itertext())] = float(e.get("x"))
    assert first.frequency == 1 and xs[first.id] == min(xs.values())


def test_the_type_is_found_by_its_spec_type_and_has_its_own_readings():
    assert registry.exercise_type("signal_triage") is TYPE and TYPE.takes_case
    for reading in ("summarize", "plot_answer", "class_picture", "demo_answer"):
        assert TYPE.has(reading)


def test_an_answer_whose_case_is_gone_gives_its_snapshot_and_is_left_out_of_the_class(st_spec):
    gone = {"case": "verdwenen_casus", "cases": {"verdwenen_casus": {}},
            "routing": [{"id": "s1", "observation": "Oud signaal", "route": "signaleren", "own": False}]}
    assert TYPE.summarize(st_spec, gone) == ["Signaal aan beleid: Oud signaal"]
    assert TYPE.plot_answer(st_spec, gone) is None
    fig, lines = TYPE.class_picture(st_spec, {"a": gone, "b": fresh(st_spec).to_dict()})
    assert fig is not None and lines[0] == "Casus NVWA · Maaltijd aan huis: antwoorden van 1 van de 1 deelnemers."


def test_the_reports_get_the_same_readings_by_exercise_id(st_spec):
    answer = fresh(st_spec).to_dict()
    assert readings.summarize(EXERCISE, answer) == TYPE.summarize(st_spec, answer)
    assert readings.has_reading(EXERCISE, "class_picture")


# -- demo answers ------------------------------------------------------------------------

def many(spec, n=40, seed="st"):
    return [TYPE.demo_answer(spec, random.Random(f"{seed}/{i}")) for i in range(n)]


def test_demo_answers_are_what_the_model_saves_seeded_and_varied(st_spec):
    answers = many(st_spec)
    rule, cases = load_rule(), offered_cases()
    for a in answers:
        assert json.loads(json.dumps(a)) == a
        assert SignalTriage.from_dict(st_spec, a, rule, cases).to_dict() == a   # what the view would save
    assert TYPE.demo_answer(st_spec, random.Random("x")) == TYPE.demo_answer(st_spec, random.Random("x"))
    assert len({json.dumps(a, sort_keys=True) for a in answers[:8]}) >= 6
    assert set(cases) == {a["case"] for a in many(st_spec, 200)}   # every case turns up


def test_demo_edits_own_observation_and_signalement(st_spec):
    answers = many(st_spec)
    edits = own = 0
    for a in answers:
        state = a["cases"][a["case"]]
        signals = {s.id: s for s in load_case(a["case"]).signals}
        for signal_id, changes in state["edits"].items():
            assert set(changes) <= {"frequency", "severity"}
            for name, value in changes.items():
                assert abs(value - getattr(signals[signal_id], name)) == 1 and 1 <= value <= 5
            edits += 1
        own += len(state["own"])
        assert len(state["own"]) <= 1
        assert {r["id"] for r in a["routing"]} == set(signals) | {o["id"] for o in state["own"]}
    assert edits and own
    problems = [a["cases"][a["case"]]["outline"].get("probleem") for a in answers]
    assert sum(p is not None for p in problems) > len(answers) / 2
    observations = {s.observation for a in answers for s in load_case(a["case"]).signals} | {
        o["observation"] for a in answers for o in a["cases"][a["case"]]["own"]}
    assert all(any(p.startswith(o) or o in p for o in observations) for p in problems if p)


def test_demo_answers_feed_summary_and_class_picture(st_spec):
    answers = {f"D{i}": a for i, a in enumerate(many(st_spec, 5, "feed"))}
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
    code = ("import sys, lst_kit.exercises.signal_triage, lst_kit.exercises.signal_triage.readings; "
            "print('ipywidgets' in sys.modules, 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_a_new_case_without_demo_prose_gets_valid_demo_answers(data):
    """A teacher's sixth case has no own observations in data/demo/: its demo
    answers add none, and still route, draft and restore like any other."""
    import yaml

    source = yaml.safe_load((data / "cases" / "ilt_ontgassen_binnenvaart.yaml").read_text("utf-8"))
    source["case_id"], source["title"] = "nieuwe_casus", "Een nieuwe casus"
    (data / "cases" / "nieuwe_casus.yaml").write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
    spec = load_spec(EXERCISE)
    answers = [a for a in many(spec, 200, "nieuw") if a["case"] == "nieuwe_casus"]
    assert len(answers) >= 5
    rule, cases = load_rule(), offered_cases()
    observations = {s.observation for s in load_case("nieuwe_casus").signals}
    for a in answers:
        assert SignalTriage.from_dict(spec, a, rule, cases).to_dict() == a
        assert a["cases"]["nieuwe_casus"]["own"] == []
    problems = [p for a in answers if (p := a["cases"]["nieuwe_casus"]["outline"].get("probleem"))]
    assert problems and all(any(o in p for o in observations) for p in problems)


#: Two changed cases (NVWA: a score edited; IGJ: the problem written), and the case looked at last untouched.
TWO_CHANGED = {
    "case": "ilt_ontgassen_binnenvaart",
    "cases": {
        "nvwa_maaltijdplatforms": {"edits": {"s1": {"severity": 5}}},
        "igj_cosmetische_injectables": {"outline": {"probleem": "Salons zetten injecties zonder arts"}},
        "ilt_ontgassen_binnenvaart": {"edits": {"s1": {"frequency": 4}}},  # its own value: no change
    },
}


def test_the_portfolio_keeps_every_changed_case(st_spec):
    """Issue 15.2: the summary and the figure show both changed cases, not
    only (nor at all) the untouched case the participant looked at last;
    the first lines are still the signals to policy, one per case."""
    lines = TYPE.summarize(st_spec, TWO_CHANGED)
    assert lines[0] == "IGJ · Injectables buiten de zorg: Signaal aan beleid: Salons zetten injecties zonder arts"
    assert lines[1].startswith("NVWA · Maaltijd aan huis: Signaal aan beleid: ")
    text = "\n".join(lines)
    assert "Casus IGJ · Injectables buiten de zorg." in text and "Casus NVWA · Maaltijd aan huis." in text
    assert "ILT" not in text
    fig = TYPE.plot_answer(st_spec, TWO_CHANGED)
    _, texts = svg_picture(fig)
    assert len(fig.axes) == 4  # counts and observations per changed case
    titles = [x for x in texts if x.endswith("Observaties per route")]  # a title's lines joined
    assert titles == ["IGJ · Injectables buiten de zorgObservaties per route",
                      "NVWA · Maaltijd aan huisObservaties per route"]
    assert not any(x.startswith("ILT") for x in texts)


def test_only_the_last_case_reads_when_nothing_was_changed(st_spec):
    answer = {"case": "ilt_ontgassen_binnenvaart", "cases": {"ilt_ontgassen_binnenvaart": {},
                                                           "nvwa_maaltijdplatforms": {"outline": {}}}}
    lines = TYPE.summarize(st_spec, answer)
    assert lines[0].startswith("Signaal aan beleid: ")
    assert lines[1].startswith("Casus ILT · Ontgassen in de binnenvaart.")
    assert len(TYPE.plot_answer(st_spec, answer).axes) == 2
