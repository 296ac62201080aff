"""E1.3 Toezichtsparadox, the model, in pure Python: the simulation's
mechanics by hand, its seeding, the statistics, and restore.

The draws are not numpy's any more, so no test pins a drawn number: they
check what the model must do whatever the draws (by hand where the draws
do not matter), determinism per seed, and effects in the right direction.
"""

import subprocess
import sys

import pytest

from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.paradox.model import ParadoxModel, Simulation, format_number, percentile, simulate


def params(**kw):
    base = {"p0": 0.25, "e": 0.7, "a": 0.3, "d": 0.85, "s0": 0.5, "horizon": 40}
    base.update(kw)
    return base


def test_paradox_without_incidents_decays_geometrically():
    sim = simulate(params(p0=0.0, d=0.9, s0=0.8, horizon=10), runs=5, seed=1)
    assert not any(any(run) for run in sim.incidents)
    for run in sim.intensity:
        assert run == pytest.approx([0.8 * 0.9 ** k for k in range(11)])


def test_paradox_incident_every_period_rises_to_one():
    sim = simulate(params(p0=1.0, e=0.0, a=0.3, s0=0.0, horizon=5), runs=3, seed=1)
    assert all(all(run) for run in sim.incidents)
    assert sim.intensity[0] == pytest.approx([0, 0.3, 0.6, 0.9, 1.0, 1.0])
    assert sim.example_hits() == [1, 2, 3, 4, 5]


def test_paradox_is_seeded_and_effective_supervision_lowers_incidents():
    a = simulate(params(), runs=200, seed=7)
    b = simulate(params(), runs=200, seed=7)
    assert a.intensity == b.intensity and a.incidents == b.incidents
    assert simulate(params(), runs=200, seed=8).intensity != a.intensity
    assert simulate(params(), runs=200, seed=7, draw=1).intensity != a.intensity
    weak = simulate(params(e=0.0), runs=400, seed=3).mean_incidents()
    strong = simulate(params(e=1.0, d=1.0, s0=1.0), runs=400, seed=3).mean_incidents()
    assert weak == pytest.approx(0.25 * 40, rel=0.1)  # 400 runs: the mean's standard error is about 0.14
    assert strong == 0.0


def test_a_run_does_not_depend_on_how_many_runs_there_are():
    few = simulate(params(), runs=3, seed=5, draw=2)
    many = simulate(params(), runs=50, seed=5, draw=2)
    assert many.intensity[:3] == few.intensity and many.incidents[:3] == few.incidents


def test_simulations_stay_within_bounds_and_incidents_lift_intensity():
    sim = simulate(params(a=0.4, d=0.8), runs=30, seed=11)
    assert len(sim.intensity) == 30 and all(len(run) == 41 for run in sim.intensity) and sim.horizon == 40
    for path, hits in zip(sim.intensity, sim.incidents):
        assert all(0.0 <= s <= 1.0 for s in path)
        for step, hit in enumerate(hits):
            expected = min(1.0, path[step] + 0.4) if hit else path[step] * 0.8
            assert path[step + 1] == pytest.approx(expected)


def test_percentile_interpolates_between_ranks():
    assert percentile([5, 1, 4, 2, 3], 10) == pytest.approx(1.4)   # rank 0.4 between 1 and 2
    assert percentile([5, 1, 4, 2, 3], 50) == 3
    assert percentile([10.0, 0.0], 90) == pytest.approx(9.0)
    assert percentile([7.0], 10) == 7.0
    assert percentile([1, 2, 3, 4], 100) == 4 and percentile([1, 2, 3, 4], 0) == 1


def test_statistics_of_a_small_simulation_by_hand():
    sim = Simulation(intensity=[[0.0, 1.0, 0.5], [0.0, 0.0, 0.0], [0.2, 0.4, 1.0]],
                     incidents=[[True, False], [False, False], [True, True]])
    assert sim.horizon == 2 and sim.example_hits() == [1]
    assert sim.mean_incidents() == pytest.approx(1.0)           # (1 + 0 + 2) / 3
    assert sim.swing() == pytest.approx((0.25 + 0.0 + 0.3) / 3)  # pstdev of S_1..S_2 per run
    assert sim.final_median() == 0.5
    low, mid, high = sim.band()
    assert mid == [0.0, 0.4, 0.5]
    assert low == pytest.approx([0.0, 0.08, 0.1]) and high == pytest.approx([0.16, 0.88, 0.9])


def test_band_holds_the_median_and_is_a_line_when_all_runs_agree():
    sim = simulate(params(), runs=60, seed=2)
    low, mid, high = sim.band()
    assert all(lo <= m <= hi for lo, m, hi in zip(low, mid, high))
    calm = simulate(params(p0=0.0), runs=10, seed=2)
    low, mid, high = calm.band()
    assert low == pytest.approx(calm.intensity[0]) and high == pytest.approx(calm.intensity[0])


def test_paradox_model_validates_and_saves_plain_numbers():
    spec = load_spec("m1.paradox")
    model = ParadoxModel(spec)
    with pytest.raises(InputError, match="Sprong na incident"):
        model.set("a", 5)
    with pytest.raises(InputError, match="Parameter"):
        model.set("onbekend", 1)
    model.set("horizon", 20.0)
    saved = model.to_dict()
    assert saved["parameters"]["horizon"] == 20 and isinstance(saved["parameters"]["horizon"], int)
    model.next_draw()
    assert ParadoxModel.from_dict(spec, model.to_dict()).draw == 1
    sim = model.simulate()
    assert len(sim.intensity) == spec.runs and len(sim.intensity[0]) == 21


def test_an_answer_saved_by_the_current_kit_restores():
    spec = load_spec("m1.paradox")
    saved = {"parameters": {"p0": 0.3, "e": 0.55, "a": 0.5, "d": 0.9, "s0": 0.25, "horizon": 60}, "draw": 2}
    model = ParadoxModel.from_dict(spec, saved)
    assert model.values == {"p0": 0.3, "e": 0.55, "a": 0.5, "d": 0.9, "s0": 0.25, "horizon": 60}
    assert model.draw == 2 and model.answered
    assert model.to_dict() == saved


@pytest.mark.parametrize("saved, answered", [(None, False), (5, False), ({}, False), ({"parameters": 5}, False),
                                             ({"parameters": {"p0": "hoog", "a": 9}}, True),
                                             ({"parameters": {}, "draw": True}, True)])
def test_odd_answers_restore_to_the_defaults(saved, answered):
    spec = load_spec("m1.paradox")
    model = ParadoxModel.from_dict(spec, saved)
    assert model.values == {"p0": 0.25, "e": 0.7, "a": 0.3, "d": 0.85, "s0": 0.5, "horizon": 40}
    assert model.draw == 0 and model.answered is answered


def test_numbers_are_written_as_the_reader_writes_them(monkeypatch):
    assert format_number(0.25) == "0,25" and format_number(40) == "40" and format_number(0.1 + 0.2) == "0,3"
    monkeypatch.setenv("LST_LANG", "en")
    assert format_number(0.25) == "0.25"


@pytest.mark.slow
def test_model_figures_and_readings_import_neither_widgets_nor_numpy():
    code = ("import sys, lst_kit.exercises.paradox, lst_kit.exercises.paradox.model, "
            "lst_kit.exercises.paradox.figures, lst_kit.exercises.paradox.readings; "
            "print(sorted(m for m in ('ipywidgets', 'numpy', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
