"""Content files are validated on load; errors name file and field."""


import pytest
from _content import assert_broken_spec_is_named, edit

from lst_kit.paths import data_dir
from lst_kit.content import ContentError, exercise_ids, load_spec, spec_path


def test_every_exercise_spec_loads():
    ids = exercise_ids()
    assert {"m1.tijdlijn", "m1.principes", "m1.paradox", "m1.reflectie_wrr", "m1.definitie"} <= set(ids)
    for exercise_id in ids:
        spec = load_spec(exercise_id)
        assert spec.exercise_id == exercise_id


def test_spec_path_maps_ids_to_files():
    assert spec_path("m1.tijdlijn") == data_dir() / "exercises" / "m1" / "tijdlijn.yaml"
    for bad in ("tijdlijn", "m1.", "../m1.x", "m1.../x", "M1.x"):
        with pytest.raises(ValueError):
            spec_path(bad)


BROKEN = {
    # fault name: (file, change, field named in the error, found value shown)
    "reflection-without-prompt": ("m1/reflectie_wrr.yaml", lambda d: d.pop("prompt"), "prompt", "(ontbreekt)"),
    "reflection-min-words-text": ("m1/reflectie_wrr.yaml", lambda d: d.update(min_words="veel"), "min_words", "'veel'"),
    "unknown-type": ("m1/reflectie_wrr.yaml", lambda d: d.update(type="essay"), "type", "'essay'"),
    "mc-two-correct": ("m1/definitie.yaml", lambda d: [o.update(correct=True) for o in d["options"]], "options",
                       "opties met correct: true"),
    "mc-correct-not-bool": ("m1/definitie.yaml", lambda d: d["options"][0].update(correct="ja"), "options[0].correct",
                            "'ja'"),
    "rating-scale-reversed": ("m1/wrr_nadrukken.yaml", lambda d: d["scale"].update(max=0), "scale.max", "0"),
    "rating-duplicate-key": ("m1/wrr_nadrukken.yaml", lambda d: d["items"].append(dict(d["items"][0])), "items",
                             None),
    "timeline-unknown-reading": ("m1/tijdlijn.yaml", lambda d: d["events"][2].update(reading="chaos"),
                                 "events[2].reading", "'chaos'"),
    "timeline-year-outside-periods": ("m1/tijdlijn.yaml", lambda d: d["events"][0].update(year=1990),
                                      "events[0].year", "1990"),
    "principles-bad-key": ("m1/principes.yaml", lambda d: d["principles"][1].update(key="Met Spatie"),
                           "principles[1].key", "'Met Spatie'"),
    "paradox-default-outside-range": ("m1/paradox.yaml", lambda d: d["parameters"]["a"].update(default=0.9),
                                      "parameters.a.default", "0.9"),
    "paradox-horizon-fraction": ("m1/paradox.yaml", lambda d: d["parameters"]["horizon"].update(default=40.5),
                                 "parameters.horizon.default", "40.5"),
}


@pytest.mark.parametrize("fault", sorted(BROKEN))
def test_broken_spec_names_file_field_allowed_and_found(data, fault):
    assert_broken_spec_is_named(data, *BROKEN[fault])


def test_yaml_syntax_error_names_file_and_line(data):
    path = data / "exercises" / "m1" / "reflectie_wrr.yaml"
    path.write_text("type: reflection\ntitle: [niet gesloten\nprompt: x\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"reflectie_wrr.yaml, veld 'regel \d'"):
        load_spec("m1.reflectie_wrr")


def test_missing_spec_file(data):
    with pytest.raises(ContentError, match="m1/bestaat_niet.yaml"):
        load_spec("m1.bestaat_niet")


def test_teacher_edit_takes_effect_without_restart(data):
    path = data / "exercises" / "m1" / "reflectie_wrr.yaml"
    first = load_spec("m1.reflectie_wrr")
    edit(path, lambda d: d.update(prompt="Een nieuwe vraag van de docent?"))
    assert load_spec("m1.reflectie_wrr").prompt == "Een nieuwe vraag van de docent?"
    assert first.prompt != "Een nieuwe vraag van de docent?"


def test_copied_spec_is_a_new_exercise(data):
    src = data / "exercises" / "m1" / "reflectie_wrr.yaml"
    (data / "exercises" / "m1" / "mijn_vraag.yaml").write_bytes(src.read_bytes())
    assert "m1.mijn_vraag" in exercise_ids()
    assert load_spec("m1.mijn_vraag", "reflection").exercise_id == "m1.mijn_vraag"


def test_expected_type_is_checked():
    with pytest.raises(ContentError, match="'type'"):
        load_spec("m1.reflectie_wrr", "timeline_tagger")


def test_localized_content_text(data, monkeypatch):
    path = data / "exercises" / "m1" / "reflectie_wrr.yaml"
    edit(path, lambda d: d.update(title={"nl": "Reflectie", "en": "Reflection"}))
    assert load_spec("m1.reflectie_wrr").title == "Reflectie"
    monkeypatch.setenv("LST_LANG", "en")
    assert load_spec("m1.reflectie_wrr").title == "Reflection"


def test_steady_content_reads_each_file_once_and_forgets_afterwards(data, monkeypatch):
    """Inside steady_content (a class overview) a spec is read once; after the
    block a teacher's edit is seen at once again."""
    import os

    from lst_kit.paths import data_dir, steady_content
    from lst_kit.content.cases import case_ids
    from lst_kit.i18n import language

    path = data / "exercises" / "m1" / "definitie.yaml"
    original = load_spec("m1.definitie").title
    with steady_content():
        assert load_spec("m1.definitie").title == original
        assert "zz_nieuw" not in case_ids()
        path.write_text(path.read_text(encoding="utf-8").replace(original, "Nieuwe titel", 1), encoding="utf-8")
        os.utime(path, ns=(1, 1))  # a different mtime for sure
        assert load_spec("m1.definitie").title == original  # steady: not read again
        (data / "cases" / "zz_nieuw.yaml").write_text("x: 1\n", encoding="utf-8")
        assert "zz_nieuw" not in case_ids()
        monkeypatch.setenv("LST_LANG", "en")
        monkeypatch.setenv("LST_DATA_DIR", "/nergens")
        assert language() == "nl" and data_dir() == data  # pinned at the start of the block
        ids = case_ids()
        ids.append("kapot")  # a caller changing its list does not change the remembered one
        assert "kapot" not in case_ids()
    monkeypatch.setenv("LST_DATA_DIR", str(data))
    assert language() == "en"
    monkeypatch.setenv("LST_LANG", "nl")
    assert load_spec("m1.definitie").title == "Nieuwe titel"
    assert "zz_nieuw" in case_ids()
