"""The intervention matrix as widgets: pick a cell, tick its interventions,
mark aggravating factors, compare with the reference."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...widgets import ExerciseFrame, FigureBox, esc
from ...workbook import Workbook
from .figures import comparison_html, plot_matrix, situation_text, summary_text, table_html
from .model import InterventionMatrix, MatrixSetup

__all__ = ["MatrixView"]


class MatrixView(ExerciseFrame):
    def __init__(self, setup: MatrixSetup, workbook: Workbook | None = None):
        spec = setup.spec
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.setup = setup
        self.model = InterventionMatrix.from_dict(setup, self.saved())
        catalogue = setup.catalogue
        rows = "".join(f"<li><b>{esc(s.key)} {esc(s.label)}</b>"
                       + (f" <i>({esc(s.english)})</i>" if s.english else "") + f": {esc(s.description)}</li>"
                       for s in spec.segments)
        cols = "".join(f"<li><b>{esc(c.key)} {esc(c.label)}</b>: {esc(c.description)}</li>" for c in spec.classes)
        levels = "".join(f"<li><b>{lv.level} {esc(lv.label)}</b>: {esc(lv.description)}</li>" for lv in catalogue.levels)
        self.legend = widgets.HTML(
            f"<p style='color:#6b5200'><b>{esc(t('intervention_matrix.illustrative'))}</b></p>"
            f"<details><summary>{esc(t('intervention_matrix.explain'))}</summary>"
            f"<p><b>{esc(t('intervention_matrix.axis_segments'))}</b></p><ul>{rows}</ul>"
            f"<p><b>{esc(t('intervention_matrix.axis_classes'))}</b></p><ul>{cols}</ul>"
            f"<p><b>{esc(t('intervention_matrix.levels'))}</b></p><ul>{levels}</ul>"
            f"<p><small>{esc(t('intervention_matrix.labels_note'))}</small></p></details>")
        self.cell_dd = widgets.Dropdown(
            options=[(spec.cell_label(c), c) for c in spec.cell_keys], value=self.model.situation,
            description=t("intervention_matrix.field_cell"), tooltip=t("intervention_matrix.cell_tip"),
            style={"description_width": "initial"}, layout=widgets.Layout(width="40em"))
        self.cell_dd.observe(self.guard(lambda change: self._on_cell(change["new"])), names="value")
        self.checks: dict[str, widgets.Checkbox] = {}
        groups = []
        for lv in catalogue.levels:
            items = [i for i in catalogue.items if i.level == lv.level]
            if not items:
                continue
            boxes = []
            for item in items:
                box = widgets.Checkbox(
                    value=False, description=item.label, indent=False, style={"description_width": "initial"},
                    tooltip=f"{item.description} ({catalogue.category(item.category).label}; "
                            f"{t('intervention_matrix.level_one', level=item.level)})",
                    layout=widgets.Layout(width="auto"))
                box.observe(self.guard(lambda change, k=item.id: self._on_check(k, change["new"])), names="value")
                self.checks[item.id] = box
                boxes.append(box)
            groups.append(widgets.HTML(f"<b>{esc(t('intervention_matrix.level_one', level=lv.level))} · "
                                       f"{esc(lv.label)}</b>"))
            groups.append(widgets.GridBox(boxes, layout=widgets.Layout(
                grid_template_columns="repeat(auto-fill, minmax(25em, 1fr))", margin="0 0 4px 1em")))
        self.catalogue_box = widgets.VBox(groups)
        self.clear_button = widgets.Button(description=t("intervention_matrix.clear"), icon="eraser",
                                           tooltip=t("intervention_matrix.clear_tip"),
                                           layout=widgets.Layout(width="auto"))
        self.clear_button.on_click(self.guard(lambda _b: self._on_clear()))
        self.factor_checks: dict[str, widgets.Checkbox] = {}
        for a in spec.aggravating:
            box = widgets.Checkbox(value=a.key in self.model.factors, description=a.label, tooltip=a.description,
                                   indent=False, layout=widgets.Layout(width="auto"))
            box.observe(self.guard(lambda change, k=a.key: self._on_factor(k, change["new"])), names="value")
            self.factor_checks[a.key] = box
        factors = widgets.VBox([widgets.HTML(f"<b>{esc(t('intervention_matrix.factors'))}</b> "
                                             f"<small>{esc(t('intervention_matrix.factors_tip'))}</small>"),
                                widgets.HBox(list(self.factor_checks.values()))])
        self.show_reference = widgets.ToggleButton(value=False, description=t("intervention_matrix.show_reference"),
                                                   tooltip=t("intervention_matrix.show_reference_tip"),
                                                   icon="columns", layout=widgets.Layout(width="auto"))
        self.show_reference.observe(self.guard(lambda change: self._redraw()), names="value")
        self.cell_info = widgets.HTML()
        self.figure = FigureBox()
        self.situation_box = widgets.HTML()
        self.comparison_box = widgets.HTML()
        self.table = widgets.HTML()
        self._sync_checks()
        self._redraw()
        self.set_body(self.legend, self.cell_dd, self.cell_info, self.catalogue_box, widgets.HBox([self.clear_button]),
                      factors, widgets.HBox([self.show_reference]), self.figure, self.situation_box, self.comparison_box, self.table)

    def _sync_checks(self) -> None:
        with self.quietly():
            chosen = set(self.model.get(self.model.situation))
            for item_id, box in self.checks.items():
                box.value = item_id in chosen
            seg, cls = self.setup.spec.split(self.model.situation)
            self.cell_info.value = (f"<small>{esc(t('intervention_matrix.cell_info', segment=seg.label, sdesc=seg.description, cls=cls.label, cdesc=cls.description))}</small>")

    def _on_cell(self, cell) -> None:
        self.model.set_situation(cell)
        self._sync_checks()
        self.save(self.model.to_dict())
        self._redraw()

    def _on_check(self, item_id: str, on: bool) -> None:
        if self._syncing:
            return
        self.model.toggle(self.model.situation, item_id, on)
        self.save(self.model.to_dict())
        self._redraw()

    def _on_clear(self) -> None:
        self.model.place(self.model.situation, [])
        self._sync_checks()
        self.save(self.model.to_dict())
        self._redraw()

    def _on_factor(self, key: str, on: bool) -> None:
        self.model.set_factor(key, on)
        self.save(self.model.to_dict())
        self._redraw()

    def _redraw(self) -> None:
        model = self.model
        fig = plot_matrix(self.setup, model.cells, model.situation, model.suggested(), self.show_reference.value)
        self.figure.show(fig, alt=t("intervention_matrix.alt"), caption=summary_text(model))
        self.situation_box.value = "".join(f"<p style='margin:2px 0'>{esc(line)}</p>" for line in situation_text(model))
        self.comparison_box.value = comparison_html(model)
        self.table.value = table_html(model)
