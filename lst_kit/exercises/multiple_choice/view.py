"""Multiple-choice check, the view: the question, radio buttons and the feedback."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...widgets import ExerciseFrame, esc
from ...workbook import Workbook
from .figures import feedback_html
from .model import Choice, MultipleChoiceSpec

__all__ = ["MultipleChoiceView"]


class MultipleChoiceView(ExerciseFrame):
    def __init__(self, spec: MultipleChoiceSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook)
        self.spec = spec
        self.model = Choice.from_dict(spec, self.saved())
        self.question = widgets.HTML(f"<p><b>{esc(spec.question)}</b></p>")
        self.options = widgets.RadioButtons(
            options=[(o.text, i) for i, o in enumerate(spec.options)],
            value=self.model.index,
            description=t("mc.field"),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )
        self.feedback = widgets.HTML(feedback_html(self.model))
        self.options.observe(self.guard(self._on_choice), names="value")
        self.set_body(self.question, self.options, self.feedback)

    def _on_choice(self, change) -> None:
        self.model.choose(change["new"])
        self.feedback.value = feedback_html(self.model)
        self.save(self.model.to_dict())
