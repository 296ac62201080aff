"""E3.3 System analysis map, the figures: the map itself (laid out and
labelled by :mod:`.layout`), Mendelow's grid, the class picture of where the
inspectorate can act, and the captions and HTML lists that say in words what
the pictures show. Pure functions: none of them changes the model."""

from __future__ import annotations

import math

from ...figures import svgplot
from ...figures.style import PALETTE, esc, style_axes, wrap_label
from ...i18n import number, t
from .layout import (
    ACTOR_COLOUR,
    FACTOR_COLOUR,
    INSPECTORATE_COLOUR,
    LINK_COLOUR,
    NODE_STYLES,
    layout,
    map_skeleton,
    place_labels,
)
from .model import REACH, LoopReport, MapNode, SystemMap

__all__ = [
    "ACTOR_COLOUR",
    "FACTOR_COLOUR",
    "INSPECTORATE_COLOUR",
    "LINK_COLOUR",
    "leverage_html",
    "loops_html",
    "map_caption",
    "plot_class_reach",
    "plot_map",
    "plot_power_interest",
    "quadrants_html",
    "reach_html",
]

# -- the map --------------------------------------------------------------------------------

def plot_map(model: SystemMap, pos: dict | None = None) -> svgplot.Figure:
    """Nodes: actors as squares, factors as circles, the inspectorate as a
    hexagon; each label beside its node where it covers no node and no
    other label (:func:`place_labels`). Links: solid for +, dashed for −,
    width by strength, an arrow head at the target, '||' for a delay.
    ``pos`` defaults to the model's kept positions (:func:`layout` places
    any node without one). A map of 250 nodes is written in a few ms."""
    if pos is None or any(n not in pos for n in model.nodes):
        pos = layout(model).pos if pos is None else {**layout(model).pos, **pos}
    fig, ax, frame = map_skeleton(model, pos)
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
    ax.locator_params(axis="x", integer=True)
    ax.set_xlabel(t("hooks.axis_participants"))
    fig.suptitle(t("map.class_title"), fontsize=11)  # across the figure: the long title and labels fit
    style_axes(ax)
    fig.legend(loc="outside lower center", ncols=3, fontsize=8)
    return fig
