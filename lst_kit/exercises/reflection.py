"""Reflection question: a prompt, guiding questions, a text area with a
word count; the text is saved as it is typed (debounced, at most once a
second, and at kernel exit).

Spec (``data/exercises/<module>/<name>.yaml``)::

    type: reflection
    title: "Reflectie: ..."
    prompt: "..."
    guiding_questions: ["...", "..."]   # optional
    min_words: 60                        # optional target, 0 = none
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ipywidgets as widgets

from ..reports.demo import demo_text
from ..content import Field, load_spec
from ..errors import InputError
from ..registry import fmt, safe_hook
from ..i18n import t
from ..widgets import Debouncer, ExerciseFrame, build_view, esc
from ..workbook import Workbook

MAX_CHARS = 20_000
_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


@dataclass(frozen=True)
class ReflectionSpec:
    exercise_id: str
    title: str
    prompt: str
    guiding_questions: tuple[str, ...] = ()
    min_words: int = 0


def parse_spec(root: Field, exercise_id: str) -> ReflectionSpec:
    return ReflectionSpec(
        exercise_id=exercise_id,
        title=root.text("title"),
        prompt=root.text("prompt"),
        guiding_questions=tuple(root.texts("guiding_questions", default=[], max_len=10)),
        min_words=root.integer("min_words", 0, 1000, default=0),
    )


def word_count(text: str) -> int:
    """Words as a reader counts them: 'risico-regelreflex' is one word."""
    return len(_WORD.findall(text))


@dataclass
class ReflectionAnswer:
    text: str = ""

    def __post_init__(self):
        self.set_text(self.text)

    def set_text(self, text: str) -> None:
        if not isinstance(text, str):
            raise InputError(t("reflection.field"), t("reflection.allowed", max=MAX_CHARS), type(text).__name__)
        if len(text) > MAX_CHARS:
            raise InputError(t("reflection.field"), t("reflection.allowed", max=MAX_CHARS), t("reflection.given_chars", n=len(text)))
        self.text = text

    @property
    def words(self) -> int:
        return word_count(self.text)

    def to_dict(self) -> dict:
        return {"text": self.text}

    @classmethod
    def from_dict(cls, data) -> "ReflectionAnswer":
        return cls(saved_text(data))


def saved_text(data) -> str:
    """The text a saved answer restores to (cut at MAX_CHARS; "" when there is
    none), without building the answer: the class overview reads a thousand."""
    if isinstance(data, dict) and isinstance(data.get("text"), str):
        return data["text"][:MAX_CHARS]
    return ""


class ReflectionView(ExerciseFrame):
    def __init__(self, spec: ReflectionSpec, workbook: Workbook | None = None, save_delay: float = 1.0):
        super().__init__(spec.exercise_id, spec.title, workbook)
        self.spec = spec
        self.model = ReflectionAnswer.from_dict(self.saved())
        questions = "".join(f"<li>{esc(q)}</li>" for q in spec.guiding_questions)
        prompt_html = f"<p><b>{esc(spec.prompt)}</b></p>"
        if questions:
            prompt_html += f"<p style='margin-bottom:2px'>{esc(t('reflection.guiding'))}</p><ul style='margin-top:0'>{questions}</ul>"
        self.prompt = widgets.HTML(prompt_html)
        self.text = widgets.Textarea(
            value=self.model.text,
            placeholder=t("reflection.placeholder"),
            description=t("reflection.field"),
            continuous_update=True,
            rows=7,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        self.count = widgets.HTML()
        self._debounce = Debouncer(self.guard(self._save), delay=save_delay)
        self.text.observe(self.guard(self._on_text), names="value")
        self._show_count()
        self.set_body(self.prompt, self.text, self.count)

    def _show_count(self) -> None:
        n = self.model.words
        if self.spec.min_words:
            msg = t("reflection.count_target", n=n, target=self.spec.min_words)
        else:
            msg = t("reflection.count", n=n)
        self.count.value = f"<span style='color:#555'>{esc(msg)}</span>"

    def _on_text(self, change) -> None:
        self.model.set_text(change["new"])
        self._show_count()
        self.indicator.set("pending")
        self._debounce.request()

    def _save(self) -> None:
        self.save(self.model.to_dict())

    def flush(self) -> None:
        """Save now whatever is pending."""
        if self._debounce.pending:
            self._debounce.flush()


def reflection(exercise_id: str, workbook: Workbook | None = None):
    """The reflection question ``exercise_id`` as a widget."""
    return build_view(lambda: ReflectionView(load_spec(exercise_id, "reflection"), workbook))


# -- hooks for the portfolio, the class overview and the demo class ------------------

@safe_hook("summarize")
def summarize(exercise_id: str, answer) -> list[str]:
    """The participant's text, one line per paragraph."""
    text = ReflectionAnswer.from_dict(answer).text
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return paragraphs or [t("hooks.reflection_empty")]


def plot_answer(exercise_id: str, answer):
    """A reflection has no plot."""
    return None


@safe_hook("class_picture")
def class_picture(exercise_id: str, answers: dict):
    """The reflections listed, by pseudonym, after a count and the mean length."""
    texts = {who: saved_text(a).strip() for who, a in answers.items()}
    written = {who: text.split() for who, text in texts.items() if text}  # each text's words, split once
    words = [len(parts) for parts in written.values()]  # whitespace words: close enough for a class mean
    mean = sum(words) / len(words) if words else 0
    lines = [t("hooks.reflection_class", n=len(written), total=len(answers), words=fmt(mean, 0))]
    lines += [f"{who}: {' '.join(parts)}" for who, parts in written.items()]
    return None, lines


def demo_answer(exercise_id: str, rng) -> dict:
    """An invented paragraph of plausible Dutch."""
    return ReflectionAnswer(demo_text(_py_random(rng))).to_dict()


def _py_random(rng):
    """TRANSITIONAL: the numpy generator of the old demo hooks as a random.Random."""
    import random

    return rng if isinstance(rng, random.Random) else random.Random(int(rng.integers(2**62)))
