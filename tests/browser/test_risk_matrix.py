"""The risk-matrix lab and the deterrence calculator in a real browser
(Voilà, headless Chromium, a 1366×768 laptop screen): what only a browser
shows. A refusal appears next to its field, in view, with the field marked
invalid; Enter adds a risk; after a removal the keyboard stays in the list;
"0,1" typed in the detection probability is 0.1."""

from __future__ import annotations

import pytest
from test_voila import TIMEOUT, exercise, read_answers, wait_for_answers

pytestmark = pytest.mark.slow

LAPTOP = {"width": 1366, "height": 768}


def open_exercise(browser, voila, notebook: str, exercise_id: str):
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{voila.url}/voila/render/exercises/{notebook}", timeout=TIMEOUT)
    page.wait_for_selector(".lst-exercise figure img", timeout=TIMEOUT)
    page.wait_for_load_state("networkidle", timeout=TIMEOUT)
    return page, exercise(page, exercise_id)


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["height"] > 0 and -1 <= box["y"] and box["y"] + box["height"] <= LAPTOP["height"] + 1


def test_risk_matrix_refusal_enter_undo_and_ranking_on_a_laptop(browser, voila, screenshots):
    page, lab = open_exercise(browser, voila, "m3_risicomatrix.ipynb", "m3.risicomatrix")
    try:
        names = lab.locator(".lst-risk-row input[type=text]")
        first = names.nth(0).input_value()
        second = names.nth(1)
        old = second.input_value()
        second.fill(first)  # a duplicate name
        second.press("Enter")
        message = lab.locator(".lst-risk-row .lst-field-message").filter(has_text="nog niet in de lijst")
        message.wait_for(state="visible", timeout=20_000)
        assert in_view(page, message), message.bounding_box()
        page.wait_for_function("() => document.querySelector('.lst-invalid input[aria-invalid=true]') !== null",
                               timeout=20_000)
        page.wait_for_function(f"() => document.querySelectorAll('.lst-risk-row input[type=text]')[1].value === {old!r}",
                               timeout=20_000)
        # message and field sit together: the message is just below the row it speaks for
        row_box = lab.locator(".lst-risk-row").nth(1).bounding_box()
        msg_box = message.bounding_box()
        assert row_box["y"] <= msg_box["y"] <= row_box["y"] + row_box["height"]
        page.screenshot(path=str(screenshots / "voila-risicomatrix-weigering.png"))

        count = lab.locator(".lst-risk-row:visible").count()
        new = lab.get_by_label("Nieuw risico", exact=True)
        new.fill("Verkeerde bewaartemperatuur")
        new.press("Enter")  # Enter adds
        page.wait_for_function(
            f"() => Array.from(document.querySelectorAll('.lst-risk-row')).filter(r => r.offsetParent).length === {count + 1}",
            timeout=20_000)
        page.wait_for_function(  # a good edit clears the refusal (its message arrives after the new row)
            "() => Array.from(document.querySelectorAll('.lst-field-message')).every(m => !m.offsetParent)",
            timeout=20_000)
        answers = wait_for_answers(voila, lambda a: any(
            r["name"] == "Verkeerde bewaartemperatuur"
            for c in a["m3.risicomatrix"]["cases"].values() for r in c["risks"]))
        assert answers

        lab.locator("button.lst-remove").nth(1).click()  # remove the second risk
        lab.get_by_role("button", name="Ongedaan maken").wait_for(state="visible", timeout=20_000)
        page.wait_for_function("() => document.activeElement && document.activeElement.closest('.lst-risk-row')",
                               timeout=20_000)  # the keyboard stays in the list
        lab.get_by_role("button", name="Ongedaan maken").click()
        page.wait_for_function(
            f"() => Array.from(document.querySelectorAll('.lst-risk-row')).filter(r => r.offsetParent).length === {count + 1}",
            timeout=20_000)

        # the Done-when picture: the matrix with its ranking on a 1366×768 screen
        table = lab.locator("table").filter(has_text="Rang, score en band")
        # in one step in the page: the ranking HTML is replaced on each redraw, so a located
        # element may be detached before Playwright scrolls it (seen once under load)
        page.wait_for_function("""() => {
            const t = [...document.querySelectorAll('table')].find(e => e.textContent.includes('Rang, score en band'));
            if (t) t.scrollIntoView({block: 'nearest'});
            return !!t;
        }""", timeout=20_000)
        page.wait_for_timeout(300)
        assert in_view(page, table.locator("caption"))
        figure = lab.locator("figure img").first
        box = figure.bounding_box()
        assert box["y"] + box["height"] > 0 and box["y"] < LAPTOP["height"]  # the matrix is (partly) on screen too
        page.screenshot(path=str(screenshots / "voila-risicomatrix-1366x768.png"))
    finally:
        page.close()


def test_deterrence_calculator_reads_a_decimal_comma(browser, voila, screenshots):
    page, t11 = open_exercise(browser, voila, "m4_tafel_van_elf.ipynb", "m4.tafel_van_elf")
    try:
        detection = t11.get_by_label("Ontdekkingskans bij eigen controle (0–1)")
        detection.fill("0,1")
        detection.press("Enter")
        answers = wait_for_answers(voila, lambda a: a["m4.tafel_van_elf"]["deterrence"][
            a["m4.tafel_van_elf"]["case"]]["detection"] == 0.1)
        assert answers
        detection.fill("1,5")  # refused: put back to 0,1, the message beside the field
        detection.press("Enter")
        message = t11.locator(".lst-field-message").filter(has_text="een kans van 0 tot en met 1")
        message.wait_for(state="visible", timeout=20_000)
        assert in_view(page, message)
        page.wait_for_function(
            "() => Array.from(document.querySelectorAll('input[aria-invalid=true]')).length === 1", timeout=20_000)
        assert detection.input_value() == "0,1"
        saved = read_answers(voila)["m4.tafel_van_elf"]
        assert saved["deterrence"][saved["case"]]["detection"] == 0.1
        page.screenshot(path=str(screenshots / "voila-afschrikking-komma.png"))
    finally:
        page.close()
