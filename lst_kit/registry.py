"""The contract every exercise type fulfils, and where each type lives.

An exercise type is a package ``lst_kit/exercises/<type>/`` with the same
five files (see ``docs/architecture.md``). Its ``readings.py`` defines
``TYPE``, an instance of a subclass of :class:`ExerciseType`: that object is
how the rest of the kit (content validation, the portfolio, the class
overview, ``lst-kit check``, the demo class) reaches the type. Nothing looks
for loose module attributes.

The readings get the exercise's validated spec and answers that may be old,
partial or odd. They may raise: :mod:`lst_kit.reports.readings` calls them,
logs a failure once with the exercise id and spec file, and falls back to the
generic readings below, so a teacher never sees a traceback.

This module imports nothing of the kit but :mod:`lst_kit.i18n`, so every
layer may import it without an import circle.
"""

from __future__ import annotations

import importlib
import random
import re
from collections import Counter
from typing import TYPE_CHECKING, Any, ClassVar

from .i18n import number, t

if TYPE_CHECKING:  # pragma: no cover
    from .content.fields import Field

__all__ = [
    "EXERCISE_TYPES",
    "MAX_GENERIC_LINES",
    "SKIP",
    "ExerciseType",
    "exercise_type",
    "generic_class_lines",
    "generic_lines",
    "meaningful_keys",
    "most_answered",
    "short_label",
]

#: The ``type:`` of a spec file -> the package that serves it.
EXERCISE_TYPES = {
    "reflection": "lst_kit.exercises.reflection",
    "multiple_choice": "lst_kit.exercises.multiple_choice",
    "rating_scales": "lst_kit.exercises.rating_scales",
    "timeline_tagger": "lst_kit.exercises.timeline",
    "principles_radar": "lst_kit.exercises.principles",
    "paradox_model": "lst_kit.exercises.paradox",
    "risk_matrix": "lst_kit.exercises.risk_matrix",
    "capacity_allocation": "lst_kit.exercises.capacity_allocation",
    "system_map": "lst_kit.exercises.system_map",
    "sparrow_canvas": "lst_kit.exercises.sparrow_canvas",
    "strategic_triangle": "lst_kit.exercises.strategic_triangle",
    "effect_chain": "lst_kit.exercises.effect_chain",
    "public_values": "lst_kit.exercises.public_values",
    "signal_triage": "lst_kit.exercises.signal_triage",
    "procedural_justice": "lst_kit.exercises.procedural_justice",
    "independence_dilemmas": "lst_kit.exercises.dilemmas",
    "learning_plan": "lst_kit.exercises.learning_plan",
    "tafel_van_elf": "lst_kit.exercises.tafel_van_elf",
    "intervention_matrix": "lst_kit.exercises.intervention_matrix",
    "enforcement_pyramid": "lst_kit.exercises.enforcement_pyramid",
    "east_letter": "lst_kit.exercises.east_letter",
    "pyramid_game": "lst_kit.exercises.pyramid_game",
}

#: Returned by :meth:`ExerciseType.demo_answer` for a type without demo answers.
SKIP = object()

MAX_GENERIC_LINES = 40


class ExerciseType:
    """What an exercise type offers the kit; subclass it in ``readings.py``.

    ``name`` is the spec's ``type:``. ``parse_spec`` is required; every
    reading has a generic default, so a new type works in the portfolio and
    the class overview before it has readings of its own (``has_*`` says
    which ones it overrides).

    All methods are pure: they get a spec (and cases through
    :mod:`lst_kit.content`) and never write anything.
    """

    name: ClassVar[str] = ""
    #: Whether the exercise is played on one of the shared cases (data/cases/).
    takes_case: ClassVar[bool] = False

    def parse_spec(self, root: "Field", exercise_id: str) -> Any:
        """The validated spec object from the spec file's root mapping."""
        raise NotImplementedError

    # -- readings ---------------------------------------------------------------
    def summarize(self, spec: Any, answer: Any) -> list[str]:
        """Dutch plain-text lines about one answer (portfolio, learning plan)."""
        return generic_lines(answer)

    def plot_answer(self, spec: Any, answer: Any) -> Any:
        """The participant's own figure for one answer, or None."""
        return None

    def class_picture(self, spec: Any, answers: dict[str, Any]) -> tuple[Any, list[str]]:
        """(figure or None, Dutch lines) about the answers of a whole class."""
        return None, generic_class_lines(answers)

    def demo_answer(self, spec: Any, rng: random.Random) -> Any:
        """A plausible invented answer (for the demo class), or :data:`SKIP`."""
        return SKIP

    def parse_demo(self, root: "Field") -> Any:
        """The type's demo prose from ``data/demo/<name>.yaml`` (see
        :mod:`lst_kit.content.demo`), for :meth:`demo_answer`. Every field is
        optional: a missing file arrives as an empty mapping, and the demo
        answers then fall back to generic text. Only a type that writes demo
        prose of its own overrides this (``lst-kit check`` validates its file)."""
        return None

    def has(self, reading: str) -> bool:
        """Whether this type has its own ``reading`` (not the generic one)."""
        return getattr(type(self), reading, None) is not getattr(ExerciseType, reading, None)


_TYPES: dict[str, ExerciseType] = {}


def exercise_type(name: str) -> ExerciseType:
    """The :class:`ExerciseType` serving spec type ``name`` (KeyError if unknown)."""
    if name not in _TYPES:
        package = EXERCISE_TYPES[name]
        found = importlib.import_module(f"{package}.readings").TYPE
        if not isinstance(found, ExerciseType) or found.name != name:
            raise TypeError(f"{package}.readings.TYPE is not the ExerciseType for {name!r}")
        _TYPES[name] = found
    return _TYPES[name]


# -- helpers for readings ------------------------------------------------------------

def meaningful_keys(counts: dict, share: float = 0.2, at_least: int = 3) -> list:
    """Every key a meaningful part of the answers belongs to (at least
    ``share`` of them, or ``at_least`` answers), most answered first; the
    most answered is always there. For a class split over cases: each case
    that part of the group worked on, not only the largest."""
    total = sum(counts.values())
    first = most_answered(counts)
    rest = [k for k in counts if k != first and (counts[k] >= at_least or counts[k] >= share * total)]
    return [first] + sorted(rest, key=lambda key: (-counts[key], str(key)))


def most_answered(counts: dict) -> Any:
    """The key most answers belong to, such as the case most participants of
    a class worked on; a tie goes to the first key in sorted order."""
    return min(counts, key=lambda key: (-counts[key], str(key)))


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
        return number(value, 2, strip=True)
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
