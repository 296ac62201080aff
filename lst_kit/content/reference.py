"""Reference files an exercise type reads besides its spec (``data/reference/``:
the Tafel van Elf interventions, the intervention catalogue, triage rules).

The type's ``model.py`` has the pure parser (``Field -> object``); this module
reads the file, validates it through that parser and keeps the result until
the file changes, so a teacher's edit takes effect when the cell is run again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, TypeVar

from ..i18n import t
from ..paths import data_dir
from .fields import ContentError, Field, load_yaml, rel_path

__all__ = ["check_file", "load_reference", "reference_path"]

T = TypeVar("T")

_LOADED: dict[tuple, object] = {}


def reference_path(name: str) -> Path:
    """``t11_interventies.yaml`` -> ``data/reference/t11_interventies.yaml``."""
    return data_dir() / "reference" / name


def load_reference(path: Path | str, parse: Callable[[Field], T]) -> T:
    """The file at ``path`` (or ``data/reference/<path>`` for a bare name),
    parsed by ``parse``; a ContentError names file and field."""
    path = Path(path)
    if not path.is_absolute() and len(path.parts) == 1:
        path = reference_path(path.name)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ContentError(rel_path(path), "", t("content.allowed_existing_file"), t("content.missing")) from None
    key = (str(path), stat.st_mtime_ns, stat.st_size, parse)
    if key not in _LOADED:
        _LOADED[key] = parse(Field(load_yaml(path), rel_path(path)))
    return _LOADED[key]  # type: ignore[return-value]


def check_file(path: Path | str, parse: Callable[[Field], object]) -> list[str]:
    """The problems ``lst-kit check`` reports for one reference file."""
    try:
        load_reference(Path(path), parse)
    except (ContentError, ValueError) as exc:
        return [str(exc)]
    return []
