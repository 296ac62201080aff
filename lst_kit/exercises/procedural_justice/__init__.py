"""E5.3 Procedural-justice self-check: score one enforcement encounter on
four elements and see where it sits on an illustrative curve of expected
voluntary compliance.

- :mod:`.model`: spec, scores, answer <-> model (pure);
- :mod:`.figures`: scores and curve, caption, class picture (pure);
- :mod:`.readings`: summary, pictures and demo answers for the reports;
- :mod:`.view`: the widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ...workbook import Workbook

__all__ = ["procedural_justice"]


def procedural_justice(exercise_id: str = "m5.procedurele_rechtvaardigheid", workbook: "Workbook | None" = None):
    """E5.3 as a widget."""
    from ...content import load_spec
    from ...widgets import build_view
    from .view import JusticeView

    return build_view(lambda: JusticeView(load_spec(exercise_id, "procedural_justice"), workbook))
