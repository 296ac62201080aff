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
    "MapLayout",
    "layout",
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
    """Where the nodes of a map stand: ``main`` for the linked nodes (a
    spring layout), ``pos`` for all (the nodes without a link on a ring
    around the map, in label order)."""

    main: dict[str, tuple[float, float]] = field(default_factory=dict)
    pos: dict[str, tuple[float, float]] = field(default_factory=dict)


def layout(model: SystemMap, previous: MapLayout | None = None) -> MapLayout:
    """The map's layout. Given the layout drawn before, linked nodes keep
    their place and only newly linked nodes are placed, so the map stays put
    while the participant edits it."""
    degree = {n: 0 for n in model.nodes}
    for x in model.links:
        degree[x.source] += 1
        degree[x.target] += 1
    linked = [n for n in model.nodes if degree[n] > 0]
    isolated = sorted((n for n in model.nodes if degree[n] == 0), key=lambda n: model.nodes[n].label.casefold())
    known = {n: previous.main[n] for n in linked if previous is not None and n in previous.main}
    if len(known) == len(linked):
        main = known
    else:
        main = spring_positions(linked, [(x.source, x.target) for x in model.links], model.spec.layout_seed, known)
    ring = {}
    for i, n in enumerate(isolated):
        angle = math.pi / 2 - 2 * math.pi * i / max(1, len(isolated))
        ring[n] = (RING * math.cos(angle), RING * math.sin(angle))
    return MapLayout(main, {**main, **ring})


# -- the map --------------------------------------------------------------------------------

def _wrap(label: str, width: int = 18) -> str:
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines[:3])


def plot_map(model: SystemMap, pos: dict | None = None) -> svgplot.Figure:
    """Nodes: actors as squares, factors as circles, the inspectorate as a
    hexagon. Links: solid for +, dashed for −, width by strength, an arrow
    head at the target, '||' for a delay. ``pos`` defaults to
    :func:`layout`'s positions. A map of 250 nodes is written in a few ms."""
    pos = pos or layout(model).pos
    n = len(model.nodes)
    big = n > 60
    fig = svgplot.Figure(figsize=(9.0, 6.8 if not big else 8.0))
    ax = fig.add_subplot()
    ax.set_axis_off()
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
    groups = {"actor": ([], "s", ACTOR_COLOUR), "factor": ([], "o", FACTOR_COLOUR),
              "inspectorate": ([], "h", INSPECTORATE_COLOUR)}
    for node in model.nodes.values():
        key = "inspectorate" if node.actor_type == "inspectorate" else node.kind
        groups[key][0].append(pos[node.id])
    size = 260 if not big else 60
    handles, labels = [], []  # the legend: the kinds of node on the map, then the kinds of link
    for key, (points, marker, colour) in groups.items():
        if points:
            xs, ys = zip(*points)
            ax.scatter(xs, ys, s=size * (1.4 if key == "inspectorate" else 1), marker=marker, c=colour,
                       edgecolors="white", linewidths=1.2)
            handles.append(svgplot.Line2D([], [], color=colour, linestyle="", marker=marker, markersize=9))
            labels.append(t(f"map.legend_{key}"))
    for end, just_before in heads:  # only the head: the line is drawn above
        ax.annotate("", xy=end, xytext=just_before,
                    arrowprops={"arrowstyle": "-|>", "color": "#444444", "linewidth": 0, "mutation_scale": head})
    fontsize = 8 if not big else 5.5
    # A white box behind each label keeps it legible; on a large map the boxes would hide the links.
    box = None if big else {"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.75}
    for node in model.nodes.values():
        x, y = pos[node.id]
        ax.text(x, y - (0.07 if not big else 0.03), _wrap(node.label) if not big else node.label[:24], ha="center",
                va="top", fontsize=fontsize, bbox=box)
    handles += [svgplot.Line2D([], [], color="#444444", linewidth=2),
                svgplot.Line2D([], [], color="#444444", linewidth=2, linestyle="--"),
                svgplot.Line2D([], [], color="none", linestyle="", marker="$||$", markersize=9, markeredgecolor="#222222")]
    labels += [t("map.legend_plus"), t("map.legend_minus"), t("map.legend_delay")]
    fig.legend(handles, labels, loc="lower center", ncols=6, fontsize=8)
    ax.set_title(t("map.plot_title"))
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    pad = 0.15
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.set_ylim(min(ys) - pad - 0.08, max(ys) + pad)
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
    ax.locator_params(axis="x", integer=True)
    ax.set_xlabel(t("hooks.axis_participants"))
    fig.suptitle(t("map.class_title"), fontsize=11)  # across the figure: the long title and labels fit
    style_axes(ax)
    fig.legend(loc="outside lower center", ncols=3, fontsize=8)
    return fig
