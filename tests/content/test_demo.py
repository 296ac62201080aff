"""The demo class's invented prose (``data/demo/``): read from YAML through
content.demo, validated (a mistake names file and field), reread when a file
changes, and optional: without a demo file every demo answer falls back to
generic text instead of failing."""

import json
import os
import random
import shutil

import pytest

from lst_kit import cli
from lst_kit.content import ContentError, exercise_ids, load_spec
from lst_kit.content.demo import DemoSentences, demo_names, demo_sentences, load_demo
from lst_kit.exercises.east_letter.readings import TYPE as EAST
from lst_kit.exercises.signal_triage.readings import TYPE as TRIAGE
from lst_kit.reports import readings
from lst_kit.reports.class_overview import read_class


def write(path, text):
    """Write a demo file and move its mtime on, so a cached copy is never taken for it."""
    path.write_text(text, encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 10_000_000
    os.utime(path, ns=(stamp, stamp))


def test_names_come_from_namen_yaml(data):
    write(data / "demo" / "namen.yaml", "first_names: [Xaviera]\nlast_names: [van Zonderland]\n")
    taken = set()
    people = demo_names()
    assert [people.name(random.Random(i), taken) for i in range(3)] == [
        "xaviera.van-zonderland", "xaviera.van-zonderland-2", "xaviera.van-zonderland-3"]


def test_sentences_come_from_teksten_yaml_and_a_short_list_never_runs_out(data):
    write(data / "demo" / "teksten.yaml", "openers: [Ik zie dat]\nclaims: [het werkt]\nfollow_ups: []\n")
    for seed in range(20):
        text = demo_sentences().paragraph(random.Random(seed), (5, 5))
        assert text == " ".join(["Ik zie dat het werkt."] * 5)


def test_the_fixture_prose_is_read_whole():
    """Every sentence of a paragraph is an opener + claim or a follow-up of teksten.yaml."""
    texts = demo_sentences()
    sentences = {f"{o} {c}." for o in texts.openers for c in texts.claims} | set(texts.follow_ups)
    for seed in range(30):
        text = texts.paragraph(random.Random(seed))
        rest = text
        while rest:
            first = next((s for s in sentences if rest.startswith(s)), None)
            assert first is not None, rest
            rest = rest[len(first):].lstrip()


def test_an_edit_of_a_demo_file_takes_effect_at_once(data):
    spec = load_spec("m4.east_brief")
    path = data / "demo" / "east_letter.yaml"
    write(path, "salutation: 'Beste mevrouw Jansen,'\ndefault_salutation: 'Hallo,'\n"
                "sentences: ['Wij kwamen op 3 mei langs.']\nclosing: 'Groet, Piet'\n")
    texts = {EAST.demo_answer(spec, random.Random(i))["text"] for i in range(30)}
    assert "Beste mevrouw Jansen,\n\nWij kwamen op 3 mei langs.\n\nGroet, Piet" in texts
    assert "Hallo,\n\nWij kwamen op 3 mei langs.\n\nGroet, Piet" in texts
    write(path, "sentences: ['Een heel andere zin.']\n")
    texts = {EAST.demo_answer(spec, random.Random(i))["text"] for i in range(30)}
    assert "Een heel andere zin." in texts and not any("3 mei" in x for x in texts)


def test_demo_prose_follows_the_language(data, monkeypatch):
    write(data / "demo" / "teksten.yaml",
          "openers: [{nl: 'Ik zie dat', en: 'I see that'}]\nclaims: [{nl: 'het werkt', en: 'it works'}]\n")
    assert demo_sentences().paragraph(random.Random(1), (1, 1)) == "Ik zie dat het werkt."
    monkeypatch.setenv("LST_LANG", "en")
    assert demo_sentences().paragraph(random.Random(1), (1, 1)) == "I see that it works."


#: file -> (broken text, field the error names)
BROKEN = {
    "namen": ("first_names: ['Anna/../x']\n", "first_names[0]"),
    "teksten": ("claims: [het werkt]\n", "openers"),
    "sparrow_canvas": ("cases:\n  Nieuwe Casus: [{texts: {kandidaat: x}}]\n", "cases.Nieuwe Casus"),
    "effect_chain": ("own_indicators:\n  - {text: Aantal boetes}\n", "own_indicators[0].tier"),
    "east_letter": ("sentences: een zin\n", "sentences"),
    "signal_triage": ("own_observations:\n  nvwa_maaltijdplatforms:\n    - {text: x, frequency: 9, severity: 3,"
                      " covered_by_law: ja, systemic: true}\n",
                      "own_observations.nvwa_maaltijdplatforms[0].frequency"),
    "public_values": ("groups: [{key: protect, words: [veilig]}]\ntendencies:\n  burgers: {protect: 4, other_values: 3}\n",
                      "tendencies.burgers"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_demo_file_names_file_and_field(data, name):
    from lst_kit.content.demo import SHARED_DEMO_FILES
    from lst_kit.registry import exercise_type

    text, field = BROKEN[name]
    write(data / "demo" / f"{name}.yaml", text)
    parse = SHARED_DEMO_FILES[name] if name in SHARED_DEMO_FILES else exercise_type(name).parse_demo
    with pytest.raises(ContentError) as caught:
        load_demo(name, parse)
    assert caught.value.file == f"data/demo/{name}.yaml"
    assert caught.value.field == field


def test_a_problem_statement_with_an_unknown_place_is_refused(data):
    write(data / "demo" / "signal_triage.yaml", "problem_statements: ['{obs} raakt {waarde}.']\n")
    with pytest.raises(ContentError) as caught:
        load_demo("signal_triage", TRIAGE.parse_demo)
    assert caught.value.field == "problem_statements[0]" and "{obs}, {value}, {cause}" in str(caught.value)


def test_demo_class_stops_on_a_broken_demo_file_before_writing(data, tmp_path, capsys):
    write(data / "demo" / "sparrow_canvas.yaml", BROKEN["sparrow_canvas"][0])
    assert cli.main(["demo-class", str(tmp_path / "klas"), "--participants", "2"]) == 2
    err = capsys.readouterr().err
    assert "data/demo/sparrow_canvas.yaml" in err and "'cases.Nieuwe Casus'" in err
    assert not (tmp_path / "klas").exists()


# -- without demo files: generic text, never a failure ------------------------------------

def test_without_data_demo_every_demo_answer_is_generic_but_there(data, tmp_path, caplog):
    shutil.rmtree(data / "demo")
    usable = [e for e in exercise_ids() if readings.has_reading(e, "demo_answer")]
    for exercise_id in usable:  # called directly: readings.demo_answer would hide a failure
        info = readings.exercise_info(exercise_id)
        for seed in range(5):
            answer = info.kind.demo_answer(info.spec, random.Random(seed))
            assert json.loads(json.dumps(answer)) == answer, exercise_id

    east = load_spec("m4.east_brief")
    assert {EAST.demo_answer(east, random.Random(i))["text"] for i in range(5)} == {east.letter}
    assert demo_sentences() == DemoSentences()
    reflection = readings.demo_answer("m1.reflectie_wrr", random.Random(1))
    assert "verzonnen antwoord" in json.dumps(reflection, ensure_ascii=False)

    assert cli.main(["demo-class", str(tmp_path / "klas"), "--participants", "3", "--seed", "1"]) == 0
    per_exercise, participants, skipped = read_class(tmp_path / "klas")
    assert sorted(participants) == ["deelnemer", "deelnemer-2", "deelnemer-3"] and skipped == []
    assert set(usable) <= set(per_exercise)
    assert "mislukte" not in caplog.text  # no reading failed on the way
