"""Moore's strategic triangle: spec, scores and model (pure: no widgets, no
files; the model receives :class:`~lst_kit.content.Case` objects).

Spec: ``data/exercises/m2/driehoek.yaml`` (type ``strategic_triangle``) with
``default_case``, ``options`` (min, max, start) and the labels and questions
of the three ``corners``. The options and their start scores come from the
``interventions`` of the cases in ``data/cases/`` (all illustrative).

Answer format (workbook)::

    {"case": case_id,
     "cases": {case_id: {"selected": [option_id, ...],
                         "scores": {option_id: {"name": str, "value": int,
                                                "legitimacy": int, "capacity": int}}}}}
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from ...content import Case, Field
from ...errors import InputError
from ...i18n import t

__all__ = [
    "CORNERS",
    "HI",
    "LETTERS",
    "LO",
    "Corner",
    "OptionScore",
    "Triangle",
    "TriangleSpec",
    "bottleneck",
    "fit",
    "geometric_mean",
    "parse_spec",
    "tied_corners",
]

#: The corners, in the order used for ties: the first weakest corner wins.
CORNERS = ("value", "legitimacy", "capacity")
LO, HI = 1, 5
LETTERS = "ABCD"


@dataclass(frozen=True)
class Corner:
    key: str
    label: str
    short: str
    question: str


@dataclass(frozen=True)
class TriangleSpec:
    exercise_id: str
    title: str
    intro: str
    default_case: str
    corners: tuple[Corner, ...]
    min_options: int = 2
    max_options: int = 4
    start_options: int = 3

    def corner(self, key: str) -> Corner:
        return next(c for c in self.corners if c.key == key)


def parse_spec(root: Field, exercise_id: str) -> TriangleSpec:
    """The spec; whether ``default_case`` names an existing case is checked
    by the caller that can see the cases (:mod:`.readings`)."""
    node = root.sub("corners")
    extra = sorted(set(node.data) - set(CORNERS))
    if extra:
        raise node.fail(extra[0], ", ".join(CORNERS), extra[0])
    corners = tuple(Corner(k, node.sub(k).text("label"), node.sub(k).text("short"), node.sub(k).text("question"))
                    for k in CORNERS)
    opts = root.sub("options", default={})
    lo = opts.integer("min", 1, len(LETTERS), default=2)
    hi = opts.integer("max", lo, len(LETTERS), default=4)
    start = opts.integer("start", lo, hi, default=min(3, hi))
    return TriangleSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                        root.key("default_case"), corners, lo, hi, start)


# -- scores ------------------------------------------------------------------------

@dataclass(frozen=True)
class OptionScore:
    id: str
    name: str
    value: int
    legitimacy: int
    capacity: int

    def score(self, corner: str) -> int:
        return getattr(self, corner)

    def scores(self) -> tuple[int, int, int]:
        return tuple(self.score(c) for c in CORNERS)


def geometric_mean(values) -> float:
    """(v1 * v2 * ... * vn) ** (1/n) for positive scores."""
    values = list(values)
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fit(option: OptionScore) -> float:
    """The fit score: the geometric mean of the three corners. A weak corner
    pulls it down more than it would pull down an ordinary mean."""
    return geometric_mean(option.scores())


def bottleneck(option: OptionScore) -> str:
    """The weakest corner; on a tie the first in CORNERS order (value,
    legitimacy, capacity), so the answer is always the same."""
    return min(CORNERS, key=option.score)


def tied_corners(option: OptionScore) -> list[str]:
    """All corners that share the lowest score, in CORNERS order."""
    low = min(option.scores())
    return [c for c in CORNERS if option.score(c) == low]


def _valid_score(value) -> bool:
    return not isinstance(value, bool) and isinstance(value, int) and LO <= value <= HI


@dataclass
class Triangle:
    """The options of one case with the participant's scores. Scores of
    other cases, and of options switched off, are kept for when they return."""

    spec: TriangleSpec
    case: Case
    selected: list[str] = field(default_factory=list)
    scores: dict[str, dict[str, int]] = field(default_factory=dict)
    other: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def start(cls, spec: TriangleSpec, case: Case, entry=None, other=None) -> "Triangle":
        model = cls(spec, case, other=dict(other or {}))
        model._restore(entry)
        return model

    def _ids(self) -> list[str]:
        return [i.id for i in self.case.interventions]

    def _restore(self, entry) -> None:
        entry = entry if isinstance(entry, dict) else {}
        known = self._ids()
        scores = entry.get("scores")
        for option_id, row in (scores if isinstance(scores, dict) else {}).items():
            if option_id in known and isinstance(row, dict):
                good = {c: row[c] for c in CORNERS if _valid_score(row.get(c))}
                if good:
                    self.scores[option_id] = good
        chosen = entry.get("selected")
        chosen = [i for i in known if isinstance(chosen, list) and i in chosen]
        lo, hi = self.spec.min_options, min(self.spec.max_options, len(known))
        if not lo <= len(chosen) <= hi:
            chosen = known[:max(min(self.spec.start_options, len(known)), 0)]
        self.selected = chosen

    # -- edits -------------------------------------------------------------
    def select(self, option_ids) -> None:
        """Choose which options are compared (2 to 4 by default)."""
        known = self._ids()
        if not isinstance(option_ids, (list, tuple)) or any(i not in known for i in option_ids):
            raise InputError(t("strategic_triangle.field_options"),
                             t("content.allowed_choice", options=", ".join(known)), str(option_ids))
        chosen = [i for i in known if i in option_ids]
        lo, hi = self.spec.min_options, self.spec.max_options
        if not lo <= len(chosen) <= hi:
            raise InputError(t("strategic_triangle.field_options"), t("strategic_triangle.allowed_count", lo=lo, hi=hi),
                             t("strategic_triangle.given_count", n=len(chosen)))
        self.selected = chosen

    def set_score(self, option_id: str, corner: str, value) -> None:
        if option_id not in self.selected:
            raise InputError(t("strategic_triangle.field_options"),
                             t("content.allowed_choice", options=", ".join(self.selected)), option_id)
        if corner not in CORNERS:
            raise InputError(t("strategic_triangle.field_corner"),
                             t("content.allowed_choice", options=", ".join(CORNERS)), corner)
        if not _valid_score(value):
            name = self.intervention(option_id).name
            raise InputError(f"{name}: {self.spec.corner(corner).label}",
                             t("strategic_triangle.allowed_score", lo=LO, hi=HI), value)
        self.scores.setdefault(option_id, {})[corner] = value

    def switch(self, case: Case, entry=None) -> None:
        """Go to another case; this case's answer is kept for later."""
        self.other[self.case.case_id] = self.entry()
        restored = self.other.pop(case.case_id, entry)
        self.case = case
        self.selected, self.scores = [], {}
        self._restore(restored)

    def reset_scores(self) -> None:
        """Back to the case's start scores for the selected options."""
        for option_id in self.selected:
            self.scores.pop(option_id, None)

    # -- reading ------------------------------------------------------------
    def intervention(self, option_id: str):
        """The case's intervention behind an option id (StopIteration if none)."""
        return next(i for i in self.case.interventions if i.id == option_id)

    def option(self, option_id: str) -> OptionScore:
        item = self.intervention(option_id)
        own = self.scores.get(option_id, {})
        return OptionScore(item.id, item.name, own.get("value", item.value), own.get("legitimacy", item.legitimacy),
                           own.get("capacity", item.capacity))

    @property
    def options(self) -> list[OptionScore]:
        return [self.option(i) for i in self.selected]

    def ranked(self) -> list[OptionScore]:
        """Options by fit, best first (ties: case order)."""
        return sorted(self.options, key=lambda o: -fit(o))

    def valuable_unsupported(self) -> list[OptionScore]:
        """High value (4-5) but little legitimacy and support (1-2)."""
        return [o for o in self.options if o.value >= 4 and o.legitimacy <= 2]

    # -- workbook -------------------------------------------------------------
    def entry(self) -> dict:
        scores = {}
        for option_id in self._ids():
            if option_id in self.selected or option_id in self.scores:
                o = self.option(option_id)
                scores[option_id] = {"name": o.name, "value": o.value, "legitimacy": o.legitimacy,
                                     "capacity": o.capacity}
        return {"selected": list(self.selected), "scores": scores}

    def to_dict(self) -> dict:
        cases = {k: v for k, v in sorted(self.other.items()) if k != self.case.case_id}
        cases[self.case.case_id] = self.entry()
        return {"case": self.case.case_id, "cases": cases}

    @classmethod
    def from_dict(cls, spec: TriangleSpec, data, cases: Mapping[str, Case]) -> "Triangle":
        """Rebuild from a saved answer on the answer's case, else on the spec's
        default case, else on the first case on offer (``cases``, by id: a
        broken case file leaves its case out). What no longer fits the case
        is skipped. InputError when no case is on offer."""
        data = data if isinstance(data, dict) else {}
        saved = data.get("cases") if isinstance(data.get("cases"), dict) else {}
        wanted = (data.get("case"), spec.default_case, *cases)
        case = next((cases[c] for c in wanted if isinstance(c, str) and c in cases), None)
        if case is None:
            raise InputError(t("strategic_triangle.field_case"),
                             t("strategic_triangle.allowed_case", cases=", ".join(cases)), spec.default_case)
        other = {k: v for k, v in saved.items() if isinstance(k, str) and isinstance(v, dict) and k != case.case_id}
        return cls.start(spec, case, saved.get(case.case_id), other)
