"""E3.3 System analysis map, the figures: the map's layout (pure Python, no
numpy), the map itself, Mendelow's grid, the class picture of where the
inspectorate can act, and the captions and HTML lists that say in words what
the pictures show. Pure functions: none of them changes the model."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from ...figures import svgplot
from ...figures.style import PALETTE, esc, style_axes, wrap_label
from ...i18n import number, t
from .model import REACH, LoopReport, MapNode, SystemMap

__all__ = [
    "ACTOR_COLOUR",
    "FACTOR_COLOUR",
    "INSPECTORATE_COLOUR",
    "LINK_COLOUR",
    "LABEL_STYLES",
    "MapFrame",
    "MapLabel",
    "MapLayout",
    "free_spot",
    "fresh_layout",
    "label_box",
    "layout",
    "map_frame",
    "place_labels",
    "leverage_html",
    "loops_html",
    "map_caption",
    "plot_class_reach",
    "plot_map",
    "plot_power_interest",
    "quadrants_html",
    "reach_html",
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
        return math.sqrt(size) * svgplot.PT / 2 + 0.6

    def marker_box(self, node: MapNode, px: float, py: float) -> Box:
        r = self.radius(node)
        return (px - r, py - r, px + r, py + r)


def _limits(pos: dict) -> tuple[tuple[float, float], tuple[float, float]]:
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    pad = 0.15
    return (min(xs) - pad, max(xs) + pad), (min(ys) - pad - 0.08, max(ys) + pad)


def _skeleton(model: SystemMap, pos: dict) -> tuple[svgplot.Figure, object, MapFrame]:
    """The figure with its title, legend and limits (what decides the plot
    area), and its geometry."""
    big = len(model.nodes) > BIG
    figsize = FIGSIZE_BIG if big else FIGSIZE
    fig = svgplot.Figure(figsize=figsize)
    ax = fig.add_subplot()
    ax.set_axis_off()
    kinds = {"inspectorate" if x.actor_type == "inspectorate" else x.kind for x in model.nodes.values()}
    handles, labels = [], []  # the legend: the kinds of node on the map, then the kinds of link
    for key, (marker, colour) in NODE_STYLES.items():
        if key in kinds:
            handles.append(svgplot.Line2D(color=colour, linestyle="", marker=marker, markersize=9))
            labels.append(t(f"map.legend_{key}"))
    handles += [svgplot.Line2D(color="#444444", linewidth=2),
                svgplot.Line2D(color="#444444", linewidth=2, linestyle="--"),
                svgplot.Line2D(color="none", linestyle="", marker="$||$", markersize=9, markeredgecolor="#222222")]
    labels += [t("map.legend_plus"), t("map.legend_minus"), t("map.legend_delay")]
    fig.legend(handles, labels, loc="lower center", ncols=6, fontsize=8)
    ax.set_title(t("map.plot_title"))
    xlim, ylim = _limits(pos)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ext = ax.get_window_extent()
    area = (ext.x0, fig.height - ext.y1, ext.width, ext.height)
    return fig, ax, MapFrame(big, figsize, xlim, ylim, area)


def map_frame(model: SystemMap, pos: dict) -> MapFrame:
    """The geometry :func:`plot_map` draws ``model`` at ``pos`` with."""
    return _skeleton(model, pos)[2]


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
    h = (text.count("\n") + 1) * svgplot.LINE_HEIGHT * fontsize * svgplot.PT
    pad = 0.15 * fontsize * svgplot.PT
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
    pad = 0.15 * fontsize * svgplot.PT
    lw = svgplot.text_width(text, fontsize) + 2 * pad
    half = max(r, ((text.count("\n") + 1) * svgplot.LINE_HEIGHT * fontsize * svgplot.PT + 2 * pad) / 2)
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
    for px, py in grid:  # nearest the middle first: the first roomy spot wins
        left, top, right, bottom = px - r, py - half, px + reach, py + half
        clearance = math.inf
        for a, b, c, d in obstacles:
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


# -- the map --------------------------------------------------------------------------------

NODE_STYLES = {"actor": ("s", ACTOR_COLOUR), "factor": ("o", FACTOR_COLOUR),
               "inspectorate": ("h", INSPECTORATE_COLOUR)}


def plot_map(model: SystemMap, pos: dict | None = None) -> svgplot.Figure:
    """Nodes: actors as squares, factors as circles, the inspectorate as a
    hexagon; each label beside its node where it covers no node and no
    other label (:func:`place_labels`). Links: solid for +, dashed for −,
    width by strength, an arrow head at the target, '||' for a delay.
    ``pos`` defaults to the model's kept positions (:func:`layout` places
    any node without one). A map of 250 nodes is written in a few ms."""
    if pos is None or any(n not in pos for n in model.nodes):
        pos = layout(model).pos if pos is None else {**layout(model).pos, **pos}
    fig, ax, frame = _skeleton(model, pos)
    big = frame.big
    shrink = 0.06 if not big else 0.025
    head = 16 if not big else 9  # arrow head size (matplotlib's mutation_scale)
    heads = []
    for x in model.links:
        (x0, y0), (x1, y1) = pos[x.source], pos[x.target]
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        start = (x0 + ux * shrink, y0 + uy * shrink)
        end = (x1 - ux * shrink, y1 - uy * shrink)
        # the line beneath the nodes (drawn first); its head on top, after the nodes
        ax.plot([start[0], end[0]], [start[1], end[1]], color=LINK_COLOUR, linewidth=0.6 + 0.7 * x.strength,
                linestyle="-" if x.sign == "+" else "--")
        heads.append((end, (end[0] - ux * 1e-3, end[1] - uy * 1e-3)))
        if x.delay:
            ax.text((start[0] + end[0]) / 2, (start[1] + end[1]) / 2, "||", rotation=math.degrees(math.atan2(dy, dx))
                    - 90, ha="center", va="center", fontsize=9, fontweight="bold", color="#222222")
    groups: dict[str, list] = {key: [] for key in NODE_STYLES}
    for node in model.nodes.values():
        groups["inspectorate" if node.actor_type == "inspectorate" else node.kind].append(pos[node.id])
    for key, points in groups.items():
        if points:
            marker, colour = NODE_STYLES[key]
            xs, ys = zip(*points)
            ax.scatter(xs, ys, s=frame.size * (1.4 if key == "inspectorate" else 1), marker=marker, c=colour,
                       edgecolors="white", linewidths=1.2)
    for end, just_before in heads:  # only the head: the line is drawn above
        ax.annotate("", xy=end, xytext=just_before,
                    arrowprops={"arrowstyle": "-|>", "color": "#444444", "linewidth": 0, "mutation_scale": head})
    # A white box behind each label keeps it legible; on a large map the boxes would hide the links.
    box = None if big else {"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.75}
    for label in place_labels(model, pos, frame).values():
        ax.text(label.x, label.y, label.text, ha=label.ha, va=label.va, fontsize=label.fontsize, bbox=box)
    return fig


def map_caption(model: SystemMap) -> str:
    actors = sum(1 for x in model.nodes.values() if x.kind == "actor")
    plus = sum(1 for x in model.links if x.sign == "+")
    return t("map.caption", nodes=len(model.nodes), actors=actors, factors=len(model.nodes) - actors,
             links=len(model.links), plus=plus, minus=len(model.links) - plus)


def loops_html(model: SystemMap, report: LoopReport) -> str:
    shown = report.loops[: model.spec.loops_shown]
    items = []
    for lp in shown:
        labels = [model.nodes[n].label for n in lp.nodes]
        path = " → ".join(labels + [labels[0]])
        kind = t("map.loop_R") if lp.kind == "R" else t("map.loop_B")
        delay = f" {t('map.loop_delay')}" if lp.delayed else ""
        items.append(f"<li><b>{esc(lp.kind)}</b> ({esc(kind)}{esc(delay)}): {esc(path)}</li>")
    head = t("map.loops_found", n=len(report.loops), r=report.count("R"), b=report.count("B"),
             bound=report.length_bound)
    notes = []
    if len(report.loops) > len(shown):
        notes.append(t("map.loops_not_listed", n=len(report.loops) - len(shown)))
    if not report.complete:
        notes.append(t("map.loops_stopped", max=model.spec.max_loops))
    notes.append(t("map.loops_longer", bound=report.length_bound))
    return (f"<p>{esc(head)}</p><ol>{''.join(items)}</ol>"
            f"<p><small>{esc(' '.join(notes))}</small></p>")


def leverage_html(model: SystemMap) -> str:
    lev = model.leverage()
    if not lev:
        return f"<p>{esc(t('map.no_leverage'))}</p>"
    items = "".join(
        f"<li>{esc(x.label)}: {esc(t('map.leverage_item', c=number(c, 2), degree=model.degree(x.id)))}</li>"
        for x, c in lev)
    return f"<p>{esc(t('map.leverage_intro'))}</p><ol>{items}</ol>"


def reach_html(model: SystemMap) -> str:
    rows = []
    for r, nodes in model.reach_summary().items():
        names = ", ".join(x.label for x in nodes) or "—"
        rows.append(f"<li><b>{esc(t(f'map.reach_{r}'))}</b>: {esc(names)}</li>")
    return f"<ul>{''.join(rows)}</ul>"


# -- Mendelow's grid ----------------------------------------------------------------------

def _fit(label: str, width: int) -> str:
    """A name on at most two lines of ``width`` characters; '…' where it was cut."""
    lines = wrap_label(label, width).split("\n")
    if len(lines) <= 2:
        return "\n".join(lines)
    return f"{lines[0]}\n{lines[1][:width - 1]}…"


def plot_power_interest(model: SystemMap) -> svgplot.Figure:
    """Mendelow's grid: actors by power (y) and interest (x), four quadrants.
    Names are wrapped to fit their cell (two lines at most); several actors
    in one cell stand above one another."""
    spec = model.spec
    fig = svgplot.Figure(figsize=(7.0, 5.6))
    ax = fig.add_subplot()
    cut = spec.high_from - 0.5
    quads = {"manage_closely": (cut, 5.5, cut, 5.5), "keep_satisfied": (0.5, cut, cut, 5.5),
             "keep_informed": (cut, 5.5, 0.5, cut), "monitor": (0.5, cut, 0.5, cut)}
    shades = {"manage_closely": "#dbe9f6", "keep_satisfied": "#eeeeee", "keep_informed": "#fdf0d5",
              "monitor": "#ffffff"}
    for q, (x0, x1, y0, y1) in quads.items():
        ax.add_patch(svgplot.Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=shades[q], edgecolor="#999999"))
        ax.text(x0 + 0.08, y1 - 0.08, t(f"map.quadrant_{q}"), ha="left", va="top", fontsize=8, style="italic",
                color="#333333")
    cells: dict[tuple[int, int], list[MapNode]] = {}
    for a in model.actors():
        cells.setdefault((a.interest, a.power), []).append(a)
    line = 0.125  # height of one line of a name (7 pt), in power units
    for (interest, power), items in cells.items():
        names = [_fit(a.label, 17) for a in items]
        heights = [line * (name.count("\n") + 1) + 0.03 for name in names]
        # the names of one cell centred on it, first on top; in the top row of a quadrant below its title
        y = min(power + sum(heights) / 2, power + 0.5 - (0.24 if power in (5, spec.high_from - 1) else 0.02))
        for a, name, h in zip(items, names, heights):
            y -= h / 2
            colour = INSPECTORATE_COLOUR if a.actor_type == "inspectorate" else ACTOR_COLOUR
            marker = "h" if a.actor_type == "inspectorate" else "s"
            ax.scatter([interest - 0.36], [y], marker=marker, c=colour, s=40)
            ax.text(interest - 0.29, y, name, va="center", fontsize=7)
            y -= h / 2
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(t("map.axis_interest"))
    ax.set_ylabel(t("map.axis_power"))
    ax.set_title(t("map.grid_title"))
    style_axes(ax)
    ax.grid(False)
    return fig


def quadrants_html(model: SystemMap) -> str:
    """The grid as a table: per quadrant the actors in it."""
    rows = []
    for q, actors in model.quadrants().items():
        names = ", ".join(a.label for a in actors) or "—"
        rows.append(f"<tr><th scope='row'>{esc(t(f'map.quadrant_{q}'))}</th><td>{esc(names)}</td></tr>")
    return (f"<table cellpadding='3' style='border-collapse:collapse'><caption style='text-align:left'>"
            f"{esc(t('map.grid_caption'))}</caption>{''.join(rows)}</table>")


# -- the class picture -------------------------------------------------------------------------

def plot_class_reach(labels: list[str], marks: dict[str, dict[str, int]]) -> svgplot.Figure:
    """Per node, how many participants marked each kind of reach, stacked."""
    fig = svgplot.Figure(figsize=(7.5, 1.3 + 0.4 * len(labels)))
    ax = fig.add_subplot()
    ys = list(range(len(labels)))[::-1]
    left = [0] * len(labels)
    for i, reach in enumerate(REACH):
        widths = [marks[label][reach] for label in labels]
        ax.barh(ys, widths, left=left, color=PALETTE[i], hatch=["", "//", ".."][i], edgecolor="#333333",
                linewidth=0.5, label=t(f"map.reach_{reach}"))
        left = [a + b for a, b in zip(left, widths)]
    ax.set_yticks(ys, [label[:40] for label in labels], fontsize=8)
    ax.integer_ticks("x")
    ax.set_xlabel(t("hooks.axis_participants"))
    fig.suptitle(t("map.class_title"), fontsize=11)  # across the figure: the long title and labels fit
    style_axes(ax)
    fig.legend(loc="outside lower center", ncols=3, fontsize=8)
    return fig
