"""E1.3 The toezichtsparadox as a toy model (type ``paradox_model``;
illustrative: it teaches reasoning, it predicts nothing). ``model`` (pure,
without numpy), ``figures``, ``readings`` (portfolio and class overview)
and ``view`` (ipywidgets)."""

from __future__ import annotations

__all__ = ["paradox_model"]


def paradox_model(exercise_id: str = "m1.paradox", workbook=None):
    """E1.3 as a widget."""
    from ...widgets import build_view

    def build():
        from ...content import load_spec
        from .view import ParadoxView

        return ParadoxView(load_spec(exercise_id, "paradox_model"), workbook)

    return build_view(build)
