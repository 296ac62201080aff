"""Module 3's risk-matrix lab in a real browser: from the participant's input
event to the new figure on the page (issue 15, point 13).

Voilà serves exercises/m3_risicomatrix.ipynb; headless Chromium (Debian's
``chromium``, driven by Playwright) performs each edit. A capturing listener
notes the time of the input event (keydown, click, change); a
MutationObserver notes when a new figure image is in the page, and the
measurement ends at the next animation frame (the figure is painted). So
each figure includes the kernel's work, the widget messages both ways and
the browser's layout. Target: every single edit within 100 ms.

    .venv/bin/python bench/bench_browser.py [--repeat N]

Without Chromium it prints a note and writes no figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from harness import summary, table, write  # noqa: E402

NOTEBOOK = "exercises/m3_risicomatrix.ipynb"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
TARGET_MS = 100
TIMEOUT = 180_000

#: Capturing listeners note the armed input event; a MutationObserver notes a new figure image, and the
#: next animation frame (the figure painted) ends the measurement.
PROBE = """() => {
  window.__lst = {armed: false, t0: null, t1: null};
  for (const type of ["keydown", "click", "change", "input"]) {
    document.addEventListener(type, () => {
      if (window.__lst.armed && window.__lst.t0 === null) { window.__lst.t0 = performance.now(); }
    }, true);
  }
  const root = document.querySelector(".lst-exercise");
  new MutationObserver((records) => {
    if (window.__lst.t0 === null || window.__lst.t1 !== null) return;
    const added = records.some((r) => Array.from(r.addedNodes).some((n) =>
      n.nodeType === 1 && (n.matches("figure, img") || n.querySelector("figure img"))));
    if (added) requestAnimationFrame(() => { if (window.__lst.t1 === null) window.__lst.t1 = performance.now(); });
  }).observe(root, {childList: true, subtree: true});
}"""


def chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or ""):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_voila(port: int, workbooks: str) -> subprocess.Popen:
    env = dict(os.environ, LST_WERKBOEK_DIR=workbooks, LST_DEELNEMER="bench", MPLBACKEND="Agg")
    env.pop("JUPYTERHUB_USER", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    log = open(Path(workbooks) / "voila.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "voila", str(REPO / NOTEBOOK), "--no-browser", f"--port={port}",
                             "--Voila.ip=127.0.0.1", "--theme=light"], env=env, stdout=log,
                            stderr=subprocess.STDOUT, cwd=REPO)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("Voilà did not start")


def measure(page, action, repeat: int) -> list[float]:
    """Run ``action(i)`` ``repeat`` times; milliseconds from its input event to the new figure painted."""
    out = []
    for i in range(repeat):
        page.evaluate("() => { window.__lst.t0 = null; window.__lst.t1 = null; window.__lst.armed = false; }")
        action(i, lambda: page.evaluate("() => { window.__lst.armed = true; }"))
        page.wait_for_function("() => window.__lst.t1 !== null", timeout=20_000)
        out.append(page.evaluate("() => window.__lst.t1 - window.__lst.t0"))
        page.wait_for_timeout(150)  # let the other widget messages of this edit settle
    return out


def run(repeat: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    workbooks = tempfile.mkdtemp(prefix="lst-bench-browser-")
    port = free_port()
    proc = start_voila(port, workbooks)
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.goto(f"http://127.0.0.1:{port}/", timeout=TIMEOUT)
            page.wait_for_selector(".lst-exercise figure img", timeout=TIMEOUT)
            page.wait_for_load_state("networkidle", timeout=TIMEOUT)
            page.evaluate(PROBE)
            lab = page.locator(".lst-exercise").first

            def slider(i, arm):
                rng = lab.locator("input[type=range]").first
                rng.focus()
                arm()
                page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")

            def rule(i, arm):
                names = ["Fine & Kinney (W×B×E)", "Kans × effect (5×5)"]
                button = lab.get_by_role("button", name=names[i % 2])
                arm()
                button.click()

            def band(i, arm):
                box = lab.get_by_label("laag tot en met", exact=True)
                box.fill(["5", "4"][i % 2])
                arm()
                box.press("Enter")

            def add(i, arm):
                box = lab.get_by_label("Nieuw risico", exact=True)
                box.fill(f"Gemeten risico {i + 1}")
                arm()
                box.press("Enter")

            def remove(i, arm):
                button = lab.locator("button.lst-remove").nth(1)  # a risk in the middle: the rows below move up
                arm()
                button.click()

            def undo(i, arm):
                button = lab.get_by_role("button", name="Ongedaan maken")
                arm()
                button.click()

            def case(i, arm):
                select = lab.get_by_label("Casus", exact=True)
                current = select.evaluate("s => s.selectedIndex")
                arm()
                select.select_option(index=1 if current == 0 else 0)

            for label, action in (("schuif (kans)", slider), ("regel wisselen", rule), ("bandgrens", band),
                                  ("risico toevoegen (Enter)", add), ("risico verwijderen", remove),
                                  ("casus wisselen", case)):
                ms = measure(page, action, repeat)
                rows.append({"meting": "browser: risicomatrix", "bewerking": label, **summary(ms),
                             "max_ms": round(max(ms), 1), "doel_ms": TARGET_MS})
            ms = []
            for i in range(repeat):  # undo needs a removal before it
                page.evaluate("() => { window.__lst.t0 = null; window.__lst.t1 = null; window.__lst.armed = false; }")
                remove(i, lambda: None)
                page.wait_for_timeout(300)
                ms += measure(page, undo, 1)
            rows.append({"meting": "browser: risicomatrix", "bewerking": "verwijderen ongedaan maken", **summary(ms),
                         "max_ms": round(max(ms), 1), "doel_ms": TARGET_MS})
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=12)
    args = parser.parse_args()
    if chromium() is None:
        print("bench_browser: Chromium ontbreekt (Debian-pakket 'chromium'); geen browsermetingen.")
        return
    rows = run(args.repeat)
    for row in rows:
        row["gehaald"] = "ja" if row["median_ms"] <= TARGET_MS else "nee"
    print(table(rows, ["bewerking", "n", "median_ms", "p95_ms", "max_ms", "doel_ms", "gehaald"]))
    print(f"-> {write('browser', rows)}")


if __name__ == "__main__":
    main()
