"""Validated reading of one content file: YAML parsing and field checks.

Teachers change the course by editing YAML; every file is validated when it
is loaded, and a problem is reported as a :class:`ContentError` that names
the file, the field, what is allowed and what was found, in Dutch.
"""

from __future__ import annotations

import contextlib
import re
from collections import OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..i18n import localized, t
from ..paths import data_dir

__all__ = [
    "KEY",
    "MISSING",
    "ContentError",
    "Field",
    "collecting",
    "load_yaml",
    "node_of",
    "record",
    "rel_path",
]


KEY = re.compile(r"^[a-z0-9][a-z0-9_]*$")
MISSING = object()
_FAILED = object()  # an accessor's value after a recorded problem (collect mode)


class ContentError(ValueError):
    """A content file that does not follow its schema.

    ``field`` is the dotted path (``risks[1].likelihood``, counting from 0, for
    code and tests); the message names the item as a teacher sees it (its id
    and place in the list) and the YAML ``line`` (from 1), and echoes what the
    teacher typed (``shown``: the scalar's text in the file, such as ``yes``)."""

    def __init__(self, file: Any, field: str, allowed: str, found: Any, line: int | None = None,
                 item: str = "", shown: str | None = None, message: str | None = None):
        self.file = str(file)
        self.field = field
        self.allowed = allowed
        self.found = found
        self.line = line
        self.item = item
        text = shown if shown is not None else _show(found)
        if message is None:
            where = ", ".join(x for x in (item, t("content.line", line=line) if line else "") if x)
            key = "content.error_at" if where else "content.error"
            message = t(key, file=self.file, where=where, field=field or "-", allowed=allowed, found=text)
        super().__init__(message)


def _show(value: Any) -> str:
    if value is MISSING:
        return t("content.missing")
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def rel_path(path: Path) -> str:
    """A path as the teacher sees it: relative to the course folder (the
    folder holding ``data/``), else relative to the current folder."""
    path = Path(path)
    for base in (data_dir().parent, Path.cwd()):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except (ValueError, OSError):
            continue
    return str(path)


# -- the YAML document and its line map ----------------------------------------------------------

#: id(document) -> (document, its root node): the nodes give each value's line
#: and its text in the file. The document is held, so its id stays its own
#: while it is here; the oldest entries go first.
_NODES: "OrderedDict[int, tuple[Any, Any]]" = OrderedDict()
_NODES_MAX = 256


def _remember(doc: Any, node: Any) -> None:
    if isinstance(doc, (dict, list)):
        _NODES[id(doc)] = (doc, node)
        _NODES.move_to_end(id(doc))
        while len(_NODES) > _NODES_MAX:
            _NODES.popitem(last=False)


def node_of(doc: Any) -> Any:
    """The YAML node a loaded document came from, or None."""
    hit = _NODES.get(id(doc))
    return hit[1] if hit is not None and hit[0] is doc else None


def _yaml_problem(path: Path, text: str, exc: Exception) -> ContentError:
    """A YAML syntax error in Dutch: which common mistake it looks like, and
    the teacher's own line quoted (PyYAML's English is not shown)."""
    mark = getattr(exc, "problem_mark", None)
    problem = str(getattr(exc, "problem", "") or exc)
    lines = text.splitlines()
    index = mark.line if mark is not None else None
    if index is not None and index >= len(lines):
        index = len(lines) - 1
    own = lines[index] if index is not None and 0 <= index < len(lines) else ""
    if "\t" in own or "'\\t'" in problem:
        kind = "tab"
    elif "mapping values are not allowed" in problem:
        kind = "colon"
    elif any(s in problem for s in ("expected <block end>", "did not find expected key", "expected '-' indicator",
                                    "could not find expected ':'", "block sequence entries are not allowed")):
        kind = "indent"
    elif "flow" in str(getattr(exc, "context", "") or "") or "',' or ']'" in problem or "',' or '}'" in problem:
        kind = "bracket"
    elif "end of stream" in problem or "quoted" in problem or "escape" in problem:
        kind = "quote"
    else:
        kind = "other"
    line = index + 1 if index is not None else None
    explanation = t(f"content.yaml_{kind}")
    shown = own.replace("\t", "→").rstrip()
    message = t("content.yaml_error", file=rel_path(path), line=line or "?", explanation=explanation, text=shown)
    return ContentError(rel_path(path), t("content.line", line=line) if line else "", t("content.allowed_yaml"),
                        own, line=line, shown=shown, message=message)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error becomes a ContentError (in Dutch,
    with the teacher's line). The document's nodes are remembered, so a
    :class:`Field` on it can name lines and echo what was typed."""
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(rel_path(path), "", t("content.allowed_existing_file"), t("content.missing")) from None
    except UnicodeDecodeError as exc:
        raise ContentError(rel_path(path), "", t("content.allowed_utf8"), str(exc)) from None
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
        try:
            node = loader.get_single_node()
            doc = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise _yaml_problem(Path(path), text, exc) from None
    _remember(doc, node)
    return doc


# -- collecting every problem of a file ------------------------------------------------------------

_COLLECT: ContextVar[list | None] = ContextVar("lst_kit_content_collect", default=None)


@contextlib.contextmanager
def collecting() -> Iterator[list]:
    """Within this block a :class:`Field` accessor that finds a problem
    records it and returns a harmless stand-in instead of raising, so one
    run of ``lst-kit check`` reports every mistake of a file. (A problem a
    parser raises itself, such as a cross-reference, still ends the file.)"""
    found: list[ContentError] = []
    token = _COLLECT.set(found)
    try:
        yield found
    finally:
        _COLLECT.reset(token)


def record(errors: list, error: ContentError) -> None:
    """Add ``error`` unless the same message is there already."""
    if all(str(e) != str(error) for e in errors):
        errors.append(error)


def _scalar(node: Any) -> Any:
    """The value YAML makes of one scalar node."""
    import yaml

    return yaml.SafeLoader("").construct_object(node)


def _ordinal(position: int) -> str:
    words = t("content.ordinals").split(",")
    return words[position - 1].strip() if 1 <= position <= len(words) else t("content.ordinal_n", n=position)


def _item_label(list_key: str, position: int, data: Any) -> str:
    """``risico r2 (de tweede in de lijst)``."""
    nouns = t("content.nouns").split(",")
    noun = next((n.split("=", 1)[1].strip() for n in nouns if n.split("=", 1)[0].strip() == list_key),
                t("content.noun_item"))
    ident = ""
    if isinstance(data, dict):
        for key in ("id", "key", "case_id"):
            if isinstance(data.get(key), (str, int)) and not isinstance(data.get(key), bool):
                ident = f" {data[key]}"
                break
    return t("content.item", noun=noun, id=ident, ordinal=_ordinal(position))


@dataclass
class Field:
    """A validating view on one mapping in a content file.

    Each accessor returns a plain value or raises ContentError naming
    ``file``, the dotted field path, the item (its id and place in its list)
    and the YAML line. Inside :func:`collecting` an accessor records the
    problem and returns a stand-in instead, so every problem of a file is
    found in one run; the parsers of the exercise types need no change.
    """

    data: Any
    file: str
    path: str = ""
    node: Any = None        # the YAML node of ``data`` (lines, the teacher's own text)
    item: str = ""          # "risico r2 (de tweede in de lijst)" for an item of a list
    silent: bool = False    # a stand-in for a part that was already reported

    def __post_init__(self):
        if self.node is None and not self.path:
            self.node = node_of(self.data)
        if not isinstance(self.data, dict):
            error = ContentError(self.file, self.path, t("content.allowed_mapping"), self.data,
                                 line=self._line_of(self.node), item=self.item)
            errors = _COLLECT.get()
            if errors is None:
                raise error
            if not self.silent:
                record(errors, error)
            self.data, self.silent = {}, True

    # -- where things are in the file

    @staticmethod
    def _line_of(node: Any) -> int | None:
        mark = getattr(node, "start_mark", None)
        return mark.line + 1 if mark is not None else None

    def _child(self, key: Any) -> Any:
        """The YAML node of ``key``'s value (a mapping key or a list index)."""
        import yaml

        node = self.node
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if getattr(key_node, "value", None) == str(key):
                    return value_node
        elif isinstance(node, yaml.SequenceNode):
            try:
                return node.value[int(key)]
            except (ValueError, IndexError):
                return None
        return None

    def line(self, key: Any = None) -> int | None:
        """The line (from 1) of ``key``'s value, else of this mapping (not
        for a field missing at the top of the file: line 1 says nothing)."""
        child = self._child(key) if key is not None else None
        if child is not None:
            return self._line_of(child)
        return self._line_of(self.node) if (self.path or self.item) else None

    def _name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, allowed: str, found: Any) -> ContentError:
        """The error for ``key`` (to raise), with item, line and the teacher's own text."""
        import yaml

        child = self._child(key)
        shown = None
        if isinstance(child, yaml.ScalarNode) and found is not MISSING:
            if isinstance(found, str):
                typed = repr(child.value) if found == child.value else None
            elif isinstance(found, (bool, int, float)) or found is None:
                try:  # what the teacher typed (`yes`, not True), if the value is still what the file says
                    same = _scalar(child) == found and type(_scalar(child)) is type(found)
                except Exception:  # noqa: BLE001 - then the value itself is shown
                    same = False
                typed = child.value if same else None
            else:
                typed = None
            if typed is not None:
                shown = typed if len(typed) <= 80 else typed[:77] + "..."
        return ContentError(self.file, self._name(key), allowed, found, line=self.line(key), item=self.item,
                            shown=shown)

    def _problem(self, key: str, allowed: str, found: Any) -> Any:
        """Raise the problem, or in collect mode record it and return _FAILED."""
        errors = _COLLECT.get()
        if errors is None:
            raise self.fail(key, allowed, found)
        if not self.silent:
            record(errors, self.fail(key, allowed, found))
        return _FAILED

    def _get(self, key: str, default: Any = MISSING) -> Any:
        value = self.data.get(key, MISSING)
        if value is MISSING or value is None:
            if default is MISSING:
                return self._problem(key, t("content.allowed_required"), MISSING)
            return default
        return value

    # -- the accessors

    def raw(self, key: str, default: Any = MISSING) -> Any:
        value = self._get(key, default)
        return None if value is _FAILED else value

    def text(self, key: str, default: Any = MISSING, empty_ok: bool = False) -> str:
        value = self._get(key, default)
        if value is _FAILED:
            return "?"
        ok = isinstance(value, str) or (
            isinstance(value, dict) and isinstance(value.get("nl"), str) and all(isinstance(v, str) for v in value.values())
        )
        if not ok:
            self._problem(key, t("content.allowed_text"), value)
            return "?"
        text = localized(value).strip()
        if not text and not empty_ok:
            self._problem(key, t("content.allowed_text"), value)
            return "?"
        return text

    def texts(self, key: str, default: Any = MISSING, min_len: int = 0, max_len: int = 1000) -> list[str]:
        value = self._get(key, default)
        if value is _FAILED:
            return ["?"] * min_len
        if not isinstance(value, list) or not (min_len <= len(value) <= max_len):
            self._problem(key, t("content.allowed_list", min=min_len, max=max_len), value)
            return ["?"] * min_len
        holder = Field({str(i): v for i, v in enumerate(value)}, self.file, self._name(key), node=self._child(key),
                       item=self.item, silent=self.silent)
        return [holder.text(str(i)) for i in range(len(value))]

    def key(self, key: str) -> str:
        value = self._get(key)
        if value is _FAILED:
            return f"_fout_{id(self)}_{key}"
        if not isinstance(value, str) or not KEY.match(value):
            self._problem(key, t("content.allowed_key"), value)
            return f"_fout_{id(self)}_{key}"
        return value

    def integer(self, key: str, lo: int, hi: int, default: Any = MISSING) -> int:
        value = self._get(key, default)
        if value is _FAILED:
            return lo
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            self._problem(key, t("content.allowed_int", lo=lo, hi=hi), value)
            return lo
        return value

    def number(self, key: str, lo: float, hi: float, default: Any = MISSING) -> float:
        value = self._get(key, default)
        if value is _FAILED:
            return float(lo)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
            self._problem(key, t("content.allowed_number", lo=lo, hi=hi), value)
            return float(lo)
        return float(value)

    def boolean(self, key: str, default: Any = MISSING) -> bool:
        value = self._get(key, default)
        if value is _FAILED:
            return False
        if not isinstance(value, bool):
            self._problem(key, t("content.allowed_bool"), value)
            return False
        return value

    def choice(self, key: str, options: Iterable[str], default: Any = MISSING) -> str:
        options = list(options)
        value = self._get(key, default)
        if value is _FAILED:
            return options[0] if options else "?"
        if value not in options:
            self._problem(key, t("content.allowed_choice", options=", ".join(map(str, options))), value)
            return options[0] if options else "?"
        return value

    def sub(self, key: str, default: Any = MISSING) -> "Field":
        value = self._get(key, default)
        if value is not _FAILED and not isinstance(value, dict):
            value = self._problem(key, t("content.allowed_mapping"), value)
        if value is _FAILED:
            return Field({}, self.file, self._name(key), item=self.item, silent=True)
        return Field(value, self.file, self._name(key), node=self._child(key), item=self.item, silent=self.silent)

    def items(self, key: str, min_len: int = 0, max_len: int = 1000, default: Any = MISSING) -> list["Field"]:
        value = self._get(key, default)
        if value is _FAILED:
            return []
        if not isinstance(value, list) or not (min_len <= len(value) <= max_len):
            self._problem(key, t("content.allowed_list", min=min_len, max=max_len), value)
            if not isinstance(value, list):
                return []
        list_node = self._child(key)
        holder = Field({}, self.file, self._name(key), node=list_node, item=self.item, silent=self.silent)
        return [Field(item, self.file, f"{self._name(key)}[{i}]", node=holder._child(i),
                      item=_item_label(key, i + 1, item), silent=self.silent)
                for i, item in enumerate(value)]

    def case(self, default: Any = MISSING) -> str:
        """The spec's case: ``case:`` (what ``lst-kit new --case`` writes),
        else the older ``default_case:``; one key, whichever the file has."""
        key = "case" if self.data.get("case") is not None else "default_case"
        if default is not MISSING and self.data.get(key) is None:
            return default
        return self.key(key)

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
                self._problem(key, t("content.allowed_unique"), value)
                return
            seen.add(value)
