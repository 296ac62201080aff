"""E6.1 Independence dilemma cards (type ``independence_dilemmas``): a
response per card, the rules that apply, and the profile the choices add up
to. ``model`` (pure), ``figures``, ``readings`` (portfolio and class
overview) and ``view`` (ipywidgets).

Spec: ``data/exercises/m6/dilemmas.yaml``.
"""

from __future__ import annotations

__all__ = ["independence_dilemmas"]


def independence_dilemmas(exercise_id: str = "m6.dilemmas", workbook=None):
    """E6.1 as a widget."""
    from ...widgets import build_view

    def build():
        from ...content import load_case, load_spec
        from .view import DilemmasView

        spec = load_spec(exercise_id, "independence_dilemmas")
        case = load_case(spec.case_id) if spec.case_id is not None else None
        return DilemmasView(spec, case, workbook)

    return build_view(build)
