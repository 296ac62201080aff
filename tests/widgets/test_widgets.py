"""Headless widget tests: set .value, .click(), then assert on the model,
the workbook and what the participant sees."""

import asyncio
import json
import re

import pytest
from matplotlib.figure import Figure

import lst_kit
from lst_kit.widgets import Debouncer, ErrorBanner, FigureBox
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_debouncer_saves_at_most_once_per_interval_with_latest_state(monkeypatch):
    import threading

    from lst_kit import widgets as ui

    calls = []
    state = {"text": ""}
    monkeypatch.setattr(ui.debounce, "_kernel_loop", asyncio.get_running_loop)  # as inside a kernel

    async def typing():
        debouncer = Debouncer(lambda: calls.append(state["text"]), delay=0.05)
        for word in ("a", "ab", "abc"):
            state["text"] = word
            debouncer.request()
        assert calls == [] and debouncer.pending
        await asyncio.sleep(0.12)
        assert calls == ["abc"] and not debouncer.pending
        state["text"] = "abcd"
        debouncer.request()
        debouncer.flush()  # e.g. at kernel exit
        assert calls == ["abc", "abcd"]

    errors = []
    # Its own thread, so no other event loop (a browser test's, say) is in the way.
    worker = threading.Thread(target=lambda: _run_collecting(typing, errors))
    worker.start()
    worker.join(10)
    assert errors == []
    assert calls == ["abc", "abcd"]


def _run_collecting(coroutine_function, errors):
    try:
        asyncio.run(coroutine_function())
    except BaseException as exc:  # noqa: BLE001 - reported by the test
        errors.append(exc)


def test_debouncer_saves_at_once_outside_a_kernel():
    calls = []
    debouncer = Debouncer(lambda: calls.append(1), delay=5)
    debouncer.request()
    assert calls == [1] and not debouncer.pending


def test_unwritable_workbook_shows_message_and_keeps_input(tmp_path):
    blocker = tmp_path / "geen-map"
    blocker.write_text("dit is een bestand, geen map")
    view = lst_kit.reflection("m1.reflectie_wrr", workbook=open_workbook("anna", blocker))
    view.text.value = "mijn tekst"
    assert view.indicator.state == "failed"
    assert "niet opgeslagen" in view.banner.message and "mijn tekst" == view.text.value
    assert "Traceback" not in view.banner.value


def test_view_shows_recovery_notice(wb):
    wb.save_answer("m1.reflectie_wrr", {"text": "veilig"})
    wb.path.write_text("{kapot", encoding="utf-8")
    view = lst_kit.reflection("m1.reflectie_wrr", workbook=open_workbook("anna", wb.folder))
    assert view.text.value == "veilig"
    assert view.banner.kind == "info" and "beschadigd" in view.banner.message


def test_status_names_the_workbook(wb):
    wb.save_answer("m1.a", 1)
    box = lst_kit.workbook_status("anna", wb.folder)
    text = box.children[0].value
    assert str(wb.path) in text and "1 antwoorden" in text


def test_status_speaks_of_the_module_not_of_cells(wb):
    """In Voilà there are no cells: the box must not ask to re-run them."""
    text = lst_kit.workbook_status("anna", wb.folder).children[0].value.replace(str(wb.path), "")
    assert not re.search(r"\b(cel|cellen|uitvoert|Shift)\b", text, re.I), text
    assert "module" in text


def test_bad_participant_name_gives_a_banner_not_a_traceback(monkeypatch):
    monkeypatch.setenv("LST_DEELNEMER", "../buiten")
    widget = lst_kit.reflection("m1.reflectie_wrr")
    assert isinstance(widget, ErrorBanner)
    assert "kan niet" in widget.message


def test_figure_box_has_text_alternative():

    box = FigureBox()
    box.show(Figure(figsize=(7.0, 4.0), dpi=100, layout="constrained"), alt='een "grafiek" <met> tekens', caption="bijschrift")
    assert 'alt="een &quot;grafiek&quot; &lt;met&gt; tekens"' in box.value
    assert "<figcaption" in box.value and box.value.count("data:image/png;base64,") == 1


def test_accessible_slider_keeps_ipywidgets_semantics():
    from lst_kit.widgets.slider import FloatSlider, IntSlider

    wide = IntSlider(value=250, min=10, max=300, description="Perioden")
    assert wide.value == 250  # min/max are set before the value
    seen = []
    wide.observe(lambda change: seen.append(change["new"]), names="value")
    wide.value = 999
    assert wide.value == 300 and seen == [300]
    f = FloatSlider(value=0.35, min=0.0, max=0.6, step=0.05, description="Sprong", style={"description_width": "16em"})
    assert f.value == 0.35 and f.label_width == "16em" and f.decimals == 2
