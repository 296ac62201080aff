"""E1.1 Timeline tagger (type ``timeline_tagger``): tag each event with the
logic that dominates it and see the logics shift between periods. ``model``
(pure), ``figures``, ``readings`` (portfolio and class overview) and ``view``
(ipywidgets)."""

from __future__ import annotations

__all__ = ["timeline_tagger"]


def timeline_tagger(exercise_id: str = "m1.tijdlijn", workbook=None):
    """E1.1 as a widget."""
    from ...widgets import build_view

    def build():
        from ...content import load_spec
        from .view import TimelineView

        return TimelineView(load_spec(exercise_id, "timeline_tagger"), workbook)

    return build_view(build)
