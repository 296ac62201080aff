"""`make bench`: every benchmark in one run, then one summary table.

Runs bench_notebooks.py (notebook run and import, as ratios to a floor),
each module's redraw benchmark (bench_m*.py), bench_collect.py (class
overview at 100 / 1,000 / 5,000 workbooks against a json+pandas floor),
bench_live.py (the teacher's live overview of 300: cold, and a refresh
after 5 workbooks changed), bench_export.py (portfolio), bench_lite.py
(time to first widget in the static JupyterLite site, in headless
Chromium) and bench_browser.py (the risk-matrix lab in Voilà and
Chromium: input event to new figure on the page). Each prints its own table; this script then
prints one table of all figures and writes bench/results/summary.json.
Benchmarks print figures; they do not pass or fail.

    .venv/bin/python bench/run_all.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from harness import RESULTS, table, write  # noqa: E402
from bench_collect import RATIO_TARGET  # noqa: E402


def scripts(quick: bool) -> list[list[str]]:
    out = [["bench_notebooks.py"] + (["--repeat", "1"] if quick else [])]
    out += [[p.name] for p in sorted(HERE.glob("bench_m*.py"))]
    out.append(["bench_collect.py"] + (["--sizes", "100", "1000", "--repeats", "3"] if quick else []))
    out.append(["bench_live.py"] + (["--repeats", "3"] if quick else []))
    out.append(["bench_export.py"] + (["--repeat", "2"] if quick else []))
    out.append(["bench_lite.py"] + (["--repeat", "1"] if quick else []))
    out.append(["bench_browser.py"] + (["--repeat", "4"] if quick else []))
    return out


def _value(row: dict) -> tuple[str, str, str]:
    """(figure, target, met) from the differently shaped rows of each script."""
    if "median_ms" in row:
        figure = f"mediaan {row['median_ms']} ms, p95 {row.get('p95_ms', '-')} ms"
        limit = row.get("doel_ms")
        if limit in (None, "-") and "100 ms" in str(row.get("doel", "")):
            limit = 100
        if limit in (None, "-"):
            return figure, "-", "-"
        met = row.get("gehaald") or ("ja" if row["median_ms"] <= float(limit) else "nee")
        return figure, f"<= {limit} ms", str(met)
    if "ratio" in row:
        return f"{row['ratio']}x (vloer {row.get('vloer_s')} s, kit {row.get('kit_s')} s)", row.get("doel", "-"), \
            str(row.get("gehaald", "-"))
    if "ratio_to_floor" in row:
        ok = row["ratio_to_floor"] <= RATIO_TARGET
        return (f"{row['ratio_to_floor']:.2f}x de vloer ({row.get('collect_median_s', 0):.2f} s)",
                f"<= {RATIO_TARGET}x (bij 1.000)" if row.get("workbooks") == 1000 else "-",
                ("ja" if ok else "nee") if row.get("workbooks") == 1000 else "-")
    if "median_s" in row:
        return f"mediaan {row['median_s']} s", "-", "-"
    return ", ".join(f"{k}={v}" for k, v in row.items() if not isinstance(v, (dict, list)))[:120], "-", "-"


def _label(name: str, row: dict) -> str:
    parts = [str(row[k]) for k in ("oefening", "oefening / bewerking", "meting", "wat", "bewerking", "omvang",
                                   "grootte", "exercise", "edit", "size") if row.get(k) not in (None, "")]
    if "workbooks" in row:
        parts.append(f"collect {row['workbooks']} werkboeken")
    return f"{name}: " + " · ".join(parts) if parts else name


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a rough look, not for the record)")
    args = parser.parse_args(argv)
    started = time.time()
    failed = []
    for command in scripts(args.quick):
        print(f"\n=== {' '.join(command)} ===", flush=True)
        if subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]]).returncode != 0:
            failed.append(command[0])
    rows = []
    for path in sorted(RESULTS.glob("*.json")):
        if path.name == "summary.json" or path.stat().st_mtime < started:
            continue  # only what this run measured
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data if isinstance(data, list) else data.get("rows", [data]) if isinstance(data, dict) else []
        for row in items:
            if isinstance(row, dict):
                figure, target, met = _value(row)
                rows.append({"meting": _label(path.stem, row), "uitkomst": figure, "doel": target, "gehaald": met})
    print("\n=== samenvatting ===")
    print(table(rows, ["meting", "uitkomst", "doel", "gehaald"]))
    print(f"\nresultaten: {write('summary', rows)}")
    if failed:
        print(f"mislukt: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
