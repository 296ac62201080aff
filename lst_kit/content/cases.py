"""The shared fictional cases (``data/cases/<case_id>.yaml``) and the Tafel
van Elf reference (``data/reference/tafel_van_elf.yaml``).

One validated loader serves every exercise: a new case is one new YAML file
and appears in every exercise that takes a case. All cases are invented for
teaching; every number is illustrative (``illustratief: true``).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import t
from ..paths import data_dir, steady
from .fields import KEY, ContentError, Field, load_yaml, rel_path

__all__ = [
    "ACTOR_TYPES",
    "INTERVENTION_FAMILIES",
    "LAW_COVERAGE",
    "T11_KEYS",
    "Case",
    "T11Reference",
    "YAML_SUFFIXES",
    "case_ids",
    "case_or_none",
    "case_path",
    "check_case_file",
    "file_name_problem",
    "load_case",
    "load_cases",
    "load_t11",
    "opening_case",
    "yaml_file",
]

ACTOR_TYPES = (
    "regulatee", "chain_partner", "policy", "parliament", "citizens", "ngo", "media",
    "other_supervisor", "inspectorate", "other",
)
LAW_COVERAGE = ("ja", "nee", "deels", "nvt")
INTERVENTION_FAMILIES = (
    "informatie", "overtuigen", "nudge", "waarschuwing", "bestuurlijke_maatregel", "boete",
    "vergunningmaatregel", "strafrechtelijk", "publicatie", "signaal_beleid", "samenwerking",
    "inspectie", "data",
)
T11_KEYS = tuple(f"T{i}" for i in range(1, 12))


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    role: str
    interest: str
    power: int
    interest_score: int
    stance: int


@dataclass(frozen=True)
class Risk:
    id: str
    name: str
    description: str
    likelihood: int
    impact: int
    systemic: bool
    covered_by_law: str
    owner: str | None


@dataclass(frozen=True)
class T11Score:
    score: int
    rationale: str


@dataclass(frozen=True)
class TargetGroup:
    id: str
    name: str
    description: str
    t11: dict[str, T11Score]


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str
    actor: str | None


@dataclass(frozen=True)
class Link:
    source: str
    target: str
    sign: str
    strength: int
    delay: bool


@dataclass(frozen=True)
class Intervention:
    id: str
    name: str
    description: str
    pyramid_level: int
    family: str
    targets_t11: tuple[str, ...]
    value: int
    legitimacy: int
    capacity: int


@dataclass(frozen=True)
class Signal:
    id: str
    observation: str
    frequency: int
    severity: int
    covered_by_law: str
    systemic: bool
    who_can_act: str


@dataclass(frozen=True)
class Deterrence:
    gain: float
    detection: float
    sanction: float
    fine: float


@dataclass(frozen=True)
class Case:
    case_id: str
    title: str
    inspectorate: str
    summary: str
    public_values: tuple[str, ...]
    actors: tuple[Actor, ...]
    risks: tuple[Risk, ...]
    target_groups: tuple[TargetGroup, ...]
    nodes: tuple[Node, ...]
    links: tuple[Link, ...]
    interventions: tuple[Intervention, ...]
    signals: tuple[Signal, ...]
    policy_tension: str
    module_hooks: dict[str, str] = field(default_factory=dict)
    deterrence: Deterrence | None = None

    @property
    def label(self) -> str:
        """``"ILT · Ontgassen in de binnenvaart"``: for choosers and headings."""
        return f"{self.inspectorate} · {self.title}"

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.id == actor_id)


def _ids(root: Field, key: str, items: list) -> None:
    root.unique(key, [item.id for item in items])


def parse_case(root: Field, case_id: str | None) -> Case:
    """The validated case; ``case_id`` is the file's name (None: a file name
    that is itself not allowed, already reported)."""
    found = root.key("case_id")
    if case_id is None:
        case_id = found
    elif found != case_id:
        raise root.fail("case_id", t("cases.allowed_case_id", name=case_id), found)
    if root.boolean("illustratief") is not True:
        raise root.fail("illustratief", "true", False)
    actors = [
        Actor(n.key("id"), n.text("name"), n.choice("type", ACTOR_TYPES), n.text("role"), n.text("interest"),
              n.integer("power", 1, 5), n.integer("interest_score", 1, 5), n.integer("stance", -2, 2, default=0))
        for n in root.items("actors", 2, 300)
    ]
    _ids(root, "actors", actors)
    actor_ids = {a.id for a in actors}
    risks = []
    for n in root.items("risks", 1, 100):
        owner = n.raw("owner", None)
        if owner is not None and owner not in actor_ids:
            raise n.fail("owner", t("cases.allowed_actor"), owner)
        risks.append(Risk(n.key("id"), n.text("name"), n.text("description", default="", empty_ok=True),
                          n.integer("likelihood", 1, 5), n.integer("impact", 1, 5), n.boolean("systemic"),
                          n.choice("covered_by_law", LAW_COVERAGE), owner))
    _ids(root, "risks", risks)
    groups = []
    for n in root.items("target_groups", 1, 6):
        scores = n.sub("t11")
        extra = sorted(set(scores.data) - set(T11_KEYS))
        if extra:
            raise scores.fail(extra[0], ", ".join(T11_KEYS), extra[0])
        t11 = {}
        for key in T11_KEYS:
            dim = scores.sub(key)
            t11[key] = T11Score(dim.integer("score", 1, 5), dim.text("rationale"))
        groups.append(TargetGroup(n.key("id"), n.text("name"), n.text("description", default="", empty_ok=True), t11))
    _ids(root, "target_groups", groups)
    nodes = []
    for n in root.items("nodes", 2, 1000):
        kind = n.choice("kind", ["factor", "actor"])
        actor = n.raw("actor", None)
        if actor is not None and actor not in actor_ids:
            raise n.fail("actor", t("cases.allowed_actor"), actor)
        nodes.append(Node(n.key("id"), n.text("label"), kind, actor))
    _ids(root, "nodes", nodes)
    node_ids = {x.id for x in nodes}
    links = []
    for n in root.items("links", 1, 3000):
        source, target = n.raw("source"), n.raw("target")
        for name, value in (("source", source), ("target", target)):
            if value not in node_ids:
                raise n.fail(name, t("cases.allowed_node"), value)
        if source == target:
            raise n.fail("target", t("cases.allowed_not_self"), target)
        links.append(Link(source, target, n.choice("sign", ["+", "-"]), n.integer("strength", 1, 3, default=2),
                          n.boolean("delay", default=False)))
    pairs = [f"{x.source}->{x.target}" for x in links]
    root.unique("links", pairs)
    interventions = []
    for n in root.items("interventions", 1, 100):
        targets = n.raw("targets_t11", [])
        if not isinstance(targets, list) or any(x not in T11_KEYS for x in targets):
            raise n.fail("targets_t11", t("cases.allowed_t11_list"), targets)
        interventions.append(Intervention(
            n.key("id"), n.text("name"), n.text("description", default="", empty_ok=True),
            n.integer("pyramid_level", 1, 6), n.choice("family", INTERVENTION_FAMILIES), tuple(targets),
            n.integer("value", 1, 5), n.integer("legitimacy", 1, 5), n.integer("capacity", 1, 5)))
    _ids(root, "interventions", interventions)
    signals = [
        Signal(n.key("id"), n.text("observation"), n.integer("frequency", 1, 5), n.integer("severity", 1, 5),
               n.choice("covered_by_law", LAW_COVERAGE), n.boolean("systemic"),
               n.text("who_can_act", default="", empty_ok=True))
        for n in root.items("signals", 0, 100, default=[])
    ]
    _ids(root, "signals", signals)
    hooks_node = root.sub("module_hooks", default={})
    hooks = {key: hooks_node.text(key) for key in sorted(hooks_node.data)}
    deterrence = None
    if root.raw("deterrence", None) is not None:
        d = root.sub("deterrence")
        deterrence = Deterrence(d.number("gain", 0, 1e9), d.number("detection", 0, 1), d.number("sanction", 0, 1),
                                d.number("fine", 0, 1e9))
    return Case(
        case_id=case_id, title=root.text("title"), inspectorate=root.text("inspectorate"),
        summary=root.text("summary"), public_values=tuple(root.texts("public_values", min_len=1, max_len=20)),
        actors=tuple(actors), risks=tuple(risks), target_groups=tuple(groups), nodes=tuple(nodes),
        links=tuple(links), interventions=tuple(interventions), signals=tuple(signals),
        policy_tension=root.text("policy_tension", default="", empty_ok=True), module_hooks=hooks,
        deterrence=deterrence,
    )


#: The endings of a content file: ``.yaml``, and ``.yml`` as many editors write it.
YAML_SUFFIXES = (".yaml", ".yml")


def yaml_file(stem: Path) -> Path:
    """``<stem>.yaml``, or ``<stem>.yml`` when only that one exists."""
    main = stem.with_name(stem.name + ".yaml")
    if not main.exists():
        other = stem.with_name(stem.name + ".yml")
        if other.exists():
            return other
    return main


def case_path(case_id: str) -> Path:
    if not isinstance(case_id, str) or not KEY.match(case_id):
        raise ValueError(t("cases.unknown", given=repr(case_id), known=", ".join(case_ids())))
    return yaml_file(data_dir() / "cases" / case_id)


_IDS_CACHE: dict[str, tuple[int, tuple[str, ...]]] = {}
_RACY_NS = 2_000_000_000  # a folder changed this recently is read again: its time may not have moved yet


@steady
def case_ids() -> list[str]:
    """Every case in ``data/cases/``, sorted.

    Remembered per folder until the folder's modification time changes
    (adding, removing or renaming a file changes it), so the thousands of
    calls of a class overview do not each list the folder.
    """
    folder = data_dir() / "cases"
    key = str(folder)
    try:
        mtime = os.stat(key).st_mtime_ns
    except OSError:
        return []
    hit = _IDS_CACHE.get(key)
    if hit is not None and hit[0] == mtime:
        return list(hit[1])
    ids = sorted({p.stem for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and KEY.match(p.stem)})
    if time.time_ns() - mtime > _RACY_NS:
        _IDS_CACHE[key] = (mtime, tuple(ids))
    return ids


_CACHE: dict[tuple, Case] = {}


@steady
def load_case(case_id: str) -> Case:
    """Load and validate one case; cached until its file changes."""
    path = case_path(case_id)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ValueError(t("cases.unknown", given=repr(case_id), known=", ".join(case_ids()))) from None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE[key] = parse_case(Field(load_yaml(path), rel_path(path)), case_id)
    return _CACHE[key]


@dataclass(frozen=True)
class T11Dimension:
    key: str
    label: str
    group: str
    description: str


@dataclass(frozen=True)
class T11Group:
    key: str
    label: str
    description: str


@dataclass(frozen=True)
class T11Reference:
    groups: tuple[T11Group, ...]
    dimensions: tuple[T11Dimension, ...]

    def in_group(self, group: str) -> list[T11Dimension]:
        return [d for d in self.dimensions if d.group == group]


@steady
def load_t11(path: Path | None = None) -> T11Reference:
    """The eleven dimensions with their Dutch names and groups."""
    path = path or data_dir() / "reference" / "tafel_van_elf.yaml"
    root = Field(load_yaml(path), rel_path(path))
    groups = tuple(T11Group(n.key("key"), n.text("label"), n.text("description")) for n in root.items("groups", 1, 5))
    group_keys = [g.key for g in groups]
    dims = tuple(T11Dimension(n.raw("key"), n.text("label"), n.choice("group", group_keys), n.text("description"))
                 for n in root.items("dimensions", 11, 11))
    if [d.key for d in dims] != list(T11_KEYS):
        raise root.fail("dimensions", ", ".join(T11_KEYS), [d.key for d in dims])
    return T11Reference(groups, dims)


def file_name_problem(path: Path, pattern=KEY) -> ContentError | None:
    """A content file's name must be a key (it is the case's or exercise's
    id): said first, before anything inside the file is asked to match it."""
    if pattern.match(path.stem) and path.suffix in YAML_SUFFIXES:
        return None
    return ContentError(rel_path(path), t("content.file_name_field"), t("content.allowed_file_name"), path.name,
                        shown=f"'{path.name}'")


def check_case_file(path: Path) -> list[str]:
    """Every problem in one case file (for ``lst-kit check``)."""
    from .fields import collecting, record

    problems: list[ContentError] = []
    bad_name = file_name_problem(path)
    if bad_name is not None:
        problems.append(bad_name)
    with collecting() as found:
        try:
            parse_case(Field(load_yaml(path), rel_path(path)), None if bad_name else path.stem)
        except ContentError as exc:
            record(found, exc)
        except Exception:  # noqa: BLE001 - a stand-in value upset the parser; what was recorded explains it
            if not found:
                raise
    problems += found
    return [str(p) for p in problems]


def case_or_none(case_id) -> Case | None:
    """The case of that id, or None when there is none or its file does not
    load (a reading then leaves the answer out; one broken file breaks
    nothing else)."""
    if not isinstance(case_id, str) or case_id not in case_ids():
        return None
    try:
        return load_case(case_id)
    except ContentError:
        return None


def opening_case(cases, default: str, last=None) -> str:
    """The case an exercise opens on: the one the participant worked on last,
    else the spec's ``default``, else the first case that loads ("" when
    none does)."""
    if last in cases:
        return last
    return default if default in cases else next(iter(cases), "")


def load_cases() -> tuple[dict[str, Case], list[ContentError]]:
    """Every case whose file loads, by id in sorted order, and the problem of
    each case file that does not: one broken file leaves only its own case
    out of an exercise (a view names it in one line)."""
    cases: dict[str, Case] = {}
    problems: list[ContentError] = []
    folder = data_dir() / "cases"
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix in YAML_SUFFIXES and not KEY.match(path.stem):
                problems.append(file_name_problem(path))
    for case_id in case_ids():
        try:
            cases[case_id] = load_case(case_id)
        except ContentError as exc:
            problems.append(exc)
    return cases, problems
