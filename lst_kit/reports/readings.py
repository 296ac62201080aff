"""The readings of an exercise (see :class:`lst_kit.registry.ExerciseType`),
called for the portfolio, the class overview and the demo class.

Every function here never raises: a spec that does not load, an unknown type
or a reading that fails gives the generic reading of the JSON answer. A
failing reading is logged once per exercise (with its id and spec file) and
named in one Dutch line on the page, so the teacher knows the picture is the
fallback.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from typing import Any

from ..content import ContentError, Field, load_spec, load_yaml, rel_path, spec_path
from ..i18n import t
from ..paths import steady
from ..registry import EXERCISE_TYPES, SKIP, ExerciseType, exercise_type, generic_class_lines, generic_lines

__all__ = ["ExerciseInfo", "class_picture", "demo_answer", "exercise_info", "has_reading", "plot_answer",
           "summarize"]

log = logging.getLogger("lst_kit")


@dataclass(frozen=True)
class ExerciseInfo:
    """What the kit knows about one exercise id."""

    exercise_id: str
    title: str
    file: str = ""                      # the spec file, relative to the course folder
    type: str | None = None             # the spec's ``type:``, when it names a known type
    kind: ExerciseType | None = None    # the type's contract object
    spec: Any = None                    # the validated spec, when it loads
    problem: str = ""                   # why the spec did not load (Dutch), if it did not


@steady
def exercise_info(exercise_id: str) -> ExerciseInfo:
    """Spec, title and type of an exercise; never raises. Inside
    :func:`lst_kit.paths.steady_content` (a class overview) once per exercise,
    not once per reading."""
    try:
        path = spec_path(exercise_id)
    except ValueError:
        return ExerciseInfo(exercise_id, exercise_id, problem=t("hooks.no_spec"))
    file = rel_path(path)
    if not path.is_file():
        return ExerciseInfo(exercise_id, exercise_id, file, problem=t("hooks.no_spec"))
    kind_name = None
    try:
        raw = Field(load_yaml(path), file)
        kind_name = raw.choice("type", sorted(EXERCISE_TYPES))
        kind = exercise_type(kind_name)
        spec = load_spec(exercise_id)
    except (ContentError, ValueError) as exc:
        return ExerciseInfo(exercise_id, exercise_id, file, kind_name, problem=str(exc))
    except Exception as exc:  # noqa: BLE001 - a broken exercise must not break the portfolio
        _log_once(exercise_id, file, "spec")
        return ExerciseInfo(exercise_id, exercise_id, file, kind_name, problem=f"{type(exc).__name__}: {exc}")
    title = getattr(spec, "title", None)
    return ExerciseInfo(exercise_id, title if isinstance(title, str) and title else exercise_id, file,
                        kind_name, kind, spec)


def has_reading(exercise_id: str, reading: str) -> bool:
    """Whether the exercise's type has its own ``reading`` (not the generic one)."""
    kind = exercise_info(exercise_id).kind
    return kind is not None and kind.has(reading)


_LOGGED: set[tuple[str, str]] = set()


def _log_once(exercise_id: str, file: str, reading: str) -> None:
    key = (exercise_id, reading)
    if key in _LOGGED:
        return
    _LOGGED.add(key)
    log.warning("lst-kit: %s van %s (%s) mislukte; de algemene weergave is gebruikt", reading, exercise_id, file,
                exc_info=True)


def _failed_note(info: ExerciseInfo) -> str:
    return t("readings.failed", exercise=info.exercise_id, file=info.file)


def _lines(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def summarize(exercise_id: str, answer: Any) -> list[str]:
    """The exercise's own summary lines, or a generic reading of the answer."""
    info = exercise_info(exercise_id)
    if info.kind is None or not info.kind.has("summarize"):
        return generic_lines(answer)
    try:
        lines = _lines(info.kind.summarize(info.spec, answer))
        if lines is None:
            raise TypeError("summarize must return a list of str")
        return lines
    except Exception:  # noqa: BLE001 - readings never reach the participant as a traceback
        _log_once(exercise_id, info.file, "summarize")
        return [_failed_note(info), *generic_lines(answer)]


def plot_answer(exercise_id: str, answer: Any):
    """The exercise's own figure for one answer, or None."""
    info = exercise_info(exercise_id)
    if info.kind is None or not info.kind.has("plot_answer"):
        return None
    try:
        fig = info.kind.plot_answer(info.spec, answer)
    except Exception:  # noqa: BLE001
        _log_once(exercise_id, info.file, "plot_answer")
        return None
    return fig if hasattr(fig, "savefig") else None


def class_picture(exercise_id: str, answers: dict[str, Any]) -> tuple[Any, list[str]]:
    """(figure or None, Dutch lines) for a class; generic without a class picture."""
    info = exercise_info(exercise_id)
    if info.kind is None or not info.kind.has("class_picture"):
        return None, generic_class_lines(answers)
    try:
        fig, lines = info.kind.class_picture(info.spec, answers)
        lines = _lines(lines)
        if lines is None:
            raise TypeError("class_picture must return (figure, list of str)")
        return (fig if hasattr(fig, "savefig") else None), lines
    except Exception:  # noqa: BLE001
        _log_once(exercise_id, info.file, "class_picture")
        return None, [_failed_note(info), *generic_class_lines(answers)]


def demo_answer(exercise_id: str, rng: random.Random) -> Any:
    """A plausible invented answer, or :data:`lst_kit.registry.SKIP`."""
    info = exercise_info(exercise_id)
    if info.kind is None or not info.kind.has("demo_answer"):
        return SKIP
    try:
        return info.kind.demo_answer(info.spec, rng)
    except Exception:  # noqa: BLE001
        _log_once(exercise_id, info.file, "demo_answer")
        return SKIP
