"""The shared fictional cases: one validated loader for every exercise."""

import os
import shutil
import time

import pytest
import yaml

from lst_kit.content.cases import T11_KEYS, case_ids, load_case, load_t11
from lst_kit.content import ContentError

CASES = ["igj_cosmetische_injectables", "ilt_ontgassen_binnenvaart", "kinderopvang_bso_personeelstekort",
         "nla_uitzendwerk_arbeidsmigranten", "nvwa_maaltijdplatforms"]


def test_all_cases_load_with_their_content():
    assert case_ids() == CASES
    for case_id in CASES:
        case = load_case(case_id)
        assert case.case_id == case_id and case.public_values
        assert len(case.actors) >= 5 and len(case.risks) >= 3 and len(case.links) >= 6
        assert all(set(g.t11) == set(T11_KEYS) for g in case.target_groups)
        assert any(a.type == "inspectorate" for a in case.actors) or case_id.startswith("kinderopvang")
    ilt = load_case("ilt_ontgassen_binnenvaart")
    assert ilt.deterrence.gain == 4000 and ilt.deterrence.detection == 0.02
    r1 = ilt.risks[0]
    assert (r1.likelihood, r1.impact, r1.systemic, r1.covered_by_law) == (4, 4, True, "ja")  # brief §7, case C


def test_t11_reference():
    ref = load_t11()
    assert [d.key for d in ref.dimensions] == list(T11_KEYS)
    assert [len(ref.in_group(g.key)) for g in ref.groups] == [5, 4, 2]


def edit(data, case_id, change):
    path = data / "cases" / f"{case_id}.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


BROKEN = {
    "likelihood-out-of-scale": (lambda d: d["risks"][0].update(likelihood=6), "risks[0].likelihood", "6"),
    "likelihood-not-a-number": (lambda d: d["risks"][1].update(likelihood="hoog"), "risks[1].likelihood", "'hoog'"),
    "link-to-unknown-node": (lambda d: d["links"][0].update(target="nergens"), "links[0].target", "'nergens'"),
    "self-link": (lambda d: d["links"][0].update(target=d["links"][0]["source"]), "links[0].target", None),
    "duplicate-actor": (lambda d: d["actors"].append(dict(d["actors"][0])), "actors", None),
    "unknown-actor-type": (lambda d: d["actors"][2].update(type="lobbyist"), "actors[2].type", "'lobbyist'"),
    "t11-missing-dimension": (lambda d: d["target_groups"][0]["t11"].pop("T7"), "target_groups[0].t11.T7",
                              "(ontbreekt)"),
    "case-id-not-file-name": (lambda d: d.update(case_id="andere_naam"), "case_id", "'andere_naam'"),
    "sign-not-plus-or-minus": (lambda d: d["links"][1].update(sign="++"), "links[1].sign", "'++'"),
    "power-out-of-scale": (lambda d: d["actors"][0].update(power=0), "actors[0].power", "0"),
}


@pytest.mark.parametrize("fault", sorted(BROKEN))
def test_damaged_case_names_file_and_field(data, fault):
    change, field, found = BROKEN[fault]
    edit(data, "nvwa_maaltijdplatforms", change)
    with pytest.raises(ContentError) as info:
        load_case("nvwa_maaltijdplatforms")
    assert info.value.field == field
    assert "cases/nvwa_maaltijdplatforms.yaml" in str(info.value)
    if found:
        assert found in str(info.value)


def test_a_new_case_is_one_new_file(data):
    src = data / "cases" / "ilt_ontgassen_binnenvaart.yaml"
    doc = yaml.safe_load(src.read_text(encoding="utf-8"))
    doc["case_id"] = "mijn_casus"
    doc["title"] = "Mijn eigen casus"
    (data / "cases" / "mijn_casus.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert "mijn_casus" in case_ids()
    assert load_case("mijn_casus").label == "ILT · Mijn eigen casus"


def test_unknown_case_lists_the_known_ones():
    with pytest.raises(ValueError, match="nvwa_maaltijdplatforms"):
        load_case("bestaat_niet")
    with pytest.raises(ValueError):
        load_case("../geheim")


def _age(folder, seconds):
    """Set a folder's modification time ``seconds`` into the past (so case_ids may remember it)."""
    then = time.time() - seconds
    os.utime(folder, (then, then))


def test_case_ids_follow_added_and_removed_files(data):
    cases = data / "cases"
    _age(cases, 60)
    assert case_ids() == CASES
    shutil.copy(cases / "nvwa_maaltijdplatforms.yaml", cases / "zz_nieuw.yaml")  # the folder's time moves
    assert case_ids() == CASES + ["zz_nieuw"]
    _age(cases, 30)
    assert case_ids() == CASES + ["zz_nieuw"]
    (cases / "zz_nieuw.yaml").unlink()
    _age(cases, 20)
    assert case_ids() == CASES


def test_case_ids_follow_the_data_folder(data, tmp_path, monkeypatch):
    _age(data / "cases", 60)
    assert case_ids() == CASES
    other = tmp_path / "other"
    shutil.copytree(data, other)
    (other / "cases" / "nvwa_maaltijdplatforms.yaml").unlink()
    _age(other / "cases", 60)
    monkeypatch.setenv("LST_DATA_DIR", str(other))
    assert case_ids() == CASES[:-1]
    monkeypatch.setenv("LST_DATA_DIR", str(data))
    assert case_ids() == CASES
