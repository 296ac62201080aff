"""Conventions of the committed notebooks (nbval runs them; see pyproject)."""

import json
import re
from pathlib import Path

import nbformat
import pytest

from lst_kit._notebooks import dirty_cells
from lst_kit.content import load_spec
from lst_kit.registry import EXERCISE_TYPES

REPO = Path(__file__).resolve().parents[2]
MODULES = sorted((REPO / "notebooks").glob("*.ipynb"))
EXERCISES = sorted((REPO / "exercises").glob("*.ipynb"))
ALL = MODULES + EXERCISES
CALL = re.compile(r"^lst_kit\.([a-z_]+)\((?:\"([a-z0-9_.\-]+)\")?(?:(?:, )?[a-z_]+=(?:True|False|\d+))*\)$")


def ids(paths):
    return [p.relative_to(REPO).as_posix() for p in paths]


def test_there_are_notebooks():
    assert any(p.name.startswith("01_") for p in MODULES)
    assert len(EXERCISES) >= 4


@pytest.mark.parametrize("path", MODULES, ids=ids(MODULES))
def test_module_notebook_name(path):
    assert re.match(r"^0[1-6]_[a-z0-9_]+\.ipynb$", path.name)


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert dirty_cells(nb) == [], "run `make clean-notebooks`"
    assert "widgets" not in nb.get("metadata", {})


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_valid_notebook_with_short_code_cells_calling_existing_exercises(path, shipped):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    for cell in code:
        lines = [line for line in cell.source.splitlines() if line.strip()]
        assert 1 <= len(lines) <= 3, cell.source
        assert cell.metadata.get("jupyter", {}).get("source_hidden") is True
        for line in lines:
            if line == "import lst_kit":
                continue
            match = CALL.match(line)
            assert match, f"only `import lst_kit` and one lst_kit call per line: {line!r}"
            function, exercise_id = match.groups()
            if function in EXERCISE_TYPES:
                assert exercise_id, line
                load_spec(exercise_id, function)


@pytest.mark.parametrize("path", EXERCISES, ids=ids(EXERCISES))
def test_exercise_notebook_opens_with_voor_de_docent(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and "Voor de docent" in first.source
    assert "data/" in first.source  # says which file to edit


@pytest.mark.parametrize("path", MODULES, ids=ids(MODULES))
def test_module_notebook_is_course_material(path):
    nb = nbformat.read(path, as_version=4)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert len(prose.split()) > 1500, "a module is one to two hours of reading and work"
    assert "Bronnen" in prose
    assert not re.search(r"\b(TODO|lorem|placeholder|XXX)\b", prose, re.I)


def test_answers_come_back_after_a_kernel_restart(tmp_path, monkeypatch):
    """Answers saved earlier show again when the module is run in a fresh kernel."""
    from nbclient import NotebookClient

    from lst_kit.workbook import open_workbook

    monkeypatch.setenv("LST_WERKBOEK_DIR", str(tmp_path))
    monkeypatch.setenv("LST_DEELNEMER", "herstart")
    wb = open_workbook()
    wb.save_answer("m1.reflectie_wrr", {"text": "Mijn antwoord van vorige week."})
    wb.save_answer("m1.paradox", {"parameters": {"a": 0.45}, "draw": 3})
    nb = nbformat.read(REPO / "notebooks" / "01_functies_van_toezicht.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    values = {(m["model_name"], str(m["state"].get("value"))) for m in state.values()}
    assert ("TextareaModel", "Mijn antwoord van vorige week.") in values
    jump = load_spec("m1.paradox").param("a").label
    sliders = {m["state"].get("description"): m["state"].get("value") for m in state.values()}
    assert sliders[jump] == 0.45
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert open_workbook().answer("m1.reflectie_wrr") == {"text": "Mijn antwoord van vorige week."}


#: Instructions that only make sense in JupyterLab: in Voilà there are no cells to run.
LAB_ONLY = re.compile(r"Voer de cel|Shift\+Enter|ingeklapte cel|zo'n cel|cellen opnieuw|klik (erop|op een cel)", re.I)


@pytest.mark.parametrize("path", MODULES, ids=ids(MODULES))
def test_module_notebook_wording_works_in_lab_and_as_app(path):
    nb = nbformat.read(path, as_version=4)
    lines = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines()
             if LAB_ONLY.search(line)]
    assert lines == [], "participants may read this in Voilà, where there are no cells: " + " | ".join(lines)


@pytest.mark.parametrize("path", MODULES, ids=ids(MODULES))
def test_module_notebook_title_is_the_module_title(path):
    """Voilà and the browser tab show ``metadata.title``: the module's title
    from the shipped ``data/reference/modules.yaml``, not the file name."""
    from lst_kit.content.course import load_modules

    modules = {m.key: m.title for m in load_modules(REPO / "data" / "reference" / "modules.yaml")}
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"].get("title") == modules[f"m{int(path.name[:2])}"]
