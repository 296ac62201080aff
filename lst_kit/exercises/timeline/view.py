"""E1.1 Timeline tagger, the view: a dropdown per event, the figure with its
reading, and the comparison with the course team's reading on request."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...widgets import ExerciseFrame, FigureBox, esc
from ...workbook import Workbook
from .figures import comparison_html, plot_timeline, summary_text
from .model import TimelineSpec, TimelineTags

__all__ = ["TimelineView"]


class TimelineView(ExerciseFrame):
    def __init__(self, spec: TimelineSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = TimelineTags.from_dict(spec, self.saved())
        legend = "".join(f"<li><b>{esc(lg.label)}</b>: {esc(lg.description)}</li>" for lg in spec.logics)
        self.legend = widgets.HTML(f"<details><summary>{esc(t('timeline.logics'))}</summary><ul>{legend}</ul></details>")
        # "" stands for "not tagged": a Dropdown shows no text at all for None.
        options = [(t("timeline.choose"), "")] + [(lg.label, lg.key) for lg in spec.logics]
        self.dropdowns: dict[str, widgets.Dropdown] = {}
        rows = []
        for event in spec.events:
            dd = widgets.Dropdown(options=options, value=self.model.tags.get(event.key, ""),
                                  description=f"{event.year} · {event.label}",
                                  style={"description_width": "55%"}, layout=widgets.Layout(width="95%"))
            dd.observe(self.guard(lambda change, key=event.key: self._on_tag(key, change["new"])), names="value")
            self.dropdowns[event.key] = dd
            detail = " ".join(x for x in (event.description, f"({event.source})" if event.source else "") if x)
            rows.append(widgets.VBox([dd, widgets.HTML(f"<small style='color:#555;margin-left:2em'>{esc(detail)}</small>")]))
        self.compare = widgets.ToggleButton(value=False, description=t("timeline.compare"), icon="balance-scale",
                                            tooltip=t("timeline.compare_tip"), layout=widgets.Layout(width="auto"))
        self.compare.observe(self.guard(lambda change: self._redraw()), names="value")
        self.comparison = widgets.HTML()
        self.figure = FigureBox()
        self._redraw()
        self.set_body(self.legend, widgets.VBox(rows), self.figure, self.compare, self.comparison)

    def _on_tag(self, event_key: str, logic_key) -> None:
        self.model.tag(event_key, logic_key or None)
        self.save(self.model.to_dict())
        self._redraw()

    def _redraw(self) -> None:
        self.figure.show(plot_timeline(self.model), alt=t("timeline.alt"), caption=summary_text(self.model))
        self.comparison.value = comparison_html(self.model) if self.compare.value else ""
