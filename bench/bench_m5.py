"""Module 5: redraw after one edit, from value change to finished figure
(model, workbook save, plot, PNG, tables).

Typical size: the default case (4 public values x 7 stakeholders = 28 weights;
6 field observations). 10x: 34 values x 8 stakeholders = 272 weights; 60
observations. Target (issue 5): median <= 100 ms at typical size; the 10x
figures are reported without a target. Besides wall-clock time the table
shows the median CPU time of the process per edit, which a busy machine does
not inflate.

    .venv/bin/python bench/bench_m5.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import isolated_env, summary, table, timed, write  # noqa: E402

isolated_env()

import lst_kit  # noqa: E402

EDITS = 50
TARGET_MS = 100


def measured(edit) -> dict:
    """Wall-clock median and p95 (harness), plus the median CPU time of this
    process per edit: on a busy machine the wall clock includes waiting for a
    CPU, the CPU time does not."""
    cpu: list[float] = []

    def run(i):
        start = time.process_time()
        edit(i)
        cpu.append((time.process_time() - start) * 1000)

    result = summary(timed(run, EDITS))
    result["cpu_median_ms"] = round(statistics.median(cpu), 1)
    return result


def values_view(big: bool):
    view = lst_kit.public_values("m5.publieke_waarden")
    model = view.model
    if big:
        model.select_actors([a.id for a in model.case.actors][:8])
        while len(model.values()) < 34:
            model.add_value(f"Extra waarde {len(model.values()) + 1}")
        view._build_values()
    return view


def bench_values(big: bool) -> tuple[dict, int]:
    view = values_view(big)
    cells = list(view.cells.values())
    rng = random.Random(5)

    def edit(i):
        cell = cells[i * 7 % len(cells)]
        cell.value = (cell.value + 1 + rng.randint(0, 3)) % 6

    result = measured(edit)
    assert view.banner.message == "", view.banner.message
    return result, len(cells)


def triage_view(big: bool):
    view = lst_kit.signal_triage("m5.signalen")
    model = view.model
    rng = random.Random(6)
    if big:
        while len(model.observations()) < 60:
            n = len(model.observations()) + 1
            model.add_own(f"Extra observatie {n} uit het veld", rng.randint(1, 5), rng.randint(1, 5),
                          rng.choice(["ja", "nee", "deels", "nvt"]), rng.random() < 0.5, "ministerie")
        view._build_table()
        view._refresh_outline()
    return view


def bench_triage(big: bool) -> tuple[dict, int]:
    view = triage_view(big)
    ids = [o.id for o in view.model.observations()]

    def edit(i):
        control = view.controls[(ids[i % len(ids)], "severity")]
        control.value = 1 + control.value % 5

    result = measured(edit)
    assert view.banner.message == "", view.banner.message
    return result, len(ids)


def bench_justice() -> tuple[dict, int]:
    view = lst_kit.procedural_justice("m5.procedurele_rechtvaardigheid")
    sliders = list(view.sliders.values())

    def edit(i):
        slider = sliders[i % len(sliders)]
        slider.value = 1 + slider.value % 5

    return measured(edit), len(sliders)


def main() -> None:
    rows = []
    for label, size, fn, target in (
        ("publieke_waarden", "typisch", lambda: bench_values(False), TARGET_MS),
        ("publieke_waarden", "10x", lambda: bench_values(True), None),
        ("signalen", "typisch", lambda: bench_triage(False), TARGET_MS),
        ("signalen", "10x", lambda: bench_triage(True), None),
        ("procedurele_rechtvaardigheid", "typisch", bench_justice, TARGET_MS),
    ):
        result, n = fn()
        unit = {"publieke_waarden": "gewichten", "signalen": "observaties"}.get(label, "schuifjes")
        rows.append({"oefening": label, "omvang": f"{size} ({n} {unit})", **result,
                     "doel_ms": target if target else "-",
                     "gehaald": ("ja" if result["median_ms"] <= target else "nee") if target else "-"})
    print(table(rows, ["oefening", "omvang", "n", "median_ms", "p95_ms", "cpu_median_ms", "doel_ms", "gehaald"]))
    print(f"\nresultaten: {write('m5_redraw', rows)}")


if __name__ == "__main__":
    main()
