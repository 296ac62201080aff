"""E1.3 Toezichtsparadox, the view: a slider per parameter, a button for a
new draw, and the figure with its summary."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...widgets import ExerciseFrame, FigureBox, FloatSlider, IntSlider, esc
from ...workbook import Workbook
from .figures import plot_paradox, simulation_summary
from .model import INTEGER, ParadoxModel, ParadoxSpec

__all__ = ["ParadoxView"]


class ParadoxView(ExerciseFrame):
    def __init__(self, spec: ParadoxSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = ParadoxModel.from_dict(spec, self.saved())
        self.label = widgets.HTML(f"<p style='background:#fff6d6;padding:4px 8px;border-radius:4px'>"
                                  f"<b>{esc(t('paradox.illustrative'))}</b></p>")
        self.controls: dict[str, widgets.DOMWidget] = {}
        rows = []
        for p in spec.parameters:
            if p.key in INTEGER:
                control = IntSlider(value=int(self.model.values[p.key]), min=int(p.min), max=int(p.max),
                                    step=int(p.step), description=p.label, continuous_update=False)
            else:
                control = FloatSlider(value=self.model.values[p.key], min=p.min, max=p.max, step=p.step,
                                      description=p.label, continuous_update=False, readout_format=".2f")
            control.label_width = "16em"
            control.tooltip = p.help
            control.observe(self.guard(lambda change, key=p.key: self._on_param(key, change["new"])), names="value")
            self.controls[p.key] = control
            rows.append(control)
        self.redraw_button = widgets.Button(description=t("paradox.new_draw"), icon="refresh",
                                            tooltip=t("paradox.new_draw_tip"))
        self.redraw_button.on_click(self.guard(lambda _: self._on_new_draw()))
        self.figure = FigureBox()
        self._redraw()
        self.set_body(self.label, *rows, self.redraw_button, self.figure)

    def _on_param(self, key: str, value) -> None:
        self.model.set(key, value)
        self.save(self.model.to_dict())
        self._redraw()

    def _on_new_draw(self) -> None:
        self.model.next_draw()
        self.save(self.model.to_dict())
        self._redraw()

    def _redraw(self) -> None:
        sim = self.model.simulate()
        self.figure.show(plot_paradox(sim), alt=t("paradox.alt"), caption=simulation_summary(self.model, sim))
