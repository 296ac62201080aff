"""Reflection question, the view: the prompt, a text area saved as it is
typed (debounced, at most once a second, and at kernel exit) and the word count."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...widgets import Debouncer, ExerciseFrame, esc
from ...workbook import Workbook
from .figures import count_text, prompt_html
from .model import ReflectionAnswer, ReflectionSpec

__all__ = ["ReflectionView"]


class ReflectionView(ExerciseFrame):
    def __init__(self, spec: ReflectionSpec, workbook: Workbook | None = None, save_delay: float = 1.0):
        super().__init__(spec.exercise_id, spec.title, workbook)
        self.spec = spec
        self.model = ReflectionAnswer.from_dict(self.saved())
        self.prompt = widgets.HTML(prompt_html(spec))
        self.text = widgets.Textarea(
            value=self.model.text,
            placeholder=t("reflection.placeholder"),
            description=t("reflection.field"),
            continuous_update=True,
            rows=7,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        self.count = widgets.HTML()
        self._debounce = Debouncer(self.guard(self._save), delay=save_delay)
        self.text.observe(self.guard(self._on_text), names="value")
        self._show_count()
        self.set_body(self.prompt, self.text, self.count)

    def _show_count(self) -> None:
        self.count.value = f"<span style='color:#555'>{esc(count_text(self.spec, self.model))}</span>"

    def _on_text(self, change) -> None:
        self.model.set_text(change["new"])
        self._show_count()
        self.indicator.set("pending")
        self._debounce.request()

    def _save(self) -> None:
        self.save(self.model.to_dict())

    def flush(self) -> None:
        """Save now whatever is pending."""
        if self._debounce.pending:
            self._debounce.flush()
