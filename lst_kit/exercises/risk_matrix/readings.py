"""E3.1 Risk matrix lab, the readings: the portfolio's summary and picture,
the class picture, and demo answers.

An answer is ``{"case": <case worked on last>, "rule": ..., "cases": {case id:
one model's to_dict()}}``; every reading restores it through
:meth:`RiskMatrix.from_dict`, as the view does.
"""

from __future__ import annotations

import random

from ...content import case_ids, case_or_none, load_case
from ...i18n import number, t
from ...registry import ExerciseType, most_answered
from .figures import changes_text, plot_class_scores, plot_matrix
from .model import RULES, RiskMatrix, RiskMatrixSpec, format_number, parse_spec, score

__all__ = ["TYPE", "RiskMatrixType", "restore"]


def restore(spec: RiskMatrixSpec, answer) -> RiskMatrix | None:
    """The participant's matrix of the case they worked on last, or None."""
    if not isinstance(answer, dict):
        return None
    case = case_or_none(answer.get("case"))
    if case is None:
        return None
    cases = answer.get("cases") if isinstance(answer.get("cases"), dict) else {}
    model = RiskMatrix.from_dict(spec, cases.get(case.case_id, {}), case)
    if answer.get("rule") in RULES:
        model.rule = answer["rule"]
    return model


class RiskMatrixType(ExerciseType):
    name = "risk_matrix"
    takes_case = True

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec, answer) -> list[str]:
        """Top risks first (Module 6's learning plan uses the first line)."""
        model = restore(spec, answer)
        if model is None:
            return []
        top = [f"{r.name} ({format_number(s)}, {model.bands[model.rule][model.band(s)].label})"
               for r, s, _ in model.ranked()[:3]]
        return [t("risk.sum_top", rule=t(f"risk.rule_{model.rule}"), risks="; ".join(top)),
                t("risk.sum_case", case=load_case(model.case_id).label, n=len(model.risks)),
                changes_text(model)]

    def plot_answer(self, spec, answer):
        model = restore(spec, answer)
        return plot_matrix(model) if model is not None else None

    def class_picture(self, spec, answers: dict):
        """For the case most participants scored: each risk's L × I score per
        participant (dots) and the class mean (bar), highest mean on top."""
        counts: dict[str, int] = {}
        per_case: dict[str, dict[str, list[float]]] = {}
        for answer in answers.values():
            model = restore(spec, answer)
            if model is None:
                continue
            counts[model.case_id] = counts.get(model.case_id, 0) + 1
            case_scores = per_case.setdefault(model.case_id, {})
            for r in model.risks:
                case_scores.setdefault(r.name, []).append(score(spec, r.likelihood, r.impact, r.exposure, "lxi"))
        if not counts:
            return None, [t("hooks.nobody")]
        case_id = most_answered(counts)
        scores = per_case[case_id]
        ranked = sorted(scores, key=lambda name: (-sum(scores[name]) / len(scores[name]), name))
        lines = [t("risk.class_case", case=load_case(case_id).label, n=counts[case_id], total=sum(counts.values()))]
        for name in ranked:
            values = scores[name]
            lines.append(t("risk.class_line", risk=name, n=len(values), mean=number(sum(values) / len(values)),
                           lo=format_number(min(values)), hi=format_number(max(values))))
        return plot_class_scores(ranked, scores), lines

    def demo_answer(self, spec, rng: random.Random) -> dict:
        """A participant who starts from a case and nudges a few scores."""
        ids = case_ids()
        case_id = spec.default_case if rng.random() < 0.7 or spec.default_case not in ids else rng.choice(ids)
        model = RiskMatrix.from_case(spec, load_case(case_id))
        for r in model.risks:
            r.likelihood = min(5, max(1, r.likelihood + rng.randint(-1, 1)))
            r.impact = min(5, max(1, r.impact + rng.randint(-1, 1)))
        model.rule = rng.choice(RULES)
        return {"case": case_id, "rule": model.rule, "cases": {case_id: model.to_dict()}}


TYPE = RiskMatrixType()
