"""Notebook run and import cost, side by side with a floor, as ratios.

1. Each module notebook executed top to bottom in a fresh kernel (nbclient),
   interleaved with a floor notebook that only imports pandas,
   matplotlib.pyplot and ipywidgets. Target (issue 8): every module <= 1.5x.
2. ``import lst_kit`` in a fresh process against importing pandas,
   matplotlib.pyplot and ipywidgets. Target: <= 1.15x.

    .venv/bin/python bench/bench_notebooks.py [--repeat 3] [--only 04] [--no-import]
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

REPO = Path(__file__).resolve().parents[1]
FLOOR_SOURCE = "import pandas\nimport matplotlib.pyplot\nimport ipywidgets"


def floor_notebook():
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(FLOOR_SOURCE)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def run_notebook(nb, cwd: Path) -> float:
    from nbclient import NotebookClient

    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - start


def bench_notebooks(repeat: int, only: list[str] | None = None) -> list[dict]:
    import nbformat

    rows = []
    work = Path(tempfile.mkdtemp(prefix="lst-bench-nb-"))
    for path in sorted((REPO / "notebooks").glob("0*.ipynb")):
        if only and not any(path.stem.startswith(prefix) for prefix in only):
            continue
        floor, module = [], []
        run_notebook(floor_notebook(), work)  # warm-up, not counted: disk cache, bytecode cache
        run_notebook(nbformat.read(path, as_version=4), work)
        for _ in range(repeat):  # interleaved, so drift in machine speed hits both
            floor.append(run_notebook(floor_notebook(), work))
            module.append(run_notebook(nbformat.read(path, as_version=4), work))
        f, m = statistics.median(floor), statistics.median(module)
        ratio = m / f
        rows.append({"meting": "notebook", "wat": path.stem, "vloer_s": round(f, 2), "kit_s": round(m, 2),
                     "ratio": round(ratio, 2), "doel": "<= 1.5x", "gehaald": "ja" if ratio <= 1.5 else "nee"})
    return rows


def import_time(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def bench_import(repeat: int) -> list[dict]:
    floor, kit = [], []
    for _ in range(repeat):
        floor.append(import_time(FLOOR_SOURCE.replace("\n", "; ")))
        kit.append(import_time("import lst_kit"))
    f, k = statistics.median(floor), statistics.median(kit)
    heavy = subprocess.run(
        [sys.executable, "-c", "import sys, lst_kit; print(','.join(m for m in ('ipywidgets', 'matplotlib', "
                               "'pandas', 'numpy', 'yaml', 'networkx', 'jinja2') if m in sys.modules) or '-')"],
        capture_output=True, text=True, check=True).stdout.strip()
    return [{"meting": "import", "wat": f"import lst_kit (zwaar geladen: {heavy})", "vloer_s": round(f, 3),
             "kit_s": round(k, 3), "ratio": round(k / f, 2), "doel": "<= 1.15x",
             "gehaald": "ja" if k / f <= 1.15 else "nee"}]


def main(argv=None) -> list[dict]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="+", metavar="PREFIX",
                        help="only the module notebooks whose name starts with one of these (e.g. 04)")
    parser.add_argument("--no-import", action="store_true", help="skip the import measurement")
    args = parser.parse_args(argv)
    isolated_env()
    rows = [] if args.no_import else bench_import(max(5, args.repeat))
    rows += bench_notebooks(args.repeat, args.only)
    print(table(rows, ["meting", "wat", "vloer_s", "kit_s", "ratio", "doel", "gehaald"]))
    print(f"\nresultaten: {write('notebooks', rows)}")
    return rows


if __name__ == "__main__":
    main()
