"""E3.1 Risk matrix lab, the view: a case picker, the rule, one row of
controls per risk, the band limits, the heat map and the ranking table."""

from __future__ import annotations

from typing import Sequence

import ipywidgets as widgets

from ...content import Case, ContentError
from ...i18n import t
from ...widgets import ExerciseFrame, FigureBox, IntSlider, esc, side_by_side
from ...workbook import Workbook
from .figures import changes_text, plot_matrix, ranking_table
from .model import RULES, RiskMatrix, RiskMatrixSpec, format_number

__all__ = ["RiskMatrixView"]


class RiskMatrixView(ExerciseFrame):
    """The lab for one spec, on the cases it is given (id -> Case, in order)."""

    def __init__(self, spec: RiskMatrixSpec, cases: dict[str, Case], workbook: Workbook | None = None,
                 broken: Sequence[ContentError] = ()):
        if not cases:
            raise broken[0] if broken else ContentError("data/cases", "", t("content.allowed_existing_file"), "")
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.note_unavailable_cases(broken)
        self.spec = spec
        self.cases = cases
        self._saved = self.saved(default={}) or {}
        saved_case = self._saved.get("case")
        case_id = saved_case if saved_case in cases else spec.default_case if spec.default_case in cases else next(iter(cases))
        self.model = self._load(case_id)
        self.case = widgets.Dropdown(options=[(case.label, c) for c, case in cases.items()], value=case_id,
                                     description=t("risk.field_case"), style={"description_width": "initial"},
                                     layout=widgets.Layout(width="auto"))
        self.case.observe(self.guard(self._on_case), names="value")
        self.rule = widgets.ToggleButtons(options=[(t(f"risk.rule_{r}"), r) for r in RULES], value=self.model.rule,
                                          description=t("risk.field_rule"), style={"description_width": "initial",
                                                                                   "button_width": "auto"})
        self.rule.observe(self.guard(self._on_rule), names="value")
        self.rows_box = widgets.VBox()
        self.new_name = widgets.Text(description=t("risk.new_name"), placeholder=t("risk.new_placeholder"),
                                     style={"description_width": "initial"}, layout=widgets.Layout(width="50%"))
        self.add_button = widgets.Button(description=t("risk.add"), icon="plus", tooltip=t("risk.add"))
        self.add_button.on_click(self.guard(lambda _: self._on_add()))
        self.bands_box = widgets.HBox()
        self.figure = FigureBox()
        self.table = widgets.HTML()
        self.changes = widgets.HTML()
        self.illustrative = widgets.HTML(f"<small>{esc(t('risk.illustrative'))}</small>")
        self._build_rows()
        self._build_bands()
        self._redraw()
        self.set_body(self.case, self.illustrative, self.rule, self.rows_box,
                      widgets.HBox([self.new_name, self.add_button]), self.bands_box,
                      side_by_side(self.figure, [self.table, self.changes]))

    # -- state ----------------------------------------------------------
    def _load(self, case_id: str) -> RiskMatrix:
        per_case = self._saved.get("cases", {}) if isinstance(self._saved.get("cases"), dict) else {}
        return RiskMatrix.from_dict(self.spec, per_case.get(case_id, {}), self.cases[case_id])

    def _answer(self) -> dict:
        cases = dict(self._saved.get("cases", {})) if isinstance(self._saved.get("cases"), dict) else {}
        cases[self.model.case_id] = self.model.to_dict()
        self._saved = {"case": self.model.case_id, "rule": self.model.rule, "cases": cases}
        return self._saved

    def _commit(self, rebuild_rows: bool = False) -> None:
        self.save(self._answer())
        if rebuild_rows:
            self._build_rows()
        self._redraw()

    # -- widgets ----------------------------------------------------------
    def _build_rows(self) -> None:
        exposure = [(f"{format_number(x.value)} · {x.label}", x.value) for x in self.spec.exposure]
        rows = []
        self.row_widgets = {}
        for i, r in enumerate(self.model.risks):
            name = widgets.Text(value=r.name, description=f"{i + 1}.", continuous_update=False,
                                style={"description_width": "2em"}, layout=widgets.Layout(width="32%"))
            lik = IntSlider(value=r.likelihood, min=1, max=5, description=t("risk.likelihood_short"),
                                    continuous_update=False, style={"description_width": "initial"},
                                    layout=widgets.Layout(width="20%"))
            imp = IntSlider(value=r.impact, min=1, max=5, description=t("risk.impact_short"),
                                    continuous_update=False, style={"description_width": "initial"},
                                    layout=widgets.Layout(width="20%"))
            exp = widgets.Dropdown(options=exposure, value=r.exposure, description=t("risk.exposure_short"),
                                   style={"description_width": "initial"}, layout=widgets.Layout(width="18%"))
            remove = widgets.Button(icon="trash", tooltip=t("risk.remove", name=r.name),
                                    description="", layout=widgets.Layout(width="3em"))
            remove.add_class("lst-remove")
            name.observe(self.guard(lambda c, rid=r.id, w=name: self._edit(lambda: self.model.rename(rid, c["new"]), w, c)),
                         names="value")
            lik.observe(self.guard(lambda c, rid=r.id, w=lik: self._edit(lambda: self.model.set_likelihood(rid, c["new"]), w, c)),
                        names="value")
            imp.observe(self.guard(lambda c, rid=r.id, w=imp: self._edit(lambda: self.model.set_impact(rid, c["new"]), w, c)),
                        names="value")
            exp.observe(self.guard(lambda c, rid=r.id, w=exp: self._edit(lambda: self.model.set_exposure(rid, c["new"]), w, c)),
                        names="value")
            remove.on_click(self.guard(lambda _, rid=r.id: self._on_remove(rid)))
            self.row_widgets[r.id] = {"name": name, "likelihood": lik, "impact": imp, "exposure": exp, "remove": remove}
            rows.append(widgets.HBox([name, lik, imp, exp, remove]))
        self.rows_box.children = rows

    def _build_bands(self) -> None:
        bands = self.model.bands[self.model.rule]
        self.band_inputs = []
        controls = [widgets.HTML(f"<b>{esc(t('risk.bands_title'))}</b>")]
        for i, b in enumerate(bands[:-1]):
            box = widgets.FloatText(value=b.upper, description=t("risk.band_upper", label=b.label),
                                    style={"description_width": "initial"}, layout=widgets.Layout(width="auto"))
            box.observe(self.guard(lambda c, i=i, w=box: self._edit(
                lambda: self.model.set_band_upper(self.model.rule, i, c["new"]), w, c)), names="value")
            self.band_inputs.append(box)
            controls.append(box)
        self.bands_box.children = controls

    def _edit(self, change_model, widget, change) -> None:
        """Apply one edit; on refusal put the widget back to the model's value."""
        if self._syncing:
            return
        with self.refused_puts_back(widget, lambda: change["old"]):
            change_model()
        self._commit()

    def _on_case(self, change) -> None:
        self.model = self._load(change["new"])
        self.rule.value = self.model.rule
        self.save(self._answer())
        self._build_rows()
        self._build_bands()
        self._redraw()

    def _on_rule(self, change) -> None:
        self.model.set_rule(change["new"])
        self._build_bands()
        self._commit()

    def _on_add(self) -> None:
        self.model.add(self.new_name.value)
        self.new_name.value = ""
        self._commit(rebuild_rows=True)

    def _on_remove(self, risk_id: str) -> None:
        self.model.remove(risk_id)
        self._commit(rebuild_rows=True)

    def _redraw(self) -> None:
        self.figure.show(plot_matrix(self.model), alt=t("risk.alt"), fmt="svg")
        self.table.value = ranking_table(self.model)
        self.changes.value = f"<p>{esc(changes_text(self.model))}</p>"
