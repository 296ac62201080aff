"""Module 2: how long a participant waits after one edit.

Each row makes 50 edits through the widget, the way a participant does
(set a slider, type in a field, pick a design), and times the whole handler:
model update, save to the workbook, and redraw (plot, PNG, caption, table,
warnings, charter). It prints figures; it does not pass or fail. The target
is a median of at most 100 ms.

    PYTHONPATH=. .venv/bin/python bench/bench_m2.py [--edits 50]

Outside a running kernel the canvas's debounced save happens at once, so its
rows include a save on every keystroke: more than a participant pays.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("MPLBACKEND", "Agg")

TARGET_MS = 100.0


def measure(edit, n: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of ``edit(i)`` for i in 0..n-1."""
    edit(-1)  # warm up (fonts, caches)
    wall, cpu = [], []
    for i in range(n):
        w, c = time.perf_counter(), time.process_time()
        edit(i)
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def rows(n: int, folder: str):
    from lst_kit.content import load_spec
    from lst_kit.exercises.effect_chain import EffectChainView
    from lst_kit.exercises.sparrow_canvas import SparrowView
    from lst_kit.exercises.strategic_triangle import TriangleView
    from lst_kit.workbook import open_workbook

    def workbook(name):
        return open_workbook(name, folder)

    # Strategic triangle: one slider, typical 3 options and the maximum of 4.
    for label, extra in (("3 opties (typisch)", []), ("4 opties (maximum)", ["i4"])):
        view = TriangleView(load_spec("m2.driehoek"), workbook(f"tri{len(extra)}"))
        for option_id in extra:
            view.checkboxes[option_id].value = True
        slider = view.sliders[("i2", "legitimacy")]
        yield "driehoek", "schuif één score", label, measure(lambda i, s=slider: setattr(s, "value", 1 + (i + 2) % 5), n)

    # Effect chain: move one own indicator to another tier (weights chart), or pick a design (designs chart).
    base = load_spec("m2.effectketen")
    for label, count in (("8 indicatoren (typisch)", 8), ("80 indicatoren (10x)", 80)):
        view = EffectChainView(replace(base, max_indicators=200), workbook(f"chain{count}"))
        tiers = [x.key for x in base.tiers]
        for k in range(count):
            view.model.add_own(f"Eigen indicator nummer {k}", tiers[k % len(tiers)])
        view._changed(rows=True)
        dropdown = view.row_controls[0]["tier"]
        yield "effectketen", "niveau van een indicator", label, measure(
            lambda i, d=dropdown: setattr(d, "value", tiers[(i + 1) % len(tiers)]), n)
        designs = [d.key for d in base.designs]
        yield "effectketen", "kies een ontwerp", label, measure(
            lambda i, v=view: setattr(v.design, "value", designs[(i + 1) % len(designs)]), n)

    # Sparrow canvas: one keystroke in the definition; the rest of the canvas filled (about 1,000
    # characters typical, 10,000 at 10x).
    for label, scale in (("±1.000 tekens (typisch)", 1), ("±10.000 tekens (10x)", 10)):
        view = SparrowView(load_spec("m2.sparrow"), workbook(f"canvas{scale}"), save_delay=1.0)
        filler = "Een zin over het probleem en de aanpak van de inspectie. " * 2 * scale
        for (stage, key), area in view.areas.items():
            if key != "indicatoren":
                area.value = filler[:4000]
        view.areas[("meten", "indicatoren")].value = "\n".join(f"aantal inspecties {k}" for k in range(3 * scale))
        area = view.areas[("definieren", "definitie")]
        text = area.value
        yield "sparrow", "één toetsaanslag", label, measure(
            lambda i, a=area, t=text: setattr(a, "value", t + "x" * (i + 2)), n)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lst-bench-") as folder:
        os.environ["LST_WERKBOEK_DIR"] = folder
        header = f"{'oefening':<12} {'bewerking':<26} {'omvang':<26} {'n':>3} {'mediaan ms':>11} {'p95 ms':>8} {'cpu-med ms':>11}  doel"
        print(header)
        print("-" * len(header))
        for exercise, edit, size, (wall, cpu) in rows(args.edits, folder):
            median = statistics.median(wall)
            verdict = "ok" if median <= TARGET_MS else "BOVEN DOEL"
            print(f"{exercise:<12} {edit:<26} {size:<26} {len(wall):>3} {median:>11.1f} {p95(wall):>8.1f} "
                  f"{statistics.median(cpu):>11.1f}  {verdict}")
    print(f"\nDoel: mediaan ≤ {TARGET_MS:.0f} ms per bewerking (wandkloktijd; cpu-med is de processortijd).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
