"""Module 6: the dilemma cards and the learning plan (models, headless views),
and the portfolio button."""

import json
import shutil

import pytest
from _svg import svg_picture
import yaml

import lst_kit
from lst_kit.paths import data_dir
from lst_kit.content import ContentError, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.dilemmas import DilemmaChoices, summary_text
from lst_kit.exercises.learning_plan import LearningPlan, prefill
from lst_kit.widgets import ErrorBanner
from lst_kit.workbook import open_workbook


@pytest.fixture
def wb(tmp_path):
    return open_workbook("anna", tmp_path / "wb")


def on_disk(wb):
    return json.loads(wb.path.read_text(encoding="utf-8"))["answers"]


# -- dilemma cards: content ----------------------------------------------------------------------

def test_shipped_cards_follow_the_brief():
    spec = load_spec("m6.dilemmas")
    assert 6 <= len(spec.cards) <= 8
    assert [d.key for d in spec.dimensions] == ["oordeelsvorming", "positionering", "beeldvorming"]
    rules = {r.key for r in spec.rules}
    assert {"ba_a", "ba_b", "ba_c", "zes_weken", "kamer_informeren", "kaderwet"} <= rules
    used = {key for card in spec.cards for key in card.rules}
    assert {"ba_a", "ba_b", "ba_c", "zes_weken", "kamer_informeren", "kaderwet"} <= used
    for card in spec.cards:
        positions = [o.position for o in card.options]
        assert min(positions) == spec.scale.min and max(positions) == spec.scale.max, card.key
        assert card.prompt.endswith("?") and card.explanation


def test_dilemma_spec_with_case_shows_the_policy_tension(tmp_path, monkeypatch):
    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "data" / "exercises" / "m6" / "dilemmas.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["case"] = "nvwa_maaltijdplatforms"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    spec = load_spec("m6.dilemmas")
    assert spec.case.case_id == "nvwa_maaltijdplatforms" and "innovatievriendelijke" in spec.case.hook
    view = lst_kit.independence_dilemmas("m6.dilemmas", workbook=open_workbook("anna", tmp_path / "wb"))
    assert "Casus: NVWA · Maaltijd aan huis." in view.body.children[0].value
    doc["case"] = "bestaat_niet"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError, match="'case'.*bestaat_niet"):
        load_spec("m6.dilemmas")


# -- dilemma cards: model -------------------------------------------------------------------------

def test_choices_positions_and_profile():
    spec = load_spec("m6.dilemmas")
    model = DilemmaChoices(spec)
    assert model.mean() is None and summary_text(model).startswith("Nog geen van de 8 kaarten")
    first, second, third = spec.cards[:3]
    model.choose(first.key, next(o.key for o in first.options if o.position == 5))
    model.choose(second.key, next(o.key for o in second.options if o.position == 1))
    model.choose(third.key, next(o.key for o in third.options if o.position == 4))
    assert model.positions() == {first.key: 5, second.key: 1, third.key: 4}
    assert model.mean() == pytest.approx(10 / 3)
    dims = model.by_dimension()
    assert dims[first.dimension] == 5 and dims[second.dimension] == 1 and dims[third.dimension] == 4
    sharp, loose = model.extremes()
    assert sharp == [first] and loose == [second]
    text = summary_text(model)
    assert "Je koos bij 3 van de 8 kaarten. Gemiddeld trek je de grens op 3,3" in text
    assert f"Het scherpst bij: {first.title}." in text and f"Het meest meebewegend bij: {second.title}." in text
    saved = model.to_dict()
    assert list(saved["choices"]) == [first.key, second.key, third.key]
    assert DilemmaChoices.from_dict(spec, saved).positions() == model.positions()


def test_bad_choice_is_refused_and_the_model_unchanged():
    spec = load_spec("m6.dilemmas")
    model = DilemmaChoices(spec)
    card = spec.cards[0]
    model.choose(card.key, card.options[0].key)
    with pytest.raises(InputError, match="Dilemmakaart: toegestaan is .*ingevuld was: geen_kaart"):
        model.choose("geen_kaart", "x")
    with pytest.raises(InputError, match=f"{card.title}: toegestaan is .*ingevuld was: geen_optie"):
        model.choose(card.key, "geen_optie")
    assert model.choices == {card.key: card.options[0].key}
    restored = DilemmaChoices.from_dict(spec, {"choices": {"geschrapt": "a", card.key: "weg", spec.cards[1].key:
                                                           spec.cards[1].options[1].key}})
    assert restored.choices == {spec.cards[1].key: spec.cards[1].options[1].key}


# -- dilemma cards: view ----------------------------------------------------------------------------

def test_dilemma_view_shows_the_rule_only_after_choosing_and_saves(wb):
    view = lst_kit.independence_dilemmas("m6.dilemmas", workbook=wb)
    card = view.spec.cards[1]
    assert view.rule_boxes[card.key].value == ""
    assert view.figure.draws == 1 and "Nog geen van de 8 kaarten" in view.figure.value
    option = card.options[2]
    view.radios[card.key].value = option.key
    assert on_disk(wb)["m6.dilemmas"] == {"choices": {card.key: option.key}}
    box = view.rule_boxes[card.key].value
    for key in card.rules:
        assert view.spec.rule(key).label in box
    assert "Voor het gesprek:" in box and "zes weken" in box
    assert view.cards.titles[1].endswith("✓") and not view.cards.titles[0].endswith("✓")
    assert view.figure.draws == 2 and f"Gemiddeld trek je de grens op {option.position},0" in view.figure.value
    assert 'alt="Stippendiagram' in view.figure.value
    assert "1 van 8 kaarten gekozen" in view.progress.value
    again = lst_kit.independence_dilemmas("m6.dilemmas", workbook=open_workbook("anna", wb.folder))
    assert again.radios[card.key].value == option.key and again.rule_boxes[card.key].value == box
    assert again.indicator.state == "loaded"


def test_dilemma_view_guard_keeps_the_saved_answer(wb, monkeypatch):
    view = lst_kit.independence_dilemmas("m6.dilemmas", workbook=wb)
    card = view.spec.cards[0]
    view.radios[card.key].value = card.options[0].key
    view.guard(view._on_choice)(card.key, "geen_optie")
    assert "toegestaan is" in view.banner.message and "geen_optie" in view.banner.message
    assert on_disk(wb)["m6.dilemmas"] == {"choices": {card.key: card.options[0].key}}


def test_broken_dilemma_file_gives_a_banner(tmp_path, monkeypatch):
    shutil.copytree(data_dir(), tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "data" / "exercises" / "m6" / "dilemmas.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["cards"][2]["options"][0]["position"] = 9
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    widget = lst_kit.independence_dilemmas("m6.dilemmas", workbook=open_workbook("anna", tmp_path / "wb"))
    assert isinstance(widget, ErrorBanner)
    assert "dilemmas.yaml" in widget.message and "cards[2].options[0].position" in widget.message and "9" in widget.message


# -- learning plan ----------------------------------------------------------------------------------

def test_prefill_names_missing_modules_and_uses_summaries():
    spec = load_spec("m6.wat_neem_je_mee")
    dilemmas = load_spec("m6.dilemmas")
    card = dilemmas.cards[0]
    answers = {
        "m6.dilemmas": {"choices": {card.key: card.options[-1].key}},
        # Module 4 has landed: its own summarize hook reads the pyramid answer
        "m4.piramide": {"segment": "D", "mix": {"D": ["proces_verbaal", "intrekking_vergunning"]}},
    }
    sections = {p.section.key: p for p in prefill(spec, answers)}
    assert not sections["probleem"].filled
    assert sections["probleem"].note() == "Nog niet ingevuld in module 2."
    assert sections["risicos"].note() == "Nog niet ingevuld in module 3."
    grens = sections["grens"]
    assert grens.filled and grens.lines[0].startswith("Je koos bij 1 van de 8 kaarten")
    assert len(grens.lines) <= spec.max_lines
    mix = sections["interventiemix"]
    assert mix.filled and mix.missing == ("m4.interventiematrix",)
    assert mix.lines == ("Oefening: je handhavingspiramide per segment:",
                         "  Segment D Notoir of crimineel: treden 4 tot 6, 2 interventies; lege treden: 5.")


def test_learning_plan_model_validates_and_round_trips():
    spec = load_spec("m6.wat_neem_je_mee")
    plan = LearningPlan(spec)
    plan.set_text("leerdoelen", "Risico's beter afwegen.")
    with pytest.raises(InputError, match="Tekstvak"):
        plan.set_text("bestaat_niet", "x")
    with pytest.raises(InputError, match="Mijn volgende stappen: toegestaan is tekst van hoogstens 20000 tekens"):
        plan.set_text("volgende_stappen", "x" * 20001)
    plan.take_over(prefill(spec, {}))
    saved = plan.to_dict()
    assert saved["fields"] == {"leerdoelen": "Risico's beter afwegen."}
    assert saved["prefill"]["signaal"] == {"label": "Eén signaal aan beleid", "lines": ["Nog niet ingevuld in module 5."],
                                           "filled": False}
    assert LearningPlan.from_dict(spec, saved).to_dict() == saved


def test_learning_plan_view_prefills_saves_as_typed_and_refreshes(wb):
    view = lst_kit.learning_plan("m6.wat_neem_je_mee", workbook=wb)
    assert "Nog niet ingevuld in module 2." in view.earlier.value
    assert "Nog niet ingevuld in module 6." in view.earlier.value  # no dilemmas yet
    view.text_areas["leerdoelen"].value = "Ik wil <b>signalen</b> beter agenderen."
    saved = on_disk(wb)["m6.wat_neem_je_mee"]
    assert saved["fields"] == {"leerdoelen": "Ik wil <b>signalen</b> beter agenderen."}
    assert "7 woorden" in view.counts["leerdoelen"].value and view.indicator.state == "saved"
    card = load_spec("m6.dilemmas").cards[0]
    wb.save_answer("m6.dilemmas", {"choices": {card.key: card.options[0].key}})
    view.refresh_button.click()
    assert "Je koos bij 1 van de 8 kaarten" in view.earlier.value
    assert on_disk(wb)["m6.wat_neem_je_mee"]["prefill"]["grens"]["filled"] is True
    view.text_areas["volgende_stappen"].value = "x" * 20001
    assert "20001 tekens" in view.banner.message
    assert "volgende_stappen" not in on_disk(wb)["m6.wat_neem_je_mee"]["fields"]
    again = lst_kit.learning_plan("m6.wat_neem_je_mee", workbook=open_workbook("anna", wb.folder))
    assert again.text_areas["leerdoelen"].value == "Ik wil <b>signalen</b> beter agenderen."


def test_learning_plan_summary_for_the_portfolio():
    answer = {"fields": {"leerdoelen": "Doel  één.", "volgende_stappen": ""},
              "prefill": {"grens": {"label": "x", "lines": ["Lijn 1", "Lijn 2"], "filled": True},
                          "signaal": {"lines": ["Nog niet ingevuld in module 5."], "filled": False}}}
    lines = lst_kit.exercises.learning_plan.summarize("m6.wat_neem_je_mee", answer)
    assert lines == ["Mijn persoonlijke leerdoelen: Doel één.",
                     "Waar jij de grens trekt (onafhankelijkheid): Lijn 1; Lijn 2"]


# -- portfolio button --------------------------------------------------------------------------------

def test_portfolio_button_writes_next_to_the_workbook(wb):
    wb.save_answer("m1.reflectie_wrr", {"text": "<script>alert(1)</script> mijn tekst"})
    button = lst_kit.portfolio_button("anna", wb.folder)
    assert button.path is None
    button.button.click()
    expected = wb.folder / "anna-portfolio.html"
    assert button.path == expected and expected.is_file()
    html = expected.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; mijn tekst" in html and "<script" not in html
    assert str(expected) in button.result.value and "download='anna-portfolio.html'" in button.result.value
    assert "data:text/html;base64," in button.result.value


def test_portfolio_button_reports_a_missing_workbook_in_dutch(tmp_path):
    button = lst_kit.portfolio_button("niemand", tmp_path)
    button.button.click()
    assert "Er is geen werkboek van deelnemer 'niemand'" in button.banner.message
    assert button.path is None and list(tmp_path.iterdir()) == []


# -- class pictures (svgplot, no matplotlib) ---------------------------------------------------------

def _hex(rgba):
    return "#" + "".join(f"{round(255 * v):02x}" for v in rgba[:3])


def test_dilemma_class_picture_splits_each_card_by_position_with_a_legend_of_the_steps():
    from lst_kit.reports import readings as hooks
    from lst_kit.figures import svgplot

    spec = load_spec("m6.dilemmas")
    card = spec.cards[0]
    low, high = min(card.options, key=lambda o: o.position), max(card.options, key=lambda o: o.position)
    answers = {"a": {"choices": {card.key: low.key}}, "b": {"choices": {card.key: high.key}},
               "c": {"choices": {card.key: high.key}}, "d": "geen dict"}
    fig, lines = hooks.class_picture("m6.dilemmas", answers)
    mean = (low.position + 2 * high.position) / 3
    assert any(line.startswith(card.title) and "(2 van 3)" in line for line in lines)
    root, texts = svg_picture(fig)
    assert "Gekozen reacties per kaart (kleur = plaats op de schaal)" in texts
    assert "gem. " + f"{mean:.1f}".replace(".", ",") in texts
    cmap, lo, hi = svgplot.colormap("cividis"), spec.scale.min, spec.scale.max
    shade = {v: _hex(cmap((v - lo) / (hi - lo))) for v in range(lo, hi + 1)}
    bars = [r for r in root.iterfind(".//s:g/s:rect", {"s": "http://www.w3.org/2000/svg"})
            if r.get("fill") in shade.values()]
    assert [r.get("fill") for r in bars] == [shade[low.position], shade[high.position]]  # only the chosen card
    widths = [float(r.get("width")) for r in bars]
    assert widths[1] == pytest.approx(2 * widths[0], rel=0.01)  # one third and two thirds
    # no colorbar: a legend with one square per step of the scale, in order, the ends named
    keys = [r.get("fill") for r in root.iter("{http://www.w3.org/2000/svg}rect")
            if r.get("width") == "16" and r.get("fill") in shade.values()]
    assert keys == [shade[v] for v in range(lo, hi + 1)]
    assert any(x.startswith(f"{lo} = ") and x.replace(" ", "").endswith(spec.scale.low.replace(" ", "")) for x in texts)
    assert any(x.startswith(f"{hi} = ") and x.replace(" ", "").endswith(spec.scale.high.replace(" ", "")) for x in texts)


def test_learning_plan_class_picture_shows_how_often_each_section_was_prefilled():
    from lst_kit.reports import readings as hooks
    from lst_kit.figures.style import PALETTE

    spec = load_spec("m6.wat_neem_je_mee")
    filled = {"label": "x", "lines": ["regel"], "filled": True}
    answers = {"a": {"prefill": {"grens": filled, "signaal": filled}}, "b": {"prefill": {"grens": filled}},
               "c": {"fields": {"leerdoelen": "Alleen tekst."}}}
    fig, lines = hooks.class_picture("m6.wat_neem_je_mee", answers)
    assert lines[0] == "3 deelnemers werkten aan hun leerplan. Hun leerdoelen en volgende stappen:"
    root, texts = svg_picture(fig)
    assert "Welke onderdelen van het leerplan konden worden ingevuld?" in texts
    assert "deelnemers met eerdere antwoorden voor dit onderdeel (%, n = 2)" in texts  # c has no snapshot
    assert {"100%", "50%", "0%"} <= set(texts)
    assert all(s.label in texts for s in spec.sections)
    bars = {round(float(r.get("width")), 1) for r in root.iter("{http://www.w3.org/2000/svg}rect")
            if r.get("fill", "").lower() == PALETTE[0].lower()}
    assert len(bars) == 3 and max(bars) == pytest.approx(2 * sorted(bars)[1], abs=0.2)  # 100 %, 50 % and 0 %
    assert hooks.class_picture("m6.wat_neem_je_mee", {"c": answers["c"]})[0] is None  # nothing pre-filled: no picture


def test_dilemma_profile_marks_each_chosen_position_and_names_the_open_cards():
    import xml.etree.ElementTree as ET

    from lst_kit.figures import svgplot
    from lst_kit.exercises.dilemmas import plot_profile

    spec = load_spec("m6.dilemmas")
    model = DilemmaChoices(spec)
    first, second = spec.cards[:2]
    model.choose(first.key, next(o.key for o in first.options if o.position == 5))
    model.choose(second.key, next(o.key for o in second.options if o.position == 1))
    fig = plot_profile(model)
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts.count("nog niet gekozen") >= len(spec.cards) - 2  # every open card says so
    assert {d.label for d in spec.dimensions} <= set(texts) and "Waar jij de grens trekt, per kaart" in texts
    # the chosen position of the first card lies right of the second's (5 against 1 on the same scale)
    lines = [p for p in root.iter("{http://www.w3.org/2000/svg}polyline") if p.get("stroke-opacity") == "0.6"]
    ends = sorted(float(p.get("points").split()[-1].split(",")[0]) for p in lines)
    assert len(ends) == 2 and ends[1] > ends[0]
