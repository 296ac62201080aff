"""E6.2 Wat neem je mee? (type ``learning_plan``): a personal learning plan,
pre-filled from the participant's earlier answers, and the button that
writes the portfolio. ``model`` (pure), ``figures``, ``readings``
(portfolio and class overview) and ``view`` (ipywidgets).

Each section draws on the summary of the exercises it names (through the
kit's readings, found by the spec's ``type``); an exercise that does not
exist yet, or that the participant has not done, shows "nog niet ingevuld in
module N".

Spec: ``data/exercises/m6/wat_neem_je_mee.yaml``.
"""

from __future__ import annotations

__all__ = ["learning_plan", "portfolio_button"]


def learning_plan(exercise_id: str = "m6.wat_neem_je_mee", workbook=None):
    """E6.2 as a widget."""
    from ...widgets import build_view

    def build():
        from ...content import load_spec
        from ...reports import readings
        from .model import prefill
        from .view import LearningPlanView

        spec = load_spec(exercise_id, "learning_plan")

        def read_earlier(answers: dict):
            return prefill(spec, answers, readings.summarize, lambda other: readings.exercise_info(other).title)

        return LearningPlanView(spec, read_earlier, workbook)

    return build_view(build)


def portfolio_button(participant: str | None = None, folder=None):
    """The button that writes this participant's portfolio (HTML) next to their workbook."""
    from ...widgets import build_view
    from ...workbook import open_workbook

    def build():
        from .view import PortfolioButton

        return PortfolioButton(open_workbook(participant, folder))

    return build_view(build)
