"""The Tafel van Elf as widgets: case and groups, a slider per dimension,
the radar with its tables, and the deterrence calculator."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from ...content import T11_KEYS, Case, T11Reference
from ...i18n import number_input, t
from ...widgets import ExerciseFrame, FieldMessage, FigureBox, esc, side_by_side, typed_number
from ...widgets.slider import IntSlider
from ...workbook import Workbook
from .figures import (deterrence_summary, dim_labels, indices_html, plot_deterrence, plot_radar, radar_summary,
                      shown_profiles, weakest_html)
from .model import DETERRENCE_FIELDS, SCALE_MAX, SCALE_MIN, InterventionMapping, T11Profile, T11Spec

__all__ = ["T11View"]


class T11View(ExerciseFrame):
    def __init__(self, spec: T11Spec, reference: T11Reference, mapping: InterventionMapping,
                 cases: dict[str, Case], workbook: Workbook | None = None, problems: Sequence[str] = ()):
        """``cases``: the cases that load (id -> Case); ``problems``: why the
        others do not (shown as a note; the exercise works without them)."""
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.reference = reference
        self.cases = cases
        self.model = T11Profile.from_dict(spec, reference, mapping, self.saved(), cases)
        wide = {"style": {"description_width": "10em"}, "layout": widgets.Layout(width="32em")}
        usable = [(case.label, cid) for cid, case in cases.items()]
        if problems:
            self.banner.show(t("tafel_van_elf.case_problem", problems="\n".join(problems)), kind="info",
                             source="content")
        self.case_dd = widgets.Dropdown(
            options=usable,
            value=self.model.case.case_id, description=t("tafel_van_elf.field_case"),
            tooltip=t("tafel_van_elf.case_tip"), **wide)
        self.focus_dd = widgets.Dropdown(description=t("tafel_van_elf.field_focus"),
                                         tooltip=t("tafel_van_elf.focus_tip"), **wide)
        self.compare_dd = widgets.Dropdown(description=t("tafel_van_elf.field_compare"),
                                           tooltip=t("tafel_van_elf.compare_tip"), **wide)
        self.group_info = widgets.HTML()
        self.sliders: dict[str, IntSlider] = {}
        self.rationales: dict[str, widgets.HTML] = {}
        sections = [widgets.HTML(
            f"<small>{esc(t('tafel_van_elf.scale_note', lo=SCALE_MIN, low=spec.low, hi=SCALE_MAX, high=spec.high))}"
            "</small>")]
        for group in reference.groups:
            dims = reference.in_group(group.key)
            if not dims:
                continue
            sections.append(widgets.HTML(f"<b>{esc(group.label)}</b> <small style='color:#555'>"
                                         f"{esc(group.description)}</small>"))
            for dim in dims:
                slider = IntSlider(min=SCALE_MIN, max=SCALE_MAX, value=SCALE_MIN,
                                   description=f"{dim.key} {dim.label}", continuous_update=False,
                                   style={"description_width": "16em"}, layout=widgets.Layout(width="46em"))
                slider.observe(self.guard(lambda change, k=dim.key: self._on_score(k, change["new"])),
                               names="value")
                note = widgets.HTML(layout=widgets.Layout(margin="0 0 4px 2em"))
                self.sliders[dim.key] = slider
                self.rationales[dim.key] = note
                sections += [slider, note]
        self.reset_button = widgets.Button(description=t("tafel_van_elf.reset"), icon="undo",
                                           tooltip=t("tafel_van_elf.reset_tip"),
                                           layout=widgets.Layout(width="auto"))
        self.reset_button.on_click(self.guard(lambda _b: self._on_reset()))
        self.radar = FigureBox()
        self.indices_table = widgets.HTML()
        self.weakest_box = widgets.HTML()
        # the deterrence calculator: text fields, so "0,1" is 0.1 (a FloatText in the browser drops the comma)
        self.det_inputs: dict[str, widgets.Text] = {}
        self.det_messages: dict[str, FieldMessage] = {}
        det_controls = []
        for name in DETERRENCE_FIELDS:
            box = widgets.Text(description=t(f"tafel_van_elf.det_{name}"),
                               tooltip=t(f"tafel_van_elf.det_{name}_tip"), continuous_update=False,
                               style={"description_width": "21em"}, layout=widgets.Layout(width="33em"))
            box.observe(self.guard(lambda change, k=name, w=box: self._on_typed(k, w, change)), names="value")
            self.det_inputs[name] = box
            self.det_messages[name] = self.field_message(box)
            det_controls += [box, self.det_messages[name]]
        self.use_report = widgets.Checkbox(description=t("tafel_van_elf.det_use_report"),
                                           tooltip=t("tafel_van_elf.det_use_report_tip"), indent=False)
        self.use_report.observe(self.guard(lambda change: self._on_deterrence("use_report", change["new"])),
                                names="value")
        det_controls.insert(8, self.use_report)
        self.det_source = widgets.HTML()
        self.det_figure = FigureBox()
        self.det_text = widgets.HTML()
        self.case_dd.observe(self.guard(lambda change: self._on_case(change["new"])), names="value")
        self.focus_dd.observe(self.guard(lambda change: self._on_focus(change["new"])), names="value")
        self.compare_dd.observe(self.guard(lambda change: self._on_compare(change["new"])), names="value")
        self._sync_controls()
        self._redraw_radar()
        self._redraw_deterrence()
        illustrative = widgets.HTML(f"<p style='color:#6b5200'><b>{esc(t('tafel_van_elf.illustrative'))}</b></p>")
        det_header = widgets.HTML(f"<h4 style='margin:10px 0 2px 0'>{esc(t('tafel_van_elf.det_heading'))}</h4>"
                                  f"<p style='margin:0 0 4px 0'>{esc(t('tafel_van_elf.det_intro'))}</p>")
        self.set_body(illustrative, self.case_dd, self.focus_dd, self.compare_dd, self.group_info,
                      side_by_side([widgets.VBox(sections), widgets.HBox([self.reset_button])],
                                   [self.radar, self.indices_table, self.weakest_box]),
                      det_header, self.det_source, widgets.VBox(det_controls), self.det_figure, self.det_text)

    # -- syncing widgets from the model (no save, no redraw per widget) ----
    def _sync_controls(self) -> None:
        model = self.model
        with self.quietly():
            groups = [(g.name, g.id) for g in model.case.target_groups]
            if self.case_dd.value != model.case.case_id:
                self.case_dd.value = model.case.case_id
            self.focus_dd.options = groups
            self.focus_dd.value = model.focus
            # "" stands for "no comparison": a Dropdown shows no text at all for None
            others = [(t("tafel_van_elf.none"), "")] + [(n, g) for n, g in groups if g != model.focus]
            self.compare_dd.options = others
            self.compare_dd.value = model.compare or ""
            self.compare_dd.disabled = len(others) == 1
            group = model.group(model.focus)
            self.group_info.value = f"<small style='color:#333'>{esc(group.description)}</small>"
            for dim in T11_KEYS:
                self.sliders[dim].value = model.score(model.focus, dim)
                case_score = group.t11[dim]
                self.sliders[dim].tooltip = (f"{dim_labels(self.reference)[dim]}: "
                                             f"{self._dim_description(dim)} {t('tafel_van_elf.case_says')} "
                                             f"{case_score.score}: {case_score.rationale}")
                self.rationales[dim].value = (
                    f"<small style='color:#555'>{esc(t('tafel_van_elf.case_score', score=case_score.score))} "
                    f"{esc(case_score.rationale)}</small>")
            calc = model.calculator()
            for name in DETERRENCE_FIELDS:
                self.det_inputs[name].value = number_input(getattr(calc, name))
            self.use_report.value = calc.use_report
            source = "det_from_case" if model.case.deterrence else "det_from_spec"
            self.det_source.value = f"<small>{esc(t('tafel_van_elf.' + source, case=model.case.label))}</small>"

    def _dim_description(self, dim: str) -> str:
        return next(d.description for d in self.reference.dimensions if d.key == dim)

    # -- handlers --------------------------------------------------------
    def _on_case(self, case_id) -> None:
        if self._syncing or case_id == self.model.case.case_id:
            return
        self.model.set_case(self.cases[case_id])
        self._after_switch()

    def _on_focus(self, group_id) -> None:
        if self._syncing or group_id == self.model.focus:
            return
        self.model.set_focus(group_id)
        self._after_switch()

    def _on_compare(self, group_id) -> None:
        if self._syncing:
            return
        self.model.set_compare(group_id or None)
        self.save(self.model.to_dict())
        self._redraw_radar()

    def _after_switch(self) -> None:
        self._sync_controls()
        self.save(self.model.to_dict())
        self._redraw_radar()
        self._redraw_deterrence()

    def _on_score(self, dim: str, value: int) -> None:
        if self._syncing:
            return
        self.model.set_score(self.model.focus, dim, value)
        self.save(self.model.to_dict())
        self._redraw_radar()

    def _on_reset(self) -> None:
        group = self.model.group(self.model.focus)
        for dim in T11_KEYS:
            self.model.set_score(group.id, dim, group.t11[dim].score)
        self._sync_controls()
        self.save(self.model.to_dict())
        self._redraw_radar()

    def _on_typed(self, name: str, widget, change) -> None:
        """A calculator number typed with a decimal comma or point; a refused
        one puts the field back to the value the chart shows."""
        if self._syncing:
            return
        calc = self.model.calculator()
        with self.refused_puts_back(widget, lambda: number_input(getattr(calc, name))):
            example = number_input(0.05) if name not in ("gain", "fine") else number_input(4000)
            value = typed_number(change["new"], t(f"tafel_van_elf.det_{name}"), example)
            self.model.set_deterrence(name, value)
        text = number_input(getattr(calc, name))
        if widget.value != text:
            self.set_quietly(widget, text)
        self.save(self.model.to_dict())
        self._redraw_deterrence()

    def _on_deterrence(self, name: str, value) -> None:
        if self._syncing:
            return
        self.model.set_deterrence(name, value)
        self.save(self.model.to_dict())
        self._redraw_deterrence()

    # -- drawing ---------------------------------------------------------
    def _redraw_radar(self) -> None:
        model = self.model
        profile = model.profile()
        start = model.case_profile()
        profiles = shown_profiles(model)
        start = start if start != profile else None
        self.radar.show(plot_radar(self.reference, profiles, start), alt=t("tafel_van_elf.radar_alt"),
                        caption=radar_summary(model))
        self.indices_table.value = indices_html(model)
        self.weakest_box.value = weakest_html(model)

    def _redraw_deterrence(self) -> None:
        calc = self.model.calculator()
        self.det_figure.show(plot_deterrence(calc), alt=t("tafel_van_elf.det_alt"),
                             caption=deterrence_summary(calc))
        be = calc.break_even()
        warn = "" if be.reachable or calc.gain <= 0 else (
            f"<p role='status' style='color:#8a1c1c'><b>{esc(t('tafel_van_elf.det_unreachable_short'))}</b></p>")
        self.det_text.value = f"{warn}<p><small>{esc(t('tafel_van_elf.det_caveat'))}</small></p>"
