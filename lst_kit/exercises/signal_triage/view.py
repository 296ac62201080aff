"""E5.2 view: the case, the rule, a table of observations with their routes,
a form for an own observation, the figure and the signalement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets

from ...content import LAW_COVERAGE, Case, ContentError
from ...i18n import t
from ...widgets import CaseFrame, Debouncer, FigureBox, esc
from ...workbook import Workbook
from .figures import caption, plot_triage, route_colour
from .model import EDITABLE, SignalTriage, TriageSpec
from .rule import TriageRule, field_label

__all__ = ["SignalTriageView"]


class SignalTriageView(CaseFrame):
    def __init__(self, spec: TriageSpec, rule: TriageRule, cases: Mapping[str, Case],
                 workbook: Workbook | None = None, save_delay: float = 1.0, broken: Sequence[ContentError] = ()):
        super().__init__(spec, cases, workbook, broken)
        self.model = SignalTriage.from_dict(spec, self.saved(), rule, cases)
        self._debounce = Debouncer(self.guard(self._save), delay=save_delay)
        self.case_choice = widgets.Dropdown(options=[(case.label, case_id) for case_id, case in cases.items()],
                                            value=self.model.case_id, description=t("signal_triage.field_case"),
                                            style={"description_width": "initial"},
                                            layout=widgets.Layout(width="auto"))
        self.case_choice.observe(self.guard(self._on_case), names="value")
        self.case_info = widgets.HTML()
        self.rule_info = widgets.HTML(self._rule_html())
        self.table = widgets.GridBox()
        self.controls: dict[tuple[str, str], widgets.ValueWidget] = {}
        self.route_cells: dict[str, widgets.HTML] = {}
        self.remove_buttons: dict[str, widgets.Button] = {}
        # the form for an own observation
        wide = {"style": {"description_width": "10em"}}
        self.new_text = widgets.Textarea(description=t("signal_triage.field_new"), rows=2,
                                         placeholder=t("signal_triage.new_placeholder"),
                                         layout=widgets.Layout(width="95%"), **wide)
        self.new_frequency = widgets.IntText(value=3, description=field_label("frequency") + " (1–5)",
                                             layout=widgets.Layout(width="16em"), **wide)
        self.new_severity = widgets.IntText(value=3, description=field_label("severity") + " (1–5)",
                                            layout=widgets.Layout(width="16em"), **wide)
        self.new_covered = widgets.Dropdown(options=list(LAW_COVERAGE), value="nee",
                                            description=field_label("covered_by_law"),
                                            layout=widgets.Layout(width="16em"), **wide)
        self.new_systemic = widgets.Checkbox(value=False, description=field_label("systemic"), indent=False)
        self.new_who = widgets.Text(description=field_label("who_can_act"), layout=widgets.Layout(width="95%"),
                                    placeholder=t("signal_triage.who_placeholder"), **wide)
        self.add_button = widgets.Button(description=t("signal_triage.add"), icon="plus",
                                         tooltip=t("signal_triage.add_tip"), layout=widgets.Layout(width="auto"))
        self.add_button.on_click(self.guard(lambda _: self._on_add()))
        self.figure = FigureBox()
        # the signalement
        self.sections: dict[str, widgets.Textarea] = {}
        self.section_notes: dict[str, widgets.HTML] = {}
        self.reset_buttons: dict[str, widgets.Button] = {}
        outline_rows = []
        for section in spec.outline:
            area = widgets.Textarea(value="", rows=4, continuous_update=True,
                                    layout=widgets.Layout(width="100%"), description="",
                                    placeholder=t("signal_triage.section_placeholder"))
            area.observe(self.guard(lambda change, k=section.key: self._on_section(k, change)), names="value")
            reset = widgets.Button(description=t("signal_triage.reset"), icon="undo",
                                   tooltip=t("signal_triage.reset_tip"), layout=widgets.Layout(width="auto"))
            reset.on_click(self.guard(lambda _, k=section.key: self._on_reset(k)))
            note = widgets.HTML()
            self.sections[section.key], self.reset_buttons[section.key], self.section_notes[section.key] = area, reset, note
            outline_rows += [widgets.HTML(f"<p style='margin:8px 0 2px 0'><b>{esc(section.label)}</b> · "
                                          f"<span style='color:#444'>{esc(section.question)}</span></p>"),
                             area, widgets.HBox([reset, note])]
        self.outline_heading = widgets.HTML()
        self._build_case()
        self.set_body(
            self.case_choice, self.case_info, self.rule_info,
            widgets.HTML(f"<b>{esc(t('signal_triage.heading_table'))}</b>"), self.table,
            widgets.HTML(f"<p style='margin:10px 0 2px 0'><b>{esc(t('signal_triage.heading_new'))}</b></p>"),
            widgets.VBox([self.new_text, widgets.HBox([self.new_frequency, self.new_severity, self.new_covered,
                                                       self.new_systemic]), self.new_who, self.add_button]),
            self.figure, self.outline_heading, *outline_rows,
        )

    # -- building ------------------------------------------------------------
    def _rule_html(self) -> str:
        rule = self.model.rule
        items = "".join(f"<li><b>{esc(rule.label(r.route))}</b> {esc(t('signal_triage.if'))} {esc(r.describe())}"
                        f"<br><small>{esc(r.why)}</small></li>" for r in rule.rules)
        items += (f"<li><b>{esc(rule.label(rule.default_route))}</b> {esc(t('signal_triage.otherwise'))}"
                  f"<br><small>{esc(rule.default_why)}</small></li>")
        routes = "".join(f"<li><b>{esc(r.label)}</b>: {esc(r.description)}</li>" for r in rule.routes)
        return (f"<details><summary>{esc(t('signal_triage.rule_summary'))}</summary>"
                f"<p>{esc(t('signal_triage.rule_intro', file=rule.file))}</p><ol>{items}</ol>"
                f"<p>{esc(t('signal_triage.routes'))}</p><ul>{routes}</ul></details>")

    def _build_case(self) -> None:
        case = self.model.case
        self.case_info.value = (f"<p style='margin:2px 0 6px 0'>{esc(case.summary)}</p>"
                                f"<p style='margin:0 0 6px 0;color:#555'><i>{esc(t('signal_triage.illustrative'))}</i></p>")
        self._build_table()
        self._refresh_outline()

    def _build_table(self) -> None:
        heads = ["observation", "frequency", "severity", "covered_by_law", "systemic", "route"]
        cells: list[widgets.Widget] = [widgets.HTML(f"<b>{esc(field_label(h))}</b>") for h in heads]
        cells.append(widgets.HTML(""))
        self.controls, self.route_cells, self.remove_buttons = {}, {}, {}
        for obs in self.model.observations():
            tag = f" <small>({esc(t('signal_triage.own'))})</small>" if obs.own else ""
            who = f"<br><small style='color:#555'>{esc(field_label('who_can_act'))}: {esc(obs.who_can_act)}</small>" \
                if obs.who_can_act else ""
            cells.append(widgets.HTML(f"<div style='line-height:1.25'><b>{esc(obs.id)}</b> {esc(obs.observation)}{tag}{who}</div>"))
            subject = obs.short(40)
            for name in EDITABLE:
                # The description names the control for screen readers; at zero width it takes no room.
                named = {"description": f"{field_label(name)} ({subject})", "style": {"description_width": "0px"}}
                if name in ("frequency", "severity"):
                    control = widgets.IntText(value=obs.value(name), layout=widgets.Layout(width="4.5em"), **named)
                elif name == "covered_by_law":
                    control = widgets.Dropdown(options=list(LAW_COVERAGE), value=obs.covered_by_law,
                                               layout=widgets.Layout(width="6.5em"), **named)
                else:
                    control = widgets.Dropdown(options=[(t("signal_triage.word_yes"), True),
                                                        (t("signal_triage.word_no"), False)],
                                               value=obs.systemic, layout=widgets.Layout(width="5.5em"), **named)
                control.observe(self.guard(lambda change, o=obs.id, n=name, w=control: self._on_edit(o, n, w, change)),
                                names="value")
                self.controls[(obs.id, name)] = control
                cells.append(control)
            self.route_cells[obs.id] = widgets.HTML()
            cells.append(self.route_cells[obs.id])
            if obs.own:
                button = widgets.Button(description="", icon="trash", tooltip=t("signal_triage.remove_tip"),
                                        layout=widgets.Layout(width="3em"))
                button.on_click(self.guard(lambda _, o=obs.id: self._on_remove(o)))
                self.remove_buttons[obs.id] = button
                cells.append(button)
            else:
                cells.append(widgets.HTML(""))
        self.table.children = tuple(cells)
        self.table.layout = widgets.Layout(grid_template_columns="minmax(16em, 1fr) 5em 5em 7em 6em 13em 3.5em",
                                           grid_gap="4px 6px", align_items="center")
        self._redraw()

    def _route_badge(self, route: str, why: str) -> str:
        colour = route_colour(self.model.rule, route)
        return (f"<span title='{esc(why)}' style='border-left:6px solid {colour};padding-left:6px'>"
                f"{esc(self.model.rule.label(route))}</span>")

    def _refresh_outline(self) -> None:
        """Show each section: the participant's text, or the current draft."""
        policy = self.model.rule.label(self.model.policy_route())
        self.outline_heading.value = (f"<h4 style='margin:14px 0 2px 0'>{esc(t('signal_triage.heading_outline'))}</h4>"
                                      f"<p style='margin:0'>{esc(t('signal_triage.outline_intro', route=policy))}</p>")
        for section in self.spec.outline:
            area = self.sections[section.key]
            text = self.model.outline_text(section.key)
            if area.value != text:
                self.set_quietly(area, text)
            area.rows = min(12, max(3, text.count("\n") + 2))
            edited = self.model.is_edited(section.key)
            self.reset_buttons[section.key].disabled = not edited
            draft = self.model.draft(section)
            if edited and draft != text:
                self.section_notes[section.key].value = (
                    f"<details><summary style='color:#555'>{esc(t('signal_triage.draft_changed'))}</summary>"
                    f"<pre style='white-space:pre-wrap;font-size:90%'>{esc(draft)}</pre></details>")
            else:
                self.section_notes[section.key].value = ""

    # -- handlers -------------------------------------------------------------
    def _on_case(self, change) -> None:
        if self._syncing:
            return
        self.flush()
        with self.refused_puts_back(self.case_choice, lambda: self.model.case_id):
            self.model.switch_case(change["new"])
        self.save(self.model.to_dict())
        self._build_case()

    def _on_edit(self, obs_id: str, name: str, widget, change) -> None:
        if self._syncing:
            return
        with self.refused_puts_back(widget, lambda: self.model.observation(obs_id).value(name)):
            self.model.edit(obs_id, name, change["new"])
        self.save(self.model.to_dict())
        self._refresh_outline()  # first: the draft reaches the browser before the slower redraw
        self._redraw()

    def _on_add(self) -> None:
        self.model.add_own(self.new_text.value, self.new_frequency.value, self.new_severity.value,
                           self.new_covered.value, self.new_systemic.value, self.new_who.value)
        self.save(self.model.to_dict())
        self.new_text.value = ""
        self.new_who.value = ""
        self._refresh_outline()
        self._build_table()

    def _on_remove(self, obs_id: str) -> None:
        self.model.remove_own(obs_id)
        self.save(self.model.to_dict())
        self._refresh_outline()
        self._build_table()

    def _on_section(self, key: str, change) -> None:
        if self._syncing:
            return
        with self.refused_puts_back(self.sections[key], lambda: self.model.outline_text(key)):
            self.model.set_outline(key, change["new"])
        self.reset_buttons[key].disabled = not self.model.is_edited(key)
        self.indicator.set("pending")
        self._debounce.request()

    def _on_reset(self, key: str) -> None:
        self.model.reset_outline(key)
        self.save(self.model.to_dict())
        self._refresh_outline()

    def _save(self) -> None:
        self.save(self.model.to_dict())

    def flush(self) -> None:
        """Save now whatever is pending."""
        if self._debounce.pending:
            self._debounce.flush()

    def _redraw(self) -> None:
        for obs, route, _, why in self.model.routed():
            if obs.id in self.route_cells:
                self.route_cells[obs.id].value = self._route_badge(route, why)
        self.figure.show(plot_triage(self.model), alt=t("signal_triage.alt"), caption=caption(self.model),
                         fmt="svg")
