"""E3.2 Capacity allocation, the view: a case picker, one whole-number field
per risk for the participant's days, the days left, the reason, and beside
them the days figure, its reading and the table. Thin: the model decides,
:mod:`.figures` draws.

Days are typed (a ``Text`` field read with :func:`typed_number`), so a
refusal can say what is allowed ("0 tot en met 7") next to the field; the
reason is saved as it is typed (debounced, as every text field of the kit).
A case switch builds the rows of that case's risks (a case has a handful)."""

from __future__ import annotations

from typing import Sequence

import ipywidgets as widgets

from ...content import Case, ContentError
from ...i18n import money, t
from ...widgets import CaseFrame, Debouncer, FigureBox, esc, side_by_side, typed_number
from ...workbook import Workbook
from .figures import plot_days, reading_html, risk_label, table_html
from .model import CapacityPlan, CapacitySpec, PlanRisk

__all__ = ["ROW_CSS", "CapacityView"]

#: A risk's row: its name (and what the case says of it) on the left, taking the
#: room there is; the field for the days on the right, wide enough for a number.
ROW_CSS = """<style data-lst-capacity>
.lst-exercise .lst-capacity-row .widget-inline-hbox { flex-wrap: nowrap; align-items: center; }
.lst-exercise .lst-capacity-row .widget-inline-hbox > .widget-label { flex: 1 1 auto; justify-content: flex-start;
  text-align: left; padding-right: 8px; }
.lst-exercise .lst-capacity-row .widget-inline-hbox > input { flex: 0 0 5.5em; width: 5.5em; }
</style>"""


class CapacityView(CaseFrame):
    """The exercise for one spec, on the cases it is given (id -> Case, in order)."""

    def __init__(self, spec: CapacitySpec, cases: dict[str, Case], workbook: Workbook | None = None,
                 broken: Sequence[ContentError] = (), save_delay: float = 1.0):
        super().__init__(spec, cases, workbook, broken)
        case_id = self.first_case
        self.model = self._load(case_id)
        self._debounce = Debouncer(self.guard(self._save), delay=save_delay)
        self.case = widgets.Dropdown(options=[(case.label, c) for c, case in cases.items()], value=case_id,
                                     description=t("capacity.field_case"), style={"description_width": "initial"},
                                     layout=widgets.Layout(width="auto"))
        self.case.observe(self.guard(self._on_case), names="value")
        note = t("capacity.illustrative", budget=spec.budget_days, r=round(spec.reduction_per_day * 100))
        self.illustrative = widgets.HTML(f"<small>{esc(note)}</small>")
        self.minima_note = widgets.HTML()
        self.status = widgets.HTML()
        self.day_inputs: dict[str, widgets.Text] = {}
        self.rows_box = widgets.VBox()
        self.rows_box.add_class("lst-capacity-rows")
        self.reason = widgets.Textarea(value=self.model.reason, placeholder=t("capacity.reason_placeholder"),
                                       continuous_update=True, rows=4, description=self._reason_label(),
                                       description_allow_html=True, style={"description_width": "initial"},
                                       layout=widgets.Layout(width="100%", flex_flow="column"))
        self.reason.observe(self.guard(self._on_reason), names="value")
        self.reason_message = self.field_message(self.reason)
        self.figure = FigureBox()
        self.reading = widgets.HTML()
        self.table = widgets.HTML()
        self._build_rows()
        self._redraw()
        self.set_body(widgets.HTML(ROW_CSS), self.case, self.illustrative, self.minima_note,
                      side_by_side([self.status, self.rows_box, self.reason, self.reason_message],
                                   [self.figure, self.reading, self.table]))

    # -- state ----------------------------------------------------------
    def _load(self, case_id: str) -> CapacityPlan:
        cases = self._saved.get("cases") if isinstance(self._saved.get("cases"), dict) else {}
        return CapacityPlan.from_dict(self.spec, cases.get(case_id, {}), self.cases[case_id])

    def _answer(self) -> dict:
        cases = dict(self._saved.get("cases", {})) if isinstance(self._saved.get("cases"), dict) else {}
        cases[self.model.case_id] = self.model.to_dict()
        self._saved = {"case": self.model.case_id, "cases": cases}
        return self._saved

    def _save(self) -> None:
        self.save(self._answer())

    def flush(self) -> None:
        """Save now whatever is pending (the reason being typed)."""
        if self._debounce.pending:
            self._debounce.flush()

    # -- widgets ----------------------------------------------------------
    @staticmethod
    def _reason_label() -> str:
        return f"<span style='display:block;text-align:left;font-weight:bold'>{esc(t('capacity.field_reason'))}</span>"

    def _row(self, risk: PlanRisk) -> widgets.Widget:
        plan = self.model
        hint = t("capacity.row_hint", l=risk.likelihood, i=risk.impact, amount=money(risk.damage))
        # one span: the label is a flex box, and each child of it would be a column of its own
        label = f"<span><b>{esc(risk_label(plan, risk, 80))}</b> · {esc(hint)}</span>"
        box = widgets.Text(value=str(plan.days[risk.id]), continuous_update=False, description=label,
                           description_allow_html=True, tooltip=t("capacity.field_days", name=risk.name),
                           style={"description_width": "initial"}, layout=widgets.Layout(width="auto"))
        box.observe(self.guard(lambda change, rid=risk.id, w=box: self._on_days(rid, w, change)), names="value")
        self.day_inputs[risk.id] = box
        message = self.field_message(box)
        row = widgets.VBox([box, message])
        row.add_class("lst-capacity-row")
        return row

    def _build_rows(self) -> None:
        self.forget_fields(*self.day_inputs.values())
        self.day_inputs = {}
        self.rows_box.children = tuple(self._row(r) for r in self.model.risks)
        unknown = self.model.unknown_minima
        note = t("capacity.unknown_minima", ids=", ".join(unknown), case=self.cases[self.model.case_id].label)
        self.minima_note.value = f"<small>{esc(note)}</small>" if unknown else ""

    # -- handlers --------------------------------------------------------
    def _on_days(self, risk_id: str, widget, change) -> None:
        if self._syncing:
            return
        name = self.model.risk(risk_id).name
        with self.refused_puts_back(widget, lambda: change["old"]):
            value = typed_number(change["new"], t("capacity.field_days", name=name), "2")
            self.model.set_days(risk_id, value)
        self.set_quietly(widget, str(self.model.days[risk_id]))
        self._redraw()
        self.save(self._answer())

    def _on_reason(self, change) -> None:
        with self.refused_puts_back(self.reason, lambda: change["old"]):
            self.model.set_reason(change["new"])
        self.indicator.set("pending")
        self._debounce.request()

    def _on_case(self, change) -> None:
        self.flush()
        self.model = self._load(change["new"])
        self.set_quietly(self.reason, self.model.reason)
        self._build_rows()
        self._redraw()
        self.save(self._answer())

    def _redraw(self) -> None:
        plan = self.model
        left = plan.left()
        status = t("capacity.status", budget=plan.budget, n=left)
        below = plan.below_minimum(plan.days)
        if below:
            status += " " + t("capacity.status_below", names=", ".join(r.name for r in below))
        self.status.value = f"<div role='status' style='font-weight:bold;margin:4px 0'>{esc(status)}</div>"
        self.figure.show(plot_days(plan), alt=t("capacity.alt"), fmt="svg")
        self.reading.value = reading_html(plan)
        self.table.value = table_html(plan)
