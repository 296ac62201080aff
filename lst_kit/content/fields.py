"""Validated reading of one content file: YAML parsing and field checks.

Teachers change the course by editing YAML; every file is validated when it
is loaded, and a problem is reported as a :class:`ContentError` that names
the file, the field, what is allowed and what was found, in Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..i18n import localized, t
from ..paths import data_dir

__all__ = [
    "KEY",
    "MISSING",
    "ContentError",
    "Field",
    "load_yaml",
    "rel_path",
]


KEY = re.compile(r"^[a-z0-9][a-z0-9_]*$")
MISSING = object()


class ContentError(ValueError):
    """A content file that does not follow its schema."""

    def __init__(self, file: Any, field: str, allowed: str, found: Any):
        self.file = str(file)
        self.field = field
        self.allowed = allowed
        self.found = found
        super().__init__(
            t("content.error", file=self.file, field=field or "-", allowed=allowed, found=_show(found))
        )


def _show(value: Any) -> str:
    if value is MISSING:
        return t("content.missing")
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def rel_path(path: Path) -> str:
    try:
        return str(path.relative_to(data_dir().parent))
    except ValueError:
        return str(path)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error becomes a ContentError."""
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(rel_path(path), "", t("content.allowed_existing_file"), t("content.missing")) from None
    except UnicodeDecodeError as exc:
        raise ContentError(rel_path(path), "", t("content.allowed_utf8"), str(exc)) from None
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        field = t("content.line", line=where.line + 1) if where else ""
        raise ContentError(rel_path(path), field, t("content.allowed_yaml"), getattr(exc, "problem", str(exc))) from None


@dataclass
class Field:
    """A validating view on one mapping in a content file.

    Each accessor returns a plain value or raises ContentError naming
    ``file`` and the dotted field path.
    """

    data: Any
    file: str
    path: str = ""

    def __post_init__(self):
        if not isinstance(self.data, dict):
            raise ContentError(self.file, self.path, t("content.allowed_mapping"), self.data)

    def _name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, allowed: str, found: Any) -> ContentError:
        return ContentError(self.file, self._name(key), allowed, found)

    def raw(self, key: str, default: Any = MISSING) -> Any:
        value = self.data.get(key, MISSING)
        if value is MISSING or value is None:
            if default is MISSING:
                raise self.fail(key, t("content.allowed_required"), MISSING)
            return default
        return value

    def text(self, key: str, default: Any = MISSING, empty_ok: bool = False) -> str:
        value = self.raw(key, default)
        ok = isinstance(value, str) or (
            isinstance(value, dict) and isinstance(value.get("nl"), str) and all(isinstance(v, str) for v in value.values())
        )
        if not ok:
            raise self.fail(key, t("content.allowed_text"), value)
        text = localized(value).strip()
        if not text and not empty_ok:
            raise self.fail(key, t("content.allowed_text"), value)
        return text

    def texts(self, key: str, default: Any = MISSING, min_len: int = 0, max_len: int = 1000) -> list[str]:
        value = self.raw(key, default)
        if not isinstance(value, list) or not (min_len <= len(value) <= max_len):
            raise self.fail(key, t("content.allowed_list", min=min_len, max=max_len), value)
        holder = Field({str(i): v for i, v in enumerate(value)}, self.file, self._name(key))
        return [holder.text(str(i)) for i in range(len(value))]

    def key(self, key: str) -> str:
        value = self.raw(key)
        if not isinstance(value, str) or not KEY.match(value):
            raise self.fail(key, t("content.allowed_key"), value)
        return value

    def integer(self, key: str, lo: int, hi: int, default: Any = MISSING) -> int:
        value = self.raw(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise self.fail(key, t("content.allowed_int", lo=lo, hi=hi), value)
        return value

    def number(self, key: str, lo: float, hi: float, default: Any = MISSING) -> float:
        value = self.raw(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
            raise self.fail(key, t("content.allowed_number", lo=lo, hi=hi), value)
        return float(value)

    def boolean(self, key: str, default: Any = MISSING) -> bool:
        value = self.raw(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, t("content.allowed_bool"), value)
        return value

    def choice(self, key: str, options: Iterable[str], default: Any = MISSING) -> str:
        options = list(options)
        value = self.raw(key, default)
        if value not in options:
            raise self.fail(key, t("content.allowed_choice", options=", ".join(map(str, options))), value)
        return value

    def sub(self, key: str, default: Any = MISSING) -> "Field":
        value = self.raw(key, default)
        if not isinstance(value, dict):
            raise self.fail(key, t("content.allowed_mapping"), value)
        return Field(value, self.file, self._name(key))

    def items(self, key: str, min_len: int = 0, max_len: int = 1000, default: Any = MISSING) -> list["Field"]:
        value = self.raw(key, default)
        if not isinstance(value, list) or not (min_len <= len(value) <= max_len):
            raise self.fail(key, t("content.allowed_list", min=min_len, max=max_len), value)
        return [Field(item, self.file, f"{self._name(key)}[{i}]") for i, item in enumerate(value)]

    def keys(self) -> list[str]:
        """The mapping's own keys, each checked as a key (``case_id``, a field's key)."""
        for key in self.data:
            if not isinstance(key, str) or not KEY.match(key):
                raise self.fail(str(key), t("content.allowed_key"), key)
        return list(self.data)

    def unique(self, key: str, values: list[str]) -> None:
        """Refuse a list in which one value occurs twice."""
        seen: set[str] = set()
        for value in values:
            if value in seen:
                raise self.fail(key, t("content.allowed_unique"), value)
            seen.add(value)
