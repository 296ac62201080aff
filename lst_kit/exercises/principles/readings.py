"""E1.2 Principles radar, the readings: the shifts in the portfolio (lines
and radar), the class's mean radar, and demo answers.

Every reading restores an answer through :meth:`PrincipleScores.from_dict`, as the view does.
"""

from __future__ import annotations

import random

from ...i18n import number, t
from ...registry import ExerciseType
from .figures import moved_text, plot_class_radar, plot_radar
from .model import PrincipleScores, PrinciplesSpec, class_statistics, parse_spec

__all__ = ["TYPE", "PrinciplesType"]


class PrinciplesType(ExerciseType):
    name = "principles_radar"

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec: PrinciplesSpec, answer) -> list[str]:
        """The largest shifts first, then the highest and lowest principle per moment."""
        model = PrincipleScores.from_dict(spec, answer)
        if not model.scores:
            return [t("hooks.principles_none")]
        lines = [moved_text(model)]
        for moment in spec.moments:
            (high, high_score), (low, low_score) = model.extremes(moment.key)
            lines.append(t("hooks.principles_moment", moment=moment.label, high=high.label, high_score=high_score,
                           low=low.label, low_score=low_score))
        return lines

    def plot_answer(self, spec: PrinciplesSpec, answer):
        model = PrincipleScores.from_dict(spec, answer)
        return plot_radar(model) if model.scores else None

    def class_picture(self, spec: PrinciplesSpec, answers: dict):
        """The mean radar of the class with its spread, and per principle the means then and now."""
        stats, who = class_statistics(spec, (PrincipleScores.from_dict(spec, a) for a in answers.values()))
        if not who:
            return None, [t("hooks.nobody")]
        first, second = spec.moments
        lines = [t("hooks.principles_class", n=who, first=first.label, second=second.label)]
        for p in spec.principles:
            (m1, _), (m2, sd2) = stats[first.key][p.key], stats[second.key][p.key]
            lines.append(t("hooks.principles_class_line", principle=p.label, first=number(m1), second=number(m2),
                           sd=number(sd2)))
        return plot_class_radar(spec, stats), lines

    def demo_answer(self, spec: PrinciplesSpec, rng: random.Random) -> dict:
        """Scores then, and now a little higher on average, with individual variation."""
        model = PrincipleScores(spec)
        lo, hi = spec.scale.min, spec.scale.max
        first, second = spec.moments
        for p in spec.principles:
            then = int(min(hi, max(lo, round(rng.gauss((lo + hi) / 2, 1.0)))))
            now = int(min(hi, max(lo, round(then + rng.gauss(0.5, 0.9)))))
            model.set(first.key, p.key, then)
            model.set(second.key, p.key, now)
        return model.to_dict()


TYPE = PrinciplesType()
