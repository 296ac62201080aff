"""E5.2 view without a browser: set .value, .click(), then assert on the
model, the workbook file and what the participant sees."""

import json
import random

import pytest
from _content import break_case
import yaml

import lst_kit
from lst_kit.content import case_ids, load_case, load_spec
from lst_kit.exercises.signal_triage.readings import TYPE
from lst_kit.widgets import ErrorBanner
from lst_kit.workbook import open_workbook

EXERCISE = "m5.signalen"


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb, exercise_id):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"].get(exercise_id)


def route_text(view, obs_id):
    return view.route_cells[obs_id].value


def test_triage_edit_changes_route_and_reaches_the_workbook(wb):
    view = lst_kit.signal_triage("m5.signalen", workbook=wb)
    assert ">Handhaven</span>" in route_text(view, "s1")
    before = view.figure.value
    view.controls[("s1", "covered_by_law")].value = "nee"
    assert ">Signaleren aan beleid</span>" in route_text(view, "s1")
    saved = on_disk(wb, "m5.signalen")
    assert saved["cases"]["nvwa_maaltijdplatforms"]["edits"] == {"s1": {"covered_by_law": "nee"}}
    assert {r["id"]: r["route"] for r in saved["routing"]}["s1"] == "signaleren"
    assert view.figure.value != before and "Signaleren aan beleid: 4" in view.figure.value
    assert view.sections["probleem"].value.startswith("- Een groot deel")  # the draft follows
    view.controls[("s6", "systemic")].value = True
    view.controls[("s6", "frequency")].value = 5
    view.controls[("s6", "severity")].value = 4
    assert ">Agenderen in het publieke debat</span>" in route_text(view, "s6")
    assert on_disk(wb, "m5.signalen")["cases"]["nvwa_maaltijdplatforms"]["edits"]["s6"] == {
        "systemic": True, "frequency": 5, "severity": 4}


def test_triage_score_out_of_range_shows_banner_and_keeps_answer(wb):
    view = lst_kit.signal_triage("m5.signalen", workbook=wb)
    view.controls[("s2", "severity")].value = 3
    before = on_disk(wb, "m5.signalen")
    view.controls[("s2", "severity")].value = 8
    assert view.banner.message.startswith("Ernst (Koude gerechten worden zonder koeling")
    assert "1 tot en met 5" in view.banner.message and "ingevuld was: 8" in view.banner.message
    assert view.controls[("s2", "severity")].value == 3
    assert on_disk(wb, "m5.signalen") == before


def test_triage_own_observation_add_bad_input_and_remove(wb):
    view = lst_kit.signal_triage("m5.signalen", workbook=wb)
    view.new_text.value = "Bezorgers van de platforms halen maaltijden op in een gewone rugzak."
    view.new_frequency.value = 4
    view.new_severity.value = 3
    view.new_covered.value = "deels"
    view.new_systemic.value = True
    view.new_who.value = "Platforms"
    view.add_button.click()
    assert view.banner.message == "" and view.new_text.value == ""
    assert "eigen_1" in view.route_cells and "eigen_1" in view.remove_buttons
    own = on_disk(wb, "m5.signalen")["cases"]["nvwa_maaltijdplatforms"]["own"]
    assert own == [{"id": "eigen_1", "observation": "Bezorgers van de platforms halen maaltijden op in een gewone rugzak.",
                    "frequency": 4, "severity": 3, "covered_by_law": "deels", "systemic": True,
                    "who_can_act": "Platforms"}]
    assert "Platforms" in view.sections["wie_kan_handelen"].value
    before = on_disk(wb, "m5.signalen")
    for text, frequency, message in (
            ("", 3, "Nieuwe observatie: toegestaan is een niet-lege beschrijving"),
            ("bezorgers van de platforms halen maaltijden op in een gewone rugzak.", 3, "dezelfde tekst als observatie eigen_1"),
            ("Iets nieuws", 0, "Frequentie (nieuwe observatie): toegestaan is een geheel getal van 1 tot en met 5")):
        view.new_text.value = text
        view.new_frequency.value = frequency
        view.add_button.click()
        assert message in view.banner.message, text
        assert on_disk(wb, "m5.signalen") == before
    assert view.new_text.value == "Iets nieuws"  # what the participant typed stays in the form
    view.remove_buttons["eigen_1"].click()
    assert "eigen_1" not in view.route_cells
    assert on_disk(wb, "m5.signalen")["cases"]["nvwa_maaltijdplatforms"]["own"] == []


def test_triage_outline_saves_typing_reset_and_restart(wb):
    view = lst_kit.signal_triage("m5.signalen", workbook=wb)
    assert view.reset_buttons["oorzaken"].disabled is True  # nothing edited yet
    view.sections["oorzaken"].value = "De wet zegt niets over platforms."
    view.flush()
    assert on_disk(wb, "m5.signalen")["cases"]["nvwa_maaltijdplatforms"]["outline"] == {
        "oorzaken": "De wet zegt niets over platforms."}
    assert view.reset_buttons["oorzaken"].disabled is False
    view.controls[("s1", "covered_by_law")].value = "nee"  # the draft changes; the text stays
    assert view.sections["oorzaken"].value == "De wet zegt niets over platforms."
    assert "Je indeling is veranderd" in view.section_notes["oorzaken"].value
    again = lst_kit.signal_triage("m5.signalen", workbook=open_workbook("anna", wb.folder))
    assert again.sections["oorzaken"].value == "De wet zegt niets over platforms."
    assert again.controls[("s1", "covered_by_law")].value == "nee"
    again.reset_buttons["oorzaken"].click()
    assert again.sections["oorzaken"].value.startswith("- Een groot deel")
    assert on_disk(wb, "m5.signalen")["cases"]["nvwa_maaltijdplatforms"]["outline"] == {}


def test_triage_switch_case_keeps_each_case(wb):
    view = lst_kit.signal_triage("m5.signalen", workbook=wb)
    view.controls[("s3", "systemic")].value = False
    view.case_choice.value = "ilt_ontgassen_binnenvaart"
    assert set(view.route_cells) == {"s1", "s2", "s3", "s4", "s5", "s6"}
    assert "Ontgassen" in view.case_info.value or "ontgass" in view.case_info.value.lower()
    view.case_choice.value = "nvwa_maaltijdplatforms"
    assert view.controls[("s3", "systemic")].value is False
    assert on_disk(wb, "m5.signalen")["case"] == "nvwa_maaltijdplatforms"


def test_broken_rule_shows_a_banner_naming_file_and_field(tmp_path, monkeypatch, wb):
    import shutil

    import yaml

    from lst_kit.paths import data_dir

    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "data" / "reference" / "signaal_triage.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["rules"][0]["all"]["impact"]["min"] = 40
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    view = lst_kit.signal_triage("m5.signalen", workbook=wb)
    assert "signaal_triage.yaml" in view.message and "rules[0].all.impact.min" in view.message


def check_saved_and_shown(answer, folder):
    """A saved answer comes back in the view: the view would save it unchanged, and shows it."""
    wb = open_workbook("demo", folder)
    wb.save_answer(EXERCISE, answer)
    view = lst_kit.signal_triage(EXERCISE, workbook=open_workbook("demo", folder))
    assert not isinstance(view, ErrorBanner), getattr(view, "message", "")
    assert view.banner.message == "" and view.indicator.state == "loaded"
    assert view.model.to_dict() == answer
    assert view.case_choice.value == answer["case"]
    state = answer["cases"][answer["case"]]
    for key, text in state["outline"].items():
        assert view.sections[key].value == text
    for signal_id, changes in state["edits"].items():
        for name, value in changes.items():
            assert view.controls[(signal_id, name)].value == value
    for own in state["own"]:
        assert view.controls[(own["id"], "frequency")].value == own["frequency"]
    for item in answer["routing"]:
        assert view.model.rule.label(item["route"]) in view.route_cells[item["id"]].value


def test_an_answer_saved_by_the_kit_is_shown(tmp_path):
    own = {"id": "eigen_3", "observation": "Bezorgers halen maaltijden op in een gewone rugzak.", "frequency": 4,
           "severity": 3, "covered_by_law": "deels", "systemic": True, "who_can_act": "Platforms"}
    saved = {"case": "nvwa_maaltijdplatforms", "cases": {"nvwa_maaltijdplatforms": {
        "edits": {"s1": {"covered_by_law": "nee"}}, "own": [own], "outline": {"oorzaken": "Mijn oorzaken."}}}}
    wb = open_workbook("anna", tmp_path)
    wb.save_answer(EXERCISE, saved)
    view = lst_kit.signal_triage(EXERCISE, workbook=open_workbook("anna", tmp_path))
    assert view.controls[("s1", "covered_by_law")].value == "nee"
    assert ">Signaleren aan beleid</span>" in view.route_cells["s1"].value
    assert view.controls[("eigen_3", "frequency")].value == 4 and "eigen_3" in view.remove_buttons
    assert view.sections["oorzaken"].value == "Mijn oorzaken." and view.reset_buttons["oorzaken"].disabled is False
    assert view.model.to_dict()["cases"] == saved["cases"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_demo_answer_is_saved_and_shown_by_the_view(tmp_path, seed):
    check_saved_and_shown(TYPE.demo_answer(load_spec(EXERCISE), random.Random(seed)), tmp_path)


def test_demo_answers_for_every_case_are_shown_by_the_view(tmp_path):
    spec = load_spec(EXERCISE)
    answers = [TYPE.demo_answer(spec, random.Random(f"case/{i}")) for i in range(300)]
    for case_id in case_ids():
        answer = next((a for a in answers if a["case"] == case_id), None)
        assert answer is not None, case_id
        check_saved_and_shown(answer, tmp_path / case_id)


def test_a_new_case_gets_demo_answers_and_shows_in_the_view(data, tmp_path):
    """A case a teacher adds (no written demo stories) still gets valid demo
    answers, built from its own case file."""
    source = yaml.safe_load((data / "cases" / "ilt_ontgassen_binnenvaart.yaml").read_text("utf-8"))
    source.update(case_id="nieuwe_casus", title="Een nieuwe casus")
    (data / "cases" / "nieuwe_casus.yaml").write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
    assert "nieuwe_casus" in case_ids()
    spec = load_spec(EXERCISE)
    answer = next((a for a in (TYPE.demo_answer(spec, random.Random(f"new/{i}")) for i in range(300))
                   if a["case"] == "nieuwe_casus"), None)
    assert answer is not None
    assert {r["id"] for r in answer["routing"]} >= {s.id for s in load_case("nieuwe_casus").signals}
    check_saved_and_shown(answer, tmp_path / "wb")


def test_a_broken_case_is_left_out_of_the_choice(data, wb):
    (data / "cases" / "igj_cosmetische_injectables.yaml").write_text("case_id: [kapot\n", encoding="utf-8")
    view = lst_kit.signal_triage(EXERCISE, workbook=wb)
    assert not isinstance(view, ErrorBanner)
    offered = [value for _, value in view.case_choice.options]
    assert "igj_cosmetische_injectables" not in offered and "nvwa_maaltijdplatforms" in offered


def test_a_broken_default_case_leaves_only_that_case_out(data, wb):
    """Issue 16: the spec still loads (on the first case that does), the triage
    works on the other cases and names the broken file in one line."""
    break_case(data, "nvwa_maaltijdplatforms")  # the spec's own case
    view = lst_kit.signal_triage(EXERCISE, workbook=wb)
    assert hasattr(view, "model"), view.value  # a working triage, not only an error banner
    offered = [value for _, value in view.case_choice.options]
    assert "nvwa_maaltijdplatforms" not in offered and view.model.case_id == "igj_cosmetische_injectables"
    assert view.banner.kind == "info" and "cases/nvwa_maaltijdplatforms.yaml" in view.banner.message
    view.controls[("s1", "frequency")].value = 1
    assert on_disk(wb, EXERCISE)["cases"]["igj_cosmetische_injectables"]["edits"] == {"s1": {"frequency": 1}}


def test_the_spec_accepts_case_as_well_as_default_case(data):
    path = data / "exercises" / "m5" / "signalen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("default_case: nvwa_maaltijdplatforms",
                                                             "case: ilt_ontgassen_binnenvaart"), encoding="utf-8")
    assert load_spec(EXERCISE).default_case == "ilt_ontgassen_binnenvaart"
    path.write_text(path.read_text(encoding="utf-8").replace("case: ilt_ontgassen_binnenvaart", "case: ilt"),
                    encoding="utf-8")
    view = lst_kit.signal_triage(EXERCISE)
    assert isinstance(view, ErrorBanner) and "case" in view.message and "ilt" in view.message
