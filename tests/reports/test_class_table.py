"""`lst-kit collect --csv / --xlsx`: the answers as a table for a spreadsheet."""

import json
import sys

import pandas as pd
import pytest

from lst_kit import cli
from lst_kit.reports.class_overview import pseudonym
from lst_kit.workbook import open_workbook

HEADER = ["deelnemer", "module", "oefening", "titel", "samenvatting", "antwoord (JSON)"]


@pytest.fixture
def klas(tmp_path):
    folder = tmp_path / "klas"
    open_workbook("anna-vermeer", folder).save_answer("m1.reflectie_wrr", {"text": "Eerste;regel\nmet \"quotes\""})
    wb = open_workbook("bram-de-jong", folder / "groep2")
    wb.save_answer("m1.reflectie_wrr", {"text": "Reflectie van Bram."})
    wb.save_answer("m1.reflectie_logica", {"text": "Logica van Bram."})
    (folder / "kapot.json").write_bytes(b"{kapot")
    return folder


def test_csv_has_one_row_per_participant_and_exercise_pseudonymised(klas, tmp_path, capsys):
    out = tmp_path / "antwoorden.csv"
    assert cli.main(["collect", str(klas), "--csv", str(out)]) == 0
    assert "3 rijen" in capsys.readouterr().out
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 by its byte order mark
    frame = pd.read_csv(out, sep=";", encoding="utf-8-sig")
    assert list(frame.columns) == HEADER
    anna, bram = pseudonym("anna-vermeer"), pseudonym("bram-de-jong")
    assert b"anna-vermeer" not in raw and b"bram-de-jong" not in raw
    rows = {(r["deelnemer"], r["oefening"]): r for r in frame.to_dict("records")}
    assert set(rows) == {(anna, "m1.reflectie_wrr"), (bram, "m1.reflectie_wrr"), (bram, "m1.reflectie_logica")}
    first = rows[(anna, "m1.reflectie_wrr")]
    assert json.loads(first["antwoord (JSON)"]) == {"text": "Eerste;regel\nmet \"quotes\""}
    assert first["module"].startswith("Module 1") and first["titel"] != "m1.reflectie_wrr"
    assert "Eerste;regel" in first["samenvatting"]


def test_names_and_xlsx(klas, tmp_path):
    out, html = tmp_path / "antwoorden.xlsx", tmp_path / "klas.html"
    assert cli.main(["collect", str(klas), "--xlsx", str(out), "--out", str(html), "--names"]) == 0
    frame = pd.read_excel(out, sheet_name="Antwoorden")
    assert list(frame.columns) == HEADER
    assert sorted(frame["deelnemer"]) == ["anna-vermeer", "bram-de-jong", "bram-de-jong"]
    assert "Logica van Bram." in html.read_text(encoding="utf-8")


def test_xlsx_without_openpyxl_says_so_in_dutch(klas, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    out = tmp_path / "antwoorden.xlsx"
    assert cli.main(["collect", str(klas), "--xlsx", str(out), "--csv", str(tmp_path / "a.csv")]) == 2
    err = capsys.readouterr().err
    assert "openpyxl" in err and "pip install" in err and "--csv" in err
    assert not out.exists() and not (tmp_path / "a.csv").exists()


def test_collect_needs_an_output(klas, capsys):
    assert cli.main(["collect", str(klas)]) == 2
    assert "--out" in capsys.readouterr().err
