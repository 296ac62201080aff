"""E3.2 Capacity allocation, the model: a budget of inspection days spread
over the risks of a case, by each scoring rule, evenly, and by the
participant; what is left of each risk afterwards, and what gets nothing.

Every number is illustrative. Each inspection day on a risk removes the
fraction ``reduction_per_day`` (r) of what is left of it, so a risk with d
days keeps (1−r)^d of its expected damage: returns diminish.

Allocations (all start with the legal minimum days of the case, if the
spec names any):

- ``lxi`` and ``expected_damage``: each further day goes to the risk whose
  remaining score under that rule (score × (1−r)^days) is highest; a tie
  goes to the risk listed first. Under L×I the scores (1..25) lie close
  together, so the days spread; under expected damage (a factor ten per
  class) they concentrate on the largest risks. That contrast is the lesson
  (Cox 2008: a matrix is no tool for allocating resources).
- ``evenly``: after the minima, each further day goes to the risk with the
  fewest days so far (a tie: the risk listed first), so the days are spread
  as evenly as whole days and the minima allow.
- ``own``: the participant's days. A new plan starts at the legal minima:
  the law has spent those days already, so the status shows the free days,
  and going below a minimum is an act the participant chooses (allowed, and
  flagged).

Spec: ``data/exercises/m3/capaciteit.yaml`` (type ``capacity_allocation``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ...content import Case, Field
from ...errors import InputError
from ...i18n import number, t
from ..risk_matrix.model import expected_damage, lxi_score

__all__ = [
    "ALLOCATIONS",
    "MAX_BUDGET",
    "MAX_REASON",
    "RULES",
    "CapacityPlan",
    "CapacitySpec",
    "PlanRisk",
    "parse_spec",
    "rule_score",
]

#: The scoring rules that allocate days (the same formulas as E3.1).
RULES = ("lxi", "expected_damage")
#: Every allocation a plan shows, in the order of the figure and the table.
ALLOCATIONS = ("lxi", "expected_damage", "evenly", "own")
MAX_BUDGET = 1000
#: The reason field's limit (as the canvas fields of the kit).
MAX_REASON = 5_000


@dataclass(frozen=True)
class CapacitySpec:
    exercise_id: str
    title: str
    intro: str
    default_case: str
    budget_days: int
    reduction_per_day: float
    #: case id -> risk id -> legal minimum days
    minimum_days: dict[str, dict[str, int]] = field(default_factory=dict)


def parse_spec(root: Field, exercise_id: str) -> CapacitySpec:
    budget = root.integer("budget_days", 1, MAX_BUDGET)
    r = root.number("reduction_per_day", 0.01, 0.99)  # 0 < r < 1: a day removes part of what is left
    minima: dict[str, dict[str, int]] = {}
    node = root.sub("minimum_days", default={})
    for case_id in node.keys():
        per_case = node.sub(case_id)
        days = {risk_id: per_case.integer(risk_id, 0, budget) for risk_id in per_case.keys()}
        if sum(days.values()) > budget:
            raise node.fail(case_id, t("capacity.allowed_minima_total", budget=budget), sum(days.values()))
        minima[case_id] = days
    # ``case`` (written by ``lst-kit new ... --case``) wins over ``default_case``.
    return CapacitySpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                        root.case(), budget, r, minima)


def rule_score(rule: str, likelihood: int, impact: int) -> float:
    """A risk's score under ``lxi`` or ``expected_damage`` (E3.1's formulas)."""
    if rule == "lxi":
        return lxi_score(likelihood, impact)
    if rule == "expected_damage":
        return expected_damage(likelihood, impact)
    raise ValueError(rule)


@dataclass(frozen=True)
class PlanRisk:
    id: str
    name: str
    likelihood: int
    impact: int

    @property
    def damage(self) -> float:
        """Expected damage in euro per year before any inspection day."""
        return expected_damage(self.likelihood, self.impact)


@dataclass
class CapacityPlan:
    """The risks of one case, the budget, and the participant's days and reason."""

    spec: CapacitySpec
    case_id: str
    risks: tuple[PlanRisk, ...]
    minima: dict[str, int]
    days: dict[str, int]
    reason: str = ""
    #: risk ids the spec gives a minimum for that this case does not have (ignored)
    unknown_minima: tuple[str, ...] = ()

    @classmethod
    def from_case(cls, spec: CapacitySpec, case: Case) -> "CapacityPlan":
        """A new plan: the case's risks, the participant's days at the legal minima."""
        risks = tuple(PlanRisk(r.id, r.name, r.likelihood, r.impact) for r in case.risks)
        ids = {r.id for r in risks}
        named = spec.minimum_days.get(case.case_id, {})
        minima = {rid: n for rid, n in named.items() if rid in ids and n > 0}
        unknown = tuple(rid for rid in named if rid not in ids)
        return cls(spec, case.case_id, risks, minima, {r.id: minima.get(r.id, 0) for r in risks},
                   unknown_minima=unknown)

    # -- the budget -----------------------------------------------------
    @property
    def budget(self) -> int:
        return self.spec.budget_days

    def used(self, days: dict[str, int] | None = None) -> int:
        return sum((self.days if days is None else days).values())

    def left(self) -> int:
        """Days of the budget the participant has not given out."""
        return self.budget - self.used()

    def risk(self, risk_id: str) -> PlanRisk:
        for r in self.risks:
            if r.id == risk_id:
                return r
        raise InputError(t("capacity.field_risk"), ", ".join(r.id for r in self.risks), risk_id)

    # -- edits (each validates before it changes anything) ----------------
    def set_days(self, risk_id: str, value) -> None:
        """The participant's days for one risk: a whole number from 0 up to
        what the budget leaves. Below the legal minimum is allowed (flagged
        by :meth:`below_minimum`)."""
        r = self.risk(risk_id)
        most = self.days[risk_id] + self.left()
        whole = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) \
            and value == int(value)
        if not whole or not 0 <= value <= most:
            raise InputError(t("capacity.field_days", name=r.name),
                             t("capacity.allowed_days", most=most, n=self.left()), value)
        self.days[risk_id] = int(value)

    def set_reason(self, text) -> None:
        if not isinstance(text, str):
            raise InputError(t("capacity.field_reason_short"), t("capacity.allowed_reason", max=number(MAX_REASON, 0)),
                             type(text).__name__)
        if len(text) > MAX_REASON:
            raise InputError(t("capacity.field_reason_short"), t("capacity.allowed_reason", max=number(MAX_REASON, 0)),
                             text)
        self.reason = text

    # -- the allocations ---------------------------------------------------
    def rule_allocation(self, rule: str) -> dict[str, int]:
        """Legal minima first, then each day to the risk whose remaining score
        under ``rule`` is highest (a tie: the risk listed first)."""
        keep = 1 - self.spec.reduction_per_day
        days = {r.id: self.minima.get(r.id, 0) for r in self.risks}
        scores = {r.id: rule_score(rule, r.likelihood, r.impact) for r in self.risks}
        for _ in range(self.budget - sum(days.values())):
            best = max(self.risks, key=lambda r: (scores[r.id] * keep ** days[r.id], -self.risks.index(r)))
            days[best.id] += 1
        return days

    def evenly(self) -> dict[str, int]:
        """Legal minima first, then each day to the risk with the fewest days
        so far (a tie: the risk listed first)."""
        days = {r.id: self.minima.get(r.id, 0) for r in self.risks}
        order = {r.id: i for i, r in enumerate(self.risks)}
        for _ in range(self.budget - sum(days.values())):
            days[min(days, key=lambda rid: (days[rid], order[rid]))] += 1
        return days

    def allocation(self, key: str) -> dict[str, int]:
        if key in RULES:
            return self.rule_allocation(key)
        if key == "evenly":
            return self.evenly()
        if key == "own":
            return dict(self.days)
        raise ValueError(key)

    def allocations(self) -> dict[str, dict[str, int]]:
        """Every allocation of :data:`ALLOCATIONS`, by key."""
        return {key: self.allocation(key) for key in ALLOCATIONS}

    # -- what an allocation leaves -----------------------------------------
    def residual(self, days: dict[str, int]) -> dict[str, float]:
        """Expected damage left per risk (euro per year): ED × (1−r)^days."""
        keep = 1 - self.spec.reduction_per_day
        return {r.id: r.damage * keep ** days.get(r.id, 0) for r in self.risks}

    def residual_total(self, days: dict[str, int]) -> float:
        return sum(self.residual(days).values())

    def untouched(self, days: dict[str, int]) -> list[PlanRisk]:
        """The risks that get no day: the risk consciously left (accepted risk)."""
        return [r for r in self.risks if days.get(r.id, 0) == 0]

    def below_minimum(self, days: dict[str, int]) -> list[PlanRisk]:
        """The risks with fewer days than their legal minimum."""
        return [r for r in self.risks if days.get(r.id, 0) < self.minima.get(r.id, 0)]

    def differs_from_start(self) -> bool:
        """Whether the participant changed anything on this case."""
        return bool(self.reason.strip()) or self.days != {r.id: self.minima.get(r.id, 0) for r in self.risks}

    # -- the workbook --------------------------------------------------------
    def to_dict(self) -> dict:
        return {"days": dict(self.days), "reason": self.reason}

    @classmethod
    def from_dict(cls, spec: CapacitySpec, data, case: Case) -> "CapacityPlan":
        """Restore the participant's plan of one case (one entry of the
        answer's ``cases``). Every saved item is checked as the edits check
        it; an item that fails (an unknown risk, a number that is no whole
        number, more days than the budget allows) is left out and that risk
        keeps its start value. Lowered days are restored before raised ones,
        so a saved plan that moved days away from a minimum fits again."""
        plan = cls.from_case(spec, case)
        if not isinstance(data, dict):
            return plan
        saved = data.get("days")
        if isinstance(saved, dict):
            items = [(rid, v) for rid, v in saved.items() if rid in plan.days]
            items.sort(key=lambda item: not (isinstance(item[1], (int, float)) and item[1] < plan.days[item[0]]))
            for rid, value in items:
                try:
                    plan.set_days(rid, value)
                except (InputError, TypeError):
                    continue
        try:
            plan.set_reason(data.get("reason", ""))
        except InputError:
            pass
        return plan
