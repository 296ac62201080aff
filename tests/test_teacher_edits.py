"""A teacher adapts the course (issue 16): every mistake of a file in one
run, named by item and line; `.yml` files; `lst-kit new` for every
case-taking exercise and for a new exercise; no traceback from any command."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lst_kit import cli
from lst_kit.content import load_cases, load_spec
from lst_kit.content.specs import exercise_ids
from lst_kit.paths import data_dir
from lst_kit.registry import exercise_type

REPO = Path(__file__).resolve().parents[1]
CASE = "nvwa_maaltijdplatforms"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A private copy of the fixture course and an empty exercises/ beside it."""
    shutil.copytree(data_dir(), tmp_path / "data")
    (tmp_path / "exercises").mkdir()
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LST_WERKBOEK_DIR", str(tmp_path / "werkboeken"))
    return tmp_path


def case_with_three_mistakes(repo) -> Path:
    src = repo / "data" / "cases" / f"{CASE}.yaml"
    lines = src.read_text(encoding="utf-8").splitlines()
    doc = yaml.safe_load("\n".join(lines))
    second = doc["risks"][1]["id"]
    # three mistakes a teacher makes: a score of 6, `yes` for ja, and a missing name
    out, risk, seen_risks = [], -1, False
    for line in lines:
        if line.startswith("risks:"):
            seen_risks = True
        elif seen_risks and line.startswith("  - id:"):
            risk += 1
        elif seen_risks and not line.startswith(" ") and line.strip():
            seen_risks = False
        if seen_risks and risk == 1 and line.strip().startswith("likelihood:"):
            line = line.split("likelihood:")[0] + "likelihood: 6"
        if seen_risks and risk == 1 and line.strip().startswith("covered_by_law:"):
            line = line.split("covered_by_law:")[0] + "covered_by_law: yes"
        if seen_risks and risk == 2 and line.strip().startswith("name:"):
            continue
        out.append(line)
    src.write_text("\n".join(out) + "\n", encoding="utf-8")
    return src, second


def test_check_reports_every_mistake_of_a_file_by_item_and_line(repo, capsys):
    path, second = case_with_three_mistakes(repo)
    assert cli.main(["check", str(path)]) == 1
    out = capsys.readouterr()
    lines = [x for x in out.out.splitlines() if x.strip()]
    assert len(lines) == 3, lines
    text = path.read_text(encoding="utf-8").splitlines()
    six = next(i for i, x in enumerate(text) if x.strip() == "likelihood: 6") + 1
    likelihood = next(x for x in lines if "likelihood" in x)
    assert f"risico {second} (de tweede in de lijst), regel {six}" in likelihood and "gevonden: 6." in likelihood
    law = next(x for x in lines if "covered_by_law" in x)
    assert "gevonden: yes." in law and "True" not in law  # what the teacher typed
    assert any("de derde in de lijst" in x and "'risks[2].name'" in x for x in lines)
    assert "3 problemen gevonden." in out.err


def test_a_file_name_with_capitals_is_named_first(repo, capsys):
    src = repo / "data" / "cases" / f"{CASE}.yaml"
    bad = src.with_name("Nieuwe Casus.yaml")
    shutil.copy(src, bad)
    assert cli.main(["check", str(bad)]) == 1
    lines = [x for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert "bestandsnaam" in lines[0] and "geen hoofdletters of spaties" in lines[0]
    assert len(lines) == 1  # no second message asking to make case_id equal to the bad name
    cases, problems = load_cases()
    assert "Nieuwe Casus" not in " ".join(cases) and any("Nieuwe Casus.yaml" in str(p) for p in problems)


@pytest.mark.parametrize("text, words", [
    ("type: reflection\ntitle: x\nprompt:\n\t- y\n", "tab"),
    ("type: reflection\ntitle: Risico: te laat\nprompt: x\n", "dubbele punt"),
    ("type: reflection\ntitle: x\nprompt:\n  - a\n - b\n", "inspringing"),
    ("type: reflection\ntitle: [niet gesloten\nprompt: x\n", "niet gesloten"),
])
def test_common_yaml_mistakes_are_explained_in_dutch(repo, capsys, text, words):
    path = repo / "data" / "exercises" / "m1" / "reflectie_wrr.yaml"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["check", str(path)]) == 1
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert words in line and "Jouw regel: «" in line and "found" not in line and "expected" not in line


def test_yml_files_are_cases_and_exercises_too(repo, capsys):
    cases = repo / "data" / "cases"
    doc = yaml.safe_load((cases / f"{CASE}.yaml").read_text(encoding="utf-8"))
    doc["case_id"] = "zesde_casus"
    (cases / "zesde_casus.yml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    spec = repo / "data" / "exercises" / "m1" / "reflectie_wrr.yaml"
    spec.rename(spec.with_suffix(".yml"))
    loaded, problems = load_cases()
    assert "zesde_casus" in loaded and not problems
    assert "m1.reflectie_wrr" in exercise_ids() and load_spec("m1.reflectie_wrr").title
    assert cli.main(["check"]) in (0, 1)
    out = capsys.readouterr().out
    assert "zesde_casus" not in out and "reflectie_wrr" not in out


CASE_TAKING = ["m2.driehoek", "m2.sparrow", "m3.risicomatrix", "m3.systeemkaart", "m4.tafel_van_elf", "m6.dilemmas",
               "m5.publieke_waarden", "m5.signalen"]


def test_the_case_taking_exercises_say_so():
    from lst_kit.registry import EXERCISE_TYPES
    for name in ("strategic_triangle", "sparrow_canvas", "tafel_van_elf", "risk_matrix", "system_map",
                 "public_values", "signal_triage", "independence_dilemmas"):
        assert name in EXERCISE_TYPES and exercise_type(name).takes_case, name


@pytest.mark.parametrize("exercise_id", CASE_TAKING)
def test_new_with_a_sixth_case_for_every_case_taking_exercise(repo, capsys, exercise_id):
    if exercise_id not in exercise_ids():
        pytest.skip(f"{exercise_id} not in the fixture course")
    cases = repo / "data" / "cases"
    doc = yaml.safe_load((cases / "ilt_ontgassen_binnenvaart.yaml").read_text(encoding="utf-8"))
    doc["case_id"] = "zesde_casus"
    doc["title"] = "Een zesde, verzonnen casus"
    (cases / "zesde_casus.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert cli.main(["new", exercise_id, "mijn_kopie", "--case", "zesde_casus"]) == 0, capsys.readouterr().err
    module = exercise_id.split(".")[0]
    copy = repo / "data" / "exercises" / module / "mijn_kopie.yaml"
    raw = yaml.safe_load(copy.read_text(encoding="utf-8"))
    keys = [k for k in ("case", "default_case") if k in raw]
    assert len(keys) == 1 and raw[keys[0]] == "zesde_casus"  # one key, no doubt which wins
    if exercise_type(raw["type"]).name not in ("public_values", "signal_triage"):  # they read default_case only
        assert keys == ["case"]
    spec = load_spec(f"{module}.mijn_kopie")
    assert "zesde_casus" in {getattr(spec, k, None) for k in ("case", "default_case", "case_id")}
    from lst_kit.reports import readings
    import random
    assert readings.demo_answer(f"{module}.mijn_kopie", random.Random(1)) is not None


@pytest.mark.parametrize("kind", ["reflection", "multiple_choice", "rating_scales"])
def test_new_type_makes_a_new_exercise(repo, capsys, kind):
    assert cli.main(["new", kind, "mijn_vraag", "--module", "m3"]) == 0, capsys.readouterr().err
    spec = repo / "data" / "exercises" / "m3" / "mijn_vraag.yaml"
    text = spec.read_text(encoding="utf-8")
    assert text.startswith("# Nieuwe oefening m3.mijn_vraag") and "lst-kit check" in text
    assert yaml.safe_load(text)["type"] == kind
    assert "m3.mijn_vraag" in load_spec("m3.mijn_vraag").title  # a title that asks to be replaced
    notebook = (repo / "exercises" / "mijn_vraag.ipynb").read_text(encoding="utf-8")
    assert f'lst_kit.{kind}(\\"m3.mijn_vraag\\")' in notebook


def test_new_help_says_which_form_does_what(capsys):
    with pytest.raises(SystemExit):
        cli.main(["new", "--help"])
    out = capsys.readouterr().out
    assert "lst-kit new TYPE NAAM" in out and "NIEUWE oefening" in out and "--case" in out
    assert "Afsluitcodes" in out


def test_class_overview_names_a_broken_case_file(repo, tmp_path):
    from lst_kit.reports.class_overview import collect, make_demo_class, render_overview

    make_demo_class(tmp_path / "klas", 4, 1)
    path, _ = case_with_three_mistakes(repo)
    html = render_overview(collect(tmp_path / "klas", workers=1))
    assert 'id="inhoudsfouten"' in html and f"{path.name}" in html and "1 inhoudsbestand bevat een fout" in html


def broken_course(root: Path) -> None:
    """A copy of the fixture course with the mistakes teachers make: a score
    of 6 in a case, a spec with a tab, a case file named with a space."""
    shutil.copytree(data_dir(), root / "data")
    (root / "exercises").mkdir()
    (root / "notebooks").mkdir()
    cases = root / "data" / "cases"
    text = (cases / f"{CASE}.yaml").read_text(encoding="utf-8")
    (cases / f"{CASE}.yaml").write_text(text.replace("likelihood: 2", "likelihood: 6", 1)
                                        .replace("likelihood: 3", "likelihood: 6", 1), encoding="utf-8")
    shutil.copy(cases / "ilt_ontgassen_binnenvaart.yaml", cases / "Nieuwe Casus.yaml")
    (root / "data" / "exercises" / "m1" / "reflectie_wrr.yaml").write_text("type: reflection\ntitle: x\n\tprompt: y\n",
                                                                          encoding="utf-8")


@pytest.mark.slow
def test_no_command_prints_a_traceback_for_broken_content(tmp_path):
    broken_course(tmp_path)
    exe = Path(sys.executable).with_name("lst-kit")
    env = dict(os.environ, LST_DATA_DIR=str(tmp_path / "data"), LST_WERKBOEK_DIR=str(tmp_path / "wb"),
               PYTHONPATH=str(REPO))
    env.pop("LST_DEBUG", None)

    def run(*args):
        result = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, cwd=tmp_path)
        both = result.stdout + result.stderr
        assert "Traceback" not in both, both
        return result.returncode, both

    code, out = run("check")
    assert code == 1 and "regel" in out
    code, out = run("demo-class", str(tmp_path / "klas"), "--participants", "5")
    assert code == 1 and "Nieuwe Casus.yaml" in out and f"{CASE}.yaml" in out and "reflectie_wrr.yaml" in out
    code, out = run("collect", str(tmp_path / "klas"), "--out", str(tmp_path / "o.html"))
    assert code == 1 and f"{CASE}.yaml" in out and (tmp_path / "o.html").exists()
    participant = sorted((tmp_path / "klas").glob("*.json"))[0].stem
    code, out = run("export", participant, "--folder", str(tmp_path / "klas"), "--out", str(tmp_path / "p.html"))
    assert code == 1 and f"{CASE}.yaml" in out and (tmp_path / "p.html").exists()
    code, out = run("new", "m3.risicomatrix", "kopie", "--case", "Nieuwe Casus")
    assert code == 2
    code, out = run("workbook", "anna")
    assert code == 0
    code, out = run("new", "m1.reflectie_wrr", "nb")
    assert code == 2 and "Jouw regel" in out


def test_worked_on_keeps_every_case_a_meaningful_part_of_the_group_chose():
    from lst_kit.registry import meaningful_keys

    assert meaningful_keys({"a": 10, "b": 3, "c": 1}) == ["a", "b"]          # 3 participants count
    assert meaningful_keys({"a": 4, "b": 2, "c": 1, "d": 1}) == ["a", "b"]   # 2 of 8 is 25 %
    assert meaningful_keys({"b": 5, "a": 5}) == ["a", "b"]


@pytest.mark.parametrize("exercise_id", ["m3.risicomatrix"])  # system_map: its demo keeps one case
def test_class_picture_shows_each_case_the_group_split_over(exercise_id):
    import random
    from lst_kit.content import load_case
    from lst_kit.reports import readings

    if exercise_id not in exercise_ids():
        pytest.skip("not in the fixture course")
    spec = load_spec(exercise_id)
    kind = exercise_type(yaml.safe_load((data_dir() / "exercises" / "m3" / f"{exercise_id[3:]}.yaml")
                                        .read_text(encoding="utf-8"))["type"])
    answers = {}
    rng = random.Random(3)
    while len(answers) < 60:
        answer = kind.demo_answer(spec, rng)
        answers[f"p{len(answers)}"] = answer
    cases = {}
    for answer in answers.values():
        case = answer.get("case") or answer.get("case_id")
        cases[case] = cases.get(case, 0) + 1
    assert len(cases) >= 2, cases
    fig, lines = readings.class_picture(exercise_id, answers)
    text = "\n".join(lines)
    shown = [c for c in cases if load_case(c).label in text]
    expected = [c for c, n in cases.items() if n >= 3 or n >= 0.2 * len(answers)]
    assert sorted(shown) == sorted(expected) and len(expected) >= 2


def test_teacher_guide_has_the_generated_table_of_case_fields(monkeypatch):
    from lst_kit.content.case_fields import BEGIN, END, case_fields_markdown

    monkeypatch.setenv("LST_LANG", "nl")
    guide = (REPO / "docs" / "docent.md").read_text(encoding="utf-8")
    between = guide[guide.index(BEGIN) + len(BEGIN):guide.index(END)].strip()
    assert between == case_fields_markdown(), "run: python -m lst_kit.content.case_fields docs/docent.md"
    assert "## Een casus toevoegen" in (REPO / "README.md").read_text(encoding="utf-8")


def _paths(node, prefix=""):
    if isinstance(node, dict):
        for key, value in node.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if prefix.endswith("t11") and key in [f"T{i}" for i in range(1, 12)]:
                name = f"{prefix}.T1-T11"
            yield name
            yield from _paths(value, name)
    elif isinstance(node, list) and node and isinstance(node[0], dict):
        for item in node:
            yield from _paths(item, f"{prefix}[]")


@pytest.mark.parametrize("folder", ["fixtures", "shipped"])
def test_every_field_a_case_uses_is_described(folder):
    from lst_kit.content.case_fields import CASE_FIELDS

    root = REPO / "tests" / "fixtures" / "course" / "data" if folder == "fixtures" else REPO / "data"
    described = {f.name for f in CASE_FIELDS}
    for path in sorted((root / "cases").glob("*.y*ml")):
        used = {p for p in _paths(yaml.safe_load(path.read_text(encoding="utf-8"))) if not p.startswith("module_hooks.")}
        assert used <= described, (path.name, sorted(used - described))


@pytest.mark.parametrize("field", ["title", "summary", "actors", "risks", "target_groups", "nodes"])
def test_a_required_field_of_the_table_is_required_by_check(repo, capsys, field):
    from lst_kit.content.case_fields import CASE_FIELDS

    assert next(f for f in CASE_FIELDS if f.name == field).required
    path = repo / "data" / "cases" / f"{CASE}.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    del doc[field]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert cli.main(["check", str(path)]) == 1
    assert f"veld '{field}'" in capsys.readouterr().out


def test_dilemmas_on_a_broken_case_go_on_without_it(repo):
    import lst_kit
    from lst_kit.widgets import ErrorBanner

    exercise_id = "m6.dilemmas_ilt"
    assert cli.main(["new", "m6.dilemmas", "dilemmas_ilt", "--case", "ilt_ontgassen_binnenvaart"]) == 0
    path = repo / "data" / "cases" / "ilt_ontgassen_binnenvaart.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("illustratief: true", "illustratief: nee"),
                    encoding="utf-8")
    view = lst_kit.independence_dilemmas(exercise_id)
    assert not isinstance(view, ErrorBanner)
    assert "ilt_ontgassen_binnenvaart.yaml" in view.banner.value and view.radios


def test_overview_says_a_broken_spec_does_not_load_rather_than_removed(repo, tmp_path):
    from lst_kit.reports.class_overview import collect, make_demo_class, render_overview

    make_demo_class(tmp_path / "klas", 4, 1)
    spec = repo / "data" / "exercises" / "m1" / "reflectie_wrr.yaml"
    spec.write_text("type: reflection\ntitle: x\n", encoding="utf-8")  # the prompt is missing
    html = render_overview(collect(tmp_path / "klas", workers=1))
    assert "Deze oefening laadt niet door een fout in de inhoud" in html and "staat niet (meer)" not in html
    assert "reflectie_wrr.yaml" in html[:html.index("</header>")]  # named at the top of the page


def _options(widget) -> list:
    """Every option label of every Dropdown/Select in a widget tree."""
    import ipywidgets as w

    found, todo = [], [widget]
    while todo:
        x = todo.pop()
        if isinstance(x, (w.Dropdown, w.Select, w.RadioButtons, w.ToggleButtons)):
            found += [o[0] if isinstance(o, tuple) else o for o in x.options]
        todo += list(getattr(x, "children", ()) or ())
    return [str(o) for o in found]


@pytest.mark.parametrize("entry, exercise_id", [
    ("risk_matrix", "m3.risicomatrix"), ("system_map", "m3.systeemkaart"), ("strategic_triangle", "m2.driehoek"),
    ("sparrow_canvas", "m2.sparrow"), ("tafel_van_elf", "m4.tafel_van_elf"),
])
def test_a_sixth_case_and_a_new_exercise_keep_the_course_valid(repo, capsys, entry, exercise_id):
    """A teacher's valid edit: a sixth case (one new file) shows up in every
    case-taking exercise, and with a new reflection the course checks clean."""
    import lst_kit
    from lst_kit.widgets import ErrorBanner

    cases = repo / "data" / "cases"
    doc = yaml.safe_load((cases / "ilt_ontgassen_binnenvaart.yaml").read_text(encoding="utf-8"))
    doc.update(case_id="ivd_zesde_casus", inspectorate="IvhO", title="Een zesde, verzonnen casus")
    (cases / "ivd_zesde_casus.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert cli.main(["new", "reflection", "reflectie_zesde", "--module", "m3"]) == 0
    capsys.readouterr()
    assert cli.main(["check", str(repo / "data")]) == 0, capsys.readouterr().out
    view = getattr(lst_kit, entry)(exercise_id)
    assert not isinstance(view, ErrorBanner)
    assert any("Een zesde, verzonnen casus" in o for o in _options(view)), _options(view)[:20]


def test_overview_lists_a_module_in_notebook_order_not_alphabetically(repo):
    from lst_kit.content.course import exercise_order, group_by_module, load_modules

    module = next(m for m in load_modules() if m.key == "m1" and m.notebook)
    notebook = repo / "notebooks" / module.notebook
    notebook.parent.mkdir(exist_ok=True)
    order = ["m1.tijdlijn", "m1.reflectie_wrr", "m1.definitie"]  # deliberately not alphabetical
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": f'lst_kit.reflection("{e}")'} for e in order]
    notebook.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}),
                        encoding="utf-8")
    assert list(exercise_order(module)) == order
    (group,) = [g for g in group_by_module(sorted(order)) if g[0] == "m1"]
    assert group[2] == order


def test_check_prints_a_spec_error_once_with_relative_paths(repo, capsys, monkeypatch):
    spec = repo / "data" / "exercises" / "m1" / "reflectie_wrr.yaml"
    spec.write_text("type: reflection\ntitle: x\n", encoding="utf-8")
    for name in ("a", "b"):
        cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                  "source": 'import lst_kit\nlst_kit.reflection("m1.reflectie_wrr")'}]
        (repo / "exercises" / f"{name}.ipynb").write_text(
            json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    monkeypatch.chdir(repo)
    assert cli.main(["check", str(spec), str(repo / "exercises" / "a.ipynb"), str(repo / "exercises" / "b.ipynb")]) == 1
    out = capsys.readouterr().out
    assert out.count("toegestaan is een waarde (dit veld is verplicht)") == 1  # the error itself, once
    assert out.count("staat hierboven") == 2 and str(repo) not in out  # each notebook points to it, paths relative
