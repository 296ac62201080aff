"""A set of rating scales, the view: a slider or a row of Likert buttons per
statement, with the scale's ends beneath, and the progress."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...widgets import ExerciseFrame, IntSlider, esc
from ...workbook import Workbook
from .model import Ratings, RatingSpec

__all__ = ["RatingScalesView"]


class RatingScalesView(ExerciseFrame):
    def __init__(self, spec: RatingSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = Ratings.from_dict(spec, self.saved())
        scale = spec.scale
        ends = f"<small style='color:#555'>{esc(scale.ends)}</small>"
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
            else:
                control = widgets.ToggleButtons(
                    options=[(scale.label(v), v) for v in range(scale.min, scale.max + 1)],
                    value=self.model.values.get(item.key),
                    description=item.text,
                    tooltips=[scale.label(v) for v in range(scale.min, scale.max + 1)],
                    style={"description_width": "initial", "button_width": "auto"},
                )
            control.observe(self.guard(lambda change, key=item.key: self._on_rate(key, change["new"])), names="value")
            self.controls[item.key] = control
            rows.append(widgets.VBox([control, widgets.HTML(ends)]))
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
