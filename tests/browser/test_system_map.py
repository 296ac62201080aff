"""E3.3 System map in Voilà (issue 15.6): the editor beside the map where the
width allows, stacked at 800 px with nothing cut off, and an addition
confirmed beside the button that made it."""

from __future__ import annotations

import pytest

from test_voila import open_app, wait_rendered

pytestmark = pytest.mark.slow


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("width, height", [(1366, 768), (800, 900)])
def test_editor_and_map_side_by_side_or_stacked(browser, voila, screenshots, width, height):
    page = open_app(browser, voila, "exercises/m3_systeemkaart.ipynb")
    try:
        page.set_viewport_size({"width": width, "height": height})
        wait_rendered(page, 1)
        page.wait_for_selector(".lst-map-drawing img", timeout=60_000)
        editor, drawing = box(page, ".lst-map-editor"), box(page, ".lst-map-drawing")
        if width >= 1000:
            assert drawing["x"] >= editor["x"] + editor["width"] - 1  # beside the editor
            assert drawing["y"] < editor["y"] + 50  # at the same height
        else:
            assert drawing["y"] >= editor["y"] + editor["height"] - 1  # below the editor
        controls = ".lst-map-editor input, .lst-map-editor select, .lst-map-editor button"
        right = min(width, editor["x"] + editor["width"])
        inside = page.evaluate("""([w, s]) => [...document.querySelectorAll(s)]
                                  .filter(e => e.offsetParent !== null)
                                  .filter(e => e.getBoundingClientRect().right > w + 0.5)
                                  .map(e => e.outerHTML.slice(0, 80))""", [right, controls])
        assert inside == []  # no control of the editor cut off at its right edge or the window's
        page.locator(".lst-map-editor input[type=text]").first.fill(f"Brancheorganisatie {width}")
        page.locator(".lst-map-editor").get_by_role("button", name="Knoop toevoegen").click()
        note = page.locator(".lst-map-editor").get_by_text(f"Toegevoegd: Brancheorganisatie {width}")
        note.wait_for(timeout=30_000)
        button = page.locator(".lst-map-editor").get_by_role("button", name="Knoop toevoegen").bounding_box()
        where = note.bounding_box()
        assert abs(where["y"] - button["y"]) < 60  # beside (or just below) the button, not at the page's end
        page.screenshot(path=str(screenshots / f"voila-systeemkaart-{width}.png"), full_page=False)
    finally:
        page.close()
