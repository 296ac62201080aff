"""E6.2 Wat neem je mee?, the model: a personal learning plan, pre-filled
from the participant's earlier answers, with text fields for personal goals
and next steps.

Spec: ``data/exercises/m6/wat_neem_je_mee.yaml`` (type ``learning_plan``)::

    type: learning_plan
    title: "..."
    intro: "..."
    max_lines: 4                     # summary lines shown per earlier exercise
    sections:                        # pre-filled from earlier answers
      - {key: probleem, label: "...", exercises: [m2.sparrow]}
    fields:                          # the participant's own text areas
      - {key: leerdoelen, label: "...", prompt: "...", placeholder: "..."}

An answer is ``{"fields": {field key: text}, "prefill": {section key:
{"label", "lines", "filled"}}}``: the participant's texts, and the
pre-filled sections as last seen (so the portfolio and the class overview
show what the participant saw).

:func:`prefill` is pure: it gets the earlier answers and the functions that
summarize an answer and name an exercise (the kit's readings), so this
module reads no files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ...content import ContentError, Field, module_key
from ...errors import InputError
from ...i18n import t

from ..reflection.model import MAX_CHARS, word_count

__all__ = [
    "MAX_CHARS",
    "LearningPlan",
    "PlanSpec",
    "Prefill",
    "Section",
    "TextField",
    "module_number",
    "parse_spec",
    "prefill",
    "word_count",
]

#: An exercise id of a module: ``m3.risicomatrix`` (as ``content.spec_path`` reads it).
_EXERCISE_OF_A_MODULE = re.compile(r"^m\d+\.[a-z0-9][a-z0-9_\-]*$")


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    exercises: tuple[str, ...]


@dataclass(frozen=True)
class TextField:
    key: str
    label: str
    prompt: str
    placeholder: str


@dataclass(frozen=True)
class PlanSpec:
    exercise_id: str
    title: str
    intro: str
    max_lines: int
    sections: tuple[Section, ...]
    fields: tuple[TextField, ...]


def parse_spec(root: Field, exercise_id: str) -> PlanSpec:
    sections = []
    for n in root.items("sections", 1, 20):
        ids = n.raw("exercises")
        if not isinstance(ids, list) or not 1 <= len(ids) <= 5:
            raise n.fail("exercises", t("content.allowed_list", min=1, max=5), ids)
        for i, value in enumerate(ids):
            if not isinstance(value, str) or not _EXERCISE_OF_A_MODULE.match(value):
                raise ContentError(n.file, f"{n.path}.exercises[{i}]", t("learning_plan.allowed_id"), value)
        sections.append(Section(n.key("key"), n.text("label"), tuple(ids)))
    root.unique("sections", [s.key for s in sections])
    fields = tuple(TextField(n.key("key"), n.text("label"), n.text("prompt"),
                             n.text("placeholder", default="", empty_ok=True))
                   for n in root.items("fields", 1, 6))
    root.unique("fields", [f.key for f in fields])
    return PlanSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                    root.integer("max_lines", 1, 20, default=4), tuple(sections), fields)


def module_number(exercise_id: str) -> str:
    """``m3.risicomatrix`` -> ``3``."""
    return module_key(exercise_id)[1:]


@dataclass(frozen=True)
class Prefill:
    """One pre-filled section: the lines taken over, or why there are none."""

    section: Section
    lines: tuple[str, ...]
    missing: tuple[str, ...]  # exercise ids without an answer

    @property
    def filled(self) -> bool:
        return bool(self.lines)

    def note(self) -> str:
        """The friendly Dutch line shown for what is not there yet."""
        modules = sorted({module_number(e) for e in self.missing}, key=lambda m: int(m) if m.isdigit() else 0)
        return t("learning_plan.not_yet", modules=t("learning_plan.and").join(modules))


def prefill(spec: PlanSpec, answers: dict, summarize: Callable[[str, Any], list[str]],
            title: Callable[[str], str]) -> list[Prefill]:
    """Per section the summary of the earlier answers it draws on; missing
    exercises are named. ``summarize(exercise_id, answer)`` gives an
    answer's summary lines, ``title(exercise_id)`` an exercise's title
    (shown above its lines when a section draws on several exercises)."""
    out = []
    for section in spec.sections:
        lines: list[str] = []
        missing: list[str] = []
        for exercise_id in section.exercises:
            if exercise_id not in answers:
                missing.append(exercise_id)
                continue
            summary = [line for line in summarize(exercise_id, answers[exercise_id]) if line.strip()]
            summary = summary[: spec.max_lines]
            if len(section.exercises) > 1 and summary:
                lines.append(f"{title(exercise_id)}:")
                lines.extend(f"  {line}" for line in summary)
            else:
                lines.extend(summary)
        out.append(Prefill(section, tuple(lines), tuple(missing)))
    return out


@dataclass
class LearningPlan:
    """The participant's own texts, and the pre-filled sections as last seen."""

    spec: PlanSpec
    texts: dict[str, str] = field(default_factory=dict)
    snapshot: dict[str, dict] = field(default_factory=dict)

    def set_text(self, key, text) -> None:
        labels = {f.key: f.label for f in self.spec.fields}
        if key not in labels:
            raise InputError(t("learning_plan.field"), ", ".join(labels), key)
        if not isinstance(text, str):
            raise InputError(labels[key], t("reflection.allowed", max=MAX_CHARS), type(text).__name__)
        if len(text) > MAX_CHARS:
            raise InputError(labels[key], t("reflection.allowed", max=MAX_CHARS),
                             t("reflection.given_chars", n=len(text)))
        self.texts[key] = text

    def take_over(self, prefilled: list[Prefill]) -> None:
        """Keep the pre-filled sections as the participant sees them now."""
        self.snapshot = {
            p.section.key: {"label": p.section.label, "lines": list(p.lines) if p.filled else [p.note()],
                            "filled": p.filled}
            for p in prefilled
        }

    def filled(self, section_key: str) -> bool:
        """Whether the section was pre-filled from earlier answers when last seen."""
        entry = self.snapshot.get(section_key)
        return isinstance(entry, dict) and bool(entry.get("filled"))

    def taken_over(self, section_key: str) -> list[str]:
        """The lines taken over into a pre-filled section when last seen (none if it was not filled)."""
        entry = self.snapshot.get(section_key)
        if not self.filled(section_key) or not isinstance(entry.get("lines"), list):
            return []
        return [" ".join(str(x).split()) for x in entry["lines"]]

    def to_dict(self) -> dict:
        return {"fields": {f.key: self.texts[f.key] for f in self.spec.fields if f.key in self.texts},
                "prefill": self.snapshot}

    @classmethod
    def from_dict(cls, spec: PlanSpec, data) -> "LearningPlan":
        """Restore an answer; a field the teacher has since removed, or any
        odd entry, is left out."""
        model = cls(spec)
        texts = data.get("fields") if isinstance(data, dict) else None
        for key, text in (texts if isinstance(texts, dict) else {}).items():
            try:
                model.set_text(key, text)
            except InputError:
                pass  # a field the teacher has since removed
        snapshot = data.get("prefill") if isinstance(data, dict) else None
        if isinstance(snapshot, dict):
            model.snapshot = {str(k): v for k, v in snapshot.items() if isinstance(v, dict)}
        return model
