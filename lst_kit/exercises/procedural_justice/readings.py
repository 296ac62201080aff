"""E5.3 readings: the summary and picture of one answer, the class picture
and invented answers for the demo class (see :class:`lst_kit.registry.ExerciseType`)."""

from __future__ import annotations

import random
import statistics

from ...i18n import t
from ...registry import ExerciseType
from .figures import one_decimal, plot_class, plot_justice
from .model import JusticeScores, JusticeSpec, parse_spec

__all__ = ["TYPE", "ProceduralJusticeType", "restore"]


def restore(spec: JusticeSpec, answer) -> JusticeScores | None:
    """The model of a saved answer (through :meth:`JusticeScores.from_dict`),
    or None when the answer holds no scores at all."""
    if not isinstance(answer, dict) or not isinstance(answer.get("scores"), dict):
        return None
    return JusticeScores.from_dict(spec, answer)


class ProceduralJusticeType(ExerciseType):
    name = "procedural_justice"

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec: JusticeSpec, answer) -> list[str]:
        model = restore(spec, answer)
        if model is None:
            return []
        scores = ", ".join(f"{e.label} {model.score(e.key)}" for e in spec.elements)
        return [t("procedural_justice.sum_weakest", weakest=", ".join(e.label for e in model.weakest())),
                t("procedural_justice.sum_scores", scores=scores, mean=one_decimal(model.mean())),
                t("procedural_justice.sum_curve", expected=round(100 * model.expected()))]

    def plot_answer(self, spec: JusticeSpec, answer):
        model = restore(spec, answer)
        return None if model is None else plot_justice(model)

    def class_picture(self, spec: JusticeSpec, answers: dict):
        """Mean score per element in the class, lowest first in the text."""
        models = [m for _, a in sorted(answers.items()) if (m := restore(spec, a)) is not None]
        if not models:
            return None, [t("procedural_justice.class_none")]
        per_element = {e.key: [m.score(e.key) for m in models] for e in spec.elements}
        lines = [t("procedural_justice.class_n", n=len(models))]
        for e in sorted(spec.elements, key=lambda e: statistics.fmean(per_element[e.key])):
            xs = per_element[e.key]
            lines.append(t("procedural_justice.class_element", element=e.label,
                           mean=one_decimal(statistics.fmean(xs)), lo=min(xs), hi=max(xs)))
        return plot_class(spec, per_element), lines

    def demo_answer(self, spec: JusticeSpec, rng: random.Random) -> dict:
        """An invented participant's encounter: an overall impression of how it
        went, with each element a little above or below it (demo class only)."""
        lo, hi = spec.scale.min, spec.scale.max
        overall = rng.gauss(lo + 0.6 * (hi - lo), 0.18 * (hi - lo))  # most encounters went reasonably well
        model = JusticeScores(spec)
        for e in spec.elements:
            model.set(e.key, int(min(hi, max(lo, round(overall + rng.gauss(0.0, 0.8))))))
        return model.to_dict()


TYPE = ProceduralJusticeType()
