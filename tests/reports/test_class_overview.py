"""The class overview (`lst-kit collect`, `lst_kit.class_overview`) and the demo class."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from _payloads import ESCAPED, UNICODE, snapshot, write_payload_workbook

import lst_kit
from lst_kit import cli
from lst_kit.reports import readings as hooks
from lst_kit.reports.class_overview import collect, pseudonym, read_class, render_overview
from lst_kit.content import exercise_ids, load_spec
from lst_kit.workbook import open_workbook

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def klas(tmp_path):
    """Three workbooks (one in a subfolder), and files that are not workbooks."""
    folder = tmp_path / "klas"
    write_payload_workbook(folder, "zoë-ünal")
    spec = load_spec("m1.definitie")
    right = next(o.text for o in spec.options if o.correct)
    for i, (name, sub) in enumerate((("anna-vermeer", folder), ("bram-de-jong", folder / "groep2"))):
        wb = open_workbook(name, sub)
        wb.save_answer("m1.definitie", {"option": right})
        wb.save_answer("m1.reflectie_wrr", {"text": f"Reflectie nummer {i + 1}."})
    (folder / "kapot.json").write_bytes(b'{"schema_version": 1, "answers": {')
    (folder / "instellingen.json").write_text('{"thema": "donker"}', encoding="utf-8")
    (folder / "lijst.json").write_text("[1, 2, 3]", encoding="utf-8")
    (folder / "latin1.json").write_bytes('{"naam": "Zoë"}'.encode("latin-1"))
    (folder / "toekomst.json").write_text('{"schema_version": 99, "answers": {}}', encoding="utf-8")
    (folder / "notities.txt").write_text("geen json", encoding="utf-8")
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "oud.json").write_text("{kapot", encoding="utf-8")
    return folder


def test_reads_workbooks_and_names_what_it_skipped(klas):
    per_exercise, participants, skipped = read_class(klas)
    assert sorted(participants) == ["anna-vermeer", "bram-de-jong", "zoë-ünal"]
    assert {s.path: s.reason for s in skipped} == {
        "instellingen.json": "geen werkboek van lst-kit (een ander JSON-bestand)",
        "kapot.json": "beschadigd: geen leesbare JSON",
        "latin1.json": "beschadigd: geen leesbare JSON",
        "lijst.json": "geen werkboek van lst-kit (een ander JSON-bestand)",
        "toekomst.json": "gemaakt met een nieuwere versie van lst-kit (deze versie kent schema tot 1)",
    }
    assert set(per_exercise["m1.definitie"]) == set(participants)
    html = render_overview(collect(klas, workers=1))
    assert "Overgeslagen bestanden" in html and "<td>kapot.json</td><td>beschadigd: geen leesbare JSON</td>" in html


def test_collect_never_changes_a_workbook(klas, tmp_path):
    before = snapshot(klas)
    assert cli.main(["collect", str(klas), "--out", str(tmp_path / "o.html")]) == 1  # klas holds skipped files: exit 1
    assert cli.main(["collect", str(klas), "--out", str(tmp_path / "n.html"), "--names"]) == 1  # klas holds skipped files: exit 1
    assert snapshot(klas) == before  # same files (no lock, no quarantine), same bytes, same mtimes


def test_participants_are_pseudonymised_stably(klas, tmp_path, capsys):
    out = tmp_path / "o.html"
    assert cli.main(["collect", str(klas), "--out", str(out)]) == 1  # klas holds skipped files: exit 1
    html = out.read_text(encoding="utf-8")
    for name in ("anna-vermeer", "bram-de-jong", "zoë-ünal"):
        assert name not in html
    expected = hashlib.sha256(b"lst-kit klasoverzicht v1:anna-vermeer").hexdigest().upper()[:6]
    assert pseudonym("anna-vermeer") == f"Deelnemer {expected}"
    assert f"Deelnemer {expected}: Reflectie nummer 1." in html
    again = tmp_path / "again.html"
    assert cli.main(["collect", str(klas), "--out", str(again)]) == 1  # klas holds skipped files: exit 1
    assert again.read_bytes() == out.read_bytes()
    assert cli.main(["collect", str(klas), "--out", str(tmp_path / "names.html"), "--names"]) == 1  # klas holds skipped files: exit 1
    named = (tmp_path / "names.html").read_text(encoding="utf-8")
    assert "anna-vermeer: Reflectie nummer 1." in named and "toont de namen" in named


def test_pseudonym_collisions_are_lengthened(monkeypatch):
    from lst_kit.reports import class_overview as classroom

    monkeypatch.setattr(classroom, "pseudonym", lambda name, length=6: f"Deelnemer X{length}{name[:length - 6]}")
    labels = classroom.label_participants(["a", "b", "c"], False)
    assert len(set(labels.values())) == 3


def test_overview_escapes_payloads_and_uses_class_pictures(klas):
    html = render_overview(collect(klas, workers=1))
    assert "<script" not in html.lower() and "<img src=x" not in html
    assert ESCAPED in html and UNICODE in html
    assert "3 werkboeken gelezen" in html and "3 van 3 deelnemers vulden deze oefening in." in html
    # zoë chose an option that is no longer in the exercise: answered, but not counted as a choice
    assert "Meest gekozen:" in html and "100% koos het juiste antwoord (2 van 2)." in html
    assert 'id="m9.vreemd"' in html and "1 deelnemer heeft deze oefening ingevuld." in html
    assert html.count('<img src="data:image/svg+xml;base64,') >= 4


def test_parallel_and_serial_give_the_same_page(klas, tmp_path):
    """Forked workers (in a fresh, single-threaded process) draw the same pictures as one process."""
    code = ("import sys; from lst_kit.reports import class_overview as c;"
            "c._workers = (lambda f: lambda r, n: (print('workers', f(r, n)), f(r, n))[1])(c._workers);"
            "open(sys.argv[2], 'w', encoding='utf-8').write(c.render_overview(c.collect(sys.argv[1], workers=2)))")
    out = tmp_path / "parallel.html"
    result = subprocess.run([sys.executable, "-c", code, str(klas), str(out)], capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert result.returncode == 0, result.stderr
    assert "workers 2" in result.stdout
    assert out.read_text(encoding="utf-8") == render_overview(collect(klas, workers=1))


def test_collect_errors_are_dutch(tmp_path, capsys):
    assert cli.main(["collect", str(tmp_path / "weg"), "--out", str(tmp_path / "o.html")]) == 2
    assert "De map" in capsys.readouterr().err and not (tmp_path / "weg").exists()
    assert cli.main(["collect", str(tmp_path), "--out", str(tmp_path / "geen" / "o.html")]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_console_collect_in_a_fresh_process(klas, tmp_path):
    exe = Path(sys.executable).with_name("lst-kit")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run([str(exe), "collect", str(klas), "--out", str(tmp_path / "o.html")], capture_output=True,
                            text=True, env=env)
    assert result.returncode == 1, result.stderr  # done, but files were skipped
    assert "3 werkboeken gelezen" in result.stdout and "5 bestanden zijn overgeslagen" in result.stdout
    assert "kapot.json: beschadigd" in result.stdout


def test_teacher_widget_shows_the_overview(klas):
    view = lst_kit.class_overview(klas)
    assert view.overview.participants == 3
    assert "3 werkboeken gelezen, 5 bestanden overgeslagen." in view.status.value
    shown = "".join(w.value for e in view._entries.values() for w in e.children)
    assert ESCAPED in shown and "<script" not in shown.lower() and "<img src=x" not in shown
    assert "zoë-ünal" not in shown
    view.names.value = True
    assert view.overview.names is True and "zoë-ünal" in "".join(e.lines.value for e in view._entries.values())
    view.folder.value = str(klas / "bestaat-niet")
    assert "bestaat niet" in view.banner.message and view.body.children == () and view.counts.value == ""


def test_teacher_widget_demo_class(tmp_path):
    view = lst_kit.class_overview(tmp_path)
    assert view.overview.participants == 0
    view.demo.click()
    assert view.overview.participants == 20 and "lst-demoklas-" in view.folder.value


def test_teacher_widget_names_a_broken_demo_file(tmp_path, data):
    (data / "demo" / "namen.yaml").write_text("first_names: Anna\n", encoding="utf-8")
    view = lst_kit.class_overview(tmp_path)
    view.demo.click()
    assert view.banner.message.startswith("Fout in data/demo/namen.yaml: regel 1, veld 'first_names'")
    assert view.folder.value == str(tmp_path)  # nothing to show: the folder stays


# -- demo class ---------------------------------------------------------------------------------

def test_demo_class_is_seeded_varied_and_covers_every_exercise(tmp_path, capsys):
    """Every exercise that has a spec and a demo_answer hook is covered; the others are named."""
    assert cli.main(["demo-class", str(tmp_path / "a"), "--participants", "12", "--seed", "5"]) == 0
    out = capsys.readouterr().out
    assert "12 demowerkboeken geschreven" in out
    covered = {e for e in exercise_ids() if hooks.has_reading(e, "demo_answer")}
    assert {e for e in exercise_ids() if e.startswith(("m1.", "m6."))} <= covered
    for exercise_id in set(exercise_ids()) - covered:
        assert exercise_id in out  # "Geen demo-antwoorden voor: ..."
    assert cli.main(["demo-class", str(tmp_path / "b"), "--participants", "12", "--seed", "5"]) == 0
    assert cli.main(["demo-class", str(tmp_path / "c"), "--participants", "12", "--seed", "6"]) == 0
    files = sorted(p.name for p in (tmp_path / "a").glob("*.json"))
    assert len(files) == 12
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    assert sorted(p.name for p in (tmp_path / "c").glob("*.json")) != files or any(
        (tmp_path / "a" / f).read_bytes() != (tmp_path / "c" / f).read_bytes() for f in files)
    per_exercise, participants, skipped = read_class(tmp_path / "a")
    assert len(participants) == 12 and skipped == []
    assert set(per_exercise) == covered
    texts = {a["text"] for a in per_exercise["m1.reflectie_wrr"].values()}
    assert len(texts) > 1
    name = files[0][:-5]
    assert open_workbook(name, tmp_path / "a").answers() == json.loads(
        (tmp_path / "a" / files[0]).read_text(encoding="utf-8"))["answers"]


def test_demo_class_refuses_a_folder_with_workbooks(tmp_path, capsys):
    write_payload_workbook(tmp_path)
    before = snapshot(tmp_path)
    assert cli.main(["demo-class", str(tmp_path), "--participants", "3"]) == 2
    assert "staan al werkboeken" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_collect_of_a_full_demo_class_loads_no_matplotlib(tmp_path):
    """Every exercise's class picture is drawn with svgplot: the teacher's
    overview does not pay for importing and laying out matplotlib."""
    import subprocess
    import sys

    folder, out = tmp_path / "demo", tmp_path / "klas.html"
    code = ("import sys; from lst_kit.reports import class_overview as classroom; classroom.make_demo_class(sys.argv[1], 6, 3); "
            "classroom.write_overview(sys.argv[1], sys.argv[2]); "
            "print(sorted(m for m in ('matplotlib', 'pandas') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code, str(folder), str(out)], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
    html = out.read_text(encoding="utf-8")
    assert html.count("data:image/svg+xml;base64,") >= 20  # a picture for every exercise that has one
