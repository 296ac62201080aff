"""E3.3 System map in Voilà (issue 15.6): the editor beside the map where the
width allows, stacked at 800 px with nothing cut off, and an addition
confirmed beside the button that made it. How fast an addition shows (issue
15.13: it took 190 ms) is recorded with the screenshots; the target is met in
make bench, not in a timed test."""

from __future__ import annotations

import json

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


#: In the page: type a name, click "Knoop toevoegen", and count (ms, per animation frame) until the map's
#: picture changed and the confirmation showed.
ADD_AND_TIME = """async (name) => {
  const ed = document.querySelector('.lst-map-editor');
  const input = ed.querySelector('input[type=text]');
  input.value = name;
  for (const kind of ['input', 'change']) input.dispatchEvent(new Event(kind, {bubbles: true}));
  await new Promise(r => setTimeout(r, 300));
  const img = document.querySelector('.lst-map-drawing img'); const src = img.getAttribute('src');
  const button = [...ed.querySelectorAll('button')].find(b => b.textContent.includes('Knoop toevoegen'));
  const t0 = performance.now();
  let tImg = null, tNote = null;
  button.click();
  while (performance.now() - t0 < 5000) {
    await new Promise(r => requestAnimationFrame(r));
    const now = performance.now();
    if (tImg === null && document.querySelector('.lst-map-drawing img').getAttribute('src') !== src) tImg = now - t0;
    if (tNote === null && ed.textContent.includes('Toegevoegd: ' + name)) tNote = now - t0;
    if (tImg !== null && tNote !== null) break;
  }
  return [tImg === null ? null : Math.round(tImg), tNote === null ? null : Math.round(tNote)];  // null: never seen
}"""


def test_adding_an_actor_shows_the_new_map_and_confirms_it(browser, voila, screenshots):
    page = open_app(browser, voila, "exercises/m3_systeemkaart.ipynb")
    try:
        page.set_viewport_size({"width": 1366, "height": 768})
        wait_rendered(page, 1)
        page.wait_for_selector(".lst-map-drawing img", timeout=60_000)
        page.locator(".lst-map-editor").get_by_role("button", name="actor", exact=True).click()
        times = [page.evaluate(ADD_AND_TIME, f"Tijdactor {i}") for i in range(8)]
        (screenshots / "systeemkaart-actor-toevoegen-ms.json").write_text(json.dumps(times))
        assert all(picture is not None and note is not None for picture, note in times), times
    finally:
        page.close()
