"""E3.1 risk matrix: the pure model (scores, bands, ranks, edits, restore)."""

import json

import pytest

from lst_kit.content import load_case, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.risk_matrix.model import RiskMatrix, band_index, score


@pytest.fixture
def rspec():
    return load_spec("m3.risicomatrix")


def model_of(spec, case_id):
    return RiskMatrix.from_case(spec, load_case(case_id))


@pytest.mark.parametrize(
    "lik, imp, exposure, rule, expected",
    [(3, 5, 3, "lxi", 15), (5, 5, 3, "lxi", 25), (1, 1, 3, "lxi", 1),
     (3, 5, 3, "fine_kinney", 3 * 3 * 40), (4, 4, 3, "fine_kinney", 6 * 3 * 15), (5, 2, 10, "fine_kinney", 10 * 10 * 3),
     (1, 1, 0.5, "fine_kinney", 0.5 * 0.5 * 1),
     (3, 5, 3, "expected_damage", 1e6), (5, 5, 3, "expected_damage", 1e8), (1, 1, 3, "expected_damage", 1.0)],
)
def test_scores(rspec, lik, imp, exposure, rule, expected):
    assert score(rspec, lik, imp, exposure, rule) == pytest.approx(expected)


@pytest.mark.parametrize(
    "rule, value, label",
    [("lxi", 4, "laag"), ("lxi", 5, "midden"), ("lxi", 16, "hoog"), ("lxi", 20, "zeer hoog"),
     ("fine_kinney", 20, "aanvaardbaar"), ("fine_kinney", 70.5, "maatregelen vereist"), ("fine_kinney", 360, "direct verbeteren"),
     ("fine_kinney", 401, "werk stoppen"), ("expected_damage", 1e6, "hoog"), ("expected_damage", 10 ** -2 * 10 ** 5, "laag")],
)
def test_band_classes(rspec, rule, value, label):
    assert rspec.bands[rule][band_index(rspec.bands[rule], value)].label == label


def test_ranking_ties_and_rank_changes(rspec):
    m = model_of(rspec, "nvwa_maaltijdplatforms")  # R1 3×5, R2 4×4, R3 5×2 ...
    lxi = {r.id: rank for r, _, rank in m.ranked("lxi")}
    assert lxi["r2"] == 1 and lxi["r1"] == 2
    ranked = m.ranked("lxi")
    assert [rank for _, _, rank in ranked] == sorted(rank for _, _, rank in ranked)
    changes = {r.id: (a, b) for r, a, b in m.rank_changes("lxi", "expected_damage")}
    assert changes["r1"] == (2, 1)  # catastrophic but less likely moves up with expected damage
    assert all(a != b for a, b in changes.values())


def test_equal_scores_share_a_rank(rspec):
    m = RiskMatrix(rspec, "x")
    m.add("A", 2, 3)
    m.add("B", 3, 2)
    m.add("C", 1, 1)
    assert [(r.name, rank) for r, _, rank in m.ranked("lxi")] == [("A", 1), ("B", 1), ("C", 3)]


def test_risk_edits_validate_and_leave_model_unchanged(rspec):
    m = model_of(rspec, "ilt_ontgassen_binnenvaart")
    before = m.to_dict()
    for bad in (0, 6, 2.5, "3", True, None, float("nan"), float("inf")):
        with pytest.raises(InputError, match="Kans"):
            m.set_likelihood("r1", bad)
    with pytest.raises(InputError, match="Naam van het risico"):
        m.rename("r1", "   ")
    with pytest.raises(InputError, match="nog niet in de lijst"):
        m.rename("r1", m.risks[1].name.upper())
    with pytest.raises(InputError, match="Blootstelling"):
        m.set_exposure("r1", 4)
    with pytest.raises(InputError, match="Risico"):
        m.set_impact("r99", 3)
    assert m.to_dict() == before
    added = m.add("Lekkende slangen", 2, 3)
    assert added.id == "r6" and m.risk("r6").name == "Lekkende slangen"
    m.remove("r6")
    assert m.to_dict() == before


def test_band_thresholds_must_stay_in_order(rspec):
    m = model_of(rspec, "nvwa_maaltijdplatforms")
    m.set_band_upper("lxi", 0, 6)
    assert m.bands["lxi"][0].upper == 6
    with pytest.raises(InputError, match="groter dan 6 en kleiner dan 16"):
        m.set_band_upper("lxi", 1, 20)
    with pytest.raises(InputError):
        m.set_band_upper("lxi", 3, 30)  # the last band has no upper bound
    restored = RiskMatrix.from_dict(rspec, m.to_dict(), load_case("nvwa_maaltijdplatforms"))
    assert restored.bands["lxi"][0].upper == 6 and restored.to_dict() == m.to_dict()


def test_an_answer_written_by_the_kit_of_november_2026_restores(rspec):
    """One case's entry exactly as the kit before the package shape wrote it."""
    saved = {"case": "nvwa_maaltijdplatforms", "rule": "fine_kinney",
             "risks": [{"id": "r1", "name": "Allergenen", "likelihood": 2, "impact": 5, "exposure": 6.0},
                       {"id": "r7", "name": "Eigen risico", "likelihood": 4, "impact": 1, "exposure": 0.5}],
             "bands": {"lxi": [6, 15, 19], "fine_kinney": [20, 70, 200, 400], "expected_damage": [1e3, 1e5, 1e7]}}
    m = RiskMatrix.from_dict(rspec, saved, load_case("nvwa_maaltijdplatforms"))
    assert m.rule == "fine_kinney" and m.case_id == "nvwa_maaltijdplatforms"
    assert [(r.id, r.name, r.likelihood, r.impact, r.exposure) for r in m.risks] == [
        ("r1", "Allergenen", 2, 5, 6.0), ("r7", "Eigen risico", 4, 1, 0.5)]
    assert [b.upper for b in m.bands["lxi"][:-1]] == [6, 15, 19]
    assert m.to_dict() == saved


def test_odd_saved_items_are_left_out_one_by_one(rspec):
    case = load_case("nvwa_maaltijdplatforms")
    own = RiskMatrix.from_case(rspec, case)
    good = {"id": "r1", "name": "Goed", "likelihood": 3, "impact": 3, "exposure": 3}
    saved = {"risks": [good, {"id": "r2", "name": "Kapot", "likelihood": float("nan"), "impact": 3},
                       {"name": "goed", "likelihood": 2, "impact": 2}, ["geen", "risico"], None,
                       {"id": "r5", "name": "Rare blootstelling", "likelihood": 1, "impact": 1, "exposure": 7}]}
    m = RiskMatrix.from_dict(rspec, json.loads(json.dumps(saved)), case)
    # NaN, a duplicate name, a list and None are left out; an exposure of 7 falls back to the default
    assert [(r.name, r.exposure) for r in m.risks] == [("Goed", 3.0), ("Rare blootstelling", rspec.default_exposure)]
    assert RiskMatrix.from_dict(rspec, {"risks": []}, case).to_dict() == own.to_dict()
    clash = {"risks": [good, dict(good, name="Ander")]}  # two items with id r1: the case's own risks apply
    assert RiskMatrix.from_dict(rspec, clash, case).to_dict() == own.to_dict()
