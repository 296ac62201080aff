"""E3.3 System map, the readings: summary, picture, class picture, demo answers."""

import json
import random
import subprocess
import sys

import pytest
from _svg import filled, svg_picture

import lst_kit
from lst_kit.content import load_case, load_spec
from lst_kit.exercises.system_map.model import REACH, SystemMap
from lst_kit.exercises.system_map.readings import TYPE, restore
from lst_kit.figures.style import PALETTE
from lst_kit.reports import readings as hooks
from lst_kit.workbook import open_workbook

from .test_model import SAVED_BY_THE_FLAT_MODULE


@pytest.fixture
def mspec():
    return load_spec("m3.systeemkaart")


def test_the_type_declares_its_readings():
    assert TYPE.takes_case and TYPE.name == "system_map"
    assert all(TYPE.has(r) for r in ("summarize", "plot_answer", "class_picture", "demo_answer"))


def test_summary_of_a_view_answer(tmp_path):
    wb = open_workbook("anna", tmp_path / "wb")
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    node = next(n for n in view.model.nodes.values() if n.actor_type == "inspectorate")
    view.reach_node.value = node.id
    view.reach.value = "direct"
    answer = json.loads(wb.path.read_text(encoding="utf-8"))["answers"]["m3.systeemkaart"]
    lines = hooks.summarize("m3.systeemkaart", answer)
    assert lines[0] == f"Casus {load_case(view.model.case_id).label}."
    assert any(line.startswith("direct:") and node.label in line for line in lines)
    assert hooks.plot_answer("m3.systeemkaart", answer) is not None


def test_summary_of_the_flat_modules_answer(mspec):
    lines = TYPE.summarize(mspec, SAVED_BY_THE_FLAT_MODULE)
    # 4 nodes (1 actor, 3 factors), 2 influences: 1 +, 1 −; no loops
    assert lines[1].startswith("4 knopen (1 actoren, 3 factoren) en 2 invloeden")
    assert lines[2].startswith("0 terugkoppelingslussen")
    assert "direct: NVWA" in lines and "via partners: Incidenten" in lines


@pytest.mark.parametrize("answer", [None, "tekst", 5, [], {}, {"case": "bestaat_niet"}, {"case": 7},
                                    {"case": "nvwa_maaltijdplatforms", "maps": "geen dict"}])
def test_odd_answers(mspec, answer):
    model = restore(mspec, answer)
    if isinstance(answer, dict) and answer.get("case") == "nvwa_maaltijdplatforms":
        assert model.to_dict() == SystemMap.from_case(mspec, load_case("nvwa_maaltijdplatforms")).to_dict()
    else:
        assert model is None and TYPE.summarize(mspec, answer) == [] and TYPE.plot_answer(mspec, answer) is None


def test_class_picture_counts_the_reach_marked_per_node(mspec):
    case = load_case("nvwa_maaltijdplatforms")
    answers = {}
    for who, marks in {"a": {"nvwa": "direct", "incidenten": "partners"}, "b": {"nvwa": "direct"},
                       "c": {"nvwa": "signaleren"}}.items():
        m = SystemMap.from_case(mspec, case)
        for node_id, reach in marks.items():
            m.set_reach(node_id, reach)
        answers[who] = {"case": case.case_id, "maps": {case.case_id: m.to_dict()}}
    answers["d"] = {"case": "bestaat_niet"}  # skipped
    answers["e"] = {"case": "ilt_ontgassen_binnenvaart"}  # another case: counted in the total only
    fig, lines = TYPE.class_picture(mspec, answers)
    assert lines[0] == f"Casus {case.label}: 3 van de 4 deelnemers maakten een kaart van deze casus."
    assert lines[2:] == ["NVWA: direct 2×, alleen signaleren 1×", "Incidenten: via partners 1×"]
    root, texts = svg_picture(fig)
    assert {"Waar kan de inspectie invloed uitoefenen? (aantal deelnemers)", "NVWA", "Incidenten"} <= set(texts)
    assert [len(filled(root, PALETTE[i])) for i in range(3)] == [2, 2, 2]  # stacked: a segment per reach and node
    assert TYPE.class_picture(mspec, {"x": None}) == (None, ["Nog niemand heeft deze oefening ingevuld."])


def test_demo_answers_are_seeded_valid_and_varied(mspec):
    first = TYPE.demo_answer(mspec, random.Random("7/1"))
    assert first == TYPE.demo_answer(mspec, random.Random("7/1"))
    others = [TYPE.demo_answer(mspec, random.Random(f"7/{i}")) for i in range(2, 10)]
    assert any(o != first for o in others)
    for answer in [first, *others]:
        assert json.loads(json.dumps(answer)) == answer and answer["case"] == mspec.default_case
        model = restore(mspec, answer)
        assert model.to_dict() == answer["maps"][answer["case"]]  # the model accepts it as it is
        marked = [n for n in model.nodes.values() if n.reach]
        assert 3 <= len(marked) <= 8 and all(n.reach in REACH for n in marked)


@pytest.mark.slow
def test_class_picture_is_drawn_without_matplotlib_or_numpy():
    code = ("import sys, random; sys.modules['numpy'] = None; from lst_kit.reports import readings as hooks; "
            "rng = random.Random(3); "
            "answers = {f'p{i}': hooks.demo_answer('m3.systeemkaart', rng) for i in range(6)}; "
            "fig, lines = hooks.class_picture('m3.systeemkaart', answers); "
            "print(type(fig).__module__, fig.to_svg()[:4] == b'<svg', 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["lst_kit.figures.svgplot", "True", "False"]


def test_portfolio_keeps_every_changed_map(tmp_path):
    """A map edited in one case stays in the portfolio's summary after the
    participant looked at another case (which is left out)."""
    import json as _json

    import lst_kit
    from lst_kit.content import load_case
    from lst_kit.reports import readings as _readings
    from lst_kit.workbook import open_workbook

    wb = open_workbook("anna", tmp_path / "wb")
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    first = view.model.case_id
    view.node_label.value = "Keurmerk voor thuiskoks"
    view.node_kind.value = "factor"
    view.add_node_button.click()
    other = next(c for c in view.cases if c != first)
    view.case.value = other  # only looked at
    answer = _json.loads(wb.path.read_text(encoding="utf-8"))["answers"]["m3.systeemkaart"]
    assert answer["case"] == other
    text = "\n".join(_readings.summarize("m3.systeemkaart", answer))
    assert load_case(first).label in text and load_case(other).label not in text
    assert _readings.plot_answer("m3.systeemkaart", answer) is not None
