"""E2.2 Moore's strategic triangle: score two to four intervention options of
a case on public value, legitimacy and support, and operational capacity;
see the triangles overlaid, the weakest corner (the bottleneck) of each
option and a fit score (the geometric mean of the three corners).

- :mod:`.model`: spec, scores, the triangle of one case (pure);
- :mod:`.figures`: the triangles, the class picture, table and captions;
- :mod:`.readings`: summary, portfolio picture, class picture, demo answer;
- :mod:`.view`: the widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ...workbook import Workbook

__all__ = ["strategic_triangle"]


def strategic_triangle(exercise_id: str = "m2.driehoek", workbook: "Workbook | None" = None):
    """E2.2 as a widget, with every case whose file loads."""
    from ...widgets import build_view

    def build():
        from ...content import load_cases, load_spec
        from .view import TriangleView

        cases, broken = load_cases()
        return TriangleView(load_spec(exercise_id, "strategic_triangle"), cases, workbook, broken=broken)

    return build_view(build)
