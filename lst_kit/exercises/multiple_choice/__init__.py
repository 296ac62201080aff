"""Multiple-choice check with feedback per option (type ``multiple_choice``).
``model`` (pure), ``figures``, ``readings`` (portfolio and class overview)
and ``view`` (ipywidgets)."""

from __future__ import annotations

__all__ = ["multiple_choice"]


def multiple_choice(exercise_id: str, workbook=None):
    """The multiple-choice check ``exercise_id`` as a widget."""
    from ...widgets import build_view

    def build():
        from ...content import load_spec
        from .view import MultipleChoiceView

        return MultipleChoiceView(load_spec(exercise_id, "multiple_choice"), workbook)

    return build_view(build)
