"""E3.3 System map, the view: headless edits reach the model and the workbook."""

import json
import shutil

import pytest

import lst_kit
from lst_kit.paths import data_dir
from lst_kit.workbook import open_workbook
from lst_kit.widgets import ErrorBanner

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
    assert "keurmerk_voor_thuiskoks" in view.map_layout.main  # linked now: placed in the map, not on the ring
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
    assert view._answer() == SAVED_BY_THE_FLAT_MODULE  # it would save it unchanged


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
