"""Shared widget parts: the exercise frame, error banner, saved indicator,
figure box and the debounced save used by text fields.

Every view is an :class:`ExerciseFrame`: a VBox with a title, the exercise's
own controls, an error banner and a saved indicator. Handlers run through
:meth:`ExerciseFrame.guard`, so a participant sees a Dutch message inside the
widget and never a traceback.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import functools
import html
import logging
import weakref
from typing import Any, Callable

import ipywidgets as widgets

from .content import ContentError
from .errors import InputError
from .i18n import t
from . import web
from .plotting import data_uri
from .workbook import Workbook, WorkbookError, open_workbook

__all__ = [
    "Debouncer",
    "ErrorBanner",
    "ExerciseFrame",
    "FigureBox",
    "SavedIndicator",
    "build_view",
    "labelled_layout",
]

log = logging.getLogger("lst_kit")


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def labelled_layout() -> dict:
    """Keyword arguments that give a control a readable description column."""
    return {"style": {"description_width": "initial"}, "layout": widgets.Layout(width="auto")}


class ErrorBanner(widgets.HTML):
    """A Dutch message shown inside the widget (hidden while empty)."""

    def __init__(self, **kwargs):
        super().__init__(value="", **kwargs)
        self.message = ""
        self.kind = ""
        self.source = ""
        self.layout.display = "none"
        self.add_class("lst-banner")

    def show(self, message: str, kind: str = "error", source: str = "input") -> None:
        """Show a message; ``source`` ("input", "save", "workbook") says what
        may clear it again."""
        self.message = message
        self.kind = kind
        self.source = source
        colours = {"error": ("#fdecea", "#8a1c1c"), "info": ("#e8f1fb", "#0b3d6e")}
        bg, fg = colours.get(kind, colours["error"])
        role = "alert" if kind == "error" else "status"
        self.value = (
            f'<div role="{role}" style="background:{bg};color:{fg};padding:6px 10px;'
            f'border-radius:4px;white-space:pre-wrap">{esc(message)}</div>'
        )
        self.layout.display = None

    def clear(self) -> None:
        self.message = ""
        self.kind = ""
        self.source = ""
        self.value = ""
        self.layout.display = "none"

    def clear_from(self, source: str) -> None:
        if self.source == source:
            self.clear()


class SavedIndicator(widgets.HTML):
    """Tells the participant whether their answer is in the workbook."""

    STATES = ("empty", "loaded", "pending", "saved", "failed")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("lst-saved")
        self.set("empty")

    def set(self, state: str) -> None:
        if state not in self.STATES:
            raise ValueError(state)
        self.state = state
        colour = {"failed": "#8a1c1c", "saved": "#0b5d3b", "pending": "#6b5200"}.get(state, "#555555")
        self.value = f'<span role="status" aria-live="polite" style="color:{colour}">{esc(t("saved." + state))}</span>'


class FigureBox(widgets.HTML):
    """A matplotlib figure as an image with a text alternative.

    The PNG travels inside the widget's HTML, so it shows in JupyterLab and
    Voilà alike, and headless tests can read what was drawn.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.alt = ""
        self.draws = 0

    def show(self, fig, alt: str, caption: str = "", fmt: str = "png") -> None:
        """Show ``fig`` as PNG, or as SVG (``fmt="svg"``: faster for large
        drawings full of text, such as the system map)."""
        self.alt = alt
        uri = data_uri(fig, fmt)
        cap = f'<figcaption style="font-size:90%;color:#333">{esc(caption)}</figcaption>' if caption else ""
        self.value = (
            f'<figure style="margin:0"><img src="{uri}" alt="{esc(alt)}" '
            f'style="max-width:100%;height:auto">{cap}</figure>'
        )
        self.draws += 1


_PENDING: "weakref.WeakSet[Debouncer]" = weakref.WeakSet()


def _kernel_loop():
    """The event loop of the Jupyter kernel we run in, or None.

    Only inside a kernel is a delayed save certain to run (the kernel's loop
    keeps turning); elsewhere, even with some other library's loop running in
    this thread, saves are made at once."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return None
    shell = get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Debouncer:
    """Call ``fn`` at most once per ``delay`` seconds, always with the latest
    state, and never later than ``delay`` after the last request.

    Inside a running kernel the call is scheduled on the kernel's event loop;
    where no loop runs (plain Python, tests) it is made at once. Pending calls
    are made when the process exits.
    """

    def __init__(self, fn: Callable[[], None], delay: float = 1.0):
        self.fn = fn
        self.delay = delay
        self._handle = None

    @property
    def pending(self) -> bool:
        return self._handle is not None

    def request(self) -> None:
        loop = _kernel_loop()
        # In the browser (JupyterLite) nothing runs when a tab closes (no atexit, no
        # pagehide reaching the kernel in time): save every change at once. That
        # throttles itself: the widget frontend keeps one update in flight and merges
        # the keystrokes meanwhile, so a save (~80 ms in /drive, measured in Chromium)
        # never queues up and the last keystroke is stored within about two saves.
        if loop is None or self.delay <= 0 or web.in_browser():
            self.flush()
            return
        if self._handle is None:
            self._handle = loop.call_later(self.delay, self.flush)
            _PENDING.add(self)

    def flush(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        _PENDING.discard(self)
        self.fn()


def flush_pending() -> None:
    """Save every answer whose debounced save is still waiting (text typed in
    the last second), e.g. before the portfolio is written."""
    for debouncer in list(_PENDING):
        debouncer.flush()


@atexit.register
def _flush_at_exit() -> None:  # pragma: no cover - runs at interpreter exit
    for debouncer in list(_PENDING):
        try:
            debouncer.flush()
        except Exception:  # noqa: BLE001 - exit must not fail
            log.exception("lst-kit: opslaan bij afsluiten mislukt")


class ExerciseFrame(widgets.VBox):
    """Base of every exercise view: title, body, error banner, saved indicator.

    Subclasses build their controls, call :meth:`set_body`, and save with
    :meth:`save`. Handlers are wrapped with :meth:`guard`.
    """

    def __init__(self, exercise_id: str, title: str, workbook: Workbook | None = None, intro: str = ""):
        super().__init__()
        self.add_class("lst-exercise")
        self.exercise_id = exercise_id
        self.banner = ErrorBanner()
        self.indicator = SavedIndicator()
        self.workbook = workbook if workbook is not None else open_workbook()
        header = f"<h3 style='margin:4px 0'>{esc(title)}</h3>"
        if intro:
            header += f"<p style='margin:2px 0 6px 0'>{esc(intro)}</p>"
        self.header = widgets.HTML(header)
        self.body = widgets.VBox()
        self.children = (self.header, self.body, self.banner, self.indicator)
        #: True while the view itself sets widget values; handlers return early.
        self._syncing = False

    # -- workbook ------------------------------------------------------
    def saved(self, default: Any = None) -> Any:
        """The saved answer of this exercise; recovery notices are shown."""
        try:
            value = self.workbook.answer(self.exercise_id, default)
        except WorkbookError as exc:
            self.banner.show(str(exc), source="workbook")
            return default
        if self.workbook.notices:
            self.banner.show("\n".join(self.workbook.notices), kind="info", source="workbook")
        if value is not default:
            self.indicator.set("loaded")
        return value

    def save(self, value: Any) -> bool:
        """Save this exercise's answer; show the outcome. True when saved."""
        try:
            self.workbook.save_answer(self.exercise_id, value)
        except (WorkbookError, OSError, TypeError, ValueError) as exc:
            log.warning("lst-kit: opslaan mislukt: %s", exc)
            self.indicator.set("failed")
            self.banner.show(t("saved.error", error=str(exc)), source="save")
            return False
        self.indicator.set("saved")
        self.banner.clear_from("save")
        return True

    @contextlib.contextmanager
    def quietly(self):
        """Set widgets from code without their handlers acting on it
        (handlers check ``self._syncing``)."""
        previous, self._syncing = self._syncing, True
        try:
            yield
        finally:
            self._syncing = previous

    def set_quietly(self, widget, value) -> None:
        """Put a value back into a widget without triggering its handler."""
        with self.quietly():
            widget.value = value

    @contextlib.contextmanager
    def refused_puts_back(self, widget, previous: Callable[[], Any]):
        """Around a model edit made from ``widget``: when the model refuses it
        (InputError), the widget shows ``previous()`` again, quietly, and the
        error goes on to :meth:`guard`'s Dutch banner; model and workbook stay
        as they were."""
        try:
            yield
        except InputError:
            self.set_quietly(widget, previous())
            raise

    def set_body(self, *children) -> None:
        self.body.children = tuple(children)

    # -- handlers -------------------------------------------------------
    def guard(self, fn: Callable) -> Callable:
        """Wrap a handler: Dutch messages in the banner, never a traceback."""

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            try:
                result = fn(*args, **kwargs)
            except InputError as exc:
                self.banner.show(str(exc))
                return None
            except Exception as exc:  # noqa: BLE001 - the participant must not see a traceback
                log.exception("lst-kit: fout in %s", self.exercise_id)
                self.banner.show(t("ui.unexpected", error=f"{type(exc).__name__}: {exc}"))
                return None
            self.banner.clear_from("input")
            return result

        return wrapper


def build_view(factory: Callable[[], widgets.Widget]) -> widgets.Widget:
    """Build a view for a notebook cell; any problem becomes a Dutch banner.

    A broken content file (ContentError names file and field), a refused
    participant name or an unusable workbook folder shows as a message in
    the notebook instead of a traceback.
    """
    try:
        return factory()
    except (ContentError, InputError, WorkbookError, ValueError, OSError) as exc:
        banner = ErrorBanner()
        banner.show(str(exc))
        return banner
    except Exception as exc:  # noqa: BLE001
        log.exception("lst-kit: oefening kon niet worden gebouwd")
        banner = ErrorBanner()
        banner.show(t("ui.unexpected", error=f"{type(exc).__name__}: {exc}"))
        return banner


def workbook_status(participant: str | None = None, folder=None) -> widgets.Widget:
    """Where this participant's answers are kept, and how many there are.

    The first cell of every module notebook calls it, so a participant knows
    their work is saved (and a damaged workbook is found and recovered
    before the first exercise).
    """

    def build():
        wb = open_workbook(participant, folder)
        count = len(wb.answers())
        lines = [t("status.where", path=str(wb.path)), t("status.who", participant=wb.participant),
                 t("status.count", n=count), t("status.hint")]
        box = widgets.VBox([widgets.HTML(
            f"<div style='border-left:4px solid #0072B2;padding:2px 10px'><b>{esc(t('status.title'))}</b><br>"
            + "<br>".join(esc(line) for line in lines) + "</div>")])
        if wb.notices:
            banner = ErrorBanner()
            banner.show("\n".join(wb.notices), kind="info", source="workbook")
            box.children += (banner,)
        if web.in_browser():  # JupyterLite: choose a name, take the workbook along
            from .transfer import TransferPanel

            box.children += (TransferPanel(wb),)
        return box

    return build_view(build)
