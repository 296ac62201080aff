"""E3.1 Risk matrix lab, the view: a case picker, the rule, one row of
controls per risk, the band limits, the heat map and the ranking table.

Speed: an edit changes only the widgets it concerns. Row i shows risk i
(:class:`_Row` knows its risk's id); adding, removing, undoing and switching
case send the values that differ and hide or show rows, and build a row only
when there are more risks than ever before (see :meth:`RiskMatrixView._sync_rows`)."""

from __future__ import annotations

from typing import Sequence

import ipywidgets as widgets

from ...content import Case, ContentError
from ...i18n import number_input, t
from ...widgets import CaseFrame, Debouncer, FigureBox, IntSlider, esc, side_by_side, typed_number
from ...workbook import Workbook
from .figures import changes_text, plot_matrix, ranking_table
from .model import RULES, RiskItem, RiskMatrix, RiskMatrixSpec, format_number

__all__ = ["SPARE_ROWS", "RiskMatrixView"]

#: Hidden rows kept ready for the next risks added (adding then only shows one).
SPARE_ROWS = 2


class _Row:
    """The controls of one risk; ``rid`` says which risk they show now."""

    def __init__(self, view: "RiskMatrixView", rid: str):
        self.rid = rid
        exposure = [(f"{format_number(x.value)} · {x.label}", x.value) for x in view.spec.exposure]
        self.name = widgets.Text(continuous_update=False, style={"description_width": "2.5em"},
                                 layout=widgets.Layout(width="32%", min_width="14em"))
        self.likelihood = IntSlider(value=3, min=1, max=5, description=t("risk.likelihood_short"),
                                    continuous_update=False, style={"description_width": "initial"},
                                    layout=widgets.Layout(width="20%", min_width="16em"))
        self.impact = IntSlider(value=3, min=1, max=5, description=t("risk.impact_short"),
                                continuous_update=False, style={"description_width": "initial"},
                                layout=widgets.Layout(width="20%", min_width="16em"))
        self.exposure = widgets.Dropdown(options=exposure, value=view.spec.default_exposure,
                                         description=t("risk.exposure_fk"), style={"description_width": "initial"},
                                         layout=widgets.Layout(width="auto"))
        self.remove = widgets.Button(icon="trash", description="", layout=widgets.Layout(width="3em"))
        self.remove.add_class("lst-remove")
        self.message = view.field_message(self.name, self.likelihood, self.impact, self.exposure, self.remove)
        model = lambda: view.model  # noqa: E731 - the model of the case shown now
        self.name.observe(view.guard(lambda c: view._edit(lambda: model().rename(self.rid, c["new"]), self.name, c,
                                                          rows=True)), names="value")
        self.likelihood.observe(view.guard(lambda c: view._edit(
            lambda: model().set_likelihood(self.rid, c["new"]), self.likelihood, c)), names="value")
        self.impact.observe(view.guard(lambda c: view._edit(
            lambda: model().set_impact(self.rid, c["new"]), self.impact, c)), names="value")
        self.exposure.observe(view.guard(lambda c: view._edit(
            lambda: model().set_exposure(self.rid, c["new"]), self.exposure, c)), names="value")
        self.remove.on_click(view.guard(lambda _: view._on_remove(self.rid)))
        # the row wraps where the width runs out (the exposure control under Fine & Kinney is wide)
        controls = widgets.HBox([self.name, self.likelihood, self.impact, self.exposure, self.remove],
                                layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        self.box = widgets.VBox([controls, self.message])
        self.box.add_class("lst-risk-row")

    @property
    def widgets(self) -> dict:
        return {"name": self.name, "likelihood": self.likelihood, "impact": self.impact, "exposure": self.exposure,
                "remove": self.remove}

    def show(self, risk: RiskItem, number: int, fine_kinney: bool) -> None:
        """Show ``risk`` (called inside ``view.quietly()``); only values that
        differ are sent to the browser."""
        self.rid = risk.id
        for widget, value in ((self.name, risk.name), (self.likelihood, risk.likelihood),
                              (self.impact, risk.impact), (self.exposure, risk.exposure)):
            if widget.value != value:
                widget.value = value
        label = f"{number}."
        if self.name.description != label:
            self.name.description = label
        tip = t("risk.remove", name=risk.name)
        if self.remove.tooltip != tip:
            self.remove.tooltip = tip
        display = None if fine_kinney else "none"
        if self.exposure.layout.display != display:
            self.exposure.layout.display = display


class RiskMatrixView(CaseFrame):
    """The lab for one spec, on the cases it is given (id -> Case, in order)."""

    def __init__(self, spec: RiskMatrixSpec, cases: dict[str, Case], workbook: Workbook | None = None,
                 broken: Sequence[ContentError] = ()):
        super().__init__(spec, cases, workbook, broken)
        case_id = self.first_case
        self.model = self._load(case_id)
        self.case = widgets.Dropdown(options=[(case.label, c) for c, case in cases.items()], value=case_id,
                                     description=t("risk.field_case"), style={"description_width": "initial"},
                                     layout=widgets.Layout(width="auto"))
        self.case.observe(self.guard(self._on_case), names="value")
        self.rule = widgets.ToggleButtons(options=[(t(f"risk.rule_{r}"), r) for r in RULES], value=self.model.rule,
                                          description=t("risk.field_rule"), style={"description_width": "initial",
                                                                                   "button_width": "auto"})
        self.rule.observe(self.guard(self._on_rule), names="value")
        self.rows: list[_Row] = []
        self.rows_box = widgets.VBox()
        self._spares = Debouncer(self._spare_rows, delay=0.3)
        # Enter adds (the Text widget sends "submit"); the value follows every keystroke, so it is current
        self.new_name = widgets.Text(description=t("risk.new_name"), placeholder=t("risk.new_placeholder"),
                                     style={"description_width": "initial"}, layout=widgets.Layout(width="50%"))
        self.new_name.on_msg(self.guard(self._on_new_name_msg))
        self.add_button = widgets.Button(description=t("risk.add"), icon="plus", tooltip=t("risk.add"))
        self.add_button.on_click(self.guard(lambda _: self._on_add()))
        self.new_message = self.field_message(self.new_name, self.add_button)
        # undo of the last removal, and back to the case
        self._removed: tuple[RiskItem, int] | None = None
        self.removed_note = widgets.HTML()
        self.undo_button = widgets.Button(description=t("risk.undo"), icon="undo", layout=widgets.Layout(width="auto"))
        self.undo_button.on_click(self.guard(lambda _: self._on_undo()))
        self.undo_box = widgets.HBox([self.removed_note, self.undo_button])
        self.undo_box.layout.display = "none"
        self.reset_button = widgets.Button(description=t("risk.reset"), icon="refresh", tooltip=t("risk.reset_tip"),
                                           layout=widgets.Layout(width="auto"))
        self.reset_button.on_click(self.guard(lambda _: self._on_reset()))
        self.band_inputs: list[widgets.Text] = []
        self.bands_box = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self.band_message = self.field_message()
        self.figure = FigureBox()
        self.table = widgets.HTML()
        self.changes = widgets.HTML()
        self.illustrative = widgets.HTML(f"<small>{esc(t('risk.illustrative'))}</small>")
        self._sync_rows()
        self._spare_rows()
        self._build_bands()
        self._redraw()
        self.set_body(self.case, self.illustrative, self.rule, self.rows_box, self.undo_box,
                      widgets.HBox([self.new_name, self.add_button]), self.new_message, self.bands_box,
                      self.band_message, widgets.HBox([self.reset_button]),
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

    def _commit(self, rows: bool = False) -> None:
        """Show the edit, then save it (the figure goes to the browser before
        the workbook's fsync; both happen in this handler)."""
        if rows:
            self._sync_rows()
        self._redraw()
        self.save(self._answer())
        if rows:
            self._spares.request()

    @property
    def row_widgets(self) -> dict[str, dict]:
        """Risk id -> the controls showing it (name, likelihood, impact, exposure, remove)."""
        return {row.rid: row.widgets for row in self.rows if row.rid}

    # -- widgets ----------------------------------------------------------
    def _sync_rows(self) -> None:
        """Row i shows risk i. Rows are never rebuilt or reordered (a browser
        re-creates the views of every box child after the first change in
        the list): a removal hides the last row and shows the next risks one
        row up, an addition shows a hidden row again or appends one, a case
        switch changes values. Only values that differ are sent."""
        risks = self.model.risks
        numbers = self.model.numbers()
        fine_kinney = self.model.rule == "fine_kinney"
        appended = len(self.rows) < len(risks)
        while len(self.rows) < len(risks):
            self.rows.append(_Row(self, risks[len(self.rows)].id))
        with self.quietly():
            for i, row in enumerate(self.rows):
                if i < len(risks):
                    row.show(risks[i], numbers[risks[i].id], fine_kinney)
                    if row.box.layout.display is not None:
                        row.box.layout.display = None
                else:
                    row.rid = ""
                    if row.box.layout.display != "none":
                        row.box.layout.display = "none"
        if appended:
            self.rows_box.children = tuple(row.box for row in self.rows)

    def _spare_rows(self) -> None:
        """Keep :data:`SPARE_ROWS` hidden rows ready, so the next additions
        only show a row. Inside a kernel this runs a moment after the edit
        (:attr:`_spares`, a Debouncer): the browser draws the new figure
        first and builds the spare rows while the participant reads it."""
        missing = len(self.model.risks) + SPARE_ROWS - len(self.rows)
        if missing > 0:
            for _ in range(missing):
                row = _Row(self, "")
                row.box.layout.display = "none"
                self.rows.append(row)
            self.rows_box.children = tuple(row.box for row in self.rows)

    def _build_bands(self) -> None:
        """Band fields of the current rule: typed with a decimal comma or
        point; values in the reader's notation. One field per limit of the
        rule with the most bands is built once; a rule with fewer hides the
        rest, so switching rule builds nothing."""
        bands = self.model.bands[self.model.rule]
        if not self.band_inputs:
            most = max(len(self.model.bands[rule]) for rule in RULES) - 1
            for i in range(most):
                box = widgets.Text(continuous_update=False, style={"description_width": "initial"},
                                   layout=widgets.Layout(width="auto"))
                box.observe(self.guard(lambda c, i=i, w=box: self._on_band(i, w, c)), names="value")
                self.field_message(box, message=self.band_message)
                self.band_inputs.append(box)
            self.bands_box.children = (widgets.HTML(f"<b>{esc(t('risk.bands_title'))}</b>"), *self.band_inputs)
        with self.quietly():
            for i, box in enumerate(self.band_inputs):
                display = None if i < len(bands) - 1 else "none"
                if box.layout.display != display:
                    box.layout.display = display
                if display is not None:
                    continue
                description = t("risk.band_upper", label=bands[i].label)
                if box.description != description:
                    box.description = description
                text = number_input(bands[i].upper)
                if box.value != text:
                    box.value = text

    @property
    def shown_band_inputs(self) -> list:
        """The band fields of the current rule."""
        return self.band_inputs[: len(self.model.bands[self.model.rule]) - 1]

    def _on_band(self, index: int, widget, change) -> None:
        if self._syncing:
            return
        bands = self.model.bands[self.model.rule]
        label = f"{t('risk.field_band')} '{bands[index].label}'"
        with self.refused_puts_back(widget, lambda: change["old"]):
            value = typed_number(change["new"], label, number_input(bands[index].upper))
            self.model.set_band_upper(self.model.rule, index, value)
        self.set_quietly(widget, number_input(value))
        self._commit()

    def _edit(self, change_model, widget, change, rows: bool = False) -> None:
        """Apply one edit; on refusal put the widget back to the model's value
        (``rows``: the rows show something the edit changed, such as a name)."""
        if self._syncing:
            return
        with self.refused_puts_back(widget, lambda: change["old"]):
            change_model()
        self._commit(rows=rows)

    def _on_case(self, change) -> None:
        self.model = self._load(change["new"])
        self._removed = None
        self.undo_box.layout.display = "none"
        if self.rule.value != self.model.rule:
            self.set_quietly(self.rule, self.model.rule)
        self._sync_rows()
        self._build_bands()
        self._redraw()
        self.save(self._answer())
        self._spares.request()

    def _on_rule(self, change) -> None:
        self.model.set_rule(change["new"])
        self._build_bands()
        self._commit(rows=True)

    def _on_new_name_msg(self, _widget, content, _buffers) -> None:
        if isinstance(content, dict) and content.get("event") == "submit":
            self._on_add()

    def _on_add(self) -> None:
        with self.refused_puts_back(self.new_name):
            self.model.add(self.new_name.value)
        self.set_quietly(self.new_name, "")
        self._commit(rows=True)

    def _on_remove(self, risk_id: str) -> None:
        index = next(i for i, r in enumerate(self.model.risks) if r.id == risk_id)
        row = self.rows[index]
        item = self.model.risk(risk_id)
        with self.refused_puts_back(row.remove):
            self.model.remove(risk_id)
        self._removed = (item, index)
        self.removed_note.value = f"<span role='status'>{esc(t('risk.removed', name=item.name))}</span>"
        self.undo_button.tooltip = t("risk.undo_tip", name=item.name)
        self.undo_box.layout.display = None
        self._commit(rows=True)
        # keep the keyboard in the list: the remove button now in that place (the next risk's)
        self.rows[min(index, len(self.model.risks) - 1)].remove.focus()

    def _on_undo(self) -> None:
        if self._removed is None:
            return
        item, index = self._removed
        with self.refused_puts_back(self.undo_button):
            self.model.put_back(item, index)
        self._removed = None
        self.undo_box.layout.display = "none"
        self._commit(rows=True)
        self.rows[min(index, len(self.model.risks) - 1)].name.focus()

    def _on_reset(self) -> None:
        rule = self.model.rule
        self.model = RiskMatrix.from_case(self.spec, self.cases[self.model.case_id])
        self.model.rule = rule
        self._removed = None
        self.undo_box.layout.display = "none"
        self._build_bands()
        self._commit(rows=True)

    def _redraw(self) -> None:
        self.figure.show(plot_matrix(self.model), alt=t("risk.alt"), fmt="svg")
        self.table.value = ranking_table(self.model)
        self.changes.value = f"<p>{esc(changes_text(self.model))}</p>"
