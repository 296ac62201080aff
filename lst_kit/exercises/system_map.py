"""E3.3 System analysis map: actors, factors and the influences between
them; feedback loops (reinforcing or balancing), leverage candidates, the
power–interest grid (Mendelow), and where the inspectorate can act.

The map starts from a case's nodes and links (``data/cases/``); the
participant adds and removes actors, factors and influences and marks per
node whether the inspectorate can act directly, via partners, or only by
signalling. Loops are searched up to ``max_loop_length`` links
(``networkx.simple_cycles(..., length_bound=...)``) and at most
``max_loops`` are enumerated, so a large map never hangs.

Spec: ``data/exercises/m3/systeemkaart.yaml`` (type ``system_map``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

import ipywidgets as widgets

from ..figures import svgplot
from ..content.cases import ACTOR_TYPES, case_ids, load_case
from ..widgets.slider import IntSlider
from ..content import Field, load_spec
from ..errors import InputError
from ..registry import fmt, most_answered, safe_hook
from ..i18n import t
from ..figures.style import PALETTE, style_axes, wrap_label
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook

REACH = ("direct", "partners", "signaleren")
KINDS = ("actor", "factor")
MAX_NODES = 400
MAX_LINKS = 1500
MAX_LABEL = 60


@dataclass(frozen=True)
class SystemMapSpec:
    exercise_id: str
    title: str
    intro: str
    default_case: str
    max_loop_length: int
    max_loops: int
    loops_shown: int
    high_from: int
    layout_seed: int


def parse_spec(root: Field, exercise_id: str) -> SystemMapSpec:
    # ``case`` (written by ``lst-kit new ... --case``) wins over ``default_case``.
    case = root.key("case") if root.raw("case", None) is not None else root.key("default_case")
    return SystemMapSpec(
        exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True), case,
        root.integer("max_loop_length", 2, 12, default=8), root.integer("max_loops", 10, 100000, default=5000),
        root.integer("loops_shown", 1, 100, default=12), root.integer("high_from", 2, 5, default=4),
        root.integer("layout_seed", 0, 2**31 - 1, default=7),
    )


@dataclass
class MapNode:
    id: str
    label: str
    kind: str                      # actor or factor
    actor_type: str | None = None  # one of ACTOR_TYPES for actors
    power: int | None = None
    interest: int | None = None
    reach: str | None = None       # direct, partners, signaleren, or None


@dataclass
class MapLink:
    source: str
    target: str
    sign: str
    strength: int = 2
    delay: bool = False


@dataclass(frozen=True)
class Loop:
    nodes: tuple[str, ...]
    negatives: int
    delayed: bool

    @property
    def kind(self) -> str:
        """R (reinforcing) for an even number of negative links, B (balancing) for odd."""
        return "R" if self.negatives % 2 == 0 else "B"


@dataclass(frozen=True)
class LoopReport:
    loops: tuple[Loop, ...]      # all loops found, shortest first
    complete: bool               # False when max_loops stopped the search
    length_bound: int


def slug(label: str) -> str:
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_") or "knoop"


def _canonical(cycle) -> tuple[str, ...]:
    """One rotation of a cycle (starting at its smallest node id), so each
    loop is counted once."""
    start = cycle.index(min(cycle))
    return tuple(cycle[start:]) + tuple(cycle[:start])


def _intact(g, cycle: tuple[str, ...]) -> bool:
    return all(g.has_edge(cycle[i], cycle[(i + 1) % len(cycle)]) for i in range(len(cycle)))


def quadrant(power: int, interest: int, high_from: int = 4) -> str:
    """Mendelow: key players, keep satisfied, keep informed, monitor."""
    high_power, high_interest = power >= high_from, interest >= high_from
    if high_power and high_interest:
        return "manage_closely"
    if high_power:
        return "keep_satisfied"
    if high_interest:
        return "keep_informed"
    return "monitor"


@dataclass
class SystemMap:
    spec: SystemMapSpec
    case_id: str
    nodes: dict[str, MapNode] = field(default_factory=dict)
    links: list[MapLink] = field(default_factory=list)
    version: int = 0
    _graph: object = None
    _graph_version: int = -1
    _loop_cache: tuple | None = None   # (version, cycles, complete) of the last search
    _loop_base: int = -1               # the version the cache was made at
    _added_links: list = field(default_factory=list)  # links added since then

    @classmethod
    def from_case(cls, spec: SystemMapSpec, case_id: str) -> "SystemMap":
        case = load_case(case_id)
        model = cls(spec, case_id)
        for n in case.nodes:
            actor = case.actor(n.actor) if n.actor else None
            model.nodes[n.id] = MapNode(n.id, n.label, n.kind, actor.type if actor else None,
                                        actor.power if actor else None, actor.interest_score if actor else None)
        used = {n.actor for n in case.nodes if n.actor}
        for a in case.actors:  # every actor of the case is on the map, linked or not
            if a.id not in used and a.id not in model.nodes:
                model.nodes[a.id] = MapNode(a.id, a.name, "actor", a.type, a.power, a.interest_score)
        model.links = [MapLink(x.source, x.target, x.sign, x.strength, x.delay) for x in case.links]
        return model

    # -- edits -----------------------------------------------------------
    def _touch(self) -> None:
        self.version += 1

    def node(self, node_id: str) -> MapNode:
        if node_id not in self.nodes:
            raise InputError(t("map.field_node"), t("map.allowed_node"), node_id)
        return self.nodes[node_id]

    def add_node(self, label, kind: str = "factor", actor_type: str | None = None, power=3, interest=3) -> MapNode:
        if not isinstance(label, str) or not label.strip() or len(label.strip()) > MAX_LABEL:
            raise InputError(t("map.field_label"), t("map.allowed_label", max=MAX_LABEL), label)
        label = label.strip()
        if any(n.label.casefold() == label.casefold() for n in self.nodes.values()):
            raise InputError(t("map.field_label"), t("map.allowed_unique"), label)
        if kind not in KINDS:
            raise InputError(t("map.field_kind"), ", ".join(KINDS), kind)
        if len(self.nodes) >= MAX_NODES:
            raise InputError(t("map.field_node"), t("map.allowed_count", max=MAX_NODES), len(self.nodes) + 1)
        if kind == "actor":
            if actor_type not in ACTOR_TYPES:
                raise InputError(t("map.field_actor_type"), ", ".join(t(f"map.type_{a}") for a in ACTOR_TYPES),
                                 actor_type)
            for name, value in ((t("map.field_power"), power), (t("map.field_interest"), interest)):
                if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                    raise InputError(f"{name} ({label})", t("map.allowed_scale"), value)
        else:
            actor_type, power, interest = None, None, None
        base = slug(label)
        node_id, n = base, 2
        while node_id in self.nodes:
            node_id, n = f"{base}_{n}", n + 1
        node = MapNode(node_id, label, kind, actor_type, power, interest)
        self.nodes[node_id] = node
        self._touch()
        return node

    def remove_node(self, node_id: str) -> None:
        self.node(node_id)
        del self.nodes[node_id]
        self.links = [x for x in self.links if node_id not in (x.source, x.target)]
        self._touch()

    def add_link(self, source, target, sign="+", strength=2, delay=False) -> MapLink:
        return self._add_link(source, target, sign, strength, delay, {(x.source, x.target) for x in self.links})

    def _add_link(self, source, target, sign, strength, delay, taken: set) -> MapLink:
        """:meth:`add_link`, given the (source, target) pairs already linked
        (:meth:`from_dict` keeps that set as it goes; it gains the new pair)."""
        for key, value in (("map.field_source", source), ("map.field_target", target)):
            if value not in self.nodes:
                raise InputError(t(key), t("map.allowed_node"), value)
        if source == target:
            raise InputError(t("map.field_target"), t("map.allowed_not_self"), self.nodes[target].label)
        if sign not in ("+", "-"):
            raise InputError(t("map.field_sign"), "+, -", sign)
        if isinstance(strength, bool) or not isinstance(strength, int) or not 1 <= strength <= 3:
            raise InputError(t("map.field_strength"), t("map.allowed_strength"), strength)
        if (source, target) in taken:
            raise InputError(t("map.field_link"), t("map.allowed_new_link"),
                             f"{self.nodes[source].label} → {self.nodes[target].label}")
        if len(self.links) >= MAX_LINKS:
            raise InputError(t("map.field_link"), t("map.allowed_count", max=MAX_LINKS), len(self.links) + 1)
        link = MapLink(source, target, sign, strength, bool(delay))
        self.links.append(link)
        taken.add((source, target))
        self._added_links.append((source, target))
        self._touch()
        return link

    def remove_link(self, source: str, target: str) -> None:
        before = len(self.links)
        self.links = [x for x in self.links if not (x.source == source and x.target == target)]
        if len(self.links) == before:
            raise InputError(t("map.field_link"), t("map.allowed_existing_link"), f"{source} → {target}")
        self._touch()

    def set_reach(self, node_id: str, reach: str | None) -> None:
        node = self.node(node_id)
        if reach is not None and reach not in REACH:
            raise InputError(f"{t('map.field_reach')} ({node.label})", ", ".join(REACH), reach)
        node.reach = reach  # does not change the graph: no _touch

    # -- analysis ---------------------------------------------------------
    def graph(self):
        """The networkx DiGraph, rebuilt only after a structural edit."""
        if self._graph_version != self.version:
            import networkx as nx

            g = nx.DiGraph()
            g.add_nodes_from(self.nodes)
            for x in self.links:
                g.add_edge(x.source, x.target, sign=x.sign, strength=x.strength, delay=x.delay)
            self._graph, self._graph_version = g, self.version
        return self._graph

    def loops(self) -> LoopReport:
        """Feedback loops up to ``max_loop_length`` links, at most
        ``max_loops`` of them. After edits, only the loops through added
        links are searched (a loop without an added link was there before);
        loops through removed links or nodes drop out."""
        import networkx as nx

        g = self.graph()
        bound, cap = self.spec.max_loop_length, self.spec.max_loops
        cache = self._loop_cache
        if cache is None or cache[0] != self._loop_base:
            cycles: set[tuple[str, ...]] = set()
            complete = True
            for cycle in nx.simple_cycles(g, length_bound=bound):
                if len(cycles) >= cap:
                    complete = False
                    break
                cycles.add(_canonical(cycle))
        else:
            _, old, complete = cache
            cycles = {c for c in old if _intact(g, c)}
            for source, target in self._added_links:
                if not g.has_edge(source, target):
                    continue
                for path in nx.all_simple_paths(g, target, source, cutoff=bound - 1):
                    if len(cycles) >= cap:
                        complete = False
                        break
                    cycles.add(_canonical(path))
        self._loop_cache = (self.version, frozenset(cycles), complete)
        self._loop_base = self.version
        self._added_links = []
        loops = []
        for cycle in cycles:
            edges = [(cycle[i], cycle[(i + 1) % len(cycle)]) for i in range(len(cycle))]
            negatives = sum(g.edges[e]["sign"] == "-" for e in edges)
            delayed = any(g.edges[e]["delay"] for e in edges)
            loops.append(Loop(cycle, negatives, delayed))
        loops.sort(key=lambda lp: (len(lp.nodes), lp.nodes))
        return LoopReport(tuple(loops), complete, bound)

    def leverage(self, n: int = 5) -> list[tuple[MapNode, float]]:
        """Leverage candidates: the nodes with the highest betweenness
        centrality (how many shortest influence paths pass through them);
        ties by number of links, then by label."""
        import networkx as nx

        g = self.graph()
        if g.number_of_edges() == 0:
            return []
        k = None if g.number_of_nodes() <= 120 else 80  # sampled (seeded) on large maps
        centrality = nx.betweenness_centrality(g, k=k, seed=self.spec.layout_seed)
        ranked = sorted(self.nodes.values(), key=lambda x: (-centrality[x.id], -g.degree(x.id), x.label))
        return [(x, centrality[x.id]) for x in ranked[:n] if centrality[x.id] > 0]

    def actors(self) -> list[MapNode]:
        return [x for x in self.nodes.values() if x.kind == "actor" and x.power is not None]

    def quadrants(self) -> dict[str, list[MapNode]]:
        out: dict[str, list[MapNode]] = {q: [] for q in ("manage_closely", "keep_satisfied", "keep_informed", "monitor")}
        for a in self.actors():
            out[quadrant(a.power, a.interest, self.spec.high_from)].append(a)
        return out

    def reach_summary(self) -> dict[str, list[MapNode]]:
        out: dict[str, list[MapNode]] = {r: [] for r in REACH}
        for x in self.nodes.values():
            if x.reach:
                out[x.reach].append(x)
        return out

    # -- workbook ------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "case": self.case_id,
            "nodes": [{k: v for k, v in vars(x).items() if v is not None} for x in self.nodes.values()],
            "links": [vars(x).copy() for x in self.links],
        }

    @classmethod
    def from_dict(cls, spec: SystemMapSpec, data, case_id: str) -> "SystemMap":
        if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
            return cls.from_case(spec, case_id)
        model = cls(spec, case_id)
        for item in data["nodes"]:
            try:
                node = MapNode(str(item["id"]), str(item["label"]), item["kind"], item.get("actor_type"),
                               item.get("power"), item.get("interest"), item.get("reach"))
            except (KeyError, TypeError):
                continue
            if node.kind in KINDS and node.id not in model.nodes and (node.reach in REACH or node.reach is None):
                model.nodes[node.id] = node
        taken: set = set()
        for item in data.get("links", []) if isinstance(data.get("links"), list) else []:
            try:
                model._add_link(item["source"], item["target"], item.get("sign", "+"), item.get("strength", 2),
                                item.get("delay", False), taken)
            except (InputError, KeyError, TypeError):
                continue
        if not model.nodes:
            return cls.from_case(spec, case_id)
        return model


# -- layout and plots ------------------------------------------------------------

class LayoutCache:
    """Positions per node id. Connected nodes get a seeded spring layout in
    [-1, 1]; only new nodes are placed, so the map stays put while the
    participant edits it (and redraws stay fast). Nodes without any link
    stand on a ring around the map until they are connected."""

    RING = 1.32

    def __init__(self, seed: int):
        self.seed = seed
        self.main: dict[str, tuple[float, float]] = {}
        self.pos: dict[str, tuple[float, float]] = {}
        self._key = None

    def positions(self, model: SystemMap) -> dict[str, tuple[float, float]]:
        import networkx as nx

        key = (model.case_id, model.version)
        if key == self._key:
            return self.pos
        g = model.graph().to_undirected(as_view=True)
        linked = [n for n in g.nodes if g.degree(n) > 0]
        isolated = sorted((n for n in g.nodes if g.degree(n) == 0), key=lambda n: model.nodes[n].label.casefold())
        sub = g.subgraph(linked)
        known = {n: self.main[n] for n in linked if n in self.main}
        if len(known) == len(linked):
            self.main = known
        elif known:
            pos = nx.spring_layout(sub, pos=known, fixed=list(known), seed=self.seed)
            self.main = {n: (float(p[0]), float(p[1])) for n, p in pos.items()}
        elif linked:
            pos = nx.spring_layout(sub, seed=self.seed, iterations=100)
            self.main = {n: (float(p[0]), float(p[1])) for n, p in pos.items()}
        else:
            self.main = {}
        ring = {}
        for i, n in enumerate(isolated):
            angle = math.pi / 2 - 2 * math.pi * i / max(1, len(isolated))
            ring[n] = (self.RING * math.cos(angle), self.RING * math.sin(angle))
        self.pos = {**self.main, **ring}
        self._key = key
        return self.pos


ACTOR_COLOUR = PALETTE[0]
FACTOR_COLOUR = PALETTE[1]
INSPECTORATE_COLOUR = PALETTE[2]


LINK_COLOUR = "#444444bf"  # the links a little transparent (alpha 0.75): nodes and labels stay on top


def plot_map(model: SystemMap, pos: dict | None = None) -> svgplot.Figure:
    """Nodes: actors as squares, factors as circles, the inspectorate as a
    hexagon. Links: solid for +, dashed for −, width by strength, an arrow
    head at the target, '||' for a delay. An :mod:`lst_kit.figures.svgplot` figure:
    a map of 250 nodes is written in a few ms."""
    pos = pos or LayoutCache(model.spec.layout_seed).positions(model)
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
            handles.append(svgplot.Line2D(color=colour, linestyle="", marker=marker, markersize=9))
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
    handles += [svgplot.Line2D(color="#444444", linewidth=2),
                svgplot.Line2D(color="#444444", linewidth=2, linestyle="--"),
                svgplot.Line2D(color="none", linestyle="", marker="$||$", markersize=9, markeredgecolor="#222222")]
    labels += [t("map.legend_plus"), t("map.legend_minus"), t("map.legend_delay")]
    fig.legend(handles, labels, loc="lower center", ncols=6, fontsize=8)
    ax.set_title(t("map.plot_title"))
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    pad = 0.15
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.set_ylim(min(ys) - pad - 0.08, max(ys) + pad)
    return fig


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


def _fit(label: str, width: int) -> str:
    """A name on at most two lines of ``width`` characters; '…' where it was cut."""
    lines = wrap_label(label, width).split("\n")
    if len(lines) <= 2:
        return "\n".join(lines)
    return f"{lines[0]}\n{lines[1][:width - 1]}…"


def plot_power_interest(model: SystemMap) -> svgplot.Figure:
    """Mendelow's grid: actors by power (y) and interest (x), four quadrants.
    Names are wrapped to fit their cell (two lines at most); several actors
    in one cell stand above one another. An :mod:`lst_kit.figures.svgplot` figure."""
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


def loops_html(model: SystemMap, report: LoopReport) -> str:
    shown = report.loops[: model.spec.loops_shown]
    items = []
    for lp in shown:
        labels = [model.nodes[n].label for n in lp.nodes]
        path = " → ".join(labels + [labels[0]])
        kind = t("map.loop_R") if lp.kind == "R" else t("map.loop_B")
        delay = f" {t('map.loop_delay')}" if lp.delayed else ""
        items.append(f"<li><b>{esc(lp.kind)}</b> ({esc(kind)}{esc(delay)}): {esc(path)}</li>")
    counts = {k: sum(1 for lp in report.loops if lp.kind == k) for k in ("R", "B")}
    head = t("map.loops_found", n=len(report.loops), r=counts["R"], b=counts["B"], bound=report.length_bound)
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
    g = model.graph()
    items = "".join(
        f"<li>{esc(x.label)}: {esc(t('map.leverage_item', c=f'{c:.2f}'.replace('.', ','), degree=g.degree(x.id)))}</li>"
        for x, c in lev)
    return f"<p>{esc(t('map.leverage_intro'))}</p><ol>{items}</ol>"


def quadrants_html(model: SystemMap) -> str:
    rows = []
    for q, actors in model.quadrants().items():
        names = ", ".join(a.label for a in actors) or "—"
        rows.append(f"<tr><th scope='row'>{esc(t(f'map.quadrant_{q}'))}</th><td>{esc(names)}</td></tr>")
    return (f"<table cellpadding='3' style='border-collapse:collapse'><caption style='text-align:left'>"
            f"{esc(t('map.grid_caption'))}</caption>{''.join(rows)}</table>")


def reach_html(model: SystemMap) -> str:
    rows = []
    for r, nodes in model.reach_summary().items():
        names = ", ".join(x.label for x in nodes) or "—"
        rows.append(f"<li><b>{esc(t(f'map.reach_{r}'))}</b>: {esc(names)}</li>")
    return f"<ul>{''.join(rows)}</ul>"


def map_caption(model: SystemMap) -> str:
    actors = sum(1 for x in model.nodes.values() if x.kind == "actor")
    plus = sum(1 for x in model.links if x.sign == "+")
    return t("map.caption", nodes=len(model.nodes), actors=actors, factors=len(model.nodes) - actors,
             links=len(model.links), plus=plus, minus=len(model.links) - plus)


class SystemMapView(ExerciseFrame):
    def __init__(self, spec: SystemMapSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self._saved = self.saved(default={}) or {}
        case_id = self._saved.get("case") if self._saved.get("case") in case_ids() else spec.default_case
        self.layout_cache = LayoutCache(spec.layout_seed)
        self.model = self._load(case_id)
        wide = {"style": {"description_width": "initial"}, "layout": widgets.Layout(width="auto")}
        self.case = widgets.Dropdown(options=[(load_case(c).label, c) for c in case_ids()], value=case_id,
                                     description=t("map.field_case"), **wide)
        self.case.observe(self.guard(self._on_case), names="value")
        # add node
        self.node_label = widgets.Text(description=t("map.field_label"), placeholder=t("map.label_placeholder"),
                                       **wide)
        self.node_kind = widgets.ToggleButtons(options=[(t(f"map.kind_{k}"), k) for k in KINDS], value="factor",
                                               description=t("map.field_kind"), style={"description_width": "initial",
                                                                                        "button_width": "auto"})
        self.actor_type = widgets.Dropdown(options=[(t(f"map.type_{a}"), a) for a in ACTOR_TYPES], value="regulatee",
                                           description=t("map.field_actor_type"), **wide)
        self.power = IntSlider(value=3, min=1, max=5, description=t("map.field_power"), **wide)
        self.interest = IntSlider(value=3, min=1, max=5, description=t("map.field_interest"), **wide)
        self.add_node_button = widgets.Button(description=t("map.add_node"), icon="plus")
        self.add_node_button.on_click(self.guard(lambda _: self._on_add_node()))
        # add link
        self.source = widgets.Dropdown(description=t("map.field_source"), **wide)
        self.target = widgets.Dropdown(description=t("map.field_target"), **wide)
        self.sign = widgets.ToggleButtons(options=[("+", "+"), ("−", "-")], value="+", description=t("map.field_sign"),
                                          tooltips=[t("map.sign_plus"), t("map.sign_minus")],
                                          style={"description_width": "initial", "button_width": "3em"})
        self.strength = IntSlider(value=2, min=1, max=3, description=t("map.field_strength"), **wide)
        self.delay = widgets.Checkbox(value=False, description=t("map.field_delay"), indent=False)
        self.add_link_button = widgets.Button(description=t("map.add_link"), icon="plus")
        self.add_link_button.on_click(self.guard(lambda _: self._on_add_link()))
        # remove
        self.link_choice = widgets.Dropdown(description=t("map.field_link"), **wide)
        self.remove_link_button = widgets.Button(description=t("map.remove_link"), icon="trash")
        self.remove_link_button.on_click(self.guard(lambda _: self._on_remove_link()))
        self.node_choice = widgets.Dropdown(description=t("map.field_node"), **wide)
        self.remove_node_button = widgets.Button(description=t("map.remove_node"), icon="trash")
        self.remove_node_button.on_click(self.guard(lambda _: self._on_remove_node()))
        # reach
        self.reach_node = widgets.Dropdown(description=t("map.field_node"), **wide)
        self.reach = widgets.ToggleButtons(options=[(t("map.reach_none"), "")] + [(t(f"map.reach_{r}"), r) for r in REACH],
                                           value="", description=t("map.field_reach"),
                                           style={"description_width": "initial", "button_width": "auto"})
        self.reach_node.observe(self.guard(self._on_reach_node), names="value")
        self.reach.observe(self.guard(self._on_reach), names="value")
        # outputs
        self.figure = FigureBox()
        self.grid_figure = FigureBox()
        self.loops_out = widgets.HTML()
        self.leverage_out = widgets.HTML()
        self.quadrants_out = widgets.HTML()
        self.reach_out = widgets.HTML()
        edit = widgets.VBox([
            widgets.HTML(f"<b>{esc(t('map.add_node_title'))}</b>"), self.node_label, self.node_kind, self.actor_type,
            widgets.HBox([self.power, self.interest]), self.add_node_button,
            widgets.HTML(f"<b>{esc(t('map.add_link_title'))}</b>"), widgets.HBox([self.source, self.target]),
            widgets.HBox([self.sign, self.strength, self.delay]), self.add_link_button,
            widgets.HTML(f"<b>{esc(t('map.remove_title'))}</b>"), widgets.HBox([self.link_choice, self.remove_link_button]),
            widgets.HBox([self.node_choice, self.remove_node_button]),
        ])
        self.tabs = widgets.Tab(children=[
            widgets.VBox([self.figure, self.loops_out, self.leverage_out]),
            edit,
            widgets.VBox([self.grid_figure, self.quadrants_out]),
            widgets.VBox([widgets.HTML(f"<p>{esc(t('map.reach_intro'))}</p>"), self.reach_node, self.reach,
                          self.reach_out]),
        ])
        for i, key in enumerate(("tab_map", "tab_edit", "tab_grid", "tab_reach")):
            self.tabs.set_title(i, t(f"map.{key}"))
        self._refresh_choices()
        self._redraw()
        self.set_body(self.case, widgets.HTML(f"<small>{esc(t('map.illustrative'))}</small>"), self.tabs)

    def _load(self, case_id: str) -> SystemMap:
        maps = self._saved.get("maps") if isinstance(self._saved.get("maps"), dict) else {}
        return SystemMap.from_dict(self.spec, maps.get(case_id), case_id)

    def _answer(self) -> dict:
        maps = dict(self._saved.get("maps", {})) if isinstance(self._saved.get("maps"), dict) else {}
        maps[self.model.case_id] = self.model.to_dict()
        self._saved = {"case": self.model.case_id, "maps": maps}
        return self._saved

    def _refresh_choices(self) -> None:
        nodes = sorted(((x.label, x.id) for x in self.model.nodes.values()), key=lambda p: p[0].casefold())
        for dd in (self.source, self.target, self.node_choice, self.reach_node):
            current = dd.value
            dd.options = nodes
            dd.value = current if current in self.model.nodes else (nodes[0][1] if nodes else None)
        links = [(f"{self.model.nodes[x.source].label} → {self.model.nodes[x.target].label} ({x.sign})",
                  (x.source, x.target)) for x in self.model.links]
        self.link_choice.options = links
        self.link_choice.value = links[0][1] if links else None
        self._show_reach_of(self.reach_node.value)

    def _commit(self, structural: bool = True) -> None:
        self.save(self._answer())
        if structural:
            self._refresh_choices()
            self._redraw()
        else:
            self.reach_out.value = reach_html(self.model)

    def _on_case(self, change) -> None:
        self.model = self._load(change["new"])
        self.save(self._answer())
        self._refresh_choices()
        self._redraw()

    def _on_add_node(self) -> None:
        kind = self.node_kind.value
        node = self.model.add_node(self.node_label.value, kind, self.actor_type.value if kind == "actor" else None,
                                   self.power.value, self.interest.value)
        self.node_label.value = ""
        self._commit()
        self.source.value = node.id

    def _on_add_link(self) -> None:
        self.model.add_link(self.source.value, self.target.value, self.sign.value, self.strength.value,
                            self.delay.value)
        self._commit()

    def _on_remove_link(self) -> None:
        if self.link_choice.value is None:
            raise InputError(t("map.field_link"), t("map.allowed_existing_link"), "—")
        self.model.remove_link(*self.link_choice.value)
        self._commit()

    def _on_remove_node(self) -> None:
        self.model.remove_node(self.node_choice.value)
        self._commit()

    def _show_reach_of(self, node_id) -> None:
        node = self.model.nodes.get(node_id)
        self.set_quietly(self.reach, (node.reach or "") if node else "")
        self.reach_out.value = reach_html(self.model)

    def _on_reach_node(self, change) -> None:
        self._show_reach_of(change["new"])

    def _on_reach(self, change) -> None:
        if self._syncing or self.reach_node.value is None:
            return
        self.model.set_reach(self.reach_node.value, change["new"] or None)
        self._commit(structural=False)

    def _redraw(self) -> None:
        pos = self.layout_cache.positions(self.model)
        self.figure.show(plot_map(self.model, pos), alt=t("map.alt"), caption=map_caption(self.model), fmt="svg")
        self.loops_out.value = loops_html(self.model, self.model.loops())
        self.leverage_out.value = leverage_html(self.model)
        actors = tuple((a.id, a.label, a.actor_type, a.power, a.interest) for a in self.model.actors())
        if actors != getattr(self, "_grid_actors", None):  # the grid changes only with the actors
            self._grid_actors = actors
            self.grid_figure.show(plot_power_interest(self.model), alt=t("map.grid_alt"))
            self.quadrants_out.value = quadrants_html(self.model)


def system_map(exercise_id: str = "m3.systeemkaart", workbook: Workbook | None = None):
    """E3.3 as a widget."""
    return build_view(lambda: SystemMapView(load_spec(exercise_id, "system_map"), workbook))


# -- hooks: portfolio, class overview, learning plan, demo class ----------------------------

TAKES_CASE = True


def _restore(exercise_id: str, answer) -> SystemMap | None:
    if not isinstance(answer, dict) or answer.get("case") not in case_ids():
        return None
    spec = load_spec(exercise_id, "system_map")
    maps = answer.get("maps") if isinstance(answer.get("maps"), dict) else {}
    return SystemMap.from_dict(spec, maps.get(answer["case"]), answer["case"])


@safe_hook("summarize")
def summarize(exercise_id: str, answer) -> list[str]:
    model = _restore(exercise_id, answer)
    if model is None:
        return []
    report = model.loops()
    counts = {k: sum(1 for lp in report.loops if lp.kind == k) for k in ("R", "B")}
    lines = [map_caption(model),
             t("map.sum_loops", n=len(report.loops), r=counts["R"], b=counts["B"]),
             t("map.sum_leverage", nodes=", ".join(x.label for x, _ in model.leverage(3)) or "—")]
    for reach, nodes in model.reach_summary().items():
        if nodes:
            lines.append(f"{t(f'map.reach_{reach}')}: {', '.join(x.label for x in nodes)}")
    return [t("map.sum_case", case=load_case(model.case_id).label)] + lines


@safe_hook("plot_answer")
def plot_answer(exercise_id: str, answer):
    model = _restore(exercise_id, answer)
    return plot_map(model) if model is not None else None


@safe_hook("class_picture")
def class_picture(exercise_id: str, answers: dict):
    """For the case most participants mapped: how often each actor or factor
    was marked as reachable directly, via partners or only by signalling."""
    # Tally per case as we go and let each map go: keeping ~1,000 maps alive
    # only to count them makes the garbage collector walk them again and again.
    tally: dict[str, list] = {}   # case -> [maps, nodes, links, marks]
    for answer in answers.values():
        m = _restore(exercise_id, answer)
        if m is None:
            continue
        per_case = tally.get(m.case_id)
        if per_case is None:
            per_case = tally[m.case_id] = [0, 0, 0, {}]
        per_case[0] += 1
        per_case[1] += len(m.nodes)
        per_case[2] += len(m.links)
        marks = per_case[3]
        for node in m.nodes.values():
            if node.reach:
                marks.setdefault(node.label, {r: 0 for r in REACH})[node.reach] += 1
    if not tally:
        return None, [t("hooks.nobody")]
    case_id = most_answered({c: v[0] for c, v in tally.items()})
    n, nodes, links, marks = tally[case_id]
    lines = [t("map.class_case", case=load_case(case_id).label, n=n, total=sum(v[0] for v in tally.values())),
             t("map.class_size", nodes=fmt(nodes / n), links=fmt(links / n))]
    ranked = sorted(marks, key=lambda label: (-sum(marks[label].values()), label))
    for label in ranked[:12]:
        parts = ", ".join(f"{t(f'map.reach_{r}')} {marks[label][r]}×" for r in REACH if marks[label][r])
        lines.append(f"{label}: {parts}")
    return (plot_class_reach(ranked[:12], marks) if ranked else None), lines


def plot_class_reach(labels: list[str], marks: dict[str, dict[str, int]]):
    """Per node, how many participants marked each kind of reach, stacked
    (an :mod:`lst_kit.figures.svgplot` figure: the class overview needs no matplotlib)."""
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


def demo_answer(exercise_id: str, rng) -> dict:
    """A participant who marks where the inspectorate can act on a few nodes."""
    spec = load_spec(exercise_id, "system_map")
    model = SystemMap.from_case(spec, spec.default_case)
    nodes = sorted(model.nodes)
    for index in rng.choice(len(nodes), size=min(len(nodes), int(rng.integers(3, 9))), replace=False):
        model.set_reach(nodes[int(index)], REACH[int(rng.integers(len(REACH)))])
    return {"case": model.case_id, "maps": {model.case_id: model.to_dict()}}
