"""E3.2 capacity allocation: the pure model (allocations worked out by hand,
budget refusals, legal minima, restore of saved answers)."""

from types import SimpleNamespace

import pytest
from _content import edit

from lst_kit.content import ContentError, Field, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.capacity_allocation.model import MAX_REASON, CapacityPlan, CapacitySpec, parse_spec
from lst_kit.exercises.capacity_allocation.readings import TYPE
from lst_kit.exercises.risk_matrix.model import RiskMatrix


def risk(rid, name, likelihood, impact):
    return SimpleNamespace(id=rid, name=name, likelihood=likelihood, impact=impact)


#: a: L5 I5 (L×I 25, ED 10^8); b: L4 I4 (16, 10^6); c: L2 I2 (4, 10^2)
CASE = SimpleNamespace(case_id="klein", label="Klein", risks=[
    risk("a", "Ramp", 5, 5), risk("b", "Middel", 4, 4), risk("c", "Klein", 2, 2)])


def spec(budget=4, r=0.5, minima=None):
    return CapacitySpec("m3.test", "Test", "", "klein", budget, r, minima or {})


def test_rule_allocations_by_hand():
    plan = CapacityPlan.from_case(spec(), CASE)
    # L×I, remaining score after d days = score × 0.5^d:
    # day 1: a 25 -> a; day 2: b 16 > a 12.5 -> b; day 3: a 12.5 > b 8, c 4 -> a; day 4: b 8 > a 6.25 -> b
    assert plan.rule_allocation("lxi") == {"a": 2, "b": 2, "c": 0}
    # expected damage: a stays ahead (10^8 / 8 = 1.25e7 > 10^6) for all four days
    assert plan.rule_allocation("expected_damage") == {"a": 4, "b": 0, "c": 0}
    # evenly: one each in list order, then the fourth to the first listed
    assert plan.evenly() == {"a": 2, "b": 1, "c": 1}
    assert plan.allocation("own") == {"a": 0, "b": 0, "c": 0} and plan.left() == 4


def test_residual_damage_and_untouched_risks_by_hand():
    plan = CapacityPlan.from_case(spec(), CASE)
    lxi = plan.rule_allocation("lxi")
    assert plan.residual(lxi) == {"a": 25_000_000, "b": 250_000, "c": 100}
    assert plan.residual_total(lxi) == 25_250_100
    assert plan.residual_total(plan.rule_allocation("expected_damage")) == 6_250_000 + 1_000_000 + 100
    assert plan.residual_total(plan.evenly()) == 25_000_000 + 500_000 + 50
    assert [r.id for r in plan.untouched(lxi)] == ["c"]
    assert [r.id for r in plan.untouched(plan.rule_allocation("expected_damage"))] == ["b", "c"]


def test_ties_go_to_the_risk_listed_first():
    twins = SimpleNamespace(case_id="tweeling", label="", risks=[risk("x", "X", 3, 3), risk("y", "Y", 3, 3)])
    plan = CapacityPlan.from_case(spec(budget=3), twins)
    # x first (tie), then y (9 > 4.5), then x again (tie 4.5 = 4.5)
    assert plan.rule_allocation("lxi") == {"x": 2, "y": 1}
    assert plan.rule_allocation("expected_damage") == {"x": 2, "y": 1}
    assert plan.evenly() == {"x": 2, "y": 1}


def test_legal_minima_come_first_and_the_own_plan_starts_there():
    plan = CapacityPlan.from_case(spec(minima={"klein": {"c": 1}}), CASE)
    assert plan.days == {"a": 0, "b": 0, "c": 1} and plan.left() == 3
    # L×I after c's day: a 25, b 16, a 12.5 -> a 2, b 1
    assert plan.rule_allocation("lxi") == {"a": 2, "b": 1, "c": 1}
    assert plan.rule_allocation("expected_damage") == {"a": 3, "b": 0, "c": 1}
    assert plan.evenly() == {"a": 2, "b": 1, "c": 1}
    assert plan.below_minimum(plan.days) == []


def test_below_a_legal_minimum_is_allowed_and_flagged():
    plan = CapacityPlan.from_case(spec(minima={"klein": {"c": 1}}), CASE)
    plan.set_days("c", 0)
    assert plan.days["c"] == 0 and plan.left() == 4
    assert [r.id for r in plan.below_minimum(plan.days)] == ["c"]


def test_over_the_budget_is_refused_and_names_what_is_allowed():
    plan = CapacityPlan.from_case(spec(), CASE)
    plan.set_days("a", 3)
    with pytest.raises(InputError) as info:
        plan.set_days("b", 2)
    message = str(info.value)
    assert "Inspectiedagen voor 'Middel'" in message
    assert "0 tot en met 1 (je hebt nog 1 dag over)" in message and "ingevuld was: 2" in message
    assert plan.days == {"a": 3, "b": 0, "c": 0}  # the earlier value stays
    plan.set_days("a", 4)  # a's own days count as room for a
    assert plan.left() == 0


@pytest.mark.parametrize("value", [-1, 1.5, "2", None, True, float("nan"), float("inf")])
def test_days_must_be_whole_numbers_from_zero(value):
    plan = CapacityPlan.from_case(spec(), CASE)
    with pytest.raises(InputError, match="een geheel getal van 0 tot en met 4"):
        plan.set_days("a", value)
    assert plan.days["a"] == 0


def test_reason_has_a_limit():
    plan = CapacityPlan.from_case(spec(), CASE)
    plan.set_reason("Klein laat ik liggen; de directie moet het weten.")
    with pytest.raises(InputError, match=f"hoogstens {MAX_REASON:,}".replace(",", ".")) as info:
        plan.set_reason("x" * (MAX_REASON + 1))
    assert "…" in str(info.value)
    assert plan.reason.startswith("Klein laat ik")


def test_restore_a_saved_answer_with_damaged_items():
    saved = {"days": {"a": 3, "b": "veel", "c": 2.5, "onbekend": 1, "d": -1}, "reason": "De kleine accepteer ik."}
    plan = CapacityPlan.from_dict(spec(), saved, CASE)
    assert plan.days == {"a": 3, "b": 0, "c": 0}
    assert plan.reason == "De kleine accepteer ik."
    too_many = CapacityPlan.from_dict(spec(), {"days": {"a": 3, "b": 3}}, CASE)  # budget 4: b is dropped
    assert too_many.days == {"a": 3, "b": 0, "c": 0}
    assert CapacityPlan.from_dict(spec(), {"days": [1, 2], "reason": 7}, CASE).days == {"a": 0, "b": 0, "c": 0}
    assert CapacityPlan.from_dict(spec(), None, CASE).reason == ""


def test_restore_moves_days_off_a_minimum_before_adding_elsewhere():
    s = spec(minima={"klein": {"c": 1}})
    plan = CapacityPlan.from_dict(s, {"days": {"a": 4, "c": 0}}, CASE)  # a listed first, yet it fits
    assert plan.days == {"a": 4, "b": 0, "c": 0}
    assert CapacityPlan.from_dict(s, plan.to_dict(), CASE).days == plan.days


def test_unknown_risk_in_the_minima_is_ignored_and_named():
    plan = CapacityPlan.from_case(spec(minima={"klein": {"c": 1, "r9": 2}}), CASE)
    assert plan.minima == {"c": 1} and plan.unknown_minima == ("r9",)
    assert plan.left() == 3


def test_spec_from_the_fixture_course(data):
    s = load_spec("m3.capaciteit")
    assert s.budget_days == 20 and s.reduction_per_day == 0.3
    assert s.minimum_days["nvwa_maaltijdplatforms"] == {"r4": 2}
    path = data / "exercises" / "m3" / "capaciteit.yaml"
    edit(path, lambda doc: doc.update(case="ilt_ontgassen_binnenvaart"))  # ``case`` wins, as in E3.1
    assert load_spec("m3.capaciteit").default_case == "ilt_ontgassen_binnenvaart"


@pytest.mark.parametrize("change, field", [
    (lambda d: d.update(budget_days=2.5), "budget_days"),
    (lambda d: d.update(reduction_per_day=1), "reduction_per_day"),
    (lambda d: d.update(reduction_per_day=0), "reduction_per_day"),
    (lambda d: d["minimum_days"].update(bestaat_niet={"r1": 1}), "minimum_days.bestaat_niet"),
    (lambda d: d["minimum_days"]["nvwa_maaltijdplatforms"].update(r1=1.5), "minimum_days.nvwa_maaltijdplatforms.r1"),
    (lambda d: d["minimum_days"]["nvwa_maaltijdplatforms"].update(r1=15, r2=10), "minimum_days.nvwa_maaltijdplatforms"),
])
def test_broken_spec_names_field(data, change, field):
    edit(data / "exercises" / "m3" / "capaciteit.yaml", change)
    with pytest.raises(ContentError) as info:
        load_spec("m3.capaciteit")
    assert info.value.field == field and "capaciteit.yaml" in info.value.file


def test_unknown_case_in_the_minima_is_named_by_check(data):
    root = Field({"type": "capacity_allocation", "title": "T", "default_case": "nvwa_maaltijdplatforms",
                  "budget_days": 5, "reduction_per_day": 0.3, "minimum_days": {"nvwa_maaltijdplatfroms": {"r1": 1}}},
                 "capaciteit.yaml")
    assert parse_spec(root, "m3.x").minimum_days  # the model alone reads no case folder
    with pytest.raises(ContentError, match="nvwa_maaltijdplatforms"):
        TYPE.parse_spec(root, "m3.x")


def test_risk_matrix_scores_unchanged():
    """E3.1 now takes its formulas from the shared functions: same scores."""
    rm = RiskMatrix.from_case(load_spec("m3.risicomatrix"), SimpleNamespace(case_id="klein", risks=[
        SimpleNamespace(id="a", name="A", likelihood=1, impact=5)]))
    a = rm.risks[0]
    assert rm.score(a, "lxi") == 5 and rm.score(a, "expected_damage") == 10_000
