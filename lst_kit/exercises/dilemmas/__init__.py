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
        from ...content import ContentError, load_case, load_spec
        from .view import DilemmasView

        spec = load_spec(exercise_id, "independence_dilemmas")
        case, broken = None, []
        if spec.case_id is not None:
            try:
                case = load_case(spec.case_id)
            except ContentError as exc:  # the cards work without their case: one line names the broken file
                broken = [exc]
        view = DilemmasView(spec, case, workbook)
        view.note_unavailable_cases(broken)
        return view

    return build_view(build)
