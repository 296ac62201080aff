"""`lst-kit check` on the demo class's prose (``data/demo/*.yaml``): each file
is validated by the parser its name picks, a name lst-kit never reads is
reported, and a check of the whole course includes the folder."""

import os

from lst_kit import cli
from lst_kit.paths import data_dir

#: What the fixture course holds in data/demo/ (the shared files and the types with demo prose).
DEMO_FILES = {"namen", "teksten", "sparrow_canvas", "effect_chain", "east_letter", "signal_triage", "public_values"}


def test_the_fixture_demo_files_pass(capsys):
    folder = data_dir() / "demo"
    assert {p.stem for p in folder.glob("*.yaml")} == DEMO_FILES
    assert cli.main(["check", str(folder)]) == 0
    assert f"Alles in orde: {len(DEMO_FILES)} bestanden" in capsys.readouterr().out


def test_a_broken_demo_file_is_reported_with_file_and_field(data, capsys):
    (data / "demo" / "effect_chain.yaml").write_text("own_indicators:\n  - {text: Aantal boetes, tier: Output}\n",
                                                    encoding="utf-8")
    assert cli.main(["check", str(data / "demo" / "effect_chain.yaml")]) == 1
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert "effect_chain.yaml" in line and "veld 'own_indicators[0].tier'" in line and "'Output'" in line


def test_check_of_the_whole_course_includes_data_demo(data, capsys):
    assert cli.main(["check"]) == 0
    capsys.readouterr()
    path = data / "demo" / "signal_triage.yaml"
    path.write_text("problem_statements: ['{obs} {onbekend}']\n", encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 10_000_000
    os.utime(path, ns=(stamp, stamp))
    assert cli.main(["check"]) == 1
    out = capsys.readouterr().out
    assert "data/demo/signal_triage.yaml" in out and "veld 'problem_statements[0]'" in out


def test_a_demo_file_lst_kit_does_not_read_is_reported(data, capsys):
    """A misspelt name would otherwise be ignored without a word."""
    (data / "demo" / "sparow_canvas.yaml").write_text("cases: {}\n", encoding="utf-8")
    assert cli.main(["check", str(data / "demo")]) == 1
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert "sparow_canvas.yaml" in line and "sparrow_canvas.yaml" in line and "namen.yaml" in line


def test_a_spec_in_a_module_folder_named_demo_is_still_a_spec(data, capsys):
    folder = data / "exercises" / "demo"
    folder.mkdir()
    (folder / "vraag.yaml").write_text("type: reflection\ntitle: Vraag\nprompt: Wat vind je?\n", encoding="utf-8")
    assert cli.main(["check", str(folder / "vraag.yaml")]) == 0
