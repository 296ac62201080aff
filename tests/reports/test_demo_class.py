"""Demo answers (``lst-kit demo-class``) of the Module 2 and Module 5 exercises:
every one is JSON a workbook accepts, is exactly what the exercise's own view
would save (the view rebuilt from it shows it and would save it unchanged),
feeds the portfolio and class-overview hooks, is seeded, varies between
participants and stays within what the case and the spec allow."""

import json
import random
import shutil

import numpy as np
import pytest
import yaml

import lst_kit
from lst_kit import cli
from lst_kit.reports import readings as hooks
from lst_kit import registry
from lst_kit.figures import svgplot
from lst_kit.paths import data_dir
from lst_kit.content.cases import case_ids, load_case
from lst_kit.reports.class_overview import read_class
from lst_kit.content import exercise_ids
from lst_kit.widgets import ErrorBanner, esc
from lst_kit.workbook import open_workbook

TYPES = ("sparrow_canvas", "strategic_triangle", "effect_chain")
IDS = [e for e in exercise_ids() if hooks.exercise_info(e).type in TYPES]


def demo(exercise_id, *seed):
    return hooks.demo_answer(exercise_id, random.Random("/".join(map(str, seed))))


def kind(exercise_id):
    return hooks.exercise_info(exercise_id).type


def many(exercise_id, n=30):
    return [demo(exercise_id, 11, i) for i in range(n)]


def test_every_type_has_an_exercise_with_a_demo_hook():
    assert {kind(e) for e in IDS} == set(TYPES)
    assert all(hooks.has_reading(e, "demo_answer") for e in IDS)


# -- (1) JSON a workbook accepts, (2) what the view saves and shows ------------------------------

def _shown_sparrow(view, answer):
    for stage, row in answer["texts"].items():
        for key, text in row.items():
            assert view.areas[(stage, key)].value == text
    definition = answer["texts"].get("definieren", {}).get("definitie")
    if definition:
        assert esc(definition) in view.charter.value
    assert view.case.value == (answer["case"] or "")
    assert view.scale.value == answer["scale"]
    assert [k for k, box in view.dimension_boxes.items() if box.value] == answer["dimensions"]
    for stage, keys in answer["checks"].items():
        assert all(view.checkboxes[(stage, k)].value for k in keys)


def _shown_triangle(view, answer):
    entry = answer["cases"][answer["case"]]
    assert view.case.value == answer["case"]
    assert [i for i, box in view.checkboxes.items() if box.value] == entry["selected"]
    for option_id in entry["selected"]:
        for corner in ("value", "legitimacy", "capacity"):
            assert view.sliders[(option_id, corner)].value == entry["scores"][option_id][corner]
    best = max(entry["selected"], key=lambda i: np.prod([entry["scores"][i][c] for c in
                                                         ("value", "legitimacy", "capacity")]))
    assert esc(entry["scores"][best]["name"]) in view.table.value


def _shown_effect_chain(view, answer):
    rows = [row.children[0].value for row in view.rows.children]
    assert len(rows) == len(answer["indicators"])
    for row, indicator in zip(rows, answer["indicators"]):
        assert esc(indicator["text"]) in row
    assert view.design.value == answer["design"]
    assert f"Meetgewicht over {len(answer['indicators'])} indicatoren" in view.figure.value


SHOWN = {"sparrow_canvas": _shown_sparrow, "strategic_triangle": _shown_triangle,
         "effect_chain": _shown_effect_chain}


def check_saved_and_shown(exercise_id, answer, folder):
    assert json.loads(json.dumps(answer)) == answer  # plain JSON
    wb = open_workbook("demo", folder)
    wb.save_answer(exercise_id, answer)
    assert open_workbook("demo", folder).answer(exercise_id) == answer

    view = getattr(lst_kit, kind(exercise_id))(exercise_id, workbook=open_workbook("demo", folder))
    assert not isinstance(view, ErrorBanner), getattr(view, "message", "")
    assert view.banner.message == ""
    assert view.indicator.state == "loaded"
    assert view.model.to_dict() == answer  # the view would save exactly this
    SHOWN[kind(exercise_id)](view, answer)


@pytest.mark.parametrize("exercise_id", IDS)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_demo_answer_is_saved_and_shown_by_the_view(exercise_id, seed, tmp_path):
    check_saved_and_shown(exercise_id, demo(exercise_id, seed), tmp_path)


@pytest.mark.parametrize("exercise_id", [e for e in IDS if kind(e) not in ("effect_chain", "procedural_justice")])
def test_demo_answers_for_every_case_are_shown_by_the_view(exercise_id, tmp_path):
    """Each case turns up in some demo answer, and the view shows that one too."""
    for case_id in case_ids():
        answer = next((a for a in (demo(exercise_id, 3, i) for i in range(300)) if a["case"] == case_id), None)
        assert answer is not None, case_id
        check_saved_and_shown(exercise_id, answer, tmp_path / case_id)


# -- (3) the hooks of the portfolio and the class overview ------------------------------------

@pytest.mark.parametrize("exercise_id", IDS)
def test_demo_answers_feed_summary_and_class_picture(exercise_id):
    answers = {f"D{i}": demo(exercise_id, 5, i) for i in range(5)}
    for answer in answers.values():
        lines = hooks.summarize(exercise_id, answer)
        assert lines and all(isinstance(line, str) and line.strip() for line in lines)
        assert lines != registry.generic_lines(answer)  # the exercise's own summary, not the fallback
    fig, lines = hooks.class_picture(exercise_id, answers)
    assert lines and all(isinstance(line, str) and line.strip() for line in lines)
    assert lines != registry.generic_class_lines(answers)
    assert isinstance(fig, svgplot.Figure)  # class pictures are drawn without matplotlib
    assert fig.to_svg().startswith(b"<svg")


# -- (4) seeded, and varied ---------------------------------------------------------------------

@pytest.mark.parametrize("exercise_id", IDS)
def test_demo_answers_are_seeded_and_vary(exercise_id):
    assert demo(exercise_id, 7, 1) == demo(exercise_id, 7, 1)
    others = {json.dumps(demo(exercise_id, 7, i), sort_keys=True) for i in range(2, 8)}
    assert len(others) >= 4




# -- the demo class covers them ---------------------------------------------------------------------

def test_demo_class_no_longer_skips_these_exercises(tmp_path, capsys):
    assert cli.main(["demo-class", str(tmp_path / "klas"), "--participants", "3", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert "3 demowerkboeken geschreven" in out
    for exercise_id in IDS:
        assert exercise_id not in out
    per_exercise, participants, skipped = read_class(tmp_path / "klas")
    assert len(participants) == 3 and skipped == []
    assert set(IDS) <= set(per_exercise)


def test_a_new_case_gets_demo_answers_too(tmp_path, monkeypatch):
    """A case a teacher adds (no written demo stories) still gets valid demo
    answers, built from its own case file."""
    shutil.copytree(data_dir(), tmp_path / "data")
    source = yaml.safe_load((tmp_path / "data" / "cases" / "ilt_ontgassen_binnenvaart.yaml").read_text("utf-8"))
    source["case_id"] = "nieuwe_casus"
    source["title"] = "Een nieuwe casus"
    (tmp_path / "data" / "cases" / "nieuwe_casus.yaml").write_text(yaml.safe_dump(source, allow_unicode=True),
                                                                    encoding="utf-8")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    assert "nieuwe_casus" in case_ids()
    observations = {s.observation for s in load_case("nieuwe_casus").signals}
    for exercise_id in [e for e in IDS if kind(e) not in ("effect_chain", "procedural_justice")]:
        answer = next((a for a in (demo(exercise_id, 9, i) for i in range(300)) if a["case"] == "nieuwe_casus"),
                      None)
        assert answer is not None, exercise_id
        check_saved_and_shown(exercise_id, answer, tmp_path / "wb" / exercise_id)
        if kind(exercise_id) == "sparrow_canvas":
            kandidaat = answer["texts"].get("nomineren", {}).get("kandidaat")
            assert kandidaat in observations or not kandidaat
