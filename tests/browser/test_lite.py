"""The static JupyterLite site (make lite) in headless Chromium, served from
loopback by a plain http.server: every module notebook runs, an answer
survives a reload (it is in the browser's storage, /drive), and the page
never asks any host but the loopback server for anything.

The site is built first when it is missing or stale (deploy/lite/build.py:
cached on the pinned versions and the sources, so a second run takes
seconds). Building needs PyPI and npm; without npm the tests are skipped on
a developer's machine and fail in CI.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import shutil
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import CHROMIUM_ARGS, chromium_path
from test_voila import expected_exercises

REPO = Path(__file__).resolve().parents[2]
LITE = REPO / "deploy" / "lite"
SITE = REPO / "_site"
TIMEOUT = 240_000  # ms: a cold Pyodide start on a loaded 2-core machine
NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))

#: Exercises that still import numpy, which the browser does not have (no wasm wheel on PyPI).
#: Their cells fail with "No module named 'numpy'"; every other cell must run cleanly. When an
#: exercise no longer needs numpy, this test fails until its entry here is removed.
def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"lite_{name}", LITE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def site():
    """The built site, served on 127.0.0.1 by http.server (in this process)."""
    if shutil.which("npm") is None or chromium_path() is None:
        message = "npm of Chromium ontbreekt: de JupyterLite-site kan niet worden gebouwd of getest."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    started = time.monotonic()
    assert _load("build").main(["--out", str(SITE)]) == 0
    built_s = time.monotonic() - started
    server = _load("serve").make_server(SITE, 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    yield SimpleNamespace(url=f"http://127.0.0.1:{port}", origin=f"http://127.0.0.1:{port}/", built_s=built_s)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def lite_browser(playwright):
    """Chromium that cannot resolve any host name: a request elsewhere fails
    (and is counted below) instead of quietly reaching the internet."""
    os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")
    chromium = playwright.chromium.launch(executable_path=chromium_path(),
                                          args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
    yield chromium
    chromium.close()


def test_the_site_is_offline_by_construction(site):
    """What the build promises, read from the built files: the kernel loads
    Pyodide from the site, never falls back to PyPI, preloads lst-kit from a
    lock that lists only wheels lying next to it (right sha256), and the
    widget extensions are federated."""
    import hashlib

    config = json.loads((SITE / "jupyter-lite.json").read_text(encoding="utf-8"))["jupyter-config-data"]
    kernel = config["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["pyodideUrl"] == "./static/pyodide/pyodide.mjs" and kernel["disablePyPIFallback"] is True
    assert "lst-kit" in kernel["loadPyodideOptions"]["packages"]
    assert kernel["loadPyodideOptions"]["env"]["LST_WERKBOEK_DIR"].startswith("/drive/")
    # notebooks are not autosaved into the browser: a new course version is never hidden by an old copy
    assert config["settingsOverrides"]["@jupyterlab/docmanager-extension:plugin"]["autosave"] is False
    federated = {e["name"] for e in config["federated_extensions"]}
    assert {"@jupyter-widgets/jupyterlab-manager", "anywidget"} <= federated
    pyodide = SITE / "static" / "pyodide"
    lock = json.loads((pyodide / "pyodide-lock.json").read_text(encoding="utf-8"))["packages"]
    for entry in lock.values():
        wheel = pyodide / entry["file_name"]
        assert "/" not in entry["file_name"] and wheel.name.endswith("-none-any.whl")
        assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"], entry["name"]
        assert set(entry["depends"]) <= set(lock), entry["name"]
    assert "numpy" not in lock and "lst-kit" in lock
    assert "cdn.jsdelivr" not in (SITE / "jupyter-lite.json").read_text(encoding="utf-8")


class Visit:
    """One browser context (its own storage) on the site, counting every
    request that does not go to the loopback server."""

    def __init__(self, browser, site):
        self.site = site
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.elsewhere: list[str] = []
        self.requests = 0
        self.context.on("request", self._count)
        self.page = self.context.new_page()
        self.page.on("request", self._count)

    def _count(self, request) -> None:
        url = request.url
        self.requests += 1
        if not url.startswith((self.site.origin, "data:", "blob:")):
            self.elsewhere.append(url)

    def open(self, path: str) -> float:
        """Open a notebook in JupyterLab-in-the-browser; seconds until the kernel is idle."""
        started = time.monotonic()
        self.page.goto(f"{self.site.url}/lab/index.html?path={path}", timeout=TIMEOUT)
        self.page.wait_for_selector(".jp-Notebook", timeout=TIMEOUT)
        self.page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=TIMEOUT)
        self.page.wait_for_function("window.jupyterapp && window.jupyterapp.shell.currentWidget"
                                    " && window.jupyterapp.shell.currentWidget.sessionContext", timeout=TIMEOUT)
        return time.monotonic() - started

    def run_every_cell(self) -> None:
        """Run each code cell in turn (a failing cell does not stop the rest,
        unlike Run All), through JupyterLab's own command."""
        self.page.evaluate("""async () => {
            const app = window.jupyterapp;
            const panel = app.shell.currentWidget;
            await panel.sessionContext.ready;
            const notebook = panel.content;
            for (let i = 0; i < notebook.widgets.length; i++) {
                if (notebook.widgets[i].model.type !== 'code') continue;
                notebook.activeCellIndex = i;
                await app.commands.execute('notebook:run-cell');
            }
        }""")
        self.page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=TIMEOUT)

    def problems(self) -> list[str]:
        """Every error the participant would see: error and stderr outputs (read
        from the notebook model: cells scrolled out of view render no text),
        widgets that failed to display, and red banners inside the widgets."""
        found = self.page.evaluate("""() => {
            const found = [];
            const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
            for (let i = 0; i < cells.length; i++) {
                const cell = cells.get(i);
                if (cell.type !== 'code') continue;
                for (let j = 0; j < cell.outputs.length; j++) {
                    const out = cell.outputs.get(j).toJSON();
                    if (out.output_type === 'error') found.push(`${out.ename}: ${out.evalue}`);
                    if (out.output_type === 'stream' && out.name === 'stderr') found.push([].concat(out.text).join(''));
                }
            }
            return found;
        }""")
        found += [t for t in self.page.locator(".lst-banner [role='alert']").all_text_contents() if t.strip()]
        if "Error displaying widget" in (self.page.text_content(".jp-Notebook") or ""):
            found.append("Error displaying widget")
        return found

    def close(self) -> None:
        self.context.close()


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_module_notebook_runs_in_the_browser(lite_browser, site, notebook, screenshots):
    n = expected_exercises(REPO / "notebooks" / notebook)
    visit = Visit(lite_browser, site)
    try:
        visit.open(f"notebooks/{notebook}")
        visit.run_every_cell()
        problems = visit.problems()
        visit.page.screenshot(path=str(screenshots / f"lite-{notebook}.png"))
        assert problems == [], f"{notebook}: fouten in de browser:\n" + "\n---\n".join(p[-1500:] for p in problems)
        assert visit.page.locator(".lst-exercise").count() >= n  # every exercise, numpy-free
        assert visit.elsewhere == [], f"verzoeken naar andere hosts: {visit.elsewhere}"
        assert visit.requests > 50  # the counting works: the site itself is many requests
    finally:
        visit.close()


def test_an_answer_survives_a_reload_and_never_leaves_the_machine(lite_browser, site, screenshots):
    text = "Getypt in de browser, tot de laatste letter"
    visit = Visit(lite_browser, site)
    page = visit.page
    try:
        visit.open("exercises/m1_reflectie.ipynb")
        visit.run_every_cell()
        assert visit.problems() == []
        area = page.locator(".lst-exercise textarea").first
        area.click()
        started = time.monotonic()
        page.keyboard.type(text, delay=20)
        # saved at every change: no debounce that a closing tab would cut off
        page.wait_for_function(
            "document.querySelector('.lst-saved') && document.querySelector('.lst-saved').innerText.includes('Opgeslagen')",
            timeout=30_000)
        typing_s = time.monotonic() - started
        page.wait_for_timeout(500)  # no blur, no Tab: the last keystroke must be in the workbook already
        stored = page.evaluate("""async () => {
            const model = await window.jupyterapp.serviceManager.contents.get(
                'LST-werkboek/web_user.json', {content: true});
            return [model.format, typeof model.content === 'string' ? model.content : JSON.stringify(model.content)];
        }""")
        fmt, content = stored
        stored = base64.b64decode(content).decode("utf-8") if fmt == "base64" else content
        assert json.loads(stored)["answers"]["m1.reflectie_wrr"]["text"] == text
        page.reload(timeout=TIMEOUT)
        page.wait_for_selector(".jp-Notebook", timeout=TIMEOUT)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=TIMEOUT)
        page.wait_for_function("window.jupyterapp && window.jupyterapp.shell.currentWidget", timeout=TIMEOUT)
        visit.run_every_cell()
        page.wait_for_selector(".lst-exercise textarea", timeout=TIMEOUT)
        assert page.locator(".lst-exercise textarea").first.input_value() == text
        assert "geladen" in page.inner_text(".lst-saved")
        page.screenshot(path=str(screenshots / "lite-reload.png"))
        assert visit.elsewhere == [], f"verzoeken naar andere hosts: {visit.elsewhere}"
        print(f"lite: {len(text)} tekens getypt en opgeslagen in {typing_s:.1f} s; build {site.built_s:.0f} s")
    finally:
        visit.close()


def _drive_file(page, path: str) -> str | None:
    """A file of the browser's storage (/drive), read through JupyterLite's contents API."""
    fmt, content = page.evaluate("""async (path) => {
        try {
            const model = await window.jupyterapp.serviceManager.contents.get(path, {content: true});
            return [model.format, typeof model.content === 'string' ? model.content : JSON.stringify(model.content)];
        } catch (e) { return [null, null]; }
    }""", path)
    if content is None:
        return None
    return base64.b64decode(content).decode("utf-8") if fmt == "base64" else content


def test_name_download_and_upload_in_the_browser(lite_browser, site, tmp_path, screenshots):
    """The status cell of a module in the browser: the participant's own name,
    one-click downloads of workbook and portfolio, and an upload that keeps
    the current workbook."""
    visit = Visit(lite_browser, site)
    page = visit.page
    try:
        visit.open("notebooks/02_sparrow_en_moore.ipynb")
        visit.run_every_cell()
        assert visit.problems() == []
        name = page.locator(".lst-name input").first
        name.fill("Anna de Vries")
        page.get_by_role("button", name="Naam bewaren").click()
        page.wait_for_function("document.querySelector('.lst-name').innerText.includes('Je naam is bewaard')",
                               timeout=30_000)
        # answers given now land in Anna's workbook (the cells are run again, as the message says)
        visit.run_every_cell()
        area = page.locator(".lst-exercise textarea").first
        area.click()
        page.keyboard.type("Antwoord van Anna")
        page.keyboard.press("Tab")
        page.wait_for_timeout(1000)
        assert "Antwoord van Anna" in (_drive_file(page, "LST-werkboek/Anna de Vries.json") or "")
        assert _drive_file(page, "LST-werkboek/deelnemer.txt") == "Anna de Vries\n"

        with page.expect_download(timeout=60_000) as download:
            page.locator(".lst-download", has_text="Download mijn werkboek").first.click()
        assert download.value.suggested_filename == "Anna de Vries.json"
        downloaded = Path(download.value.path()).read_text(encoding="utf-8")
        assert json.loads(downloaded)["participant"] == "Anna de Vries" and "Antwoord van Anna" in downloaded

        with page.expect_download(timeout=120_000) as download:
            page.locator(".lst-download", has_text="Download mijn portfolio").first.click()
        assert download.value.suggested_filename == "Anna de Vries-portfolio.html"
        html = Path(download.value.path()).read_text(encoding="utf-8")
        assert "Antwoord van Anna" in html and "<html" in html.lower()

        uploaded = {"schema_version": 1, "participant": "anna",
                    "answers": {"m1.reflectie_wrr": {"text": "Meegenomen van een andere computer"}}}
        upload = tmp_path / "anna.json"
        upload.write_text(json.dumps(uploaded), encoding="utf-8")
        with page.expect_file_chooser(timeout=30_000) as chooser:
            page.locator(".lst-transfer .widget-upload").first.click()
        chooser.value.set_files(str(upload))
        page.wait_for_function("document.querySelector('.lst-transfer').innerText.includes('is geladen')",
                               timeout=30_000)
        now = json.loads(_drive_file(page, "LST-werkboek/Anna de Vries.json"))
        assert now["answers"] == uploaded["answers"] and now["participant"] == "Anna de Vries"
        listing = page.evaluate("""async () => (await window.jupyterapp.serviceManager.contents.get(
            'LST-werkboek', {content: true})).content.map(m => m.name)""")
        kept = [n for n in listing if n.startswith("Anna de Vries.json.voor-upload-")]
        assert len(kept) == 1
        assert "Antwoord van Anna" in _drive_file(page, f"LST-werkboek/{kept[0]}")
        page.screenshot(path=str(screenshots / "lite-transfer.png"))
        assert visit.problems() == []
        assert visit.elsewhere == [], f"verzoeken naar andere hosts: {visit.elsewhere}"
    finally:
        visit.close()
