"""The kit in the browser: JupyterLite with the Pyodide kernel (``make lite``).

There, Python runs in a web worker of the participant's browser tab:

- ``sys.platform == "emscripten"``; one process per tab, no threads;
- the home folder is in memory and vanishes on reload; ``/drive`` is the
  JupyterLite file browser's storage (the browser's IndexedDB), which keeps
  files across reloads and browser restarts;
- the operating-system user is always ``web_user``, so the participant
  chooses a name once; it is kept in :data:`NAME_FILE` in the workbook folder;
- ``atexit`` never runs when a tab closes, so answers are saved at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["DRIVE", "NAME_FILE", "default_folder", "in_browser"]

#: The persistent mount point of the Pyodide kernel (JupyterLite's DriveFS).
DRIVE = Path("/drive")
#: The participant's chosen name, next to their workbook (browser only).
NAME_FILE = "deelnemer.txt"


def in_browser() -> bool:
    """True inside Pyodide (JupyterLite), where the rules above hold."""
    return sys.platform == "emscripten"


def default_folder() -> Path:
    """The workbook folder in the browser: under /drive, so it persists."""
    return DRIVE / "LST-werkboek"
