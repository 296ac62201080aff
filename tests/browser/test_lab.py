"""A module notebook opened in JupyterLab, all cells run through the UI:
the widgets render there too (not only in Voilà)."""

from __future__ import annotations

import json
from pathlib import Path

from test_voila import TIMEOUT, expected_exercises

REPO = Path(__file__).resolve().parents[2]


def test_module_runs_in_jupyterlab(browser, lab, screenshots):
    notebook = REPO / "notebooks" / "01_functies_van_toezicht.ipynb"
    n = expected_exercises(notebook)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{lab.url}/lab/tree/notebooks/{notebook.name}", timeout=TIMEOUT)
        page.wait_for_selector(".jp-Notebook", timeout=TIMEOUT)
        # the kernel indicator says idle once the python3 kernel has started
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=TIMEOUT)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_text("Run All Cells", exact=True).click()
        rendered = f"document.querySelectorAll('.lst-exercise').length >= {n}"
        try:
            page.wait_for_function(rendered, timeout=TIMEOUT // 2)
        except Exception:  # noqa: BLE001 - on a loaded machine the first click can land before the kernel is ready
            if page.locator(".jp-Dialog").count():  # e.g. a kernel-start question that came up meanwhile
                page.screenshot(path=str(screenshots / "jupyterlab-dialog.png"))
                page.keyboard.press("Escape")
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_text("Run All Cells", exact=True).click()
            page.wait_for_function(rendered, timeout=TIMEOUT)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=TIMEOUT)
        assert page.locator(".lst-exercise").count() == n
        body = page.inner_text(".jp-Notebook")
        assert "Error displaying widget" not in body and "Traceback" not in body
        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
        # a widget answers in JupyterLab as in Voilà
        page.locator(".lst-exercise textarea").first.click()
        page.keyboard.type("Getypt in JupyterLab.")
        page.keyboard.press("Tab")
        path = lab.workbooks / f"{lab.participant}.json"
        for _ in range(40):
            if path.exists() and "Getypt in JupyterLab." in path.read_text(encoding="utf-8"):
                break
            page.wait_for_timeout(250)
        answers = json.loads(path.read_text(encoding="utf-8"))["answers"]
        assert any(isinstance(v, dict) and v.get("text") == "Getypt in JupyterLab." for v in answers.values())
        page.screenshot(path=str(screenshots / "jupyterlab-01.png"))
    except Exception:
        page.screenshot(path=str(screenshots / "jupyterlab-01-fout.png"))
        raise
    finally:
        page.close()
