"""E3.2 capacity allocation in a real browser (Voilà, headless Chromium):
what only a browser shows. A refused number of days appears next to its
field with the field marked invalid; Tab reaches every input; on a laptop
(1366×768) the figure stands beside the fields, at 800 px below them."""

from __future__ import annotations

import pytest
from test_voila import TIMEOUT, exercise, wait_for_answers

pytestmark = pytest.mark.slow

LAPTOP = {"width": 1366, "height": 768}
NARROW = {"width": 800, "height": 900}


def test_capacity_refusal_keyboard_and_layout(browser, voila, screenshots):
    page = browser.new_page(viewport=LAPTOP)
    try:
        page.goto(f"{voila.url}/voila/render/exercises/m3_capaciteit.ipynb", timeout=TIMEOUT)
        page.wait_for_selector(".lst-exercise figure img", timeout=TIMEOUT)
        page.wait_for_load_state("networkidle", timeout=TIMEOUT)
        lab = exercise(page, "m3.capaciteit")
        days = lab.locator(".lst-capacity-row input[type=text]")
        assert days.count() == 6
        first = days.nth(0)
        first.fill("25")  # 18 of the 20 days are free (2 go to a legal minimum)
        first.press("Enter")
        message = lab.locator(".lst-capacity-row .lst-field-message").filter(has_text="0 tot en met 18")
        message.wait_for(state="visible", timeout=20_000)
        page.wait_for_function("() => document.querySelector('.lst-invalid input[aria-invalid=true]') !== null",
                               timeout=20_000)
        page.wait_for_function("() => document.querySelector('.lst-capacity-row input').value === '0'",
                               timeout=20_000)
        row = lab.locator(".lst-capacity-row").nth(0).bounding_box()
        box = message.bounding_box()
        assert row["y"] <= box["y"] <= row["y"] + row["height"]  # the message sits with its field
        page.screenshot(path=str(screenshots / "voila-capaciteit-weigering-1366.png"), full_page=True)

        first.fill("8")
        first.press("Enter")
        wait_for_answers(voila, lambda a: a["m3.capaciteit"]["cases"]["nvwa_maaltijdplatforms"]["days"]["r1"] == 8)
        lab.get_by_text("Nog 10 van de 20 dagen over.").wait_for(state="visible", timeout=20_000)

        # the keyboard: from the case picker, Tab reaches every day field and the reason
        lab.locator("select").first.focus()
        reached = set()
        for _ in range(12):
            page.keyboard.press("Tab")
            reached.add(page.evaluate("() => { const e = document.activeElement;"
                                      " const row = e.closest('.lst-capacity-row');"
                                      " return e.tagName + (row ? ':' + [...document.querySelectorAll("
                                      "'.lst-capacity-row')].indexOf(row) : ''); }"))
        assert {f"INPUT:{i}" for i in range(6)} <= reached and "TEXTAREA" in reached, reached

        figure = lab.locator("figure img").bounding_box()
        fields = lab.locator(".lst-capacity-row").nth(0).bounding_box()
        assert figure["x"] > fields["x"] + fields["width"] - 1  # beside the fields on a laptop
        page.screenshot(path=str(screenshots / "voila-capaciteit-1366x768.png"))
        page.set_viewport_size(NARROW)
        page.wait_for_timeout(500)
        figure = lab.locator("figure img").bounding_box()
        fields = lab.locator(".lst-capacity-rows").bounding_box()
        assert figure["y"] >= fields["y"] + fields["height"] - 1  # below them at 800 px
        assert figure["width"] <= NARROW["width"]
        lab.locator("figure img").scroll_into_view_if_needed()
        page.screenshot(path=str(screenshots / "voila-capaciteit-800-figuur.png"))
        lab.locator("table").scroll_into_view_if_needed()
        page.screenshot(path=str(screenshots / "voila-capaciteit-800-tabel.png"))
    finally:
        page.close()
