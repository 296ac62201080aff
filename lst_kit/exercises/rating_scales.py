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

from ..controls import IntSlider
from ..content import Field, load_spec
from ..errors import InputError
from ..i18n import t
from ..ui import ExerciseFrame, build_view, esc
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
