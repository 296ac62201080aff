"""The teacher's live class overview in Voilà: an answer a participant saves
appears on the teacher's screen by itself, without a click."""

from __future__ import annotations

import time

import pytest

from lst_kit.reports.class_overview import pseudonym
from lst_kit.workbook import open_workbook

pytestmark = pytest.mark.slow

TIMEOUT = 180_000  # ms: a first kernel start on a busy CI machine can be slow
TEXT = "Live-antwoord 4711: signalen sneller delen."


def test_a_new_answer_appears_without_a_refresh(browser, voila, screenshots):
    # The teacher's notebook reads the workbook folder of the Voilà server (LST_WERKBOEK_DIR).
    open_workbook("live-anna", voila.workbooks).save_answer("m1.reflectie_wrr", {"text": "Al eerder ingevuld."})
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        page.goto(f"{voila.url}/voila/render/exercises/docent_klasoverzicht.ipynb", timeout=TIMEOUT)
        page.get_by_text("Al eerder ingevuld.").wait_for(timeout=TIMEOUT)
        assert page.get_by_text(TEXT).count() == 0
        page.get_by_text("Vanzelf bijwerken (elke 5 seconden)").wait_for(timeout=TIMEOUT)
        heading = page.locator("h3[id='m1.reflectie_wrr']")
        heading.scroll_into_view_if_needed()
        top = heading.bounding_box()["y"]

        saved = time.monotonic()
        open_workbook("live-bram", voila.workbooks).save_answer("m1.reflectie_wrr", {"text": TEXT})
        page.get_by_text(f"{pseudonym('live-bram')}: {TEXT}").wait_for(timeout=30_000)  # no click, no reload
        waited = time.monotonic() - saved
        assert waited < 20, waited
        assert abs(heading.bounding_box()["y"] - top) < 2  # the teacher's place is kept: nothing was rebuilt
        assert "live-bram" not in page.inner_text("body")  # pseudonyms by default
        page.get_by_text("Ingevuld per oefening").scroll_into_view_if_needed()
        page.screenshot(path=str(screenshots / "live-overzicht-1366.png"))

        title = page.inner_text("h3[id='m1.reflectie_wrr']")
        page.locator(".widget-dropdown select").select_option(label=title)
        projector = page.locator("ul[style*='font-size:1.6em']")
        projector.get_by_text(f"{pseudonym('live-bram')}: {TEXT}").wait_for(timeout=30_000)
        assert page.get_by_text("Ingevuld per oefening").is_hidden()  # only the one exercise on the beamer
        page.set_viewport_size({"width": 800, "height": 768})
        page.locator(".widget-dropdown select").scroll_into_view_if_needed()
        page.screenshot(path=str(screenshots / "live-beamer-800.png"))
        open_workbook("live-chris", voila.workbooks).save_answer("m1.reflectie_wrr", {"text": "Ook op de beamer."})
        projector.get_by_text(f"{pseudonym('live-chris')}: Ook op de beamer.").wait_for(timeout=30_000)
    finally:
        page.close()
