"""E3.3 System map, the view: headless edits reach the model and the workbook."""

import base64
import copy
import json
import math
import shutil

import pytest

import lst_kit
from lst_kit.content import load_spec
from lst_kit.exercises.system_map.layout import RING
from lst_kit.exercises.system_map.readings import TYPE
from lst_kit.figures import svgplot
from lst_kit.paths import data_dir
from lst_kit.workbook import open_workbook
from lst_kit.widgets import ErrorBanner

from .test_figures import FIVE, assert_readable
from .test_model import SAVED_BY_THE_FLAT_MODULE


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def saved(wb, exercise_id="m3.systeemkaart"):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"][exercise_id]


def test_map_view_add_influence_reaches_workbook(wb):
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    draws = view.figure.draws
    view.node_label.value = "Keurmerk voor thuiskoks"
    view.node_kind.value = "factor"
    view.add_node_button.click()
    assert "keurmerk_voor_thuiskoks" in view.model.nodes
    view.source.value = "keurmerk_voor_thuiskoks"
    view.target.value = "incidenten"
    view.sign.value = "-"
    view.strength.value = 3
    view.add_link_button.click()
    answer = saved(wb)
    links = answer["maps"][view.model.case_id]["links"]
    assert {"source": "keurmerk_voor_thuiskoks", "target": "incidenten", "sign": "-", "strength": 3,
            "delay": False} in links
    assert view.figure.draws == draws + 2  # redrawn after the node and after the link
    positions = answer["maps"][view.model.case_id]["positions"]
    assert set(positions) == set(view.model.nodes) and "keurmerk_voor_thuiskoks" in positions
    again = lst_kit.system_map("m3.systeemkaart", workbook=open_workbook("anna", wb.folder))
    assert "keurmerk_voor_thuiskoks" in again.model.nodes and len(again.model.links) == len(view.model.links)


def test_map_view_self_loop_is_refused(wb):
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    view.reach_node.value = next(iter(view.model.nodes))
    view.reach.value = "partners"  # a first save
    before = saved(wb)
    view.source.value = view.target.value = next(iter(view.model.nodes))
    view.add_link_button.click()
    assert "geen invloed op zichzelf" in view.banner.message
    assert saved(wb) == before


def test_map_view_reach_is_saved(wb):
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    node = next(n for n in view.model.nodes.values() if n.actor_type == "inspectorate")
    view.reach_node.value = node.id
    view.reach.value = "direct"
    nodes = saved(wb)["maps"][view.model.case_id]["nodes"]
    assert next(n for n in nodes if n["id"] == node.id)["reach"] == "direct"
    assert node.label in view.reach_out.value


def test_map_view_removes_a_link_and_a_node(wb):
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    first = view.model.links[0]
    view.link_choice.value = (first.source, first.target)
    view.remove_link_button.click()
    links = saved(wb)["maps"][view.model.case_id]["links"]
    assert not any((x["source"], x["target"]) == (first.source, first.target) for x in links)
    view.node_choice.value = first.target
    view.remove_node_button.click()
    answer = saved(wb)["maps"][view.model.case_id]
    assert first.target not in {n["id"] for n in answer["nodes"]}
    assert all(first.target not in (x["source"], x["target"]) for x in answer["links"])


def test_switching_case_keeps_both_maps(wb):
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    first = view.model.case_id
    view.reach_node.value = next(iter(view.model.nodes))
    view.reach.value = "direct"
    other = next(c for c in view.cases if c != first)
    view.case.value = other
    answer = saved(wb)
    assert answer["case"] == other and set(answer["maps"]) == {first, other}
    assert view.model.case_id == other and set(view.map_layout.pos) == set(view.model.nodes)


def test_the_view_restores_an_answer_saved_by_the_flat_module(wb):
    wb.save_answer("m3.systeemkaart", SAVED_BY_THE_FLAT_MODULE)
    view = lst_kit.system_map("m3.systeemkaart", workbook=open_workbook("anna", wb.folder))
    assert view.case.value == "nvwa_maaltijdplatforms" and view.indicator.state == "loaded"
    assert list(view.model.nodes) == ["incidenten", "media_aandacht", "nvwa", "keurmerk"]
    view.reach_node.value = "nvwa"
    assert view.reach.value == "direct"
    answer = copy.deepcopy(view._answer())
    positions = answer["maps"]["nvwa_maaltijdplatforms"].pop("positions")
    assert answer == SAVED_BY_THE_FLAT_MODULE  # it would save it unchanged, with the places it drew added
    assert set(positions) == {"incidenten", "media_aandacht", "nvwa", "keurmerk"}
    assert math.hypot(*positions["nvwa"]) == pytest.approx(RING, abs=1e-3)  # laid out as before: unlinked on the ring
    linked = [positions[n] for n in ("incidenten", "media_aandacht", "keurmerk")]
    assert max(max(abs(x), abs(y)) for x, y in linked) == pytest.approx(1.0, abs=1e-3)  # linked in [-1, 1]


def test_a_broken_case_file_leaves_only_that_case_out(tmp_path, monkeypatch):
    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data" / "cases" / "ilt_ontgassen_binnenvaart.yaml").write_text("case_id: [kapot\n", "utf-8")
    view = lst_kit.system_map("m3.systeemkaart", workbook=open_workbook("anna", tmp_path / "wb"))
    assert not isinstance(view, ErrorBanner)
    assert "ilt_ontgassen_binnenvaart.yaml" in view.banner.message
    assert "ilt_ontgassen_binnenvaart" not in view.cases and view.model.case_id in view.cases


def test_a_broken_spec_gives_a_banner(tmp_path, monkeypatch):
    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "data" / "exercises" / "m3" / "systeemkaart.yaml"
    path.write_text(path.read_text("utf-8") + "\nmax_loop_length: 99\n", "utf-8")
    widget = lst_kit.system_map("m3.systeemkaart", workbook=open_workbook("anna", tmp_path / "wb"))
    assert isinstance(widget, ErrorBanner) and "max_loop_length" in widget.message and "99" in widget.message


# -- issue 15: positions kept, labels readable, editor beside the map, quick edits ---------------------

#: An answer as the kit wrote it until December 2026 (no positions), for the ILT case.
SAVED_WITHOUT_POSITIONS = {
    "case": "ilt_ontgassen_binnenvaart",
    "maps": {"ilt_ontgassen_binnenvaart": {
        "case": "ilt_ontgassen_binnenvaart",
        "nodes": [
            {"id": "a", "label": "Ontgassen onderweg", "kind": "factor"},
            {"id": "b", "label": "Benzeen in de lucht", "kind": "factor", "reach": "signaleren"},
            {"id": "c", "label": "ILT", "kind": "actor", "actor_type": "inspectorate", "power": 4, "interest": 4},
            {"id": "d", "label": "Ontvangstinstallaties", "kind": "factor"},
        ],
        "links": [{"source": "a", "target": "b", "sign": "+", "strength": 3, "delay": False}],
    }},
}


def svg_shown(view):
    """The SVG document the view shows."""
    uri = view.figure.value.split('src="', 1)[1].split('"', 1)[0]
    return base64.b64decode(uri.split(",", 1)[1])


def add(view, label, kind="factor"):
    view.node_kind.value = kind
    view.node_label.value = label
    view.add_node_button.click()
    return next(n for n in view.model.nodes.values() if n.label == label)


def test_an_answer_without_positions_restores_and_gains_them(wb):
    wb.save_answer("m3.systeemkaart", SAVED_WITHOUT_POSITIONS)
    view = lst_kit.system_map("m3.systeemkaart", workbook=open_workbook("anna", wb.folder))
    assert view.case.value == "ilt_ontgassen_binnenvaart" and list(view.model.nodes) == ["a", "b", "c", "d"]
    assert saved(wb) == SAVED_WITHOUT_POSITIONS  # showing it does not rewrite it
    shown = dict(view.model.positions)
    assert set(shown) == {"a", "b", "c", "d"}
    assert math.hypot(*shown["c"]) == pytest.approx(RING, abs=1e-3)  # unlinked: on the ring, as before
    view.reach_node.value = "a"
    view.reach.value = "direct"  # the next save keeps the places drawn
    assert saved(wb)["maps"]["ilt_ontgassen_binnenvaart"]["positions"] == {n: list(p) for n, p in shown.items()}


def test_the_map_looks_the_same_after_a_reload_and_in_the_portfolio(wb):
    """Issue 15.3: after a reload the layout differed from the one edited; the portfolio copied it."""
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    node = add(view, "Keurmerk voor thuiskoks")
    view.source.value, view.target.value = node.id, "incidenten"
    view.add_link_button.click()
    add(view, "Brancheorganisatie", "actor")
    picture = svg_shown(view)
    again = lst_kit.system_map("m3.systeemkaart", workbook=open_workbook("anna", wb.folder))
    assert again.model.positions == view.model.positions
    assert svg_shown(again) == picture
    portfolio = TYPE.plot_answer(load_spec("m3.systeemkaart"), saved(wb))
    assert portfolio.to_svg() == picture


def test_unlinked_nodes_stay_put_and_new_nodes_go_into_free_space(wb):
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    before = dict(view.model.positions)
    lonely = sorted(n for n in view.model.nodes if view.model.degree(n) == 0)
    view.source.value, view.target.value = lonely[0], lonely[1]
    view.add_link_button.click()  # two nodes of the ring linked: nobody moves
    assert view.model.positions == before
    for label, kind in FIVE:
        add(view, label[:60], kind)
        assert all(view.model.positions[n] == p for n, p in before.items())
    svg = svgplot.Figure()
    svg.to_svg = lambda: svg_shown(view)  # check the picture the participant sees
    svg.width, svg.height = 900, 680
    assert_readable(view.model, svg)


def test_the_editor_shows_only_the_fields_of_the_kind_and_confirms_an_addition(wb):
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    assert view.tabs.children[0] is view.workspace  # editor and map in one tab, side by side
    assert view.workspace.children == (view.editor, view.drawing) and "wrap" in view.workspace.layout.flex_flow
    view.node_kind.value = "factor"
    assert view.actor_fields.layout.display == "none"  # no type, power, interest for a factor
    view.node_kind.value = "actor"
    assert view.actor_fields.layout.display in (None, "")
    node = add(view, "Brancheorganisatie", "actor")
    assert view.node_added.value.count("Toegevoegd: Brancheorganisatie") == 1
    assert view.source.value == node.id and view.target.value != node.id  # ready for a first influence
    view.add_link_button.click()
    link = view.model.links[-1]
    assert link.source == node.id and "Toegevoegd: Brancheorganisatie → " in view.link_added.value
    view.node_label.value = "Brancheorganisatie"  # refused: the confirmation goes
    view.add_node_button.click()
    assert view.node_added.value == "" and "Brancheorganisatie" in view.banner.message


def test_van_and_naar_start_apart(wb):
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    assert view.source.value is not None and view.source.value != view.target.value
    view.add_link_button.click()  # the first "Invloed toevoegen" succeeds
    assert not view.banner.message and (view.model.links[-1].source, view.model.links[-1].target) == (
        view.source.value, view.target.value)


def test_repeated_additions_links_and_a_removal_all_succeed(wb):
    """Six actors added and linked one after another, then one removed: each
    edit is taken (how long they take is measured in bench/bench_m3.py)."""
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    before = (len(view.model.nodes), len(view.model.links))
    for i in range(6):
        node = add(view, f"Nieuwe actor {i}", "actor")
        view.target.value = "incidenten"
        view.add_link_button.click()
        assert not view.banner.message and view.model.links[-1].source == node.id
    view.node_choice.value = node.id
    view.remove_node_button.click()
    assert not view.banner.message
    assert (len(view.model.nodes), len(view.model.links)) == (before[0] + 5, before[1] + 5)
