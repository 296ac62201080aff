"""Module 4 content: the exercise specs, the T11 intervention mapping, the
intervention catalogue and the reference matrix load when good and, when
damaged, name file, field, what is allowed and what was found."""


import pytest
from _content import edit
import yaml

from lst_kit import cli
from lst_kit.content import ContentError, load_spec
from lst_kit.exercises import intervention_matrix as im
from lst_kit.exercises import tafel_van_elf as tve


def test_good_content_loads():
    mapping = tve.load_mapping()
    assert set(mapping.families) == {f"T{i}" for i in range(1, 12)}
    assert mapping.families["T9"][0] == "Datagedreven selectie van wie je controleert"
    catalogue = im.load_catalogue()
    assert catalogue.item("last_onder_dwangsom").level == 3
    assert catalogue.category("signaal").beside_pyramid
    setup = im.load_matrix_setup()
    assert setup.reference.get("D4") == ("proces_verbaal", "stillegging", "intrekking_vergunning")
    for exercise_id in ("m4.tafel_van_elf", "m4.interventiematrix", "m4.piramide", "m4.reflectie_hefbomen",
                        "m4.reflectie_consistentie", "m4.reflectie_gedrag", "m4.reflectie_piramide", "m4.ato_model",
                        "m4.responsief"):
        assert load_spec(exercise_id).exercise_id == exercise_id


REFERENCE = {
    # fault: (file in data/reference, change, field, found)
    "mapping-missing-dimension": ("t11_interventies.yaml", lambda d: d["dimensions"].pop(4), "dimensions",
                                  "lijst met 11 tot 11"),
    "mapping-duplicate-dimension": ("t11_interventies.yaml", lambda d: d["dimensions"][3].update(dimension="T1"),
                                    "dimensions[3].dimension", "'T1'"),
    "mapping-unknown-dimension": ("t11_interventies.yaml", lambda d: d["dimensions"][0].update(dimension="T12"),
                                  "dimensions[0].dimension", "'T12'"),
    "mapping-no-families": ("t11_interventies.yaml", lambda d: d["dimensions"][6].update(families=[]),
                            "dimensions[6].families", "[]"),
    "mapping-not-illustrative": ("t11_interventies.yaml", lambda d: d.update(illustratief=False), "illustratief",
                                 "False"),
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
    if rel == "t11_interventies.yaml":
        return tve.load_mapping()
    return im.load_matrix_setup()


@pytest.mark.parametrize("fault", sorted(REFERENCE))
def test_damaged_reference_names_file_field_allowed_and_found(data, fault, capsys):
    rel, change, field, found = REFERENCE[fault]
    edit(data / "reference" / rel, change)
    with pytest.raises(ContentError) as info:
        _load_reference(rel)
    err = info.value
    assert err.file.endswith(f"reference/{rel}") and err.field == field and err.allowed
    message = str(err)
    assert rel in message and f"'{field}'" in message and "toegestaan is" in message and found in message
    # the same problem through `lst-kit check`
    assert cli.main(["check", str(data / "reference" / rel)]) == 1
    assert any(rel in line and field in line for line in capsys.readouterr().out.splitlines())


SPECS = {
    "t11-unknown-default-case": ("tafel_van_elf.yaml", lambda d: d.update(default_case="onbekend"), "default_case",
                                 "'onbekend'"),
    "t11-compare-unknown-group": ("tafel_van_elf.yaml", lambda d: d.update(compare=["schippers", "kapiteins"]),
                                  "compare", "kapiteins"),
    "t11-detection-above-one": ("tafel_van_elf.yaml", lambda d: d["deterrence"].update(detection=2),
                                "deterrence.detection", "2"),
    "t11-weakest-zero": ("tafel_van_elf.yaml", lambda d: d.update(weakest=0), "weakest", "0"),
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


def test_a_new_case_brings_its_target_groups(data):
    """Teachers add target groups by adding (or editing) a case file."""
    src = data / "cases" / "ilt_ontgassen_binnenvaart.yaml"
    doc = yaml.safe_load(src.read_text(encoding="utf-8"))
    doc["case_id"] = "ilt_nieuw"
    doc["target_groups"].append(dict(doc["target_groups"][0], id="terminals", name="Terminals"))
    (data / "cases" / "ilt_nieuw.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    from lst_kit.content.cases import load_case, load_t11

    spec = load_spec("m4.tafel_van_elf")
    model = tve.T11Profile(spec, load_t11(), tve.load_mapping(), load_case("ilt_nieuw"))
    assert model.group_ids == ["schippers", "verladers", "terminals"]
    model.set_focus("terminals")
    assert model.compare == "verladers"


def test_cli_check_covers_the_m4_reference_files(data, capsys):
    assert cli.main(["check", str(data)]) == 0
    edit(data / "reference" / "interventiematrix_referentie.yaml", lambda d: d["cells"].update(B2=["zwaaien"]))
    assert cli.main(["check", str(data)]) == 1
    out = capsys.readouterr().out
    assert "interventiematrix_referentie.yaml" in out and "cells.B2[0]" in out and "'zwaaien'" in out
