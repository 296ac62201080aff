"""Module 3: risk matrix lab and system map — models, plots, headless views."""

import json
import re
import subprocess
import sys

import pytest
from _svg import SVG, filled, svg_picture

import lst_kit
from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.system_map import LayoutCache, SystemMap, plot_map, plot_power_interest, quadrant
from lst_kit.figures.style import PALETTE
from lst_kit.workbook import open_workbook

@pytest.fixture
def mspec():
    return load_spec("m3.systeemkaart")


# -- system map: analysis -----------------------------------------------------------------
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


def test_loop_search_is_bounded(mspec):
    from dataclasses import replace

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
    import random
    from dataclasses import replace

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


@pytest.mark.parametrize("power, interest, q", [(5, 5, "manage_closely"), (4, 2, "keep_satisfied"),
                                                (2, 5, "keep_informed"), (3, 3, "monitor"), (4, 4, "manage_closely")])
def test_mendelow_quadrants(power, interest, q):
    assert quadrant(power, interest, high_from=4) == q


def test_case_actors_land_in_their_quadrants(mspec):
    m = SystemMap.from_case(mspec, "nvwa_maaltijdplatforms")
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
    assert m.to_dict() == before
    m.remove_node("b")
    assert all("b" not in (x.source, x.target) for x in m.links)


def test_layout_is_seeded_and_stable_under_edits(mspec):
    m = SystemMap.from_case(mspec, "ilt_ontgassen_binnenvaart")
    first = LayoutCache(7).positions(m)
    assert LayoutCache(7).positions(m) == first
    cache = LayoutCache(7)
    before = dict(cache.positions(m))
    node = m.add_node("Nieuwe factor")
    m.add_link(node.id, m.links[0].source, "+")
    after = cache.positions(m)
    assert all(after[n] == before[n] for n in before if n in after and before[n] == cache.main.get(n))
    assert node.id in after


def test_map_draws_every_node_link_head_and_the_legend(mspec):
    m = SystemMap.from_case(mspec, "igj_cosmetische_injectables")
    m.add_link(m.links[0].target, m.links[0].source, "-", 3, delay=True)
    root, texts = svg_picture(plot_map(m))
    assert texts[0] == "Systeemkaart" or "Systeemkaart" in texts
    for node in m.nodes.values():  # every label, under its marker (wrapped: its first word at least)
        assert any(node.label.split()[0] in text for text in texts), node.label
    lines = [el for el in root.iter(SVG + "polyline") if el.get("stroke") == "#444444" and el.get("stroke-opacity")]
    assert len(lines) == len(m.links)  # one line per influence, a little transparent
    dashed = [el for el in lines if el.get("stroke-dasharray")]
    assert len(dashed) == sum(1 for x in m.links if x.sign == "-")
    heads = [el for el in root.iter(SVG + "polygon") if el.get("fill") == "#444444"]
    assert len(heads) == len(m.links)  # an arrow head at each target
    assert texts.count("||") == 1 + sum(1 for x in m.links if x.delay)  # the delays, and the legend key
    shapes = {"actor": ("rect", PALETTE[0]), "factor": ("circle", PALETTE[1]), "inspectorate": ("polygon", PALETTE[2])}
    for kind, (tag, colour) in shapes.items():
        count = sum(1 for x in m.nodes.values()
                    if ("inspectorate" if x.actor_type == "inspectorate" else x.kind) == kind)
        drawn = filled(root, colour, tag)
        assert len(drawn) == count > 0, kind  # the legend keys lie outside the plot area
    assert {"actor", "factor", "de inspectie", "versterkt (+)", "verzwakt (−)", "met vertraging"} <= set(texts)


def test_power_interest_grid_places_each_actor_in_its_quadrant(mspec):
    m = SystemMap.from_case(mspec, "igj_cosmetische_injectables")
    fig = plot_power_interest(m)
    root, texts = svg_picture(fig)
    assert {"Macht-belangrooster (Mendelow)", "nauw betrekken (sleutelspelers)", "monitoren"} <= set(texts)
    assert fig.axes[0].get_xlabel() == "belang (1–5)" and fig.axes[0].get_ylabel() == "macht (1–5)"
    els = [(el, "".join(el.itertext())) for el in root.iter(SVG + "text")]
    xticks = {int(text): float(el.get("x")) for el, text in els if text in "12345" and el.get("text-anchor") == "middle"}
    yticks = {int(text): float(el.get("y")) for el, text in els if text in "12345" and el.get("text-anchor") == "end"}
    unit_x, unit_y = xticks[2] - xticks[1], yticks[1] - yticks[2]
    assert len(xticks) == len(yticks) == 5 and unit_x > 0 and unit_y > 0
    markers = filled(root, PALETTE[0], "rect") + filled(root, PALETTE[2], "polygon")
    assert len(markers) == len(m.actors())
    for actor in m.actors():
        el = next(el for el, text in els if text.replace(" ", "").startswith(actor.label[:12].replace(" ", "")))
        x, y = float(el.get("x")), float(el.get("y"))
        assert abs(x - xticks[actor.interest]) < unit_x / 2, actor.label  # in its own cell
        assert abs(y - yticks[actor.power]) < unit_y / 2, actor.label
    nvwa = [a for a in m.actors() if a.actor_type == "inspectorate"]
    hexes = filled(root, PALETTE[2], "polygon")
    assert len(hexes) == len(nvwa) == 1 and len(hexes[0].get("points").split()) == 6


# -- views -------------------------------------------------------------------------------------------
@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def saved(wb, exercise_id):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"][exercise_id]


def test_map_view_add_influence_reaches_workbook(wb):
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    draws = view.figure.draws
    view.node_label.value = "Keurmerk voor thuiskoks"
    view.node_kind.value = "factor"
    view.add_node_button.click()
    view.source.value = "keurmerk_voor_thuiskoks"
    view.target.value = "incidenten" if "incidenten" in view.model.nodes else next(iter(view.model.nodes))
    view.sign.value = "-"
    view.strength.value = 3
    view.add_link_button.click()
    answer = saved(wb, "m3.systeemkaart")
    links = answer["maps"][view.model.case_id]["links"]
    assert {"source": "keurmerk_voor_thuiskoks", "target": view.target.value, "sign": "-", "strength": 3,
            "delay": False} in links
    assert view.figure.draws == draws + 2  # redrawn after the node and after the link
    again = lst_kit.system_map("m3.systeemkaart", workbook=open_workbook("anna", wb.folder))
    assert "keurmerk_voor_thuiskoks" in again.model.nodes and len(again.model.links) == len(view.model.links)


def test_map_view_self_loop_is_refused(wb):
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    view.reach_node.value = next(iter(view.model.nodes))
    view.reach.value = "partners"  # a first save
    before = saved(wb, "m3.systeemkaart")
    view.source.value = view.target.value = next(iter(view.model.nodes))
    view.add_link_button.click()
    assert "geen invloed op zichzelf" in view.banner.message
    assert saved(wb, "m3.systeemkaart") == before


def test_map_view_reach_is_saved(wb):
    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    node = next(n for n in view.model.nodes.values() if n.actor_type == "inspectorate")
    view.reach_node.value = node.id
    view.reach.value = "direct"
    nodes = saved(wb, "m3.systeemkaart")["maps"][view.model.case_id]["nodes"]
    assert next(n for n in nodes if n["id"] == node.id)["reach"] == "direct"
    assert node.label in view.reach_out.value


# -- hooks (portfolio, class overview, learning plan, demo class) -------------------------
def test_map_hooks(wb):
    import numpy as np

    from lst_kit.reports import readings as hooks

    view = lst_kit.system_map("m3.systeemkaart", workbook=wb)
    node = next(n for n in view.model.nodes.values() if n.actor_type == "inspectorate")
    view.reach_node.value = node.id
    view.reach.value = "direct"
    answer = saved(wb, "m3.systeemkaart")
    lines = hooks.summarize("m3.systeemkaart", answer)
    assert any(line.startswith("direct:") and node.label in line for line in lines)
    rng = np.random.default_rng(2)
    answers = {f"p{i}": hooks.demo_answer("m3.systeemkaart", rng) for i in range(5)} | {"p5": answer}
    fig, class_lines = hooks.class_picture("m3.systeemkaart", answers)
    assert fig is not None and any(node.label in line and "direct" in line for line in class_lines)
    root, texts = svg_picture(fig)
    assert {"Waar kan de inspectie invloed uitoefenen? (aantal deelnemers)", node.label[:40], "direct"} <= set(texts)
    shown = len(class_lines) - 2  # a line per node shown, after the case and the map size
    assert [len(filled(root, PALETTE[i])) for i in range(3)] == [shown] * 3  # stacked: a segment per reach
    assert len(root.findall(f".//{SVG}pattern")) == 2  # two kinds of reach hatched, so they differ without colour


@pytest.mark.parametrize("exercise_id", ["m3.systeemkaart"])
def test_class_picture_is_drawn_without_matplotlib(exercise_id):
    """The class overview draws this picture as SVG; neither the module nor the drawing imports matplotlib."""
    code = ("import sys, numpy as np; from lst_kit.reports import readings as hooks; rng = np.random.default_rng(3); "
            f"answers = {{f'p{{i}}': hooks.demo_answer({exercise_id!r}, rng) for i in range(6)}}; "
            f"fig, lines = hooks.class_picture({exercise_id!r}, answers); "
            "print(type(fig).__module__, fig.to_svg()[:4] == b'<svg', 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["lst_kit.figures.svgplot", "True", "False"]


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
    restored = SystemMap.from_dict(mspec, saved, "test")
    by_hand = SystemMap(mspec, "test", {k: v for k, v in restored.nodes.items()})
    for item in saved["links"]:
        try:
            by_hand.add_link(item["source"], item["target"], item.get("sign", "+"), item.get("strength", 2),
                             item.get("delay", False))
        except (InputError, KeyError, TypeError):
            pass
    assert restored.to_dict() == by_hand.to_dict()
    assert [(x.source, x.target) for x in restored.links][-2:] == [("c", "b"), ("d", "a")]
    assert restored.version == len(restored.links) and restored._added_links == [(x.source, x.target)
                                                                                  for x in restored.links]
    with pytest.raises(InputError, match="nog niet op de kaart"):
        restored.add_link("c", "b", "+")
