"""The frame of every exercise view: title, body, error banner and saved
indicator, with :meth:`ExerciseFrame.guard` so a participant sees a Dutch
message inside the widget and never a traceback; and :func:`build_view`,
which turns any problem building a view into such a message."""

from __future__ import annotations

import contextlib
import functools
import logging
from typing import Any, Callable

import ipywidgets as widgets

from ..content import ContentError
from ..errors import InputError
from ..i18n import t
from ..workbook import Workbook, WorkbookError, open_workbook
from .parts import ErrorBanner, SavedIndicator, esc
from .style import style_html

__all__ = ["ExerciseFrame", "build_view"]

log = logging.getLogger("lst_kit")


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
        # the kit's CSS travels with every exercise: wrapping rows, visible focus
        header = style_html() + f"<h3 style='margin:4px 0'>{esc(title)}</h3>"
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

    def note_unavailable_cases(self, problems) -> None:
        """Name, in one line, each case file that did not load (ContentErrors):
        the exercise goes on with the other cases."""
        if problems:
            files = ", ".join(sorted({p.file for p in problems}))
            self.banner.show(t("cases.unavailable", n=len(problems), files=files), kind="info", source="content")

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
