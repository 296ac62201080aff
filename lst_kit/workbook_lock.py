"""The lock around each workbook save: filelock's lock file between the
kernels of one participant (desktop, hub); an in-process lock in the browser
(JupyterLite), where each tab is one process."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from . import web

__all__ = ["FileLock", "ProcessLock", "Release", "workbook_lock"]


class FileLock:
    """Between processes: filelock's lock file (several kernels of one
    participant on a desktop or a hub)."""

    def __init__(self, path: Path):
        import filelock

        self._lock = filelock.FileLock(str(path))

    def acquire(self, timeout: float) -> bool:
        from filelock import Timeout

        try:
            self._lock.acquire(timeout=timeout)
        except Timeout:
            return False
        return True

    def release(self) -> None:
        self._lock.release()


#: In-process locks by workbook, shared by every Workbook object of the same file.
_PROCESS_LOCKS: dict[str, threading.RLock] = {}
_PROCESS_LOCKS_GUARD = threading.Lock()


class ProcessLock:
    """Within one process: the browser, where each tab is one process (the
    Pyodide kernel) and no other process can write its storage meanwhile.
    filelock's soft lock there deletes its own file while holding it, so
    every save after the first waited 15 s and failed. No file is involved
    here, so a lock file left by a closed tab can never block a save."""

    def __init__(self, path: Path):
        key = os.path.abspath(path)
        with _PROCESS_LOCKS_GUARD:
            self._lock = _PROCESS_LOCKS.setdefault(key, threading.RLock())

    def acquire(self, timeout: float) -> bool:
        return self._lock.acquire(timeout=timeout)

    def release(self) -> None:
        self._lock.release()


def workbook_lock(path: Path):
    """The lock that keeps one workbook's saves apart: a lock file between
    processes on a desktop or hub, an in-process lock in the browser."""
    return ProcessLock(path) if web.in_browser() else FileLock(path)


class Release:
    """Releases a held lock at the end of a ``with`` block."""

    def __init__(self, lock):
        self._lock = lock

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._lock.release()
