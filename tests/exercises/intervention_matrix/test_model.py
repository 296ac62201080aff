"""The intervention matrix without widgets: the setup, placements, the
comparison with the reference, aggravating factors and the saved answer, and
the content it reads (spec, catalogue, reference matrix, `lst-kit check`)."""

import pytest
from _content import edit

from lst_kit import cli
from lst_kit.content import ContentError, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.intervention_matrix import check_reference_file, figures, load_matrix_setup, model as im


@pytest.fixture
def setup():
    return load_matrix_setup("m4.interventiematrix")


def test_setup_has_sixteen_cells_and_a_full_reference(setup):
    assert setup.spec.cell_keys[:5] == ["A1", "A2", "A3", "A4", "B1"] and len(setup.spec.cell_keys) == 16
    assert [s.label for s in setup.spec.segments] == ["Goedwillend", "Onverschillig", "Calculerend",
                                                       "Notoir of crimineel"]
    assert setup.spec.classes[3].label == "Aanzienlijk, dreigend en/of onomkeerbaar"   # LHS 2014 wording
    assert set(setup.reference.cells) == set(setup.spec.cell_keys)
    assert {i.level for i in setup.catalogue.items} == set(range(1, 7))


def test_placement_keeps_catalogue_order_and_refuses_unknown_interventions(setup):
    model = im.InterventionMatrix(setup)
    model.place("B3", ["bestuurlijke_boete", "waarschuwing", "bestuurlijke_boete"])
    assert model.get("B3") == ("waarschuwing", "bestuurlijke_boete")
    assert model.level_range("B3") == (2, 3)
    model.toggle("B3", "proces_verbaal", True)
    model.toggle("B3", "waarschuwing", False)
    assert model.get("B3") == ("bestuurlijke_boete", "proces_verbaal")
    with pytest.raises(InputError, match="een id uit .*interventiecatalogus.yaml"):
        model.place("B3", ["preek"])
    with pytest.raises(InputError, match="Cel"):
        model.place("E1", ["informatie"])
    with pytest.raises(InputError):
        model.place("B3", "informatie")   # a string is not a list of ids
    assert model.get("B3") == ("bestuurlijke_boete", "proces_verbaal")
    model.place("B3", [])
    assert "B3" not in model.cells and model.level_range("B3") is None


def test_comparison_against_the_reference(setup):
    model = im.InterventionMatrix(setup)
    empty = model.comparison()
    assert empty.equal == 0 and empty.total == 16 and empty.consistency == 0.0
    for cell, ids in setup.reference.cells.items():
        model.place(cell, ids)
    assert model.comparison().consistency == 1.0 and model.comparison().differences == ()
    model.toggle("C3", "proces_verbaal", False)
    model.toggle("C3", "strafbeschikking", True)
    comp = model.comparison()
    assert (comp.equal, comp.total) == (15, 16) and comp.consistency == pytest.approx(15 / 16)
    (diff,) = comp.differences
    assert diff == im.Difference("C3", ("strafbeschikking",), ("proces_verbaal",))
    assert figures.summary_text(model) == "16 van de 16 cellen ingevuld; 15 cellen (94%) gelijk aan de referentie."


@pytest.mark.parametrize("situation, factors, suggested, criminal", [
    ("A2", [], "A2", False),
    ("A2", ["recidive"], "B2", True),
    ("A2", ["recidive", "financieel_gewin"], "C2", True),
    ("A2", ["obstructie"], "B2", False),
    ("A2", ["recidive", "financieel_gewin", "obstructie"], "D2", True),
    ("C4", ["recidive", "obstructie"], "D4", True),     # capped at the heaviest row
    ("D1", ["financieel_gewin"], "D1", True),
])
def test_aggravating_factors_shift_the_suggested_cell(setup, situation, factors, suggested, criminal):
    model = im.InterventionMatrix(setup)
    model.set_situation(situation)
    for key in factors:
        model.set_factor(key, True)
    assert model.suggested() == suggested and model.criminal_track() is criminal
    for key in factors:
        model.set_factor(key, False)
    assert model.suggested() == situation


def test_aggravating_factor_and_situation_refuse_bad_input(setup):
    model = im.InterventionMatrix(setup)
    with pytest.raises(InputError, match="Verzwarende omstandigheid"):
        model.set_factor("haast", True)
    with pytest.raises(InputError):
        model.set_factor("recidive", "ja")
    with pytest.raises(InputError, match="Cel"):
        model.set_situation("Z9")
    assert model.factors == [] and model.situation == "A1"


def test_matrix_round_trip_drops_what_the_teacher_removed(setup):
    model = im.InterventionMatrix(setup)
    model.place("D4", ["proces_verbaal", "intrekking_vergunning"])
    model.set_situation("C2")
    model.set_factor("obstructie", True)
    saved = model.to_dict()
    assert saved == {"cells": {"D4": ["proces_verbaal", "intrekking_vergunning"]}, "situation": "C2",
                     "factors": ["obstructie"]}
    saved["cells"]["A1"] = ["verdwenen_interventie", "informatie"]
    saved["cells"]["Q7"] = ["informatie"]
    again = im.InterventionMatrix.from_dict(setup, saved)
    assert again.get("A1") == ("informatie",) and "Q7" not in again.cells
    assert again.suggested() == "D2"
    assert im.InterventionMatrix.from_dict(setup, "onzin").cells == {}


def test_cell_keys_are_made_once_and_row_by_row(setup):
    spec = setup.spec
    assert spec.cell_keys is spec.cell_keys  # a frozen spec: made once
    assert spec.cell_keys == [f"{s.key}{c.key}" for s in spec.segments for c in spec.classes]


def test_an_answer_saved_by_the_previous_kit_restores(setup):
    """A literal answer as the kit before the package shape saved it."""
    saved = {"cells": {"A1": ["informatie", "overtuigen"], "C3": ["bestuurlijke_boete", "proces_verbaal"]},
             "situation": "B2", "factors": ["recidive"]}
    model = im.InterventionMatrix.from_dict(setup, saved)
    assert model.get("A1") == ("informatie", "overtuigen") and model.get("C3") == ("bestuurlijke_boete",
                                                                                    "proces_verbaal")
    assert (model.situation, model.factors, model.suggested()) == ("B2", ["recidive"], "C2")
    assert model.to_dict() == saved


def test_odd_values_in_an_answer_are_left_out(setup):
    odd = {"cells": {"A1": [{"x": 1}, "informatie", 3], "B1": "informatie"}, "situation": ["A1"],
           "factors": "recidive"}
    model = im.InterventionMatrix.from_dict(setup, odd)
    assert model.to_dict() == {"cells": {"A1": ["informatie"]}, "situation": "A1", "factors": []}


# -- content ------------------------------------------------------------------------


def test_good_content_loads():
    setup = load_matrix_setup()
    assert setup.catalogue.item("last_onder_dwangsom").level == 3
    assert setup.catalogue.category("signaal").beside_pyramid
    assert setup.reference.get("D4") == ("proces_verbaal", "stillegging", "intrekking_vergunning")
    for exercise_id in ("m4.tafel_van_elf", "m4.interventiematrix", "m4.piramide", "m4.reflectie_hefbomen",
                        "m4.reflectie_consistentie", "m4.reflectie_gedrag", "m4.reflectie_piramide", "m4.ato_model",
                        "m4.responsief"):
        assert load_spec(exercise_id).exercise_id == exercise_id


REFERENCE = {
    # fault: (file in data/reference, change, field, found)
    "catalogue-level-7": ("interventiecatalogus.yaml", lambda d: d["interventions"][2].update(level=7),
                          "interventions[2].level", "7"),
    "catalogue-unknown-category": ("interventiecatalogus.yaml",
                                   lambda d: d["interventions"][0].update(category="preken"),
                                   "interventions[0].category", "'preken'"),
    "catalogue-duplicate-id": ("interventiecatalogus.yaml",
                               lambda d: d["interventions"][5].update(id=d["interventions"][0]["id"]),
                               "interventions", "'informatie'"),
    "catalogue-long-short-label": ("interventiecatalogus.yaml",
                                   lambda d: d["interventions"][1].update(short="Een veel te lange korte naam hier"),
                                   "interventions[1].short", "veel te lange"),
    "catalogue-five-levels": ("interventiecatalogus.yaml", lambda d: d["levels"].pop(), "levels",
                              "lijst met 6 tot 6"),
    "reference-unknown-cell": ("interventiematrix_referentie.yaml", lambda d: d["cells"].update(E1=["informatie"]),
                               "cells.E1", "'E1'"),
    "reference-unknown-intervention": ("interventiematrix_referentie.yaml",
                                       lambda d: d["cells"].update(D4=["proces_verbaal", "kielhalen"]),
                                       "cells.D4[1]", "'kielhalen'"),
    "reference-not-a-list": ("interventiematrix_referentie.yaml", lambda d: d["cells"].update(A1="informatie"),
                             "cells.A1", "'informatie'"),
    "reference-twice-in-a-cell": ("interventiematrix_referentie.yaml",
                                  lambda d: d["cells"].update(A1=["informatie", "informatie"]), "cells.A1",
                                  "'informatie'"),
}


def _load_reference(rel: str):
    return load_matrix_setup()


@pytest.mark.parametrize("fault", sorted(REFERENCE))
def test_damaged_reference_names_file_field_allowed_and_found(data, fault, capsys):
    rel, change, field, found = REFERENCE[fault]
    edit(data / "reference" / rel, change)
    with pytest.raises(ContentError) as info:
        load_matrix_setup()
    err = info.value
    assert err.file.endswith(f"reference/{rel}") and err.field == field and err.allowed
    message = str(err)
    assert rel in message and f"'{field}'" in message and "toegestaan is" in message and found in message
    # the same problem through `lst-kit check` (its map of M4 reference files leads to check_reference_file)
    assert any(rel in p and field in p for p in check_reference_file(data / "reference" / rel))
    assert cli.main(["check", str(data / "reference" / rel)]) == 1
    assert any(rel in line and field in line for line in capsys.readouterr().out.splitlines())


SPECS = {
    "matrix-lowercase-segment": ("interventiematrix.yaml", lambda d: d["segments"][1].update(key="b"),
                                 "segments[1].key", "'b'"),
    "matrix-class-key-ten": ("interventiematrix.yaml", lambda d: d["classes"][0].update(key=10), "classes[0].key",
                             "10"),
    "matrix-shift-too-far": ("interventiematrix.yaml", lambda d: d["aggravating"][0].update(shift=9),
                             "aggravating[0].shift", "9"),
    "matrix-catalogue-path": ("interventiematrix.yaml", lambda d: d.update(catalogue="../geheim.yaml"), "catalogue",
                              "'../geheim.yaml'"),
    "pyramid-unknown-matrix": ("piramide.yaml", lambda d: d.update(matrix="m4.bestaat_niet"), "matrix",
                               "m4.bestaat_niet"),
}


@pytest.mark.parametrize("fault", sorted(SPECS))
def test_damaged_m4_spec_names_file_and_field(data, fault):
    rel, change, field, found = SPECS[fault]
    edit(data / "exercises" / "m4" / rel, change)
    with pytest.raises(ContentError) as info:
        load_spec("m4." + rel.removesuffix(".yaml"))
    assert info.value.file.endswith(f"exercises/m4/{rel}") and info.value.field == field
    assert found in str(info.value)


def test_cli_check_covers_the_m4_reference_files(data, capsys):
    assert cli.main(["check", str(data)]) == 0
    edit(data / "reference" / "interventiematrix_referentie.yaml", lambda d: d["cells"].update(B2=["zwaaien"]))
    assert cli.main(["check", str(data)]) == 1
    out = capsys.readouterr().out
    assert "interventiematrix_referentie.yaml" in out and "cells.B2[0]" in out and "'zwaaien'" in out
