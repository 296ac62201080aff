"""The Tafel van Elf without widgets: indices and weakest dimensions, the
deterrence arithmetic, the profile model and its saved answer, and the
content it reads (spec, T11 intervention mapping)."""

import math

import pytest
import yaml
from _content import edit

from lst_kit import cli
from lst_kit.content import T11_KEYS, ContentError, load_case, load_cases, load_spec, load_t11
from lst_kit.errors import InputError
from lst_kit.exercises.tafel_van_elf import check_reference_file, figures, load_mapping, model as tve


# -- Tafel van Elf: indices and weakest dimensions -----------------------------------------

def profile(**scores):
    base = {key: 3 for key in T11_KEYS}
    base.update(scores)
    return base


def test_group_indices_of_the_ilt_skippers_follow_the_brief():
    # brief §7, case C: T1 4; T2 1; T3 2; T4 3; T5 2; T6 3; T7 2; T8 1; T9 2; T10 2; T11 3
    group = load_case("ilt_ontgassen_binnenvaart").target_groups[0]
    scores = {key: group.t11[key].score for key in T11_KEYS}
    assert scores == {"T1": 4, "T2": 1, "T3": 2, "T4": 3, "T5": 2, "T6": 3, "T7": 2, "T8": 1, "T9": 2,
                      "T10": 2, "T11": 3}
    indices = tve.group_indices(scores, load_t11())
    assert indices == pytest.approx({"spontaan": 12 / 5, "controle": 8 / 4, "sanctie": 5 / 2})


@pytest.mark.parametrize("scores, n, expected", [
    (profile(), 3, ["T1", "T2", "T3"]),                               # all equal: T order
    (profile(T5=1, T2=1, T11=2), 3, ["T2", "T5", "T11"]),             # ties broken by T order
    (profile(T10=1, T9=1, T1=2, T8=2), 3, ["T9", "T10", "T1"]),       # T9 before T10, not "T10" < "T9" as text
    (profile(T7=5, T3=1), 1, ["T3"]),
])
def test_weakest_dimensions_are_deterministic(scores, n, expected):
    assert tve.weakest_dimensions(scores, n) == expected


# -- the deterrence arithmetic ---------------------------------------------------------------

def test_expected_sanction_case_c_numbers():
    # brief §7 case C: gain 4000, detection 0.02, sanction chance 0.5, fine 20000 -> 200; sensors to 0.2 -> 2000
    assert tve.expected_sanction(0.02, 0.5, 20000) == pytest.approx(200)
    assert tve.expected_sanction(0.2, 0.5, 20000) == pytest.approx(2000)
    assert tve.break_even_detection(4000, 0.5, 20000).value == pytest.approx(0.4)


def test_expected_sanction_with_report_chance_uses_the_brief_formula():
    # [1 - (1-P6)(1-P)] * P10 * S11
    assert tve.expected_sanction(0.02, 0.5, 20000, report=0.1) == pytest.approx((1 - 0.9 * 0.98) * 0.5 * 20000)
    assert tve.expected_sanction(0.3, 0.5, 1000, report=0.0) == pytest.approx(tve.expected_sanction(0.3, 0.5, 1000))


@pytest.mark.parametrize("gain, sanction, fine, report, needed", [
    (4000, 0.5, 20000, None, 0.4),
    (1500, 0.5, 1500, None, 2.0),            # NVWA case: even certain detection gives only 750
    (0, 0.5, 1000, None, 0.0),
    (100, 0.0, 1000, None, math.inf),
    (4000, 0.5, 20000, 0.5, 0.0),            # reports alone already give 0.5 >= 0.4
    (4000, 0.5, 20000, 0.1, 1 - 0.6 / 0.9),
])
def test_break_even_detection(gain, sanction, fine, report, needed):
    be = tve.break_even_detection(gain, sanction, fine, report)
    assert be.needed == pytest.approx(needed)
    assert be.reachable is (needed <= 1)
    assert be.value == pytest.approx(min(needed, 1.0))
    if be.reachable and 0 < be.value:
        assert tve.expected_sanction(be.value, sanction, fine, report) == pytest.approx(gain)


def test_unreachable_break_even_is_capped_with_a_clear_message():
    calc = tve.Deterrence(gain=1500, detection=0.03, sanction=0.5, fine=1500)
    assert not calc.break_even().reachable and calc.break_even().value == 1.0
    text = figures.deterrence_summary(calc)
    assert "Zelfs bij een ontdekkingskans van 100%" in text and "€\u00a0750" in text
    calc.fine = 20000
    assert "Omslagpunt: vanaf een ontdekkingskans van 15%" in figures.deterrence_summary(calc)


def test_euro_and_percentage_formats():
    assert figures.eur(4000) == "€\u00a04.000" and figures.eur(1234567.4) == "€\u00a01.234.567"
    assert figures.pct(0.4) == "40%" and figures.pct(0.025) == "2,5%" and figures.pct(1 / 3) == "33%"


# -- the T11 profile model -----------------------------------------------------------------------

@pytest.fixture
def t11():
    return load_spec("m4.tafel_van_elf"), load_t11(), load_mapping()


def test_profile_starts_from_case_scores_and_keeps_edits_per_case_and_group(t11):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    assert (model.focus, model.compare) == ("schippers", "verladers")
    assert model.profile()["T2"] == 1
    model.set_score("schippers", "T2", 4)
    assert model.profile()["T2"] == 4 and model.profile("verladers")["T2"] == 2
    model.set_case(load_case("nvwa_maaltijdplatforms"))
    assert model.focus == "thuiskoks" and model.profile()["T7"] == 1
    model.set_score("thuiskoks", "T7", 3)
    saved = model.to_dict()
    assert saved["case"] == "nvwa_maaltijdplatforms"
    assert saved["scores"]["ilt_ontgassen_binnenvaart"]["schippers"] == {"T2": 4}
    assert saved["scores"]["nvwa_maaltijdplatforms"]["thuiskoks"]["T7"] == 3
    again = tve.T11Profile.from_dict(spec, ref, mapping, saved, load_cases()[0])
    again.set_case(load_case("ilt_ontgassen_binnenvaart"))
    assert again.profile("schippers")["T2"] == 4


def test_profile_weakest_uses_the_teacher_mapping(t11):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    weakest = model.weakest()
    assert [w[0] for w in weakest] == ["T2", "T8", "T3"]
    assert weakest[0][2] == mapping.families["T2"] and weakest[0][1] == 1


@pytest.mark.parametrize("value", [0, 6, 2.5, "3", True, None])
def test_bad_score_is_refused_in_dutch_and_the_model_is_unchanged(t11, value):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    before = model.to_dict()
    with pytest.raises(InputError) as info:
        model.set_score("schippers", "T4", value)
    message = str(info.value)
    assert "T4 Normgetrouwheid doelgroep" in message and "geheel getal van 1 tot en met 5" in message
    assert "Je eerdere antwoorden zijn bewaard" in message
    assert model.to_dict() == before


@pytest.mark.parametrize("name, value, allowed", [
    ("detection", 1.5, "een kans van 0 tot en met 1"),
    ("sanction", -0.1, "een kans van 0 tot en met 1"),
    ("gain", -10, "een bedrag in euro's"),
    ("fine", math.nan, "een bedrag in euro's"),
    ("fine", "veel", "een bedrag in euro's"),
])
def test_bad_calculator_input_is_refused(t11, name, value, allowed):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    before = model.calculator().to_dict()
    with pytest.raises(InputError, match=allowed):
        model.set_deterrence(name, value)
    assert model.calculator().to_dict() == before


def test_calculator_prefills_from_the_case_or_the_spec(t11):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case("ilt_ontgassen_binnenvaart"))
    assert model.calculator().to_dict()["fine"] == 20000
    model.set_case(load_case("kinderopvang_bso_personeelstekort"))   # no deterrence block
    assert model.calculator().gain == spec.deterrence.gain
    model.set_deterrence("use_report", True)
    model.set_deterrence("report", 0.2)
    assert model.calculator().expected() == pytest.approx(
        tve.expected_sanction(spec.deterrence.detection, spec.deterrence.sanction, spec.deterrence.fine, 0.2))


def test_from_dict_survives_odd_answers(t11):
    spec, ref, mapping = t11
    for odd in (None, [], "x", {"case": "bestaat_niet"}, {"scores": {"ilt_ontgassen_binnenvaart": {"schippers": {
            "T1": 9, "T2": "2", "T99": 1, "T3": 5}}}, "focus": "niemand", "deterrence": {"x": {"gain": -1}}}):
        model = tve.T11Profile.from_dict(spec, ref, mapping, odd, load_cases()[0])
        assert model.case.case_id == spec.default_case and model.focus == "schippers"
    assert model.profile()["T3"] == 5 and model.profile()["T1"] == 4




def test_an_answer_saved_by_the_previous_kit_restores(t11):
    """A literal answer as the kit before the package shape saved it."""
    spec, ref, mapping = t11
    saved = {"case": "nvwa_maaltijdplatforms", "focus": "maaltijdplatforms", "compare": "thuiskoks",
             "scores": {"ilt_ontgassen_binnenvaart": {"schippers": {"T2": 4}},
                        "nvwa_maaltijdplatforms": {"thuiskoks": {"T7": 3}, "maaltijdplatforms": {"T9": 2}}},
             "deterrence": {"nvwa_maaltijdplatforms": {"gain": 1500, "detection": 0.05, "sanction": 0.5,
                                                       "fine": 1500, "report": 0.1, "use_report": True}}}
    model = tve.T11Profile.from_dict(spec, ref, mapping, saved, load_cases()[0])
    assert model.case.case_id == "nvwa_maaltijdplatforms"
    assert (model.focus, model.compare) == ("maaltijdplatforms", "thuiskoks")
    assert model.score("maaltijdplatforms", "T9") == 2 and model.score("thuiskoks", "T7") == 3
    assert model.scores["ilt_ontgassen_binnenvaart"]["schippers"] == {"T2": 4}
    calc = model.calculator()
    assert (calc.gain, calc.detection, calc.report, calc.use_report) == (1500, 0.05, 0.1, True)
    assert calc.expected() == pytest.approx((1 - 0.9 * 0.95) * 0.5 * 1500)


def test_an_answer_on_a_case_that_does_not_load_opens_the_default_case(t11):
    spec, ref, mapping = t11
    cases = {k: v for k, v in load_cases()[0].items() if k != "nvwa_maaltijdplatforms"}
    model = tve.T11Profile.from_dict(spec, ref, mapping, {"case": "nvwa_maaltijdplatforms"}, cases)
    assert model.case.case_id == spec.default_case


def test_set_case_refuses_what_is_not_a_case(t11):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    with pytest.raises(InputError, match="Casus"):
        model.set_case("nvwa_maaltijdplatforms")
    assert model.case.case_id == spec.default_case


# -- content ------------------------------------------------------------------------


def test_good_content_loads():
    mapping = load_mapping()
    assert set(mapping.families) == {f"T{i}" for i in range(1, 12)}
    assert mapping.families["T9"][0] == "Datagedreven selectie van wie je controleert"
    spec = load_spec("m4.tafel_van_elf")
    assert spec.default_case == "ilt_ontgassen_binnenvaart" and spec.compare == ("schippers", "verladers")


MAPPING = {
    "mapping-missing-dimension": (lambda d: d["dimensions"].pop(4), "dimensions", "lijst met 11 tot 11"),
    "mapping-duplicate-dimension": (lambda d: d["dimensions"][3].update(dimension="T1"),
                                    "dimensions[3].dimension", "'T1'"),
    "mapping-unknown-dimension": (lambda d: d["dimensions"][0].update(dimension="T12"),
                                  "dimensions[0].dimension", "'T12'"),
    "mapping-no-families": (lambda d: d["dimensions"][6].update(families=[]), "dimensions[6].families", "[]"),
    "mapping-not-illustrative": (lambda d: d.update(illustratief=False), "illustratief", "false"),  # as typed
}


@pytest.mark.parametrize("fault", sorted(MAPPING))
def test_damaged_mapping_names_file_field_allowed_and_found(data, fault, capsys):
    change, field, found = MAPPING[fault]
    path = data / "reference" / "t11_interventies.yaml"
    edit(path, change)
    with pytest.raises(ContentError) as info:
        load_mapping()
    err = info.value
    assert err.file.endswith("reference/t11_interventies.yaml") and err.field == field and err.allowed
    message = str(err)
    assert f"'{field}'" in message and "toegestaan is" in message and found in message
    # the same problem through `lst-kit check` (its map of M4 reference files leads to check_reference_file)
    assert any("t11_interventies.yaml" in p and field in p for p in check_reference_file(path))
    assert cli.main(["check", str(path)]) == 1
    assert any("t11_interventies.yaml" in line and field in line for line in capsys.readouterr().out.splitlines())


SPECS = {
    "t11-unknown-default-case": (lambda d: d.update(default_case="onbekend"), "default_case", "'onbekend'"),
    "t11-compare-unknown-group": (lambda d: d.update(compare=["schippers", "kapiteins"]), "compare", "kapiteins"),
    "t11-compare-three-groups": (lambda d: d.update(compare=["schippers", "verladers", "x"]), "compare", "'x'"),
    "t11-detection-above-one": (lambda d: d["deterrence"].update(detection=2), "deterrence.detection", "2"),
    "t11-weakest-zero": (lambda d: d.update(weakest=0), "weakest", "0"),
}


@pytest.mark.parametrize("fault", sorted(SPECS))
def test_damaged_spec_names_file_and_field(data, fault):
    change, field, found = SPECS[fault]
    edit(data / "exercises" / "m4" / "tafel_van_elf.yaml", change)
    with pytest.raises(ContentError) as info:
        load_spec("m4.tafel_van_elf")
    assert info.value.file.endswith("exercises/m4/tafel_van_elf.yaml") and info.value.field == field
    assert found in str(info.value)


def test_a_default_case_that_does_not_load_is_named_in_the_spec_error(data):
    edit(data / "cases" / "ilt_ontgassen_binnenvaart.yaml", lambda d: d.update(target_groups="kapot"))
    with pytest.raises(ContentError) as info:
        load_spec("m4.tafel_van_elf")
    assert info.value.field == "default_case" and "ilt_ontgassen_binnenvaart.yaml" in str(info.value)


def test_a_new_case_brings_its_target_groups(data):
    """Teachers add target groups by adding (or editing) a case file."""
    src = data / "cases" / "ilt_ontgassen_binnenvaart.yaml"
    doc = yaml.safe_load(src.read_text(encoding="utf-8"))
    doc["case_id"] = "ilt_nieuw"
    doc["target_groups"].append(dict(doc["target_groups"][0], id="terminals", name="Terminals"))
    (data / "cases" / "ilt_nieuw.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    spec = load_spec("m4.tafel_van_elf")
    model = tve.T11Profile(spec, load_t11(), load_mapping(), load_case("ilt_nieuw"))
    assert model.group_ids == ["schippers", "verladers", "terminals"]
    model.set_focus("terminals")
    assert model.compare == "verladers"


def test_the_pure_parser_leaves_the_compared_groups_to_the_case():
    """model.parse_spec reads no case; with_default_case reads `compare` against the case it is given."""
    from lst_kit.content import Field, load_yaml, spec_path

    root = Field(load_yaml(spec_path("m4.tafel_van_elf")), "tafel_van_elf.yaml")
    bare = tve.parse_spec(root, "m4.tafel_van_elf")
    assert bare.compare == ()
    case = load_case(bare.default_case)
    model = tve.T11Profile(bare, load_t11(), load_mapping(), case)
    assert (model.focus, model.compare) == tuple(g.id for g in case.target_groups[:2])
    assert tve.with_default_case(root, bare, case).compare == ("schippers", "verladers")
    other = load_case("nvwa_maaltijdplatforms")
    with pytest.raises(ContentError) as info:
        tve.with_default_case(root, bare, other)   # schippers and verladers are not groups of this case
    assert info.value.field == "compare" and "thuiskoks, maaltijdplatforms" in str(info.value)
