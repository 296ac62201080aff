"""E3.1 Risk matrix lab (type ``risk_matrix``): score a case's risks by three
rules and see where the rules disagree. ``model`` (pure), ``figures``,
``readings`` (portfolio and class overview) and ``view`` (ipywidgets)."""

from __future__ import annotations

__all__ = ["risk_matrix"]


def risk_matrix(exercise_id: str = "m3.risicomatrix", workbook=None):
    """E3.1 as a widget, on every case whose file loads."""
    from ...widgets import build_view

    def build():
        from ...content import load_cases, load_spec
        from .view import RiskMatrixView

        cases, broken = load_cases()
        return RiskMatrixView(load_spec(exercise_id, "risk_matrix"), cases, workbook, broken=broken)

    return build_view(build)
