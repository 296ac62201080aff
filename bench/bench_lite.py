"""Time to first widget in the static JupyterLite site (make lite), in headless Chromium.

From opening an exercise notebook (exercises/m1_reflectie.ipynb) to its
widget on screen: page load, Pyodide and the kernel starting in the browser,
lst-kit imported, the cell run. Measured twice per repeat:

- cold: a fresh browser profile (nothing cached);
- warm: the same profile reloaded, so the site comes from the browser's
  cache and JupyterLite's service worker (issue 14: target < 10 s).

The site is built first when missing or stale, and served from 127.0.0.1.

    .venv/bin/python bench/bench_lite.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import table, write  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
LITE = REPO / "deploy" / "lite"
NOTEBOOK = "exercises/m1_reflectie.ipynb"
TARGET_WARM_MS = 10_000
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"lite_{name}", LITE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def first_widget(page, url: str, reload: bool) -> float:
    start = time.perf_counter()
    if reload:
        page.reload(timeout=300_000)
    else:
        page.goto(url, timeout=300_000)
    page.wait_for_function("window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.sessionContext", timeout=300_000)
    page.evaluate("""async () => {
        const app = window.jupyterapp;
        const panel = app.shell.currentWidget;
        await panel.sessionContext.ready;
        await app.commands.execute('notebook:run-all-cells');
    }""")
    page.wait_for_selector(".lst-exercise", timeout=300_000)
    return time.perf_counter() - start


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    site = REPO / "_site"
    _load("build").main(["--out", str(site)])
    server = _load("serve").make_server(site, 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/lab/index.html?path={NOTEBOOK}"
    cold, warm = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(args.repeat):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            cold.append(first_widget(page, url, reload=False))
            warm.append(first_widget(page, url, reload=True))
            context.close()
        browser.close()
    server.shutdown()
    rows = []
    for label, values, target in (("eerste widget, koude browser", cold, "-"),
                                  ("eerste widget, site in browsercache", warm, TARGET_WARM_MS)):
        ms = sorted(v * 1000 for v in values)
        rows.append({"meting": label, "n": len(ms), "median_ms": round(statistics.median(ms)),
                     "p95_ms": round(ms[-1]), "doel_ms": target})
    print(table(rows, ["meting", "n", "median_ms", "p95_ms", "doel_ms"]))
    print(f"resultaten: {write('lite', rows)}")


if __name__ == "__main__":
    main()
