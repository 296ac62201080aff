"""The teacher's widget around :mod:`lst_kit.reports.class_overview` (kept apart so the
``lst-kit collect`` command never imports ipywidgets).

The overview is a tree of small widgets, one per exercise, built once and
updated in place: a refresh sets the values that changed (ipywidgets sends
only those), so a live overview neither flickers nor loses the teacher's
place. With ``live=True`` the kernel's event loop refreshes it every few
seconds; :meth:`ClassOverviewView.refresh` does the same by hand (and in
tests). A projector mode shows one exercise, large, for a beamer.
"""

from __future__ import annotations

import base64
import time
from pathlib import Path

import ipywidgets as widgets

from .class_overview import ClassOverview, ClassState, CollectError, ExercisePicture, make_demo_class, \
    render_overview
from ..content import ContentError
from ..i18n import number, t
from ..widgets import ErrorBanner, esc, kernel_loop

__all__ = ["ClassOverviewView"]

DEMO_PARTICIPANTS = 20
DEMO_SEED = 1
MAX_LINES = 12  # lines shown per exercise before "show more"; the projector shows them all
_HIDDEN = "none"


def _lines_html(lines: list[str], large: bool) -> str:
    size = "1.6em" if large else "1em"
    items = "".join(f"<li style='white-space:pre-wrap;overflow-wrap:anywhere;margin:.2em 0'>{esc(x)}</li>"
                    for x in (lines if large else lines[:MAX_LINES]))
    html = f"<ul style='font-size:{size};line-height:1.4;padding-left:1.2em;margin:.3em 0'>{items}</ul>"
    if not large and len(lines) > MAX_LINES:
        more = "".join(f"<li style='white-space:pre-wrap;overflow-wrap:anywhere'>{esc(x)}</li>"
                       for x in lines[MAX_LINES:])
        html += (f"<details><summary style='cursor:pointer'>{esc(t('classroom.more', n=len(lines) - MAX_LINES))}"
                 f"</summary><ul style='padding-left:1.2em'>{more}</ul></details>")
    return html


def _image_html(picture: ExercisePicture, large: bool) -> str:
    if not picture.image:
        return ""
    kind = "image/svg+xml" if picture.image.lstrip()[:5] in (b"<?xml", b"<svg ") else "image/png"
    data = base64.b64encode(picture.image).decode("ascii")
    style = "width:100%;max-height:75vh;object-fit:contain" if large else "max-width:100%;height:auto"
    return f"<figure style='margin:.4em 0'><img src='data:{kind};base64,{data}' alt='{esc(picture.alt)}' " \
           f"style='{style}'></figure>"


class _Entry(widgets.VBox):
    """One exercise: heading with the count, picture, lines. Redrawn only
    when its picture changed; the count is a separate small value."""

    def __init__(self, large: bool = False):
        super().__init__()
        self.large = large
        self.head = widgets.HTML()
        self.image = widgets.HTML()
        self.lines = widgets.HTML()
        self.picture: ExercisePicture | None = None
        self.children = (self.head, self.image, self.lines)

    def show(self, picture: ExercisePicture, total: int) -> None:
        size = ("2em", "1.4em") if self.large else ("1.15em", "1em")
        problem = f"<p style='color:#4a4a4a'>{esc(picture.problem)}</p>" if picture.problem else ""
        self.head.value = (f"<h3 id='{esc(picture.exercise_id)}' style='font-size:{size[0]};margin:.8em 0 .2em'>"
                           f"{esc(picture.title)}</h3><p style='font-size:{size[1]};color:#333;margin:0'>"
                           f"{esc(t('classroom.answered', n=picture.n, total=total))}</p>{problem}")
        if picture is not self.picture:  # the state gives the same object for a picture not drawn again
            self.picture = picture
            self.image.value = _image_html(picture, self.large)
            self.lines.value = _lines_html(picture.lines, self.large)


class ClassOverviewView(widgets.VBox):
    """Folder, names or pseudonyms, live refresh, projector; the overview
    below as one widget per exercise, and an HTML file to download."""

    def __init__(self, folder: Path, names: bool = False, live: bool = False, refresh: float = 5.0):
        super().__init__()
        self.add_class("lst-exercise")
        self.interval = max(0.5, float(refresh))
        self.state = ClassState(folder)
        self.overview: ClassOverview | None = None
        self.folder = widgets.Text(value=str(folder), description=t("classroom.folder"),
                                   style={"description_width": "initial"}, layout=widgets.Layout(width="80%"),
                                   continuous_update=False)  # a new folder is read on Enter, not per key
        self.names = widgets.Checkbox(value=names, description=t("classroom.show_names"), indent=False)
        self.live = widgets.Checkbox(value=live, indent=False,
                                     description=t("classroom.live", seconds=number(self.interval, 1, strip=True)))
        self.button = widgets.Button(description=t("classroom.make"), icon="refresh", button_style="primary",
                                     layout=widgets.Layout(width="auto"))
        self.demo = widgets.Button(description=t("classroom.demo"), icon="flask", tooltip=t("classroom.demo_tip"),
                                   layout=widgets.Layout(width="auto"))
        self.export = widgets.Button(description=t("classroom.export"), icon="download",
                                     tooltip=t("classroom.export_tip"), layout=widgets.Layout(width="auto"))
        self.focus = widgets.Dropdown(options=[(t("classroom.all_exercises"), "")], value="",
                                      description=t("classroom.projector"), style={"description_width": "initial"},
                                      layout=widgets.Layout(width="auto", max_width="100%"))
        self.banner = ErrorBanner()
        self.status = widgets.HTML()
        self.download = widgets.HTML()
        self.counts = widgets.HTML()
        self.body = widgets.VBox()
        self._empty = widgets.HTML(f"<p style='color:#4a4a4a'>{esc(t('classroom.nothing'))}</p>")
        self.projector = _Entry(large=True)
        self.projector.layout.display = _HIDDEN
        self.setup = widgets.VBox([
            widgets.HTML(f"<p>{esc(t('classroom.explain'))}</p>"), self.folder,
            widgets.HBox([self.button, self.demo, self.export]),
        ])
        self._entries: dict[str, _Entry] = {}
        self._headings: dict[str, widgets.HTML] = {}
        self._handle = None
        self._closed = False
        self.button.on_click(lambda _: self.refresh())
        self.demo.on_click(lambda _: self.try_demo())
        self.export.on_click(lambda _: self.make_download())
        self.names.observe(lambda _: self.refresh(), "value")
        self.folder.observe(self._new_folder, "value")
        self.focus.observe(lambda _: self._show_mode(), "value")
        self.live.observe(lambda _: self._schedule(), "value")
        self.children = (
            self.setup, widgets.HBox([self.names, self.live]), self.focus, self.banner, self.status, self.download,
            self.counts, self.body, self.projector,
        )
        self.refresh()
        self._schedule()

    # -- refreshing ---------------------------------------------------------------------------

    def _new_folder(self, _change=None) -> None:
        self.state = ClassState(Path(self.folder.value).expanduser())
        self.download.value = ""
        self.refresh()

    def refresh(self) -> None:
        """Read what changed in the class folder and update the widgets in place."""
        try:
            overview = self.state.overview(self.names.value, workers=1)
        except CollectError as exc:
            self.banner.show(str(exc))
            self.overview = None
            self.status.value = self.counts.value = ""
            self.body.children = ()
            self._update_focus([])
            return
        except Exception as exc:  # noqa: BLE001 - the teacher must not see a traceback
            self.banner.show(t("ui.unexpected", error=f"{type(exc).__name__}: {exc}"))
            return
        self.banner.clear()
        self.overview = overview
        total = overview.participants
        status = t("classroom.status", n=total, skipped=len(overview.skipped))
        if self.live.value:
            status += " " + t("classroom.updated", time=time.strftime("%H:%M:%S"))
        self.status.value = f"<p role='status' style='margin:.3em 0'>{esc(status)}</p>"
        self.counts.value = self._counts_html(overview)
        children: list[widgets.Widget] = []
        pictures: list[ExercisePicture] = []
        for key, title, group in overview.modules:
            heading = self._headings.get(key)
            if heading is None:
                heading = self._headings[key] = widgets.HTML()
            heading.value = f"<h2 style='font-size:1.35em;border-bottom:2px solid #0072B2;margin-top:1em'>" \
                            f"{esc(title)}</h2>"
            children.append(heading)
            for picture in group:
                entry = self._entries.get(picture.exercise_id)
                if entry is None:
                    entry = self._entries[picture.exercise_id] = _Entry()
                entry.show(picture, total)
                children.append(entry)
                pictures.append(picture)
        if tuple(children or [self._empty]) != self.body.children:  # only when an exercise came or went
            self.body.children = tuple(children or [self._empty])
        self._update_focus(pictures)
        focused = next((p for p in pictures if p.exercise_id == self.focus.value), None)
        if focused is not None:
            self.projector.show(focused, total)

    @staticmethod
    def _counts_html(overview: ClassOverview) -> str:
        """Per exercise how many have answered: a small table with a bar."""
        rows = []
        total = overview.participants
        for _, _, group in overview.modules:
            for p in group:
                share = 100 * p.n / total if total else 0
                rows.append(
                    f"<tr><td style='padding:.1em .6em .1em 0'>{esc(p.title)}</td>"
                    f"<td style='padding:.1em .6em;text-align:right;white-space:nowrap'>"
                    f"{esc(t('classroom.count', n=p.n, total=total))}</td>"
                    f"<td style='width:40%'><div style='background:#0072B2;height:.8em;width:{share:.0f}%'></div></td></tr>")
        if not rows:
            return ""
        return (f"<table style='border-collapse:collapse;margin:.4em 0;width:100%'>"
                f"<caption style='text-align:left;font-weight:600'>{esc(t('classroom.counts_title'))}</caption>"
                f"<tbody>{''.join(rows)}</tbody></table>")

    # -- projector ----------------------------------------------------------------------------

    def _update_focus(self, pictures: list[ExercisePicture]) -> None:
        options = [(t("classroom.all_exercises"), "")] + [(p.title, p.exercise_id) for p in pictures]
        if tuple(options) == tuple(self.focus.options):
            return
        chosen = self.focus.value
        with self.focus.hold_trait_notifications():
            self.focus.options = options
            self.focus.value = chosen if any(v == chosen for _, v in options) else ""

    def _show_mode(self) -> None:
        projecting = bool(self.focus.value)
        for part in (self.setup, self.status, self.download, self.counts, self.body):
            part.layout.display = _HIDDEN if projecting else None
        self.projector.layout.display = None if projecting else _HIDDEN
        if projecting and self.overview is not None:
            picture = next((p for _, _, group in self.overview.modules for p in group
                            if p.exercise_id == self.focus.value), None)
            if picture is not None:
                self.projector.show(picture, self.overview.participants)

    # -- live ---------------------------------------------------------------------------------

    def _schedule(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        loop = kernel_loop()
        if loop is None or self._closed or not self.live.value:
            return  # outside a kernel nothing refreshes by itself: call refresh()
        self._handle = loop.call_later(self.interval, self._tick)

    def _tick(self) -> None:
        self._handle = None
        if self._closed:
            return
        try:
            self.refresh()
        finally:
            self._schedule()

    def close(self) -> None:
        """Stop refreshing and close the widgets."""
        self._closed = True
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        for child in (*self._entries.values(), *self._headings.values(), self._empty, self.projector):
            child.close()
        super().close()

    # -- buttons ------------------------------------------------------------------------------

    def make_download(self) -> None:
        """The overview as it is now, as one HTML file behind a download link."""
        if self.overview is None:
            return
        data = base64.b64encode(render_overview(self.overview).encode("utf-8")).decode("ascii")
        label = t("classroom.download_at", time=time.strftime("%H:%M"))
        self.download.value = (f"<p><a download='klasoverzicht.html' href='data:text/html;base64,{data}'>"
                               f"{esc(label)}</a></p>")

    def try_demo(self) -> None:
        """Write a small demo class to a temporary folder and show its overview."""
        import tempfile

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
