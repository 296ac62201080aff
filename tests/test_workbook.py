"""The workbook contract: each point here would fail without its mechanism."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

import lst_kit
from lst_kit import workbook as wbmod
from lst_kit.workbook import SCHEMA_VERSION, Workbook, WorkbookError, open_workbook

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "werkboeken"


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_round_trip_and_schema_version(folder):
    wb = open_workbook("anna", folder)
    assert wb.answer("m1.reflectie_wrr") is None
    assert wb.answer("m1.reflectie_wrr", default="leeg") == "leeg"
    wb.save_answer("m1.reflectie_wrr", {"text": "Toezicht dient publieke belangen."})
    wb.save_answer("m1.principes", {"scores": {"toen": {"selectief": 2}}})
    doc = json.loads((folder / "anna.json").read_text(encoding="utf-8"))
    assert doc["schema_version"] == SCHEMA_VERSION
    assert doc["participant"] == "anna"
    assert set(doc["answers"]) == {"m1.reflectie_wrr", "m1.principes"}
    # A new Workbook object (a kernel restart) sees the same answers.
    again = open_workbook("anna", folder)
    assert again.answers() == {
        "m1.reflectie_wrr": {"text": "Toezicht dient publieke belangen."},
        "m1.principes": {"scores": {"toen": {"selectief": 2}}},
    }


def test_answers_are_copies(folder):
    wb = open_workbook("anna", folder)
    value = {"tags": {"kvt1": "naleving"}}
    wb.save_answer("m1.tijdlijn", value)
    value["tags"]["kvt1"] = "effect"
    got = wb.answer("m1.tijdlijn")
    got["tags"]["kvt1"] = "reflectie"
    assert wb.answer("m1.tijdlijn") == {"tags": {"kvt1": "naleving"}}


def test_unicode_round_trip(folder):
    text = "Één inspecteur zegt: “naleving ≠ effect” — zelfs in Zürich 🚢; 中文"
    wb = open_workbook("zoë-van-den-bërg", folder)
    wb.save_answer("m1.reflectie_wrr", {"text": text})
    assert open_workbook("zoë-van-den-bërg", folder).answer("m1.reflectie_wrr") == {"text": text}
    raw = (folder / "zoë-van-den-bërg.json").read_bytes()
    assert "naleving ≠ effect".encode("utf-8") in raw  # readable UTF-8, not \u escapes


@pytest.mark.parametrize(
    "name",
    ["../anna", "..", "a/b", "a\\b", "/etc/passwd", "C:\\temp\\x", "anna\0", ".verborgen", "", "  ", " anna",
     "a..b", "x" * 101, "anna:2", "tab\there", 42, None.__class__],
)
def test_refused_participant_names_write_nothing(folder, name):
    with pytest.raises(ValueError) as info:
        open_workbook(name, folder).save_answer("m1.x", 1)
    assert "Er is niets opgeslagen" in str(info.value)
    assert files(folder) == []
    assert not (folder.parent / "anna").exists()


@pytest.mark.parametrize("name", ["anna", "Jan de Vries", "j.devries@ilt.nl", "deelnemer_07", "Zoë-Bërg"])
def test_accepted_participant_names(folder, name):
    open_workbook(name, folder).save_answer("m1.x", 1)
    assert files(folder) == sorted([f"{name}.json", f"{name}.json.bak", f".{name}.json.lock"])


@pytest.mark.parametrize(
    "value, error",
    [
        ({1, 2}, TypeError),
        ((1, 2), TypeError),
        (b"bytes", TypeError),
        (Fraction(1, 3), TypeError),
        (object(), TypeError),
        ({"a": [1, {"b": {3}}]}, TypeError),
        ({1: "key is not text"}, TypeError),
        (float("nan"), ValueError),
        ({"x": float("inf")}, ValueError),
    ],
)
def test_refused_values_write_nothing(folder, value, error):
    wb = open_workbook("anna", folder)
    wb.save_answer("m1.eerder", {"text": "blijft staan"})
    before = (folder / "anna.json").read_bytes()
    with pytest.raises(error):
        wb.save_answer("m1.nieuw", value)
    assert (folder / "anna.json").read_bytes() == before


def test_numpy_values_are_refused(folder):
    np = pytest.importorskip("numpy")
    with pytest.raises(TypeError, match="int64"):
        open_workbook("anna", folder).save_answer("m1.x", {"n": np.int64(3)})
    assert files(folder) == []


@pytest.mark.parametrize("exercise_id", ["", "M1.Hoofdletters", "m1/../x", "m1 x", "m1..x", 7, "." * 3])
def test_refused_exercise_ids(folder, exercise_id):
    with pytest.raises(ValueError):
        open_workbook("anna", folder).save_answer(exercise_id, 1)
    assert files(folder) == []


def test_save_is_atomic_when_the_write_fails(folder, monkeypatch):
    wb = open_workbook("anna", folder)
    wb.save_answer("m1.a", "eerste")
    before = (folder / "anna.json").read_bytes()

    def broken_replace(src, dst):
        raise OSError("schijf vol")

    monkeypatch.setattr(wbmod.os, "replace", broken_replace)
    with pytest.raises(OSError):
        wb.save_answer("m1.b", "tweede")
    monkeypatch.undo()
    assert (folder / "anna.json").read_bytes() == before
    assert not [n for n in files(folder) if n.endswith(".tmp")], "temporary file left behind"


def test_save_fsyncs_file_before_rename(folder, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(wbmod.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(wbmod.os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))[1])
    open_workbook("anna", folder).save_answer("m1.a", 1)
    first_replace = events.index("replace")
    assert "fsync" in events[:first_replace]


def test_save_merges_with_changes_from_another_kernel(folder):
    one = open_workbook("anna", folder)
    two = open_workbook("anna", folder)
    one.answers()  # kernel one has read the file
    two.save_answer("m1.tijdlijn", {"tags": {}})
    one.save_answer("m1.principes", {"scores": {}})
    assert set(open_workbook("anna", folder).answers()) == {"m1.tijdlijn", "m1.principes"}
    assert one.answer("m1.tijdlijn") == {"tags": {}}  # reads see the other kernel's save


_WRITER = textwrap.dedent(
    """
    import sys
    from lst_kit.workbook import open_workbook
    folder, prefix, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    wb = open_workbook("anna", folder)
    for i in range(n):
        wb.save_answer(f"m9.{prefix}{i}", {"i": i, "by": prefix})
    """
)


def test_two_writer_processes_keep_all_answers(folder):
    n = 60
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(folder), p, str(n)]) for p in ("a", "b")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    answers = open_workbook("anna", folder).answers()
    assert len(answers) == 2 * n
    assert answers["m9.a59"] == {"i": 59, "by": "a"} and answers["m9.b0"] == {"i": 0, "by": "b"}


_SAVE_THEN_WAIT = textwrap.dedent(
    """
    import sys, time
    from lst_kit.workbook import open_workbook
    open_workbook("anna", sys.argv[1]).save_answer("m1.reflectie_wrr", {"text": "bewaard"})
    print("saved", flush=True)
    time.sleep(60)
    """
)


def test_answer_survives_kill_9_after_save_returns(folder):
    with subprocess.Popen([sys.executable, "-c", _SAVE_THEN_WAIT, str(folder)], stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout.readline().strip() == "saved"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert open_workbook("anna", folder).answer("m1.reflectie_wrr") == {"text": "bewaard"}


@pytest.mark.parametrize(
    "damage",
    [b"{\"schema_version\": 1, \"answers\": {\"m1.a\": ", b"\x00\x00\x00", b"[1, 2, 3]\n",
     b'{"answers": {}}', b'{"schema_version": 1, "answers": []}', b"\xff\xfe niet utf-8"],
)
def test_damaged_file_is_kept_aside_and_work_continues_from_last_good_copy(folder, damage):
    wb = open_workbook("anna", folder)
    wb.save_answer("m1.a", "goed antwoord")
    (folder / "anna.json").write_bytes(damage)

    fresh = open_workbook("anna", folder)
    assert fresh.answer("m1.a") == "goed antwoord"
    assert len(fresh.notices) == 1 and "beschadigd" in fresh.notices[0]
    aside = [p for p in folder.iterdir() if ".beschadigd-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == damage
    assert aside[0].name in fresh.notices[0]

    fresh.save_answer("m1.b", "nieuw")
    assert open_workbook("anna", folder).answers() == {"m1.a": "goed antwoord", "m1.b": "nieuw"}
    assert aside[0].read_bytes() == damage  # never overwritten


def test_damaged_file_without_backup_starts_empty_and_keeps_bytes(folder):
    folder.mkdir()
    (folder / "anna.json").write_bytes(b"{kapot")
    wb = open_workbook("anna", folder)
    assert wb.answers() == {}
    assert "leeg werkboek" in wb.notices[0]
    wb.save_answer("m1.a", 1)
    aside = [p for p in folder.iterdir() if ".beschadigd-" in p.name]
    assert [p.read_bytes() for p in aside] == [b"{kapot"]


def test_damage_found_on_save_is_also_kept_aside(folder):
    wb = open_workbook("anna", folder)
    wb.save_answer("m1.a", 1)
    (folder / "anna.json").write_bytes(b"garbage")
    wb.save_answer("m1.b", 2)  # the save re-reads, finds the damage, recovers, then saves
    assert open_workbook("anna", folder).answers() == {"m1.a": 1, "m1.b": 2}
    assert any(p.read_bytes() == b"garbage" for p in folder.iterdir() if ".beschadigd-" in p.name)


def test_newer_schema_is_refused_and_left_untouched(folder):
    folder.mkdir()
    newer = json.dumps({"schema_version": SCHEMA_VERSION + 1, "answers": {"m1.a": 1}}).encode()
    (folder / "anna.json").write_bytes(newer)
    wb = open_workbook("anna", folder)
    with pytest.raises(WorkbookError, match="nieuwere versie"):
        wb.save_answer("m1.b", 2)
    assert (folder / "anna.json").read_bytes() == newer


def test_older_schema_is_upgraded(folder, monkeypatch):
    monkeypatch.setattr(wbmod, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(wbmod.UPGRADES, 1, lambda doc: {**doc, "answers": {k.replace("oud", "nieuw"): v
                                                                             for k, v in doc["answers"].items()}})
    folder.mkdir()
    (folder / "anna.json").write_text(json.dumps({"schema_version": 1, "answers": {"m1.oud": 1}}))
    wb = open_workbook("anna", folder)
    assert wb.answers() == {"m1.nieuw": 1}
    wb.save_answer("m1.b", 2)
    assert json.loads((folder / "anna.json").read_text())["schema_version"] == 2


def test_folder_resolution(folder, monkeypatch, tmp_path):
    monkeypatch.setenv("LST_WERKBOEK_DIR", str(tmp_path / "uit-env"))
    assert open_workbook("anna").folder == tmp_path / "uit-env"
    assert open_workbook("anna", folder).folder == folder
    monkeypatch.delenv("LST_WERKBOEK_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "thuis"))
    assert open_workbook("anna").folder == tmp_path / "thuis" / "LST-werkboek"


def test_participant_resolution(monkeypatch, folder):
    monkeypatch.setenv("JUPYTERHUB_USER", "hub-anna")
    monkeypatch.setenv("LST_DEELNEMER", "env-bert")
    assert open_workbook(None, folder).participant == "hub-anna"
    assert open_workbook("arg-carla", folder).participant == "arg-carla"
    monkeypatch.delenv("JUPYTERHUB_USER")
    assert open_workbook(None, folder).participant == "env-bert"
    monkeypatch.delenv("LST_DEELNEMER")
    monkeypatch.setattr(wbmod.getpass, "getuser", lambda: "os-dirk")
    assert open_workbook(None, folder).participant == "os-dirk"


def test_unsafe_name_from_environment_is_refused(monkeypatch, folder):
    monkeypatch.setenv("JUPYTERHUB_USER", "../../etc")
    with pytest.raises(ValueError, match="niets opgeslagen"):
        open_workbook(None, folder)


def test_public_face():
    assert lst_kit.open_workbook is open_workbook
    assert isinstance(open_workbook("x", "/nonexistent-never-written"), Workbook)
    assert not Path("/nonexistent-never-written").exists()
