"""E4.4 EAST letter makeover, the view: the original letter, a text area
for the rewrite (saved as it is typed, debounced), the figure and the checklist."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...widgets import Debouncer, ExerciseFrame, FigureBox, esc
from ...workbook import Workbook
from .figures import checklist_html, plot_scores, score_caption
from .model import EastSpec, LetterRewrite, east_scores

__all__ = ["EastLetterView"]


class EastLetterView(ExerciseFrame):
    def __init__(self, spec: EastSpec, workbook: Workbook | None = None, delay: float = 1.0):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = LetterRewrite.from_dict(spec, self.saved())
        self.before = east_scores(spec, spec.letter)
        self.original = widgets.HTML(
            f"<details><summary>{esc(t('east_letter.show_original'))}</summary>"
            f"<pre style='white-space:pre-wrap;font-family:inherit;background:#f6f6f6;padding:6px'>"
            f"{esc(spec.letter)}</pre></details>")
        self.text = widgets.Textarea(value=self.model.text, description=t("east_letter.field"), rows=16,
                                     continuous_update=True, style={"description_width": "initial"},
                                     layout=widgets.Layout(width="100%"))
        self.reset_button = widgets.Button(description=t("east_letter.reset"), icon="undo",
                                           tooltip=t("east_letter.reset_tip"), layout=widgets.Layout(width="auto"))
        self.reset_button.on_click(self.guard(lambda _b: self._on_reset()))
        self.figure = FigureBox()
        self.checklist = widgets.HTML()
        self._debounce = Debouncer(self.guard(self._save_and_redraw), delay=delay)
        self.text.observe(self.guard(self._on_text), names="value")
        self._redraw()
        self.set_body(widgets.HTML(f"<p style='color:#6b5200'><b>{esc(t('east_letter.illustrative'))}</b></p>"),
                      self.original, self.text, widgets.HBox([self.reset_button]), self.figure, self.checklist)

    def _on_text(self, change) -> None:
        self.model.set_text(change["new"])
        self.indicator.set("pending")
        self._debounce.request()

    def _save_and_redraw(self) -> None:
        self.save(self.model.to_dict())
        self._redraw()

    def _on_reset(self) -> None:
        self.text.value = self.spec.letter

    def flush(self) -> None:
        """Save now whatever is pending."""
        if self._debounce.pending:
            self._debounce.flush()

    def _redraw(self) -> None:
        self.figure.show(plot_scores(self.spec, self.before, self.model.scores()), alt=t("east_letter.alt"),
                         caption=score_caption(self.model, self.before))
        self.checklist.value = checklist_html(self.model)
