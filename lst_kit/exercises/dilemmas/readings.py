"""E6.1 Independence dilemma cards, the readings: the portfolio's summary
and profile, the class picture, and demo answers.

An answer is ``{"choices": {card key: option key}}``; every reading restores
it through :meth:`DilemmaChoices.from_dict`, as the view does.
"""

from __future__ import annotations

import math
import random

from ...content import case_ids
from ...i18n import number, t
from ...registry import ExerciseType
from .figures import plot_class_choices, plot_profile, summary_text
from .model import DilemmaChoices, DilemmaSpec, class_counts, parse_spec, scale_note

__all__ = ["TYPE", "DilemmasType"]


class DilemmasType(ExerciseType):
    name = "independence_dilemmas"
    #: ``lst-kit new independence_dilemmas NAME --case CASE`` may set a case.
    takes_case = True

    def parse_spec(self, root, exercise_id) -> DilemmaSpec:
        return parse_spec(root, exercise_id, case_ids())

    def summarize(self, spec, answer) -> list[str]:
        """The profile in one line, then per card the response chosen."""
        model = DilemmaChoices.from_dict(spec, answer)
        if not model.choices:
            return [t("dilemmas.summary_empty", total=len(spec.cards))]
        lines = [summary_text(model)]
        for card in spec.cards:
            option = model.chosen(card.key)
            if option is not None:
                lines.append(t("dilemmas.summary_card", card=card.title, option=option.text,
                               position=option.position))
        return lines

    def plot_answer(self, spec, answer):
        model = DilemmaChoices.from_dict(spec, answer)
        return plot_profile(model) if model.choices else None

    def class_picture(self, spec, answers: dict):
        """The most common response per card, and the class's mean position."""
        counts = class_counts(spec, (DilemmaChoices.from_dict(spec, a) for a in answers.values()))
        if not any(sum(c.values()) for c in counts.values()):
            return None, [t("hooks.nobody")]
        lines = [t("dilemmas.class_intro", scale=scale_note(spec.scale))]
        for card in spec.cards:
            total = sum(counts[card.key].values())
            if not total:
                continue
            best = max(card.options, key=lambda o: counts[card.key][o.key])
            mean = sum(o.position * counts[card.key][o.key] for o in card.options) / total
            lines.append(t("dilemmas.class_line", card=card.title, option=best.text, n=counts[card.key][best.key],
                           total=total, mean=number(mean)))
        return plot_class_choices(spec, counts), lines

    def demo_answer(self, spec, rng: random.Random) -> dict:
        """Each invented participant has a leaning (drawn around just above the
        middle of the scale); options near it are likelier, with weight
        exp(-distance). About one card in seventeen is left open."""
        leaning = rng.gauss((spec.scale.min + spec.scale.max) / 2 + 0.4, 1.0)
        model = DilemmaChoices(spec)
        for card in spec.cards:
            if rng.random() < 0.06:
                continue
            weights = [math.exp(-abs(o.position - leaning)) for o in card.options]
            model.choose(card.key, rng.choices(card.options, weights=weights)[0].key)
        return model.to_dict()


TYPE = DilemmasType()
