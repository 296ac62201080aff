"""E3.3 System analysis map, the model: actors, factors and the influences
between them; feedback loops (reinforcing or balancing), leverage
candidates, the power–interest grid (Mendelow), and where the inspectorate
can act.

The map starts from a case's nodes and links (a :class:`Case` it is given);
the participant adds and removes actors, factors and influences and marks
per node whether the inspectorate can act directly, via partners, or only
by signalling. Loops are searched up to ``max_loop_length`` links
(``networkx.simple_cycles(..., length_bound=...)``, pure Python) and at most
``max_loops`` are enumerated, so a large map never hangs.

An answer is ``{"case": <case shown last>, "maps": {case id: to_dict()}}``;
one map's ``to_dict()`` is ``{"case", "nodes": [...], "links": [...],
"positions": {node id: [x, y]}}``: the positions are where the map drew each
node (rounded), so it looks the same after a reload and in the portfolio.
Answers saved before December 2026 have no ``positions``: their layout is
computed as it was then.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from ...content import ACTOR_TYPES, Case, Field
from ...errors import InputError
from ...i18n import t

__all__ = [
    "KINDS",
    "MAX_LABEL",
    "MAX_LINKS",
    "INCREMENTAL_UP_TO",
    "MAX_NODES",
    "POSITION_DECIMALS",
    "QUADRANTS",
    "REACH",
    "Loop",
    "LoopReport",
    "MapLink",
    "MapNode",
    "SystemMap",
    "SystemMapSpec",
    "parse_spec",
    "quadrant",
    "slug",
]

REACH = ("direct", "partners", "signaleren")
KINDS = ("actor", "factor")
QUADRANTS = ("manage_closely", "keep_satisfied", "keep_informed", "monitor")
MAX_NODES = 400
MAX_LINKS = 1500
MAX_LABEL = 60
#: Decimals kept of a saved position (the map spans about 3 units: a thousandth is a fraction of a pixel).
POSITION_DECIMALS = 3
#: After more added links than this, a full loop search is quicker than one search per added link.
INCREMENTAL_UP_TO = 10


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

    def count(self, kind: str) -> int:
        """How many loops of ``kind`` (R or B) were found."""
        return sum(1 for lp in self.loops if lp.kind == kind)


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
    """One participant's map of one case.

    ``version`` counts the structural edits (nodes, links). The loop search
    is incremental: after edits only the loops through the links added since
    the last search are looked for, because a full search of a map of 250
    nodes and 600 links takes about 300 ms against 8 ms (measured for issue
    12), and the view searches after every edit.
    """

    spec: SystemMapSpec
    case_id: str
    nodes: dict[str, MapNode] = field(default_factory=dict)
    links: list[MapLink] = field(default_factory=list)
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)  # node id -> where it is drawn
    version: int = 0
    _last_search: tuple | None = field(default=None, init=False, repr=False, compare=False)  # (cycles, complete)
    _added_links: list = field(default_factory=list, init=False, repr=False, compare=False)  # added since then

    @classmethod
    def from_case(cls, spec: SystemMapSpec, case: Case) -> "SystemMap":
        """The case's own map: its nodes and links, and every actor of the case."""
        model = cls(spec, case.case_id)
        actors = {a.id: a for a in case.actors}
        for n in case.nodes:
            actor = actors.get(n.actor) if n.actor else None
            model.nodes[n.id] = MapNode(n.id, n.label, n.kind, actor.type if actor else None,
                                        actor.power if actor else None, actor.interest_score if actor else None)
        used = {n.actor for n in case.nodes if n.actor}
        for a in case.actors:  # every actor of the case is on the map, linked or not
            if a.id not in used and a.id not in model.nodes:
                model.nodes[a.id] = MapNode(a.id, a.name, "actor", a.type, a.power, a.interest_score)
        model.links = [MapLink(x.source, x.target, x.sign, x.strength, x.delay) for x in case.links]
        return model

    # -- edits -----------------------------------------------------------
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
        self.version += 1
        return node

    def remove_node(self, node_id: str) -> None:
        self.node(node_id)
        del self.nodes[node_id]
        self.positions.pop(node_id, None)
        self.links = [x for x in self.links if node_id not in (x.source, x.target)]
        self.version += 1

    def add_link(self, source, target, sign="+", strength=2, delay=False) -> MapLink:
        return self._add_link(source, target, sign, strength, delay, {(x.source, x.target) for x in self.links})

    def _add_link(self, source, target, sign, strength, delay, taken: set) -> MapLink:
        """:meth:`add_link`, given the (source, target) pairs already linked
        (:meth:`from_dict` keeps that set as it goes; it gains the new pair)."""
        for key, value in (("map.field_source", source), ("map.field_target", target)):
            if not isinstance(value, str) or value not in self.nodes:
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
        self.version += 1
        return link

    def remove_link(self, source: str, target: str) -> None:
        before = len(self.links)
        self.links = [x for x in self.links if not (x.source == source and x.target == target)]
        if len(self.links) == before:
            raise InputError(t("map.field_link"), t("map.allowed_existing_link"), f"{source} → {target}")
        self.version += 1

    def set_reach(self, node_id: str, reach: str | None) -> None:
        node = self.node(node_id)
        if reach is not None and reach not in REACH:
            raise InputError(f"{t('map.field_reach')} ({node.label})", ", ".join(REACH), reach)
        node.reach = reach  # does not change the graph: not a structural edit

    def set_positions(self, positions: dict) -> None:
        """Keep where the nodes are drawn (rounded as they are saved, so the
        picture drawn now is the one a reload draws); nodes not on the map are left out."""
        self.positions = {n: (round(float(x), POSITION_DECIMALS) + 0.0, round(float(y), POSITION_DECIMALS) + 0.0)
                          for n, (x, y) in positions.items() if n in self.nodes}

    # -- analysis ---------------------------------------------------------
    def graph(self):
        """The map as a networkx DiGraph (links carry sign, strength, delay)."""
        import networkx as nx

        g = nx.DiGraph()
        g.add_nodes_from(self.nodes)
        for x in self.links:
            g.add_edge(x.source, x.target, sign=x.sign, strength=x.strength, delay=x.delay)
        return g

    def loops(self) -> LoopReport:
        """Feedback loops up to ``max_loop_length`` links, at most
        ``max_loops`` of them. After edits, only the loops through added
        links are searched (a loop without an added link was there before);
        loops through removed links or nodes drop out. After many added
        links (a restored answer, a script), one full search is quicker."""
        import networkx as nx

        g = self.graph()
        bound, cap = self.spec.max_loop_length, self.spec.max_loops
        if self._last_search is None or len(self._added_links) > INCREMENTAL_UP_TO:
            cycles: set[tuple[str, ...]] = set()
            complete = True
            for cycle in nx.simple_cycles(g, length_bound=bound):
                if len(cycles) >= cap:
                    complete = False
                    break
                cycles.add(_canonical(cycle))
        else:
            old, complete = self._last_search
            cycles = {c for c in old if _intact(g, c)}
            for source, target in self._added_links:
                if not g.has_edge(source, target):
                    continue
                for path in nx.all_simple_paths(g, target, source, cutoff=bound - 1):
                    if len(cycles) >= cap:
                        complete = False
                        break
                    cycles.add(_canonical(path))
        self._last_search = (frozenset(cycles), complete)
        self._added_links = []
        loops = []
        for cycle in cycles:
            edges = [(cycle[i], cycle[(i + 1) % len(cycle)]) for i in range(len(cycle))]
            negatives = sum(g.edges[e]["sign"] == "-" for e in edges)
            delayed = any(g.edges[e]["delay"] for e in edges)
            loops.append(Loop(cycle, negatives, delayed))
        loops.sort(key=lambda lp: (len(lp.nodes), lp.nodes))
        return LoopReport(tuple(loops), complete, bound)

    def degree(self, node_id: str) -> int:
        """How many links start or end at the node."""
        return sum(1 for x in self.links if node_id in (x.source, x.target))

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
        out: dict[str, list[MapNode]] = {q: [] for q in QUADRANTS}
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
        data = {
            "case": self.case_id,
            "nodes": [{k: v for k, v in vars(x).items() if v is not None} for x in self.nodes.values()],
            "links": [vars(x).copy() for x in self.links],
        }
        if self.positions:
            data["positions"] = {n: [x, y] for n, (x, y) in self.positions.items()}
        return data

    @classmethod
    def from_dict(cls, spec: SystemMapSpec, data, case: Case) -> "SystemMap":
        """Restore one map (one entry of the answer's ``maps``). Saved nodes
        of a known kind are kept; saved links are kept exactly when
        :meth:`add_link`, called one by one, would accept them; saved
        positions of kept nodes are kept when they are two finite numbers
        (a node without one is placed when the map is drawn). Without a
        usable saved map, the case's own map."""
        if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
            return cls.from_case(spec, case)
        model = cls(spec, case.case_id)
        for item in data["nodes"]:
            try:
                node = MapNode(str(item["id"]), str(item["label"]), item["kind"], item.get("actor_type"),
                               item.get("power"), item.get("interest"), item.get("reach"))
            except (KeyError, TypeError, AttributeError):
                continue
            if node.kind in KINDS and node.id not in model.nodes and (node.reach in REACH or node.reach is None):
                model.nodes[node.id] = node
        taken: set = set()
        for item in data.get("links", []) if isinstance(data.get("links"), list) else []:
            try:
                model._add_link(item["source"], item["target"], item.get("sign", "+"), item.get("strength", 2),
                                item.get("delay", False), taken)
            except (InputError, KeyError, TypeError, AttributeError):
                continue
        if not model.nodes:
            return cls.from_case(spec, case)
        saved = data.get("positions") if isinstance(data.get("positions"), dict) else {}
        for node_id, xy in saved.items():
            if (node_id in model.nodes and isinstance(xy, (list, tuple)) and len(xy) == 2
                    and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                            for v in xy)):
                model.positions[node_id] = (float(xy[0]), float(xy[1]))
        return model
