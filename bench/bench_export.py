"""Portfolio: `lst-kit export` of a full workbook (every exercise answered),
in seconds, as a participant or teacher runs it (a fresh process).

    .venv/bin/python bench/bench_export.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import isolated_env, table, write  # noqa: E402


def main(argv=None) -> list[dict]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    isolated_env()
    from lst_kit.reports.class_overview import make_demo_class
    from lst_kit.workbook import open_workbook

    folder = Path(tempfile.mkdtemp(prefix="lst-bench-export-"))
    names, skipped = make_demo_class(folder, participants=1, seed=7)
    answered = len(open_workbook(names[0], folder).answers())
    exe = Path(sys.executable).with_name("lst-kit")
    rows = []
    for fmt in ("html", "md"):
        times = []
        for i in range(args.repeat):
            out = folder / f"portfolio-{i}.{fmt}"
            start = time.perf_counter()
            subprocess.run([str(exe), "export", names[0], "--folder", str(folder), "--out", str(out)], check=True,
                           capture_output=True)
            times.append(time.perf_counter() - start)
        rows.append({"meting": "portfolio", "wat": f"lst-kit export ({fmt}, {answered} antwoorden)",
                     "median_s": round(statistics.median(times), 2), "max_s": round(max(times), 2),
                     "grootte_kb": round(out.stat().st_size / 1024), "niet_in_demo": ", ".join(skipped) or "-"})
    print(table(rows, ["meting", "wat", "median_s", "max_s", "grootte_kb", "niet_in_demo"]))
    print(f"\nresultaten: {write('export', rows)}")
    return rows


if __name__ == "__main__":
    main()
