"""Modules 3, 4 and 6 as the participant gets them from `lst-kit app`
(Voilà with the kit's template and culler), in headless Chromium:

- at 800 px and at 1366 px no control reaches past the window's edge and no
  label, tab title or checkbox text is cut off, in every tab and under every
  scoring rule of the risk matrix;
- Tab reaches the controls and each shows a focus outline of at least 2 px
  with 3:1 contrast against what is behind it;
- the page title is the module title and the loading screen is Dutch;
- a kernel whose page was closed is stopped by the culler, and one whose
  page stays open is kept.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest
from test_voila import TIMEOUT, expected_exercises, wait_rendered

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = ["03_risico_en_systeemanalyse.ipynb", "04_interventiestrategie_en_gedrag.ipynb",
             "06_toezicht_en_beleid.ipynb"]
WIDTHS = [800, 1366]

#: Every control and every text that names one, inside the kit's widgets.
CONTROLS = (".lst-exercise input, .lst-exercise select, .lst-exercise textarea, .lst-exercise button, "
            ".lst-exercise [role=tab], .lst-exercise a.lst-download")
LABELS = (".lst-exercise .widget-label, .lst-exercise .widget-label-basic span, .lst-exercise .lm-TabBar-tabLabel, "
          ".lst-exercise .widget-toggle-button")

CLIPPED = """([controls, labels]) => {
  const width = document.documentElement.clientWidth;
  const shown = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                          return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; };
  const name = (el) => (el.innerText || el.value || el.getAttribute('aria-label') || el.title || el.tagName).trim().slice(0, 60);
  const out = [];
  for (const el of document.querySelectorAll(controls)) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > width + 0.5) out.push(`past the edge (${Math.round(r.left)}..${Math.round(r.right)} of ${width}): ${el.tagName} ${name(el)}`);
  }
  for (const el of document.querySelectorAll(labels)) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > width + 0.5) out.push(`label past the edge: ${name(el)}`);
    const s = getComputedStyle(el);
    const hides = s.overflowX !== 'visible' || s.textOverflow === 'ellipsis';
    if (hides && el.scrollWidth > el.clientWidth + 1) out.push(`text cut off (${el.scrollWidth} > ${el.clientWidth}): ${name(el)}`);
  }
  return {width, scroll: document.documentElement.scrollWidth, problems: out};
}"""


def open_module(browser, voila, notebook: str, width: int, height: int = 768):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{voila.url}/voila/render/notebooks/{notebook}", timeout=TIMEOUT)
    wait_rendered(page, expected_exercises(REPO / "notebooks" / notebook))
    return page


def clipped(page) -> list[str]:
    result = page.evaluate(CLIPPED, [CONTROLS, LABELS])
    problems = list(result["problems"])
    if result["scroll"] > result["width"] + 1:
        problems.append(f"the page scrolls sideways: {result['scroll']} px in a {result['width']} px window")
    return problems


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n[:2] for n in NOTEBOOKS])
def test_no_control_is_cut_off(browser, voila, screenshots, notebook, width):
    page = open_module(browser, voila, notebook, width)
    try:
        problems = [f"start: {p}" for p in clipped(page)]
        # every scoring rule of the risk matrix (Fine & Kinney has four band fields)
        for rule in page.locator(".lst-exercise .widget-toggle-buttons button").all():
            if rule.is_visible() and rule.is_enabled():
                rule.click()
                page.wait_for_timeout(300)
                problems += [f"after '{rule.inner_text()}': {p}" for p in clipped(page)]
        # every tab of every exercise (the system map's editor is in its second tab)
        tabs = page.locator(".lst-exercise [role=tab]")
        for i in range(tabs.count()):
            tab = tabs.nth(i)
            tab.click()
            page.wait_for_timeout(300)
            problems += [f"tab '{tab.inner_text()}': {p}" for p in clipped(page)]
        page.screenshot(path=str(screenshots / f"app-{notebook[:2]}-{width}px.png"))
        assert not problems, "\n".join(dict.fromkeys(problems))
    finally:
        page.close()


def test_risk_matrix_ranking_is_visible_beside_the_matrix_at_1366x768(browser, voila, screenshots):
    """The README's promise: on a 1366x768 laptop the ranking stands next to
    the matrix, not 900 px below the sliders."""
    page = open_module(browser, voila, NOTEBOOKS[0], 1366)
    try:
        lab = page.locator(".lst-exercise").filter(has=page.get_by_text("E3.1 · Risicomatrixlab", exact=False)).first
        figure = lab.locator("figure img").first
        table = lab.locator(".lst-result table").first
        figure.scroll_into_view_if_needed()
        f, r = figure.bounding_box(), table.bounding_box()
        assert r["x"] >= f["x"] + f["width"] - 1, (f, r)          # beside, not below
        assert abs(r["y"] - f["y"]) < 80, (f, r)                    # at the same height
        page.screenshot(path=str(screenshots / "app-risicomatrix-1366x768.png"))
    finally:
        page.close()


# -- keyboard focus ------------------------------------------------------------------------

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || !el.closest('.lst-exercise')) return null;
  const s = getComputedStyle(el);
  // the colour behind the outline: the first ancestor (or the element) with a background
  let bg = null;
  for (let n = el.parentElement; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (c && c !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(c)) { bg = c; break; }
  }
  return {tag: el.tagName, type: el.type || '', name: (el.innerText || el.value || el.title || el.id || '').slice(0, 40),
          style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor, background: bg || 'rgb(255, 255, 255)'};
}"""


def _rgb(css: str) -> tuple[float, float, float]:
    parts = css[css.index("(") + 1:css.index(")")].split(",")
    return tuple(float(p) for p in parts[:3])


def _luminance(rgb) -> float:
    lin = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("notebook", NOTEBOOKS[:2], ids=[n[:2] for n in NOTEBOOKS[:2]])
def test_keyboard_focus_is_visible_on_every_control(browser, voila, screenshots, notebook):
    page = open_module(browser, voila, notebook, 1366)
    try:
        page.locator(".lst-exercise").first.locator("input, select, button, textarea").first.focus()
        seen, problems, kinds = 0, [], set()
        for _ in range(80):
            state = page.evaluate(FOCUS_STYLE)
            if state:
                seen += 1
                kinds.add(state["type"] if state["tag"] == "INPUT" else state["tag"])
                ratio = contrast(state["colour"], state["background"])
                if state["style"] in ("none", "hidden") or state["width"] < 2 or ratio < 3.0:
                    problems.append(f"{state['tag']} {state['type']} '{state['name']}': outline {state['style']} "
                                    f"{state['width']}px {state['colour']} on {state['background']} ({ratio:.1f}:1)")
                if seen == 6:
                    page.screenshot(path=str(screenshots / f"focus-{notebook[:2]}.png"))
            page.keyboard.press("Tab")
        assert seen >= 20, f"Tab reached only {seen} controls in the exercises"
        # text fields, dropdowns, sliders and buttons were all among them
        assert {"SELECT", "range", "BUTTON"} <= kinds and kinds & {"text", "number"}, kinds
        assert not problems, "\n".join(problems)
    finally:
        page.close()


# -- title and loading screen ---------------------------------------------------------------

RECORD_LOADING = """
window.__lstLoading = [];
new MutationObserver(() => {
  const el = document.getElementById('loading_text');
  if (el && el.textContent) window.__lstLoading.push(el.textContent);
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def test_title_is_the_module_title_and_loading_is_dutch(browser, voila):
    notebook = NOTEBOOKS[2]
    title = nbformat.read(REPO / "notebooks" / notebook, as_version=4).metadata["title"]
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.add_init_script(RECORD_LOADING)
    try:
        page.goto(f"{voila.url}/voila/render/notebooks/{notebook}", timeout=TIMEOUT)
        wait_rendered(page, expected_exercises(REPO / "notebooks" / notebook))
        assert page.title() == title
        texts = page.evaluate("window.__lstLoading")
        assert texts, "the loading screen showed no text"
        assert any(text.startswith("De module wordt geopend") for text in texts), texts
        assert not [text for text in texts if "Executing" in text or "Running" in text or "Reading" in text], texts
        assert page.evaluate("document.documentElement.lang") == "nl"
        assert "Executing" not in page.inner_text("body")
    finally:
        page.close()


# -- idle kernels ----------------------------------------------------------------------------

def kernel_alive(server, kernel_id: str) -> bool:
    try:
        with urllib.request.urlopen(f"{server.url}/api/kernels/{kernel_id}", timeout=10) as response:
            return json.load(response)["id"] == kernel_id
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return False
        raise


def test_closed_page_kernel_is_culled_and_open_page_kernel_kept(browser, voila_quick_cull):
    server = voila_quick_cull
    notebook = NOTEBOOKS[2]
    kept = open_module(browser, server, notebook, 1366)
    closed = open_module(browser, server, notebook, 1366)
    try:
        ids = [p.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
               for p in (kept, closed)]
        assert ids[0] != ids[1] and all(kernel_alive(server, k) for k in ids)
        closed.close()
        deadline = time.monotonic() + server.idle_timeout + 45
        while kernel_alive(server, ids[1]):
            assert time.monotonic() < deadline, "the kernel of the closed page is still running"
            time.sleep(1)
        # the open page is well past the idle timeout too, and keeps its kernel
        assert kernel_alive(server, ids[0])
        button = kept.locator(".lst-exercise button").first
        assert button.is_visible()
    finally:
        kept.close()
        if not closed.is_closed():
            closed.close()


# -- the portfolio -----------------------------------------------------------------------------

def test_portfolio_button_downloads_the_file_without_a_server_path(browser, voila, tmp_path):
    from lst_kit.workbook import open_workbook

    open_workbook(voila.participant, voila.workbooks).save_answer(
        "m6.reflectie_meenemen", {"text": "Ik neem de systeemkaart mee naar mijn team."})
    page = open_module(browser, voila, NOTEBOOKS[2], 800)
    try:
        page.get_by_role("button", name="Maak mijn portfolio").click()
        link = page.locator(".lst-exercise a.lst-download")
        link.wait_for(timeout=60_000)
        message = link.locator("xpath=ancestor::div[contains(@class,'widget-html')][1]").inner_text()
        assert str(voila.workbooks) not in message and "/" not in message.replace("→", "")
        # it looks like a button: filled, white text, padded
        style = link.evaluate("a => { const s = getComputedStyle(a); return [s.backgroundColor, s.color, s.paddingTop]; }")
        assert style[0] != "rgba(0, 0, 0, 0)" and style[1] == "rgb(255, 255, 255)" and float(style[2][:-2]) >= 4
        assert contrast(style[1], style[0]) >= 4.5
        with page.expect_download() as download:
            link.click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        assert saved.name == f"{voila.participant}-portfolio.html"
        assert saved.read_bytes() == (voila.workbooks / saved.name).read_bytes()
    finally:
        page.close()
