"""E6.2 Wat neem je mee?, the readings: the portfolio's summary, the class
picture, and demo answers. A learning plan is text: it has no picture of
one answer.

Every reading restores an answer through :meth:`LearningPlan.from_dict`, as
the view does.
"""

from __future__ import annotations

import random

from ...content.demo import demo_sentences
from ...i18n import t
from ...registry import ExerciseType
from .figures import plot_class_coverage
from .model import LearningPlan, PlanSpec, parse_spec

__all__ = ["TYPE", "LearningPlanType"]


class LearningPlanType(ExerciseType):
    name = "learning_plan"

    def parse_spec(self, root, exercise_id) -> PlanSpec:
        return parse_spec(root, exercise_id)

    def summarize(self, spec, answer) -> list[str]:
        """The participant's goals and next steps first, then what was taken over."""
        model = LearningPlan.from_dict(spec, answer)
        lines = [f"{f.label}: {' '.join(model.texts[f.key].split())}" for f in spec.fields
                 if model.texts.get(f.key, "").strip()]
        for section in spec.sections:
            taken = model.taken_over(section.key)
            if taken:
                lines.append(f"{section.label}: {'; '.join(taken)}")
        return lines or [t("learning_plan.empty")]

    def class_picture(self, spec, answers: dict):
        """The goals and next steps listed by pseudonym, and how often each section could be pre-filled."""
        models = {who: LearningPlan.from_dict(spec, a) for who, a in answers.items()}
        if not models:
            return None, [t("hooks.nobody")]
        lines = [t("learning_plan.class_intro", n=len(models))]
        for f in spec.fields:
            for who, model in models.items():
                text = " ".join(model.texts.get(f.key, "").split())
                if text:
                    lines.append(f"{who} · {f.label}: {text}")
        with_snapshot = [m for m in models.values() if m.snapshot]
        fig = None
        if with_snapshot:
            shares = [sum(1 for m in with_snapshot if m.filled(s.key)) / len(with_snapshot) for s in spec.sections]
            fig = plot_class_coverage(spec, shares, len(with_snapshot))
        return fig, lines

    def demo_answer(self, spec, rng: random.Random) -> dict:
        """Invented goals and next steps (the pre-filled part is computed when the plan is opened)."""
        model = LearningPlan(spec)
        for f in spec.fields:
            if rng.random() < 0.9:
                model.set_text(f.key, demo_sentences().paragraph(rng, (1, 3)))
        return model.to_dict()


TYPE = LearningPlanType()
