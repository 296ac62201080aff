"""Where the course content (``data/``) is, and :func:`steady_content`."""


from __future__ import annotations

import contextlib
import functools
import os
from functools import lru_cache
from pathlib import Path

__all__ = ["data_dir", "packaged_data_dir", "pinned_language", "steady", "steady_content"]

_HERE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """``LST_DATA_DIR`` if set; else ``lst_kit/data`` inside an installed
    wheel; else ``data/`` at the top of a source checkout (inside
    :func:`steady_content`: the folder in force at its start)."""
    pinned = _STEADY["env"]
    return _data_dir((pinned[0] if pinned is not None else os.environ.get("LST_DATA_DIR")) or "")


@lru_cache(maxsize=32)
def _data_dir(env: str) -> Path:
    """:func:`data_dir` for one value of ``LST_DATA_DIR`` (asked thousands of
    times per class overview; remembered per value, so a changed variable
    takes effect at once)."""
    if env:
        return Path(env).expanduser()
    packaged = packaged_data_dir()
    if packaged.is_dir():
        return packaged
    return _HERE.parent / "data"


def packaged_data_dir() -> Path:
    """Where the content travels inside an installed wheel (``lst_kit/data``)."""
    return _HERE / "data"


# -- steady content ---------------------------------------------------------------------------

_STEADY: dict = {"depth": 0, "memo": {}, "env": None}


@contextlib.contextmanager
def steady_content():
    """Within this block the files in ``data/`` are taken as unchanging.

    Loaders decorated with :func:`steady` then remember each result by its
    arguments without checking the file again, and the data folder and the
    language are those in force when the block began. A class overview asks for the same spec and case thousands of
    times within a second; outside the block every call still checks the
    file, so a teacher's edit takes effect at once. The memory is dropped
    when the outermost block ends.
    """
    if not _STEADY["depth"]:
        # lst_kit.i18n.language() answers from the pinned LST_LANG meanwhile
        _STEADY["env"] = (os.environ.get("LST_DATA_DIR"), os.environ.get("LST_LANG", "nl"))
    _STEADY["depth"] += 1
    try:
        yield
    finally:
        _STEADY["depth"] -= 1
        if not _STEADY["depth"]:
            _STEADY["memo"].clear()
            _STEADY["env"] = None


def pinned_language() -> str | None:
    """Inside :func:`steady_content`: the ``LST_LANG`` at its start; else None."""
    pinned = _STEADY["env"]
    return pinned[1] if pinned is not None else None


def steady(fn):
    """Decorator for a content loader: inside :func:`steady_content`, one
    call per argument tuple (exceptions are not remembered)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if not _STEADY["depth"]:
            return fn(*args, **kwargs)
        key = (fn.__module__, fn.__qualname__, args, tuple(sorted(kwargs.items())))
        memo = _STEADY["memo"]
        if key not in memo:
            memo[key] = fn(*args, **kwargs)
        result = memo[key]
        return list(result) if isinstance(result, list) else result  # a caller may change its list

    return wrapper
