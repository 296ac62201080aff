"""Every module notebook as a Voilà app in headless Chromium: it loads, the
widgets draw, nothing shows an error, and a participant's actions with mouse
and keyboard reach the workbook on disk and come back after a reload."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import nbformat
import pytest

from lst_kit.content import load_spec
from lst_kit.registry import EXERCISE_TYPES

REPO = Path(__file__).resolve().parents[2]
MODULES = sorted((REPO / "notebooks").glob("0*.ipynb"))
CALL = re.compile(r"lst_kit\.([a-z_]+)\(")
TIMEOUT = 180_000  # ms: a first kernel start on a busy CI machine can be slow


def expected_exercises(notebook: Path) -> int:
    nb = nbformat.read(notebook, as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code"
               for f in CALL.findall(c.source) if f in EXERCISE_TYPES or f not in ("workbook_status",))


def open_app(browser, voila, path: str):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{voila.url}/voila/render/{path}", timeout=TIMEOUT)
    return page


def wait_rendered(page, n: int) -> None:
    page.wait_for_function(f"document.querySelectorAll('.lst-exercise').length >= {n}", timeout=TIMEOUT)
    page.wait_for_load_state("networkidle", timeout=TIMEOUT)


def kit_violations(page, results: dict) -> list[str]:
    """Serious or critical axe violations on nodes inside the kit's widgets."""
    found = []
    for violation in results["violations"]:
        if violation.get("impact") not in ("serious", "critical"):
            continue
        for node in violation["nodes"]:
            selector = node["target"][0] if isinstance(node["target"][0], str) else node["target"][0][0]
            inside = page.evaluate(
                "s => { const e = document.querySelector(s); return !!(e && e.closest('.lst-exercise, .lst-banner')); }",
                selector)
            if inside:
                found.append(f"{violation['id']} ({violation['impact']}): {node['html'][:160]}")
    return found


@pytest.mark.parametrize("notebook", MODULES, ids=[p.stem for p in MODULES])
def test_module_renders_as_app(browser, voila, screenshots, notebook):
    n = expected_exercises(notebook)
    page = open_app(browser, voila, f"notebooks/{notebook.name}")
    try:
        wait_rendered(page, n)
        assert page.locator(".lst-exercise").count() == n
        assert page.locator(".jupyter-widgets").count() >= n
        body = page.inner_text("body")
        assert "Error displaying widget" not in body
        assert "Traceback" not in body
        assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
        assert page.locator("[data-mime-type='application/vnd.jupyter.error']").count() == 0
        assert page.locator(".lst-banner [role='alert']").count() == 0, page.locator(".lst-banner").all_inner_texts()
        images = page.locator(".lst-exercise img")
        assert all(images.nth(i).get_attribute("alt") for i in range(images.count()))
        page.screenshot(path=str(screenshots / f"voila-{notebook.stem}.png"))
        exercises = page.locator(".lst-exercise")
        for i in range(exercises.count()):  # Voilà scrolls inside the page: one picture per exercise
            exercises.nth(i).scroll_into_view_if_needed()
            exercises.nth(i).screenshot(path=str(screenshots / f"voila-{notebook.stem}-oefening-{i + 1:02d}.png"))

        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(page).response
        report = [{"id": v["id"], "impact": v.get("impact"), "nodes": len(v["nodes"]), "help": v["help"]}
                  for v in results["violations"]]
        (screenshots / f"axe-{notebook.stem}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
        problems = kit_violations(page, results)
        assert not problems, "\n".join(problems)
    finally:
        page.close()


def exercise(page, exercise_id: str):
    title = load_spec(exercise_id).title
    return page.locator(".lst-exercise").filter(has=page.get_by_text(title, exact=True)).first


def read_answers(voila) -> dict:
    path = voila.workbooks / f"{voila.participant}.json"
    return json.loads(path.read_text(encoding="utf-8"))["answers"] if path.exists() else {}


def wait_for_answers(voila, check, timeout: float = 20.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        answers = read_answers(voila)
        try:
            if check(answers):
                return answers
        except (KeyError, TypeError, IndexError):
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"answers not saved as expected: {json.dumps(answers, ensure_ascii=False)[:2000]}")
        time.sleep(0.25)


def test_participant_actions_reach_the_workbook_and_come_back(browser, voila, screenshots):
    notebook = REPO / "notebooks" / "01_functies_van_toezicht.ipynb"
    n = expected_exercises(notebook)
    page = open_app(browser, voila, "notebooks/01_functies_van_toezicht.ipynb")
    text = "Wij kijken nog te veel naar naleving en te weinig naar effect."
    mc = load_spec("m1.definitie")
    right = next(o.text for o in mc.options if o.correct)
    rating = load_spec("m1.wrr_nadrukken")
    timeline = load_spec("m1.tijdlijn")
    first_event = timeline.events[0]
    logic = timeline.logics[1]
    try:
        wait_rendered(page, n)
        # type a reflection (keyboard)
        refl = exercise(page, "m1.reflectie_wrr")
        refl.locator("textarea").click()
        page.keyboard.type(text, delay=5)
        # pick an option (mouse)
        exercise(page, "m1.definitie").get_by_text(right, exact=True).click()
        # a Likert button
        exercise(page, "m1.wrr_nadrukken").get_by_role("button", name=rating.scale.labels[3]).first.click()
        # a dropdown
        exercise(page, "m1.tijdlijn").locator("select").first.select_option(label=logic.label)
        # move a slider with the keyboard
        principles = exercise(page, "m1.principes")
        principles.locator("input[type=range]").first.focus()
        page.keyboard.press("ArrowRight")
        # press a button
        exercise(page, "m1.paradox").get_by_role("button", name="Nieuwe trekking").click()

        answers = wait_for_answers(voila, lambda a: (
            a["m1.reflectie_wrr"]["text"] == text
            and a["m1.definitie"]["correct"] is True
            and a["m1.wrr_nadrukken"]["ratings"][rating.items[0].key] == 4
            and a["m1.tijdlijn"]["tags"][first_event.key] == logic.key
            and a["m1.principes"]["scores"]["toen"]["onafhankelijk"] == 4
            and a["m1.paradox"]["draw"] == 1))
        assert answers["m1.definitie"]["option"] == right
        assert refl.get_by_text("Opgeslagen").count() == 1

        page.reload(timeout=TIMEOUT)
        wait_rendered(page, n)
        assert exercise(page, "m1.reflectie_wrr").locator("textarea").input_value() == text
        assert exercise(page, "m1.definitie").get_by_label(right, exact=True).is_checked()
        select = exercise(page, "m1.tijdlijn").locator("select").first
        assert select.evaluate("s => s.options[s.selectedIndex].text") == logic.label
        readout = exercise(page, "m1.principes").locator("output").first
        assert readout.inner_text().strip() == "4"
        pressed = exercise(page, "m1.wrr_nadrukken").locator("button.mod-active")
        assert pressed.first.inner_text().strip() == rating.scale.labels[3]
        page.screenshot(path=str(screenshots / "voila-interactie-na-herladen.png"), full_page=False)
    finally:
        page.close()
