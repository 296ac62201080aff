"""lst_kit.figures.svgplot: the matplotlib-free SVG charts of the class overview."""

import math
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from lst_kit.figures import svgplot
from _svg import SVG

NS = {"s": "http://www.w3.org/2000/svg"}


def _bar_figure():
    fig = svgplot.Figure(figsize=(6, 3))
    ax = fig.add_subplot()
    bars = ax.bar([0, 1, 2], [10, 20, 40], color="#0072B2", edgecolor="#333333", label="aantal <n>")
    bars[1].set_hatch("//")
    ax.set_ylim(0, 40)
    ax.set_xticks([0, 1, 2], ["één", "twee & drie", "vier"])
    ax.set_title("Keuzes van de klas")
    ax.legend()
    return fig


def _tree(fig) -> ET.Element:
    return ET.fromstring(fig.to_svg())


def test_output_is_wellformed_svg_of_the_figure_size_and_deterministic():
    root = _tree(_bar_figure())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert (root.get("width"), root.get("height")) == ("600", "300")
    assert _bar_figure().to_svg() == _bar_figure().to_svg()


def test_text_is_kept_as_escaped_text():
    texts = ["".join(el.itertext()) for el in _tree(_bar_figure()).iter("{http://www.w3.org/2000/svg}text")]
    assert "Keuzes van de klas" in texts and "twee & drie" in texts and "aantal <n>" in texts


def test_bar_heights_are_proportional_to_the_values():
    rects = [r for r in _tree(_bar_figure()).iterfind(".//s:g/s:rect", NS) if r.get("fill", "").startswith("#0072")]
    heights = [float(r.get("height")) for r in rects]
    assert len(heights) == 3
    assert heights[1] == pytest.approx(2 * heights[0], rel=0.01)
    assert heights[2] == pytest.approx(4 * heights[0], rel=0.01)


def test_bars_with_the_same_hatch_share_one_pattern():
    fig = _bar_figure()
    fig.axes[0].bar([3], [5], color="#0072B2", edgecolor="#333333", hatch="//")
    root = _tree(fig)
    assert len(root.findall(".//s:pattern", NS)) == 1
    hatched = [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("fill", "").startswith("url(#h")]
    assert len(hatched) == 2  # the bar hatched afterwards and the new one


def test_horizontal_bars_inverted_axis_puts_the_first_item_on_top():
    fig = svgplot.Figure(figsize=(5, 3))
    ax = fig.add_subplot()
    ax.barh([0, 1], [5, 2], color=["#000001", "#000002"])
    ax.set_yticks([0, 1], ["eerste", "tweede"])
    ax.invert_yaxis()
    root = _tree(fig)
    first = next(r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("fill") == "#000001")
    second = next(r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("fill") == "#000002")
    assert float(first.get("y")) < float(second.get("y"))
    assert float(first.get("width")) == pytest.approx(2.5 * float(second.get("width")), rel=0.01)


def test_radar_polygon_reaches_the_outer_ring_at_the_maximum():
    fig = svgplot.Figure(figsize=(5, 5))
    ax = fig.add_subplot(projection="polar")
    ax.set_theta_offset(math.pi / 2)
    angles = [2 * math.pi * i / 4 for i in range(4)]
    ax.plot(angles + angles[:1], [5, 1, 5, 1, 5], color="#0072B2")
    ax.set_xticks(angles, ["N", "O", "Z", "W"])
    ax.set_ylim(0, 5)
    root = _tree(fig)
    line = next(p for p in root.iter("{http://www.w3.org/2000/svg}polyline") if p.get("stroke") == "#0072b2")
    pts = [tuple(map(float, xy.split(","))) for xy in line.get("points").split()]
    (nx, ny), (ox, oy), (zx, zy) = pts[0], pts[1], pts[2]
    assert nx == pytest.approx(zx) and ny < zy  # north up, south down, same x
    centre_y = (ny + zy) / 2
    assert abs(ox - nx) == pytest.approx((zy - ny) / 2 / 5, rel=0.01)  # radius 1 of 5
    assert oy == pytest.approx(centre_y)


def test_colours_and_colormap():
    assert svgplot._paint("C1") == ("#e69f00", 1.0)
    assert svgplot._paint((1.0, 0.0, 0.0, 0.5)) == ("#ff0000", 0.5)
    cmap = svgplot.colormap("cividis")
    assert cmap(0.0)[:3] == pytest.approx((0, 0x22 / 255, 0x4E / 255))
    assert cmap.reversed()(1.0) == cmap(0.0)
    with pytest.raises(ValueError):
        svgplot.colormap("jet")


def test_nice_ticks():
    assert svgplot.nice_ticks(0, 100) == [0, 20, 40, 60, 80, 100]
    assert svgplot.nice_ticks(0, 3, integer=True) == [0, 1, 2, 3]


def test_drawing_needs_no_matplotlib():
    code = ("import sys; from lst_kit.figures import svgplot; f = svgplot.Figure(); a = f.add_subplot(); "
            "a.bar([0], [1]); f.legend(); f.to_svg(); print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_plotting_helpers_take_svgplot_figures():
    from lst_kit.figures.style import data_uri, svg_bytes

    fig = _bar_figure()
    assert svg_bytes(fig) == fig.to_svg()
    assert data_uri(fig).startswith("data:image/svg+xml;base64,")


def test_spaces_in_labels_are_kept_and_open_markers_show_in_the_legend():
    fig = svgplot.Figure(figsize=(5, 3))
    ax = fig.add_subplot()
    ax.scatter([1], [1], marker="s", facecolor="none", edgecolor="#0072B2", label="beginwaarde")
    ax.set_title("a  b")
    ax.legend()
    root = _tree(fig)
    assert root.get("style") == "white-space:pre"
    keys = [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("stroke") == "#0072b2"]
    assert len(keys) == 2 and all(k.get("fill") == "none" for k in keys)  # the point and its legend key


@pytest.mark.parametrize("marker", ["o", "s", "D", "d", "^", "v", "<", ">", "*", "P", "X", "x", "+", "h", "H"])
def test_every_marker_draws_something_centred_on_its_point(marker):
    fig = svgplot.Figure(figsize=(3, 3))
    ax = fig.add_subplot()
    ax.scatter([0.5], [0.5], marker=marker, s=100, color="#D55E00")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    svg = fig.to_svg().decode()
    assert svg.count("#d55e00") >= 1


def test_polar_sectors_lie_beneath_the_rings_and_texts_sit_on_top_with_their_box():
    fig = svgplot.Figure(figsize=(5, 5))
    ax = fig.add_subplot(projection="polar")
    ax.set_frame("circle")
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, 5)
    ax.bar(math.pi / 2, 5, width=math.pi / 2, color="#f2f2f2", edgecolor="#d0d0d0")  # the east quarter
    ax.plot([0, math.pi / 2, math.pi, 0], [5, 5, 5, 5], color="#0072B2")
    ax.text(math.pi / 2, 4, "oost", ha="center", va="center", rotation=-90, style="italic",
            bbox={"facecolor": "white", "alpha": 0.85})
    ax.set_xticks([0, math.pi / 2, math.pi, 3 * math.pi / 2], ["N", "O", "Z", "W"])
    ax.set_yticks([1, 2, 3, 4, 5])
    root = _tree(fig)
    elements = list(root.iter())
    wedge = next(e for e in elements if e.tag.endswith("polygon") and e.get("fill") == "#f2f2f2")
    ring = next(e for e in elements if e.tag.endswith("circle") and e.get("stroke") == "#d0d0d0")
    label = next(e for e in elements if e.tag.endswith("text") and e.text == "oost")
    assert elements.index(wedge) < elements.index(ring) < elements.index(label)
    assert label.get("font-style") == "italic" and label.get("transform", "").startswith("rotate(90 ")
    box = elements[elements.index(label) - 1]
    assert box.tag.endswith("rect") and box.get("fill") == "#ffffff" and box.get("fill-opacity") == "0.85"
    # the wedge spans the east quarter: from the centre out to radius 5, between north-east and south-east
    line = next(e for e in elements if e.tag.endswith("polyline") and e.get("stroke") == "#0072b2")
    (nx, ny), (ex, ey) = [tuple(map(float, p.split(","))) for p in line.get("points").split()[:2]]
    cx, cy, radius = nx, ey, ex - nx
    pts = [tuple(map(float, p.split(","))) for p in wedge.get("points").split()]
    assert (cx, cy) in [(pytest.approx(x), pytest.approx(y)) for x, y in pts]
    rim = [(x, y) for x, y in pts if math.hypot(x - cx, y - cy) > 1]
    assert all(math.hypot(x - cx, y - cy) == pytest.approx(radius, abs=0.05) for x, y in rim)
    assert all(x - cx >= abs(y - cy) - 0.05 for x, y in rim)  # within 45 degrees of east


def test_rlabel_position_moves_the_ring_values():
    def ring_label_at(degrees):
        fig = svgplot.Figure(figsize=(4, 4))
        ax = fig.add_subplot(projection="polar")
        ax.plot([0, math.pi], [2, 2])
        ax.set_ylim(0, 2)
        ax.set_yticks([1, 2])
        if degrees is not None:
            ax.set_rlabel_position(degrees)
        text = next(e for e in _tree(fig).iter("{http://www.w3.org/2000/svg}text") if e.text == "2")
        return float(text.get("x")), float(text.get("y"))

    x0, y0 = ring_label_at(0)      # along theta = 0: to the right of the centre, on its height
    x90, y90 = ring_label_at(90)   # along theta = 90 degrees: straight above it
    assert x0 > x90 and y90 < y0


def test_multi_column_legend_columns_fit_their_own_labels():
    fig = svgplot.Figure(figsize=(6, 3))
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], label="a")
    ax.plot([0, 1], [1, 0], label="een heel erg lang legendalabel")
    ax.plot([0, 1], [0.5, 0.5], label="b")
    fig.legend(ncols=3)
    xs = {e.text: float(e.get("x")) for e in _tree(fig).iter("{http://www.w3.org/2000/svg}text")
          if e.text in ("a", "b", "een heel erg lang legendalabel")}
    first_gap = xs["een heel erg lang legendalabel"] - xs["a"]
    second_gap = xs["b"] - xs["een heel erg lang legendalabel"]
    assert second_gap > 2 * first_gap  # the short first column is narrow, the long second one wide


def test_axes_text_with_a_box_behind_it():
    fig = svgplot.Figure(figsize=(4, 3))
    ax = fig.add_subplot()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.text(0.5, 0.5, "let op", ha="center", va="center", bbox={"facecolor": "#ffff00", "edgecolor": "#000000"})
    elements = list(_tree(fig).iter())
    label = next(i for i, e in enumerate(elements) if e.tag.endswith("text") and e.text == "let op")
    box = elements[label - 1]
    assert box.get("fill") == "#ffff00" and box.get("stroke") == "#000000"
    x, w = float(box.get("x")), float(box.get("width"))
    assert x < float(elements[label].get("x")) < x + w  # centred text inside its box


def test_a_turned_text_leaves_the_x_tick_labels_upright():
    fig = svgplot.Figure(figsize=(4, 3))
    ax = fig.add_subplot()
    ax.set_xlim(0, 2)
    ax.set_xticks([0.5, 1.5], ["links", "rechts"])
    ax.text(1, 0.5, "schuin", rotation=90)
    texts = {e.text: e for e in _tree(fig).iter("{http://www.w3.org/2000/svg}text")}
    assert texts["schuin"].get("transform", "").startswith("rotate(-90 ")
    assert texts["links"].get("transform") is None and texts["rechts"].get("transform") is None


def test_steps_mid_in_plot_and_fill_between():
    fig = svgplot.Figure(figsize=(4, 3))
    ax = fig.add_subplot()
    ax.plot([1, 2, 3], [1, 3, 2], drawstyle="steps-mid", marker="o", color="#000001")
    ax.fill_between([1, 2, 3], [1, 2, 3], step="mid", color="#000002")
    ax.set_xlim(0, 4)
    ax.set_ylim(0, 4)
    root = _tree(fig)
    line = next(e for e in root.iter("{http://www.w3.org/2000/svg}polyline") if e.get("stroke") == "#000001")
    pts = [tuple(map(float, p.split(","))) for p in line.get("points").split()]
    assert len(pts) == 7 and pts[1][1] == pts[0][1] and pts[2][0] == pts[1][0] and pts[3][1] == pts[2][1]
    assert svgplot._steps([1, 2], [5, 6], "mid") == [(1, 5), (1.5, 5), (1.5, 6), (2, 6)]
    assert svgplot._steps([1, 2], [5, 6], "post") == [(1, 5), (2, 5), (2, 6)]
    markers = [c for c in root.iter(SVG + "circle") if c.get("fill") == "#000001"]
    assert len(markers) == 3  # on the points, not on the corners
    area = next(e for e in root.iter("{http://www.w3.org/2000/svg}polygon") if e.get("fill") == "#000002")
    assert len(area.get("points").split()) == 2 * 7


def test_sharex_lines_up_the_plot_areas_of_a_column():
    def spines(sharex):
        fig = svgplot.Figure(figsize=(5, 4))
        top, bottom = fig.subplots(2, 1, sharex=sharex)
        top.plot([0, 1], [0, 1], label="lijn")
        top.legend()  # room on the right for the legend
        top.set_yticks([0, 1], ["een heel lang label", "kort"])
        bottom.plot([0, 1], [0, 1])
        bottom.set_ylabel("y")
        lefts = [e for e in _tree(fig).iter("{http://www.w3.org/2000/svg}line")
                 if e.get("x1") == e.get("x2") and e.get("stroke") == "#555555" and e.get("y1") != e.get("y2")
                 and abs(float(e.get("y1")) - float(e.get("y2"))) > 50]
        return sorted({float(e.get("x1")) for e in lefts})

    assert len(spines(False)) == 4  # left and right spines of two axes at different places
    assert len(spines(True)) == 2   # the same left and right edges


def test_polygons_arrows_and_axis_off():
    fig = svgplot.Figure(figsize=(4, 4))
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.set_xlabel("verborgen")
    ax.add_patch(svgplot.Polygon([(1, 1), (9, 1), (5, 9)], facecolor="#000001", edgecolor="#000002", hatch=".."))
    ax.annotate("", xy=(8, 8), xytext=(2, 2), arrowprops={"arrowstyle": "-|>", "connectionstyle": "arc3,rad=0.3",
                                                          "color": "#000003", "linestyle": "--"})
    ax.annotate("", xy=(2, 8), xytext=(2, 2), arrowprops={"color": "#000004"})
    root = _tree(fig)
    assert not [e for e in root.iter("{http://www.w3.org/2000/svg}line")]          # no spines, no ticks
    assert "verborgen" not in [e.text for e in root.iter("{http://www.w3.org/2000/svg}text")]
    triangle = next(e for e in root.iter("{http://www.w3.org/2000/svg}polygon") if e.get("fill") == "#000001")
    assert len(triangle.get("points").split()) == 3 and triangle.get("stroke") == "#000002"
    assert any(e.get("fill", "").startswith("url(#h") for e in root.iter("{http://www.w3.org/2000/svg}polygon"))
    curved = next(e for e in root.iter("{http://www.w3.org/2000/svg}path") if e.get("stroke") == "#000003")
    straight = next(e for e in root.iter("{http://www.w3.org/2000/svg}path") if e.get("stroke") == "#000004")
    assert "Q" in curved.get("d") and curved.get("stroke-dasharray") and "Q" not in straight.get("d")
    # the curve bends to the right of its way (rad > 0): from lower left to upper right, below the diagonal
    q = curved.get("d").split("Q")[1].split()
    cx, cy = float(q[0]), float(q[1])
    x0, y0 = (float(v) for v in curved.get("d")[1:].split("Q")[0].split())
    assert cx - x0 > y0 - cy  # in pixels (y down): further right than up
    heads = [e for e in root.iter("{http://www.w3.org/2000/svg}polygon") if e.get("fill") in ("#000003", "#000004")]
    assert len(heads) == 2


def test_text_box_takes_pad_from_the_boxstyle_and_a_dashed_edge():
    fig = svgplot.Figure(figsize=(4, 3))
    ax = fig.add_subplot()
    ax.text(0.5, 0.5, "naast", bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": "#888888",
                                     "linestyle": "--"})
    box = next(e for e in _tree(fig).iter("{http://www.w3.org/2000/svg}rect") if e.get("stroke") == "#888888")
    assert box.get("stroke-dasharray") and float(box.get("rx")) == pytest.approx(0.4 * 10 * svgplot.PT, abs=0.01)


def test_hexagon_marker_has_six_corners_around_its_point_and_a_text_marker_is_text():
    fig = svgplot.Figure(figsize=(3, 3))
    ax = fig.add_subplot()
    ax.scatter([0.5], [0.5], marker="h", s=400, color="#009E73", label="de inspectie")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    fig.legend([svgplot.Line2D(color="none", marker="$||$", markeredgecolor="#222222", markersize=9)],
               ["met vertraging"])
    root = _tree(fig)
    hexes = [p for p in root.iter("{http://www.w3.org/2000/svg}polygon") if p.get("fill") == "#009e73"]
    corners = [tuple(map(float, pt.split(","))) for pt in hexes[0].get("points").split()]
    assert len(corners) == 6
    cx, cy = sum(x for x, _ in corners) / 6, sum(y for _, y in corners) / 6
    radii = [math.hypot(x - cx, y - cy) for x, y in corners]
    assert max(radii) - min(radii) < 0.05 and abs(radii[0] - math.sqrt(400) * svgplot.PT / 2) < 0.05
    assert abs(corners[0][0] - cx) < 0.01 and corners[0][1] < cy  # "h": a corner straight up
    texts = {"".join(t.itertext()): t for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert texts["||"].get("fill") == "#222222" and texts["||"].get("text-anchor") == "middle"
    assert "met vertraging" in texts


def test_axes_legend_title_stands_above_its_entries_in_bold():
    fig = svgplot.Figure(figsize=(5, 3))
    ax = fig.add_subplot()
    ax.bar([1, 2], [3, 4], color="#0072B2", label="laag")
    ax.legend(title="Risicoklasse")
    texts = {"".join(t.itertext()): t for t in _tree(fig).iter("{http://www.w3.org/2000/svg}text")}
    title, entry = texts["Risicoklasse"], texts["laag"]
    assert title.get("font-weight") == "bold" and float(title.get("y")) < float(entry.get("y"))
    assert float(title.get("x")) + svgplot.text_width("Risicoklasse", 8.5, bold=True) <= 500


def test_equal_aspect_gives_both_axes_the_same_pixels_per_unit_and_centres_the_area():
    fig = svgplot.Figure(figsize=(6, 3))
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.plot([0, 2], [0, 0], color="#0072B2")
    ax.plot([0, 0], [0, 1], color="#E69F00")
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 1)
    lines = {p.get("stroke"): [tuple(map(float, pt.split(","))) for pt in p.get("points").split()]
             for p in _tree(fig).iter("{http://www.w3.org/2000/svg}polyline")}
    (ax0, ay0), (ax1, _) = lines["#0072b2"]
    (_, by0), (_, by1) = lines["#e69f00"]
    assert abs((ax1 - ax0) / 2 - (by0 - by1)) < 0.05  # one unit across = one unit up
    assert abs((ax0 + ax1) / 2 - 300) < 8  # a wide box: the narrower area sits in its middle
    with pytest.raises(ValueError):
        ax.set_aspect("square")


def test_a_tick_label_set_bold_is_drawn_bold_and_the_others_are_not():
    fig = svgplot.Figure(figsize=(4, 3))
    ax = fig.add_subplot()
    ax.barh([0, 1, 2], [1, 2, 3])
    ax.set_yticks([0, 1, 2], ["laag", "midden", "hoog"])
    labels = ax.get_yticklabels()
    assert [lab.get_text() for lab in labels] == ["laag", "midden", "hoog"]
    labels[1].set_fontweight("bold")
    texts = {"".join(t.itertext()): t for t in _tree(fig).iter("{http://www.w3.org/2000/svg}text")}
    assert texts["midden"].get("font-weight") == "bold"
    assert texts["laag"].get("font-weight") is None and texts["hoog"].get("font-weight") is None


def test_legend_labels_of_two_lines_get_a_taller_row_and_do_not_overlap():
    fig = svgplot.Figure(figsize=(5, 3))
    ax = fig.add_subplot()
    for label in ("een", "twee\nregels", "drie\nregels"):
        ax.scatter([1], [1], marker="s", color="#0072B2", label=label)
    ax.legend(fontsize=8)
    LINE = svgplot.LINE_HEIGHT * 8 * svgplot.PT
    texts = {"".join(t.itertext()): t for t in _tree(fig).iter("{http://www.w3.org/2000/svg}text")}
    ys = [float(texts[k].get("y")) for k in ("een", "tweeregels", "drieregels")]
    # each label starts below the last line of the one above it
    assert ys[1] - ys[0] >= LINE and ys[2] - ys[1] >= 2 * LINE


def test_sharey_lines_up_the_plot_areas_of_a_row_and_each_xlabel_stays_under_its_own_ticks():
    fig = svgplot.Figure(figsize=(8, 3))
    ax, bx = fig.subplots(1, 2, sharey=True)
    ax.bar([0, 1], [1, 2], color="#000001")
    ax.set_xticks([0, 1], ["lang\nlabel\nin\nregels", "b"], rotation=30)
    bx.bar([0, 1], [1, 2], color="#000002")
    bx.set_xlabel("onder de as")
    root = _tree(fig)
    bottoms = {}
    for r in root.iter("{http://www.w3.org/2000/svg}rect"):
        if r.get("fill") in ("#000001", "#000002"):
            bottoms.setdefault(r.get("fill"), set()).add(round(float(r.get("y")) + float(r.get("height")), 1))
    assert bottoms["#000001"] == bottoms["#000002"] and len(bottoms["#000001"]) == 1
    base = bottoms["#000001"].pop()
    label = next(t for t in root.iter("{http://www.w3.org/2000/svg}text") if "".join(t.itertext()) == "onder de as")
    assert base < float(label.get("y")) < base + 45  # just under bx's tick labels, not at the foot of the figure
    # the rotated label of four lines fits in the figure
    long = next(t for t in root.iter("{http://www.w3.org/2000/svg}text") if "".join(t.itertext()) == "langlabelinregels")
    lines = 4 * svgplot.LINE_HEIGHT * svgplot.TICK_FONTSIZE * svgplot.PT
    assert float(long.get("y")) + lines * math.cos(math.radians(30)) + 5 <= 300


def test_an_argument_svgplot_does_not_draw_is_refused_not_dropped():
    """matplotlib's API, kept honestly: what svgplot cannot draw raises."""
    fig = svgplot.Figure()
    ax = fig.add_subplot()
    with pytest.raises(TypeError):
        ax.bar([0], [1], picker=True)
    with pytest.raises(TypeError):
        ax.set_xlabel("x", labelpad=4)
    with pytest.raises(ValueError, match="left"):
        ax.set_title("t", loc="middle")
    with pytest.raises(ValueError, match="lower center"):
        fig.legend(loc="upper right")


def test_zorder_decides_what_is_drawn_on_top():
    """Dots with zorder 3 come after bars drawn later in the code; without
    it, matplotlib's default (patches and collections at 1) keeps code order."""
    def order(dots_z):
        fig = svgplot.Figure()
        ax = fig.add_subplot()
        ax.scatter([1], [1], color="#ff0000", zorder=dots_z)
        ax.bar([1], [2], color="#0000ff")
        svg = fig.to_svg().decode()
        return svg.index('fill="#ff0000"') < svg.index('fill="#0000ff"')

    assert order(None) is True       # same zorder: code order, dots first (beneath)
    assert order(3) is False         # dots on top


def test_set_title_loc_aligns_the_title():
    fig = svgplot.Figure(figsize=(4, 3))
    ax = fig.add_subplot()
    ax.set_title("Links", loc="left")
    root = ET.fromstring(fig.to_svg())
    (title,) = [el for el in root.iter(SVG + "text") if "".join(el.itertext()) == "Links"]
    assert title.get("text-anchor") in (None, "start") and float(title.get("x")) < 100


def test_get_window_extent_is_the_plot_area_drawn():
    """Axes.get_window_extent (matplotlib's name, y from the bottom) gives the plot area the SVG draws in,
    title and figure legend taken off: data at the limits lands on its corners."""
    fig = svgplot.Figure(figsize=(6, 4))
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title("Titel")
    ax.scatter([0, 10], [0, 5], s=16, c="#123456")
    ax.plot([0, 10], [0, 5], label="lijn")
    fig.legend(loc="lower center")
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 5)
    ext = ax.get_window_extent()
    assert isinstance(ext, svgplot.Bbox) and ext.width > 0 and ext.height > 0
    assert ext.y0 > 20 and 400 - ext.y1 > 20  # room for the legend below and the title above
    root = ET.fromstring(fig.to_svg())
    dots = [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter(SVG + "circle")
            if c.get("fill") == "#123456"]
    assert dots[0] == pytest.approx((ext.x0, 400 - ext.y0), abs=0.01)  # (0, 0) at the bottom left
    assert dots[1] == pytest.approx((ext.x1, 400 - ext.y1), abs=0.01)  # (10, 5) at the top right
