"""Reflection question, the figures: a reflection has no chart; what is
shown beside the text area is text (the prompt and the word count)."""

from __future__ import annotations

from ...figures.style import esc
from ...i18n import t
from .model import ReflectionAnswer, ReflectionSpec

__all__ = ["count_text", "prompt_html"]


def prompt_html(spec: ReflectionSpec) -> str:
    """The prompt in bold, then the guiding questions as a list (HTML)."""
    out = f"<p><b>{esc(spec.prompt)}</b></p>"
    if spec.guiding_questions:
        questions = "".join(f"<li>{esc(q)}</li>" for q in spec.guiding_questions)
        out += (f"<p style='margin-bottom:2px'>{esc(t('reflection.guiding'))}</p>"
                f"<ul style='margin-top:0'>{questions}</ul>")
    return out


def count_text(spec: ReflectionSpec, model: ReflectionAnswer) -> str:
    """The word count, against the spec's target when it has one (plain text)."""
    if spec.min_words:
        return t("reflection.count_target", n=model.words, target=spec.min_words)
    return t("reflection.count", n=model.words)
