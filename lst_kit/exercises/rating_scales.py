"""A set of rating scales: sliders, or Likert buttons with labelled ends.

Spec::

    type: rating_scales
    title: "..."
    intro: "..."
    style: likert            # or slider
    scale: {min: 1, max: 5, low: "...", high: "...", labels: [...]}   # labels optional
    items:
      - {key: lasten_en_kosten, text: "..."}
"""

from __future__ import annotations

from dataclasses import dataclass, field

import ipywidgets as widgets

from ..figures import svgplot
from ..widgets.slider import IntSlider
from ..content import Field, load_spec
from ..errors import InputError
from ..registry import fmt, safe_hook, short_label
from ..i18n import t
from ..figures.style import PALETTE, style_axes
from ..figures.style import TEXT as TEXT_COLOUR
from ..widgets import ExerciseFrame, build_view, esc
from ..workbook import Workbook


@dataclass(frozen=True)
class Scale:
    min: int
    max: int
    low: str
    high: str
    labels: tuple[str, ...] = ()

    def label(self, value: int) -> str:
        return self.labels[value - self.min] if self.labels else str(value)


@dataclass(frozen=True)
class Item:
    key: str
    text: str


@dataclass(frozen=True)
class RatingSpec:
    exercise_id: str
    title: str
    intro: str
    style: str
    scale: Scale
    items: tuple[Item, ...]


def parse_scale(node: Field) -> Scale:
    lo = node.integer("min", -10, 10)
    hi = node.integer("max", lo + 1, lo + 10)
    labels = tuple(node.texts("labels", default=[], max_len=hi - lo + 1))
    if labels and len(labels) != hi - lo + 1:
        raise node.fail("labels", t("rating.allowed_labels", n=hi - lo + 1), len(labels))
    return Scale(lo, hi, node.text("low"), node.text("high"), labels)


def parse_spec(root: Field, exercise_id: str) -> RatingSpec:
    items = tuple(Item(i.key("key"), i.text("text")) for i in root.items("items", min_len=1, max_len=20))
    root.unique("items", [i.key for i in items])
    return RatingSpec(
        exercise_id=exercise_id,
        title=root.text("title"),
        intro=root.text("intro", default="", empty_ok=True),
        style=root.choice("style", ["likert", "slider"], default="likert"),
        scale=parse_scale(root.sub("scale")),
        items=items,
    )


@dataclass
class Ratings:
    spec: RatingSpec
    values: dict[str, int] = field(default_factory=dict)

    def rate(self, key: str, value: int) -> None:
        items = {i.key: i.text for i in self.spec.items}
        if key not in items:
            raise InputError(t("rating.field_item"), ", ".join(items), key)
        scale = self.spec.scale
        if isinstance(value, bool) or not isinstance(value, int) or not scale.min <= value <= scale.max:
            raise InputError(items[key], t("rating.allowed", lo=scale.min, hi=scale.max), value)
        self.values[key] = value

    @property
    def complete(self) -> bool:
        return all(i.key in self.values for i in self.spec.items)

    def to_dict(self) -> dict:
        return {"ratings": {i.key: self.values[i.key] for i in self.spec.items if i.key in self.values}}

    @classmethod
    def from_dict(cls, spec: RatingSpec, data) -> "Ratings":
        model = cls(spec)
        ratings = data.get("ratings") if isinstance(data, dict) else None
        for key, value in (ratings or {}).items():
            try:
                model.rate(key, value)
            except InputError:
                pass  # an item the teacher removed, or a scale that changed
        return model


class RatingScalesView(ExerciseFrame):
    def __init__(self, spec: RatingSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = Ratings.from_dict(spec, self.saved())
        scale = spec.scale
        self.controls: dict[str, widgets.ValueWidget] = {}
        rows = []
        for item in spec.items:
            if spec.style == "slider":
                control = IntSlider(
                    value=self.model.values.get(item.key, (scale.min + scale.max) // 2),
                    min=scale.min, max=scale.max, step=1,
                    description=item.text, continuous_update=False,
                    style={"description_width": "initial"}, layout=widgets.Layout(width="60%"),
                )
                row = widgets.VBox([
                    control,
                    widgets.HTML(f"<small style='color:#555'>{esc(scale.min)} = {esc(scale.low)} · {esc(scale.max)} = {esc(scale.high)}</small>"),
                ])
            else:
                control = widgets.ToggleButtons(
                    options=[(scale.label(v) if scale.labels else str(v), v) for v in range(scale.min, scale.max + 1)],
                    value=self.model.values.get(item.key),
                    description=item.text,
                    tooltips=[scale.label(v) for v in range(scale.min, scale.max + 1)],
                    style={"description_width": "initial", "button_width": "auto"},
                )
                ends = f"<small style='color:#555'>{esc(scale.min)} = {esc(scale.low)} · {esc(scale.max)} = {esc(scale.high)}</small>"
                row = widgets.VBox([control, widgets.HTML(ends)])
            control.observe(self.guard(lambda change, key=item.key: self._on_rate(key, change["new"])), names="value")
            self.controls[item.key] = control
            rows.append(row)
        self.summary = widgets.HTML()
        self._show_summary()
        self.set_body(*rows, self.summary)

    def _on_rate(self, key: str, value) -> None:
        if value is None:
            return
        self.model.rate(key, value)
        self._show_summary()
        self.save(self.model.to_dict())

    def _show_summary(self) -> None:
        done = len(self.model.values)
        self.summary.value = f"<small>{esc(t('rating.progress', done=done, total=len(self.spec.items)))}</small>"


def rating_scales(exercise_id: str, workbook: Workbook | None = None):
    """The rating-scale set ``exercise_id`` as a widget."""
    return build_view(lambda: RatingScalesView(load_spec(exercise_id, "rating_scales"), workbook))


# -- hooks for the portfolio, the class overview and the demo class ------------------

def _value_text(scale: Scale, value: int) -> str:
    return f"{value} ({scale.label(value)})" if scale.labels else str(value)


@safe_hook("summarize")
def summarize(exercise_id: str, answer) -> list[str]:
    """One line per rated statement, then how many are still open."""
    spec = load_spec(exercise_id, "rating_scales")
    model = Ratings.from_dict(spec, answer)
    lines = [t("hooks.rating_line", item=short_label(i.text, 60), value=_value_text(spec.scale, model.values[i.key]))
             for i in spec.items if i.key in model.values]
    if not lines:
        return [t("hooks.rating_none")]
    if not model.complete:
        lines.append(t("rating.progress", done=len(model.values), total=len(spec.items)))
    return lines


def plot_ratings(model: Ratings) -> svgplot.Figure:
    """Horizontal bars: the participant's rating per statement on the scale
    (an SVG figure, for the portfolio)."""
    spec = model.spec
    scale = spec.scale
    n = len(spec.items)
    fig = svgplot.Figure(figsize=(8.0, 1.2 + 0.5 * n))
    ax = fig.add_subplot()
    y = list(range(n))[::-1]
    for yi, item in zip(y, spec.items):
        if item.key in model.values:
            value = model.values[item.key]
            ax.barh(yi, value - scale.min + 0.05, left=scale.min - 0.05, color=PALETTE[0], height=0.55)
            ax.text(value + 0.04, yi, str(value), va="center", fontsize=9)
        else:
            ax.text(scale.min, yi, t("hooks.rating_open"), va="center", fontsize=8, color="#666666")
    ax.set_yticks(y, [short_label(i.text) for i in spec.items], fontsize=8)
    ax.set_xlim(scale.min - 0.1, scale.max + 0.4)
    ax.set_xticks(range(scale.min, scale.max + 1))
    ax.set_xlabel(f"{scale.min} = {scale.low} · {scale.max} = {scale.high}")
    ax.set_title(spec.title if len(spec.title) < 70 else short_label(spec.title, 70))
    style_axes(ax)
    return fig


def plot_answer(exercise_id: str, answer):
    try:
        model = Ratings.from_dict(load_spec(exercise_id, "rating_scales"), answer)
    except Exception:  # noqa: BLE001 - hooks never raise
        return None
    return plot_ratings(model) if model.values else None


def class_statistics(spec: RatingSpec, answers: dict) -> dict[str, tuple[float, float, int, dict[int, int]]]:
    """Per item key: (mean, standard deviation, n, count per scale value)."""
    counts = {i.key: {v: 0 for v in range(spec.scale.min, spec.scale.max + 1)} for i in spec.items}
    for answer in answers.values():
        for key, value in Ratings.from_dict(spec, answer).values.items():
            counts[key][value] += 1
    stats = {}
    for item in spec.items:
        row = counts[item.key]
        n = sum(row.values())
        mean = sum(v * c for v, c in row.items()) / n if n else 0.0
        var = sum(c * (v - mean) ** 2 for v, c in row.items()) / n if n else 0.0
        stats[item.key] = (mean, var ** 0.5, n, row)
    return stats


def plot_class_ratings(spec: RatingSpec, stats: dict) -> svgplot.Figure:
    """Per statement: circles sized by how many gave each score, the mean as a
    diamond and one standard deviation either side as a line (SVG)."""
    scale = spec.scale
    n_items = len(spec.items)
    fig = svgplot.Figure(figsize=(8.5, 1.2 + 0.6 * n_items))
    ax = fig.add_subplot()
    y = list(range(n_items))[::-1]
    biggest = max([max(s[3].values()) for s in stats.values()] + [1])
    for yi, item in zip(y, spec.items):
        mean, sd, n, counts = stats[item.key]
        xs = list(counts)
        sizes = [600 * counts[x] / biggest for x in xs]
        ax.scatter(xs, [yi] * len(xs), s=sizes, color=PALETTE[4], alpha=0.6, edgecolor=PALETTE[0], linewidths=0.5)
        if n:
            ax.plot([max(scale.min, mean - sd), min(scale.max, mean + sd)], [yi, yi], color=TEXT_COLOUR, linewidth=2)
            ax.scatter([mean], [yi], marker="D", s=50, color=PALETTE[1], edgecolor=TEXT_COLOUR)
    ax.set_yticks(y, [short_label(i.text) for i in spec.items], fontsize=8)
    ax.set_xticks(range(scale.min, scale.max + 1))
    ax.set_xlim(scale.min - 0.5, scale.max + 0.5)
    ax.set_ylim(-0.7, n_items - 0.3)
    ax.set_xlabel(f"{scale.min} = {scale.low} · {scale.max} = {scale.high}")
    fig.suptitle(t("hooks.rating_class_title"), fontsize=11)  # centred on the figure: a long title
    style_axes(ax)
    return fig


@safe_hook("class_picture")
def class_picture(exercise_id: str, answers: dict):
    """Mean and spread per statement."""
    spec = load_spec(exercise_id, "rating_scales")
    stats = class_statistics(spec, answers)
    if not any(s[2] for s in stats.values()):
        return None, [t("hooks.nobody")]
    lines = [t("hooks.rating_class_line", item=short_label(i.text, 60), mean=fmt(stats[i.key][0]),
               sd=fmt(stats[i.key][1]), n=stats[i.key][2]) for i in spec.items]
    return plot_class_ratings(spec, stats), [t("hooks.rating_class_note")] + lines


def demo_answer(exercise_id: str, rng) -> dict:
    """Scores around a per-statement centre, now and then a statement skipped."""
    spec = load_spec(exercise_id, "rating_scales")
    model = Ratings(spec)
    lo, hi = spec.scale.min, spec.scale.max
    for index, item in enumerate(spec.items):
        if rng.random() < 0.05:
            continue
        centre = lo + (hi - lo) * (0.3 + 0.4 * ((index * 37) % 10) / 9)
        model.rate(item.key, int(min(hi, max(lo, round(rng.normal(centre, 0.9))))))
    return model.to_dict()
