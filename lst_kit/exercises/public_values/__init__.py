"""E5.1 Public values map: the stakeholders of a case weigh its public
values; a heat map shows where their views diverge, and a divergence index
per value ranks the values from most to least contested.

- :mod:`.model`: spec, weights, answer <-> model (pure; receives the cases);
- :mod:`.figures`: heat map, table, caption, class picture (pure);
- :mod:`.readings`: summary, pictures and demo answers for the reports;
- :mod:`.view`: the widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ...workbook import Workbook

__all__ = ["public_values"]


def public_values(exercise_id: str = "m5.publieke_waarden", workbook: "Workbook | None" = None):
    """E5.1 as a widget, on every case whose file loads (a broken one is named in one line)."""
    from ...widgets import build_view

    def build():
        from ...content import load_cases, load_spec
        from .view import PublicValuesView

        cases, broken = load_cases()
        return PublicValuesView(load_spec(exercise_id, "public_values"), cases, workbook, broken=broken)

    return build_view(build)
