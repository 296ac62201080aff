"""The teacher's tools for content: `lst-kit check` on good and broken files
(each broken fixture named by its fault) and `lst-kit new`."""

import json
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

from lst_kit import cli
from lst_kit.paths import data_dir
from lst_kit.content import load_spec

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "content"

#: fault (= fixture file name) -> (field named in the message, found value shown)
BROKEN = {
    "dilemmas-card-names-unknown-rule": ("cards[0].rules[1]", "'bestaat_niet'"),
    "dilemmas-card-unknown-dimension": ("cards[0].dimension", "'beeldvorming'"),
    "dilemmas-option-key-twice": ("cards[0].options", "'a'"),
    "dilemmas-option-position-outside-scale": ("cards[0].options[1].position", "7"),
    "dilemmas-unknown-case": ("case", "'bestaat_niet'"),
    "learning-plan-exercise-id-without-module": ("sections[0].exercises[0]", "'risicomatrix'"),
    "learning-plan-without-fields": ("fields", "(ontbreekt)"),
    "mc-two-correct-options": ("options", "2 opties met correct: true"),
    "modules-key-without-m": ("modules[0].key", "'module1'"),
    "reflection-without-prompt": ("prompt", "(ontbreekt)"),
    "unknown-exercise-type": ("type", "'opstel'"),
}
#: YAML syntax errors: explained in Dutch, with the teacher's own line (not PyYAML's English)
YAML_BROKEN = {"yaml-syntax-error": "regel 3"}


def test_every_broken_fixture_is_listed():
    assert {p.stem for p in (FIXTURES / "broken").glob("*.yaml")} == set(BROKEN) | set(YAML_BROKEN)


def test_yaml_syntax_error_is_dutch_and_quotes_the_line(capsys):
    path = FIXTURES / "broken" / "yaml-syntax-error.yaml"
    assert cli.main(["check", str(path)]) == 1
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.strip()]
    own = path.read_text(encoding="utf-8").splitlines()[2].rstrip()
    assert "yaml-syntax-error.yaml, regel 3:" in line and f"Jouw regel: «{own}»" in line
    assert "expected" not in line and "found" not in line


@pytest.mark.parametrize("fault", sorted(BROKEN))
def test_check_names_file_field_allowed_and_found(fault, capsys):
    path = FIXTURES / "broken" / f"{fault}.yaml"
    assert cli.main(["check", str(path)]) == 1
    out = capsys.readouterr()
    field, found = BROKEN[fault]
    (line,) = [x for x in out.out.splitlines() if x.strip()]
    assert f"{fault}.yaml" in line
    assert f"veld '{field}'" in line
    assert "toegestaan is" in line
    assert found in line
    assert "1 probleem gevonden." in out.err  # singular after 1


def test_check_passes_good_fixtures(capsys):
    assert cli.main(["check", str(FIXTURES / "good")]) == 0
    assert "Alles in orde: 3 bestanden" in capsys.readouterr().out


def test_check_reports_every_broken_file_in_a_folder(capsys):
    assert cli.main(["check", str(FIXTURES / "broken")]) == 1
    out = capsys.readouterr()
    assert f"{len(BROKEN) + len(YAML_BROKEN)} problemen gevonden" in out.err
    for fault in BROKEN:
        assert f"{fault}.yaml" in out.out


def test_check_validates_the_file_given_not_the_shipped_one(tmp_path, capsys):
    """A broken copy outside data/ is checked as it is (not the file of the same id in data/)."""
    broken = tmp_path / "m1" / "definitie.yaml"
    broken.parent.mkdir()
    text = (data_dir() / "exercises" / "m1" / "definitie.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("correct: true", "correct: misschien", 1), encoding="utf-8")
    assert cli.main(["check", str(broken)]) == 1
    assert "'misschien'" in capsys.readouterr().out


def test_check_missing_file(tmp_path, capsys):
    assert cli.main(["check", str(tmp_path / "weg.yaml")]) == 1
    assert "weg.yaml" in capsys.readouterr().out


def write_notebook(path: Path, cells: list[dict]) -> Path:
    nb = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def md(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def code(text):
    return {"cell_type": "code", "metadata": {}, "source": text, "outputs": [], "execution_count": None}


@pytest.mark.parametrize("fault, cells, field, found", [
    ("unknown-lst-kit-function", [md("## Voor de docent\nPas data/x.yaml aan."), code("lst_kit.bestaat_niet()")],
     "codecel 2", "'bestaat_niet'"),
    ("exercise-notebook-without-voor-de-docent", [md("## Iets anders"), code('lst_kit.reflection("m1.reflectie_wrr")')],
     "cellen[0]", "'## Iets anders'"),
    ("exercise-notebook-starting-with-code", [code('lst_kit.reflection("m1.reflectie_wrr")')],
     "cellen[0]", "'lst_kit.reflection"),
])
def test_check_reports_notebook_problems(tmp_path, capsys, fault, cells, field, found):
    path = write_notebook(tmp_path / "exercises" / f"{fault}.ipynb", cells)
    assert cli.main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{fault}.ipynb" in out and f"veld '{field}'" in out and "toegestaan is" in out and found in out


def test_check_reports_unreadable_notebook(tmp_path, capsys):
    path = tmp_path / "kapot.ipynb"
    path.write_text("{niet af", encoding="utf-8")
    assert cli.main(["check", str(path)]) == 1
    assert "kapot.ipynb" in capsys.readouterr().out


# -- lst-kit new -----------------------------------------------------------------------------

@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A private copy of data/ and an empty exercises/ beside it."""
    shutil.copytree(data_dir(), tmp_path / "data")
    (tmp_path / "exercises").mkdir()
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LST_WERKBOEK_DIR", str(tmp_path / "werkboeken"))
    return tmp_path


def run_notebook(path: Path):
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def widget_text(nb) -> str:
    """Everything the widgets of an executed notebook show, as one string."""
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    return json.dumps(state, ensure_ascii=False)


def test_new_writes_a_notebook_that_runs(repo, capsys):
    assert cli.main(["new", "m1.tijdlijn", "tijdlijn_terugkomdag"]) == 0
    path = repo / "exercises" / "tijdlijn_terugkomdag.ipynb"
    assert str(path) in capsys.readouterr().out
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("## Voor de docent")
    assert "data/exercises/m1/tijdlijn.yaml" in first.source
    (call,) = [c for c in nb.cells if c.cell_type == "code"]
    assert call.source == 'import lst_kit\nlst_kit.timeline_tagger("m1.tijdlijn")'
    assert call.metadata["jupyter"]["source_hidden"] is True and call.outputs == []
    assert cli.main(["check", str(path)]) == 0
    ran = run_notebook(path)
    outputs = [o for c in ran.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert shown.startswith("TimelineView(") and "ErrorBanner" not in shown


def test_new_from_a_type_with_a_case_copies_the_spec(repo, capsys):
    assert cli.main(["new", "independence_dilemmas", "dilemmas_ilt", "--case", "ilt_ontgassen_binnenvaart"]) == 0
    spec_file = repo / "data" / "exercises" / "m6" / "dilemmas_ilt.yaml"
    text = spec_file.read_text(encoding="utf-8")
    assert "\ncase: ilt_ontgassen_binnenvaart\n" in text
    assert "# E6.1 Dilemmakaarten" in text  # the teacher's comments are kept
    spec = load_spec("m6.dilemmas_ilt", "independence_dilemmas")
    assert spec.case_id == "ilt_ontgassen_binnenvaart"
    assert len(spec.cards) == len(load_spec("m6.dilemmas").cards)
    nb = nbformat.read(repo / "exercises" / "dilemmas_ilt.ipynb", as_version=4)
    assert 'lst_kit.independence_dilemmas("m6.dilemmas_ilt")' in nb.cells[-1].source
    assert "ilt_ontgassen_binnenvaart" in nb.cells[0].source
    ran = run_notebook(repo / "exercises" / "dilemmas_ilt.ipynb")
    assert "DilemmasView(" in ran.cells[-1].outputs[0]["data"]["text/plain"]
    assert "Casus: ILT · Ontgassen in de binnenvaart." in widget_text(ran)


def test_new_refuses_to_overwrite(repo, capsys):
    assert cli.main(["new", "m1.reflectie_wrr", "mijn_reflectie"]) == 0
    path = repo / "exercises" / "mijn_reflectie.ipynb"
    before = path.read_bytes()
    assert cli.main(["new", "m1.tijdlijn", "mijn_reflectie"]) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert cli.main(["new", "independence_dilemmas", "dilemmas", "--case", "nvwa_maaltijdplatforms"]) == 2
    assert "dilemmas.yaml bestaat al" in capsys.readouterr().err
    assert not (repo / "exercises" / "dilemmas.ipynb").exists()


@pytest.mark.parametrize("args, message", [
    (["new", "reflection", "x_reflectie", "--case", "nvwa_maaltijdplatforms"], "gebruikt geen casus"),
    (["new", "independence_dilemmas", "x_dilemmas", "--case", "bestaat_niet"], "Onbekende casus 'bestaat_niet'"),
    (["new", "opstel", "x_opstel"], "Onbekende oefening of oefentype 'opstel'"),
    (["new", "m1.bestaat_niet", "x_weg"], "bestaat_niet.yaml"),
    (["new", "m1.tijdlijn", "Met Spatie"], "NAME"),
])
def test_new_refuses_with_a_dutch_reason_and_writes_nothing(repo, capsys, args, message):
    before = sorted(p.relative_to(repo) for p in repo.rglob("*") if "werkboeken" not in p.parts)
    assert cli.main(args) == 2
    assert message in capsys.readouterr().err
    after = sorted(p.relative_to(repo) for p in repo.rglob("*") if "werkboeken" not in p.parts)
    assert after == before


def test_with_case_sets_or_adds_the_case_line():
    assert cli.new.with_case("type: x\ncase: a\ntitle: t\n", "b") == "type: x\ncase: b\ntitle: t\n"
    assert cli.new.with_case("# c\ntype: x\ntitle: t\n", "b") == "# c\ntype: x\ncase: b\ntitle: t\n"
    assert yaml.safe_load(cli.new.with_case("title: t\n", "b")) == {"case": "b", "title": "t"}


def test_help_and_argparse_messages_come_from_the_catalogue(capsys, monkeypatch):
    """No English from argparse in a Dutch teacher's terminal; English with LST_LANG=en."""
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: lst-kit") and "toon deze hulp en stop" in out and "opdrachten" in out
    assert "show this help" not in out and "usage:" not in out and "options" not in out
    with pytest.raises(SystemExit) as stop:
        cli.main(["collect"])
    assert stop.value.code == 2
    assert "fout: deze argumenten ontbreken: DIR" in capsys.readouterr().err  # --out, --csv or --xlsx: see collect
    monkeypatch.setenv("LST_LANG", "en")
    with pytest.raises(SystemExit):
        cli.main(["app", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: lst-kit app") and "number of the module" in out


@pytest.mark.parametrize("kind, name, spec_path", [
    ("public_values", "waarden_ilt", "m5/waarden_ilt.yaml"),
    ("signal_triage", "signalen_ilt", "m5/signalen_ilt.yaml"),
    ("risk_matrix", "risico_ilt", "m3/risico_ilt.yaml"),
])
def test_new_with_a_case_writes_case_for_every_type_that_takes_one(repo, capsys, kind, name, spec_path):
    """Each type reads ``case:`` now, so the copy gets that one key (no older ``default_case:``)."""
    assert cli.main(["new", kind, name, "--case", "ilt_ontgassen_binnenvaart"]) == 0
    text = (repo / "data" / "exercises" / spec_path).read_text(encoding="utf-8")
    assert "\ncase: ilt_ontgassen_binnenvaart\n" in text and "default_case:" not in text
    exercise_id = f"{spec_path.split('/')[0]}.{name}"
    assert load_spec(exercise_id, kind).default_case == "ilt_ontgassen_binnenvaart"
