"""Multiple-choice check with feedback per option.

Spec::

    type: multiple_choice
    title: "Toets je kennis: ..."
    question: "..."
    options:
      - {text: "...", correct: true, feedback: "..."}
      - {text: "...", correct: false, feedback: "..."}
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from ..content import Field, load_spec
from ..errors import InputError
from ..i18n import t
from ..ui import ExerciseFrame, build_view, esc
from ..workbook import Workbook


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


class MultipleChoiceView(ExerciseFrame):
    def __init__(self, spec: MultipleChoiceSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook)
        self.spec = spec
        self.model = Choice.from_dict(spec, self.saved())
        self.question = widgets.HTML(f"<p><b>{esc(spec.question)}</b></p>")
        self.options = widgets.RadioButtons(
            options=[(o.text, i) for i, o in enumerate(spec.options)],
            value=self.model.index,
            description=t("mc.field"),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )
        self.feedback = widgets.HTML()
        self.options.observe(self.guard(self._on_choice), names="value")
        self._show_feedback()
        self.set_body(self.question, self.options, self.feedback)

    def _on_choice(self, change) -> None:
        self.model.choose(change["new"])
        self._show_feedback()
        self.save(self.model.to_dict())

    def _show_feedback(self) -> None:
        if self.model.index is None:
            self.feedback.value = ""
            return
        verdict, colour = (t("mc.right"), "#0b5d3b") if self.model.correct else (t("mc.wrong"), "#8a1c1c")
        self.feedback.value = (
            f"<p role='status'><b style='color:{colour}'>{esc(verdict)}</b> {esc(self.model.feedback)}</p>"
        )


def multiple_choice(exercise_id: str, workbook: Workbook | None = None):
    """The multiple-choice check ``exercise_id`` as a widget."""
    return build_view(lambda: MultipleChoiceView(load_spec(exercise_id, "multiple_choice"), workbook))
