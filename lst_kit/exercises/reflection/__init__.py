"""Reflection question (type ``reflection``): a prompt, guiding questions and
a text area with a word count. ``model`` (pure), ``figures`` (the texts beside
the text area), ``readings`` (portfolio and class overview) and ``view``
(ipywidgets)."""

from __future__ import annotations

__all__ = ["reflection"]


def reflection(exercise_id: str, workbook=None):
    """The reflection question ``exercise_id`` as a widget."""
    from ...widgets import build_view

    def build():
        from ...content import load_spec
        from .view import ReflectionView

        return ReflectionView(load_spec(exercise_id, "reflection"), workbook)

    return build_view(build)
