"""Speed of ``lst-kit collect`` against a floor, on demo classes.

    python bench/bench_collect.py [--sizes 100 1000 5000] [--repeats 7] [--seed 1]

For each class size it times, as separate processes and interleaved (floor,
collect, floor, collect, ...):

- the floor: a process that only json-loads the same workbook files into a
  pandas DataFrame (``python -c ...``), and
- ``lst-kit collect DIR --out FILE`` (``python -m lst_kit.cli``).

Targets (printed, not asserted): at 1,000 workbooks collect takes at most
``RATIO_TARGET`` (3x) the floor (issue 12 allowed 3x, up from 2x, for one
restore path per exercise), and 1,000 workbooks cost at most 4x what 100 cost.

The demo classes are written once with ``lst-kit demo-class`` (through
lst_kit.workbook) into ``bench/results/cache/`` and reused while the course
content is unchanged: the cache key is a hash of every file under ``data/``
and of the demo code, so a class written before an exercise was added is
never measured. The smaller classes are the first N workbooks of the largest. Results go to
``bench/results/bench_collect.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))
from harness import with_bytecode_cache  # noqa: E402

#: collect of 1,000 workbooks against the floor, at most (issue 12).
RATIO_TARGET = 3
FLOOR = r"""
import json, sys
from pathlib import Path
import pandas as pd
rows = [json.loads(p.read_bytes()) for p in sorted(Path(sys.argv[1]).rglob("*.json"))]
frame = pd.DataFrame.from_records(rows)
print(len(frame))
"""


def env() -> dict:
    out = dict(os.environ)
    with_bytecode_cache(out)
    out["PYTHONPATH"] = str(REPO) + (os.pathsep + out["PYTHONPATH"] if out.get("PYTHONPATH") else "")
    out["MPLBACKEND"] = "Agg"
    out.pop("LST_DATA_DIR", None)
    return out


def content_key() -> str:
    """Hash of what decides a demo class: the course content and the demo code."""
    digest = hashlib.sha256()
    sources = sorted((REPO / "data").rglob("*.yaml"))  # (data/demo/ holds the demo prose)
    sources += [REPO / "lst_kit" / "content" / "demo.py", REPO / "lst_kit" / "reports" / "class_overview.py"]
    sources += sorted((REPO / "lst_kit" / "exercises").rglob("*.py"))
    for path in sources:
        digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def demo_classes(sizes: list[int], seed: int) -> dict[int, Path]:
    """One demo class of the largest size (cached per content key), and the smaller ones as its first N files."""
    largest = max(sizes)
    cache = RESULTS / "cache"
    key = content_key()
    for stale in cache.glob("demo-*") if cache.is_dir() else ():
        if key not in stale.name:
            shutil.rmtree(stale, ignore_errors=True)
    base = cache / f"demo-{largest}-seed{seed}-{key}"
    if not (base / ".complete").exists():
        shutil.rmtree(base, ignore_errors=True)
        cache.mkdir(parents=True, exist_ok=True)
        print(f"demo-klas van {largest} werkboeken schrijven (eenmalig, kan enkele minuten duren) ...", flush=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lst_kit.cli", "demo-class", str(base), "--participants", str(largest),
                        "--seed", str(seed)], check=True, env=env(), stdout=subprocess.DEVNULL)
        (base / ".complete").write_text("ok\n")
        print(f"  klaar in {time.perf_counter() - start:.0f} s", flush=True)
    files = sorted(base.glob("*.json"))
    out = {}
    for size in sizes:
        if size == largest:
            out[size] = base
            continue
        folder = cache / f"demo-{size}-of-{largest}-seed{seed}-{key}"
        if not (folder / ".complete").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            for path in files[:size]:
                shutil.copy2(path, folder / path.name)
            (folder / ".complete").write_text("ok\n")
        out[size] = folder
    return out


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children: user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env(), stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    classes = demo_classes(args.sizes, args.seed)
    out_dir = Path(tempfile.mkdtemp(prefix="lst-bench-"))
    rows = []
    for size in sorted(args.sizes):
        folder = classes[size]
        floor_cmd = [sys.executable, "-c", FLOOR, str(folder)]
        collect_cmd = [sys.executable, "-m", "lst_kit.cli", "collect", str(folder), "--out", str(out_dir / "o.html")]
        timed(floor_cmd), timed(collect_cmd)  # warm the file cache and the bytecode
        floor, collect, floor_cpu, collect_cpu = [], [], [], []
        for _ in range(args.repeats):
            wall, cpu = timed(floor_cmd)
            floor.append(wall)
            floor_cpu.append(cpu)
            wall, cpu = timed(collect_cmd)
            collect.append(wall)
            collect_cpu.append(cpu)
        rows.append({
            "workbooks": size,
            "floor_median_s": statistics.median(floor), "floor_p95_s": p95(floor),
            "collect_median_s": statistics.median(collect), "collect_p95_s": p95(collect),
            "ratio_to_floor": statistics.median(collect) / statistics.median(floor),
            "floor_cpu_median_s": statistics.median(floor_cpu), "collect_cpu_median_s": statistics.median(collect_cpu),
            "html_bytes": (out_dir / "o.html").stat().st_size,
        })
    shutil.rmtree(out_dir, ignore_errors=True)
    by_size = {r["workbooks"]: r for r in rows}
    print()
    print("wandkloktijd (wall) en CPU-tijd (user + sys, ook van werkprocessen), mediaan en p95 over "
          f"{args.repeats} afwisselende runs")
    print(f"{'werkboeken':>10} {'vloer med':>10} {'vloer p95':>10} {'collect med':>12} {'collect p95':>12} {'x vloer':>8}"
          f" {'vloer cpu':>10} {'collect cpu':>12}")
    for r in rows:
        print(f"{r['workbooks']:>10} {r['floor_median_s']:>9.3f}s {r['floor_p95_s']:>9.3f}s "
              f"{r['collect_median_s']:>11.3f}s {r['collect_p95_s']:>11.3f}s {r['ratio_to_floor']:>8.2f}"
              f" {r['floor_cpu_median_s']:>9.3f}s {r['collect_cpu_median_s']:>11.3f}s")
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        span = b["workbooks"] - a["workbooks"]
        marginal = {k: 1000 * (b[f"{k}_median_s"] - a[f"{k}_median_s"]) / span for k in ("floor", "collect")}
        print(f"marginale kosten per werkboek ({a['workbooks']} -> {b['workbooks']}): vloer {marginal['floor']:.3f} ms, "
              f"collect {marginal['collect']:.3f} ms")
    summary = {}
    if 1000 in by_size:
        summary["ratio_1000_to_floor"] = by_size[1000]["ratio_to_floor"]
        print(f"\n1.000 werkboeken: {summary['ratio_1000_to_floor']:.2f}x de vloer (doel: hoogstens {RATIO_TARGET}x)")
    if 100 in by_size and 1000 in by_size:
        summary["scaling_1000_over_100"] = by_size[1000]["collect_median_s"] / by_size[100]["collect_median_s"]
        print(f"1.000 t.o.v. 100 werkboeken: {summary['scaling_1000_over_100']:.2f}x zo duur (doel: hoogstens 4x)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    result = {
        "benchmark": "bench_collect",
        "repeats": args.repeats, "seed": args.seed,
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "load_average_at_end": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "rows": rows, "summary": summary,
    }
    path = RESULTS / "bench_collect.json"
    path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nbelasting van de machine (load average, 1 min) aan het eind: {load:.2f} op {os.cpu_count()} CPU's")
    print(f"resultaat: {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
