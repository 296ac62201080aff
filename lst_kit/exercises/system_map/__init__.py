"""E3.3 System analysis map (type ``system_map``): actors, factors and the
influences between them, feedback loops, leverage, Mendelow's grid and where
the inspectorate can act. ``model`` (pure), ``figures``, ``readings``
(portfolio and class overview) and ``view`` (ipywidgets).

Spec: ``data/exercises/m3/systeemkaart.yaml``.
"""

from __future__ import annotations

__all__ = ["system_map"]


def system_map(exercise_id: str = "m3.systeemkaart", workbook=None):
    """E3.3 as a widget, on every case whose file loads."""
    from ...widgets import build_view

    def build():
        from ...content import load_cases, load_spec
        from .view import SystemMapView

        cases, broken = load_cases()  # a broken case file leaves only its own case out (the view says so)
        return SystemMapView(load_spec(exercise_id, "system_map"), cases, workbook, broken=broken)

    return build_view(build)
