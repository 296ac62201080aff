"""E4.4 EAST letter makeover (type ``east_letter``): rewrite a standard
warning letter and see it scored on simple EAST checks. ``model`` (pure),
``figures``, ``readings`` (portfolio and class overview) and ``view``
(ipywidgets)."""

from __future__ import annotations

__all__ = ["east_letter"]


def east_letter(exercise_id: str = "m4.east_brief", workbook=None):
    """E4.4 as a widget."""
    from ...widgets import build_view

    def build():
        from ...content import load_spec
        from .view import EastLetterView

        return EastLetterView(load_spec(exercise_id, "east_letter"), workbook)

    return build_view(build)
