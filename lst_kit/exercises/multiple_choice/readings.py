"""Multiple-choice check, the readings: the pick in the portfolio, the
class's picks as bars, and demo answers.

Every reading restores an answer through :meth:`Choice.from_dict`, as the view does.
"""

from __future__ import annotations

import random

from ...i18n import number, t
from ...registry import ExerciseType
from .figures import plot_class_choices
from .model import Choice, MultipleChoiceSpec, class_counts, parse_spec

__all__ = ["TYPE", "MultipleChoiceType"]


class MultipleChoiceType(ExerciseType):
    name = "multiple_choice"

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec: MultipleChoiceSpec, answer) -> list[str]:
        """The option chosen, whether it is right, and the feedback."""
        choice = Choice.from_dict(spec, answer)
        if choice.index is None:
            option = answer.get("option") if isinstance(answer, dict) else None
            if isinstance(option, str) and option:
                return [t("hooks.mc_removed", option=option)]
            return [t("hooks.mc_none")]
        verdict = t("hooks.mc_right") if choice.correct else t("hooks.mc_wrong")
        lines = [t("hooks.mc_chosen", option=spec.options[choice.index].text, verdict=verdict), choice.feedback]
        if not choice.correct:
            lines.append(t("hooks.mc_right_answer", option=spec.options[spec.right].text))
        return lines

    def class_picture(self, spec: MultipleChoiceSpec, answers: dict):
        """The options the class chose most, and the share that chose the right one."""
        counts = class_counts(spec, (Choice.from_dict(spec, a) for a in answers.values()))
        total = sum(counts)
        if not total:
            return None, [t("hooks.nobody")]
        ranked = sorted(range(len(counts)), key=lambda i: -counts[i])
        right = spec.right
        lines = [t("hooks.mc_most", option=spec.options[ranked[0]].text, n=counts[ranked[0]], total=total),
                 t("hooks.mc_share_right", share=number(100 * counts[right] / total, 0), n=counts[right],
                   total=total)]
        lines += [t("hooks.mc_option_count", option=spec.options[i].text, n=counts[i]) for i in ranked[1:] if counts[i]]
        return plot_class_choices(spec, counts), lines

    def demo_answer(self, spec: MultipleChoiceSpec, rng: random.Random) -> dict:
        """Right about two times in three; otherwise one of the other options."""
        wrong = [i for i in range(len(spec.options)) if i != spec.right]
        choice = Choice(spec)
        choice.choose(spec.right if rng.random() < 0.65 else rng.choice(wrong))
        return choice.to_dict()


TYPE = MultipleChoiceType()
