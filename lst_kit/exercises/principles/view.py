"""E1.2 Principles radar, the view: a column of sliders per moment, the
radar and the table of differences."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...widgets import ExerciseFrame, FigureBox, IntSlider, esc
from ...workbook import Workbook
from .figures import difference_table, plot_radar
from .model import PrincipleScores, PrinciplesSpec

__all__ = ["PrinciplesView"]


class PrinciplesView(ExerciseFrame):
    def __init__(self, spec: PrinciplesSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = PrincipleScores.from_dict(spec, self.saved())
        scale = spec.scale
        self.sliders: dict[tuple[str, str], IntSlider] = {}
        columns = []
        for moment in spec.moments:
            controls = [widgets.HTML(f"<b>{esc(moment.label)}</b> <small>({esc(scale.min)} = {esc(scale.low)}, "
                                     f"{esc(scale.max)} = {esc(scale.high)})</small>")]
            for p in spec.principles:
                slider = IntSlider(
                    value=self.model.score(moment.key, p.key), min=scale.min, max=scale.max,
                    description=p.label, tooltip=p.description, continuous_update=False,
                    style={"description_width": "14em"}, layout=widgets.Layout(width="95%"),
                )
                slider.observe(self.guard(lambda change, m=moment.key, k=p.key: self._on_score(m, k, change["new"])),
                               names="value")
                self.sliders[(moment.key, p.key)] = slider
                controls.append(slider)
            columns.append(widgets.VBox(controls, layout=widgets.Layout(width="50%")))
        meaning = "".join(f"<li><b>{esc(p.label)}</b> ({esc(p.group)}): {esc(p.description)}</li>" for p in spec.principles)
        self.meaning = widgets.HTML(f"<details><summary>{esc(t('principles.meaning'))}</summary><ul>{meaning}</ul></details>")
        self.figure = FigureBox()
        self.table = widgets.HTML()
        self._redraw()
        self.set_body(self.meaning, widgets.HBox(columns), self.figure, self.table)

    def _on_score(self, moment: str, principle: str, value: int) -> None:
        self.model.set(moment, principle, value)
        self.save(self.model.to_dict())
        self._redraw()

    def _redraw(self) -> None:
        self.figure.show(plot_radar(self.model), alt=t("principles.alt"))
        self.table.value = difference_table(self.model)
