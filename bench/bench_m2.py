"""Module 2: how long a participant waits after one edit.

Each row makes 50 edits through the widget, the way a participant does
(set a slider, type in a field, pick a design), and times the whole handler:
model update, save to the workbook, and redraw (plot, SVG, caption, table,
warnings, charter). It prints figures; it does not pass or fail. The target
is a median of at most 100 ms.

    .venv/bin/python bench/bench_m2.py

Typical size and 10x: the triangle has at most 4 options, so its second row
is that maximum; the effect chain goes from 8 to 80 indicators; the canvas
from about 1,000 to 10,000 characters. Outside a kernel the canvas's
debounced save happens at once, so its rows include a save on every
keystroke: more than a participant pays. Results also go to
bench/results/m2_redraw.json.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from harness import isolated_env, summary, table, write  # noqa: E402

isolated_env()

EDITS = 50
TARGET_MS = 100


def measure(edit, n: int) -> dict:
    """Median and p95 wall-clock ms of ``edit(i)`` for i in 0..n-1, plus the
    median CPU ms (on a busy machine the wall clock also counts waiting)."""
    edit(-1)  # warm up (fonts, caches)
    wall, cpu = [], []
    for i in range(n):
        w, c = time.perf_counter(), time.process_time()
        edit(i)
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return {**summary(wall), "cpu_median_ms": round(statistics.median(cpu), 1)}


def rows(n: int):
    from lst_kit.content import case_ids, load_case, load_spec
    from lst_kit.exercises.effect_chain.view import EffectChainView
    from lst_kit.exercises.sparrow_canvas.view import SparrowView
    from lst_kit.exercises.strategic_triangle.view import TriangleView
    from lst_kit.workbook import open_workbook

    cases = {case_id: load_case(case_id) for case_id in case_ids()}

    def workbook(name):
        return open_workbook(name)

    # Strategic triangle: one slider, typical 3 options and the maximum of 4.
    for label, extra in (("3 opties (typisch)", []), ("4 opties (maximum)", ["i4"])):
        view = TriangleView(load_spec("m2.driehoek"), cases, workbook(f"tri{len(extra)}"))
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
        view = SparrowView(load_spec("m2.sparrow"), cases, workbook(f"canvas{scale}"), save_delay=1.0)
        filler = "Een zin over het probleem en de aanpak van de inspectie. " * 2 * scale
        for (stage, key), area in view.areas.items():
            if key != "indicatoren":
                area.value = filler[:4000]
        view.areas[("meten", "indicatoren")].value = "\n".join(f"aantal inspecties {k}" for k in range(3 * scale))
        area = view.areas[("definieren", "definitie")]
        text = area.value
        yield "sparrow", "één toetsaanslag", label, measure(
            lambda i, a=area, t=text: setattr(a, "value", t + "x" * (i + 2)), n)


def main() -> None:
    out = []
    for exercise, edit, size, result in rows(EDITS):
        out.append({"oefening": exercise, "bewerking": edit, "omvang": size, **result, "doel_ms": TARGET_MS,
                    "gehaald": "ja" if result["median_ms"] <= TARGET_MS else "nee"})
    print(table(out, ["oefening", "bewerking", "omvang", "n", "median_ms", "p95_ms", "cpu_median_ms", "doel_ms",
                      "gehaald"]))
    print(f"\nresultaten: {write('m2_redraw', out)}")


if __name__ == "__main__":
    main()
