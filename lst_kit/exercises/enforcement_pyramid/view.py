"""The enforcement pyramid as widgets: the source of the mix (the
participant's matrix or own choices), the segment, and the picture."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...widgets import ExerciseFrame, FigureBox, esc
from ...workbook import Workbook, WorkbookError
from ..intervention_matrix.model import InterventionMatrix, MatrixSetup
from .figures import caption, plot_pyramid, reading_lines
from .model import PyramidModel, PyramidSpec

__all__ = ["PyramidView"]


class PyramidView(ExerciseFrame):
    def __init__(self, spec: PyramidSpec, setup: MatrixSetup, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.setup = setup
        self.model = PyramidModel.from_dict(spec, setup, self.saved(), self._matrix_answer())
        catalogue = setup.catalogue
        self.source = widgets.ToggleButtons(
            options=[(t("enforcement_pyramid.source_matrix"), "matrix"), (t("enforcement_pyramid.source_own"), "eigen")],
            value=self.model.source, description=t("enforcement_pyramid.field_source"),
            tooltips=[t("enforcement_pyramid.source_matrix_tip"), t("enforcement_pyramid.source_own_tip")],
            style={"description_width": "initial", "button_width": "auto"})
        self.source.observe(self.guard(lambda change: self._on_source(change["new"])), names="value")
        self.reload_button = widgets.Button(description=t("enforcement_pyramid.reload"), icon="refresh",
                                            tooltip=t("enforcement_pyramid.reload_tip"),
                                            layout=widgets.Layout(width="auto"))
        self.reload_button.on_click(self.guard(lambda _b: self._on_reload()))
        self.source_note = widgets.HTML()
        self.segment_dd = widgets.Dropdown(
            options=[(f"{s.key} · {s.label}", s.key) for s in setup.spec.segments], value=self.model.segment,
            description=t("enforcement_pyramid.field_segment"), tooltip=t("enforcement_pyramid.segment_tip"),
            style={"description_width": "initial"}, layout=widgets.Layout(width="28em"))
        self.segment_dd.observe(self.guard(lambda change: self._on_segment(change["new"])), names="value")
        self.checks: dict[str, widgets.Checkbox] = {}
        boxes = []
        for item in catalogue.items:
            box = widgets.Checkbox(value=False, description=item.label, indent=False,
                                   style={"description_width": "initial"},
                                   tooltip=f"{item.description} ({t('intervention_matrix.level_one', level=item.level)})",
                                   layout=widgets.Layout(width="auto"))
            box.observe(self.guard(lambda change, k=item.id: self._on_check(k, change["new"])), names="value")
            self.checks[item.id] = box
            boxes.append(box)
        self.own_box = widgets.VBox([
            widgets.HTML(f"<b>{esc(t('enforcement_pyramid.own_title'))}</b>"),
            widgets.GridBox(boxes, layout=widgets.Layout(grid_template_columns="repeat(auto-fill, minmax(25em, 1fr))"))])
        self.figure = FigureBox()
        self.reading_box = widgets.HTML()
        self._sync()
        self._redraw()
        self.set_body(widgets.HTML(f"<p style='color:#6b5200'><b>{esc(t('enforcement_pyramid.illustrative'))}</b></p>"),
                      widgets.HBox([self.source, self.reload_button]), self.source_note, self.segment_dd,
                      self.own_box, self.figure, self.reading_box)

    def _matrix_answer(self):
        try:
            return self.workbook.answer(self.spec.matrix_id)
        except WorkbookError as exc:
            self.banner.show(str(exc), source="workbook")
            return None

    def _sync(self) -> None:
        model = self.model
        with self.quietly():
            self.source.value = model.source
            self.source.disabled = not model.has_matrix
            self.segment_dd.value = model.segment
            own = set(model.own.get(model.segment, ()))
            for item_id, box in self.checks.items():
                box.value = item_id in own
            self.own_box.layout.display = None if model.source == "eigen" else "none"
            note = "source_note_matrix" if model.source == "matrix" else (
                "source_note_own" if model.has_matrix else "source_note_no_matrix")
            self.source_note.value = f"<small>{esc(t('enforcement_pyramid.' + note, matrix=self.spec.matrix_id))}</small>"

    def _changed(self) -> None:
        self._sync()
        self.save(self.model.to_dict())
        self._redraw()

    def _on_source(self, value) -> None:
        if self._syncing:
            return
        self.model.set_source(value)
        self._changed()

    def _on_segment(self, value) -> None:
        if self._syncing:
            return
        self.model.set_segment(value)
        self._changed()

    def _on_check(self, item_id: str, on: bool) -> None:
        if self._syncing:
            return
        self.model.toggle(item_id, on)
        self.save(self.model.to_dict())
        self._redraw()

    def _on_reload(self) -> None:
        answer = self._matrix_answer()
        matrix = InterventionMatrix.from_dict(self.setup, answer) if isinstance(answer, dict) else None
        had = self.model.has_matrix
        self.model.set_matrix(matrix)
        if self.model.has_matrix and not had:
            self.model.source = "matrix"
        self._changed()

    def _redraw(self) -> None:
        seg = self.model.segment_obj()
        reading = self.model.reading()
        title = t("enforcement_pyramid.plot_title", segment=f"{seg.key} {seg.label}")
        self.figure.show(plot_pyramid(self.setup, reading, title), alt=t("enforcement_pyramid.alt"),
                         caption=caption(self.setup, reading))
        lines = reading_lines(self.setup, reading)
        self.reading_box.value = "<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>"
