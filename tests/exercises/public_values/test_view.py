"""E5.1 view without a browser: set .value, .click(), then assert on the
model, the workbook file and what the participant sees."""

import json
import random

import pytest
from _content import break_case

import lst_kit
from lst_kit.content import load_spec
from lst_kit.exercises.public_values.readings import TYPE
from lst_kit.widgets import ErrorBanner
from lst_kit.workbook import open_workbook

EXERCISE = "m5.publieke_waarden"


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb, exercise_id):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"].get(exercise_id)


def test_public_values_weight_edit_reaches_the_workbook_and_redraws(wb):
    view = lst_kit.public_values("m5.publieke_waarden", workbook=wb)
    assert view.indicator.state == "empty" and view.figure.draws == 1
    first_png = view.figure.value
    view.cells[("voedselveiligheid", "nvwa")].value = 5
    view.cells[("voedselveiligheid", "thuiskoks")].value = 1
    saved = on_disk(wb, "m5.publieke_waarden")
    assert saved["case"] == "nvwa_maaltijdplatforms"
    assert saved["cases"]["nvwa_maaltijdplatforms"]["weights"]["voedselveiligheid"] == {"nvwa": 5, "thuiskoks": 1}
    assert view.indicator.state == "saved"
    assert view.figure.draws == 3 and view.figure.value != first_png
    assert 'alt="Links een heatmap' in view.figure.value
    assert "verst uiteen bij &#x27;voedselveiligheid&#x27;" in view.figure.value  # the caption reads the plot
    assert "<td>1</td><td>voedselveiligheid</td>" in view.table.value
    assert view.row_index["voedselveiligheid"].value.endswith(">1,07</span>")  # pstdev of 1, 5 and five 3s


def test_public_values_weight_out_of_range_shows_banner_and_keeps_answer(wb):
    view = lst_kit.public_values("m5.publieke_waarden", workbook=wb)
    cell = view.cells[("consumentenvertrouwen", "consumenten")]
    cell.value = 4
    before = on_disk(wb, "m5.publieke_waarden")
    draws = view.figure.draws
    cell.value = 9
    assert view.banner.message.startswith("Gewicht van 'consumentenvertrouwen' voor Consumenten:")
    assert "0 tot en met 5" in view.banner.message and "ingevuld was: 9" in view.banner.message
    assert "Traceback" not in view.banner.value
    assert on_disk(wb, "m5.publieke_waarden") == before
    assert cell.value == 4 and view.model.weight("consumentenvertrouwen", "consumenten") == 4
    assert view.figure.draws == draws
    cell.value = 2
    assert view.banner.message == ""
    assert on_disk(wb, "m5.publieke_waarden")["cases"]["nvwa_maaltijdplatforms"]["weights"]["consumentenvertrouwen"] == {
        "consumenten": 2}


def test_public_values_add_and_remove_a_value(wb):
    view = lst_kit.public_values("m5.publieke_waarden", workbook=wb)
    assert "innovatie" in view.new_value.options
    view.new_value.value = "innovatie"
    view.add_button.click()
    assert view.banner.message == "" and view.new_value.value == ""
    assert ("innovatie", "nvwa") in view.cells and "innovatie" not in view.new_value.options
    assert on_disk(wb, "m5.publieke_waarden")["cases"]["nvwa_maaltijdplatforms"]["extra_values"] == ["innovatie"]
    view.cells[("innovatie", "maaltijdplatforms")].value = 5
    view.new_value.value = "Eigen waarde: menselijke maat"
    view.add_button.click()
    assert view.remove_choice.options == ("innovatie", "Eigen waarde: menselijke maat")
    view.remove_choice.value = "innovatie"
    view.remove_button.click()
    saved = on_disk(wb, "m5.publieke_waarden")["cases"]["nvwa_maaltijdplatforms"]
    assert saved["extra_values"] == ["Eigen waarde: menselijke maat"] and "innovatie" not in saved["weights"]
    assert ("innovatie", "nvwa") not in view.cells


@pytest.mark.parametrize("typed, message", [
    ("", "Nieuwe waarde: toegestaan is een niet-lege naam"),
    ("   ", "Nieuwe waarde: toegestaan is een niet-lege naam"),
    ("Eerlijke  Concurrentie", "staat al in de lijst als 'eerlijke concurrentie'"),
])
def test_public_values_bad_new_value_shows_banner_and_keeps_answer(wb, typed, message):
    view = lst_kit.public_values("m5.publieke_waarden", workbook=wb)
    view.cells[("voedselveiligheid", "nvwa")].value = 5
    before = on_disk(wb, "m5.publieke_waarden")
    rows = view.model.values()
    view.new_value.value = typed
    view.add_button.click()
    assert message in view.banner.message and "Je eerdere antwoorden zijn bewaard" in view.banner.message
    assert on_disk(wb, "m5.publieke_waarden") == before and view.model.values() == rows


def test_public_values_stakeholder_checkboxes(wb):
    view = lst_kit.public_values("m5.publieke_waarden", workbook=wb)
    view.actor_boxes["gemeente_ggd"].value = True
    assert ("voedselveiligheid", "gemeente_ggd") in view.cells
    assert "gemeente_ggd" in on_disk(wb, "m5.publieke_waarden")["cases"]["nvwa_maaltijdplatforms"]["actors"]
    for actor in ("thuiskoks", "maaltijdplatforms", "consumenten", "allergievereniging", "horeca_branche",
                  "gemeente_ggd"):
        view.actor_boxes[actor].value = False
    assert view.model.state.actors == ["nvwa", "ministerie"]
    view.actor_boxes["ministerie"].value = False  # would leave one stakeholder
    assert "Belanghebbenden: toegestaan is 2 tot en met 8" in view.banner.message
    assert view.actor_boxes["ministerie"].value is True
    assert on_disk(wb, "m5.publieke_waarden")["cases"]["nvwa_maaltijdplatforms"]["actors"] == ["nvwa", "ministerie"]


def test_public_values_switch_case_and_come_back_after_restart(wb):
    view = lst_kit.public_values("m5.publieke_waarden", workbook=wb)
    view.cells[("voedselveiligheid", "nvwa")].value = 0
    view.case_choice.value = "nla_uitzendwerk_arbeidsmigranten"
    assert view.model.values()[0] == "eerlijk werk" and ("eerlijk werk", "vakbonden") in view.cells
    view.cells[("eerlijk werk", "vakbonden")].value = 5
    again = lst_kit.public_values("m5.publieke_waarden", workbook=open_workbook("anna", wb.folder))
    assert again.indicator.state == "loaded"
    assert again.case_choice.value == "nla_uitzendwerk_arbeidsmigranten"
    assert again.cells[("eerlijk werk", "vakbonden")].value == 5
    again.case_choice.value = "nvwa_maaltijdplatforms"
    assert again.cells[("voedselveiligheid", "nvwa")].value == 0


def test_an_answer_saved_by_the_kit_is_shown(wb):
    saved = {"case": "nvwa_maaltijdplatforms", "cases": {"nvwa_maaltijdplatforms": {
        "actors": ["thuiskoks", "nvwa"], "extra_values": ["innovatie"],
        "weights": {"innovatie": {"nvwa": 1, "thuiskoks": 5}}}}}
    wb.save_answer(EXERCISE, saved)
    view = lst_kit.public_values(EXERCISE, workbook=open_workbook("anna", wb.folder))
    assert view.indicator.state == "loaded" and view.banner.message == ""
    assert [a for a, box in view.actor_boxes.items() if box.value] == ["thuiskoks", "nvwa"]
    assert view.cells[("innovatie", "nvwa")].value == 1 and view.cells[("innovatie", "thuiskoks")].value == 5
    assert view.row_index["innovatie"].value.endswith(">2,00</span>")   # weights 1 and 5: pstdev 2
    assert view.model.to_dict() == saved


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_demo_answer_is_saved_and_shown_by_the_view(wb, seed):
    answer = TYPE.demo_answer(load_spec(EXERCISE), random.Random(seed))
    wb.save_answer(EXERCISE, answer)
    view = lst_kit.public_values(EXERCISE, workbook=open_workbook("anna", wb.folder))
    assert not isinstance(view, ErrorBanner) and view.banner.message == ""
    assert view.model.to_dict() == answer   # the view would save exactly this
    assert view.case_choice.value == answer["case"]
    for value, row in answer["cases"][answer["case"]]["weights"].items():
        for actor_id, weight in row.items():
            assert view.cells[(value, actor_id)].value == weight
    assert [a for a, box in view.actor_boxes.items() if box.value] == answer["cases"][answer["case"]]["actors"]


def test_a_broken_case_is_left_out_of_the_choice(data, wb):
    (data / "cases" / "igj_cosmetische_injectables.yaml").write_text("case_id: [kapot\n", encoding="utf-8")
    view = lst_kit.public_values(EXERCISE, workbook=wb)
    assert not isinstance(view, ErrorBanner)
    offered = [value for _, value in view.case_choice.options]
    assert "igj_cosmetische_injectables" not in offered and "nvwa_maaltijdplatforms" in offered


def test_a_broken_spec_is_a_dutch_banner_not_a_traceback(data, wb):
    path = data / "exercises" / "m5" / "publieke_waarden.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("default_case: nvwa_maaltijdplatforms",
                                                             "default_case: nvwa"), encoding="utf-8")
    view = lst_kit.public_values(EXERCISE, workbook=wb)
    assert isinstance(view, ErrorBanner)
    assert "publieke_waarden.yaml" in view.message and "default_case" in view.message


def test_a_broken_default_case_leaves_only_that_case_out(data, wb):
    """Issue 16: the spec still loads (on the first case that does), the map
    works on the other cases and names the broken file in one line."""
    break_case(data, "nvwa_maaltijdplatforms")  # the spec's own case
    view = lst_kit.public_values(EXERCISE, workbook=wb)
    assert hasattr(view, "model"), view.value  # a working map, not only an error banner
    offered = [value for _, value in view.case_choice.options]
    assert "nvwa_maaltijdplatforms" not in offered and view.model.case_id == "igj_cosmetische_injectables"
    assert view.banner.kind == "info" and "cases/nvwa_maaltijdplatforms.yaml" in view.banner.message
    view.cells[("patiëntveiligheid", "igj")].value = 5
    assert on_disk(wb, EXERCISE)["cases"]["igj_cosmetische_injectables"]["weights"] == {"patiëntveiligheid": {"igj": 5}}


def test_the_spec_accepts_case_as_well_as_default_case(data):
    path = data / "exercises" / "m5" / "publieke_waarden.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("default_case: nvwa_maaltijdplatforms",
                                                             "case: ilt_ontgassen_binnenvaart"), encoding="utf-8")
    assert load_spec(EXERCISE).default_case == "ilt_ontgassen_binnenvaart"
    path.write_text(path.read_text(encoding="utf-8").replace("case: ilt_ontgassen_binnenvaart", "case: ilt"),
                    encoding="utf-8")
    view = lst_kit.public_values(EXERCISE)
    assert isinstance(view, ErrorBanner) and "case" in view.message and "ilt" in view.message
