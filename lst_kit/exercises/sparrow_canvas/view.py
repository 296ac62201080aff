"""The Sparrow canvas as ipywidgets: a tab per stage with its questions,
fields and checklist, the dimensions and scale in stage 2, the charter in the
last tab. Thin: the model decides, :mod:`.figures` renders."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from ...content import Case, ContentError
from ...figures.style import PALETTE
from ...i18n import t
from ...widgets import Debouncer, ExerciseFrame, esc
from ...workbook import Workbook
from .figures import charter_html, paragraphs_html, scale_feedback_html, warnings_html
from .model import DEFINE, MEASURE, Canvas, SparrowSpec, Stage

__all__ = ["SparrowView"]


class SparrowView(ExerciseFrame):
    """The canvas: a tab per stage and the charter; ``cases`` are the cases
    a participant may pick as an example (by id), ``broken`` the case files
    that did not load (named in one line)."""

    def __init__(self, spec: SparrowSpec, cases: dict[str, Case], workbook: Workbook | None = None,
                 save_delay: float = 1.0, broken: Sequence[ContentError] = ()):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.note_unavailable_cases(broken)
        self.spec = spec
        self.cases = dict(cases)
        self.model = Canvas.from_dict(spec, self.saved(), self.cases)
        self._debounce = Debouncer(self.guard(self._save), delay=save_delay)

        self.case = widgets.Dropdown(
            options=[(t("sparrow_canvas.no_case"), "")] + [(c.label, c.case_id) for c in self.cases.values()],
            value=self.model.case if self.model.case in self.cases else "",
            description=t("sparrow_canvas.case"), style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"))
        self.case.observe(self.guard(self._on_case), names="value")
        self.example = widgets.HTML()

        self.areas: dict[tuple[str, str], widgets.Textarea] = {}
        self.checkboxes: dict[tuple[str, str], widgets.Checkbox] = {}
        self.dimension_boxes: dict[str, widgets.Checkbox] = {}
        pages = [self._stage_page(stage) for stage in spec.stages]
        self.charter = widgets.HTML()
        pages.append(widgets.VBox([widgets.HTML(f"<p>{esc(t('sparrow_canvas.charter_intro'))}</p>"), self.charter]))
        self.tabs = widgets.Tab(children=pages)
        self.warnings = widgets.HTML()
        self._refresh()
        self.set_body(self.case, self.example, self.tabs, self.warnings)

    def _stage_page(self, stage: Stage) -> widgets.VBox:
        questions = "".join(f"<li>{esc(q)}</li>" for q in stage.questions)
        head = f"<h4 style='margin:4px 0'>{esc(stage.title)}</h4>"
        if stage.guidance:
            head += f"<p style='margin:2px 0'>{esc(stage.guidance)}</p>"
        if questions:
            head += f"<ul style='margin:2px 0 6px 0'>{questions}</ul>"
        children: list[widgets.Widget] = [widgets.HTML(head)]
        for fld in stage.fields:
            # The field's own <label> (so screen readers name it), placed above the
            # field and left-aligned: long Dutch labels would squeeze a side label.
            label = (f"<span style='display:block;text-align:left;font-weight:bold'>"
                     f"{esc(fld.label)}</span>")
            area = widgets.Textarea(value=self.model.text(stage.key, fld.key), placeholder=fld.placeholder,
                                    rows=fld.rows, continuous_update=True, tooltip=fld.label,
                                    description=label, description_allow_html=True,
                                    style={"description_width": "initial"},
                                    layout=widgets.Layout(width="100%", flex_flow="column"))
            area.observe(self.guard(lambda change, s=stage.key, k=fld.key: self._on_text(s, k, change["new"])),
                         names="value")
            self.areas[(stage.key, fld.key)] = area
            children.append(area)
        if stage.key == DEFINE:
            children.extend(self._define_extras())
        if stage.key == MEASURE:
            self.indicator_check = widgets.HTML()
            children.append(self.indicator_check)
        if stage.checklist:
            children.append(widgets.HTML(f"<b>{esc(t('sparrow_canvas.checklist'))}</b>"))
        for item in stage.checklist:
            box = widgets.Checkbox(value=item.key in self.model.checks.get(stage.key, set()), description=item.label,
                                   indent=False, layout=widgets.Layout(width="auto"))
            box.observe(self.guard(lambda change, s=stage.key, k=item.key: self._on_check(s, k, change["new"])),
                        names="value")
            self.checkboxes[(stage.key, item.key)] = box
            children.append(box)
        return widgets.VBox(children)

    def _define_extras(self) -> list[widgets.Widget]:
        out: list[widgets.Widget] = [widgets.HTML(f"<b>{esc(t('sparrow_canvas.dimensions'))}</b>")]
        for dim in self.spec.dimensions:
            label = f"{dim.label} ({dim.hint})" if dim.hint else dim.label
            box = widgets.Checkbox(value=dim.key in self.model.dimensions, description=label, indent=False,
                                   layout=widgets.Layout(width="auto"))
            box.observe(self.guard(lambda change, k=dim.key: self._on_dimension(k, change["new"])), names="value")
            self.dimension_boxes[dim.key] = box
            out.append(box)
        scale_text = "".join(f"<li><b>{esc(s.label)}</b>: {esc(s.description)}</li>" for s in self.spec.scales)
        out.append(widgets.HTML(f"<b>{esc(t('sparrow_canvas.scale'))}</b><ul style='margin:2px 0'>{scale_text}</ul>"))
        self.scale = widgets.ToggleButtons(options=[(s.label, s.key) for s in self.spec.scales], value=self.model.scale,
                                           style={"button_width": "8em"})
        self.scale.observe(self.guard(self._on_scale), names="value")
        self.scale_feedback = widgets.HTML()
        out += [self.scale, self.scale_feedback]
        return out

    # -- handlers --------------------------------------------------------
    def _on_text(self, stage: str, key: str, value: str) -> None:
        self.model.set_text(stage, key, value)
        self._refresh()
        self.indicator.set("pending")
        self._debounce.request()

    def _on_check(self, stage: str, key: str, value: bool) -> None:
        self.model.set_check(stage, key, value)
        self._save_now()

    def _on_dimension(self, key: str, value: bool) -> None:
        self.model.set_dimension(key, value)
        self._save_now()

    def _on_scale(self, change) -> None:
        self.model.set_scale(change["new"])
        self._save_now()

    def _on_case(self, change) -> None:
        self.model.set_case(change["new"] or None)
        self._save_now()

    def _save_now(self) -> None:
        self._refresh()
        if self._debounce.pending:
            self._debounce.flush()
        else:
            self._save()

    def _save(self) -> None:
        self.save(self.model.to_dict())

    def flush(self) -> None:
        """Save now whatever is pending."""
        if self._debounce.pending:
            self._debounce.flush()

    # -- display -----------------------------------------------------------
    def _refresh(self) -> None:
        case = self.cases.get(self.model.case)
        if case is not None:
            hook = case.module_hooks.get(self.spec.case_hook, "")
            self.example.value = (
                f"<div style='border-left:4px solid {PALETTE[0]};padding:2px 10px;margin:4px 0'>"
                f"<b>{esc(t('sparrow_canvas.example', case=case.label))}</b><br>{paragraphs_html(case.summary)}"
                + (f"<br><i>{esc(hook)}</i>" if hook else "")
                + f"<br><small>{esc(t('sparrow_canvas.example_note'))}</small></div>")
        else:
            self.example.value = ""
        self.warnings.value = warnings_html(self.model)
        self.charter.value = charter_html(self.model, case.label if case else None)
        self.scale_feedback.value = scale_feedback_html(self.model)
        self._show_indicator_check()
        filled = set(self.model.filled_stages())
        self.tabs.titles = tuple(f"{s.tab} ✓" if s.key in filled else s.tab for s in self.spec.stages) + (
            t("sparrow_canvas.charter_tab"),)

    def _show_indicator_check(self) -> None:
        found = self.model.indicators()
        if not found:
            self.indicator_check.value = ""
            return
        rows = "".join(
            f"<li>{esc(i)}: <i>{esc(t('sparrow_canvas.output_tag') if self.model.is_output(i) else t('sparrow_canvas.beyond_output_tag'))}</i></li>"
            for i in found)
        self.indicator_check.value = (f"<div style='font-size:90%'>{esc(t('sparrow_canvas.indicator_check'))}"
                                      f"<ul style='margin:0'>{rows}</ul></div>")
