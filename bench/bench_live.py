"""Speed of the teacher's live class overview (``lst_kit.class_overview(live=True)``).

    python bench/bench_live.py [--participants 300] [--changed 5] [--repeats 7] [--seed 1]

On a demo class of 300 workbooks (the cached demo class of bench_collect.py,
copied to a temporary folder because the benchmark changes workbooks), in
one warm process as in the teacher's kernel:

- the floor: read the same files and ``json.loads`` them, nothing else;
- a cold overview: a new widget (``ClassOverviewView``) on the folder, i.e.
  every workbook read and every class picture drawn, in one process
  (``workers=1``, as in a kernel);
- a refresh with nothing changed;
- a refresh after 5 participants each saved a new answer (through
  lst_kit.workbook), all to the same exercise (a class working on one
  exercise) and to 5 different exercises.

And, as bench_collect.py does, ``lst-kit collect`` on the same 300 as a
process against a process that json-loads them into a DataFrame.

Targets (printed, not asserted): a refresh with 5 changed workbooks at most
300 ms; a cold overview at most 3x the floor. Results go to
``bench/results/bench_live.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))
from bench_collect import FLOOR, RESULTS, content_key, demo_classes, timed  # noqa: E402
from harness import isolated_env, summary, table, write  # noqa: E402

REFRESH_TARGET_MS = 300
COLD_TARGET_RATIO = 3


def demo_folder(size: int, seed: int) -> Path:
    """A demo class of ``size``: the first N of a cached larger class when there is one."""
    key = content_key()
    sizes = [size]
    for base in (RESULTS / "cache").glob(f"demo-*-seed{seed}-{key}") if (RESULTS / "cache").is_dir() else ():
        match = re.fullmatch(rf"demo-(\d+)-seed{seed}-{key}", base.name)
        if match and (base / ".complete").exists() and int(match.group(1)) >= size:
            sizes.append(int(match.group(1)))
    return demo_classes(sorted(set(sizes)), seed)[size]


def floor(folder: Path) -> None:
    for path in sorted(folder.rglob("*.json")):
        json.loads(path.read_bytes())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--changed", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    isolated_env()
    source = demo_folder(args.participants, args.seed)
    folder = Path(tempfile.mkdtemp(prefix="lst-bench-live-")) / "klas"
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".complete"))

    from lst_kit.reports import readings
    from lst_kit.reports.overview_view import ClassOverviewView
    from lst_kit.workbook import open_workbook

    names = sorted(json.loads(p.read_bytes())["participant"] for p in folder.glob("*.json"))
    ids = [e for e in ClassOverviewView(folder).state.pictures if readings.has_reading(e, "demo_answer")]
    rng = random.Random(args.seed)

    def change(same_exercise: bool) -> None:
        """``--changed`` participants each save one new answer."""
        exercise = rng.choice(ids)
        for name in rng.sample(names, args.changed):
            target = exercise if same_exercise else rng.choice(ids)
            open_workbook(name, folder).save_answer(target, readings.demo_answer(target, rng))

    floor(folder), ClassOverviewView(folder)  # warm the file cache and the imports
    floors, colds, idle, same, spread, draws = [], [], [], [], [], {"same": [], "spread": []}
    for _ in range(args.repeats):
        start = time.perf_counter()
        floor(folder)
        floors.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        view = ClassOverviewView(folder)
        colds.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        view.refresh()
        idle.append((time.perf_counter() - start) * 1000)
        for label, out in (("same", same), ("spread", spread)):
            change(label == "same")
            before = view.state.draws
            start = time.perf_counter()
            view.refresh()
            out.append((time.perf_counter() - start) * 1000)
            draws[label].append(view.state.draws - before)
        view.close()
    shutil.rmtree(folder.parent, ignore_errors=True)

    # The same as separate processes, as bench_collect.py measures them: a process that only
    # json-loads the files into a DataFrame, against `lst-kit collect` (with its worker processes).
    out = Path(tempfile.mkdtemp(prefix="lst-bench-live-out-")) / "o.html"
    floor_cmd = [sys.executable, "-c", FLOOR, str(source)]
    collect_cmd = [sys.executable, "-m", "lst_kit.cli", "collect", str(source), "--out", str(out)]
    timed(floor_cmd), timed(collect_cmd)
    process_floor, process_collect = [], []
    for _ in range(args.repeats):
        process_floor.append(timed(floor_cmd)[0])
        process_collect.append(timed(collect_cmd)[0])
    shutil.rmtree(out.parent, ignore_errors=True)
    process_ratio = statistics.median(process_collect) / statistics.median(process_floor)

    n, k = args.participants, args.changed
    cold_ratio = statistics.median(colds) / statistics.median(floors)
    rows = [
        {"meting": f"json-vloer, {n} werkboeken", **summary(floors), "doel_ms": "-"},
        {"meting": f"koud overzicht (widget), {n} werkboeken", **summary(colds), "doel_ms": "-",
         "x_vloer": round(cold_ratio, 2)},
        {"meting": f"verversen, niets veranderd", **summary(idle), "doel_ms": REFRESH_TARGET_MS},
        {"meting": f"verversen, {k} werkboeken veranderd (zelfde oefening)", **summary(same),
         "doel_ms": REFRESH_TARGET_MS, "opnieuw getekend": statistics.median(draws["same"])},
        {"meting": f"verversen, {k} werkboeken veranderd ({k} oefeningen)", **summary(spread),
         "doel_ms": REFRESH_TARGET_MS, "opnieuw getekend": statistics.median(draws["spread"])},
    ]
    print(table(rows, ["meting", "n", "median_ms", "p95_ms", "doel_ms", "x_vloer", "opnieuw getekend"]))
    print(f"\nkoud overzicht: {cold_ratio:.2f}x de json-vloer (doel: hoogstens {COLD_TARGET_RATIO}x)")
    rows.append({"meting": f"koud overzicht t.o.v. json-vloer, {n} werkboeken", "ratio": round(cold_ratio, 2),
                 "vloer_s": round(statistics.median(floors) / 1000, 3), "kit_s": round(statistics.median(colds) / 1000, 3),
                 "doel": f"<= {COLD_TARGET_RATIO}x", "gehaald": "ja" if cold_ratio <= COLD_TARGET_RATIO else "nee"})
    print(f"lst-kit collect als eigen proces: {process_ratio:.2f}x de vloer van bench_collect "
          f"({statistics.median(process_collect):.2f} s tegen {statistics.median(process_floor):.2f} s; "
          f"doel: hoogstens {COLD_TARGET_RATIO}x)")
    rows.append({"meting": f"lst-kit collect (proces) t.o.v. json+pandas-proces, {n} werkboeken",
                 "ratio": round(process_ratio, 2), "vloer_s": round(statistics.median(process_floor), 3),
                 "kit_s": round(statistics.median(process_collect), 3), "doel": f"<= {COLD_TARGET_RATIO}x",
                 "gehaald": "ja" if process_ratio <= COLD_TARGET_RATIO else "nee"})
    print(f"resultaat: {write('bench_live', rows).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
