"""The responsive-pyramid game, headless: click, and read the workbook."""

import json

import pytest

import lst_kit
from lst_kit.content import load_spec
from lst_kit.exercises.pyramid_game.model import HIDDEN
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_game_view_plays_saves_and_reveals(wb):
    spec = load_spec("m4.piramidespel")
    view = lst_kit.pyramid_game("m4.piramidespel", workbook=wb)
    view.agent_dd.value = HIDDEN
    assert "Je weet niet met wie" in view.agent_info.value
    view.level.value = 2
    view.next_button.click()
    assert on_disk(wb)["m4.piramidespel"] == {"agent": HIDDEN, "draw": 0, "levels": [2]}
    assert "Ronde 1: trede 2 (Waarschuwen)" in view.rounds_log.value
    assert "trede(n) zwaarder dan passend" in view.rounds_log.value
    for _ in range(spec.rounds - 1):
        view.next_button.click()
    assert view.next_button.disabled and "Het verborgen type was:" in view.figure.value
    view.next_button.click()   # disabled in the browser; a click here must not add a round
    assert len(on_disk(wb)["m4.piramidespel"]["levels"]) == spec.rounds
    view.restart_button.click()
    assert on_disk(wb)["m4.piramidespel"] == {"agent": HIDDEN, "draw": 1, "levels": []}
    again = lst_kit.pyramid_game("m4.piramidespel", workbook=open_workbook("anna", wb.folder))
    assert again.game.draw == 1 and again.agent_dd.value == HIDDEN


def test_a_saved_game_is_shown_again(wb):
    wb.save_answer("m4.piramidespel", {"agent": "calculerend", "draw": 1, "levels": [1, 2]})
    view = lst_kit.pyramid_game("m4.piramidespel", workbook=wb)
    assert view.agent_dd.value == "calculerend" and view.game.levels == [1, 2]
    assert "Ronde 2: trede 2" in view.rounds_log.value and view.indicator.state == "loaded"


def test_a_broken_spec_is_a_dutch_banner(data):
    (data / "exercises" / "m4" / "piramidespel.yaml").write_text("type: pyramid_game\nrounds: nul\n", encoding="utf-8")
    widget = lst_kit.pyramid_game("m4.piramidespel", workbook=open_workbook("anna", data.parent / "wb"))
    assert type(widget).__name__ == "ErrorBanner" and "piramidespel.yaml" in widget.message
