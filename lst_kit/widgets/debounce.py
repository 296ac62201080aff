"""The debounced save of text fields: at most one save per second while a
participant types, and every pending save made before the portfolio is
written and when the process ends."""

from __future__ import annotations

import asyncio
import atexit
import logging
import weakref
from typing import Callable

from .. import web

__all__ = ["Debouncer", "flush_pending", "kernel_loop"]

log = logging.getLogger("lst_kit")

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


def kernel_loop():
    """The running kernel's event loop, or None outside a kernel: where a
    delayed or repeated call (a debounced save, the live class overview's
    refresh) can be scheduled."""
    return _kernel_loop()


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
