"""The Module 2 notebook in a fresh kernel: every exercise builds (no error
banner) and shows the answers saved earlier."""

from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[2]


def test_module_2_rebuilds_saved_answers_in_a_fresh_kernel(tmp_path, monkeypatch):
    from nbclient import NotebookClient

    from lst_kit.workbook import open_workbook

    monkeypatch.setenv("LST_WERKBOEK_DIR", str(tmp_path))
    monkeypatch.setenv("LST_DEELNEMER", "herstart")
    wb = open_workbook()
    wb.save_answer("m2.sparrow", {"texts": {"definieren": {"definitie": "Te warme thuismaaltijden in Midden-Delta"}},
                                  "scale": "middel", "dimensions": ["plaats"], "order": ["definieren"]})
    wb.save_answer("m2.driehoek", {"case": "ilt_ontgassen_binnenvaart", "cases": {"ilt_ontgassen_binnenvaart": {
        "selected": ["i2", "i3"], "scores": {"i2": {"value": 5, "legitimacy": 2, "capacity": 3}}}}})
    wb.save_answer("m2.effectketen", {"indicators": [{"text": "Aandeel koks met temperatuurlogger", "tier": "outcome",
                                                      "source": "eigen"}], "design": "experiment"})
    wb.save_answer("m2.reflectie_effect", {"text": "Wat ik vorige week schreef."})
    nb = nbformat.read(REPO / "notebooks" / "02_sparrow_en_moore.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    models = [(m["model_name"], m["state"]) for m in state.values()]
    html = " ".join(str(s.get("value")) for name, s in models if name == "HTMLModel")
    assert "Er ging iets mis" not in html and "Fout in" not in html and "Traceback" not in html
    values = {(name, str(s.get("value"))) for name, s in models}
    assert ("TextareaModel", "Te warme thuismaaltijden in Midden-Delta") in values
    assert any(name == "ToggleButtonsModel" and s.get("index") == 1 for name, s in models)  # 'middel'
    designs = [s for name, s in models if name == "DropdownModel" and s.get("description") == "Onderzoeksontwerp:"]
    assert [s["index"] for s in designs] == [6]  # the randomised experiment, after "— kies een ontwerp —"
    steun = [s.get("value") for _, s in models if s.get("description") == "Steun" and "min" in s]
    assert steun == [2, 4]  # the sliders of 'Ketenafspraken' (saved: 2) and of 'Gerichte controles' (case: 4)
    assert ("TextareaModel", "Wat ik vorige week schreef.") in values
    assert "Aandeel koks met temperatuurlogger" in html
    assert open_workbook().answer("m2.effectketen")["design"] == "experiment"
