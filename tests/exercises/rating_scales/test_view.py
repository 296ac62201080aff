"""A set of rating scales, the view (headless)."""

import json

import pytest

import lst_kit
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


def test_rating_scales_save_each_rating(wb):
    view = lst_kit.rating_scales("m1.wrr_nadrukken", workbook=wb)
    keys = [i.key for i in view.spec.items]
    assert all(view.controls[k].value is None for k in keys)  # likert: nothing chosen yet
    view.controls[keys[0]].value = 4
    view.controls[keys[1]].value = 2
    assert on_disk(wb)["m1.wrr_nadrukken"] == {"ratings": {keys[0]: 4, keys[1]: 2}}
    assert f"2 van {len(keys)}" in view.summary.value
    again = lst_kit.rating_scales("m1.wrr_nadrukken", workbook=wb)
    assert again.controls[keys[1]].value == 2 and again.model.values == {keys[0]: 4, keys[1]: 2}


def test_slider_style_starts_mid_scale_and_saves(wb, data):
    import yaml

    path = data / "exercises" / "m1" / "wrr_nadrukken.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["style"] = "slider"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    view = lst_kit.rating_scales("m1.wrr_nadrukken", workbook=wb)
    key = view.spec.items[0].key
    assert view.controls[key].value == 3  # (1 + 5) // 2, not yet saved
    view.controls[key].value = 5
    assert on_disk(wb)["m1.wrr_nadrukken"] == {"ratings": {key: 5}}
