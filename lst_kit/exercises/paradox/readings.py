"""E1.3 Toezichtsparadox, the readings: the settings and what they showed in
the portfolio (lines and figure), the class's settings per parameter, and
demo answers.

Every reading restores an answer through :meth:`ParadoxModel.from_dict`, as the view does.
"""

from __future__ import annotations

import random
import statistics

from ...i18n import t
from ...registry import ExerciseType
from .figures import plot_class_parameters, plot_paradox, simulation_summary
from .model import INTEGER, ParadoxModel, ParadoxSpec, format_number, parse_spec

__all__ = ["TYPE", "ParadoxType"]


class ParadoxType(ExerciseType):
    name = "paradox_model"

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec: ParadoxSpec, answer) -> list[str]:
        """The settings chosen and what the simulation showed with them."""
        model = ParadoxModel.from_dict(spec, answer)
        lines = [t("paradox.illustrative"), simulation_summary(model, model.simulate())]
        lines += [t("hooks.paradox_param", label=p.label, value=format_number(model.values[p.key]))
                  for p in spec.parameters]
        return lines

    def plot_answer(self, spec: ParadoxSpec, answer):
        return plot_paradox(ParadoxModel.from_dict(spec, answer).simulate())

    def class_picture(self, spec: ParadoxSpec, answers: dict):
        """The parameter settings the class chose: median and range per parameter
        (defaults where a participant left one alone)."""
        models = [m for m in (ParadoxModel.from_dict(spec, a) for a in answers.values()) if m.answered]
        if not models:
            return None, [t("hooks.nobody")]
        values = {p.key: [float(m.values[p.key]) for m in models] for p in spec.parameters}
        lines = [t("hooks.paradox_class", n=len(models))]
        for p in spec.parameters:
            xs = values[p.key]
            lines.append(t("hooks.paradox_class_line", label=p.label, median=format_number(statistics.median(xs)),
                           lo=format_number(min(xs)), hi=format_number(max(xs)), default=format_number(p.default)))
        return plot_class_parameters(spec, values), lines

    def demo_answer(self, spec: ParadoxSpec, rng: random.Random) -> dict:
        """Settings scattered around the defaults, on the sliders' steps; sometimes a new draw."""
        model = ParadoxModel(spec)
        for p in spec.parameters:
            if rng.random() < 0.3:
                continue  # left at the default
            raw = rng.gauss(p.default, (p.max - p.min) / 5)
            steps = round((min(p.max, max(p.min, raw)) - p.min) / p.step)
            value = min(p.max, p.min + steps * p.step)
            model.set(p.key, int(round(value)) if p.key in INTEGER else round(float(value), 6))
        model.draw = rng.randrange(3)
        return model.to_dict()


TYPE = ParadoxType()
