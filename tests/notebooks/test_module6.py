"""Module 6 and the teacher's notebook run in a fresh kernel and build real
exercises (nbval runs them too; this test also checks what they show)."""

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from lst_kit.content import load_spec
from lst_kit.workbook import open_workbook

REPO = Path(__file__).resolve().parents[2]


def execute(path: Path, cwd: Path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(cwd)}}).execute()
    shown = [o["data"]["text/plain"] for c in nb.cells if c.cell_type == "code" for o in c.outputs
             if o.output_type == "execute_result"]
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    state = json.dumps(nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"], ensure_ascii=False)
    return shown, errors, state


def test_module_6_builds_every_exercise_and_prefills_the_plan(tmp_path, monkeypatch):
    monkeypatch.setenv("LST_WERKBOEK_DIR", str(tmp_path))
    monkeypatch.setenv("LST_DEELNEMER", "slot")
    card = load_spec("m6.dilemmas").cards[0]
    open_workbook().save_answer("m6.dilemmas", {"choices": {card.key: card.options[-1].key}})
    shown, errors, state = execute(REPO / "notebooks" / "06_toezicht_en_beleid.ipynb", tmp_path)
    assert errors == []
    kinds = [s.split("(", 1)[0] for s in shown]
    # one view per lst_kit call, whatever exercises the module text adds: the workbook status
    # first, the portfolio button last, the dilemmas before the plan that draws on them
    source = nbformat.read(REPO / "notebooks" / "06_toezicht_en_beleid.ipynb", as_version=4)
    calls = [line for c in source.cells if c.cell_type == "code" for line in c.source.splitlines()
             if line.startswith("lst_kit.")]
    assert len(kinds) == len(calls)
    assert kinds[0] == "VBox" and kinds[-1] == "PortfolioButton"
    assert {"MultipleChoiceView", "DilemmasView", "ReflectionView", "LearningPlanView"} <= set(kinds)
    assert kinds.index("DilemmasView") < kinds.index("LearningPlanView")
    assert "Je koos bij 1 van de 8 kaarten" in state  # the plan drew on the earlier answer
    assert "Nog niet ingevuld in module 3." in state
    assert not (tmp_path / "slot-portfolio.html").exists()  # only the button writes it


@pytest.mark.parametrize("name, expected", [
    ("m6_dilemmas.ipynb", ["DilemmasView", "ReflectionView"]),
    ("m6_wat_neem_je_mee.ipynb", ["LearningPlanView", "ReflectionView", "PortfolioButton"]),
    ("docent_klasoverzicht.ipynb", ["ClassOverviewView"]),
    ("m3_capaciteit.ipynb", ["CapacityView"]),
])
def test_exercise_notebooks_build_their_views(tmp_path, monkeypatch, name, expected):
    monkeypatch.setenv("LST_WERKBOEK_DIR", str(tmp_path))
    open_workbook("iemand", tmp_path).save_answer("m1.reflectie_wrr", {"text": "Een antwoord."})
    shown, errors, state = execute(REPO / "exercises" / name, tmp_path)
    assert errors == []
    assert [s.split("(", 1)[0] for s in shown] == expected
    if name == "docent_klasoverzicht.ipynb":
        assert "1 werkboeken gelezen, 0 bestanden overgeslagen." in state
