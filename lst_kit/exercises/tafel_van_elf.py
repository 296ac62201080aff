"""E4.1 Tafel van Elf profile and deterrence calculator.

Per target group of a case the participant scores the eleven dimensions of
the Tafel van Elf (1 = strongly undermines compliance ... 5 = strongly
supports it), starting from the case's own (illustrative) scores. The view
shows a radar of two target groups, an index per T11 group (spontaneous
compliance, control, sanction), the three weakest dimensions with the
intervention families that address them (``data/reference/t11_interventies.yaml``,
illustrative), and a stylised deterrence calculator.

Spec: ``data/exercises/m4/tafel_van_elf.yaml`` (type ``tafel_van_elf``).
Saved answer::

    {"case": "ilt_ontgassen_binnenvaart", "focus": "schippers", "compare": "verladers",
     "scores": {"<case>": {"<group>": {"T1": 4, ...}}},
     "deterrence": {"<case>": {"gain": 4000, "detection": 0.02, "sanction": 0.5, "fine": 20000,
                              "report": 0.0, "use_report": false}}}
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from typing import Any

import ipywidgets as widgets

from ..figures import svgplot
from ..paths import data_dir
from ..widgets.slider import IntSlider
from ..content.cases import T11_KEYS, Case, T11Reference, case_ids, load_case, load_t11
from ..content import ContentError, Field, load_spec, rel_path, load_yaml
from ..errors import InputError
from ..i18n import t
from ..figures.style import GRID, PALETTE, style_axes
from ..widgets import ExerciseFrame, FigureBox, build_view, esc


SCALE_MIN, SCALE_MAX = 1, 5
MAX_AMOUNT = 1e9
MAPPING_FILE = "t11_interventies.yaml"


# -- content -------------------------------------------------------------------

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
    known = case_ids()
    default_case = root.choice("default_case", known)
    try:
        case = load_case(default_case)
    except (ContentError, ValueError) as exc:
        raise root.fail("default_case", t("tafel_van_elf.allowed_loadable_case"), f"{default_case} ({exc})") from None
    groups = [g.id for g in case.target_groups]
    compare = root.raw("compare", groups[:2])
    if (not isinstance(compare, list) or not 1 <= len(compare) <= 2 or len(set(compare)) != len(compare)
            or any(g not in groups for g in compare)):
        raise root.fail("compare", t("tafel_van_elf.allowed_compare", groups=", ".join(groups)), compare)
    scale = root.sub("scale", default={"low": t("tafel_van_elf.scale_low"), "high": t("tafel_van_elf.scale_high")})
    det = root.sub("deterrence")
    defaults = DeterrenceDefaults(det.number("gain", 0, MAX_AMOUNT), det.number("detection", 0, 1),
                                  det.number("sanction", 0, 1), det.number("fine", 0, MAX_AMOUNT),
                                  det.number("report", 0, 1, default=0.0))
    return T11Spec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True), default_case,
                   tuple(compare), root.integer("weakest", 1, 11, default=3), scale.text("low"), scale.text("high"),
                   defaults)


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


_MAPPING_CACHE: dict[tuple, InterventionMapping] = {}


def load_mapping(path: Path | None = None) -> InterventionMapping:
    """``data/reference/t11_interventies.yaml``, validated; cached until it changes."""
    path = Path(path) if path is not None else data_dir() / "reference" / MAPPING_FILE
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ContentError(rel_path(path), "", t("content.allowed_existing_file"), t("content.missing")) from None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _MAPPING_CACHE:
        _MAPPING_CACHE[key] = parse_mapping(Field(load_yaml(path), rel_path(path)))
    return _MAPPING_CACHE[key]


def check_reference_file(path: Path) -> list[str]:
    """Problems in a T11 intervention mapping (for ``lst-kit check``)."""
    try:
        load_mapping(path)
    except ContentError as exc:
        return [str(exc)]
    return []


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
        if self.case.case_id == self.spec.default_case and all(g in groups for g in self.spec.compare):
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
            raise InputError(t("tafel_van_elf.field_case"), ", ".join(case_ids()), case)
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
                  case_loader=load_case) -> "T11Profile":
        """Rebuild from a saved answer; unknown cases, groups or odd values are skipped."""
        data = data if isinstance(data, dict) else {}
        case = None
        wanted = data.get("case")
        if isinstance(wanted, str) and wanted in case_ids():
            try:
                case = case_loader(wanted)
            except (ContentError, ValueError):
                case = None
        if case is None:
            case = case_loader(spec.default_case)
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


# -- formatting ---------------------------------------------------------------------

def eur(amount: float) -> str:
    """``4000`` -> ``€ 4.000`` (Dutch thousands separator)."""
    if math.isinf(amount):
        return "∞"
    return "€ " + f"{amount:,.0f}".replace(",", ".")


def pct(p: float) -> str:
    """``0.025`` -> ``2,5%``."""
    if math.isinf(p):
        return "∞"
    value = 100 * p
    text = f"{value:.0f}" if abs(value - round(value)) < 1e-9 or value >= 10 else f"{value:.1f}"
    return text.replace(".", ",") + "%"


def num(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


# -- plots ----------------------------------------------------------------------------

LINE_STYLES = [("-", "o"), ("--", "s")]


def _closed(reference: T11Reference, profile: dict[str, int]) -> list[int]:
    values = [profile[d.key] for d in reference.dimensions]
    return values + values[:1]


RADAR_SIZE = (6.4, 5.8)


def plot_radar(reference: T11Reference, profiles: list[tuple[str, dict[str, int]]],
               start: dict[str, int] | None = None) -> svgplot.Figure:
    """Radar of one or two target-group profiles (line style and marker tell
    them apart without colour); ``start`` adds the case's scores as a thin
    dotted line. Group sectors are shaded and named. An :mod:`lst_kit.figures.svgplot`
    figure: the whole picture is redrawn after every edit in a few ms."""
    dims = reference.dimensions
    n = len(dims)
    angles = [2 * math.pi * i / n for i in range(n)]
    closed = angles + angles[:1]
    fig = svgplot.Figure(figsize=RADAR_SIZE)
    ax = fig.add_subplot(projection="polar")
    ax.set_frame("circle")
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, SCALE_MAX + 0.6)
    half = math.pi / n
    shades = ["#f2f2f2", "#ffffff", "#e6e6e6"]
    for gi, group in enumerate(reference.groups):
        idx = [i for i, d in enumerate(dims) if d.group == group.key]
        if not idx:
            continue
        lo, hi = angles[idx[0]] - half, angles[idx[-1]] + half
        ax.bar((lo + hi) / 2, SCALE_MAX + 0.6, width=hi - lo, bottom=0, color=shades[gi % 3], edgecolor=GRID,
               linewidth=0.8)
        where = angles[idx[0]] + half if len(idx) > 1 else angles[idx[0]]  # between two spokes
        rotation = -math.degrees(where) % 360  # along the rim, never upside down
        if 90 < rotation < 270:
            rotation -= 180
        ax.text(where, SCALE_MAX + 0.3, group.label, ha="center", va="center", fontsize=7.5, rotation=rotation,
                style="italic", color="#222222", bbox={"facecolor": "white", "alpha": 0.85})
    handles = []
    if start is not None:
        ax.plot(closed, _closed(reference, start), linestyle=":", color="#555555", linewidth=1.2)
        handles.append(svgplot.Line2D(color="#555555", linestyle=":", linewidth=1.2,
                                      label=t("tafel_van_elf.case_start")))
    for i, (label, profile) in enumerate(profiles):
        line, marker = LINE_STYLES[i % 2]
        style = {"linestyle": line, "marker": marker, "color": PALETTE[i], "linewidth": 2, "markersize": 6}
        values = _closed(reference, profile)
        ax.fill(closed, values, color=PALETTE[i], alpha=0.10)
        ax.plot(closed, values, **style)
        handles.append(svgplot.Line2D(label=label, **style))
    labels = [f"{d.key}\n" + "\n".join(textwrap.wrap(d.label, 16, break_on_hyphens=False, break_long_words=False)
                                       or [d.label]) for d in dims]  # narrow labels leave room for the radar
    ax.set_xticks(angles, labels, fontsize=7.5)
    ax.tick_params(axis="x", pad=9)
    ax.set_yticks(range(SCALE_MIN, SCALE_MAX + 1))
    ax.tick_params(axis="y", labelsize=7)
    ax.set_rlabel_position(360 * 3.5 / n)  # between T4 and T5, clear of the group names
    fig.suptitle(t("tafel_van_elf.radar_title"), fontsize=11)
    fig.legend(handles=handles, loc="lower center", ncols=3, fontsize=8.5)
    return fig


def plot_deterrence(calc: Deterrence) -> svgplot.Figure:
    """Expected sanction against the detection chance, with the gain line,
    the current detection chance and the break-even point (illustrative;
    an :mod:`lst_kit.figures.svgplot` figure)."""
    fig = svgplot.Figure(figsize=(7.2, 3.4))
    ax = fig.add_subplot()
    xs = [i / 100 for i in range(101)]
    report = calc.report_or_none
    ys = [expected_sanction(x, calc.sanction, calc.fine, report) for x in xs]
    ax.plot(xs, ys, color=PALETTE[0], linewidth=2, label=t("tafel_van_elf.plot_expected"))
    if report:
        plain = [expected_sanction(x, calc.sanction, calc.fine) for x in xs]
        ax.plot(xs, plain, color="#777777", linewidth=1, linestyle=":", label=t("tafel_van_elf.plot_without_report"))
    ax.axhline(calc.gain, color=PALETTE[5], linestyle="--", linewidth=1.6, label=t("tafel_van_elf.plot_gain"))
    ax.plot([calc.detection], [calc.expected()], marker="o", markersize=8, color=PALETTE[7], linestyle="none",
            label=t("tafel_van_elf.plot_now"))
    be = calc.break_even()
    if be.reachable:
        ax.axvline(be.value, color=PALETTE[2], linestyle="-.", linewidth=1.4,
                   label=t("tafel_van_elf.plot_break_even", value=pct(be.value)))
    top = max(max(ys), calc.gain) * 1.12 or 1.0
    ax.set_ylim(0, top)
    ax.set_xlim(0, 1)
    xticks = [i / 5 for i in range(6)]
    ax.set_xticks(xticks, [pct(x) for x in xticks])
    yticks = svgplot.nice_ticks(0, top)
    ax.set_yticks(yticks, [eur(y) for y in yticks])
    ax.set_xlabel(t("tafel_van_elf.axis_detection"))
    ax.set_ylabel(t("tafel_van_elf.axis_euro"))
    ax.set_title(t("tafel_van_elf.det_title"))
    style_axes(ax)
    ax.legend(fontsize=8)
    return fig


# -- texts (the text alternatives and tables beside the plots) ----------------------------

def _dim_labels(reference: T11Reference) -> dict[str, str]:
    return {d.key: d.label for d in reference.dimensions}


def radar_summary(model: T11Profile) -> str:
    labels = _dim_labels(model.reference)
    parts = []
    for gid in (model.focus, model.compare):
        if not gid:
            continue
        idx = model.indices(gid)
        ix = ", ".join(f"{g.label} {num(idx[g.key])}" for g in model.reference.groups if g.key in idx)
        weak = ", ".join(f"{d} {labels[d]} ({s})" for d, s, _ in model.weakest(gid))
        parts.append(t("tafel_van_elf.summary_group", group=model.group(gid).name, indices=ix, weakest=weak))
    return " ".join(parts)


def deterrence_summary(calc: Deterrence) -> str:
    be = calc.break_even()
    lines = [t("tafel_van_elf.det_expected", expected=eur(calc.expected()), gain=eur(calc.gain))]
    lines.append(t("tafel_van_elf.det_deters") if calc.deters() else t("tafel_van_elf.det_not_deters"))
    if calc.gain <= 0:
        lines.append(t("tafel_van_elf.det_no_gain"))
    elif be.reachable:
        lines.append(t("tafel_van_elf.det_break_even", value=pct(be.value)))
    else:
        lines.append(t("tafel_van_elf.det_unreachable", max=eur(expected_sanction(1.0, calc.sanction, calc.fine,
                                                                                   calc.report_or_none))))
    return " ".join(lines)


# -- optional hooks (portfolio, class overview) --------------------------------------------

def _setup(exercise_id: str):
    return load_spec(exercise_id, "tafel_van_elf"), load_t11(), load_mapping()


def summarize(exercise_id: str, answer) -> list[str]:
    """Dutch plain-text lines about a saved answer (never raises)."""
    try:
        spec, reference, mapping = _setup(exercise_id)
        model = T11Profile.from_dict(spec, reference, mapping, answer)
        labels = _dim_labels(reference)
        lines = [t("tafel_van_elf.sum_case", case=model.case.label)]
        for gid in (model.focus, model.compare):
            if not gid:
                continue
            idx = model.indices(gid)
            ix = ", ".join(f"{g.label} {num(idx[g.key])}" for g in reference.groups if g.key in idx)
            lines.append(t("tafel_van_elf.sum_indices", group=model.group(gid).name, indices=ix))
            weak = "; ".join(f"{d} {labels[d]} ({s}): {' · '.join(fam)}" for d, s, fam in model.weakest(gid))
            lines.append(t("tafel_van_elf.sum_weakest", weakest=weak))
        lines.append(deterrence_summary(model.calculator()))
        return lines
    except Exception:  # noqa: BLE001 - a hook never raises
        return []


def plot_answer(exercise_id: str, answer):
    """The radar of the saved focus and comparison groups, or None."""
    try:
        spec, reference, mapping = _setup(exercise_id)
        model = T11Profile.from_dict(spec, reference, mapping, answer)
        return plot_radar(reference, _shown_profiles(model))
    except Exception:  # noqa: BLE001
        return None


def _shown_profiles(model: T11Profile) -> list[tuple[str, dict[str, int]]]:
    return [(model.group(g).name, model.profile(g)) for g in (model.focus, model.compare) if g]


def plot_class(reference: T11Reference, rows: list[tuple[str, dict[str, list[int]]]]):
    """Per target group: mean score per dimension with the min–max range
    (an :mod:`lst_kit.figures.svgplot` figure: the class overview needs no matplotlib)."""
    fig = svgplot.Figure(figsize=(7.2, 3.8))
    ax = fig.add_subplot()
    dims = [d.key for d in reference.dimensions]
    width = 0.8 / max(len(rows), 1)
    markers = "os^Dv"
    for i, (label, values) in enumerate(rows):
        scored = [(j, values[d]) for j, d in enumerate(dims) if values[d]]  # a dimension nobody scored: no mark
        xs = [j + (i - (len(rows) - 1) / 2) * width for j, _ in scored]
        means = [mean(v) for _, v in scored]
        lows = [m - min(v) for m, (_, v) in zip(means, scored)]
        highs = [max(v) - m for m, (_, v) in zip(means, scored)]
        ax.errorbar(xs, means, yerr=[lows, highs], fmt=markers[i % len(markers)], color=PALETTE[i], capsize=3,
                    label=label)
    ax.set_xticks(range(len(dims)), dims)
    ax.set_xlim(-0.6, len(dims) - 0.4)
    ax.set_ylim(SCALE_MIN - 0.3, SCALE_MAX + 0.3)
    ax.set_yticks(range(SCALE_MIN, SCALE_MAX + 1))
    ax.set_ylabel(t("tafel_van_elf.axis_score"))
    ax.set_title(t("tafel_van_elf.class_title"))
    style_axes(ax)
    fig.legend(loc="outside lower center", ncols=min(len(rows), 4), fontsize=8)
    return fig


def class_picture(exercise_id: str, answers: dict):
    """Spread of the class's scores for the case most participants chose."""
    try:
        spec, reference, mapping = _setup(exercise_id)
        valid = {p: a for p, a in (answers or {}).items() if isinstance(a, dict)}
        if not valid:
            return None, [t("tafel_van_elf.class_none")]
        cases = [a.get("case") for a in valid.values() if a.get("case") in case_ids()]
        case_id = max(sorted(set(cases)), key=cases.count) if cases else spec.default_case
        case = load_case(case_id)
        rows = []
        lines = [t("tafel_van_elf.class_case", case=case.label, n=sum(1 for c in cases if c == case_id))]
        labels = _dim_labels(reference)
        for group in case.target_groups[:4]:
            values: dict[str, list[int]] = {d: [] for d in T11_KEYS}
            for answer in valid.values():
                saved = answer.get("scores", {}).get(case_id, {}).get(group.id) if isinstance(
                    answer.get("scores"), dict) and isinstance(answer["scores"].get(case_id), dict) else None
                if not isinstance(saved, dict):
                    continue
                for d in T11_KEYS:
                    v = saved.get(d)
                    if isinstance(v, int) and not isinstance(v, bool) and SCALE_MIN <= v <= SCALE_MAX:
                        values[d].append(v)
            n = max(len(v) for v in values.values())
            if not n:
                continue
            rows.append((group.name, values))
            means = {d: mean(v) for d, v in values.items() if v}
            weak = weakest_dimensions({d: means.get(d, SCALE_MAX) for d in T11_KEYS}, 3)
            spread = max(T11_KEYS, key=lambda d: (max(values[d]) - min(values[d])) if values[d] else -1)
            lines.append(t("tafel_van_elf.class_group", group=group.name, n=n,
                           weakest=", ".join(f"{d} {labels[d]} ({num(means[d])})" for d in weak if d in means),
                           spread=f"{spread} {labels[spread]}"))
        return (plot_class(reference, rows) if rows else None), lines
    except Exception:  # noqa: BLE001
        return None, []


def demo_answer(exercise_id: str, rng) -> dict:
    """A plausible answer for the demo class: the default case, each target
    group scored around the case's own scores, a calculator somewhat changed."""
    spec, reference, mapping = _setup(exercise_id)
    model = T11Profile(spec, reference, mapping, load_case(spec.default_case))
    for group in model.case.target_groups:
        for dim in T11_KEYS:
            value = int(round(group.t11[dim].score + rng.normal(0, 0.9)))
            model.set_score(group.id, dim, min(SCALE_MAX, max(SCALE_MIN, value)))
    calc = model.calculator()
    model.set_deterrence("detection", round(float(min(1.0, calc.detection * rng.choice([1, 2, 5, 10]))), 3))
    model.set_deterrence("use_report", bool(rng.random() < 0.3))
    if model.compare is not None and rng.random() < 0.2:
        model.set_compare(None)
    return model.to_dict()


# -- view ---------------------------------------------------------------------------------

def _case_problem(case_id: str) -> str:
    """"" when the case loads, else the (Dutch) reason it does not."""
    try:
        load_case(case_id)
    except (ContentError, ValueError) as exc:
        return str(exc)
    return ""


class T11View(ExerciseFrame):
    def __init__(self, spec: T11Spec, reference: T11Reference, mapping: InterventionMapping, workbook=None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.reference = reference
        self.model = T11Profile.from_dict(spec, reference, mapping, self.saved())
        wide = {"style": {"description_width": "10em"}, "layout": widgets.Layout(width="32em")}
        usable, problems = [], []
        for cid in case_ids():
            problem = _case_problem(cid)
            if problem:
                problems.append(problem)
            else:
                usable.append((load_case(cid).label, cid))
        if problems:
            self.banner.show(t("tafel_van_elf.case_problem", problems="\n".join(problems)), kind="info",
                             source="content")
        self.case_dd = widgets.Dropdown(
            options=usable,
            value=self.model.case.case_id, description=t("tafel_van_elf.field_case"),
            tooltip=t("tafel_van_elf.case_tip"), **wide)
        self.focus_dd = widgets.Dropdown(description=t("tafel_van_elf.field_focus"),
                                         tooltip=t("tafel_van_elf.focus_tip"), **wide)
        self.compare_dd = widgets.Dropdown(description=t("tafel_van_elf.field_compare"),
                                           tooltip=t("tafel_van_elf.compare_tip"), **wide)
        self.group_info = widgets.HTML()
        self.sliders: dict[str, IntSlider] = {}
        self.rationales: dict[str, widgets.HTML] = {}
        sections = [widgets.HTML(
            f"<small>{esc(t('tafel_van_elf.scale_note', lo=SCALE_MIN, low=spec.low, hi=SCALE_MAX, high=spec.high))}"
            "</small>")]
        for group in reference.groups:
            dims = reference.in_group(group.key)
            if not dims:
                continue
            sections.append(widgets.HTML(f"<b>{esc(group.label)}</b> <small style='color:#555'>"
                                         f"{esc(group.description)}</small>"))
            for dim in dims:
                slider = IntSlider(min=SCALE_MIN, max=SCALE_MAX, value=SCALE_MIN,
                                   description=f"{dim.key} {dim.label}", continuous_update=False,
                                   style={"description_width": "16em"}, layout=widgets.Layout(width="46em"))
                slider.observe(self.guard(lambda change, k=dim.key: self._on_score(k, change["new"])),
                               names="value")
                note = widgets.HTML(layout=widgets.Layout(margin="0 0 4px 2em"))
                self.sliders[dim.key] = slider
                self.rationales[dim.key] = note
                sections += [slider, note]
        self.reset_button = widgets.Button(description=t("tafel_van_elf.reset"), icon="undo",
                                           tooltip=t("tafel_van_elf.reset_tip"),
                                           layout=widgets.Layout(width="auto"))
        self.reset_button.on_click(self.guard(lambda _b: self._on_reset()))
        self.radar = FigureBox()
        self.indices_table = widgets.HTML()
        self.weakest_box = widgets.HTML()
        # the deterrence calculator
        self.det_inputs: dict[str, widgets.FloatText] = {}
        det_controls = []
        for name in DETERRENCE_FIELDS:
            box = widgets.FloatText(description=t(f"tafel_van_elf.det_{name}"),
                                    tooltip=t(f"tafel_van_elf.det_{name}_tip"),
                                    step=100 if name in ("gain", "fine") else 0.01,
                                    style={"description_width": "21em"}, layout=widgets.Layout(width="33em"))
            box.observe(self.guard(lambda change, k=name: self._on_deterrence(k, change["new"])), names="value")
            self.det_inputs[name] = box
            det_controls.append(box)
        self.use_report = widgets.Checkbox(description=t("tafel_van_elf.det_use_report"),
                                           tooltip=t("tafel_van_elf.det_use_report_tip"), indent=False)
        self.use_report.observe(self.guard(lambda change: self._on_deterrence("use_report", change["new"])),
                                names="value")
        det_controls.insert(4, self.use_report)
        self.det_source = widgets.HTML()
        self.det_figure = FigureBox()
        self.det_text = widgets.HTML()
        self.case_dd.observe(self.guard(lambda change: self._on_case(change["new"])), names="value")
        self.focus_dd.observe(self.guard(lambda change: self._on_focus(change["new"])), names="value")
        self.compare_dd.observe(self.guard(lambda change: self._on_compare(change["new"])), names="value")
        self._sync_controls()
        self._redraw_radar()
        self._redraw_deterrence()
        illustrative = widgets.HTML(f"<p style='color:#6b5200'><b>{esc(t('tafel_van_elf.illustrative'))}</b></p>")
        det_header = widgets.HTML(f"<h4 style='margin:10px 0 2px 0'>{esc(t('tafel_van_elf.det_heading'))}</h4>"
                                  f"<p style='margin:0 0 4px 0'>{esc(t('tafel_van_elf.det_intro'))}</p>")
        self.set_body(illustrative, self.case_dd, self.focus_dd, self.compare_dd, self.group_info,
                      widgets.VBox(sections), widgets.HBox([self.reset_button]), self.radar, self.indices_table,
                      self.weakest_box, det_header, self.det_source, widgets.VBox(det_controls),
                      self.det_figure, self.det_text)

    # -- syncing widgets from the model (no save, no redraw per widget) ----
    def _sync_controls(self) -> None:
        model = self.model
        with self.quietly():
            groups = [(g.name, g.id) for g in model.case.target_groups]
            if self.case_dd.value != model.case.case_id:
                self.case_dd.value = model.case.case_id
            self.focus_dd.options = groups
            self.focus_dd.value = model.focus
            # "" stands for "no comparison": a Dropdown shows no text at all for None
            others = [(t("tafel_van_elf.none"), "")] + [(n, g) for n, g in groups if g != model.focus]
            self.compare_dd.options = others
            self.compare_dd.value = model.compare or ""
            self.compare_dd.disabled = len(others) == 1
            group = model.group(model.focus)
            self.group_info.value = f"<small style='color:#333'>{esc(group.description)}</small>"
            for dim in T11_KEYS:
                self.sliders[dim].value = model.score(model.focus, dim)
                case_score = group.t11[dim]
                self.sliders[dim].tooltip = (f"{_dim_labels(self.reference)[dim]}: "
                                             f"{self._dim_description(dim)} {t('tafel_van_elf.case_says')} "
                                             f"{case_score.score}: {case_score.rationale}")
                self.rationales[dim].value = (
                    f"<small style='color:#555'>{esc(t('tafel_van_elf.case_score', score=case_score.score))} "
                    f"{esc(case_score.rationale)}</small>")
            calc = model.calculator()
            for name in DETERRENCE_FIELDS:
                self.det_inputs[name].value = getattr(calc, name)
            self.use_report.value = calc.use_report
            source = "det_from_case" if model.case.deterrence else "det_from_spec"
            self.det_source.value = f"<small>{esc(t('tafel_van_elf.' + source, case=model.case.label))}</small>"

    def _dim_description(self, dim: str) -> str:
        return next(d.description for d in self.reference.dimensions if d.key == dim)

    # -- handlers --------------------------------------------------------
    def _on_case(self, case_id) -> None:
        if self._syncing or case_id == self.model.case.case_id:
            return
        self.model.set_case(load_case(case_id))
        self._after_switch()

    def _on_focus(self, group_id) -> None:
        if self._syncing or group_id == self.model.focus:
            return
        self.model.set_focus(group_id)
        self._after_switch()

    def _on_compare(self, group_id) -> None:
        if self._syncing:
            return
        self.model.set_compare(group_id or None)
        self.save(self.model.to_dict())
        self._redraw_radar()

    def _after_switch(self) -> None:
        self._sync_controls()
        self.save(self.model.to_dict())
        self._redraw_radar()
        self._redraw_deterrence()

    def _on_score(self, dim: str, value: int) -> None:
        if self._syncing:
            return
        self.model.set_score(self.model.focus, dim, value)
        self.save(self.model.to_dict())
        self._redraw_radar()

    def _on_reset(self) -> None:
        group = self.model.group(self.model.focus)
        for dim in T11_KEYS:
            self.model.set_score(group.id, dim, group.t11[dim].score)
        self._sync_controls()
        self.save(self.model.to_dict())
        self._redraw_radar()

    def _on_deterrence(self, name: str, value) -> None:
        if self._syncing:
            return
        self.model.set_deterrence(name, value)
        self.save(self.model.to_dict())
        self._redraw_deterrence()

    # -- drawing ---------------------------------------------------------
    def _redraw_radar(self) -> None:
        model = self.model
        profile = model.profile()
        start = model.case_profile()
        profiles = _shown_profiles(model)
        start = start if start != profile else None
        self.radar.show(plot_radar(self.reference, profiles, start), alt=t("tafel_van_elf.radar_alt"),
                        caption=radar_summary(model))
        self.indices_table.value = self._indices_html()
        self.weakest_box.value = self._weakest_html()

    def _indices_html(self) -> str:
        model = self.model
        shown = [g for g in (model.focus, model.compare) if g]
        head = f"<tr><th scope='col'>{esc(t('tafel_van_elf.col_index'))}</th><th scope='col'>" \
               f"{esc(t('tafel_van_elf.col_dims'))}</th>" + "".join(
                   f"<th scope='col'>{esc(model.group(g).name)}</th>" for g in shown) + "</tr>"
        indices = {g: model.indices(g) for g in shown}
        rows = ""
        for group in self.reference.groups:
            dims = [d.key for d in self.reference.in_group(group.key)]
            if not dims:
                continue
            span = f"{dims[0]}–{dims[-1]}" if len(dims) > 1 else dims[0]
            rows += (f"<tr><td>{esc(group.label)}</td><td>{esc(span)}</td>"
                     + "".join(f"<td>{esc(num(indices[g][group.key]))}</td>" for g in shown) + "</tr>")
        return (f"<table style='border-collapse:collapse' cellpadding='3'><caption style='text-align:left'>"
                f"{esc(t('tafel_van_elf.indices_caption'))}</caption>{head}{rows}</table>")

    def _weakest_html(self) -> str:
        model = self.model
        labels = _dim_labels(self.reference)
        items = "".join(
            f"<li><b>{esc(dim)} {esc(labels[dim])}</b> ({esc(score)}): {esc(' · '.join(families))}</li>"
            for dim, score, families in model.weakest())
        return (f"<p style='margin:8px 0 2px 0'><b>{esc(t('tafel_van_elf.weakest_title', n=self.spec.weakest, group=model.group(model.focus).name))}</b></p>"
                f"<ol style='margin-top:0'>{items}</ol>"
                f"<p><small>{esc(t('tafel_van_elf.mapping_note'))}</small></p>")

    def _redraw_deterrence(self) -> None:
        calc = self.model.calculator()
        self.det_figure.show(plot_deterrence(calc), alt=t("tafel_van_elf.det_alt"),
                             caption=deterrence_summary(calc))
        be = calc.break_even()
        warn = "" if be.reachable or calc.gain <= 0 else (
            f"<p role='status' style='color:#8a1c1c'><b>{esc(t('tafel_van_elf.det_unreachable_short'))}</b></p>")
        self.det_text.value = f"{warn}<p><small>{esc(t('tafel_van_elf.det_caveat'))}</small></p>"


def tafel_van_elf(exercise_id: str = "m4.tafel_van_elf", workbook=None):
    """E4.1 as a widget."""
    return build_view(lambda: T11View(load_spec(exercise_id, "tafel_van_elf"), load_t11(), load_mapping(), workbook))
