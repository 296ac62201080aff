"""E3.2 Capacity allocation, the readings: the portfolio's summary and
picture, the class picture, and demo answers.

An answer is ``{"case": <case worked on last>, "cases": {case id: one plan's
to_dict()}}`` (as E3.1 keeps it); every reading restores it through
:meth:`CapacityPlan.from_dict`, as the view does.
"""

from __future__ import annotations

import random

from ...content import case_ids, case_or_none, load_case
from ...i18n import money, t
from ...registry import ExerciseType, most_answered
from .figures import class_lines, plot_class_days, plot_days
from .model import RULES, CapacityPlan, CapacitySpec, parse_spec

__all__ = ["TYPE", "CapacityType", "played", "restore"]


def _cases(answer) -> dict:
    cases = answer.get("cases") if isinstance(answer, dict) else None
    return cases if isinstance(cases, dict) else {}


def restore(spec: CapacitySpec, answer, case_id: str | None = None) -> CapacityPlan | None:
    """The participant's plan of ``case_id`` (default: the case worked on
    last), or None when the answer has no such case or it does not load."""
    if not isinstance(answer, dict):
        return None
    case = case_or_none(case_id if case_id is not None else answer.get("case"))
    if case is None:
        return None
    return CapacityPlan.from_dict(spec, _cases(answer).get(case.case_id, {}), case)


def played(spec: CapacitySpec, answer) -> list[CapacityPlan]:
    """Every case of the answer the participant changed (the case shown last
    first); only that case when none was changed."""
    last = restore(spec, answer)
    if last is None:
        return []
    out = [last] if last.differs_from_start() else []
    for case_id in _cases(answer):
        if case_id != last.case_id:
            plan = restore(spec, answer, case_id)
            if plan is not None and plan.differs_from_start():
                out.append(plan)
    return out or [last]


def _plan_lines(plan: CapacityPlan) -> list[str]:
    case = load_case(plan.case_id).label
    days = ", ".join(t("capacity.sum_risk_days", name=r.name, n=plan.days[r.id]) for r in plan.risks)
    lines = [t("capacity.sum_days", case=case, days=days, used=plan.used(), budget=plan.budget)]
    untouched = plan.untouched(plan.days)
    lines.append(t("capacity.sum_left", names="; ".join(r.name for r in untouched)) if untouched
                 else t("capacity.sum_left_none"))
    below = plan.below_minimum(plan.days)
    if below:
        lines.append(t("capacity.sum_below", names="; ".join(
            t("capacity.sum_below_item", name=r.name, days=plan.days[r.id], minimum=plan.minima[r.id])
            for r in below)))
    lines.append(t("capacity.sum_rest", own=money(plan.residual_total(plan.days)),
                   lxi=money(plan.residual_total(plan.rule_allocation("lxi"))),
                   ed=money(plan.residual_total(plan.rule_allocation("expected_damage")))))
    if plan.reason.strip():
        lines.append(t("capacity.sum_reason", reason=" ".join(plan.reason.split())))
    return lines


class CapacityType(ExerciseType):
    name = "capacity_allocation"
    takes_case = True

    def parse_spec(self, root, exercise_id):
        """The spec; a case id under ``minimum_days`` must be a case of
        ``data/cases/`` (checked against the folder's file names, no case
        file is read)."""
        spec = parse_spec(root, exercise_id)
        known = case_ids()
        node = root.sub("minimum_days", default={})
        for case_id in spec.minimum_days:
            if case_id not in known:
                raise node.fail(case_id, t("capacity.allowed_case", known=", ".join(known)), case_id)
        return spec

    def summarize(self, spec, answer) -> list[str]:
        """Per case played: the days per risk, what is left with no day,
        any risk under its legal minimum, the expected damage left against
        the two rules' allocations, and the reason."""
        lines: list[str] = []
        for plan in played(spec, answer):
            lines += _plan_lines(plan)
        return lines or [t("hooks.empty_answer")]

    def plot_answer(self, spec, answer):
        """The days figure of the case worked on last."""
        plans = played(spec, answer)
        if not plans:
            return None
        plan = plans[0]
        return plot_days(plan, t("capacity.plot_title_case", case=load_case(plan.case_id).label))

    def class_picture(self, spec, answers: dict):
        """Per risk of the spec's default case (else the case most
        participants played): the class's mean days and how many gave it no
        day. Pseudonyms are never shown."""
        counts: dict[str, int] = {}
        for answer in answers.values():
            for case_id in _cases(answer):
                counts[case_id] = counts.get(case_id, 0) + 1
        case_id = spec.default_case if spec.default_case in counts else (most_answered(counts) if counts else None)
        case = case_or_none(case_id)
        if case is None:
            return None, [t("hooks.nobody")]
        plans = [restore(spec, answer, case.case_id) for answer in answers.values()
                 if case.case_id in _cases(answer)]
        plans = [p for p in plans if p is not None]
        names = [r.name for r in case.risks]
        days = {r.name: [p.days[r.id] for p in plans] for r in case.risks}
        title = t("capacity.class_title", case=case.label)
        lines = [t("capacity.class_case", case=case.label, n=len(plans), total=len(answers))]
        lines += class_lines(names, days)
        return plot_class_days(names, days, title), lines

    def demo_answer(self, spec, rng: random.Random) -> dict:
        """A participant who starts from one of the rules' allocations (or an
        even spread) and moves a few days by their own judgement."""
        ids = case_ids()
        case_id = spec.default_case if rng.random() < 0.7 or spec.default_case not in ids else rng.choice(ids)
        plan = CapacityPlan.from_case(spec, load_case(case_id))
        start = plan.allocation(rng.choice(RULES + ("evenly",)))
        for rid, n in start.items():  # lowered first, so each step fits the budget
            if n < plan.days[rid]:
                plan.set_days(rid, n)
        for rid, n in start.items():
            plan.set_days(rid, n)
        for _ in range(rng.randint(0, 3)):
            giver, taker = rng.choice(plan.risks), rng.choice(plan.risks)
            if plan.days[giver.id] > 0 and giver.id != taker.id:
                plan.set_days(giver.id, plan.days[giver.id] - 1)
                plan.set_days(taker.id, plan.days[taker.id] + 1)
        untouched = plan.untouched(plan.days)
        if untouched:
            plan.set_reason(t("capacity.demo_reason", names=", ".join(r.name for r in untouched)))
        return {"case": case_id, "cases": {case_id: plan.to_dict()}}


TYPE = CapacityType()
