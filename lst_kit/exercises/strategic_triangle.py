"""E2.2 Moore's strategic triangle: score two to four intervention options of
a case on public value, legitimacy and support, and operational capacity;
see the triangles overlaid, the weakest corner (the bottleneck) of each
option and a fit score (the geometric mean of the three corners).

Spec: ``data/exercises/m2/driehoek.yaml`` (type ``strategic_triangle``) with
``default_case``, ``options`` (min, max, start) and the labels and questions
of the three ``corners``. The options and their start scores come from the
``interventions`` of the cases in ``data/cases/`` (all illustrative).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import ipywidgets as widgets

from ..figures import svgplot
from ..content.cases import Case, case_ids, load_case
from ..content import ContentError, Field, load_spec
from ..widgets.slider import IntSlider
from ..errors import InputError
from ..registry import most_answered, spec_or_none
from ..i18n import t
from ..figures.style import PALETTE, wrap_label as _wrap
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook

#: The corners, in the order used for ties: the first weakest corner wins.
CORNERS = ("value", "legitimacy", "capacity")
LO, HI = 1, 5
#: Corner directions in the drawing (degrees): value on top, legitimacy lower left.
ANGLES = {"value": 90.0, "legitimacy": 210.0, "capacity": 330.0}
LINESTYLES = ["-", "--", "-.", ":"]
MARKERS = ["o", "s", "^", "D"]
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
    default_case = root.key("default_case")
    if default_case not in case_ids():
        raise root.fail("default_case", t("strategic_triangle.allowed_case", cases=", ".join(case_ids())), default_case)
    return TriangleSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True), default_case,
                        corners, lo, hi, start)


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
            raise InputError(t("strategic_triangle.field_options"), t("content.allowed_choice", options=", ".join(known)), str(option_ids))
        chosen = [i for i in known if i in option_ids]
        lo, hi = self.spec.min_options, self.spec.max_options
        if not lo <= len(chosen) <= hi:
            raise InputError(t("strategic_triangle.field_options"), t("strategic_triangle.allowed_count", lo=lo, hi=hi),
                             t("strategic_triangle.given_count", n=len(chosen)))
        self.selected = chosen

    def set_score(self, option_id: str, corner: str, value) -> None:
        if option_id not in self.selected:
            raise InputError(t("strategic_triangle.field_options"), t("content.allowed_choice", options=", ".join(self.selected)), option_id)
        if corner not in CORNERS:
            raise InputError(t("strategic_triangle.field_corner"), t("content.allowed_choice", options=", ".join(CORNERS)), corner)
        if not _valid_score(value):
            name = self._intervention(option_id).name
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
    def _intervention(self, option_id: str):
        return next(i for i in self.case.interventions if i.id == option_id)

    def option(self, option_id: str) -> OptionScore:
        item = self._intervention(option_id)
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
    def from_dict(cls, spec: TriangleSpec, data, loader=load_case) -> "Triangle":
        data = data if isinstance(data, dict) else {}
        cases = data.get("cases") if isinstance(data.get("cases"), dict) else {}
        case = None
        for candidate in (data.get("case"), spec.default_case):
            if isinstance(candidate, str):
                try:
                    case = loader(candidate)
                    break
                except (ContentError, ValueError):
                    continue
        if case is None:
            case = loader(spec.default_case)  # raises a named content error
        other = {k: v for k, v in cases.items() if isinstance(k, str) and isinstance(v, dict) and k != case.case_id}
        return cls.start(spec, case, cases.get(case.case_id), other)


# -- plot -----------------------------------------------------------------------------

def _point(corner: str, r: float) -> tuple[float, float]:
    a = math.radians(ANGLES[corner])
    return r * math.cos(a), r * math.sin(a)


def plot_triangle(spec: TriangleSpec, options: list[OptionScore], names: bool = True) -> svgplot.Figure:
    """The options as overlaid triangles on three axes at 120 degrees (score
    1-5 from the centre), an :mod:`lst_kit.figures.svgplot` figure. Each option has
    its own line style and marker as well as its own colour; its weakest
    corner is ringed.

    With ``names=False`` the legend shows only the letters A-D in one row
    (the widget puts the names, scores and fit in the table under the picture).
    """
    fig = svgplot.Figure(figsize=(6.2, 6.0))
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal")
    for level in range(LO, HI + 1):
        xs, ys = zip(*[_point(c, level) for c in CORNERS + CORNERS[:1]])
        ax.plot(xs, ys, color="#c8c8c8", linewidth=0.7)
        vx, vy = _point("value", level)
        ax.text(vx - 0.15, vy, str(level), fontsize=7, color="#666666", va="center", ha="right")
    for corner in CORNERS:
        x, y = _point(corner, HI)
        ax.plot([0, x], [0, y], color="#999999", linewidth=0.8)
        lx, ly = _point(corner, HI + 0.4)
        top = corner == "value"
        ax.text(lx, ly if top else ly - 0.2, _wrap(spec.corner(corner).label, 14), ha="center",
                va="bottom" if top else "top", fontsize=10, fontweight="bold")
    for i, option in enumerate(options):  # the fills first, so no option's fill veils another's line
        pts = [_point(c, option.score(c)) for c in CORNERS]
        ax.add_patch(svgplot.Polygon(pts, facecolor=PALETTE[i % len(PALETTE)], alpha=0.07))
    for i, option in enumerate(options):
        colour = PALETTE[i % len(PALETTE)]
        pts = [_point(c, option.score(c)) for c in CORNERS]
        xs, ys = zip(*(pts + pts[:1]))
        letter = LETTERS[i % len(LETTERS)]
        label = _wrap(f"{letter} · {option.name} (fit {_num(fit(option))})", 75) if names else letter
        ax.plot(xs, ys, linestyle=LINESTYLES[i % 4], color=colour, linewidth=2)
        ax.plot(xs[:-1], ys[:-1], linestyle="", marker=MARKERS[i % 4], markersize=7, color=colour)
        weak = bottleneck(option)
        wx, wy = _point(weak, option.score(weak))
        ax.scatter([wx], [wy], s=15 ** 2, marker="o", facecolors="none", edgecolors=colour, linewidths=1.5)
        ax.plot([], [], linestyle=LINESTYLES[i % 4], marker=MARKERS[i % 4], markersize=7, color=colour,
                linewidth=2, label=label)
    ax.plot([], [], marker="o", markersize=11, markerfacecolor="none", color="#333333", linestyle="",
            label=t("strategic_triangle.legend_weakest"))
    ax.set_xlim(-6.4, 6.4)
    ax.set_ylim(-4.0, 6.4)
    ax.set_title(t("strategic_triangle.plot_title"))
    fig.legend(ncols=1 if names else len(options) + 1, fontsize=8)
    return fig


def _num(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def formula_text(spec: TriangleSpec) -> str:
    v, l, c = (spec.corner(k).short for k in CORNERS)
    return t("strategic_triangle.formula", v=v, l=l, c=c)


def score_table(spec: TriangleSpec, options: list[OptionScore]) -> str:
    """The numbers behind the triangles, with bottleneck and fit (HTML)."""
    head = "".join(f"<th scope='col'>{esc(spec.corner(c).label)}</th>" for c in CORNERS)
    rows = []
    for i, o in enumerate(options):
        weak = bottleneck(o)
        ties = [spec.corner(c).label for c in tied_corners(o) if c != weak]
        cells = "".join(f"<td style='text-align:center'>{'<b>' + str(o.score(c)) + '</b>' if c == weak else o.score(c)}</td>"
                        for c in CORNERS)
        weak_text = esc(spec.corner(weak).label)
        if ties:
            weak_text += f" <small>({esc(t('strategic_triangle.tie', items=', '.join(ties)))})</small>"
        rows.append(f"<tr><td>{LETTERS[i]} · {esc(o.name)}</td>{cells}<td>{weak_text}</td>"
                    f"<td style='text-align:center'>{_num(fit(o))}</td></tr>")
    return (f"<table style='border-collapse:collapse' cellpadding='4'><caption style='text-align:left'>"
            f"{esc(t('strategic_triangle.table_caption'))}</caption><tr><th scope='col'>"
            f"{esc(t('strategic_triangle.col_option'))}</th>{head}<th scope='col'>"
            f"{esc(t('strategic_triangle.col_weakest'))}</th><th scope='col'>{esc(t('strategic_triangle.col_fit'))}</th>"
            f"</tr>{''.join(rows)}</table>")


def summary_text(model: Triangle) -> str:
    best = model.ranked()[0]
    text = t("strategic_triangle.best", option=best.name, fit=_num(fit(best)),
             weakest=model.spec.corner(bottleneck(best)).label)
    flagged = model.valuable_unsupported()
    if flagged:
        text += " " + t("strategic_triangle.valuable_unsupported", items=", ".join(o.name for o in flagged))
    return text


# -- view -----------------------------------------------------------------------------

class TriangleView(ExerciseFrame):
    def __init__(self, spec: TriangleSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self._cases = self._load_cases()
        self.model = Triangle.from_dict(spec, self.saved(), loader=self._load)
        self.case = widgets.Dropdown(options=[(c.label, c.case_id) for c in self._cases.values()],
                                     value=self.model.case.case_id, description=t("strategic_triangle.case"),
                                     style={"description_width": "initial"}, layout=widgets.Layout(width="auto"))
        self.case.observe(self.guard(self._on_case), names="value")
        self.case_info = widgets.HTML()
        self.picks = widgets.VBox()
        self.checkboxes: dict[str, widgets.Checkbox] = {}
        self.sliders_box = widgets.VBox()
        self.sliders: dict[tuple[str, str], IntSlider] = {}
        self.reset = widgets.Button(description=t("strategic_triangle.reset"), icon="undo",
                                    tooltip=t("strategic_triangle.reset_tip"), layout=widgets.Layout(width="auto"))
        self.reset.on_click(self.guard(lambda _: self._on_reset()))
        questions = "".join(f"<li><b>{esc(c.label)}</b>: {esc(c.question)}</li>" for c in spec.corners)
        self.questions = widgets.HTML(f"<details><summary>{esc(t('strategic_triangle.corners'))}</summary>"
                                      f"<ul>{questions}</ul></details>")
        self.figure = FigureBox()
        self.table = widgets.HTML()
        self.formula = widgets.HTML(f"<p style='margin:4px 0'>{esc(formula_text(spec))}</p>")
        self._build_case()
        self.set_body(self.case, self.case_info, self.questions, widgets.HTML(f"<b>{esc(t('strategic_triangle.pick'))}</b>"),
                      self.picks, widgets.HTML(f"<b>{esc(t('strategic_triangle.score'))}</b>"), self.sliders_box,
                      self.reset, self.figure, self.table, self.formula)

    def _load_cases(self) -> dict[str, Case]:
        cases, problems = {}, []
        for case_id in case_ids():
            try:
                cases[case_id] = load_case(case_id)
            except (ContentError, ValueError) as exc:
                problems.append(str(exc))
        if problems:
            self.banner.show("\n".join(problems), kind="info", source="content")
        return cases

    def _load(self, case_id: str) -> Case:
        if case_id in self._cases:
            return self._cases[case_id]
        return load_case(case_id)

    # -- building ----------------------------------------------------------
    def _build_case(self) -> None:
        case = self.model.case
        self.case_info.value = (f"<p style='margin:2px 0'>{esc(case.summary)}</p>"
                                f"<p style='margin:2px 0'><small>{esc(t('strategic_triangle.illustrative'))}</small></p>")
        boxes = []
        self.checkboxes = {}
        for item in case.interventions:
            box = widgets.Checkbox(value=item.id in self.model.selected, description=item.name, indent=False,
                                   tooltip=item.description or None, layout=widgets.Layout(width="auto"))
            box.observe(self.guard(lambda change, i=item.id: self._on_pick(i, change["new"])), names="value")
            self.checkboxes[item.id] = box
            boxes.append(box)
        self.picks.children = tuple(boxes)
        self._build_sliders()
        self._redraw()

    def _build_sliders(self) -> None:
        self.sliders = {}
        rows = []
        for i, option in enumerate(self.model.options):
            controls = [widgets.HTML(f"<div style='white-space:normal;line-height:1.3'><b>{LETTERS[i]} · "
                                     f"{esc(option.name)}</b></div>", layout=widgets.Layout(width="95%"))]
            for corner in CORNERS:
                c = self.spec.corner(corner)
                slider = IntSlider(value=option.score(corner), min=LO, max=HI, description=c.short,
                                   tooltip=c.question, continuous_update=False, style={"description_width": "7em"})
                slider.observe(self.guard(lambda change, o=option.id, k=corner: self._on_score(o, k, change["new"])),
                               names="value")
                self.sliders[(option.id, corner)] = slider
                controls.append(slider)
            width = f"{100 // max(len(self.model.options), 1)}%"
            rows.append(widgets.VBox(controls, layout=widgets.Layout(width=width, min_width="0", overflow="hidden")))
        self.sliders_box.children = (widgets.HBox(rows),)

    # -- handlers -------------------------------------------------------------
    def _on_case(self, change) -> None:
        self.model.switch(self._load(change["new"]))
        self.save(self.model.to_dict())
        self._build_case()

    def _on_pick(self, option_id: str, checked: bool) -> None:
        if self._syncing:
            return
        chosen = [i for i in self.model.selected if i != option_id] + ([option_id] if checked else [])
        try:
            self.model.select(chosen)
        except InputError:
            self._sync_checkboxes()  # back to what the model holds
            raise
        self.save(self.model.to_dict())
        self._build_sliders()
        self._redraw()

    def _sync_checkboxes(self) -> None:
        with self.quietly():
            for option_id, box in self.checkboxes.items():
                box.value = option_id in self.model.selected

    def _on_score(self, option_id: str, corner: str, value: int) -> None:
        self.model.set_score(option_id, corner, value)
        self.save(self.model.to_dict())
        self._redraw()

    def _on_reset(self) -> None:
        self.model.reset_scores()
        self.save(self.model.to_dict())
        self._build_sliders()
        self._redraw()

    def _redraw(self) -> None:
        options = self.model.options
        self.figure.show(plot_triangle(self.spec, options, names=False), alt=t("strategic_triangle.alt"),
                         caption=summary_text(self.model))
        self.table.value = score_table(self.spec, options)


def strategic_triangle(exercise_id: str = "m2.driehoek", workbook: Workbook | None = None):
    """E2.2 as a widget."""
    return build_view(lambda: TriangleView(load_spec(exercise_id, "strategic_triangle"), workbook))


# -- hooks -------------------------------------------------------------------------------

def _saved_options(answer) -> tuple[str | None, list[OptionScore]]:
    """(case id, options) from a saved answer, read without loading the case."""
    if not isinstance(answer, dict) or not isinstance(answer.get("cases"), dict):
        return None, []
    case_id = answer.get("case")
    entry = answer["cases"].get(case_id)
    if not isinstance(entry, dict) or not isinstance(entry.get("scores"), dict):
        return case_id, []
    out = []
    selected = entry.get("selected") if isinstance(entry.get("selected"), list) else []
    for option_id in selected:
        row = entry["scores"].get(option_id)
        if isinstance(row, dict) and all(_valid_score(row.get(c)) for c in CORNERS):
            name = row.get("name") if isinstance(row.get("name"), str) else str(option_id)
            out.append(OptionScore(str(option_id), name, row["value"], row["legitimacy"], row["capacity"]))
    return case_id, out[:len(LETTERS)]


def summarize(exercise_id: str, answer) -> list[str]:
    try:
        spec = spec_or_none(exercise_id, TriangleSpec)
        case_id, options = _saved_options(answer)
        if spec is None or not options:
            return []
        try:
            case_label = load_case(case_id).label
        except (ContentError, ValueError):
            case_label = str(case_id)
        ranked = sorted(options, key=lambda o: -fit(o))
        lines = [t("strategic_triangle.sum_case", case=case_label, n=len(options))]
        for o in ranked:
            lines.append(t("strategic_triangle.sum_option", option=o.name, v=o.value, l=o.legitimacy, c=o.capacity,
                           fit=_num(fit(o)), weakest=spec.corner(bottleneck(o)).label))
        return lines
    except Exception:  # noqa: BLE001
        return []


def plot_answer(exercise_id: str, answer):
    try:
        spec = spec_or_none(exercise_id, TriangleSpec)
        _, options = _saved_options(answer)
        return plot_triangle(spec, options) if spec and options else None
    except Exception:  # noqa: BLE001
        return None


def class_picture(exercise_id: str, answers: dict):
    """For the case most participants worked on: per option the mean score on
    each corner (with lowest and highest), the mean fit, and the weakest
    corner named most often."""
    try:
        spec = spec_or_none(exercise_id, TriangleSpec)
        if spec is None or not isinstance(answers, dict):
            return None, []
        saved = [_saved_options(a) for a in answers.values()]
        saved = [(c, o) for c, o in saved if o]
        if not saved:
            return None, [t("strategic_triangle.class_none")]
        case_id = most_answered(Counter(c for c, _ in saved))
        per_option: dict[str, list[OptionScore]] = {}
        for c, options in saved:
            if c == case_id:
                for o in options:
                    per_option.setdefault(o.id, []).append(o)
        n = sum(1 for c, _ in saved if c == case_id)
        try:
            case_label = load_case(case_id).label
        except (ContentError, ValueError):
            case_label = str(case_id)  # a case removed since the answers were given
        lines = [t("strategic_triangle.class_case", case=case_label, n=n, total=len(saved))]
        for option_id, scored in per_option.items():
            fits = [fit(o) for o in scored]
            weak = [bottleneck(o) for o in scored]
            most = max(CORNERS, key=lambda k: (weak.count(k), -CORNERS.index(k)))
            lines.append(t("strategic_triangle.class_option", option=scored[0].name, n=len(scored),
                           fit=_num(sum(fits) / len(fits)), lo=_num(min(fits)), hi=_num(max(fits)),
                           weakest=spec.corner(most).label))
        return plot_class(spec, per_option), lines
    except Exception:  # noqa: BLE001
        return None, []


def plot_class(spec: TriangleSpec, per_option: dict[str, list[OptionScore]]):
    """Per option the class's mean score on each corner, lowest to highest as
    whiskers (an :mod:`lst_kit.figures.svgplot` figure: the class overview needs no
    matplotlib)."""
    fig = svgplot.Figure(figsize=(7.5, 0.9 + 0.9 * len(per_option)))
    ax = fig.add_subplot()
    names = [scored[0].name for scored in per_option.values()]
    height = 0.25
    for j, corner in enumerate(CORNERS):
        ys = [i + (1 - j) * height for i in range(len(names))]
        means = [sum(o.score(corner) for o in s) / len(s) for s in per_option.values()]
        lows = [m - min(o.score(corner) for o in s) for m, s in zip(means, per_option.values())]
        highs = [max(o.score(corner) for o in s) - m for m, s in zip(means, per_option.values())]
        ax.barh(ys, means, height=height, color=PALETTE[j], xerr=[lows, highs], capsize=3,
                label=spec.corner(corner).label, edgecolor="#333333", linewidth=0.5, hatch=["", "//", ".."][j])
    ax.set_yticks(range(len(names)), [_wrap(n, 30) for n in names], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, HI + 0.3)
    ax.set_xticks(range(HI + 1))
    ax.set_xlabel(t("strategic_triangle.class_axis"))
    ax.set_title(t("strategic_triangle.class_plot"))
    fig.legend(loc="outside lower center", ncols=3, fontsize=8)
    return fig


def demo_answer(exercise_id: str, rng) -> dict:
    """An invented participant (demo class only): mostly the start case, two
    to four of its options, and every score within one point of the case's
    own (illustrative) score."""
    spec = load_spec(exercise_id, "strategic_triangle")
    ids = case_ids()
    case_id = spec.default_case
    if rng.random() >= 0.6 and ids:
        case_id = ids[int(rng.integers(len(ids)))]
    model = Triangle.from_dict(spec, {"case": case_id})
    known = [i.id for i in model.case.interventions]
    lo, hi = spec.min_options, min(spec.max_options, len(known))
    if lo <= hi:
        n = int(rng.integers(lo, hi + 1))
        model.select([known[int(i)] for i in sorted(rng.choice(len(known), size=n, replace=False))])
    for option_id in model.selected:
        item = model._intervention(option_id)
        for corner in CORNERS:
            start = getattr(item, corner)
            model.set_score(option_id, corner, int(min(HI, max(LO, start + int(rng.integers(-1, 2))))))
    return model.to_dict()
