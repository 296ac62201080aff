"""The workbook in the browser (JupyterLite/Pyodide) and taking it along:
lock, folder, own name, immediate saves, download and upload.

Browser mode is :func:`lst_kit.web.in_browser` patched to True; the real
thing runs in tests/browser/test_lite.py.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock

from lst_kit import web
from lst_kit import widgets as ui
from lst_kit.widgets import transfer
from lst_kit import workbook as wbmod
from lst_kit.workbook import WorkbookError, open_workbook, set_participant_name


@pytest.fixture
def browser_mode(monkeypatch):
    monkeypatch.setattr(web, "in_browser", lambda: True)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv("LST_DEELNEMER", raising=False)
    monkeypatch.delenv("LST_WERKBOEK_DIR", raising=False)
    monkeypatch.setattr(wbmod.getpass, "getuser", lambda: "web_user")


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "LST-werkboek"


# -- lock ---------------------------------------------------------------------------
def test_a_lock_left_behind_never_blocks_saving_in_the_browser(browser_mode, folder, monkeypatch):
    folder.mkdir()
    held = FileLock(str(folder / ".web_user.json.lock"))
    held.acquire()  # a lock file still held (a tab that died mid-save; filelock's soft lock in Pyodide)
    monkeypatch.setattr(wbmod, "_LOCK_TIMEOUT_S", 2.0)
    try:
        wb = open_workbook(folder=folder)
        started = time.monotonic()
        for i in range(5):
            wb.save_answer("m1.reflectie_wrr", {"text": f"versie {i}"})
        assert time.monotonic() - started < 1.5
        assert open_workbook(folder=folder).answer("m1.reflectie_wrr") == {"text": "versie 4"}
    finally:
        held.release()


def test_on_the_desktop_the_file_lock_still_guards_between_processes(folder, monkeypatch):
    folder.mkdir()
    held = FileLock(str(folder / ".anna.json.lock"))
    held.acquire()
    monkeypatch.setattr(wbmod, "_LOCK_TIMEOUT_S", 0.3)
    try:
        with pytest.raises(WorkbookError, match="bezet"):
            open_workbook("anna", folder).save_answer("m1.reflectie_wrr", {"text": "x"})
    finally:
        held.release()


def test_in_the_browser_two_workbook_objects_of_one_file_share_one_lock(browser_mode, folder):
    first, second = open_workbook(folder=folder), open_workbook(folder=folder)
    assert first._lock.acquire(timeout=1)
    try:
        got = []
        other = threading.Thread(target=lambda: got.append(second._lock.acquire(timeout=0.2)))
        other.start()
        other.join()
        assert got == [False]
    finally:
        first._lock.release()
    assert second._lock.acquire(timeout=0.2)
    second._lock.release()


# -- folder and name -------------------------------------------------------------------
def test_the_browser_workbook_lives_on_the_persistent_drive(browser_mode):
    wb = open_workbook()
    assert wb.folder == Path("/drive/LST-werkboek") and wb.participant == "web_user"


def test_the_participant_sets_their_own_name_once_and_keeps_their_answers(browser_mode, folder):
    before = open_workbook(folder=folder)
    before.save_answer("m1.reflectie_wrr", {"text": "al getypt"})
    wb = set_participant_name("  Anna de Vries ", folder)
    assert wb.participant == "Anna de Vries"
    assert (folder / web.NAME_FILE).read_text(encoding="utf-8") == "Anna de Vries\n"
    again = open_workbook(folder=folder)  # every later cell finds the name
    assert again.participant == "Anna de Vries"
    assert again.answer("m1.reflectie_wrr") == {"text": "al getypt"}
    assert json.loads((folder / "Anna de Vries.json").read_text(encoding="utf-8"))["participant"] == "Anna de Vries"
    assert not (folder / "web_user.json").exists() and not (folder / "web_user.json.bak").exists()


def test_a_new_name_never_overwrites_an_existing_workbook(browser_mode, folder):
    open_workbook("bert", folder).save_answer("m1.reflectie_wrr", {"text": "van bert"})
    open_workbook(folder=folder).save_answer("m1.reflectie_wrr", {"text": "van web_user"})
    wb = set_participant_name("bert", folder)
    assert wb.answer("m1.reflectie_wrr") == {"text": "van bert"}
    assert open_workbook("web_user", folder).answer("m1.reflectie_wrr") == {"text": "van web_user"}


def test_a_name_that_could_leave_the_folder_is_refused(browser_mode, folder):
    with pytest.raises(ValueError, match="kan niet"):
        set_participant_name("../anna", folder)
    assert not folder.exists()


def test_the_name_file_means_nothing_on_the_desktop(folder, monkeypatch):
    folder.mkdir()
    (folder / web.NAME_FILE).write_text("Anna\n", encoding="utf-8")
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setenv("LST_DEELNEMER", "kees")
    assert open_workbook(folder=folder).participant == "kees"


# -- saves at once in the browser -------------------------------------------------------
def test_in_the_browser_text_is_saved_at_every_change(monkeypatch):
    loop = asyncio.new_event_loop()
    monkeypatch.setattr(ui.debounce, "_kernel_loop", lambda: loop)
    calls = []
    try:
        desktop = ui.Debouncer(lambda: calls.append("desktop"), delay=1.0)
        desktop.request()
        assert calls == [] and desktop.pending  # on the desktop: debounced in the kernel's loop
        monkeypatch.setattr(web, "in_browser", lambda: True)
        browser = ui.Debouncer(lambda: calls.append("browser"), delay=1.0)
        browser.request()
        assert calls == ["browser"] and not browser.pending  # no atexit in a closing tab: saved now
    finally:
        loop.close()


# -- download and upload -----------------------------------------------------------------
def test_download_gives_the_saved_workbook_and_the_portfolio(folder):
    wb = open_workbook("anna", folder)
    wb.save_answer("m1.reflectie_wrr", {"text": "Mijn reflectie <script>"})
    panel = transfer.TransferPanel(wb, with_name=False)
    name, mime, data = panel.download_workbook.prepare()
    assert (name, mime) == ("anna.json", "application/json")
    assert json.loads(data)["answers"] == wb.answers()
    name, mime, data = panel.download_portfolio.prepare()
    assert (name, mime) == ("anna-portfolio.html", "text/html")
    html = data.decode("utf-8")
    assert "Mijn reflectie &lt;script&gt;" in html and "<script>" not in html


def test_download_sends_the_file_to_the_page(folder, monkeypatch):
    wb = open_workbook("anna", folder)
    wb.save_answer("m1.reflectie_wrr", {"text": "x"})
    button = transfer.TransferPanel(wb, with_name=False).download_workbook
    sent = []
    monkeypatch.setattr(button, "send", lambda content, buffers=None: sent.append((content, buffers)))
    button._handle(button, {"event": "prepare"}, [])
    ((content, buffers),) = sent
    assert content == {"event": "file", "ok": True, "filename": "anna.json", "mime": "application/json"}
    assert json.loads(bytes(buffers[0]))["answers"] == {"m1.reflectie_wrr": {"text": "x"}}


def test_no_portfolio_before_the_first_answer(folder):
    panel = transfer.TransferPanel(open_workbook("anna", folder), with_name=False)
    sent = []
    panel.download_portfolio.send = lambda content, buffers=None: sent.append(content)
    panel.download_portfolio._handle(None, {"event": "prepare"}, [])
    assert sent == [{"event": "file", "ok": False}]
    assert "nog geen antwoorden" in panel.banner.message


def _upload(panel, data: bytes, name: str = "anna.json") -> None:
    panel.upload.value = ({"name": name, "type": "application/json", "size": len(data),
                           "content": memoryview(data),
                           "last_modified": datetime.datetime(2026, 12, 3, tzinfo=datetime.timezone.utc)},)


def test_upload_continues_from_a_workbook_and_keeps_the_current_one(folder):
    elsewhere = open_workbook("anna", folder / "andere-computer")
    elsewhere.save_answer("m1.reflectie_wrr", {"text": "van de andere computer"})
    elsewhere.save_answer("m1.tijdlijn", {"tags": {"kvt1": "naleving"}})
    here = open_workbook("anna", folder)
    here.save_answer("m1.reflectie_wrr", {"text": "van hier"})
    current = here.path.read_bytes()
    panel = transfer.TransferPanel(here, with_name=False)
    _upload(panel, elsewhere.export_bytes())
    assert here.answers() == elsewhere.answers()
    (kept,) = folder.glob("anna.json.voor-upload-*")
    assert kept.read_bytes() == current
    assert "2 antwoorden" in panel.result.value and kept.name in panel.result.value
    assert panel.upload.value == ()


@pytest.mark.parametrize("data, expected", [
    (b"geen json", "geen werkboek"),
    (b'{"schema_version": 1, "answers": []}', "geen werkboek"),
    (b'{"schema_version": 99, "answers": {}}', "nieuwere versie"),
    (b'{"schema_version": 1, "answers": {"M1/../x": {}}}', "Onbekende oefeningnaam"),
])
def test_an_upload_that_is_not_a_good_workbook_changes_nothing(folder, data, expected):
    here = open_workbook("anna", folder)
    here.save_answer("m1.reflectie_wrr", {"text": "van hier"})
    before = sorted(p.name for p in folder.iterdir()), here.path.read_bytes()
    panel = transfer.TransferPanel(here, with_name=False)
    _upload(panel, data, "kapot.json")
    assert expected in panel.banner.message and "kapot.json" in panel.banner.message
    assert (sorted(p.name for p in folder.iterdir()), here.path.read_bytes()) == before


def test_the_status_cell_offers_name_and_transfer_only_in_the_browser(folder, monkeypatch):
    def panels(widget):
        found, todo = [], [widget]
        while todo:
            w = todo.pop()
            found.append(w)
            todo.extend(getattr(w, "children", ()))
        return [w for w in found if isinstance(w, (transfer.TransferPanel, transfer.NameField))]

    assert panels(ui.workbook_status("anna", folder)) == []
    monkeypatch.setattr(web, "in_browser", lambda: True)
    kinds = sorted(type(w).__name__ for w in panels(ui.workbook_status("anna", folder)))
    assert kinds == ["NameField", "TransferPanel"]
