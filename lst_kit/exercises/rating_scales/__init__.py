"""A set of rating scales: sliders, or Likert buttons with labelled ends
(type ``rating_scales``). ``model`` (pure; its :class:`Scale` serves other
types too), ``figures``, ``readings`` (portfolio and class overview) and
``view`` (ipywidgets)."""

from __future__ import annotations

__all__ = ["rating_scales"]


def rating_scales(exercise_id: str, workbook=None):
    """The rating-scale set ``exercise_id`` as a widget."""
    from ...widgets import build_view

    def build():
        from ...content import load_spec
        from .view import RatingScalesView

        return RatingScalesView(load_spec(exercise_id, "rating_scales"), workbook)

    return build_view(build)
