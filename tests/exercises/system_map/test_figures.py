"""E3.3 System map, the figures: the pure-Python layout, the map, Mendelow's grid."""

import math
import subprocess
import sys
from dataclasses import replace

import pytest
from _svg import SVG, filled, svg_picture

from lst_kit.content import load_case, load_spec
from lst_kit.exercises.system_map.figures import (
    RING,
    MapLayout,
    layout,
    map_caption,
    plot_map,
    plot_power_interest,
    quadrants_html,
    spring_positions,
)
from lst_kit.exercises.system_map.model import SystemMap
from lst_kit.figures.style import PALETTE


@pytest.fixture
def mspec():
    return load_spec("m3.systeemkaart")


def case_map(spec, case_id="ilt_ontgassen_binnenvaart"):
    return SystemMap.from_case(spec, load_case(case_id))


def test_layout_is_deterministic_per_seed(mspec):
    m = case_map(mspec)
    first = layout(m)
    assert layout(m) == first
    other = layout(SystemMap.from_case(replace(mspec, layout_seed=8), load_case("ilt_ontgassen_binnenvaart")))
    assert other.main.keys() == first.main.keys() and other.main != first.main


def test_layout_fills_the_square_and_puts_unlinked_nodes_on_a_ring(mspec):
    m = case_map(mspec, "nvwa_maaltijdplatforms")
    placed = layout(m)
    linked = {n for x in m.links for n in (x.source, x.target)}
    assert set(placed.main) == linked and set(placed.pos) == set(m.nodes)
    xs = [p[0] for p in placed.main.values()]
    ys = [p[1] for p in placed.main.values()]
    assert max(max(map(abs, xs)), max(map(abs, ys))) == pytest.approx(1.0)  # scaled into [-1, 1]
    assert sum(xs) / len(xs) == pytest.approx(0, abs=1e-9) and sum(ys) / len(ys) == pytest.approx(0, abs=1e-9)
    for n in set(m.nodes) - linked:
        assert math.hypot(*placed.pos[n]) == pytest.approx(RING)


def test_layout_keeps_nodes_apart_and_neighbours_close(mspec):
    """Readable: no two nodes on top of each other, linked nodes nearer than the average pair."""
    m = case_map(mspec, "nvwa_maaltijdplatforms")
    pos = layout(m).main
    ids = sorted(pos)
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]]
    dist = {(a, b): math.dist(pos[a], pos[b]) for a, b in pairs}
    assert min(dist.values()) > 0.1
    linked = {tuple(sorted((x.source, x.target))) for x in m.links}
    near = [dist[p] for p in linked]
    assert sum(near) / len(near) < sum(dist.values()) / len(dist)


def test_spring_positions_by_hand():
    """Two linked nodes settle where attraction d/k equals repulsion k²/d, i.e. at distance k = sqrt(1/2)
    before scaling; scaled, they sit at (-1, ...) and (1, ...) mirror images through the centre."""
    pos = spring_positions(["a", "b"], [("a", "b")], seed=1, iterations=300)
    (ax, ay), (bx, by) = pos["a"], pos["b"]
    assert ax == pytest.approx(-bx) and ay == pytest.approx(-by)
    assert max(abs(ax), abs(ay)) == pytest.approx(1.0)
    fixed = spring_positions(["a", "b"], [("a", "b")], seed=1, fixed={"a": (0.0, 0.0)}, iterations=300)
    assert fixed["a"] == (0.0, 0.0)
    assert math.dist(fixed["a"], fixed["b"]) == pytest.approx(math.sqrt(0.5), rel=0.05)


def test_layout_is_stable_under_edits(mspec):
    m = case_map(mspec)
    before = layout(m)
    node = m.add_node("Nieuwe factor")
    m.add_link(node.id, m.links[0].source, "+")
    after = layout(m, before)
    assert all(after.main[n] == before.main[n] for n in before.main)  # linked nodes stay put
    assert node.id in after.main and node.id not in before.pos
    m.remove_link(node.id, m.links[0].source)
    again = layout(m, after)
    assert math.hypot(*again.pos[node.id]) == pytest.approx(RING)  # unlinked again: back on the ring
    assert isinstance(again, MapLayout)


@pytest.mark.slow
def test_map_analysis_and_drawing_need_no_numpy():
    code = ("import sys; sys.modules['numpy'] = None\n"
            "from lst_kit.content import load_case, load_spec\n"
            "from lst_kit.exercises.system_map.model import SystemMap\n"
            "from lst_kit.exercises.system_map.figures import layout, plot_map\n"
            "m = SystemMap.from_case(load_spec('m3.systeemkaart'), load_case('nvwa_maaltijdplatforms'))\n"
            "m.loops(); m.leverage()\n"
            "print(plot_map(m, layout(m).pos).to_svg()[:4] == b'<svg')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True"]


def test_map_draws_every_node_link_head_and_the_legend(mspec):
    m = case_map(mspec, "igj_cosmetische_injectables")
    m.add_link(m.links[0].target, m.links[0].source, "-", 3, delay=True)
    root, texts = svg_picture(plot_map(m))
    assert "Systeemkaart" in texts
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
    actors = sum(1 for x in m.nodes.values() if x.kind == "actor")
    assert map_caption(m).startswith(f"{len(m.nodes)} knopen ({actors} actoren")


def test_power_interest_grid_places_each_actor_in_its_quadrant(mspec):
    m = case_map(mspec, "igj_cosmetische_injectables")
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
    table = quadrants_html(m)
    assert all(a.label.replace("&", "&amp;") in table for a in m.actors())
