"""Reflection question, the model: the participant's text with its word count.

Spec (``data/exercises/<module>/<name>.yaml``)::

    type: reflection
    title: "Reflectie: ..."
    prompt: "..."
    guiding_questions: ["...", "..."]   # optional
    min_words: 60                        # optional target, 0 = none

Saved answer: ``{"text": "..."}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...content import Field
from ...errors import InputError
from ...i18n import t

__all__ = ["MAX_CHARS", "ReflectionAnswer", "ReflectionSpec", "paragraphs", "parse_spec", "word_count"]

#: The longest text a reflection (and every other free-text field of the kit) accepts.
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


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs (split at blank lines), stripped, empty ones left out."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


@dataclass
class ReflectionAnswer:
    text: str = ""

    def __post_init__(self):
        self.set_text(self.text)

    def set_text(self, text: str) -> None:
        if not isinstance(text, str):
            raise InputError(t("reflection.field"), t("reflection.allowed", max=MAX_CHARS), type(text).__name__)
        if len(text) > MAX_CHARS:
            raise InputError(t("reflection.field"), t("reflection.allowed", max=MAX_CHARS),
                             t("reflection.given_chars", n=len(text)))
        self.text = text

    @property
    def words(self) -> int:
        return word_count(self.text)

    def to_dict(self) -> dict:
        return {"text": self.text}

    @classmethod
    def from_dict(cls, data) -> "ReflectionAnswer":
        """The answer a saved dict restores to: its text cut at MAX_CHARS, or
        an empty text when there is none (an old, partial or odd answer)."""
        if isinstance(data, dict) and isinstance(data.get("text"), str):
            return cls(data["text"][:MAX_CHARS])
        return cls()
