"""The strategic triangle as ipywidgets: a case, its options to pick,
three sliders per option, the triangles and the table. Thin: the model
decides, :mod:`.figures` draws."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from ...content import Case, ContentError
from ...errors import InputError
from ...i18n import t
from ...widgets import CaseFrame, FigureBox, IntSlider, esc
from ...workbook import Workbook
from .figures import formula_text, plot_triangle, score_table, summary_text
from .model import CORNERS, HI, LETTERS, LO, Triangle, TriangleSpec

__all__ = ["TriangleView"]


class TriangleView(CaseFrame):
    """The triangle of one case at a time; ``cases`` are the cases on offer
    (by id), ``broken`` the case files that did not load (named in one line)."""

    def __init__(self, spec: TriangleSpec, cases: dict[str, Case], workbook: Workbook | None = None,
                 broken: Sequence[ContentError] = ()):
        super().__init__(spec, cases, workbook, broken)
        self.cases = dict(cases)
        self.model = Triangle.from_dict(spec, self.saved(), self.cases)
        self.case = widgets.Dropdown(options=[(c.label, c.case_id) for c in self.cases.values()],
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
        self.model.switch(self.cases[change["new"]])
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
