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

from ..figures import svgplot
from ..content import Field, load_spec
from ..errors import InputError
from ..registry import fmt, safe_hook, short_label
from ..i18n import t
from ..figures.style import PALETTE, style_axes
from ..widgets import ExerciseFrame, build_view, esc
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


# -- hooks for the portfolio, the class overview and the demo class ------------------

@safe_hook("summarize")
def summarize(exercise_id: str, answer) -> list[str]:
    """The option chosen, whether it is right, and the feedback."""
    spec = load_spec(exercise_id, "multiple_choice")
    choice = Choice.from_dict(spec, answer)
    if choice.index is None:
        option = answer.get("option") if isinstance(answer, dict) else None
        if isinstance(option, str) and option:
            return [t("hooks.mc_removed", option=option)]
        return [t("hooks.mc_none")]
    verdict = t("hooks.mc_right") if choice.correct else t("hooks.mc_wrong")
    lines = [t("hooks.mc_chosen", option=spec.options[choice.index].text, verdict=verdict), choice.feedback]
    if not choice.correct:
        right = next(o.text for o in spec.options if o.correct)
        lines.append(t("hooks.mc_right_answer", option=right))
    return lines


def plot_answer(exercise_id: str, answer):
    """A single choice needs no plot: the summary says it all."""
    return None


def class_counts(spec: MultipleChoiceSpec, answers: dict) -> list[int]:
    """How often each option of the spec was chosen (answers for removed options are not counted)."""
    counts = [0] * len(spec.options)
    for answer in answers.values():
        index = Choice.from_dict(spec, answer).index
        if index is not None:
            counts[index] += 1
    return counts


def plot_class_choices(spec: MultipleChoiceSpec, counts: list[int]) -> svgplot.Figure:
    """Horizontal bars: how many chose each option; the right one hatched and marked (SVG)."""
    n = len(spec.options)
    fig = svgplot.Figure(figsize=(8.0, 0.9 + 0.55 * n))
    ax = fig.add_subplot()
    labels = [short_label(o.text, 48) + (f"  ✓ {t('hooks.mc_correct_mark')}" if o.correct else "") for o in spec.options]
    y = list(range(n))[::-1]
    right = max(max(counts), 1) * 1.15
    for yi, option, count in zip(y, spec.options, counts):
        ax.barh(yi, count, color=PALETTE[2] if option.correct else PALETTE[0],
                hatch="//" if option.correct else None, edgecolor="white")
        ax.text(count + 0.01 * right, yi, str(count), va="center", fontsize=9)
    ax.set_yticks(y, labels, fontsize=8)
    ax.set_xlabel(t("hooks.axis_participants"))
    ax.set_xlim(0, right)
    ax.integer_ticks("x")
    ax.set_title(t("hooks.mc_class_title"))
    style_axes(ax)
    return fig


@safe_hook("class_picture")
def class_picture(exercise_id: str, answers: dict):
    """The options the class chose most, and the share that chose the right one."""
    spec = load_spec(exercise_id, "multiple_choice")
    counts = class_counts(spec, answers)
    total = sum(counts)
    if not total:
        return None, [t("hooks.nobody")]
    ranked = sorted(range(len(counts)), key=lambda i: -counts[i])
    right = next(i for i, o in enumerate(spec.options) if o.correct)
    lines = [t("hooks.mc_most", option=spec.options[ranked[0]].text, n=counts[ranked[0]], total=total),
             t("hooks.mc_share_right", share=fmt(100 * counts[right] / total, 0), n=counts[right], total=total)]
    lines += [t("hooks.mc_option_count", option=spec.options[i].text, n=counts[i]) for i in ranked[1:] if counts[i]]
    return plot_class_choices(spec, counts), lines


def demo_answer(exercise_id: str, rng) -> dict:
    """Right about two times in three; otherwise one of the other options."""
    spec = load_spec(exercise_id, "multiple_choice")
    right = next(i for i, o in enumerate(spec.options) if o.correct)
    wrong = [i for i in range(len(spec.options)) if i != right]
    index = right if rng.random() < 0.65 else wrong[int(rng.integers(len(wrong)))]
    choice = Choice(spec)
    choice.choose(index)
    return choice.to_dict()
