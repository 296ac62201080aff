"""A set of rating scales: sliders, or Likert buttons with labelled ends
(type ``rating_scales``). ``model`` (pure; its :class:`Scale` serves other
types too), ``figures``, ``readings`` (portfolio and class overview) and
``view`` (ipywidgets)."""

from __future__ import annotations

# TRANSITIONAL: the flat modules of other types still import these from here;
# new code imports them from .model. Pure names: no ipywidgets is imported.
from .model import Scale, parse_scale

__all__ = ["Scale", "parse_scale", "rating_scales"]


def rating_scales(exercise_id: str, workbook=None):
    """The rating-scale set ``exercise_id`` as a widget."""
    from ...widgets import build_view

    def build():
        from ...content import load_spec
        from .view import RatingScalesView

        return RatingScalesView(load_spec(exercise_id, "rating_scales"), workbook)

    return build_view(build)
