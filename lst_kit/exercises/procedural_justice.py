"""E5.3 Procedural-justice self-check: score one enforcement encounter on
four elements (voice, neutrality, respect, trust) and see where it sits on an
illustrative curve of expected voluntary compliance. The curve teaches the
reasoning (better treatment, more legitimacy, more voluntary compliance); it
is not a research finding and says so.

Spec: ``data/exercises/m5/procedurele_rechtvaardigheid.yaml`` (type
``procedural_justice``) with ``elements`` (key, label, question, tip), the
``scale`` and the ``curve`` (floor, ceiling, midpoint, steepness), all
labelled illustrative.
"""

from __future__ import annotations

import functools

import math
import statistics
import textwrap
from dataclasses import dataclass, field

import ipywidgets as widgets

from ..figures import svgplot
from ..content import Field, load_spec
from ..widgets.slider import IntSlider
from ..errors import InputError
from ..i18n import number, t
from ..figures.style import PALETTE, style_axes
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook
from .rating_scales import Scale, parse_scale

_fmt = functools.partial(number, digits=1)  # decimal comma in Dutch


@dataclass(frozen=True)
class Element:
    key: str
    label: str
    question: str
    tip: str


@dataclass(frozen=True)
class Curve:
    floor: float
    ceiling: float
    midpoint: float
    steepness: float

    def at(self, x: float) -> float:
        return self.floor + (self.ceiling - self.floor) / (1 + math.exp(-self.steepness * (x - self.midpoint)))


@dataclass(frozen=True)
class JusticeSpec:
    exercise_id: str
    title: str
    intro: str
    scale: Scale
    elements: tuple[Element, ...]
    curve: Curve


def parse_spec(root: Field, exercise_id: str) -> JusticeSpec:
    scale = parse_scale(root.sub("scale"))
    elements = tuple(Element(n.key("key"), n.text("label"), n.text("question"), n.text("tip"))
                     for n in root.items("elements", 2, 8))
    root.unique("elements", [e.key for e in elements])
    node = root.sub("curve")
    if node.boolean("illustratief") is not True:
        raise node.fail("illustratief", "true", False)
    floor = node.number("floor", 0, 1)
    ceiling = node.number("ceiling", floor, 1)
    curve = Curve(floor, ceiling, node.number("midpoint", scale.min, scale.max), node.number("steepness", 0.1, 10))
    return JusticeSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True), scale,
                       elements, curve)


@dataclass
class JusticeScores:
    spec: JusticeSpec
    scores: dict[str, int] = field(default_factory=dict)

    @property
    def midpoint(self) -> int:
        return (self.spec.scale.min + self.spec.scale.max) // 2

    def score(self, key: str) -> int:
        return self.scores.get(key, self.midpoint)

    def set(self, key: str, value) -> None:
        labels = {e.key: e.label for e in self.spec.elements}
        if key not in labels:
            raise InputError(t("procedural_justice.field_element"), ", ".join(labels), key)
        lo, hi = self.spec.scale.min, self.spec.scale.max
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise InputError(labels[key], t("rating.allowed", lo=lo, hi=hi), value)
        self.scores[key] = value

    def mean(self) -> float:
        return statistics.fmean(self.score(e.key) for e in self.spec.elements)

    def expected(self) -> float:
        """Illustrative expected share of voluntary compliance (0..1)."""
        return self.spec.curve.at(self.mean())

    def weakest(self) -> list[Element]:
        low = min(self.score(e.key) for e in self.spec.elements)
        return [e for e in self.spec.elements if self.score(e.key) == low]

    def to_dict(self) -> dict:
        return {"scores": {e.key: self.score(e.key) for e in self.spec.elements}}

    @classmethod
    def from_dict(cls, spec: JusticeSpec, data) -> "JusticeScores":
        model = cls(spec)
        scores = data.get("scores") if isinstance(data, dict) else None
        for key, value in (scores if isinstance(scores, dict) else {}).items():
            try:
                model.set(key, value)
            except InputError:
                pass
        return model


def plot_justice(model: JusticeScores):
    """Left: the four scores. Right: the illustrative curve with this
    encounter on it (an SVG figure)."""
    spec = model.spec
    fig = svgplot.Figure(figsize=(9.6, 3.4))
    ax, bx = fig.subplots(1, 2, width_ratios=[3.9, 5.7], sharey=True)
    labels = [textwrap.fill(e.label, 14) for e in spec.elements][::-1]
    scores = [model.score(e.key) for e in spec.elements][::-1]
    ax.barh(range(len(labels)), scores, color=PALETTE[0], height=0.6)
    for y, s in enumerate(scores):
        ax.text(s + 0.05, y, str(s), va="center", fontsize=9)
    ax.set_yticks(range(len(labels)), labels, fontsize=9)
    ax.set_xlim(spec.scale.min - 1 if spec.scale.min > 0 else 0, spec.scale.max + 0.6)
    ax.set_ylim(-0.5, len(labels) - 0.5)
    ax.set_xticks(range(spec.scale.min, spec.scale.max + 1))
    ax.set_xlabel(t("procedural_justice.axis_score", low=spec.scale.low, high=spec.scale.high), fontsize=8)
    ax.set_title(t("procedural_justice.plot_scores"), loc="left", fontsize=10)
    style_axes(ax)
    lo, hi = spec.scale.min, spec.scale.max
    xs = [lo + (hi - lo) * i / 100 for i in range(101)]
    bx.plot(xs, [100 * spec.curve.at(x) for x in xs], color=PALETTE[7], linestyle="--", linewidth=1.5,
            label=t("procedural_justice.curve"))
    mean = model.mean()
    bx.scatter([mean], [100 * model.expected()], s=80, color=PALETTE[1], edgecolors="black",
               label=t("procedural_justice.point"))
    bx.set_xlim(lo, hi)
    bx.set_xticks(range(lo, hi + 1))
    bx.set_ylim(0, 100)
    bx.set_xlabel(t("procedural_justice.axis_mean"), fontsize=8)
    bx.set_ylabel(t("procedural_justice.axis_compliance"), fontsize=8)
    bx.set_title(t("procedural_justice.plot_curve"), loc="left", fontsize=10)
    bx.legend(fontsize=8)  # beside the plot area
    style_axes(bx)
    return fig


def _caption(model: JusticeScores) -> str:
    weakest = ", ".join(e.label for e in model.weakest())
    return t("procedural_justice.caption", mean=_fmt(model.mean()), expected=round(100 * model.expected()),
             weakest=weakest)


class JusticeView(ExerciseFrame):
    def __init__(self, spec: JusticeSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = JusticeScores.from_dict(spec, self.saved())
        self.label = widgets.HTML(f"<p style='background:#fff6d6;padding:4px 8px;border-radius:4px'>"
                                  f"<b>{esc(t('procedural_justice.illustrative'))}</b></p>")
        self.sliders: dict[str, IntSlider] = {}
        rows = []
        for e in spec.elements:
            slider = IntSlider(value=self.model.score(e.key), min=spec.scale.min, max=spec.scale.max,
                               description=e.label, tooltip=e.question, continuous_update=False,
                               style={"description_width": "10em"})
            slider.observe(self.guard(lambda change, k=e.key: self._on_score(k, change["new"])), names="value")
            self.sliders[e.key] = slider
            rows += [widgets.HTML(f"<p style='margin:6px 0 0 0'>{esc(e.question)}</p>"), slider]
        self.figure = FigureBox()
        self.tips = widgets.HTML()
        self._redraw()
        self.set_body(self.label, widgets.HTML(
            f"<small>{esc(t('procedural_justice.scale_note', lo=spec.scale.min, low=spec.scale.low, hi=spec.scale.max, high=spec.scale.high))}</small>"),
            *rows, self.figure, self.tips)

    def _on_score(self, key: str, value: int) -> None:
        self.model.set(key, value)
        self.save(self.model.to_dict())
        self._redraw()

    def _redraw(self) -> None:
        self.figure.show(plot_justice(self.model), alt=t("procedural_justice.alt"), caption=_caption(self.model),
                         fmt="svg")
        tips = "".join(f"<li><b>{esc(e.label)}</b>: {esc(e.tip)}</li>" for e in self.model.weakest())
        self.tips.value = f"<p style='margin:4px 0 0 0'>{esc(t('procedural_justice.tips'))}</p><ul>{tips}</ul>"


def procedural_justice(exercise_id: str = "m5.procedurele_rechtvaardigheid", workbook: Workbook | None = None):
    """E5.3 as a widget."""
    return build_view(lambda: JusticeView(load_spec(exercise_id, "procedural_justice"), workbook))


# -- optional hooks -----------------------------------------------------------------
def _model_from_answer(exercise_id: str, answer) -> JusticeScores | None:
    try:
        if not isinstance(answer, dict) or not isinstance(answer.get("scores"), dict):
            return None
        return JusticeScores.from_dict(load_spec(exercise_id, "procedural_justice"), answer)
    except Exception:  # noqa: BLE001 - hooks never raise
        return None


def summarize(exercise_id: str, answer) -> list[str]:
    model = _model_from_answer(exercise_id, answer)
    if model is None:
        return []
    scores = ", ".join(f"{e.label} {model.score(e.key)}" for e in model.spec.elements)
    return [t("procedural_justice.sum_weakest", weakest=", ".join(e.label for e in model.weakest())),
            t("procedural_justice.sum_scores", scores=scores, mean=_fmt(model.mean())),
            t("procedural_justice.sum_curve", expected=round(100 * model.expected()))]


def plot_answer(exercise_id: str, answer):
    model = _model_from_answer(exercise_id, answer)
    if model is None:
        return None
    try:
        return plot_justice(model)
    except Exception:  # noqa: BLE001
        return None


def plot_class(spec: JusticeSpec, per_element: dict[str, list[int]]):
    """Mean score per element in the class (bar), each participant's score a
    dot (an SVG figure for the class overview)."""
    fig = svgplot.Figure(figsize=(7.6, 3.0))
    ax = fig.add_subplot()
    elements = list(spec.elements)[::-1]
    for y, e in enumerate(elements):
        xs = per_element.get(e.key, [])
        if xs:
            ax.barh(y, statistics.fmean(xs), color=PALETTE[4], height=0.55)
            ax.scatter(xs, [y + ((i % 5) - 2) * 0.06 for i in range(len(xs))], color="black", s=12, zorder=3)
    ax.set_yticks(range(len(elements)), [e.label for e in elements])
    ax.set_xlim(0, spec.scale.max + 0.5)
    if spec.scale.max <= 10:  # a tick at every score, where the dots are
        ax.set_xticks(range(spec.scale.max + 1))
    else:
        ax.integer_ticks("x")
    ax.set_xlabel(t("procedural_justice.axis_score", low=spec.scale.low, high=spec.scale.high) + " · "
                  + t("procedural_justice.class_legend"))
    ax.set_title(t("procedural_justice.plot_class"), loc="left", fontsize=10)
    style_axes(ax)
    return fig


def class_picture(exercise_id: str, answers: dict):
    """Mean score per element in the class, lowest first in the text."""
    try:
        models = [m for _, a in sorted((answers or {}).items()) if (m := _model_from_answer(exercise_id, a))]
        if not models:
            return None, [t("procedural_justice.class_none")]
        spec = models[0].spec
        per_element = {e.key: [m.score(e.key) for m in models] for e in spec.elements}
        lines = [t("procedural_justice.class_n", n=len(models))]
        for e in sorted(spec.elements, key=lambda e: statistics.fmean(per_element[e.key])):
            xs = per_element[e.key]
            lines.append(t("procedural_justice.class_element", element=e.label, mean=_fmt(statistics.fmean(xs)),
                           lo=min(xs), hi=max(xs)))
        return plot_class(spec, per_element), lines
    except Exception:  # noqa: BLE001 - hooks never raise
        return None, []


def demo_answer(exercise_id: str, rng) -> dict:
    """An invented participant's encounter: an overall impression of how it
    went, with each element a little above or below it (demo class only)."""
    spec = load_spec(exercise_id, "procedural_justice")
    lo, hi = spec.scale.min, spec.scale.max
    overall = rng.normal(lo + 0.6 * (hi - lo), 0.18 * (hi - lo))  # most encounters went reasonably well
    model = JusticeScores(spec)
    for e in spec.elements:
        model.set(e.key, int(min(hi, max(lo, round(overall + rng.normal(0.0, 0.8))))))
    return model.to_dict()
