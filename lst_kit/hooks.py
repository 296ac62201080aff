"""Find the module that serves an exercise and call its optional hooks.

Every exercise module may provide these module-level functions (they get the
exercise id and saved answers that may be old, partial or odd, and never
raise)::

    summarize(exercise_id, answer) -> list[str]          # Dutch plain-text lines
    plot_answer(exercise_id, answer) -> Figure | None     # its own plot, rebuilt
    class_picture(exercise_id, answers) -> (Figure | None, list[str])
    demo_answer(exercise_id, rng) -> answer               # rng: numpy Generator

The module is found through the ``type:`` of the exercise's spec file in
:data:`lst_kit.content.EXERCISE_TYPES`, so an exercise added later (or by
another engineer) is picked up without code changes here. For an exercise
whose spec is gone, whose type is unknown, or whose module lacks a hook, the
functions below fall back to a generic reading of the JSON answer.
"""

from __future__ import annotations

import functools
import importlib
import logging
import re
from collections import Counter
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Callable

from ._paths import steady
from .content import EXERCISE_TYPES, ContentError, load_spec, load_yaml, spec_path
from .i18n import language, number, t

__all__ = [
    "SKIP",
    "ExerciseInfo",
    "class_picture",
    "demo_answer",
    "exercise_info",
    "fmt",
    "generic_class_lines",
    "generic_lines",
    "has_hook",
    "module_key",
    "most_answered",
    "plot_answer",
    "safe_hook",
    "short_label",
    "spec_or_none",
    "summarize",
]

log = logging.getLogger("lst_kit")

#: Returned by :func:`demo_answer` for an exercise that has no demo hook.
SKIP = object()

MAX_GENERIC_LINES = 40
_MODULE_KEY = re.compile(r"^(m\d+)\.")


@dataclass(frozen=True)
class ExerciseInfo:
    """What the kit knows about one exercise id."""

    exercise_id: str
    title: str
    type: str | None          # the spec's ``type:``; None for a removed or broken spec
    module: ModuleType | None  # the module serving that type, if importable
    spec: Any = None           # the validated spec, when it loads
    problem: str = ""          # why the spec did not load (Dutch), if it did not


_INFO_CACHE: dict[tuple, ExerciseInfo] = {}


@steady
def exercise_info(exercise_id: str) -> ExerciseInfo:
    """Spec, title and serving module of an exercise; never raises."""
    try:
        path = spec_path(exercise_id)
        stat = path.stat()
        key = (exercise_id, str(path), stat.st_mtime_ns, stat.st_size, language())
    except (ValueError, OSError):
        return ExerciseInfo(exercise_id, exercise_id, None, None, problem=t("hooks.no_spec"))
    if key in _INFO_CACHE:
        return _INFO_CACHE[key]
    kind = None
    try:
        raw = load_yaml(path)
        kind = raw.get("type") if isinstance(raw, dict) else None
    except ContentError:
        pass
    module = None
    if isinstance(kind, str) and kind in EXERCISE_TYPES:
        try:
            module = importlib.import_module(EXERCISE_TYPES[kind])
        except Exception:  # noqa: BLE001 - a broken module must not break the portfolio
            log.exception("lst-kit: module voor %s kon niet worden geladen", kind)
    spec, problem = None, ""
    try:
        spec = load_spec(exercise_id)
    except (ContentError, ValueError) as exc:
        problem = str(exc)
    except Exception as exc:  # noqa: BLE001
        problem = f"{type(exc).__name__}: {exc}"
    title = getattr(spec, "title", None)
    info = ExerciseInfo(exercise_id, title if isinstance(title, str) and title else exercise_id,
                        kind if isinstance(kind, str) else None, module, spec, problem)
    _INFO_CACHE[key] = info
    return info


def most_answered(counts: dict) -> Any:
    """The key most answers belong to, such as the case most participants of
    a class worked on (a class picture shows that one); a tie goes to the
    first key in sorted order."""
    return min(counts, key=lambda key: (-counts[key], str(key)))


def module_key(exercise_id: str) -> str:
    """``m3.risicomatrix`` -> ``m3``; anything else -> ``""``."""
    match = _MODULE_KEY.match(exercise_id or "")
    return match.group(1) if match else ""


def _hook(exercise_id: str, name: str) -> Callable | None:
    module = exercise_info(exercise_id).module
    fn = getattr(module, name, None) if module is not None else None
    return fn if callable(fn) else None


def has_hook(exercise_id: str, name: str) -> bool:
    """Whether the module serving this exercise provides the hook ``name``."""
    return _hook(exercise_id, name) is not None


def spec_or_none(exercise_id: str, spec_type: type):
    """The exercise's validated spec when it is a ``spec_type``, else None
    (a hook must never raise, so a missing or broken spec is None)."""
    spec = exercise_info(exercise_id).spec
    return spec if isinstance(spec, spec_type) else None


# -- numbers and labels ------------------------------------------------------------

#: A number as a reader of the current language writes it (see i18n.number).
fmt = number


def short_label(text: str, width: int = 38) -> str:
    """A label for an axis: the part before a colon when that is short, else
    the first words up to ``width`` characters."""
    text = " ".join(str(text).split())
    head = text.split(":", 1)[0]
    if len(head) <= width and head != text:
        return head
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0]
    return cut + "…"


# -- generic readings of any JSON answer ----------------------------------------------

def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return t("hooks.word_yes") if value else t("hooks.word_no")
    if isinstance(value, float):
        return fmt(value, 2, strip=True)
    return str(value)


def generic_lines(answer: Any, limit: int = MAX_GENERIC_LINES) -> list[str]:
    """Plain-text lines for any JSON answer: text as paragraphs, mappings as
    ``key: value``, lists joined or as indented items."""
    lines: list[str] = []

    def walk(value: Any, prefix: str, depth: int) -> None:
        if len(lines) >= limit:
            return
        indent = "  " * depth
        if value is None:
            return
        if isinstance(value, str):
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
            if prefix and len(paragraphs) <= 1:
                lines.append(f"{indent}{prefix}: {paragraphs[0] if paragraphs else ''}".rstrip())
                return
            if prefix:
                lines.append(f"{indent}{prefix}:")
            lines.extend(f"{indent}{p}" for p in paragraphs)
            return
        if isinstance(value, (bool, int, float)):
            lines.append(f"{indent}{prefix}: {_scalar(value)}" if prefix else f"{indent}{_scalar(value)}")
            return
        if isinstance(value, list):
            if all(isinstance(v, (str, int, float, bool)) and not (isinstance(v, str) and "\n" in v) for v in value):
                joined = ", ".join(_scalar(v) for v in value)
                lines.append(f"{indent}{prefix}: {joined}" if prefix else f"{indent}{joined}")
                return
            if prefix:
                lines.append(f"{indent}{prefix}:")
            for item in value:
                walk(item, "-", depth + (1 if prefix else 0))
            return
        if isinstance(value, dict):
            if prefix:
                lines.append(f"{indent}{prefix}:")
            for key, item in value.items():
                walk(item, str(key), depth + (1 if prefix else 0))
            return
        lines.append(f"{indent}{prefix}: {value!r}" if prefix else f"{indent}{value!r}")

    walk(answer, "", 0)
    if len(lines) > limit:
        lines = lines[:limit]
    if not lines:
        lines = [t("hooks.empty_answer")]
    return lines


def generic_class_lines(answers: dict[str, Any]) -> list[str]:
    """What can be said about any set of answers: how many, the texts, and
    the most common value of each field that holds plain values."""
    lines = [t("hooks.generic_count", n=len(answers))]
    texts = [(who, a) for who, a in answers.items() if isinstance(a, str) and a.strip()]
    for who, text in texts:
        lines.append(f"{who}: {' '.join(text.split())}")
    fields: dict[str, Counter] = {}
    for answer in answers.values():
        if isinstance(answer, dict):
            for key, value in answer.items():
                if isinstance(value, (str, int, float, bool)) and not (isinstance(value, str) and len(value) > 80):
                    fields.setdefault(str(key), Counter())[_scalar(value)] += 1
    for key in sorted(fields):
        common = ", ".join(t("hooks.generic_value", value=v, n=n) for v, n in fields[key].most_common(3))
        lines.append(f"{key}: {common}")
    return lines


# -- safe dispatch -------------------------------------------------------------------------

def _fallback_summary(exercise_id: str, answer: Any) -> list[str]:
    return generic_lines(answer)


def _fallback_plot(exercise_id: str, answer: Any):
    return None


def _fallback_class(exercise_id: str, answers: dict) -> tuple:
    return None, generic_class_lines(answers)


_FALLBACK = {"summarize": _fallback_summary, "plot_answer": _fallback_plot, "class_picture": _fallback_class}


def safe_hook(kind: str):
    """Decorator for a hook in an exercise module: any exception becomes a
    logged warning and the generic fallback, so a hook never raises."""
    fallback = _FALLBACK[kind]

    def deco(fn):
        @functools.wraps(fn)
        def wrapper(exercise_id, arg):
            try:
                return fn(exercise_id, arg)
            except Exception:  # noqa: BLE001 - hooks never raise
                log.warning("lst-kit: %s voor %s viel terug op de algemene weergave", kind, exercise_id,
                            exc_info=True)
                return fallback(exercise_id, arg)

        return wrapper

    return deco


def _lines(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return None


def summarize(exercise_id: str, answer: Any) -> list[str]:
    """The exercise's own summary lines, or a generic reading of the answer."""
    fn = _hook(exercise_id, "summarize")
    if fn is not None:
        try:
            lines = _lines(fn(exercise_id, answer))
            if lines is not None:
                return lines
        except Exception:  # noqa: BLE001
            log.warning("lst-kit: summarize van %s faalde", exercise_id, exc_info=True)
    return generic_lines(answer)


def plot_answer(exercise_id: str, answer: Any):
    """The exercise's own plot for one answer, or None."""
    fn = _hook(exercise_id, "plot_answer")
    if fn is None:
        return None
    try:
        fig = fn(exercise_id, answer)
    except Exception:  # noqa: BLE001
        log.warning("lst-kit: plot_answer van %s faalde", exercise_id, exc_info=True)
        return None
    return fig if hasattr(fig, "savefig") else None


def class_picture(exercise_id: str, answers: dict[str, Any]) -> tuple[Any, list[str]]:
    """(Figure or None, Dutch lines) for a class; generic when no hook."""
    fn = _hook(exercise_id, "class_picture")
    if fn is not None:
        try:
            result = fn(exercise_id, answers)
            fig, lines = result
            lines = _lines(lines)
            if lines is not None:
                return (fig if hasattr(fig, "savefig") else None), lines
        except Exception:  # noqa: BLE001
            log.warning("lst-kit: class_picture van %s faalde", exercise_id, exc_info=True)
    return None, generic_class_lines(answers)


def demo_answer(exercise_id: str, rng) -> Any:
    """A plausible answer from the exercise's ``demo_answer`` hook, or :data:`SKIP`."""
    fn = _hook(exercise_id, "demo_answer")
    if fn is None:
        return SKIP
    try:
        return fn(exercise_id, rng)
    except Exception:  # noqa: BLE001
        log.warning("lst-kit: demo_answer van %s faalde", exercise_id, exc_info=True)
        return SKIP
