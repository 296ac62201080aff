"""E1.1 Timeline tagger, the model: tags, counts per period, shares, comparison."""

import subprocess
import sys

import pytest

from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.timeline.model import TimelineTags, class_counts


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


def test_an_answer_saved_by_the_current_kit_restores(timeline):
    saved = {"tags": {"commissie_borghouts": "onafhankelijkheid", "kvt1": "naleving", "kvt2": "effect",
                      "wrr89": "publiek_belang"}}
    model = TimelineTags.from_dict(timeline, saved)
    assert model.tags == saved["tags"]
    first = model.counts()["2000–2006"]
    assert {k: n for k, n in first.items() if k} == {"lastenverlichting": 0, "naleving": 1, "verlengstuk_beleid": 0,
                                                      "publiek_belang": 0, "effect": 1, "reflectie": 0,
                                                      "onafhankelijkheid": 1}
    assert model.counts()["2007–2013"]["publiek_belang"] == 1
    agree, compared, _ = model.comparison()
    assert (agree, compared) == (3, 4)  # kvt2's reading is lastenverlichting
    assert model.to_dict() == saved


@pytest.mark.parametrize("saved", [None, 5, "x", {}, {"tags": 5}, {"tags": ["kvt1"]}, {"tags": {"kvt1": 3}},
                                   {"tags": {"kvt1": ["naleving"]}}])
def test_odd_answers_restore_to_no_tags(timeline, saved):
    assert TimelineTags.from_dict(timeline, saved).tags == {}


def test_class_counts_add_up_the_participants_who_tagged(timeline):
    periods = [p.label for p in timeline.periods]
    a = TimelineTags(timeline, {"commissie_borghouts": "naleving", "kvt1": "naleving"})
    b = TimelineTags(timeline, {"kvt1": "effect"})
    counts, who = class_counts(timeline, [a, b, TimelineTags(timeline)])
    assert who == 2
    n_first = sum(1 for e in timeline.events if timeline.period_of(e.year).label == periods[0])
    assert counts[periods[0]]["naleving"] == 2 and counts[periods[0]]["effect"] == 1
    assert counts[periods[0]][""] == 2 * n_first - 3
    assert sum(sum(row.values()) for row in counts.values()) == 2 * len(timeline.events)


@pytest.mark.slow
def test_model_figures_and_readings_import_neither_widgets_nor_numpy():
    code = ("import sys, lst_kit.exercises.timeline, lst_kit.exercises.timeline.model, "
            "lst_kit.exercises.timeline.figures, lst_kit.exercises.timeline.readings; "
            "print(sorted(m for m in ('ipywidgets', 'numpy', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
