"""E1.2 Principles radar (type ``principles_radar``): score your
inspectorate on the principles around 2006 and now, on one radar. ``model``
(pure), ``figures``, ``readings`` (portfolio and class overview) and
``view`` (ipywidgets)."""

from __future__ import annotations

__all__ = ["principles_radar"]


def principles_radar(exercise_id: str = "m1.principes", workbook=None):
    """E1.2 as a widget."""
    from ...widgets import build_view

    def build():
        from ...content import load_spec
        from .view import PrinciplesView

        return PrinciplesView(load_spec(exercise_id, "principles_radar"), workbook)

    return build_view(build)
