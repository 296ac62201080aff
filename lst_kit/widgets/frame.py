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

from ..content import ContentError, opening_case
from ..errors import InputError
from ..i18n import t
from ..workbook import Workbook, WorkbookError, open_workbook
from .field import INVALID_CLASS, FieldMessage
from .parts import ErrorBanner, SavedIndicator, esc
from .style import style_html

__all__ = ["CaseFrame", "ExerciseFrame", "build_view"]

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
        #: id(control) -> (control, its FieldMessage): where a refusal is shown
        self._fields: dict[int, tuple[Any, FieldMessage]] = {}

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
    def refused_puts_back(self, widget, previous: Callable[[], Any] | None = None):
        """Around a model edit made from ``widget``: when the model refuses it
        (InputError), the widget shows ``previous()`` again, quietly (unless
        ``previous`` is None), and the error goes on to :meth:`guard`, which
        shows it next to ``widget`` when the view gave it a
        :meth:`field_message` (else in the banner); model and workbook stay
        as they were."""
        try:
            yield
        except InputError as exc:
            if previous is not None:
                self.set_quietly(widget, previous())
            if getattr(exc, "widget", None) is None:
                exc.widget = widget
            raise

    def field_message(self, *controls, message: FieldMessage | None = None) -> FieldMessage:
        """The message shown next to ``controls`` when an input made in one
        of them is refused (place the returned widget beside them). Several
        controls may share one message (``message=``)."""
        message = message if message is not None else FieldMessage()
        for control in controls:
            self._fields[id(control)] = (control, message)
        return message

    def forget_fields(self, *controls) -> None:
        """Controls that left the view (a removed row)."""
        for control in controls:
            self._fields.pop(id(control), None)

    def _show_refusal(self, exc: InputError) -> bool:
        """Show ``exc`` next to the control that refused it; False when that
        control has no field message."""
        control = getattr(exc, "widget", None)
        found = self._fields.get(id(control)) if control is not None else None
        if found is None:
            return False
        self._clear_refusals()
        control.add_class(INVALID_CLASS)
        found[1].show(str(exc))
        return True

    def _clear_refusals(self) -> None:
        for control, message in self._fields.values():
            if INVALID_CLASS in control._dom_classes:
                control.remove_class(INVALID_CLASS)
            if message.message:
                message.clear()

    @property
    def refusal(self) -> str:
        """The refusal shown next to a control now ("" when none)."""
        return next((m.message for _, m in self._fields.values() if m.message), "")

    def note_unavailable_cases(self, problems) -> None:
        """Name, in one line, each case file that did not load (ContentErrors):
        the exercise goes on with the other cases."""
        if problems:
            files = ", ".join(sorted({p.file for p in problems}))
            self.banner.show(t("cases.unavailable", n=len(problems), files=files), kind="info", source="content")

    def opening_case(self, cases: dict, default: str) -> str:
        """The case a case-taking view opens on: the one this participant
        worked on last (``case`` of the saved answer), else the spec's
        ``default``, else the first case that loads."""
        saved = self.saved(default={})
        return opening_case(cases, default, saved.get("case") if isinstance(saved, dict) else None)

    def set_body(self, *children) -> None:
        self.body.children = tuple(children)

    # -- handlers -------------------------------------------------------
    def guard(self, fn: Callable) -> Callable:
        """Wrap a handler: Dutch messages next to the refusing control (or in
        the banner), never a traceback."""

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            quiet = self._syncing
            try:
                result = fn(*args, **kwargs)
            except InputError as exc:
                if self._show_refusal(exc):
                    self.banner.clear_from("input")
                else:
                    self._clear_refusals()
                    self.banner.show(str(exc))
                return None
            except Exception as exc:  # noqa: BLE001 - the participant must not see a traceback
                log.exception("lst-kit: fout in %s", self.exercise_id)
                self.banner.show(t("ui.unexpected", error=f"{type(exc).__name__}: {exc}"))
                return None
            if not quiet:  # a value put back by the view itself clears nothing
                self.banner.clear_from("input")
                self._clear_refusals()
            return result

        return wrapper


class CaseFrame(ExerciseFrame):
    """Base of a view played on one of the shared cases (``takes_case``):
    the frame for ``spec`` (its ``exercise_id``, ``title``, ``intro`` and
    ``default_case``) on ``cases`` (id -> Case, the files that loaded).

    ``broken`` are the problems of the case files that did not load: named
    in one line, the exercise goes on with the others (with no case at all,
    the first problem is raised, and :func:`build_view` shows it). Sets
    ``spec``, ``cases`` and ``_saved`` (the saved answer, a dict);
    :attr:`first_case` is the case to open on."""

    def __init__(self, spec: Any, cases: dict, workbook: Workbook | None = None, broken=()):
        if not cases:
            raise broken[0] if broken else ContentError("data/cases", "", t("content.allowed_existing_file"), "")
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.note_unavailable_cases(broken)
        self.spec = spec
        self.cases = cases
        self._saved = self.saved(default={}) or {}
        if not isinstance(self._saved, dict):
            self._saved = {}

    @property
    def first_case(self) -> str:
        """The case to open on (:meth:`opening_case`); views whose model
        picks its own opening case never ask."""
        return self.opening_case(self.cases, self.spec.default_case)


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
