"""E3.2 Capacity allocation (type ``capacity_allocation``): spread a budget
of inspection days over a case's risks, compare with what each scoring rule
and an even spread would do, and name what is consciously left.
``model`` (pure), ``figures``, ``readings`` (portfolio and class overview)
and ``view`` (ipywidgets)."""

from __future__ import annotations

__all__ = ["capacity_allocation"]


def capacity_allocation(exercise_id: str = "m3.capaciteit", workbook=None):
    """E3.2 as a widget, on every case whose file loads."""
    from ...widgets import build_view

    def build():
        from ...content import load_cases, load_spec
        from .view import CapacityView

        cases, broken = load_cases()
        return CapacityView(load_spec(exercise_id, "capacity_allocation"), cases, workbook, broken=broken)

    return build_view(build)
