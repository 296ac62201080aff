"""E6.2 Wat neem je mee?, the view: the sections pre-filled from earlier
answers (with a button to read them again), and text areas for the
participant's own goals and next steps, saved as typed (debounced, like a
reflection). Also the button that writes the participant's portfolio."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Callable

import ipywidgets as widgets

from ...i18n import t
from ...widgets import Debouncer, ErrorBanner, ExerciseFrame, esc, flush_pending, style_html
from ...workbook import Workbook, WorkbookError
from .figures import prefill_html
from .model import LearningPlan, PlanSpec, Prefill, word_count

__all__ = ["LearningPlanView", "PortfolioButton", "portfolio_path"]


class LearningPlanView(ExerciseFrame):
    """The plan for one spec. ``read_earlier(answers)`` gives the pre-filled
    sections for the participant's other answers (the entry function passes
    :func:`.model.prefill` with the kit's readings)."""

    def __init__(self, spec: PlanSpec, read_earlier: Callable[[dict], list[Prefill]],
                 workbook: Workbook | None = None, save_delay: float = 1.0):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.read_earlier = read_earlier
        self.model = LearningPlan.from_dict(spec, self.saved())
        self.earlier = widgets.HTML()
        self.refresh_button = widgets.Button(description=t("learning_plan.refresh"), icon="refresh",
                                             tooltip=t("learning_plan.refresh_tip"))
        self.refresh_button.on_click(self.guard(lambda _: self._on_refresh()))
        self.prefilled: list[Prefill] = []
        self._load_earlier()
        self._debounce = Debouncer(self.guard(self._save), delay=save_delay)
        self.text_areas: dict[str, widgets.Textarea] = {}
        self.counts: dict[str, widgets.HTML] = {}
        rows = []
        for f in spec.fields:
            area = widgets.Textarea(value=self.model.texts.get(f.key, ""), placeholder=f.placeholder or None,
                                    description=f.label, continuous_update=True, rows=6,
                                    style={"description_width": "initial"}, layout=widgets.Layout(width="100%"))
            area.observe(self.guard(lambda change, key=f.key: self._on_text(key, change["new"])), names="value")
            count = widgets.HTML()
            self.text_areas[f.key] = area
            self.counts[f.key] = count
            self._show_count(f.key)
            rows.append(widgets.VBox([widgets.HTML(f"<p style='margin:8px 0 2px 0'><b>{esc(f.label)}</b>. "
                                                   f"{esc(f.prompt)}</p>"), area, count]))
        heading = widgets.HTML(f"<h4 style='margin:6px 0 2px 0'>{esc(t('learning_plan.earlier'))}</h4>")
        own = widgets.HTML(f"<h4 style='margin:10px 0 2px 0'>{esc(t('learning_plan.own'))}</h4>")
        self.set_body(heading, self.earlier, self.refresh_button, own, *rows)

    def _load_earlier(self) -> None:
        try:
            answers = self.workbook.answers()
        except WorkbookError as exc:
            self.banner.show(str(exc), source="workbook")
            answers = {}
        answers.pop(self.exercise_id, None)
        self.prefilled = self.read_earlier(answers)
        self.model.take_over(self.prefilled)
        self.earlier.value = prefill_html(self.prefilled)

    def _on_refresh(self) -> None:
        self._load_earlier()
        self.save(self.model.to_dict())

    def _show_count(self, key: str) -> None:
        n = word_count(self.model.texts.get(key, ""))
        self.counts[key].value = f"<span style='color:#555'>{esc(t('reflection.count', n=n))}</span>"

    def _on_text(self, key: str, text) -> None:
        self.model.set_text(key, text)
        self._show_count(key)
        self.indicator.set("pending")
        self._debounce.request()

    def _save(self) -> None:
        self.save(self.model.to_dict())

    def flush(self) -> None:
        """Save now whatever is pending."""
        if self._debounce.pending:
            self._debounce.flush()


# -- the portfolio button ---------------------------------------------------------------

def portfolio_path(workbook: Workbook) -> Path:
    """``<workbook folder>/<participant>-portfolio.html``: next to the workbook."""
    return workbook.folder / f"{workbook.participant}-portfolio.html"


class PortfolioButton(widgets.VBox):
    """A button that writes the participant's portfolio next to their workbook
    and shows where it is, with a download link."""

    def __init__(self, workbook: Workbook):
        super().__init__()
        self.add_class("lst-exercise")
        self.workbook = workbook
        self.button = widgets.Button(description=t("portfolio.button"), icon="file-text", button_style="primary",
                                     tooltip=t("portfolio.button_tip"), layout=widgets.Layout(width="auto"))
        self.result = widgets.HTML()
        self.banner = ErrorBanner()
        self.path: Path | None = None
        self.button.on_click(self._on_click)
        self.children = (widgets.HTML(style_html() + f"<p>{esc(t('portfolio.explain'))}</p>"), self.button, self.result,
                         self.banner)

    def _on_click(self, _=None) -> None:
        from ...reports.portfolio import ExportError, write_portfolio

        try:
            flush_pending()  # text typed in the last second counts too
            out = portfolio_path(self.workbook)
            write_portfolio(self.workbook.participant, self.workbook.folder, out)
        except (ExportError, OSError, WorkbookError, ValueError) as exc:
            self.banner.show(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - the participant must not see a traceback
            self.banner.show(t("ui.unexpected", error=f"{type(exc).__name__}: {exc}"))
            return
        self.banner.clear()
        self.path = out
        data = base64.b64encode(out.read_bytes()).decode("ascii")
        # A link styled as a button (class lst-download in the kit's CSS) that
        # downloads the file itself: no server path, which a participant on a
        # hub could not open anyway.
        self.result.value = (
            f"<p role='status' style='margin:6px 0 2px 0'>{esc(t('portfolio.written', name=out.name))}</p>"
            f"<p style='margin:2px 0'><a class='lst-download' role='button' download='{esc(out.name)}' "
            f"title='{esc(t('portfolio.download_tip', name=out.name))}' "
            f"href='data:text/html;base64,{data}'>&#x2B07;&#xFE0E; {esc(t('portfolio.download'))}</a></p>"
            f"<p style='margin:2px 0'><small>{esc(t('portfolio.print_hint'))}</small></p>"
        )
