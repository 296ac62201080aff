"""E5.1 Public values map, the model: the stakeholders of a case weigh its
public values; a divergence index per value (the population standard
deviation of the weights across the chosen stakeholders) ranks the values
from most to least contested.

Spec: ``data/exercises/m5/publieke_waarden.yaml`` (type ``public_values``)
with ``case`` (or ``default_case``), the weight ``scale`` (min, max, neutral ``start``),
``default_actors`` per case (2 to 8 actor ids; a case without an entry
starts with its first ``default_actor_count`` actors) and ``extra_values``
offered as suggestions next to the case's own ``public_values``.

The model receives the cases it may use (``{case id: Case}``); it reads no
files. The saved answer keeps the participant's choices per case::

    {"case": "<case id>",
     "cases": {"<case id>": {"actors": [...], "extra_values": [...],
                             "weights": {"<value>": {"<actor id>": 0..5}}}}}
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from ...content import Case, Field, opening_case
from ...errors import InputError
from ...i18n import t

__all__ = ["MAX_ACTORS", "MAX_EXTRA_VALUES", "MAX_VALUE_CHARS", "MIN_ACTORS", "CaseWeights", "PublicValuesMap",
           "PublicValuesSpec", "WeightScale", "clean_name", "divergence_index", "norm_name", "parse_spec",
           "spec_case"]

MIN_ACTORS, MAX_ACTORS = 2, 8
MAX_EXTRA_VALUES = 30
MAX_VALUE_CHARS = 80


# -- spec -------------------------------------------------------------------------
@dataclass(frozen=True)
class WeightScale:
    min: int
    max: int
    start: int
    low: str
    high: str


@dataclass(frozen=True)
class PublicValuesSpec:
    exercise_id: str
    title: str
    intro: str
    default_case: str
    scale: WeightScale
    default_actors: dict[str, tuple[str, ...]]
    default_actor_count: int
    extra_values: tuple[str, ...]

    def actors_for(self, case: Case) -> list[str]:
        """The actor ids a participant starts with in ``case``."""
        if case.case_id in self.default_actors:
            return list(self.default_actors[case.case_id])
        return [a.id for a in case.actors[: max(MIN_ACTORS, min(self.default_actor_count, MAX_ACTORS))]]


def parse_spec(root: Field, exercise_id: str, cases: Mapping[str, Case], broken=()) -> PublicValuesSpec:
    """The spec, checked against the cases the course offers; ``default_actors``
    of a case whose file is ``broken`` (does not load) are left out with it."""
    known = list(cases)
    default_case = spec_case(root, cases, broken)
    node = root.sub("scale")
    lo = node.integer("min", 0, 10)
    hi = node.integer("max", lo + 1, 10)
    scale = WeightScale(lo, hi, node.integer("start", lo, hi), node.text("low"), node.text("high"))
    chosen = root.sub("default_actors", default={})
    defaults: dict[str, tuple[str, ...]] = {}
    for case_id, ids in chosen.data.items():
        if case_id in broken:
            continue
        if case_id not in cases:
            raise chosen.fail(str(case_id), t("content.allowed_choice", options=", ".join(known)), case_id)
        actor_ids = [a.id for a in cases[case_id].actors]
        if not isinstance(ids, list) or not MIN_ACTORS <= len(ids) <= MAX_ACTORS:
            raise chosen.fail(case_id, t("content.allowed_list", min=MIN_ACTORS, max=MAX_ACTORS), ids)
        for i, actor in enumerate(ids):
            if actor not in actor_ids:
                raise chosen.fail(f"{case_id}[{i}]", t("content.allowed_choice", options=", ".join(actor_ids)), actor)
        chosen.unique(case_id, ids)
        defaults[case_id] = tuple(ids)
    extra = root.texts("extra_values", default=[], max_len=MAX_EXTRA_VALUES)
    root.unique("extra_values", [norm_name(v) for v in extra])
    return PublicValuesSpec(
        exercise_id=exercise_id, title=root.text("title"), intro=root.text("intro", default="", empty_ok=True),
        default_case=default_case, scale=scale, default_actors=defaults,
        default_actor_count=root.integer("default_actor_count", MIN_ACTORS, MAX_ACTORS, default=5),
        extra_values=tuple(extra),
    )


def spec_case(root: Field, cases: Mapping[str, Case], broken=()) -> str:
    """The spec's ``case:`` (or older ``default_case:``), one of ``cases``;
    when its file is ``broken`` the first case that loads instead, so the
    exercise still opens on the other cases (the view names the broken file)."""
    key = "case" if root.raw("case", None) is not None else "default_case"
    if isinstance(root.raw(key, None), str) and root.raw(key) in broken and cases:
        return next(iter(cases))
    return root.choice(key, list(cases))


# -- model ------------------------------------------------------------------------
def clean_name(name: str) -> str:
    """A value's name with its white space tidied."""
    return " ".join(name.split())


def norm_name(name: str) -> str:
    """A value's name as compared for duplicates (tidied, case folded)."""
    return clean_name(name).casefold()


def divergence_index(weights) -> float:
    """Population standard deviation of the weights (0 when all agree).

    >>> divergence_index([2, 4, 4, 4, 5, 5, 7, 9])
    2.0
    >>> divergence_index([3, 3, 3])
    0.0
    """
    values = [float(w) for w in weights]
    if not values:
        return 0.0
    mean = math.fsum(values) / len(values)
    return math.sqrt(math.fsum((x - mean) ** 2 for x in values) / len(values))


@dataclass
class CaseWeights:
    """The participant's choices for one case."""

    actors: list[str]
    extra_values: list[str] = field(default_factory=list)
    weights: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass
class PublicValuesMap:
    """Weights per stakeholder and public value, kept per case."""

    spec: PublicValuesSpec
    cases: Mapping[str, Case]
    case_id: str = ""
    per_case: dict[str, CaseWeights] = field(default_factory=dict)

    def __post_init__(self):
        self.switch_case(self.case_id or self.start_case())

    # -- the case ----------------------------------------------------------
    def start_case(self) -> str:
        """The spec's case, or the first case on offer when its file does not load."""
        return opening_case(self.cases, self.spec.default_case)

    @property
    def case(self) -> Case:
        return self.cases[self.case_id]

    def switch_case(self, case_id: str) -> None:
        if not isinstance(case_id, str) or case_id not in self.cases:
            raise InputError(t("public_values.field_case"), ", ".join(self.cases), case_id)
        self.case_id = case_id
        if case_id not in self.per_case:
            self.per_case[case_id] = CaseWeights(self.spec.actors_for(self.cases[case_id]))

    @property
    def state(self) -> CaseWeights:
        return self.per_case[self.case_id]

    # -- rows and columns --------------------------------------------------
    def values(self) -> list[str]:
        """Row labels: the case's public values, then the added ones."""
        return list(self.case.public_values) + list(self.state.extra_values)

    def actors(self):
        """The chosen stakeholders, in the order of the case."""
        chosen = set(self.state.actors)
        return [a for a in self.case.actors if a.id in chosen]

    def is_added(self, value: str) -> bool:
        return value in self.state.extra_values

    def suggestions(self) -> list[str]:
        """Extra values from the spec that are not yet a row."""
        present = {norm_name(v) for v in self.values()}
        return [v for v in self.spec.extra_values if norm_name(v) not in present]

    def select_actors(self, actor_ids) -> None:
        ids = list(actor_ids)
        known = {a.id for a in self.case.actors}
        unknown = [i for i in ids if i not in known]
        allowed = t("public_values.allowed_actors", lo=MIN_ACTORS, hi=MAX_ACTORS)
        if unknown:
            raise InputError(t("public_values.field_actors"), allowed, ", ".join(map(str, unknown)))
        if not MIN_ACTORS <= len(set(ids)) <= MAX_ACTORS:
            raise InputError(t("public_values.field_actors"), allowed, t("public_values.given_actors", n=len(set(ids))))
        order = [a.id for a in self.case.actors]
        self.state.actors = sorted(set(ids), key=order.index)

    def add_value(self, name) -> str:
        """Add a public value by name; returns the cleaned name."""
        label = t("public_values.field_new_value")
        allowed = t("public_values.allowed_new_value", max=MAX_VALUE_CHARS)
        if not isinstance(name, str) or not clean_name(name):
            raise InputError(label, allowed, "''" if isinstance(name, str) else repr(name))
        cleaned = clean_name(name)
        if len(cleaned) > MAX_VALUE_CHARS:
            raise InputError(label, allowed, t("public_values.given_chars", n=len(cleaned)))
        existing = {norm_name(v): v for v in self.values()}
        if norm_name(cleaned) in existing:
            raise InputError(label, t("public_values.allowed_not_duplicate"),
                             t("public_values.given_duplicate", name=cleaned, existing=existing[norm_name(cleaned)]))
        if len(self.state.extra_values) >= MAX_EXTRA_VALUES:
            raise InputError(label, t("public_values.allowed_max_values", n=MAX_EXTRA_VALUES), cleaned)
        self.state.extra_values.append(cleaned)
        return cleaned

    def remove_value(self, name: str) -> None:
        if name not in self.state.extra_values:
            raise InputError(t("public_values.field_remove"), t("public_values.allowed_remove"), name)
        self.state.extra_values.remove(name)
        self.state.weights.pop(name, None)

    # -- weights -----------------------------------------------------------
    def weight(self, value: str, actor_id: str) -> int:
        return self.state.weights.get(value, {}).get(actor_id, self.spec.scale.start)

    def set_weight(self, value: str, actor_id: str, weight) -> None:
        values, names = self.values(), {a.id: a.name for a in self.case.actors}
        if value not in values:
            raise InputError(t("public_values.field_value"), ", ".join(values), value)
        if actor_id not in names:
            raise InputError(t("public_values.field_actor"), ", ".join(names), actor_id)
        lo, hi = self.spec.scale.min, self.spec.scale.max
        if isinstance(weight, bool) or not isinstance(weight, int) or not lo <= weight <= hi:
            raise InputError(t("public_values.field_weight", value=value, actor=names[actor_id]),
                             t("public_values.allowed_weight", lo=lo, hi=hi), weight)
        self.state.weights.setdefault(value, {})[actor_id] = weight

    def matrix(self) -> list[list[int]]:
        """Weights as rows (values) by columns (chosen stakeholders)."""
        return [[self.weight(v, a.id) for a in self.actors()] for v in self.values()]

    def divergence(self) -> list[tuple[str, float]]:
        """(value, divergence index) in row order."""
        return [(v, divergence_index(row)) for v, row in zip(self.values(), self.matrix())]

    def ranked(self) -> list[tuple[str, float]]:
        """Values from most to least divergent (ties keep row order)."""
        return sorted(self.divergence(), key=lambda vi: -round(vi[1], 9))

    def extremes(self, value: str) -> tuple[list[str], int, list[str], int]:
        """(lowest names, lowest weight, highest names, highest weight) for one value."""
        actors = self.actors()
        weights = [self.weight(value, a.id) for a in actors]
        lo, hi = min(weights), max(weights)
        return ([a.name for a, w in zip(actors, weights) if w == lo], lo,
                [a.name for a, w in zip(actors, weights) if w == hi], hi)

    # -- workbook ----------------------------------------------------------
    def to_dict(self) -> dict:
        out = {}
        for case_id, state in self.per_case.items():
            out[case_id] = {
                "actors": list(state.actors),
                "extra_values": list(state.extra_values),
                "weights": {v: dict(sorted(row.items())) for v, row in state.weights.items() if row},
            }
        return {"case": self.case_id, "cases": out}

    @classmethod
    def from_dict(cls, spec: PublicValuesSpec, data, cases: Mapping[str, Case]) -> "PublicValuesMap":
        """Rebuild from a saved answer, every choice through the method the
        view calls; anything the current content no longer allows (a removed
        case, actor or value, a weight out of range) is left out."""
        data = data if isinstance(data, dict) else {}
        model = cls(spec, cases)
        saved_cases = data.get("cases") if isinstance(data.get("cases"), dict) else {}
        for case_id, saved in saved_cases.items():
            if case_id not in cases or not isinstance(saved, dict):
                continue
            model.switch_case(case_id)
            if isinstance(saved.get("actors"), list):
                _skip_refused(model.select_actors, [a for a in saved["actors"] if isinstance(a, str)])
            for name in saved.get("extra_values") if isinstance(saved.get("extra_values"), list) else []:
                _skip_refused(model.add_value, name)
            weights = saved.get("weights") if isinstance(saved.get("weights"), dict) else {}
            for value, row in weights.items():
                for actor_id, weight in (row.items() if isinstance(row, dict) else ()):
                    _skip_refused(model.set_weight, value, actor_id, weight)
        current = data.get("case")
        model.switch_case(current if isinstance(current, str) and current in cases else model.start_case())
        return model


def _skip_refused(change, *args) -> None:
    """Apply one saved choice; one the content no longer allows is left out."""
    try:
        change(*args)
    except InputError:
        pass
