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
    from ...content import Case
    from ...workbook import Workbook

__all__ = ["load_cases", "strategic_triangle"]


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


def strategic_triangle(exercise_id: str = "m2.driehoek", workbook: "Workbook | None" = None):
    """E2.2 as a widget."""
    from ...content import load_case, load_spec
    from ...widgets import build_view
    from .view import TriangleView

    def build():
        spec = load_spec(exercise_id, "strategic_triangle")
        cases, problems = load_cases()
        if spec.default_case not in cases:
            load_case(spec.default_case)  # raises the error that names its file and field
        view = TriangleView(spec, cases, workbook)
        if problems:
            view.banner.show("\n".join(problems), kind="info", source="content")
        return view

    return build_view(build)
