"""Multiple-choice check, the model: one pick among the spec's options, with
the option's feedback.

Spec::

    type: multiple_choice
    title: "Toets je kennis: ..."
    question: "..."
    options:
      - {text: "...", correct: true, feedback: "..."}
      - {text: "...", correct: false, feedback: "..."}

Saved answer: ``{"choice": index, "option": text, "correct": bool}``; it is
restored by the option's text, so a teacher may reorder the options.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...content import Field
from ...errors import InputError
from ...i18n import t

__all__ = ["Choice", "MultipleChoiceSpec", "Option", "class_counts", "parse_spec"]


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class MultipleChoiceSpec:
    exercise_id: str
    title: str
    question: str
    options: tuple[Option, ...]

    @property
    def right(self) -> int:
        """The index of the one right option."""
        return next(i for i, o in enumerate(self.options) if o.correct)


def parse_spec(root: Field, exercise_id: str) -> MultipleChoiceSpec:
    options = tuple(
        Option(o.text("text"), o.boolean("correct"), o.text("feedback"))
        for o in root.items("options", min_len=2, max_len=8)
    )
    root.unique("options", [o.text for o in options])
    if sum(o.correct for o in options) != 1:
        raise root.fail("options", t("mc.allowed_one_correct"), t("mc.found_correct", n=sum(o.correct for o in options)))
    return MultipleChoiceSpec(exercise_id, root.text("title"), root.text("question"), options)


@dataclass
class Choice:
    """The participant's pick: an index into the spec's options, or None."""

    spec: MultipleChoiceSpec
    index: int | None = None

    def choose(self, index: int | None) -> None:
        n = len(self.spec.options)
        if index is not None and (isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < n):
            raise InputError(t("mc.field"), t("mc.allowed", n=n), index)
        self.index = index

    @property
    def correct(self) -> bool | None:
        return None if self.index is None else self.spec.options[self.index].correct

    @property
    def feedback(self) -> str:
        return "" if self.index is None else self.spec.options[self.index].feedback

    def to_dict(self) -> dict:
        option = None if self.index is None else self.spec.options[self.index].text
        return {"choice": self.index, "option": option, "correct": self.correct}

    @classmethod
    def from_dict(cls, spec: MultipleChoiceSpec, data) -> "Choice":
        """Restore by option text (robust when a teacher reorders options)."""
        if isinstance(data, dict):
            texts = [o.text for o in spec.options]
            if data.get("option") in texts:
                return cls(spec, texts.index(data["option"]))
        return cls(spec)


def class_counts(spec: MultipleChoiceSpec, choices) -> list[int]:
    """How often each option of the spec was chosen among ``choices`` (Choice
    objects; no pick is not counted)."""
    counts = [0] * len(spec.options)
    for choice in choices:
        if choice.index is not None:
            counts[choice.index] += 1
    return counts
