"""E3.1 Risk matrix lab, the readings: the portfolio's summary and picture,
the class picture, and demo answers.

An answer is ``{"case": <case worked on last>, "rule": ..., "cases": {case id:
one model's to_dict()}}``; every reading restores it through
:meth:`RiskMatrix.from_dict`, as the view does. The portfolio and the
learning plan show every case the participant changed (:func:`worked_on`),
not only the one they looked at last.
"""

from __future__ import annotations

import random

from ...content import case_ids, case_or_none, load_case
from ...i18n import number, t
from ...registry import ExerciseType, most_answered
from .figures import changes_text, plot_class_scores, plot_matrices, plot_matrix
from .model import RULES, RiskMatrix, RiskMatrixSpec, format_number, parse_spec, score

__all__ = ["TYPE", "RiskMatrixType", "restore", "worked_on"]


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


def worked_on(spec: RiskMatrixSpec, answer) -> list[RiskMatrix]:
    """Every case of the answer whose risks or band limits the participant
    changed (each with its own rule; the last case with the answer's rule),
    the case shown last first; only that case when none was changed."""
    last = restore(spec, answer)
    if last is None:
        return []
    cases = answer.get("cases") if isinstance(answer.get("cases"), dict) else {}
    out = [last] if last.differs_from(load_case(last.case_id)) else []
    for case_id, entry in cases.items():
        case = case_or_none(case_id)
        if case is None or case_id == last.case_id:
            continue
        model = RiskMatrix.from_dict(spec, entry, case)
        if model.differs_from(case):
            out.append(model)
    return out or [last]


def _top(model: RiskMatrix) -> str:
    return "; ".join(f"{r.name} ({format_number(s)}, {model.bands[model.rule][model.band(s)].label})"
                     for r, s, _ in model.ranked()[:3])


def _case_line(model: RiskMatrix) -> str:
    n = len(model.risks)
    return t("risk.sum_case_one" if n == 1 else "risk.sum_case_other", case=load_case(model.case_id).label, n=n)


class RiskMatrixType(ExerciseType):
    name = "risk_matrix"
    takes_case = True

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec, answer) -> list[str]:
        """Top risks first (Module 6's learning plan uses the first lines):
        one line per changed case, then each case's size and rank changes."""
        models = worked_on(spec, answer)
        if len(models) == 1:
            model = models[0]
            return [t("risk.sum_top", rule=t(f"risk.rule_{model.rule}"), risks=_top(model)), _case_line(model),
                    changes_text(model)]
        lines = [t("risk.sum_case_top", case=load_case(m.case_id).label, rule=t(f"risk.rule_{m.rule}"),
                   risks=_top(m)) for m in models]
        for model in models:
            lines += [_case_line(model), changes_text(model)]
        return lines

    def plot_answer(self, spec, answer):
        """The matrix of every changed case, one below the other."""
        models = worked_on(spec, answer)
        if not models:
            return None
        if len(models) == 1:
            return plot_matrix(models[0])
        titles = [f"{load_case(m.case_id).label}: {t(f'risk.rule_{m.rule}')}" for m in models]
        return plot_matrices(models, titles)

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
