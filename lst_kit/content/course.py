"""The modules of the course (``data/reference/modules.yaml``): their titles,
their order, and the order of the exercises inside each, for the portfolio
and the class overview."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..i18n import t
from ..paths import data_dir
from .fields import Field, load_yaml, rel_path

__all__ = ["CourseModule", "group_by_module", "load_modules", "module_key", "modules_path"]

_MODULE_KEY = re.compile(r"^(m\d+)\.")


def module_key(exercise_id: str) -> str:
    """``m3.risicomatrix`` -> ``m3``; anything else -> ``""``."""
    match = _MODULE_KEY.match(exercise_id or "")
    return match.group(1) if match else ""


#: ``lst_kit.<function>("<exercise id>")`` in a notebook code cell.
CALL = re.compile(r"lst_kit\.([a-z_]+)\(\s*[\"']([^\"']+)[\"']")


@dataclass(frozen=True)
class CourseModule:
    key: str
    title: str
    notebook: str | None = None


def modules_path() -> Path:
    return data_dir() / "reference" / "modules.yaml"


def load_modules(path: Path | None = None) -> tuple[CourseModule, ...]:
    """The course modules in order; raises ContentError naming file and field."""
    path = Path(path) if path is not None else modules_path()
    root = Field(load_yaml(path), rel_path(path))
    modules = []
    for n in root.items("modules", 1, 30):
        key = n.key("key")
        if not re.match(r"^m\d+$", key):
            raise n.fail("key", t("course.allowed_module_key"), key)
        notebook = n.text("notebook", default="", empty_ok=True) or None
        if notebook is not None and not re.match(r"^[A-Za-z0-9_\-]+\.ipynb$", notebook):
            raise n.fail("notebook", t("course.allowed_notebook"), notebook)
        modules.append(CourseModule(key, n.text("title"), notebook))
    root.unique("modules", [m.key for m in modules])
    return tuple(modules)


def _safe_modules() -> tuple[CourseModule, ...]:
    try:
        return load_modules()
    except Exception:  # noqa: BLE001 - a broken file must not stop an export; `lst-kit check` reports it
        return ()


@lru_cache(maxsize=64)
def _notebook_order(path: str, mtime: int) -> tuple[str, ...]:
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    seen: list[str] = []
    for cell in nb.get("cells", []) if isinstance(nb, dict) else []:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else str(source)
            for _, exercise_id in CALL.findall(source):
                if exercise_id not in seen:
                    seen.append(exercise_id)
    return tuple(seen)


def module_notebook_path(module: CourseModule) -> Path | None:
    """The module's notebook: ``notebook`` from modules.yaml, else the one
    numbered like the module (``m4`` -> ``notebooks/04_*.ipynb``), else None."""
    folder = data_dir().parent / "notebooks"
    if module.notebook:
        return folder / module.notebook
    found = sorted(folder.glob(f"{int(module.key[1:]):02d}_*.ipynb"))
    return found[0] if found else None


def exercise_order(module: CourseModule) -> tuple[str, ...]:
    """Exercise ids in the order of the module's notebook (empty when there is none)."""
    path = module_notebook_path(module)
    if path is None:
        return ()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        return ()
    return _notebook_order(str(path), mtime)


def group_by_module(exercise_ids) -> list[tuple[str, str, list[str]]]:
    """``[(module key, module title, [exercise ids in course order]), ...]``:
    known modules first in course order, then any other prefix, then ids
    without a module under "Overige oefeningen"."""
    modules = {m.key: m for m in _safe_modules()}
    order = list(modules)
    groups: dict[str, list[str]] = {}
    for exercise_id in exercise_ids:
        groups.setdefault(module_key(exercise_id), []).append(exercise_id)

    def rank(key: str):
        if key in modules:
            return (0, order.index(key), key)
        if key:
            return (1, int(key[1:]), key)
        return (2, 0, key)

    out = []
    for key in sorted(groups, key=rank):
        ids = groups[key]
        position = {e: i for i, e in enumerate(exercise_order(modules[key]))} if key in modules else {}
        ids = sorted(ids, key=lambda e: (position.get(e, len(position)), e))
        if key in modules:
            title = modules[key].title
        elif key:
            title = t("course.module_fallback", n=key[1:])
        else:
            title = t("course.other")
        out.append((key, title, ids))
    return out
