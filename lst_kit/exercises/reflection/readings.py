"""Reflection question, the readings: the text in the portfolio, the texts
of the class listed by pseudonym, and an invented paragraph for the demo class.

Every reading restores an answer through :meth:`ReflectionAnswer.from_dict`,
as the view does.
"""

from __future__ import annotations

import random

from ...content.demo import demo_sentences
from ...i18n import number, t
from ...registry import ExerciseType
from .model import ReflectionAnswer, paragraphs, parse_spec

__all__ = ["TYPE", "ReflectionType"]


class ReflectionType(ExerciseType):
    name = "reflection"

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec, answer) -> list[str]:
        """The participant's text, one line per paragraph."""
        return paragraphs(ReflectionAnswer.from_dict(answer).text) or [t("hooks.reflection_empty")]

    def class_picture(self, spec, answers: dict):
        """The reflections listed, by pseudonym, after a count and the mean length."""
        written = {}
        for who, answer in answers.items():
            words = ReflectionAnswer.from_dict(answer).text.split()
            if words:
                written[who] = words
        counts = [len(words) for words in written.values()]  # whitespace words: close enough for a class mean
        mean = sum(counts) / len(counts) if counts else 0
        lines = [t("hooks.reflection_class", n=len(written), total=len(answers), words=number(mean, 0))]
        lines += [f"{who}: {' '.join(words)}" for who, words in written.items()]
        return None, lines

    def demo_answer(self, spec, rng: random.Random) -> dict:
        """An invented paragraph of plausible Dutch."""
        return ReflectionAnswer(demo_sentences().paragraph(rng)).to_dict()


TYPE = ReflectionType()
