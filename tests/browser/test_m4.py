"""Module 4 in a real browser (Voilà, headless Chromium): a participant moves a
Tafel van Elf slider with the keyboard, changes the calculator, fills a cell of
the intervention matrix and marks an aggravating factor, and plays a round of
the pyramid game; everything reaches the workbook and comes back after a reload."""

from __future__ import annotations

from pathlib import Path

from test_voila import TIMEOUT, exercise, expected_exercises, open_app, wait_for_answers, wait_rendered

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = "notebooks/04_interventiestrategie_en_gedrag.ipynb"


def test_module4_actions_reach_the_workbook_and_come_back(browser, voila, screenshots):
    n = expected_exercises(REPO / NOTEBOOK)
    page = open_app(browser, voila, NOTEBOOK)
    try:
        wait_rendered(page, n)
        t11 = exercise(page, "m4.tafel_van_elf")
        t11.get_by_label("T7 Controlekans").focus()        # starts at the case's 2
        page.keyboard.press("ArrowRight")
        detection = t11.get_by_label("Ontdekkingskans bij eigen controle (0–1)")
        detection.fill("0.4")
        detection.press("Enter")
        matrix = exercise(page, "m4.interventiematrix")
        matrix.get_by_label("Cel").select_option(label="C3 · Calculerend × Van belang")
        page.wait_for_load_state("networkidle", timeout=TIMEOUT)
        matrix.get_by_label("Bestuurlijke boete").check()
        matrix.get_by_label("Recidive").check()
        game = exercise(page, "m4.piramidespel")
        game.get_by_role("button", name="2 · Waarschuwen").click()
        game.get_by_role("button", name="Volgende ronde").click()
        answers = wait_for_answers(voila, lambda a: (
            a["m4.tafel_van_elf"]["scores"]["ilt_ontgassen_binnenvaart"]["schippers"]["T7"] == 3
            and a["m4.tafel_van_elf"]["deterrence"]["ilt_ontgassen_binnenvaart"]["detection"] == 0.4
            and a["m4.interventiematrix"]["cells"]["C3"] == ["bestuurlijke_boete"]
            and a["m4.interventiematrix"]["factors"] == ["recidive"]
            and a["m4.piramidespel"]["levels"] == [2]))
        assert answers["m4.interventiematrix"]["situation"] == "C3"
        assert matrix.get_by_text("schuift de suggestie naar D3").count() == 1
        page.screenshot(path=str(screenshots / "voila-m4-interactie.png"), full_page=False)

        page.reload(timeout=TIMEOUT)
        wait_rendered(page, n)
        t11 = exercise(page, "m4.tafel_van_elf")
        assert t11.get_by_label("T7 Controlekans").input_value() == "3"
        assert t11.get_by_label("Ontdekkingskans bij eigen controle (0–1)").input_value() == "0,4"
        matrix = exercise(page, "m4.interventiematrix")
        assert matrix.get_by_label("Bestuurlijke boete").is_checked() and matrix.get_by_label("Recidive").is_checked()
        assert exercise(page, "m4.piramidespel").get_by_text("Ronde 1: trede 2 (Waarschuwen)").count() == 1
    finally:
        page.close()
