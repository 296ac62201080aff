"""Module 5 in a real browser (Voilà, headless Chromium): a participant types a
weight, changes an observation, adds one of their own and writes the
signalement; everything reaches the workbook and comes back after a reload."""

from __future__ import annotations

from pathlib import Path

from test_voila import TIMEOUT, exercise, expected_exercises, open_app, wait_for_answers, wait_rendered

from lst_kit.content.cases import load_case

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = "notebooks/05_maatschappelijke_orientatie.ipynb"


def test_module5_actions_reach_the_workbook_and_come_back(browser, voila, screenshots):
    n = expected_exercises(REPO / NOTEBOOK)
    s1 = load_case("nvwa_maaltijdplatforms").signals[0]
    covered_s1 = f"Gedekt door de wet ({s1.observation[:30]}"
    own = "Bezorgers halen koude maaltijden op zonder koeltas."
    problem = "Platforms nemen geen verantwoordelijkheid voor de koudeketen."
    page = open_app(browser, voila, NOTEBOOK)
    try:
        wait_rendered(page, n)
        values = exercise(page, "m5.publieke_waarden")
        cell = values.get_by_label("Gewicht van 'voedselveiligheid' voor NVWA")
        cell.fill("5")
        cell.press("Enter")
        triage = exercise(page, "m5.signalen")
        triage.locator("select").filter(has=page.locator("option", has_text="deels")).first.select_option("nee")
        triage.get_by_label("Nieuwe observatie").fill(own)
        triage.get_by_role("button", name="Observatie toevoegen").click()
        # wait until the kernel has added the row (and refreshed the draft) before typing in the draft
        triage.get_by_text(own).wait_for(timeout=TIMEOUT)
        page.wait_for_load_state("networkidle", timeout=TIMEOUT)
        triage.locator("textarea").nth(1).click()  # [0] is the form for a new observation, [1] the 'Probleem' part
        page.keyboard.press("Control+A")
        page.keyboard.type(problem, delay=5)
        answers = wait_for_answers(voila, lambda a: (
            a["m5.publieke_waarden"]["cases"]["nvwa_maaltijdplatforms"]["weights"]["voedselveiligheid"]["nvwa"] == 5
            and a["m5.signalen"]["cases"]["nvwa_maaltijdplatforms"]["edits"]["s1"]["covered_by_law"] == "nee"
            and a["m5.signalen"]["cases"]["nvwa_maaltijdplatforms"]["own"][0]["observation"] == own
            and a["m5.signalen"]["cases"]["nvwa_maaltijdplatforms"]["outline"]["probleem"] == problem))
        assert answers["m5.signalen"]["routing"][0] == {"id": "s1", "observation": s1.observation,
                                                        "route": "signaleren", "own": False}
        page.screenshot(path=str(screenshots / "voila-m5-interactie.png"), full_page=False)

        page.reload(timeout=TIMEOUT)
        wait_rendered(page, n)
        values = exercise(page, "m5.publieke_waarden")
        assert values.get_by_label("Gewicht van 'voedselveiligheid' voor NVWA").input_value() == "5"
        triage = exercise(page, "m5.signalen")
        assert triage.get_by_label(covered_s1).input_value() == "nee"
        assert triage.get_by_text(own).first.is_visible()  # the row (the draft note repeats it, folded)
        assert triage.locator("textarea").nth(1).input_value() == problem
    finally:
        page.close()
