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
    """E5.1 as a widget."""
    from ...content import load_spec
    from ...widgets import build_view
    from .readings import offered_cases
    from .view import PublicValuesView

    return build_view(lambda: PublicValuesView(load_spec(exercise_id, "public_values"), offered_cases(), workbook))
