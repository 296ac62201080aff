"""Headless widget tests: set .value, .click(), then assert on the model,
the workbook and what the participant sees."""

import asyncio
import json
import re

import pytest
import yaml

import lst_kit
from lst_kit.paths import data_dir
from lst_kit.widgets import Debouncer, ErrorBanner, FigureBox
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_reflection_saves_as_typed_and_comes_back(wb):
    view = lst_kit.reflection("m1.reflectie_wrr", workbook=wb)
    assert view.indicator.state == "empty"
    view.text.value = "De WRR-kritiek geldt nog steeds."
    assert on_disk(wb)["m1.reflectie_wrr"] == {"text": "De WRR-kritiek geldt nog steeds."}
    assert view.indicator.state == "saved"
    assert "5 woorden" in view.count.value
    again = lst_kit.reflection("m1.reflectie_wrr", workbook=open_workbook("anna", wb.folder))
    assert again.text.value == "De WRR-kritiek geldt nog steeds."
    assert again.indicator.state == "loaded"


def test_reflection_too_long_shows_dutch_message_and_keeps_saved_text(wb):
    view = lst_kit.reflection("m1.reflectie_wrr", workbook=wb)
    view.text.value = "bewaard"
    view.text.value = "x" * 20001
    assert "Jouw antwoord" in view.banner.message and "20001 tekens" in view.banner.message
    assert "Traceback" not in view.banner.value
    assert on_disk(wb)["m1.reflectie_wrr"] == {"text": "bewaard"}
    view.text.value = "weer kort"
    assert view.banner.message == ""
    assert on_disk(wb)["m1.reflectie_wrr"] == {"text": "weer kort"}


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


def test_multiple_choice_feedback_and_save(wb):
    view = lst_kit.multiple_choice("m1.definitie", workbook=wb)
    right = next(i for i, o in enumerate(view.spec.options) if o.correct)
    wrong = (right + 1) % len(view.spec.options)
    view.options.value = wrong
    assert "Niet helemaal" in view.feedback.value
    assert on_disk(wb)["m1.definitie"]["correct"] is False
    view.options.value = right
    assert "Goed." in view.feedback.value
    assert on_disk(wb)["m1.definitie"] == {"choice": right, "option": view.spec.options[right].text, "correct": True}
    assert lst_kit.multiple_choice("m1.definitie", workbook=wb).options.value == right


def test_rating_scales_save_each_rating(wb):
    view = lst_kit.rating_scales("m1.wrr_nadrukken", workbook=wb)
    keys = [i.key for i in view.spec.items]
    view.controls[keys[0]].value = 4
    view.controls[keys[1]].value = 2
    assert on_disk(wb)["m1.wrr_nadrukken"] == {"ratings": {keys[0]: 4, keys[1]: 2}}
    assert f"2 van {len(keys)}" in view.summary.value
    assert lst_kit.rating_scales("m1.wrr_nadrukken", workbook=wb).controls[keys[1]].value == 2


def test_timeline_tag_saves_and_redraws(wb):
    view = lst_kit.timeline_tagger("m1.tijdlijn", workbook=wb)
    first_png = view.figure.value
    event = view.spec.events[0]
    view.dropdowns[event.key].value = "lastenverlichting"
    assert on_disk(wb)["m1.tijdlijn"] == {"tags": {event.key: "lastenverlichting"}}
    assert view.figure.draws == 2 and view.figure.value != first_png
    assert 'alt="' in view.figure.value and "1 van" in view.figure.value  # caption reads the plot
    view.compare.value = True
    assert "lezing van het cursusteam" in view.comparison.value
    view.dropdowns[event.key].value = ""
    assert on_disk(wb)["m1.tijdlijn"] == {"tags": {}}


def test_principles_slider_saves_and_updates_table(wb):
    view = lst_kit.principles_radar("m1.principes", workbook=wb)
    then, now = (m.key for m in view.spec.moments)
    key = view.spec.principles[3].key
    view.sliders[(then, key)].value = 1
    view.sliders[(now, key)].value = 5
    saved = on_disk(wb)["m1.principes"]["scores"]
    assert saved[then][key] == 1 and saved[now][key] == 5
    assert "<b>+4</b>" in view.table.value
    assert view.figure.draws == 3


def test_paradox_slider_and_button(wb):
    view = lst_kit.paradox_model("m1.paradox", workbook=wb)
    view.controls["a"].value = 0.5
    before = view.figure.value
    view.redraw_button.click()
    saved = on_disk(wb)["m1.paradox"]
    assert saved["parameters"]["a"] == 0.5 and saved["draw"] == 1
    assert view.figure.value != before
    assert "Illustratief" in view.label.value
    restored = lst_kit.paradox_model("m1.paradox", workbook=wb)
    assert restored.controls["a"].value == 0.5 and restored.model.draw == 1


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


def test_broken_content_file_gives_a_banner_naming_file_and_field(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(data_dir(), tmp_path / "data")
    path = tmp_path / "data" / "exercises" / "m1" / "tijdlijn.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["events"][1]["year"] = "tweeduizend"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    widget = lst_kit.timeline_tagger("m1.tijdlijn", workbook=open_workbook("anna", tmp_path / "wb"))
    assert isinstance(widget, ErrorBanner)
    assert "tijdlijn.yaml" in widget.message and "events[1].year" in widget.message and "'tweeduizend'" in widget.message


def test_unexpected_handler_error_is_a_dutch_banner(wb, monkeypatch):
    view = lst_kit.paradox_model("m1.paradox", workbook=wb)

    def boom(*a, **k):
        raise ZeroDivisionError("deling door nul")

    monkeypatch.setattr(view.model, "simulate", boom)
    view.controls["d"].value = 0.9
    assert "Er ging iets mis" in view.banner.message and "ZeroDivisionError" in view.banner.message
    assert on_disk(wb)["m1.paradox"]["parameters"]["d"] == 0.9  # the answer itself was saved


def test_figure_box_has_text_alternative():
    from lst_kit.figures.style import new_figure

    box = FigureBox()
    box.show(new_figure(), alt='een "grafiek" <met> tekens', caption="bijschrift")
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
