"""Where the course content (``data/``) is."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """``LST_DATA_DIR`` if set; else ``lst_kit/data`` inside an installed
    wheel; else ``data/`` at the top of a source checkout."""
    return _data_dir(os.environ.get("LST_DATA_DIR") or "")


@lru_cache(maxsize=32)
def _data_dir(env: str) -> Path:
    """:func:`data_dir` for one value of ``LST_DATA_DIR`` (asked thousands of
    times per class overview; remembered per value, so a changed variable
    takes effect at once)."""
    if env:
        return Path(env).expanduser()
    packaged = _HERE / "data"
    if packaged.is_dir():
        return packaged
    return _HERE.parent / "data"
