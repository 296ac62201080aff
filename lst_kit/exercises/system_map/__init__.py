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
        from ...content import ContentError, case_ids, load_case, load_spec
        from .view import SystemMapView

        spec = load_spec(exercise_id, "system_map")
        cases, broken = {}, []
        for case_id in case_ids():
            try:
                cases[case_id] = load_case(case_id)
            except ContentError as exc:  # one broken case file leaves only that case out (the view says so)
                broken.append(exc)
        return SystemMapView(spec, cases, workbook, broken=broken)

    return build_view(build)
