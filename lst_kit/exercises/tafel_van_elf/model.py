"""The Tafel van Elf profile and the deterrence calculator, pure: the spec,
the parser of the T11 intervention mapping, the arithmetic, and the
participant's profile with its answer format.

Per target group of a case the participant scores the eleven dimensions of
the Tafel van Elf (1 = strongly undermines compliance ... 5 = strongly
supports it), starting from the case's own (illustrative) scores.

Saved answer::

    {"case": "ilt_ontgassen_binnenvaart", "focus": "schippers", "compare": "verladers",
     "scores": {"<case>": {"<group>": {"T1": 4, ...}}},
     "deterrence": {"<case>": {"gain": 4000, "detection": 0.02, "sanction": 0.5, "fine": 20000,
                              "report": 0.0, "use_report": false}}}
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from statistics import mean
from typing import Any

from ...content import T11_KEYS, Case, Field, T11Reference
from ...errors import InputError
from ...i18n import t

__all__ = ["DETERRENCE_FIELDS", "MAPPING_FILE", "MAX_AMOUNT", "SCALE_MAX", "SCALE_MIN", "BreakEven", "Deterrence",
           "DeterrenceDefaults", "InterventionMapping", "T11Profile", "T11Spec", "break_even_detection",
           "check_deterrence_value", "detection_with_reports", "expected_sanction", "group_indices",
           "parse_mapping", "parse_spec", "weakest_dimensions", "with_default_case"]

SCALE_MIN, SCALE_MAX = 1, 5
MAX_AMOUNT = 1e9
MAPPING_FILE = "t11_interventies.yaml"


# -- the spec and the mapping ------------------------------------------------------

@dataclass(frozen=True)
class DeterrenceDefaults:
    gain: float
    detection: float
    sanction: float
    fine: float
    report: float


@dataclass(frozen=True)
class T11Spec:
    exercise_id: str
    title: str
    intro: str
    default_case: str
    compare: tuple[str, ...]
    weakest: int
    low: str
    high: str
    deterrence: DeterrenceDefaults


def parse_spec(root: Field, exercise_id: str) -> T11Spec:
    """The spec as far as it can be read without the cases. The compared
    groups (``compare``) are read by :func:`with_default_case`, against the
    default case (the type does that: it may read cases)."""
    default_case = root.raw("default_case")
    if not isinstance(default_case, str) or not default_case:
        raise root.fail("default_case", t("tafel_van_elf.allowed_loadable_case"), default_case)
    scale = root.sub("scale", default={"low": t("tafel_van_elf.scale_low"), "high": t("tafel_van_elf.scale_high")})
    det = root.sub("deterrence")
    defaults = DeterrenceDefaults(det.number("gain", 0, MAX_AMOUNT), det.number("detection", 0, 1),
                                  det.number("sanction", 0, 1), det.number("fine", 0, MAX_AMOUNT),
                                  det.number("report", 0, 1, default=0.0))
    return T11Spec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True), default_case,
                   (), root.integer("weakest", 1, 11, default=3), scale.text("low"), scale.text("high"), defaults)


def with_default_case(root: Field, spec: T11Spec, case: Case) -> T11Spec:
    """The spec with its compared groups: one or two target groups of its
    default case ``case`` (its first two when the spec names none)."""
    groups = [g.id for g in case.target_groups]
    compare = root.raw("compare", groups[:2])
    if (not isinstance(compare, list) or not 1 <= len(compare) <= 2 or any(g not in groups for g in compare)
            or len(set(compare)) != len(compare)):
        raise root.fail("compare", t("tafel_van_elf.allowed_compare", groups=", ".join(groups)), compare)
    return replace(spec, compare=tuple(compare))


@dataclass(frozen=True)
class InterventionMapping:
    """Intervention families per T11 dimension (illustrative, teacher-editable)."""

    families: dict[str, tuple[str, ...]]
    note: str


def parse_mapping(root: Field) -> InterventionMapping:
    if root.boolean("illustratief") is not True:
        raise root.fail("illustratief", "true", False)
    families: dict[str, tuple[str, ...]] = {}
    for node in root.items("dimensions", 11, 11):
        key = node.choice("dimension", T11_KEYS)
        if key in families:
            raise node.fail("dimension", t("content.allowed_unique"), key)
        families[key] = tuple(node.texts("families", min_len=1, max_len=8))
    return InterventionMapping(families, root.text("toelichting", default="", empty_ok=True))


# -- pure calculations -----------------------------------------------------------

def group_indices(profile: dict[str, int], reference: T11Reference) -> dict[str, float]:
    """Mean score per T11 group (spontaneous compliance, control, sanction)."""
    return {g.key: mean(profile[d.key] for d in reference.in_group(g.key)) for g in reference.groups
            if reference.in_group(g.key)}


def weakest_dimensions(profile: dict[str, int], n: int = 3) -> list[str]:
    """The n lowest-scored dimensions; ties in T1..T11 order (deterministic)."""
    order = {key: i for i, key in enumerate(T11_KEYS)}
    return sorted(T11_KEYS, key=lambda key: (profile[key], order[key]))[:n]


def detection_with_reports(detection: float, report: float) -> float:
    """Chance a violation becomes known: own detection or a report (brief §4.1)."""
    return 1 - (1 - report) * (1 - detection)


def expected_sanction(detection: float, sanction: float, fine: float, report: float | None = None) -> float:
    """Expected sanction = detection x sanction chance x fine; with ``report``
    (T6) the chance of becoming known is 1 - (1-P6)(1-detection)."""
    known = detection if report is None else detection_with_reports(detection, report)
    return known * sanction * fine


@dataclass(frozen=True)
class BreakEven:
    """The detection chance at which the expected sanction equals the gain.

    ``needed`` is the uncapped value (may exceed 1, or be ``inf`` when there
    is no sanction at all); ``value`` is capped at 1; ``reachable`` says
    whether certain detection deters at all.
    """

    needed: float

    @property
    def reachable(self) -> bool:
        return self.needed <= 1

    @property
    def value(self) -> float:
        return min(self.needed, 1.0)


def break_even_detection(gain: float, sanction: float, fine: float, report: float | None = None) -> BreakEven:
    """Break-even detection chance = gain / (sanction x fine); with ``report``
    the reports already cover part of it: 1 - (1 - threshold) / (1 - P6)."""
    stake = sanction * fine
    if gain <= 0:
        return BreakEven(0.0)
    if stake <= 0:
        return BreakEven(math.inf)
    threshold = gain / stake
    if report is None or report <= 0:
        return BreakEven(threshold)
    if threshold <= report:
        return BreakEven(0.0)
    if report >= 1 or threshold > 1:
        return BreakEven(math.inf if report >= 1 else 1 + (threshold - 1) / (1 - report))
    return BreakEven(1 - (1 - threshold) / (1 - report))


# -- model ------------------------------------------------------------------------

DETERRENCE_FIELDS = ("gain", "detection", "sanction", "fine", "report")


@dataclass
class Deterrence:
    gain: float
    detection: float
    sanction: float
    fine: float
    report: float = 0.0
    use_report: bool = False

    @property
    def report_or_none(self) -> float | None:
        return self.report if self.use_report else None

    def expected(self) -> float:
        return expected_sanction(self.detection, self.sanction, self.fine, self.report_or_none)

    def break_even(self) -> BreakEven:
        return break_even_detection(self.gain, self.sanction, self.fine, self.report_or_none)

    def deters(self) -> bool:
        return self.expected() >= self.gain

    def to_dict(self) -> dict:
        return {"gain": self.gain, "detection": self.detection, "sanction": self.sanction, "fine": self.fine,
                "report": self.report, "use_report": self.use_report}


def check_deterrence_value(name: str, value: Any) -> float:
    """Validate one calculator input; InputError (Dutch) when it is refused."""
    if name not in DETERRENCE_FIELDS:
        raise InputError(t("tafel_van_elf.field_calculator"), ", ".join(DETERRENCE_FIELDS), name)
    label = t(f"tafel_van_elf.det_{name}")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        allowed = t("tafel_van_elf.allowed_amount") if name in ("gain", "fine") else t("tafel_van_elf.allowed_chance")
        raise InputError(label, allowed, value)
    if name in ("gain", "fine"):
        if not 0 <= value <= MAX_AMOUNT:
            raise InputError(label, t("tafel_van_elf.allowed_amount"), value)
    elif not 0 <= value <= 1:
        raise InputError(label, t("tafel_van_elf.allowed_chance"), value)
    return float(value)


@dataclass
class T11Profile:
    """The participant's scores per case and target group, the chosen case,
    the focus and comparison groups, and the calculator inputs per case."""

    spec: T11Spec
    reference: T11Reference
    mapping: InterventionMapping
    case: Case
    focus: str = ""
    compare: str | None = None
    scores: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    deterrence: dict[str, Deterrence] = field(default_factory=dict)

    def __post_init__(self):
        self._default_groups()

    # -- case and groups ---------------------------------------------------
    @property
    def group_ids(self) -> list[str]:
        return [g.id for g in self.case.target_groups]

    def group(self, group_id: str):
        return next(g for g in self.case.target_groups if g.id == group_id)

    def _default_groups(self) -> None:
        groups = self.group_ids
        if (self.case.case_id == self.spec.default_case and self.spec.compare
                and all(g in groups for g in self.spec.compare)):
            wanted = list(self.spec.compare)
        else:
            wanted = groups[:2]
        if self.focus not in groups:
            self.focus = wanted[0]
        if self.compare is not None and (self.compare not in groups or self.compare == self.focus):
            self.compare = None
        if self.compare is None:
            self.compare = next((g for g in wanted + groups if g != self.focus), None)

    def set_case(self, case: Case) -> None:
        """Switch to another case; its target groups come with it."""
        if not isinstance(case, Case):
            raise InputError(t("tafel_van_elf.field_case"), t("tafel_van_elf.allowed_loadable_case"), case)
        self.case = case
        self.focus, self.compare = "", None
        self._default_groups()

    def set_focus(self, group_id: str) -> None:
        if group_id not in self.group_ids:
            raise InputError(t("tafel_van_elf.field_focus"), ", ".join(self.group_ids), group_id)
        self.focus = group_id
        if self.compare == group_id:
            self.compare = next((g for g in self.group_ids if g != group_id), None)

    def set_compare(self, group_id: str | None) -> None:
        allowed = [g for g in self.group_ids if g != self.focus]
        if group_id is not None and group_id not in allowed:
            raise InputError(t("tafel_van_elf.field_compare"), ", ".join(allowed) or t("tafel_van_elf.none"), group_id)
        self.compare = group_id

    # -- scores ------------------------------------------------------------
    def score(self, group_id: str, dim: str) -> int:
        saved = self.scores.get(self.case.case_id, {}).get(group_id, {})
        if dim in saved:
            return saved[dim]
        return self.group(group_id).t11[dim].score

    def profile(self, group_id: str | None = None) -> dict[str, int]:
        group_id = group_id or self.focus
        return {dim: self.score(group_id, dim) for dim in T11_KEYS}

    def case_profile(self, group_id: str | None = None) -> dict[str, int]:
        group = self.group(group_id or self.focus)
        return {dim: group.t11[dim].score for dim in T11_KEYS}

    def set_score(self, group_id: str, dim: str, value: Any) -> None:
        if group_id not in self.group_ids:
            raise InputError(t("tafel_van_elf.field_focus"), ", ".join(self.group_ids), group_id)
        labels = {d.key: d.label for d in self.reference.dimensions}
        if dim not in labels:
            raise InputError(t("tafel_van_elf.field_dimension"), ", ".join(T11_KEYS), dim)
        if isinstance(value, bool) or not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
            raise InputError(f"{dim} {labels[dim]} ({self.group(group_id).name})",
                             t("tafel_van_elf.allowed_score", lo=SCALE_MIN, hi=SCALE_MAX), value)
        self.scores.setdefault(self.case.case_id, {}).setdefault(group_id, {})[dim] = value

    def indices(self, group_id: str | None = None) -> dict[str, float]:
        return group_indices(self.profile(group_id), self.reference)

    def weakest(self, group_id: str | None = None) -> list[tuple[str, int, tuple[str, ...]]]:
        """(dimension, score, intervention families) of the weakest dimensions."""
        profile = self.profile(group_id)
        return [(dim, profile[dim], self.mapping.families.get(dim, ()))
                for dim in weakest_dimensions(profile, self.spec.weakest)]

    # -- deterrence --------------------------------------------------------
    def calculator(self) -> Deterrence:
        cid = self.case.case_id
        if cid not in self.deterrence:
            src = self.case.deterrence or self.spec.deterrence
            self.deterrence[cid] = Deterrence(src.gain, src.detection, src.sanction, src.fine,
                                              getattr(src, "report", self.spec.deterrence.report))
        return self.deterrence[cid]

    def set_deterrence(self, name: str, value: Any) -> None:
        calc = self.calculator()
        if name == "use_report":
            if not isinstance(value, bool):
                raise InputError(t("tafel_van_elf.det_use_report"), t("tafel_van_elf.allowed_bool"), value)
            calc.use_report = value
            return
        setattr(calc, name, check_deterrence_value(name, value))

    # -- workbook ----------------------------------------------------------
    def to_dict(self) -> dict:
        self.calculator()
        scores = {cid: {gid: dict(sorted(dims.items(), key=lambda kv: T11_KEYS.index(kv[0])))
                        for gid, dims in groups.items()} for cid, groups in sorted(self.scores.items())}
        # the shown groups always carry a full profile, so the answer reads on its own
        shown = scores.setdefault(self.case.case_id, {})
        for gid in (self.focus, self.compare):
            if gid:
                shown[gid] = self.profile(gid)
        return {"case": self.case.case_id, "focus": self.focus, "compare": self.compare, "scores": scores,
                "deterrence": {cid: calc.to_dict() for cid, calc in sorted(self.deterrence.items())}}

    @classmethod
    def from_dict(cls, spec: T11Spec, reference: T11Reference, mapping: InterventionMapping, data,
                  cases: Mapping[str, Case]) -> "T11Profile":
        """Rebuild from a saved answer. ``cases`` are the cases that load
        (id -> Case); an answer on any other case opens the default case.
        Unknown groups, dimensions or odd values are skipped."""
        data = data if isinstance(data, dict) else {}
        wanted = data.get("case")
        case = cases.get(wanted) if isinstance(wanted, str) else None
        if case is None:
            case = cases[spec.default_case]
        model = cls(spec, reference, mapping, case)
        scores = data.get("scores")
        for cid, groups in (scores if isinstance(scores, dict) else {}).items():
            if not isinstance(cid, str) or not isinstance(groups, dict):
                continue
            for gid, dims in groups.items():
                if not isinstance(dims, dict):
                    continue
                for dim, value in dims.items():
                    if dim in T11_KEYS and not isinstance(value, bool) and isinstance(value, int) \
                            and SCALE_MIN <= value <= SCALE_MAX:
                        model.scores.setdefault(cid, {}).setdefault(str(gid), {})[dim] = value
        for key, setter in (("focus", model.set_focus), ("compare", model.set_compare)):
            if key in data:
                try:
                    setter(data[key])
                except InputError:
                    pass
        dets = data.get("deterrence")
        for cid, values in (dets if isinstance(dets, dict) else {}).items():
            if not isinstance(values, dict) or not isinstance(cid, str):
                continue
            calc = Deterrence(spec.deterrence.gain, spec.deterrence.detection, spec.deterrence.sanction,
                              spec.deterrence.fine, spec.deterrence.report)
            for name in DETERRENCE_FIELDS:
                try:
                    setattr(calc, name, check_deterrence_value(name, values.get(name)))
                except InputError:
                    pass
            calc.use_report = values.get("use_report") is True
            model.deterrence[cid] = calc
        return model


