"""A set of rating scales, the readings: the ratings in the portfolio (lines
and bars), the class's mean and spread per statement, and demo answers.

Every reading restores an answer through :meth:`Ratings.from_dict`, as the view does.
"""

from __future__ import annotations

import random

from ...i18n import number, t
from ...registry import ExerciseType, short_label
from .figures import plot_class_ratings, plot_ratings
from .model import Ratings, RatingSpec, class_statistics, parse_spec

__all__ = ["TYPE", "RatingScalesType"]


class RatingScalesType(ExerciseType):
    name = "rating_scales"

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec: RatingSpec, answer) -> list[str]:
        """One line per rated statement, then how many are still open."""
        model = Ratings.from_dict(spec, answer)
        lines = [t("hooks.rating_line", item=short_label(i.text, 60), value=spec.scale.value_text(model.values[i.key]))
                 for i in spec.items if i.key in model.values]
        if not lines:
            return [t("hooks.rating_none")]
        if not model.complete:
            lines.append(t("rating.progress", done=len(model.values), total=len(spec.items)))
        return lines

    def plot_answer(self, spec: RatingSpec, answer):
        model = Ratings.from_dict(spec, answer)
        return plot_ratings(model) if model.values else None

    def class_picture(self, spec: RatingSpec, answers: dict):
        """Mean and spread per statement."""
        stats = class_statistics(spec, (Ratings.from_dict(spec, a) for a in answers.values()))
        if not any(s.n for s in stats.values()):
            return None, [t("hooks.nobody")]
        lines = [t("hooks.rating_class_line", item=short_label(i.text, 60), mean=number(stats[i.key].mean),
                   sd=number(stats[i.key].sd), n=stats[i.key].n) for i in spec.items]
        return plot_class_ratings(spec, stats), [t("hooks.rating_class_note")] + lines

    def demo_answer(self, spec: RatingSpec, rng: random.Random) -> dict:
        """Scores around a per-statement centre, now and then a statement skipped."""
        model = Ratings(spec)
        lo, hi = spec.scale.min, spec.scale.max
        for index, item in enumerate(spec.items):
            if rng.random() < 0.05:
                continue
            centre = lo + (hi - lo) * (0.3 + 0.4 * ((index * 37) % 10) / 9)
            model.rate(item.key, int(min(hi, max(lo, round(rng.gauss(centre, 0.9))))))
        return model.to_dict()


TYPE = RatingScalesType()
