"""E2.1 Sparrow's problem-solving protocol as a canvas: one tab per stage
with guiding questions, text fields and checklists; warnings when solutions
come before a precise definition and a measure, or when every indicator is
an output; a scale selector with feedback on the middle layer; and a
one-page project charter built from what the participant wrote.

- :mod:`.model`: spec and canvas (pure);
- :mod:`.figures`: charter, warnings and scale feedback (HTML), class picture;
- :mod:`.readings`: summary, class picture, demo answer (texts in ``data/demo/sparrow_canvas.yaml``);
- :mod:`.view`: the widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ...workbook import Workbook

__all__ = ["sparrow_canvas"]


def sparrow_canvas(exercise_id: str = "m2.sparrow", workbook: "Workbook | None" = None):
    """E2.1 as a widget, with every case whose file loads."""
    from ...widgets import build_view

    def build():
        from ...content import load_cases, load_spec
        from .view import SparrowView

        cases, broken = load_cases()
        return SparrowView(load_spec(exercise_id, "sparrow_canvas"), cases, workbook, broken=broken)

    return build_view(build)
