"""E4.4 EAST letter makeover, the readings: the scores in the portfolio
(lines and figure), the class's mean per EAST letter and its hardest check,
and demo answers (invented text).

Every reading restores an answer through :meth:`LetterRewrite.from_dict`, as the view does.
"""

from __future__ import annotations

import random

from ...i18n import t
from ...registry import ExerciseType
from .figures import plot_class_scores, plot_scores, score_changes
from .model import EastSpec, LetterRewrite, class_means, east_scores, parse_spec

__all__ = ["DEMO_PARTS", "TYPE", "EastLetterType"]

#: Sentences a demo participant's rewrite is made of (invented).
DEMO_PARTS = (
    "Beste heer De Vries,",
    "Op 12 maart zagen wij dat uw schip ontgaste tijdens het varen. Dat mag niet.",
    "De dampen zijn slecht voor de gezondheid van omwonenden en van uw bemanning.",
    "Negen van de tien schippers ontgassen al bij een erkende installatie.",
    "Laat uw volgende ontgassing binnen twee weken doen bij een installatie.",
    "Vragen? Bel ons op 030-1234567.",
    "Over vier weken komen we terug voor een hercontrole.",
)


class EastLetterType(ExerciseType):
    name = "east_letter"

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec: EastSpec, answer) -> list[str]:
        """The scores per EAST letter before and after, the length, the checks still failed,
        and the Awb notice when the rewrite offers an objection."""
        model = LetterRewrite.from_dict(spec, answer)
        results = model.results()
        lines = [t("east_letter.sum_scores", scores=score_changes(east_scores(spec, spec.letter), model.scores())),
                 t("east_letter.sum_words", n=model.words)]
        missing = [c.label for c in spec.checks if not results[c.key]]
        if missing:
            lines.append(t("east_letter.sum_missing", items=", ".join(missing)))
        if model.objection_clause:
            lines.append(t("east_letter.awb_objection"))
        return lines

    def plot_answer(self, spec: EastSpec, answer):
        model = LetterRewrite.from_dict(spec, answer)
        return plot_scores(spec, east_scores(spec, spec.letter), model.scores())

    def class_picture(self, spec: EastSpec, answers: dict):
        """The original against the class mean per EAST letter, and the check fewest rewrites pass."""
        models = [m for m in (LetterRewrite.from_dict(spec, a) for a in answers.values()) if m.answered]
        if not models:
            return None, [t("east_letter.class_none")]
        mean, passed = class_means(spec, models)
        hardest = min(spec.checks, key=lambda c: (passed[c.key], spec.checks.index(c)))
        lines = [t("east_letter.class_n", n=len(models)),
                 t("east_letter.class_hardest", label=hardest.label, n=passed[hardest.key], total=len(models))]
        return plot_class_scores(spec, east_scores(spec, spec.letter), mean), lines

    def demo_answer(self, spec: EastSpec, rng: random.Random) -> dict:
        """A rewrite for the demo class: some EAST improvements, not all (invented text)."""
        chosen = [text for text in DEMO_PARTS if rng.random() < 0.7]
        if not chosen:
            return LetterRewrite(spec).to_dict()
        salutation = chosen[0] if chosen[0].startswith("Beste") else "Geachte heer/mevrouw,"
        body = [x for x in chosen if not x.startswith("Beste")]
        text = salutation + "\n\n" + " ".join(body) + "\n\nMet vriendelijke groet,\nDe inspecteur"
        return LetterRewrite(spec, text).to_dict()


TYPE = EastLetterType()
