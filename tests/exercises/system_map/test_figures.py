"""E3.3 System map, the figures: the pure-Python layout, the map, Mendelow's grid."""

import math
import subprocess
import sys
from dataclasses import replace

import pytest
from _svg import SVG, filled, svg_picture

from lst_kit.content import case_ids, load_case, load_spec
from lst_kit.exercises.system_map.figures import map_caption, plot_map, plot_power_interest, quadrants_html
from lst_kit.exercises.system_map.layout import (
    RING,
    label_box,
    layout,
    map_frame,
    place_labels,
    spring_positions,
)
from lst_kit.exercises.system_map.model import SystemMap
from lst_kit.figures import svgplot
from lst_kit.figures.style import PALETTE


@pytest.fixture
def mspec():
    return load_spec("m3.systeemkaart")


def case_map(spec, case_id="ilt_ontgassen_binnenvaart"):
    return SystemMap.from_case(spec, load_case(case_id))


def linked(m):
    return {n for x in m.links for n in (x.source, x.target)}


def test_layout_is_deterministic_per_seed(mspec):
    m = case_map(mspec)
    first = layout(m)
    assert layout(m) == first and set(first.placed) == set(m.nodes)  # a fresh layout places every node
    other = layout(SystemMap.from_case(replace(mspec, layout_seed=8), load_case("ilt_ontgassen_binnenvaart")))
    assert other.pos.keys() == first.pos.keys()
    assert {n: other.pos[n] for n in linked(m)} != {n: first.pos[n] for n in linked(m)}


def test_layout_fills_the_square_and_puts_unlinked_nodes_on_a_ring(mspec):
    m = case_map(mspec, "nvwa_maaltijdplatforms")
    placed = layout(m)
    assert set(placed.pos) == set(m.nodes)
    xs = [placed.pos[n][0] for n in linked(m)]
    ys = [placed.pos[n][1] for n in linked(m)]
    assert max(max(map(abs, xs)), max(map(abs, ys))) == pytest.approx(1.0)  # scaled into [-1, 1]
    assert sum(xs) / len(xs) == pytest.approx(0, abs=1e-9) and sum(ys) / len(ys) == pytest.approx(0, abs=1e-9)
    for n in set(m.nodes) - linked(m):
        assert math.hypot(*placed.pos[n]) == pytest.approx(RING)


def test_layout_keeps_nodes_apart_and_neighbours_close(mspec):
    """Readable: no two nodes on top of each other, linked nodes nearer than the average pair."""
    m = case_map(mspec, "nvwa_maaltijdplatforms")
    pos = layout(m).pos
    ids = sorted(linked(m))
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]]
    dist = {(a, b): math.dist(pos[a], pos[b]) for a, b in pairs}
    assert min(dist.values()) > 0.1
    near = [dist[tuple(sorted((x.source, x.target)))] for x in m.links]
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


def test_nodes_keep_their_place_under_edits(mspec):
    """Issue 15.3: unlinked nodes used to jump round the ring when another node got linked."""
    m = case_map(mspec)
    m.set_positions(layout(m).pos)
    before = dict(m.positions)
    node = m.add_node("Nieuwe factor")
    after = layout(m)
    assert after.placed == (node.id,)
    assert all(after.pos[n] == before[n] for n in before)  # nobody else moved
    m.set_positions(after.pos)
    lonely = sorted(set(m.nodes) - linked(m))
    m.add_link(lonely[0], lonely[1], "+")  # two unlinked nodes get linked: the others stay on the ring
    m.add_link(node.id, m.links[0].source, "-")
    again = layout(m)
    assert again.placed == () and again.pos == m.positions
    m.remove_link(node.id, m.links[0].source)
    m.remove_node(lonely[0])
    assert lonely[0] not in m.positions and layout(m).pos == m.positions


def test_a_new_node_goes_into_free_space(mspec):
    m = case_map(mspec, "nla_uitzendwerk_arbeidsmigranten")
    m.set_positions(layout(m).pos)
    frame = map_frame(m, m.positions)
    node = m.add_node("Gemeentelijke handhaving en vergunningverlening")
    spot = frame.px(*layout(m).pos[node.id])
    r = frame.radius(node)
    for other, p in m.positions.items():  # its marker is clear of every other marker by more than a marker
        x, y = frame.px(*p)
        assert max(abs(x - spot[0]), abs(y - spot[1])) > r + frame.radius(m.nodes[other]) + 20, other


# -- labels: measured on the drawn SVG -------------------------------------------------------------

ASCENT, DESCENT = 0.8, 0.24  # DejaVu Sans: ink above and below the baseline, in ems (accented capitals aside)
NODE_COLOURS = {PALETTE[0].lower(), PALETTE[1].lower(), PALETTE[2].lower()}
NOT_LABELS = {"Systeemkaart", "||", "actor", "factor", "de inspectie", "versterkt (+)", "verzwakt (−)",
              "met vertraging"}


def drawn_boxes(fig):
    """(label boxes, marker boxes) of a drawn map, in pixels, y down: the labels from their text, position,
    anchor and font size with svgplot.text_width; the markers from their rect, circle and polygon."""
    root, _ = svg_picture(fig)
    labels = []
    for el in root.iter(SVG + "text"):
        spans = list(el.iter(SVG + "tspan"))
        lines = ["".join(sp.itertext()) for sp in spans] if spans else ["".join(el.itertext())]
        if " ".join(lines) in NOT_LABELS:
            continue
        px = float(el.get("font-size"))
        x, first = float(el.get("x")), float(el.get("y"))
        last = first + sum(float(sp.get("dy")) for sp in spans)
        w = svgplot.text_width("\n".join(lines), px / svgplot.PT)
        left = {"start": x, "middle": x - w / 2, "end": x - w}[el.get("text-anchor", "start")]
        labels.append((" ".join(lines), (left, first - ASCENT * px, left + w, last + DESCENT * px)))
    markers = []
    for group in root.iter(SVG + "g"):
        for el in group:
            if el.get("fill") not in NODE_COLOURS:
                continue
            if el.tag == SVG + "rect":
                x, y, w, h = (float(el.get(k)) for k in ("x", "y", "width", "height"))
                markers.append((x, y, x + w, y + h))
            elif el.tag == SVG + "circle":
                cx, cy, r = (float(el.get(k)) for k in ("cx", "cy", "r"))
                markers.append((cx - r, cy - r, cx + r, cy + r))
            elif el.tag == SVG + "polygon":
                pts = [tuple(map(float, p.split(","))) for p in el.get("points").split()]
                xs, ys = zip(*pts)
                markers.append((min(xs), min(ys), max(xs), max(ys)))
    return labels, markers


def crossing(a, b, tolerance=0.02):
    return min(a[2], b[2]) - max(a[0], b[0]) > tolerance and min(a[3], b[3]) - max(a[1], b[1]) > tolerance


def assert_readable(m, fig):
    labels, markers = drawn_boxes(fig)
    assert len(labels) == len(m.nodes) and len(markers) == len(m.nodes)
    for i, (text, box) in enumerate(labels):
        assert 0 <= box[0] and box[2] <= fig.width and 0 <= box[1] and box[3] <= fig.height, text
        for other, box2 in labels[i + 1:]:
            assert not crossing(box, box2), f"{text!r} covers {other!r}"
        for marker in markers:
            assert not crossing(box, marker), f"{text!r} covers a node at {marker}"


FIVE = [("Nieuwe toezichthouder in de regio", "actor"), ("Brancheorganisatie", "factor"),
        ("Gemeentelijke handhaving en vergunningverlening", "actor"), ("Media", "factor"),
        ("Klachtenloket voor consumenten, melders en hun belangenbehartigers", "factor")]


@pytest.mark.parametrize("case_id", case_ids())
def test_labels_cover_no_node_and_no_label_on_every_case_and_after_five_additions(mspec, case_id):
    """Issue 15.3: labels covered nodes and each other. Every case of the course, as drawn first and after
    five new nodes (placed as the view places them: the others keep their place)."""
    m = case_map(mspec, case_id)
    m.set_positions(layout(m).pos)
    assert_readable(m, plot_map(m, m.positions))
    for label, kind in FIVE:
        m.add_node(label[:60], kind, "regulatee" if kind == "actor" else None)
        m.set_positions(layout(m).pos)
    assert_readable(m, plot_map(m, m.positions))


def test_the_readability_check_sees_an_overlap(mspec):
    """The check above is not blind: a label written across a node is caught."""
    m = case_map(mspec, "nvwa_maaltijdplatforms")
    pos = layout(m).pos
    fig = plot_map(m, pos)
    assert_readable(m, fig)
    node = next(iter(m.nodes.values()))
    fig.axes[0].text(*pos[node.id], "Nog een", ha="center", va="center", fontsize=8)
    m.add_node("Nog een")  # (the count of labels and markers stays equal)
    fig.axes[0].scatter([5], [5], s=260, c=PALETTE[1])  # its marker, out of sight
    with pytest.raises(AssertionError, match="covers"):
        assert_readable(m, fig)


def test_labels_are_placed_beside_their_node_and_long_ones_wrapped(mspec):
    m = case_map(mspec, "nvwa_maaltijdplatforms")
    node = m.add_node("Een heel lange naam van een factor over meer regels")
    pos = layout(m).pos
    frame = map_frame(m, pos)
    labels = place_labels(m, pos, frame)
    for n, label in labels.items():
        cx, cy = frame.px(*pos[n])
        left, top, right, bottom = label.box
        near = max(left - cx, cx - right, top - cy, cy - bottom)  # the gap between the node's centre and its box
        assert near <= frame.radius(m.nodes[n]) + 3 + 22 + 1e-6, n  # at most the furthest distance tried
    assert "\n" in labels[node.id].text and labels[node.id].text.endswith("…")
    assert label_box("ab", 8, 10, 20, "left", "center")[0] == pytest.approx(10 - 0.15 * 8 * svgplot.PT)


@pytest.mark.slow
def test_map_analysis_and_drawing_need_no_numpy():
    code = ("import sys; sys.modules['numpy'] = None\n"
            "from lst_kit.content import load_case, load_spec\n"
            "from lst_kit.exercises.system_map.model import SystemMap\n"
            "from lst_kit.exercises.system_map.figures import plot_map\n"
            "from lst_kit.exercises.system_map.layout import layout\n"
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
