"""The hooks that the portfolio, the class overview and the learning plan use:
dispatch through the spec's type, generic fallbacks, and the Module 1 hooks
on fixed inputs."""

import shutil
import sys
import types

import numpy as np
import pytest
from _svg import SVG, svg_picture

from lst_kit import content
from lst_kit.reports import readings as hooks
from lst_kit import registry
from lst_kit.paths import data_dir
from lst_kit.content import exercise_ids, load_spec
from lst_kit.figures.style import PALETTE

M1 = [e for e in exercise_ids() if e.startswith("m1.")]
ODD = [None, "tekst", 5, [], {}, {"tags": 5}, {"ratings": {"x": "veel"}}, {"scores": {"nu": {"onafhankelijk": 99}}},
       {"choices": {"kaart": "optie"}}, {"parameters": {"p0": "hoog"}}, {"fields": {"leerdoelen": 3}}]


# -- dispatch ---------------------------------------------------------------------------------

def test_module_found_through_the_spec_type():
    info = hooks.exercise_info("m1.principes")
    assert info.type == "principles_radar"
    assert info.kind is registry.exercise_type("principles_radar") and info.kind.has("class_picture")
    assert info.title == load_spec("m1.principes").title
    assert content.module_key("m3.risicomatrix") == "m3" and content.module_key("vreemd") == ""


def test_removed_or_unknown_exercise_falls_back_to_generic():
    info = hooks.exercise_info("m9.bestaat_niet")
    assert info.kind is None and info.title == "m9.bestaat_niet" and info.problem
    answer = {"b": [1, 2.5, True], "a": {"tekst": "eerste\n\ntweede"}, "rijen": [{"x": 1}, {"x": 2}]}
    assert hooks.summarize("m9.bestaat_niet", answer) == [
        "b: 1, 2,5, ja", "a:", "  tekst:", "  eerste", "  tweede", "rijen:", "  -:", "    x: 1", "  -:", "    x: 2"]
    assert hooks.plot_answer("m9.bestaat_niet", answer) is None
    fig, lines = hooks.class_picture("m9.bestaat_niet", {"D1": {"keuze": "a"}, "D2": {"keuze": "a"}, "D3": "los"})
    assert fig is None
    assert lines == ["3 deelnemers hebben deze oefening ingevuld.", "D3: los", "keuze: 'a' (2×)"]
    assert hooks.demo_answer("m9.bestaat_niet", np.random.default_rng(0)) is registry.SKIP


def test_a_later_exercise_type_is_picked_up_without_code_changes(tmp_path, monkeypatch, caplog):
    """A new type registered in EXERCISE_TYPES with its own readings is used; a reading
    that raises or returns nonsense falls back to the generic reading, with a note
    on the page and one log record naming the exercise and its file."""
    import random

    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))

    class Spec:
        def __init__(self, exercise_id, title):
            self.exercise_id, self.title = exercise_id, title

    class Later(registry.ExerciseType):
        name = "later_type"

        def parse_spec(self, root, exercise_id):
            return Spec(exercise_id, root.text("title"))

        def summarize(self, spec, answer):
            return [f"score {answer['score']}"]

        def class_picture(self, spec, answers):
            raise RuntimeError("kapot")

        def plot_answer(self, spec, answer):
            return "geen figuur"

        def demo_answer(self, spec, rng):
            return {"score": rng.randint(1, 5)}

    package = types.ModuleType("lst_test_later_exercise")
    readings = types.ModuleType("lst_test_later_exercise.readings")
    readings.TYPE = Later()
    monkeypatch.setitem(sys.modules, package.__name__, package)
    monkeypatch.setitem(sys.modules, readings.__name__, readings)
    monkeypatch.setitem(registry.EXERCISE_TYPES, "later_type", package.__name__)
    (tmp_path / "data" / "exercises" / "m7").mkdir()
    (tmp_path / "data" / "exercises" / "m7" / "later.yaml").write_text('type: later_type\ntitle: "Later"\n')
    assert hooks.exercise_info("m7.later").title == "Later"
    assert hooks.summarize("m7.later", {"score": 4}) == ["score 4"]
    note, *rest = hooks.summarize("m7.later", {"anders": 1})  # the reading raised KeyError
    assert "m7.later" in note and "exercises/m7/later.yaml" in note and rest == ["anders: 1"]
    assert hooks.plot_answer("m7.later", {"score": 4}) is None  # not a Figure
    with caplog.at_level("WARNING", logger="lst_kit"):
        for _ in range(3):
            fig, lines = hooks.class_picture("m7.later", {"D1": {"score": 4}})
    assert fig is None and lines[1].startswith("1 deelnemers")
    assert len([r for r in caplog.records if "class_picture" in r.getMessage()]) == 1  # logged once
    assert hooks.demo_answer("m7.later", random.Random(1)) == {"score": random.Random(1).randint(1, 5)}


# -- Module 1 hooks never raise on odd answers ------------------------------------------------

@pytest.mark.parametrize("exercise_id", M1)
@pytest.mark.parametrize("answer", ODD, ids=[repr(a)[:30] for a in ODD])
def test_hooks_never_raise_on_odd_answers(exercise_id, answer):
    lines = hooks.summarize(exercise_id, answer)
    assert lines and all(isinstance(line, str) for line in lines)
    fig = hooks.plot_answer(exercise_id, answer)
    assert fig is None or hasattr(fig, "savefig")
    fig, lines = hooks.class_picture(exercise_id, {"D1": answer, "D2": answer})
    assert all(isinstance(line, str) for line in lines)


def _roundtrip(kind, spec, answer):
    from lst_kit.exercises.multiple_choice import Choice
    from lst_kit.exercises.paradox import ParadoxModel
    from lst_kit.exercises.principles import PrincipleScores
    from lst_kit.exercises.rating_scales import Ratings
    from lst_kit.exercises.reflection import ReflectionAnswer
    from lst_kit.exercises.timeline import TimelineTags

    if kind == "reflection":
        return ReflectionAnswer.from_dict(answer).to_dict()
    model = {"multiple_choice": Choice, "rating_scales": Ratings, "timeline_tagger": TimelineTags,
             "principles_radar": PrincipleScores, "paradox_model": ParadoxModel}[kind]
    return model.from_dict(spec, answer).to_dict()


@pytest.mark.parametrize("exercise_id", M1)
def test_demo_answers_are_seeded_varied_and_valid(exercise_id):
    first = hooks.demo_answer(exercise_id, np.random.default_rng([7, 1]))
    again = hooks.demo_answer(exercise_id, np.random.default_rng([7, 1]))
    other = [hooks.demo_answer(exercise_id, np.random.default_rng([7, i])) for i in range(2, 8)]
    assert first == again
    assert any(o != first for o in other)
    info = hooks.exercise_info(exercise_id)
    for answer in [first, *other]:
        assert _roundtrip(info.type, info.spec, answer) == answer  # the exercise's own model accepts it


# -- Module 1 hooks on fixed inputs -------------------------------------------------------------

def fills(root, colour):
    """The SVG elements filled with ``colour`` (a PALETTE entry)."""
    return [el for el in root.iter() if el.get("fill", "").lower() == colour.lower()]


def test_multiple_choice_summary_and_class_picture():
    spec = load_spec("m1.definitie")
    right = next(i for i, o in enumerate(spec.options) if o.correct)
    wrong = (right + 1) % len(spec.options)
    answer = {"choice": wrong, "option": spec.options[wrong].text, "correct": False}
    lines = hooks.summarize("m1.definitie", answer)
    assert lines[0] == f"Gekozen: '{spec.options[wrong].text}' (niet goed)."
    assert lines[-1] == f"Het juiste antwoord: '{spec.options[right].text}'."
    assert hooks.summarize("m1.definitie", {"option": "een geschrapt antwoord"})[0].endswith(
        "Dit antwoord staat niet meer in de oefening.")
    answers = {f"D{i}": {"option": spec.options[right if i < 3 else wrong].text} for i in range(5)}
    answers["D9"] = {"option": "geschrapt"}
    fig, lines = hooks.class_picture("m1.definitie", answers)
    assert lines[0] == f"Meest gekozen: '{spec.options[right].text}' (3 van 5)."
    assert lines[1] == "60% koos het juiste antwoord (3 van 5)."
    root, texts = svg_picture(fig)
    assert "Gekozen antwoorden in de groep" in texts and "aantal deelnemers" in texts
    assert any(text.endswith("✓ juist") for text in texts)
    right_bar = [r for r in fills(root, PALETTE[2]) if r.tag == f"{SVG}rect"]
    assert len(right_bar) == 1  # the right option, green and hatched
    assert any(r.get("fill", "").startswith("url(#h") for r in root.iter(f"{SVG}rect"))
    wrong_bars = [float(r.get("width")) for r in fills(root, PALETTE[0]) if r.tag == f"{SVG}rect"]
    assert len(wrong_bars) == len(spec.options) - 1
    assert float(right_bar[0].get("width")) == pytest.approx(1.5 * max(wrong_bars), rel=0.01)  # 3 against 2


def test_rating_class_statistics():
    spec = load_spec("m1.wrr_nadrukken")
    first, second = spec.items[0].key, spec.items[1].key
    answers = {"A": {"ratings": {first: 1, second: 5}}, "B": {"ratings": {first: 3}}, "C": {"ratings": {first: 5}}}
    fig, lines = hooks.class_picture("m1.wrr_nadrukken", answers)
    label = registry.short_label(spec.items[0].text, 60)
    assert f"{label}: gemiddeld 3,0, sd 1,6, n = 3." in lines
    assert any(line.endswith("gemiddeld 5,0, sd 0,0, n = 1.") for line in lines)
    root, texts = svg_picture(fig)
    assert "Scores in de groep: aantal per score, gemiddelde (ruit) en spreiding (lijn)" in texts
    assert registry.short_label(spec.items[0].text) in texts
    assert f"{spec.scale.min} = {spec.scale.low} · {spec.scale.max} = {spec.scale.high}" in texts
    diamonds = [el for el in fills(root, PALETTE[1]) if el.tag == f"{SVG}polygon"]
    assert len(diamonds) == 2  # a mean for the two statements that were rated, none for the others
    circles = [float(c.get("r")) for c in fills(root, PALETTE[4]) if c.tag == f"{SVG}circle"]
    assert len(circles) == len(spec.items) * (spec.scale.max - spec.scale.min + 1)
    assert len([r for r in circles if r > 0]) == 4  # scores 1, 3, 5 for the first statement, 5 for the second
    summary = hooks.summarize("m1.wrr_nadrukken", {"ratings": {first: 4}})
    assert summary[0] == f"{registry.short_label(spec.items[0].text, 60)}: 4 ({spec.scale.label(4)})"
    assert summary[-1] == f"1 van {len(spec.items)} stellingen beoordeeld."


def test_timeline_class_counts_per_period():
    from lst_kit.exercises.timeline import class_counts

    spec = load_spec("m1.tijdlijn")
    e0, e1 = spec.events[0], spec.events[1]
    logic = spec.logics[0].key
    answers = {"A": {"tags": {e0.key: logic, e1.key: logic}}, "B": {"tags": {e0.key: logic}}, "C": {"tags": {}}}
    counts, who = class_counts(spec, answers)
    assert who == 2
    period = spec.period_of(e0.year).label
    tagged = 3 if spec.period_of(e1.year).label == period else 2
    assert counts[period][logic] == tagged
    total = sum(sum(row.values()) for row in counts.values())
    assert total == 2 * len(spec.events)  # every event of every participant who tagged, tagged or not
    fig, lines = hooks.class_picture("m1.tijdlijn", answers)
    assert lines[0].startswith("2 deelnemers labelden") and f"{period}: {spec.logics[0].label} (100%)." in lines
    root, texts = svg_picture(fig)
    assert {"Labels van de groep per periode", "Verschuiving van de logica's", "nog niet gelabeld"} <= set(texts)
    assert all(p.label in texts for p in spec.periods) and all(lg.label in texts for lg in spec.logics)
    first_logic = [r for r in fills(root, PALETTE[0]) if r.tag == f"{SVG}rect" and float(r.get("height")) > 0]
    assert len(first_logic) == len({spec.period_of(e.year).label for e in (e0, e1)}) + 1  # bars + legend key
    drift = [el for el in root.iter(f"{SVG}polyline") if el.get("stroke") == PALETTE[0].lower()]
    assert len(drift) == 1 and len(drift[0].get("points").split()) == len(spec.periods)


def test_principles_class_means():
    spec = load_spec("m1.principes")
    then, now = (m.key for m in spec.moments)
    p = spec.principles[0]
    answers = {"A": {"scores": {then: {p.key: 1}, now: {p.key: 3}}}, "B": {"scores": {then: {p.key: 3}, now: {p.key: 5}}}}
    fig, lines = hooks.class_picture("m1.principes", answers)
    assert f"{p.label}: 2,0 → 4,0 (sd 1,0)." in lines
    root, texts = svg_picture(fig)
    assert "Groepsgemiddelde, band = ± 1 standaardafwijking" in texts and p.label in texts
    assert {f"gemiddelde: {m.label}" for m in spec.moments} <= set(texts)
    for i in range(len(spec.moments)):  # per moment a closed line through every principle, and a band
        line = [el for el in root.iter(f"{SVG}polyline") if el.get("stroke") == PALETTE[i].lower()]
        assert len(line) == 2 and len(line[0].get("points").split()) == len(spec.principles) + 1  # + legend key
        assert len([el for el in fills(root, PALETTE[i]) if el.tag == f"{SVG}path"]) == 1
    lines = hooks.summarize("m1.principes", answers["A"])
    assert lines[0] == f"Grootste verschuivingen: {p.label} (+2)."


def test_paradox_summary_and_class_parameters():
    spec = load_spec("m1.paradox")
    a = spec.param("a")
    answers = {"A": {"parameters": {"a": a.min}}, "B": {"parameters": {"a": a.max}}, "C": {"parameters": {"a": a.max}}}
    fig, lines = hooks.class_picture("m1.paradox", answers)
    line = next(x for x in lines if x.startswith(a.label))
    assert f"mediaan {a.max:g}".replace(".", ",") in line
    root, texts = svg_picture(fig)
    assert {"Instellingen van de groep (illustratief model)", "mediaan van de groep", "beginwaarde", a.label} <= set(texts)
    diamonds = [el for el in fills(root, PALETTE[1]) if el.tag == f"{SVG}polygon"]
    assert len(diamonds) == len(spec.parameters) + 1  # a median per parameter, and the legend's key
    circles = [el for el in fills(root, PALETTE[4]) if el.tag == f"{SVG}circle"]
    assert len(circles) == 2 + len(spec.parameters) - 1  # a: two distinct values; the others: all at the default
    assert hooks.summarize("m1.paradox", answers["A"])[0].startswith("Illustratief model")
    assert hooks.plot_answer("m1.paradox", answers["A"]) is not None


def test_reflections_listed_by_pseudonym():
    answers = {"Deelnemer A": {"text": "Eerste  alinea.\n\nTweede."}, "Deelnemer B": {"text": ""}}
    fig, lines = hooks.class_picture("m1.reflectie_wrr", answers)
    assert fig is None
    assert lines == ["1 van de 2 deelnemers schreven een antwoord, gemiddeld 3 woorden.",
                     "Deelnemer A: Eerste alinea. Tweede."]
    assert hooks.summarize("m1.reflectie_wrr", answers["Deelnemer A"]) == ["Eerste  alinea.", "Tweede."]
    assert hooks.summarize("m1.reflectie_wrr", {}) == ["Nog geen tekst geschreven."]


def test_plots_are_deterministic():
    answer = hooks.demo_answer("m1.tijdlijn", np.random.default_rng(3))
    assert hooks.plot_answer("m1.tijdlijn", answer).to_svg() == hooks.plot_answer("m1.tijdlijn", answer).to_svg()


def test_most_answered_picks_the_largest_count_and_breaks_ties_by_name():
    assert registry.most_answered({"b": 2, "a": 2, "c": 1}) == "a"
    assert registry.most_answered({"b": 3, "a": 2}) == "b"
