"""E2.1 Sparrow's problem-solving protocol as a canvas: one tab per stage
with guiding questions, text fields and checklists; warnings when solutions
come before a precise definition and a measure, or when every indicator is
an output; a scale selector with feedback on the middle layer; and a
one-page project charter built from what the participant wrote.

- :mod:`.model`: spec and canvas (pure);
- :mod:`.figures`: charter, warnings and scale feedback (HTML), class picture;
- :mod:`.readings`: summary, class picture, demo answer (texts in :mod:`.demo_stories`);
- :mod:`.view`: the widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ...content import Case
    from ...workbook import Workbook

__all__ = ["load_cases", "sparrow_canvas"]


def load_cases() -> tuple[dict[str, "Case"], list[str]]:
    """Every case that loads (by id), and a Dutch line per case file that does not."""
    from ...content import ContentError, case_ids, load_case

    cases, problems = {}, []
    for case_id in case_ids():
        try:
            cases[case_id] = load_case(case_id)
        except (ContentError, ValueError) as exc:
            problems.append(str(exc))
    return cases, problems


def sparrow_canvas(exercise_id: str = "m2.sparrow", workbook: "Workbook | None" = None):
    """E2.1 as a widget."""
    from ...content import load_spec
    from ...widgets import build_view
    from .view import SparrowView

    def build():
        spec = load_spec(exercise_id, "sparrow_canvas")
        cases, problems = load_cases()
        view = SparrowView(spec, cases, workbook)
        if problems:
            view.banner.show("\n".join(problems), kind="info", source="content")
        return view

    return build_view(build)
