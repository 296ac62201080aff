"""E3.3 System map, the model: loops, leverage, Mendelow, edits, restore."""

import json
import random
from dataclasses import replace

import pytest

from lst_kit.content import load_case, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.system_map.model import SystemMap, quadrant


@pytest.fixture
def mspec():
    return load_spec("m3.systeemkaart")


def small_map(spec):
    m = SystemMap(spec, "test")
    for label in ("A", "B", "C", "D"):
        m.add_node(label)
    m.add_link("a", "b", "+")
    m.add_link("b", "a", "-")        # A-B: one negative -> balancing
    m.add_link("b", "c", "+")
    m.add_link("c", "d", "-")
    m.add_link("d", "b", "-", delay=True)  # B-C-D: two negatives -> reinforcing, delayed
    return m


def test_loops_are_found_and_classified(mspec):
    report = small_map(mspec).loops()
    assert report.complete
    kinds = {lp.nodes: (lp.kind, lp.delayed) for lp in report.loops}
    assert kinds == {("a", "b"): ("B", False), ("b", "c", "d"): ("R", True)}
    assert (report.count("R"), report.count("B")) == (1, 1)


def test_loop_search_is_bounded(mspec):
    m = small_map(replace(mspec, max_loop_length=2))
    assert [lp.nodes for lp in m.loops().loops] == [("a", "b")]
    # a complete graph has very many cycles: the cap stops the search
    big = SystemMap(replace(mspec, max_loops=50), "k")
    for i in range(9):
        big.add_node(f"n{i}")
    for i in range(9):
        for j in range(9):
            if i != j:
                big.add_link(f"n{i}", f"n{j}", "+")
    report = big.loops()
    assert len(report.loops) == 50 and not report.complete


def test_incremental_loops_equal_a_full_search(mspec):
    spec = replace(mspec, max_loop_length=5)
    rng = random.Random(11)
    m = SystemMap(spec, "t")
    for i in range(12):
        m.add_node(f"k{i}")
    for step in range(60):
        if m.links and rng.random() < 0.3:
            x = rng.choice(m.links)
            m.remove_link(x.source, x.target)
        elif rng.random() < 0.05:
            m.remove_node(rng.choice(sorted(m.nodes)))
        else:
            a, b = rng.sample(sorted(m.nodes), 2)
            if not any(x.source == a and x.target == b for x in m.links):
                m.add_link(a, b, rng.choice("+-"), delay=rng.random() < 0.2)
        if step % 3 == 0:
            incremental = m.loops()
            fresh = SystemMap(spec, "t", dict(m.nodes), list(m.links), version=m.version).loops()
            assert incremental.loops == fresh.loops
    assert len(m.loops().loops) > 0


def test_leverage_ranks_the_bridge_first(mspec):
    m = SystemMap(mspec, "t")
    for label in ("Links", "Brug", "Rechts", "Ver"):
        m.add_node(label)
    m.add_link("links", "brug", "+")
    m.add_link("brug", "rechts", "+")
    m.add_link("rechts", "ver", "+")
    names = [n.label for n, _ in m.leverage()]
    assert names[:2] == ["Brug", "Rechts"]
    assert [m.degree(n) for n in ("links", "brug", "rechts", "ver")] == [1, 2, 2, 1]


@pytest.mark.parametrize("power, interest, q", [(5, 5, "manage_closely"), (4, 2, "keep_satisfied"),
                                                (2, 5, "keep_informed"), (3, 3, "monitor"), (4, 4, "manage_closely")])
def test_mendelow_quadrants(power, interest, q):
    assert quadrant(power, interest, high_from=4) == q


def test_case_actors_land_in_their_quadrants(mspec):
    case = load_case("nvwa_maaltijdplatforms")
    m = SystemMap.from_case(mspec, case)
    assert m.case_id == "nvwa_maaltijdplatforms"
    assert {a.id for a in case.actors} <= set(m.nodes)  # every actor of the case, linked or not
    assert len(m.links) == len(case.links)
    quads = {a.label: q for q, actors in m.quadrants().items() for a in actors}
    assert quads["NVWA"] == "manage_closely"  # power 4, interest 5 (brief §7 case A)
    assert quads["Thuiskoks"] == "keep_informed"  # power 2, interest 4


def test_map_edits_refuse_bad_input(mspec):
    m = small_map(mspec)
    before = m.to_dict()
    with pytest.raises(InputError, match="Naar"):
        m.add_link("a", "onbekend", "+")
    with pytest.raises(InputError, match="geen invloed op zichzelf"):
        m.add_link("a", "a", "+")
    with pytest.raises(InputError, match="nog niet op de kaart"):
        m.add_link("a", "b", "-")
    with pytest.raises(InputError, match="Sterkte"):
        m.add_link("a", "c", "+", strength=5)
    with pytest.raises(InputError, match="Naam"):
        m.add_node("  ")
    with pytest.raises(InputError, match="nog niet op de kaart"):
        m.add_node("a")
    with pytest.raises(InputError, match="Type actor"):
        m.add_node("Gemeente", "actor", "burgemeester")
    with pytest.raises(InputError):
        m.set_reach("a", "overal")
    assert m.to_dict() == before
    m.remove_node("b")
    assert all("b" not in (x.source, x.target) for x in m.links)


def test_map_from_dict_refuses_the_links_add_link_refuses(mspec):
    """from_dict keeps its own set of linked pairs while restoring; it keeps exactly the links that
    add_link, called one by one, would accept (and counts them as edits, as add_link does)."""
    m = small_map(mspec)
    m.remove_link("b", "a")
    m.add_link("b", "a", "+")  # removed and re-added: allowed again
    saved = m.to_dict()
    saved["links"] += [
        {"source": "a", "target": "b", "sign": "-"},           # already linked
        {"source": "c", "target": "b", "sign": "-"},           # the reverse direction is new
        {"source": "c", "target": "b"},                        # now a duplicate
        {"source": "c", "target": "c"}, {"source": "x", "target": "a"}, {"source": "a"},
        {"source": "d", "target": "a", "strength": 4}, {"source": "d", "target": "a", "sign": "*"},
        ["a", "b"], None, {"source": ["a"], "target": "b"},
        {"source": "d", "target": "a", "delay": 1},            # finally fine
    ]
    case = load_case("nvwa_maaltijdplatforms")
    restored = SystemMap.from_dict(mspec, saved, case)
    by_hand = SystemMap(mspec, case.case_id, {k: v for k, v in restored.nodes.items()})
    for item in saved["links"]:
        try:
            by_hand.add_link(item["source"], item["target"], item.get("sign", "+"), item.get("strength", 2),
                             item.get("delay", False))
        except (InputError, KeyError, TypeError):
            pass
    assert restored.to_dict() == by_hand.to_dict()
    assert [(x.source, x.target) for x in restored.links][-2:] == [("c", "b"), ("d", "a")]
    assert restored.version == len(restored.links)
    with pytest.raises(InputError, match="nog niet op de kaart"):
        restored.add_link("c", "b", "+")


#: An answer as the kit wrote it before the package conversion (a map of the
#: NVWA case with one node added, one reach marked and one link added).
SAVED_BY_THE_FLAT_MODULE = {
    "case": "nvwa_maaltijdplatforms",
    "maps": {"nvwa_maaltijdplatforms": {
        "case": "nvwa_maaltijdplatforms",
        "nodes": [
            {"id": "incidenten", "label": "Incidenten", "kind": "factor", "reach": "partners"},
            {"id": "media_aandacht", "label": "Media-aandacht", "kind": "factor"},
            {"id": "nvwa", "label": "NVWA", "kind": "actor", "actor_type": "inspectorate", "power": 4,
             "interest": 5, "reach": "direct"},
            {"id": "keurmerk", "label": "Keurmerk voor thuiskoks", "kind": "factor"},
        ],
        "links": [
            {"source": "incidenten", "target": "media_aandacht", "sign": "+", "strength": 3, "delay": False},
            {"source": "keurmerk", "target": "incidenten", "sign": "-", "strength": 2, "delay": True},
        ],
    }},
}


def test_an_answer_saved_by_the_flat_module_restores(mspec):
    data = SAVED_BY_THE_FLAT_MODULE["maps"]["nvwa_maaltijdplatforms"]
    m = SystemMap.from_dict(mspec, data, load_case("nvwa_maaltijdplatforms"))
    assert list(m.nodes) == ["incidenten", "media_aandacht", "nvwa", "keurmerk"]
    assert m.nodes["nvwa"].actor_type == "inspectorate" and m.nodes["nvwa"].power == 4
    assert m.nodes["nvwa"].interest == 5 and m.nodes["nvwa"].reach == "direct"
    assert m.nodes["incidenten"].reach == "partners" and m.nodes["keurmerk"].reach is None
    assert [(x.source, x.target, x.sign, x.strength, x.delay) for x in m.links] == [
        ("incidenten", "media_aandacht", "+", 3, False), ("keurmerk", "incidenten", "-", 2, True)]
    assert m.to_dict() == data  # and it is saved back unchanged


def test_an_unusable_saved_map_gives_the_case_map(mspec):
    case = load_case("nvwa_maaltijdplatforms")
    own = SystemMap.from_case(mspec, case).to_dict()
    for data in (None, "kaart", {"nodes": "geen lijst"}, {"nodes": [{"id": "x"}, 5]}):
        assert SystemMap.from_dict(mspec, data, case).to_dict() == own


@pytest.mark.slow
def test_model_figures_and_readings_import_no_widgets():
    import subprocess
    import sys

    code = ("import sys; import lst_kit.exercises.system_map, lst_kit.exercises.system_map.model, "
            "lst_kit.exercises.system_map.figures, lst_kit.exercises.system_map.layout, "
            "lst_kit.exercises.system_map.readings; "
            "print('ipywidgets' in sys.modules, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_positions_are_kept_rounded_and_odd_ones_dropped(mspec):
    case = load_case("nvwa_maaltijdplatforms")
    data = json.loads(json.dumps(SAVED_BY_THE_FLAT_MODULE["maps"]["nvwa_maaltijdplatforms"]))
    data["positions"] = {"incidenten": [0.5, -0.25], "media_aandacht": [1, 2], "nvwa": "links",
                         "keurmerk": [float("nan"), 0], "weg": [0, 0]}
    m = SystemMap.from_dict(mspec, data, case)
    assert m.positions == {"incidenten": (0.5, -0.25), "media_aandacht": (1.0, 2.0)}
    m.set_positions({"incidenten": (0.12345, -0.98765), "nvwa": (True + 0.0004, 2), "weg": (0, 0)})
    assert m.positions == {"incidenten": (0.123, -0.988), "nvwa": (1.0, 2.0)}
    saved = m.to_dict()
    assert saved["positions"] == {"incidenten": [0.123, -0.988], "nvwa": [1.0, 2.0]}
    m.remove_node("nvwa")
    assert m.positions == {"incidenten": (0.123, -0.988)}
    for bad in ([1, True], [1], [1, 2, 3], None):
        data["positions"] = {"incidenten": bad}
        assert SystemMap.from_dict(mspec, data, case).positions == {}
