"""The teacher's live class overview: incremental refresh (ClassState), the
widget updated in place, the timer on the kernel's loop, the projector."""

import asyncio
import os
import threading

import pytest

import lst_kit
from lst_kit.reports.class_overview import ClassState, pseudonym
from lst_kit.workbook import open_workbook


@pytest.fixture
def klas(tmp_path):
    folder = tmp_path / "klas"
    for i, name in enumerate(("anna-vermeer", "bram-de-jong", "chris-pool")):
        wb = open_workbook(name, folder)
        wb.save_answer("m1.reflectie_wrr", {"text": f"Reflectie nummer {i + 1}."})
        wb.save_answer("m1.reflectie_logica", {"text": f"Logica {i + 1}."})
    return folder


def pictures(overview):
    return {p.exercise_id: p for _, _, group in overview.modules for p in group}


def test_unchanged_files_are_not_read_and_unchanged_pictures_not_drawn(klas):
    state = ClassState(klas)
    first = pictures(state.overview(workers=1))
    assert (state.reads, state.draws) == (3, 2)
    again = pictures(state.overview(workers=1))
    assert (state.reads, state.draws) == (3, 2)
    assert all(again[e] is first[e] for e in first)

    open_workbook("bram-de-jong", klas).save_answer("m1.reflectie_wrr", {"text": "Nieuw inzicht."})
    third = pictures(state.overview(workers=1))
    assert (state.reads, state.draws) == (4, 3)  # one file read, one picture drawn
    assert third["m1.reflectie_logica"] is first["m1.reflectie_logica"]
    assert f"{pseudonym('bram-de-jong')}: Nieuw inzicht." in third["m1.reflectie_wrr"].lines


def test_a_rewritten_file_with_the_same_answers_is_read_but_not_drawn(klas):
    state = ClassState(klas)
    state.overview(workers=1)
    path = klas / "anna-vermeer.json"
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)  # a new file (new inode and mtime), the same answers
    os.utime(path, ns=(1, 1))
    state.overview(workers=1)
    assert (state.reads, state.draws) == (4, 2)


def test_new_and_removed_workbooks_change_the_counts(klas):
    state = ClassState(klas)
    assert pictures(state.overview(workers=1))["m1.reflectie_wrr"].n == 3
    open_workbook("dirk-nieuw", klas / "groep2").save_answer("m1.reflectie_wrr", {"text": "Ik ben er ook."})
    overview = state.overview(workers=1)
    assert overview.participants == 4 and pictures(overview)["m1.reflectie_wrr"].n == 4
    assert pictures(overview)["m1.reflectie_logica"].n == 3
    (klas / "anna-vermeer.json").unlink()
    overview = state.overview(workers=1)
    assert overview.participants == 3 and pictures(overview)["m1.reflectie_logica"].n == 2
    assert not any("anna" in line for line in pictures(overview)["m1.reflectie_wrr"].lines)


def test_a_damaged_save_is_skipped_and_recovers(klas):
    state = ClassState(klas)
    state.overview(workers=1)
    (klas / "chris-pool.json").write_bytes(b'{"schema_version": 1, "answers": {')
    overview = state.overview(workers=1)
    assert [s.path for s in overview.skipped] == ["chris-pool.json"] and overview.participants == 2
    open_workbook("chris-pool", klas / "weer").save_answer("m1.reflectie_wrr", {"text": "Hersteld."})
    assert state.overview(workers=1).participants == 3


def test_live_widget_updates_values_in_place(klas):
    view = lst_kit.class_overview(klas, live=True, refresh=5)
    entries = dict(view._entries)
    children = view.body.children
    image, lines = entries["m1.reflectie_logica"].image, entries["m1.reflectie_logica"].lines.value
    assert "3 van 3" in view.counts.value and "Ingevuld per oefening" in view.counts.value
    assert "anna-vermeer" not in view.body.children[1].lines.value  # pseudonyms by default
    open_workbook("anna-vermeer", klas).save_answer("m1.reflectie_wrr", {"text": "Live erbij."})
    open_workbook("dirk-nieuw", klas).save_answer("m1.reflectie_wrr", {"text": "Ook live."})
    view.refresh()
    assert view.body.children == children  # the same widgets: nothing rebuilt
    assert view._entries["m1.reflectie_logica"].image is image
    assert view._entries["m1.reflectie_logica"].lines.value == lines
    wrr = view._entries["m1.reflectie_wrr"]
    assert f"{pseudonym('anna-vermeer')}: Live erbij." in wrr.lines.value
    assert "4 van 4 deelnemers" in wrr.head.value and "3 van 4 deelnemers" in view._entries[
        "m1.reflectie_logica"].head.value
    assert "4 van 4" in view.counts.value and "Bijgewerkt om" in view.status.value
    view.close()


def test_live_refresh_runs_on_the_kernel_loop_and_stops_when_closed(klas, monkeypatch):
    from lst_kit import widgets as ui

    async def scenario():
        monkeypatch.setattr(ui.debounce, "_kernel_loop", asyncio.get_running_loop)  # as inside a kernel
        view = lst_kit.class_overview(klas, live=True, refresh=0.5)
        assert view._handle is not None
        open_workbook("dirk-nieuw", klas).save_answer("m1.reflectie_wrr", {"text": "Vanzelf zichtbaar."})
        await asyncio.sleep(1.3)
        assert "Vanzelf zichtbaar." in view._entries["m1.reflectie_wrr"].lines.value
        view.live.value = False  # the teacher pauses
        assert view._handle is None
        view.live.value = True
        assert view._handle is not None
        view.close()
        assert view._handle is None
        reads = view.state.reads
        open_workbook("eva-laat", klas).save_answer("m1.reflectie_wrr", {"text": "Na het sluiten."})
        await asyncio.sleep(1.2)
        assert view.state.reads == reads  # nothing refreshes a closed overview
        still = lst_kit.class_overview(klas)  # not live: no timer, even in a kernel
        assert still._handle is None
        still.close()

    errors = []

    def run():
        try:
            asyncio.run(scenario())
        except BaseException as exc:  # noqa: BLE001 - reported in the test's thread
            errors.append(exc)

    worker = threading.Thread(target=run)  # its own loop, away from any other test's
    worker.start()
    worker.join(30)
    assert not worker.is_alive()
    if errors:
        raise errors[0]


def test_projector_shows_one_exercise_large_with_pseudonyms(klas):
    view = lst_kit.class_overview(klas)
    assert [v for _, v in view.focus.options] == ["", "m1.reflectie_wrr", "m1.reflectie_logica"]
    view.focus.value = "m1.reflectie_logica"
    assert view.body.layout.display == "none" and view.setup.layout.display == "none"
    assert view.projector.layout.display is None
    shown = view.projector.lines.value
    assert "font-size:1.6em" in shown and "Logica 2." in shown and "Reflectie" not in shown
    assert pseudonym("bram-de-jong") in shown and "bram-de-jong" not in shown
    view.names.value = True
    assert "bram-de-jong: Logica 2." in view.projector.lines.value
    open_workbook("dirk-nieuw", klas).save_answer("m1.reflectie_logica", {"text": "Op de beamer."})
    view.refresh()
    assert view.focus.value == "m1.reflectie_logica" and "Op de beamer." in view.projector.lines.value
    view.focus.value = ""
    assert view.body.layout.display is None and view.projector.layout.display == "none"


def test_download_is_made_on_request(klas):
    view = lst_kit.class_overview(klas)
    assert view.download.value == ""
    view.export.click()
    assert "data:text/html;base64," in view.download.value and "Download als HTML" in view.download.value
