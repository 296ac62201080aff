"""Exercise specs: ``data/exercises/<module>/<name>.yaml``, one per exercise,
validated by the exercise type named in its ``type:``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..i18n import language, t
from ..paths import data_dir, steady
from ..registry import EXERCISE_TYPES, exercise_type
from .cases import YAML_SUFFIXES, yaml_file
from .fields import KEY, ContentError, Field, load_yaml, rel_path

__all__ = ["NAME", "exercise_ids", "load_spec", "spec_path"]


# -- exercise specs ------------------------------------------------------------

NAME = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")

def spec_path(exercise_id: str) -> Path:
    """``m1.tijdlijn`` -> ``data/exercises/m1/tijdlijn.yaml``."""
    module, _, name = exercise_id.partition(".")
    if not name or not KEY.match(module) or not NAME.match(name):
        raise ValueError(t("content.exercise_id_invalid", given=repr(exercise_id)))
    return yaml_file(data_dir() / "exercises" / module / name)


@steady
def exercise_ids() -> list[str]:
    """Every exercise id that has a spec file, sorted."""
    root = data_dir() / "exercises"
    return sorted({f"{p.parent.name}.{p.stem}" for p in root.glob("*/*")
                   if p.suffix in YAML_SUFFIXES and KEY.match(p.parent.name) and NAME.match(p.stem)})


_SPEC_CACHE: dict[tuple, Any] = {}


@steady
def load_spec(exercise_id: str, expected_type: str | None = None) -> Any:
    """Load, validate and return the spec object of one exercise.

    Cached until the file changes, so a teacher's edit takes effect when the
    cell is run again.
    """
    path = spec_path(exercise_id)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ContentError(rel_path(path), "", t("content.allowed_existing_file"), t("content.missing")) from None
    cache_key = (str(path), stat.st_mtime_ns, stat.st_size, expected_type, language())
    if cache_key in _SPEC_CACHE:
        return _SPEC_CACHE[cache_key]
    root = Field(load_yaml(path), rel_path(path))
    kind = root.choice("type", sorted(EXERCISE_TYPES))
    if expected_type is not None and kind != expected_type:
        raise root.fail("type", expected_type, kind)
    spec = exercise_type(kind).parse_spec(root, exercise_id)
    _SPEC_CACHE[cache_key] = spec
    return spec
