"""E5.3 view: a slider per element, the figure and the tips for the weakest element."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...widgets import ExerciseFrame, FigureBox, IntSlider, esc
from ...workbook import Workbook
from .figures import caption, plot_justice
from .model import JusticeScores, JusticeSpec

__all__ = ["JusticeView"]


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
        scale = spec.scale
        note = t("procedural_justice.scale_note", lo=scale.min, low=scale.low, hi=scale.max, high=scale.high)
        self.set_body(self.label, widgets.HTML(f"<small>{esc(note)}</small>"), *rows, self.figure, self.tips)

    def _on_score(self, key: str, value: int) -> None:
        self.model.set(key, value)
        self.save(self.model.to_dict())
        self._redraw()

    def _redraw(self) -> None:
        self.figure.show(plot_justice(self.model), alt=t("procedural_justice.alt"), caption=caption(self.model),
                         fmt="svg")
        tips = "".join(f"<li><b>{esc(e.label)}</b>: {esc(e.tip)}</li>" for e in self.model.weakest())
        self.tips.value = f"<p style='margin:4px 0 0 0'>{esc(t('procedural_justice.tips'))}</p><ul>{tips}</ul>"
