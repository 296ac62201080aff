"""E3.3 System analysis map, where things go on the drawing: the nodes'
layout (pure Python, no numpy; kept positions, a fresh force layout, new
nodes into free space), the drawing's frame (its plot area in pixels, from
svgplot), and the labels beside their nodes. Pure functions: none of them
changes the model (the view keeps the positions in it)."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from ...figures import svgplot
from ...figures.style import PALETTE
from ...i18n import t
from .model import MapNode, SystemMap

__all__ = [
    "ACTOR_COLOUR",
    "BULK",
    "FACTOR_COLOUR",
    "INSPECTORATE_COLOUR",
    "LABEL_STYLES",
    "LINK_COLOUR",
    "NODE_STYLES",
    "RING",
    "MapFrame",
    "MapLabel",
    "MapLayout",
    "free_spot",
    "fresh_layout",
    "label_box",
    "layout",
    "map_frame",
    "map_skeleton",
    "place_labels",
    "spring_positions",
]

ACTOR_COLOUR = PALETTE[0]
FACTOR_COLOUR = PALETTE[1]
INSPECTORATE_COLOUR = PALETTE[2]
LINK_COLOUR = "#444444bf"  # the links a little transparent (alpha 0.75): nodes and labels stay on top

RING = 1.32  # the radius of the ring of nodes without a link, around the map in [-1, 1]


# -- layout -------------------------------------------------------------------------------

def spring_positions(nodes: list[str], edges: list[tuple[str, str]], seed: int,
                     fixed: dict[str, tuple[float, float]] | None = None,
                     iterations: int | None = None) -> dict[str, tuple[float, float]]:
    """A force-directed layout (Fruchterman & Reingold 1991, as networkx's
    ``spring_layout`` does it) in pure Python: linked nodes attract, all
    nodes repel, steps shrink as the layout cools.

    Deterministic: each free node starts at a place drawn from
    ``random.Random(f"{seed}/{node}")`` (or next to its fixed neighbours),
    so a node's start does not depend on the others. Nodes in ``fixed`` stay
    where they are; without fixed nodes the result is centred and scaled
    into [-1, 1]."""
    fixed = {n: p for n, p in (fixed or {}).items() if n in set(nodes)}
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1 and not fixed:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    neighbours: list[set[int]] = [set() for _ in nodes]
    for a, b in edges:
        if a in index and b in index and a != b:
            neighbours[index[a]].add(index[b])
            neighbours[index[b]].add(index[a])
    xs, ys = [0.0] * n, [0.0] * n
    free = []
    for i, node in enumerate(nodes):
        if node in fixed:
            xs[i], ys[i] = fixed[node]
    for i, node in enumerate(nodes):
        if node in fixed:
            continue
        free.append(i)
        rng = random.Random(f"{seed}/{node}")
        anchors = [j for j in neighbours[i] if nodes[j] in fixed]
        if anchors:
            xs[i] = sum(xs[j] for j in anchors) / len(anchors) + rng.uniform(-0.05, 0.05)
            ys[i] = sum(ys[j] for j in anchors) / len(anchors) + rng.uniform(-0.05, 0.05)
        elif fixed:
            lo_x, hi_x = min(p[0] for p in fixed.values()), max(p[0] for p in fixed.values())
            lo_y, hi_y = min(p[1] for p in fixed.values()), max(p[1] for p in fixed.values())
            xs[i], ys[i] = rng.uniform(lo_x, hi_x), rng.uniform(lo_y, hi_y)
        else:
            xs[i], ys[i] = rng.random(), rng.random()
    if not free:
        return {node: (xs[i], ys[i]) for i, node in enumerate(nodes)}
    if iterations is None:  # a map of 250 nodes takes about a second once; edits then only place new nodes
        iterations = 100 if n <= 60 else max(15, 240_000 // (n * n))
    k = math.sqrt(1.0 / n)
    k2 = k * k
    temperature = 0.1 * max(max(xs) - min(xs), max(ys) - min(ys), 0.1)
    cooling = temperature / (iterations + 1)
    sqrt = math.sqrt
    for _ in range(iterations):
        steps = []
        for i in free:
            xi, yi = xs[i], ys[i]
            fx = fy = 0.0
            for xj, yj in zip(xs, ys):  # repulsion k²/d along the unit vector (the node itself adds 0)
                dx, dy = xi - xj, yi - yj
                d2 = dx * dx + dy * dy
                if d2 < 1e-4:
                    d2 = 1e-4
                fx += dx * k2 / d2
                fy += dy * k2 / d2
            for j in neighbours[i]:  # attraction d²/k along the unit vector
                dx, dy = xi - xs[j], yi - ys[j]
                d = sqrt(dx * dx + dy * dy)
                if d < 0.01:
                    d = 0.01
                fx -= dx * d / k
                fy -= dy * d / k
            length = sqrt(fx * fx + fy * fy)
            if length < 0.01:
                length = 0.01
            steps.append((i, fx * temperature / length, fy * temperature / length))
        moved = 0.0
        for i, sx, sy in steps:  # all free nodes move together, as in networkx
            xs[i] += sx
            ys[i] += sy
            moved += sqrt(sx * sx + sy * sy)
        temperature -= cooling
        if moved / n < 1e-4:
            break
    if not fixed:
        mx, my = sum(xs) / n, sum(ys) / n
        lim = max(max(abs(x - mx) for x in xs), max(abs(y - my) for y in ys)) or 1.0
        xs = [(x - mx) / lim for x in xs]
        ys = [(y - my) / lim for y in ys]
    return {node: (xs[i], ys[i]) for i, node in enumerate(nodes)}


@dataclass(frozen=True)
class MapLayout:
    """Where the nodes of a map stand (``pos``, every node) and which of
    them were placed just now (``placed``; the others kept their place)."""

    pos: dict[str, tuple[float, float]] = field(default_factory=dict)
    placed: tuple[str, ...] = ()


def fresh_layout(model: SystemMap) -> dict[str, tuple[float, float]]:
    """The layout of a map drawn for the first time (and of an answer saved
    without positions): the linked nodes by :func:`spring_positions`, the
    nodes without a link on a ring around them, in label order."""
    degree = {n: 0 for n in model.nodes}
    for x in model.links:
        degree[x.source] += 1
        degree[x.target] += 1
    linked = [n for n in model.nodes if degree[n] > 0]
    isolated = sorted((n for n in model.nodes if degree[n] == 0), key=lambda n: model.nodes[n].label.casefold())
    main = spring_positions(linked, [(x.source, x.target) for x in model.links], model.spec.layout_seed)
    ring = {}
    for i, n in enumerate(isolated):
        angle = math.pi / 2 - 2 * math.pi * i / max(1, len(isolated))
        ring[n] = (RING * math.cos(angle), RING * math.sin(angle))
    return {**main, **ring}


def layout(model: SystemMap) -> MapLayout:
    """The map's layout. Nodes with a position (``model.positions``: where
    they were drawn before, or saved in the answer) keep it: linking,
    unlinking or adding others never moves them. A node without one is put
    into the free space of the drawing (:func:`free_spot`); more than
    ``BULK`` of them at once go beside their neighbours (the spring layout
    with the others fixed). A map without any positions gets :func:`fresh_layout`."""
    known = {n: model.positions[n] for n in model.nodes if n in model.positions}
    if not known:
        pos = fresh_layout(model)
        return MapLayout(pos, tuple(model.nodes))
    new = [n for n in model.nodes if n not in known]
    if not new:
        return MapLayout(known, ())
    if len(new) > BULK:  # many at once (a script, an odd answer): beside their neighbours, the others fixed
        pos = spring_positions(list(model.nodes), [(x.source, x.target) for x in model.links],
                               model.spec.layout_seed, known)
        return MapLayout({n: pos[n] for n in model.nodes}, tuple(new))
    pos = dict(known)
    frame = map_frame(model, pos)
    obstacles = [frame.marker_box(model.nodes[n], *frame.px(*p)) for n, p in pos.items()]
    obstacles += [label.box for label in place_labels(model, pos, frame).values()]
    for n in new:
        spot, footprint = free_spot(model.nodes[n], frame, obstacles, pos.values())
        pos[n] = frame.data(*spot)
        obstacles += footprint
    return MapLayout({n: pos[n] for n in model.nodes}, tuple(new))


# -- the drawing's geometry and the labels -------------------------------------------------------

FIGSIZE = (9.0, 6.8)
FIGSIZE_BIG = (9.0, 8.0)
BIG = 60  # a map of more nodes is drawn smaller, with short labels in small type
BULK = 10  # more new nodes than this at once are placed by the spring layout, not one by one into free space
LABEL_GAP = 3.0  # pixels between a node's marker and its label
#: The label styles tried in turn (characters per line, lines, font size): the first that fits is used.
LABEL_STYLES = ((18, 3, 8.0), (13, 4, 8.0), (13, 4, 7.0), (10, 5, 6.5))
#: Where a label is tried, in turn: (dx, dy) of its anchor from the node, (ha, va).
DIRECTIONS = (((1, 0), ("left", "center")), ((-1, 0), ("right", "center")), ((0, -1), ("center", "bottom")),
              ((0, 1), ("center", "top")), ((0.75, -0.75), ("left", "bottom")), ((-0.75, -0.75), ("right", "bottom")),
              ((0.75, 0.75), ("left", "top")), ((-0.75, 0.75), ("right", "top")))
LABEL_DISTANCES = (0.0, 10.0, 22.0)  # further from the node when nothing fits close by


Box = tuple  # (left, top, right, bottom) in pixels, y down
PT = svgplot.DPI / 72  # pixels per point
LINE_HEIGHT = 1.25  # svgplot's line height, in font sizes (a box behind a text is as tall as its lines)


@dataclass(frozen=True)
class MapFrame:
    """The geometry of the drawing: the figure's size, the plot area and
    its limits (pixels, y down, as in the SVG), and the marker sizes."""

    big: bool
    figsize: tuple[float, float]
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    area: tuple[float, float, float, float]  # x, y, width, height in pixels

    @property
    def size(self) -> float:
        """The scatter size (points²) of a node's marker."""
        return 60.0 if self.big else 260.0

    def px(self, x: float, y: float) -> tuple[float, float]:
        ax, ay, w, h = self.area
        (x0, x1), (y0, y1) = self.xlim, self.ylim
        return ax + (x - x0) / ((x1 - x0) or 1) * w, ay + h - (y - y0) / ((y1 - y0) or 1) * h

    def data(self, px: float, py: float) -> tuple[float, float]:
        ax, ay, w, h = self.area
        (x0, x1), (y0, y1) = self.xlim, self.ylim
        return x0 + (px - ax) / (w or 1) * (x1 - x0), y0 + (ay + h - py) / (h or 1) * (y1 - y0)

    def radius(self, node: MapNode) -> float:
        """Half the marker's width in pixels, its white edge included."""
        size = self.size * (1.4 if node.actor_type == "inspectorate" else 1)
        return math.sqrt(size) * PT / 2 + 0.6

    def marker_box(self, node: MapNode, px: float, py: float) -> Box:
        r = self.radius(node)
        return (px - r, py - r, px + r, py + r)


def _limits(pos: dict) -> tuple[tuple[float, float], tuple[float, float]]:
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    pad = 0.15
    return (min(xs) - pad, max(xs) + pad), (min(ys) - pad - 0.08, max(ys) + pad)


def map_skeleton(model: SystemMap, pos: dict) -> tuple[svgplot.Figure, object, MapFrame]:
    """The map's figure before anything is drawn in it: its title, legend
    and limits (what decides the plot area), with its axes and geometry."""
    big = len(model.nodes) > BIG
    figsize = FIGSIZE_BIG if big else FIGSIZE
    fig = svgplot.Figure(figsize=figsize)
    ax = fig.add_subplot()
    ax.set_axis_off()
    kinds = {"inspectorate" if x.actor_type == "inspectorate" else x.kind for x in model.nodes.values()}
    handles, labels = [], []  # the legend: the kinds of node on the map, then the kinds of link
    for key, (marker, colour) in NODE_STYLES.items():
        if key in kinds:
            handles.append(svgplot.Line2D([], [], color=colour, linestyle="", marker=marker, markersize=9))
            labels.append(t(f"map.legend_{key}"))
    handles += [svgplot.Line2D([], [], color="#444444", linewidth=2),
                svgplot.Line2D([], [], color="#444444", linewidth=2, linestyle="--"),
                svgplot.Line2D([], [], color="none", linestyle="", marker="$||$", markersize=9,
                               markeredgecolor="#222222")]
    labels += [t("map.legend_plus"), t("map.legend_minus"), t("map.legend_delay")]
    fig.legend(handles, labels, loc="lower center", ncols=6, fontsize=8)
    ax.set_title(t("map.plot_title"))
    xlim, ylim = _limits(pos)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ext = ax.get_window_extent()
    area = (ext.x0, figsize[1] * svgplot.DPI - ext.y1, ext.width, ext.height)  # y down, as in the SVG
    return fig, ax, MapFrame(big, figsize, xlim, ylim, area)


def map_frame(model: SystemMap, pos: dict) -> MapFrame:
    """The geometry :func:`plot_map` draws ``model`` at ``pos`` with."""
    return map_skeleton(model, pos)[2]


@dataclass(frozen=True)
class MapLabel:
    """A node's label as drawn: its text (wrapped), anchor in data units,
    alignment, font size, and the box it takes (pixels, y down, its white
    background included)."""

    text: str
    x: float
    y: float
    ha: str
    va: str
    fontsize: float
    box: Box


def _wrap(label: str, width: int = 18, lines: int = 3) -> str:
    """``label`` on at most ``lines`` lines of about ``width`` characters; '…' where it was cut."""
    words, out, line = label.split(), [], ""
    for word in words:
        while len(word) > max(width, 22) + 2:  # only a very long word is broken, with a hyphen
            if line:
                out.append(line)
                line = ""
            out.append(word[:width] + "-")
            word = word[width:]
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][:width - 1].rstrip() + "…"
    return "\n".join(out)


def label_box(text: str, fontsize: float, px: float, py: float, ha: str, va: str) -> Box:
    """The box svgplot draws behind a text with ``bbox`` (pad 0.15), in pixels."""
    w = svgplot.text_width(text, fontsize)
    h = (text.count("\n") + 1) * LINE_HEIGHT * fontsize * PT
    pad = 0.15 * fontsize * PT
    left = {"left": px, "center": px - w / 2, "right": px - w}[ha]
    top = {"top": py, "center": py - h / 2, "bottom": py - h}[va]
    return (left - pad, top - pad, left + w + pad, top + h + pad)


def _overlap(a: Box, b: Box) -> float:
    """The area two boxes share (0 when they only touch or are apart)."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _inside(box: Box, area: tuple) -> bool:
    x, y, w, h = area
    return box[0] >= x and box[1] >= y and box[2] <= x + w and box[3] <= y + h


def place_labels(model: SystemMap, pos: dict, frame: MapFrame) -> dict[str, MapLabel]:
    """Each node's label where it covers no marker and no label placed
    before it (a greedy search): right of the node, left, above, below,
    then the diagonals; a little further away; then wrapped narrower and in
    smaller type. A label that fits nowhere goes where it covers least."""
    nodes = [x for x in model.nodes.values() if x.id in pos]  # (layout asks before new nodes have a place)
    centres = {x.id: frame.px(*pos[x.id]) for x in nodes}
    markers = [frame.marker_box(x, *centres[x.id]) for x in nodes]
    placed: list[Box] = []
    labels: dict[str, MapLabel] = {}
    styles = ((24, 1, 5.5),) if frame.big else LABEL_STYLES
    for node in nodes:
        cx, cy = centres[node.id]
        r = frame.radius(node)
        best, best_cost = None, None
        for width, lines, fontsize in styles:
            text = node.label[:width] if frame.big else _wrap(node.label, width, lines)
            for extra in LABEL_DISTANCES:
                d = r + LABEL_GAP + extra
                for (dx, dy), (ha, va) in DIRECTIONS:
                    px, py = cx + dx * d, cy + dy * d
                    box = label_box(text, fontsize, px, py, ha, va)
                    if frame.big:
                        cost = 0.0
                    else:
                        cost = sum(_overlap(box, m) for m in markers) + sum(_overlap(box, b) for b in placed)
                        if not _inside(box, frame.area):
                            cost += 1e6
                    if best_cost is None or cost < best_cost:
                        best, best_cost = (text, px, py, ha, va, fontsize, box), cost
                    if cost == 0:
                        break
                if best_cost == 0:
                    break
            if best_cost == 0:
                break
        text, px, py, ha, va, fontsize, box = best
        placed.append(box)
        labels[node.id] = MapLabel(text, *frame.data(px, py), ha, va, fontsize, box)
    return labels


ROOMY = 40.0  # pixels: a spot this far from everything is free enough; then the one nearest the middle wins


def free_spot(node: MapNode, frame: MapFrame, obstacles: list, taken) -> tuple[tuple[float, float], list]:
    """Where a new node goes: a point of a grid over the map where the node
    and its label (to its right) keep at least ``ROOMY`` pixels from every
    marker and label drawn (``obstacles``, pixel boxes), the one nearest the
    middle; else the point furthest from them. Only points within the span of
    the nodes ``taken`` (data units), so the map keeps its scale. Returns the
    point (pixels) and the boxes the node and its label will take."""
    width, lines, fontsize = LABEL_STYLES[0]
    text = _wrap(node.label, width, lines)
    r = frame.radius(node)
    pad = 0.15 * fontsize * PT
    lw = svgplot.text_width(text, fontsize) + 2 * pad
    half = max(r, ((text.count("\n") + 1) * LINE_HEIGHT * fontsize * PT + 2 * pad) / 2)
    reach = r + LABEL_GAP + lw  # the node and its label: from px - r to px + reach, py - half to py + half
    points = [frame.px(*p) for p in taken] or [frame.px(0.0, 0.0)]
    ax, ay, aw, ah = frame.area
    lo_x, hi_x = max(min(p[0] for p in points), ax + r), min(max(p[0] for p in points), ax + aw - reach)
    lo_y, hi_y = max(min(p[1] for p in points), ay + half), min(max(p[1] for p in points), ay + ah - half)
    mx, my = ax + aw / 2, ay + ah / 2
    step = 12.0
    grid = [(lo_x + i * step, lo_y + j * step) for j in range(int((hi_y - lo_y) // step) + 1)
            for i in range(int((hi_x - lo_x) // step) + 1)]
    grid.sort(key=lambda p: ((p[0] - mx) ** 2 + (p[1] - my) ** 2, p))
    best, best_clearance = None, -math.inf
    rows: dict[float, list] = {}  # per grid row, the obstacles less than ROOMY above or below it (others cannot matter)
    for px, py in grid:  # nearest the middle first: the first roomy spot wins
        left, top, right, bottom = px - r, py - half, px + reach, py + half
        near = rows.get(py)
        if near is None:
            near = rows[py] = [ob for ob in obstacles if ob[1] - bottom < ROOMY and top - ob[3] < ROOMY]
        clearance = ROOMY
        for a, b, c, d in near:
            dx = a - right if a - right > left - c else left - c
            dy = b - bottom if b - bottom > top - d else top - d
            g = dx if dx > dy else dy  # the gap between the boxes (negative: they overlap)
            if g < clearance:
                clearance = g
                if clearance <= best_clearance:
                    break
        if clearance > best_clearance:
            best, best_clearance = (px, py), clearance
            if clearance >= ROOMY:
                break
    if best is None:  # no room inside the span: the middle
        best = (mx, my)
    px, py = best
    return best, [(px - r, py - r, px + r, py + r), (px + r, py - half, px + reach, py + half)]


NODE_STYLES = {"actor": ("s", ACTOR_COLOUR), "factor": ("o", FACTOR_COLOUR),
               "inspectorate": ("h", INSPECTORATE_COLOUR)}
