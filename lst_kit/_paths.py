"""Where the course content (``data/``) is."""

from __future__ import annotations

import os
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """``LST_DATA_DIR`` if set; else ``lst_kit/data`` inside an installed
    wheel; else ``data/`` at the top of a source checkout."""
    env = os.environ.get("LST_DATA_DIR")
    if env:
        return Path(env).expanduser()
    packaged = _HERE / "data"
    if packaged.is_dir():
        return packaged
    return _HERE.parent / "data"
