"""E4.4 EAST letter makeover, the readings: the scores in the portfolio
(lines and figure), the class's mean per EAST letter and its hardest check,
and demo answers (invented text).

Every reading restores an answer through :meth:`LetterRewrite.from_dict`, as the view does.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ...content import Field
from ...content.demo import load_demo
from ...i18n import t
from ...registry import ExerciseType
from .figures import plot_class_scores, plot_scores, score_changes
from ..reflection.model import MAX_CHARS
from .model import EastSpec, LetterRewrite, class_means, east_scores, parse_spec

__all__ = ["TYPE", "EastDemo", "EastLetterType", "parse_demo"]


@dataclass(frozen=True)
class EastDemo:
    """What a demo participant's rewrite is made of (``data/demo/east_letter.yaml``, invented)."""

    salutation: str = ""
    default_salutation: str = ""
    sentences: tuple[str, ...] = ()
    closing: str = ""


def parse_demo(root: Field) -> EastDemo:
    """``salutation``, ``default_salutation``, ``sentences`` and ``closing``; all optional."""
    return EastDemo(root.text("salutation", "", empty_ok=True), root.text("default_salutation", "", empty_ok=True),
                    tuple(root.texts("sentences", default=[])), root.text("closing", "", empty_ok=True))


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
        """A rewrite for the demo class: some EAST improvements, not all (invented
        text); without demo sentences, the original letter handed in unchanged."""
        demo = load_demo(self.name, self.parse_demo)
        if not demo.sentences:
            return LetterRewrite(spec).to_dict()
        personal = rng.random() < 0.7 if demo.salutation else False
        body = [text for text in demo.sentences if rng.random() < 0.7]
        if not personal and not body:
            return LetterRewrite(spec).to_dict()
        salutation = demo.salutation if personal else demo.default_salutation
        text = "\n\n".join(x for x in (salutation, " ".join(body), demo.closing) if x)
        return LetterRewrite(spec, text[:MAX_CHARS]).to_dict()  # (what the view would keep of a long text)

    def parse_demo(self, root: Field) -> EastDemo:
        return parse_demo(root)


TYPE = EastLetterType()
