"""The teacher's widget around :mod:`lst_kit.reports.class_overview` (kept apart so the
``lst-kit collect`` command never imports ipywidgets)."""

from __future__ import annotations

import base64
import html as html_lib
import tempfile
from pathlib import Path

import ipywidgets as widgets

from .class_overview import ClassOverview, CollectError, collect, make_demo_class, render_overview
from ..content import ContentError
from ..i18n import t
from ..widgets import ErrorBanner, esc

DEMO_PARTICIPANTS = 20
DEMO_SEED = 1


class ClassOverviewView(widgets.VBox):
    """Folder, names or pseudonyms, a button; the overview shows in an
    isolated frame (its page style cannot leak into JupyterLab) with a
    download link."""

    def __init__(self, folder: Path, names: bool = False):
        super().__init__()
        self.add_class("lst-exercise")
        self.folder = widgets.Text(value=str(folder), description=t("classroom.folder"),
                                   style={"description_width": "initial"}, layout=widgets.Layout(width="80%"))
        self.names = widgets.Checkbox(value=names, description=t("classroom.show_names"), indent=False)
        self.button = widgets.Button(description=t("classroom.make"), icon="users", button_style="primary")
        self.demo = widgets.Button(description=t("classroom.demo"), icon="flask", tooltip=t("classroom.demo_tip"))
        self.banner = ErrorBanner()
        self.status = widgets.HTML()
        self.page = widgets.HTML()
        self.overview: ClassOverview | None = None
        self.button.on_click(lambda _: self.refresh())
        self.demo.on_click(lambda _: self.try_demo())
        self.children = (
            widgets.HTML(f"<p>{esc(t('classroom.explain'))}</p>"), self.folder, self.names,
            widgets.HBox([self.button, self.demo]), self.banner, self.status, self.page,
        )
        self.refresh()

    def refresh(self) -> None:
        try:
            self.overview = collect(Path(self.folder.value).expanduser(), self.names.value, workers=1)
            page = render_overview(self.overview)
        except CollectError as exc:
            self.banner.show(str(exc))
            self.overview = None
            self.page.value = ""
            self.status.value = ""
            return
        except Exception as exc:  # noqa: BLE001 - the teacher must not see a traceback
            self.banner.show(t("ui.unexpected", error=f"{type(exc).__name__}: {exc}"))
            return
        self.banner.clear()
        data = base64.b64encode(page.encode("utf-8")).decode("ascii")
        status = t("classroom.status", n=self.overview.participants, skipped=len(self.overview.skipped))
        self.status.value = (f"<p role='status'>{esc(status)} <a download='klasoverzicht.html' "
                             f"href='data:text/html;base64,{data}'>{esc(t('classroom.download'))}</a></p>")
        self.page.value = (f"<iframe title='{esc(t('classroom.title'))}' srcdoc=\"{html_lib.escape(page, quote=True)}\" "
                           f"style='width:100%;height:900px;border:1px solid #ccc'></iframe>")

    def try_demo(self) -> None:
        """Write a small demo class to a temporary folder and show its overview."""
        target = Path(tempfile.mkdtemp(prefix="lst-demoklas-"))
        try:
            make_demo_class(target, DEMO_PARTICIPANTS, DEMO_SEED)
        except ContentError as exc:  # a teacher's demo file (data/demo/) says which file and field
            self.banner.show(str(exc))
            return
        except Exception as exc:  # noqa: BLE001
            self.banner.show(t("ui.unexpected", error=f"{type(exc).__name__}: {exc}"))
            return
        self.folder.value = str(target)
        self.refresh()
