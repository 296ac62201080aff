"""Module 4 models without Jupyter: Tafel van Elf indices and weakest
dimensions, the deterrence arithmetic, the intervention matrix and the
enforcement pyramid, plus the optional hooks."""

import math
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from _svg import SVG, svg_picture

from lst_kit.content.cases import T11_KEYS, load_case, load_t11
from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.exercises import enforcement_pyramid as ep
from lst_kit.exercises import intervention_matrix as im
from lst_kit.exercises import tafel_van_elf as tve
from lst_kit.figures import svgplot
from lst_kit.figures.style import PALETTE



# -- Tafel van Elf: indices and weakest dimensions -----------------------------------------

def profile(**scores):
    base = {key: 3 for key in T11_KEYS}
    base.update(scores)
    return base


def test_group_indices_of_the_ilt_skippers_follow_the_brief():
    # brief §7, case C: T1 4; T2 1; T3 2; T4 3; T5 2; T6 3; T7 2; T8 1; T9 2; T10 2; T11 3
    group = load_case("ilt_ontgassen_binnenvaart").target_groups[0]
    scores = {key: group.t11[key].score for key in T11_KEYS}
    assert scores == {"T1": 4, "T2": 1, "T3": 2, "T4": 3, "T5": 2, "T6": 3, "T7": 2, "T8": 1, "T9": 2,
                      "T10": 2, "T11": 3}
    indices = tve.group_indices(scores, load_t11())
    assert indices == pytest.approx({"spontaan": 12 / 5, "controle": 8 / 4, "sanctie": 5 / 2})


@pytest.mark.parametrize("scores, n, expected", [
    (profile(), 3, ["T1", "T2", "T3"]),                               # all equal: T order
    (profile(T5=1, T2=1, T11=2), 3, ["T2", "T5", "T11"]),             # ties broken by T order
    (profile(T10=1, T9=1, T1=2, T8=2), 3, ["T9", "T10", "T1"]),       # T9 before T10, not "T10" < "T9" as text
    (profile(T7=5, T3=1), 1, ["T3"]),
])
def test_weakest_dimensions_are_deterministic(scores, n, expected):
    assert tve.weakest_dimensions(scores, n) == expected


# -- the deterrence arithmetic ---------------------------------------------------------------

def test_expected_sanction_case_c_numbers():
    # brief §7 case C: gain 4000, detection 0.02, sanction chance 0.5, fine 20000 -> 200; sensors to 0.2 -> 2000
    assert tve.expected_sanction(0.02, 0.5, 20000) == pytest.approx(200)
    assert tve.expected_sanction(0.2, 0.5, 20000) == pytest.approx(2000)
    assert tve.break_even_detection(4000, 0.5, 20000).value == pytest.approx(0.4)


def test_expected_sanction_with_report_chance_uses_the_brief_formula():
    # [1 - (1-P6)(1-P)] * P10 * S11
    assert tve.expected_sanction(0.02, 0.5, 20000, report=0.1) == pytest.approx((1 - 0.9 * 0.98) * 0.5 * 20000)
    assert tve.expected_sanction(0.3, 0.5, 1000, report=0.0) == pytest.approx(tve.expected_sanction(0.3, 0.5, 1000))


@pytest.mark.parametrize("gain, sanction, fine, report, needed", [
    (4000, 0.5, 20000, None, 0.4),
    (1500, 0.5, 1500, None, 2.0),            # NVWA case: even certain detection gives only 750
    (0, 0.5, 1000, None, 0.0),
    (100, 0.0, 1000, None, math.inf),
    (4000, 0.5, 20000, 0.5, 0.0),            # reports alone already give 0.5 >= 0.4
    (4000, 0.5, 20000, 0.1, 1 - 0.6 / 0.9),
])
def test_break_even_detection(gain, sanction, fine, report, needed):
    be = tve.break_even_detection(gain, sanction, fine, report)
    assert be.needed == pytest.approx(needed)
    assert be.reachable is (needed <= 1)
    assert be.value == pytest.approx(min(needed, 1.0))
    if be.reachable and 0 < be.value:
        assert tve.expected_sanction(be.value, sanction, fine, report) == pytest.approx(gain)


def test_unreachable_break_even_is_capped_with_a_clear_message():
    calc = tve.Deterrence(gain=1500, detection=0.03, sanction=0.5, fine=1500)
    assert not calc.break_even().reachable and calc.break_even().value == 1.0
    text = tve.deterrence_summary(calc)
    assert "Zelfs bij een ontdekkingskans van 100%" in text and "€ 750" in text
    calc.fine = 20000
    assert "Omslagpunt: vanaf een ontdekkingskans van 15%" in tve.deterrence_summary(calc)


def test_euro_and_percentage_formats():
    assert tve.eur(4000) == "€ 4.000" and tve.eur(1234567.4) == "€ 1.234.567"
    assert tve.pct(0.4) == "40%" and tve.pct(0.025) == "2,5%" and tve.pct(1 / 3) == "33%"


# -- the T11 profile model -----------------------------------------------------------------------

@pytest.fixture
def t11():
    return load_spec("m4.tafel_van_elf"), load_t11(), tve.load_mapping()


def test_profile_starts_from_case_scores_and_keeps_edits_per_case_and_group(t11):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    assert (model.focus, model.compare) == ("schippers", "verladers")
    assert model.profile()["T2"] == 1
    model.set_score("schippers", "T2", 4)
    assert model.profile()["T2"] == 4 and model.profile("verladers")["T2"] == 2
    model.set_case(load_case("nvwa_maaltijdplatforms"))
    assert model.focus == "thuiskoks" and model.profile()["T7"] == 1
    model.set_score("thuiskoks", "T7", 3)
    saved = model.to_dict()
    assert saved["case"] == "nvwa_maaltijdplatforms"
    assert saved["scores"]["ilt_ontgassen_binnenvaart"]["schippers"] == {"T2": 4}
    assert saved["scores"]["nvwa_maaltijdplatforms"]["thuiskoks"]["T7"] == 3
    again = tve.T11Profile.from_dict(spec, ref, mapping, saved)
    again.set_case(load_case("ilt_ontgassen_binnenvaart"))
    assert again.profile("schippers")["T2"] == 4


def test_profile_weakest_uses_the_teacher_mapping(t11):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    weakest = model.weakest()
    assert [w[0] for w in weakest] == ["T2", "T8", "T3"]
    assert weakest[0][2] == mapping.families["T2"] and weakest[0][1] == 1


@pytest.mark.parametrize("value", [0, 6, 2.5, "3", True, None])
def test_bad_score_is_refused_in_dutch_and_the_model_is_unchanged(t11, value):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    before = model.to_dict()
    with pytest.raises(InputError) as info:
        model.set_score("schippers", "T4", value)
    message = str(info.value)
    assert "T4 Normgetrouwheid doelgroep" in message and "geheel getal van 1 tot en met 5" in message
    assert "Je eerdere antwoorden zijn bewaard" in message
    assert model.to_dict() == before


@pytest.mark.parametrize("name, value, allowed", [
    ("detection", 1.5, "een kans van 0 tot en met 1"),
    ("sanction", -0.1, "een kans van 0 tot en met 1"),
    ("gain", -10, "een bedrag in euro's"),
    ("fine", math.nan, "een bedrag in euro's"),
    ("fine", "veel", "een bedrag in euro's"),
])
def test_bad_calculator_input_is_refused(t11, name, value, allowed):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    before = model.calculator().to_dict()
    with pytest.raises(InputError, match=allowed):
        model.set_deterrence(name, value)
    assert model.calculator().to_dict() == before


def test_calculator_prefills_from_the_case_or_the_spec(t11):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case("ilt_ontgassen_binnenvaart"))
    assert model.calculator().to_dict()["fine"] == 20000
    model.set_case(load_case("kinderopvang_bso_personeelstekort"))   # no deterrence block
    assert model.calculator().gain == spec.deterrence.gain
    model.set_deterrence("use_report", True)
    model.set_deterrence("report", 0.2)
    assert model.calculator().expected() == pytest.approx(
        tve.expected_sanction(spec.deterrence.detection, spec.deterrence.sanction, spec.deterrence.fine, 0.2))


def test_from_dict_survives_odd_answers(t11):
    spec, ref, mapping = t11
    for odd in (None, [], "x", {"case": "bestaat_niet"}, {"scores": {"ilt_ontgassen_binnenvaart": {"schippers": {
            "T1": 9, "T2": "2", "T99": 1, "T3": 5}}}, "focus": "niemand", "deterrence": {"x": {"gain": -1}}}):
        model = tve.T11Profile.from_dict(spec, ref, mapping, odd)
        assert model.case.case_id == spec.default_case and model.focus == "schippers"
    assert model.profile()["T3"] == 5 and model.profile()["T1"] == 4


def _points(el) -> list[tuple[float, float]]:
    return [tuple(map(float, xy.split(","))) for xy in el.get("points").split()]


def test_radar_shows_each_profile_at_its_scores_with_the_start_dotted_and_the_groups_named(t11):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    start = model.case_profile()
    model.set_score("schippers", "T1", 1)
    model.set_score("schippers", "T5", 5)
    fig = tve.plot_radar(ref, tve._shown_profiles(model), start)
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    spoke = next(el for el in root.iter(SVG + "line") if el.get("stroke") == "#d0d0d0")
    cx, cy = float(spoke.get("x1")), float(spoke.get("y1"))
    lines = [el for el in root.iter(SVG + "polyline") if len(_points(el)) == 12]   # closed: 11 dimensions + 1

    def by_colour(colour):
        return next(el for el in lines if el.get("stroke") == colour.lower())

    focus, compare, dotted = by_colour(PALETTE[0]), by_colour(PALETTE[1]), by_colour("#555555")
    for el, scores in ((focus, model.profile("schippers")), (compare, model.profile("verladers")), (dotted, start)):
        pts = _points(el)
        assert pts[0] == pts[-1]
        radii = [math.hypot(x - cx, y - cy) for x, y in pts[:-1]]
        unit = radii[0] / scores["T1"]
        assert radii == pytest.approx([unit * scores[k] for k in T11_KEYS], abs=0.05)
    first, second = _points(focus)[:2]
    assert first[0] == pytest.approx(cx) and first[1] < cy and second[0] > cx   # T1 on top, clockwise
    # without colour: solid + circles, dashed + squares, the start dotted
    assert focus.get("stroke-dasharray") is None and compare.get("stroke-dasharray") and dotted.get("stroke-dasharray")
    assert sum(1 for c in root.iter(SVG + "circle") if c.get("fill") == PALETTE[0].lower()) >= 11
    assert sum(1 for r in root.iter(SVG + "rect") if r.get("fill") == PALETTE[1].lower()) >= 11
    # three shaded group sectors, named in italics; title and legend
    wedges = [el for el in root.iter(SVG + "polygon") if el.get("fill") in ("#f2f2f2", "#ffffff", "#e6e6e6")]
    assert len(wedges) == 3
    italic = ["".join(el.itertext()) for el in root.iter(SVG + "text") if el.get("font-style") == "italic"]
    assert italic == [g.label for g in ref.groups]
    assert "Nalevingsprofiel (Tafel van Elf)" in texts
    for label in ("Startscores uit de casus", model.group("schippers").name, model.group("verladers").name):
        assert label in texts
    # without a start line: no dotted line and no legend entry for it
    plain = ET.fromstring(tve.plot_radar(ref, tve._shown_profiles(model)[:1]).to_svg())
    assert "Startscores uit de casus" not in ["".join(el.itertext()) for el in plain.iter(SVG + "text")]
    assert not [el for el in plain.iter(SVG + "polyline") if el.get("stroke") == "#555555"]


def test_deterrence_plot_shows_gain_line_current_point_and_break_even(t11):
    calc = tve.Deterrence(gain=4000, detection=0.02, sanction=0.5, fine=20000)
    root = ET.fromstring(tve.plot_deterrence(calc).to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    assert "Verwachte sanctie tegenover het voordeel (illustratief)" in texts
    for label in ("verwachte sanctie", "voordeel van overtreden", "huidige ontdekkingskans", "omslagpunt (40%)",
                  "ontdekkingskans", "euro per overtreding", "0%", "100%", "€ 0", "€ 10.000"):
        assert label in texts
    assert "zonder meldingen" not in texts   # no reports used
    curve = next(el for el in root.iter(SVG + "polyline") if el.get("stroke") == PALETTE[0].lower()
                 and len(_points(el)) == 101)
    ys = [y for _, y in _points(curve)]
    assert ys[0] > ys[-1]   # the expected sanction rises with the detection chance
    gain = next(el for el in root.iter(SVG + "polyline") if el.get("stroke") == PALETTE[5].lower()
                and len(_points(el)) == 2 and _points(el)[1][0] - _points(el)[0][0] > 100)   # not its legend key
    # gain 4000 against 10000 at certain detection: the gain line lies at 40% of the curve's rise
    y_gain = _points(gain)[0][1]
    assert (ys[0] - y_gain) / (ys[0] - ys[-1]) == pytest.approx(0.4, abs=0.01)
    unreachable = tve.Deterrence(gain=40000, detection=0.02, sanction=0.5, fine=20000)
    texts = ["".join(el.itertext()) for el in ET.fromstring(tve.plot_deterrence(unreachable).to_svg()).iter(SVG + "text")]
    assert not any(x.startswith("omslagpunt") for x in texts)


# -- intervention matrix ----------------------------------------------------------------------

@pytest.fixture
def setup():
    return im.load_matrix_setup("m4.interventiematrix")


def test_setup_has_sixteen_cells_and_a_full_reference(setup):
    assert setup.spec.cell_keys[:5] == ["A1", "A2", "A3", "A4", "B1"] and len(setup.spec.cell_keys) == 16
    assert [s.label for s in setup.spec.segments] == ["Goedwillend", "Onverschillig", "Calculerend",
                                                       "Notoir of crimineel"]
    assert setup.spec.classes[3].label == "Aanzienlijk, dreigend en/of onomkeerbaar"   # LHS 2014 wording
    assert set(setup.reference.cells) == set(setup.spec.cell_keys)
    assert {i.level for i in setup.catalogue.items} == set(range(1, 7))


def test_placement_keeps_catalogue_order_and_refuses_unknown_interventions(setup):
    model = im.InterventionMatrix(setup)
    model.place("B3", ["bestuurlijke_boete", "waarschuwing", "bestuurlijke_boete"])
    assert model.get("B3") == ("waarschuwing", "bestuurlijke_boete")
    assert model.level_range("B3") == (2, 3)
    model.toggle("B3", "proces_verbaal", True)
    model.toggle("B3", "waarschuwing", False)
    assert model.get("B3") == ("bestuurlijke_boete", "proces_verbaal")
    with pytest.raises(InputError, match="een id uit .*interventiecatalogus.yaml"):
        model.place("B3", ["preek"])
    with pytest.raises(InputError, match="Cel"):
        model.place("E1", ["informatie"])
    with pytest.raises(InputError):
        model.place("B3", "informatie")   # a string is not a list of ids
    assert model.get("B3") == ("bestuurlijke_boete", "proces_verbaal")
    model.place("B3", [])
    assert "B3" not in model.cells and model.level_range("B3") is None


def test_comparison_against_the_reference(setup):
    model = im.InterventionMatrix(setup)
    empty = model.comparison()
    assert empty.equal == 0 and empty.total == 16 and empty.consistency == 0.0
    for cell, ids in setup.reference.cells.items():
        model.place(cell, ids)
    assert model.comparison().consistency == 1.0 and model.comparison().differences == ()
    model.toggle("C3", "proces_verbaal", False)
    model.toggle("C3", "strafbeschikking", True)
    comp = model.comparison()
    assert (comp.equal, comp.total) == (15, 16) and comp.consistency == pytest.approx(15 / 16)
    (diff,) = comp.differences
    assert diff == im.Difference("C3", ("strafbeschikking",), ("proces_verbaal",))
    assert im.summary_text(model) == "16 van de 16 cellen ingevuld; 15 cellen (94%) gelijk aan de referentie."


@pytest.mark.parametrize("situation, factors, suggested, criminal", [
    ("A2", [], "A2", False),
    ("A2", ["recidive"], "B2", True),
    ("A2", ["recidive", "financieel_gewin"], "C2", True),
    ("A2", ["obstructie"], "B2", False),
    ("A2", ["recidive", "financieel_gewin", "obstructie"], "D2", True),
    ("C4", ["recidive", "obstructie"], "D4", True),     # capped at the heaviest row
    ("D1", ["financieel_gewin"], "D1", True),
])
def test_aggravating_factors_shift_the_suggested_cell(setup, situation, factors, suggested, criminal):
    model = im.InterventionMatrix(setup)
    model.set_situation(situation)
    for key in factors:
        model.set_factor(key, True)
    assert model.suggested() == suggested and model.criminal_track() is criminal
    for key in factors:
        model.set_factor(key, False)
    assert model.suggested() == situation


def test_aggravating_factor_and_situation_refuse_bad_input(setup):
    model = im.InterventionMatrix(setup)
    with pytest.raises(InputError, match="Verzwarende omstandigheid"):
        model.set_factor("haast", True)
    with pytest.raises(InputError):
        model.set_factor("recidive", "ja")
    with pytest.raises(InputError, match="Cel"):
        model.set_situation("Z9")
    assert model.factors == [] and model.situation == "A1"


def test_matrix_round_trip_drops_what_the_teacher_removed(setup):
    model = im.InterventionMatrix(setup)
    model.place("D4", ["proces_verbaal", "intrekking_vergunning"])
    model.set_situation("C2")
    model.set_factor("obstructie", True)
    saved = model.to_dict()
    assert saved == {"cells": {"D4": ["proces_verbaal", "intrekking_vergunning"]}, "situation": "C2",
                     "factors": ["obstructie"]}
    saved["cells"]["A1"] = ["verdwenen_interventie", "informatie"]
    saved["cells"]["Q7"] = ["informatie"]
    again = im.InterventionMatrix.from_dict(setup, saved)
    assert again.get("A1") == ("informatie",) and "Q7" not in again.cells
    assert again.suggested() == "D2"
    assert im.InterventionMatrix.from_dict(setup, "onzin").cells == {}


def _cell_texts(root) -> dict[str, str]:
    """Cell key (with its = or ≠ mark) -> the texts drawn in that cell, in order."""
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    return {texts[i].split()[0]: texts[i:i + 3] for i in range(len(texts) - 2)
            if texts[i].strip() and len(texts[i].split()[0]) == 2 and texts[i + 1].startswith(("niveau", "–"))}


def test_matrix_picture_shows_cells_marks_frames_and_the_colour_scale(setup):
    model = im.InterventionMatrix(setup)
    for cell, ids in setup.reference.cells.items():
        model.place(cell, list(ids))
    model.place("A1", ["nudge", "informatie"])
    model.place("C3", [])
    model.place("D4", [i.id for i in setup.catalogue.items])   # more than fits: "+n meer"
    fig = im.plot_matrix(setup, model.cells, "B2", "C2")
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    cells = _cell_texts(root)
    assert cells["A1"] == ["A1  ≠", "niveau 1", "InformerenNudge"]   # tspans: one line per intervention
    assert cells["B2"][0] == "B2  =" and cells["C3"][:2] == ["C3", "–"]
    assert cells["D4"][2].endswith(f"+{len(setup.catalogue.items) - 4} meer")
    assert "Jouw interventiematrix" in texts and "Referentie van het cursusteam (illustratief)" not in texts
    for label in ("Gevolgen van de overtreding", "Gedrag van de overtreder", "hoogste piramideniveau in de cel",
                  "stippelkader: gekozen cel", "dik kader: voorgestelde cel na verzwarende omstandigheden"):
        assert label in texts
    assert [x for x in texts if x in "123456"][-6:] == ["1", "2", "3", "4", "5", "6"]   # the colour scale
    rects = list(root.iter(SVG + "rect"))
    dashed = [r for r in rects if r.get("fill") == "none" and r.get("stroke-dasharray")]
    situation = [r for r in dashed if r.get("stroke") == PALETTE[5].lower()]
    suggested = [r for r in rects if r.get("fill") == "none" and r.get("stroke") == PALETTE[3].lower()]
    assert len(situation) == 1 and len(suggested) == 1 and not suggested[0].get("stroke-dasharray")
    assert len(dashed) == 1 + 2   # the situation and the two differing cells (A1, D4)
    assert float(situation[0].get("y")) > float(suggested[0].get("y"))   # B2 below C2
    assert any(r.get("fill", "").startswith("url(#h") for r in rects)     # the empty cell is hatched
    # the same cells with the reference beside them: two titles, reference cells unmarked
    pair = ET.fromstring(im.plot_matrix(setup, model.cells, show_reference=True).to_svg())
    texts = ["".join(el.itertext()) for el in pair.iter(SVG + "text")]
    assert "Jouw interventiematrix" in texts and setup.reference.title in texts
    assert "A1  ≠" in texts and "A1" in texts and "stippelkader: gekozen cel" not in texts


# -- enforcement pyramid ----------------------------------------------------------------------------

def test_pyramid_reading_levels_gaps_and_beside(setup):
    reading = ep.read_pyramid(setup, ["intrekking_vergunning", "informatie", "bestuurlijke_boete", "signaal_beleid"])
    assert reading.used == [1, 3, 6] and reading.gaps == [2, 4, 5]
    assert reading.by_level[1] == ("informatie",) and reading.beside == ("signaal_beleid",)
    assert (reading.base, reading.top) == (1, 6)
    lines = ep.reading_lines(setup, reading)
    assert any("Lege treden tussen basis en top: 2, 4, 5" in line for line in lines)
    empty = ep.read_pyramid(setup, [])
    assert empty.used == [] and empty.gaps == [] and ep.reading_lines(setup, empty)[0].startswith("Nog geen")


def test_pyramid_picture_names_levels_marks_empty_ones_and_draws_the_arrows(setup):
    reading = ep.read_pyramid(setup, ["intrekking_vergunning", "informatie", "bestuurlijke_boete", "signaal_beleid"])
    fig = ep.plot_pyramid(setup, reading, "Handhavingspiramide voor segment C Calculerend")
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    assert "Handhavingspiramide voor segment C Calculerend" in texts
    assert [x for x in texts if " · " in x] == [f"{lv} · {setup.catalogue.level(lv).label}" for lv in range(1, 7)]
    assert texts.count("(leeg)") == 3 and "sprong" in texts and "Naast de piramide:Signaal aan beleid" in texts
    assert "escaleren alsnaleving uitblijft" in texts   # two lines (tspans)
    levels = [el for el in root.iter(SVG + "polygon") if len(el.get("points").split()) == 4 and el.get("stroke")]
    widths = [float(el.get("points").split()[1].split(",")[0]) - float(el.get("points").split()[0].split(",")[0])
              for el in levels]
    assert len(levels) == 6 and widths == sorted(widths, reverse=True)   # widest at the base
    hatched = [el for el in root.iter(SVG + "polygon") if el.get("fill", "").startswith("url(#h")]
    assert len(hatched) == 3   # the empty levels 2, 4 and 5
    arrows = list(root.iter(SVG + "path"))
    jumps = [a for a in arrows if a.get("stroke") == PALETTE[5].lower()]
    assert len(jumps) == 2 and all(a.get("stroke-dasharray") and "Q" in a.get("d") for a in jumps)   # 1->3, 3->6
    back = [a for a in arrows if a.get("stroke") == "#555555"]
    assert len(back) == 1 and "Q" not in back[0].get("d")   # straight, dotted, down to the base
    one = ET.fromstring(ep.plot_pyramid(setup, ep.read_pyramid(setup, ["informatie"]), "x").to_svg())
    assert not list(one.iter(SVG + "path"))   # one level used: nothing to escalate to
    assert ["".join(el.itertext()) for el in one.iter(SVG + "text")].count("(leeg)") == 5


def test_pyramid_reads_the_matrix_row_or_own_choices(setup):
    spec = load_spec("m4.piramide")
    matrix = {"cells": {"C1": ["waarschuwing"], "C4": ["proces_verbaal", "stillegging"], "A1": ["informatie"]}}
    model = ep.PyramidModel.from_dict(spec, setup, {"segment": "C"}, matrix)
    assert model.source == "matrix" and model.mix() == ("waarschuwing", "proces_verbaal", "stillegging")
    assert model.reading().gaps == [3]
    model.set_source("eigen")
    model.toggle("informatie", True)
    assert model.mix() == ("informatie",)
    saved = model.to_dict()
    assert saved["own"] == {"C": ["informatie"]} and saved["mix"]["C"] == ["informatie"]
    without = ep.PyramidModel.from_dict(spec, setup, saved, None)
    assert without.source == "eigen" and without.mix("C") == ("informatie",)
    with pytest.raises(InputError, match="Interventies"):
        without.set_source("matrix")   # no matrix answer to read from
    with pytest.raises(InputError, match="Segment"):
        without.set_segment("X")


def _in_plot(root):
    """The SVG elements inside the plot areas (legend keys and labels are outside)."""
    return [el for group in root.iter(SVG + "g") for el in group.iter() if el is not group]


# -- optional hooks --------------------------------------------------------------------------------

ODD_ANSWERS = [None, 3, "tekst", [], {}, {"cells": "kapot"}, {"scores": {"x": 1}}, {"mix": {"C": "nee"}}]


@pytest.mark.parametrize("module, exercise_id", [(tve, "m4.tafel_van_elf"), (im, "m4.interventiematrix"),
                                                 (ep, "m4.piramide")])
def test_hooks_never_raise_on_odd_answers(module, exercise_id):
    for answer in ODD_ANSWERS:
        lines = module.summarize(exercise_id, answer)
        assert isinstance(lines, list) and all(isinstance(x, str) and "<" not in x for x in lines)
        module.plot_answer(exercise_id, answer)
    figure, lines = module.class_picture(exercise_id, {"a": None, "b": "x"})
    assert isinstance(lines, list)
    assert module.summarize("m4.bestaat_niet", {}) == [] and module.plot_answer("m4.bestaat_niet", {}) is None


def test_t11_hooks_describe_the_answer(t11):
    spec, ref, mapping = t11
    model = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    model.set_score("schippers", "T7", 5)
    lines = tve.summarize("m4.tafel_van_elf", model.to_dict())
    assert lines[0] == "Casus: ILT · Ontgassen in de binnenvaart."
    assert any("Zwakste dimensies: T2 Kosten/baten (1)" in line for line in lines)
    assert any("€ 200" in line for line in lines)
    assert tve.plot_answer("m4.tafel_van_elf", model.to_dict()) is not None
    other = tve.T11Profile(spec, ref, mapping, load_case(spec.default_case))
    other.set_score("schippers", "T7", 1)
    fig, lines = tve.class_picture("m4.tafel_van_elf", {"p1": model.to_dict(), "p2": other.to_dict()})
    assert fig is not None and "2 deelnemers" in lines[0]
    assert any("meeste spreiding bij T7 Controlekans" in line for line in lines)
    root, texts = svg_picture(fig)
    groups = [g for g in load_case(spec.default_case).target_groups if g.id in model.to_dict()["scores"][
        spec.default_case]]
    assert {"Scores van de groep: gemiddelde en spreiding (kleinste tot grootste)", *T11_KEYS,
            *(g.name for g in groups)} <= set(texts)  # title, a tick per dimension, a legend entry per group
    row = [g.id for g in groups].index("schippers")
    colour = PALETTE[row].lower()
    marks = [el for el in _in_plot(root) if el.get("fill") == colour and el.tag in (SVG + "circle", SVG + "rect")]
    assert len(marks) == len(T11_KEYS)  # the group's mean on every dimension
    whiskers = [el for el in _in_plot(root) if el.tag == SVG + "line" and el.get("stroke") == colour
                and el.get("x1") == el.get("x2") and el.get("y1") != el.get("y2")]
    assert len(whiskers) == 1  # the two profiles differ only on T7 (5 and 1)


def test_matrix_and_pyramid_hooks_describe_the_answer(setup):
    model = im.InterventionMatrix(setup)
    for cell, ids in setup.reference.cells.items():
        model.place(cell, ids)
    model.place("A1", ["nudge"])
    lines = im.summarize("m4.interventiematrix", model.to_dict())
    assert lines[0] == "Consistentie met de referentie: 15 van de 16 cellen gelijk (94%)."
    assert any(line.startswith("Cel A1: alleen bij jou Nudge volgens EAST") for line in lines)
    fig, lines = im.class_picture("m4.interventiematrix", {"a": model.to_dict(), "b": {"cells": {}}})
    assert fig is not None and "2 matrices" in lines[0] and "gemiddeld 47%" in lines[0]
    root, texts = svg_picture(fig)
    assert {"De groep: meest gekozen invulling per cel en hoeveel deelnemers die kozen", "A1 · 50%", "0%",
            "100%"} <= set(texts)  # title, a cell (one of two chose its set), the colour scale
    cells = [el for el in _in_plot(root) if el.tag == SVG + "rect" and el.get("stroke") == "#888888"]
    assert len(cells) == len(setup.spec.cell_keys)
    assert len({el.get("fill") for el in cells}) == 1  # the same agreement (50 %) everywhere: one colour
    pyramid = {"segment": "D", "mix": {"D": ["proces_verbaal", "intrekking_vergunning"]}}
    assert ep.summarize("m4.piramide", pyramid) == [
        "Segment D Notoir of crimineel: treden 4 tot 6, 2 interventies; lege treden: 5."]
    assert ep.plot_answer("m4.piramide", pyramid) is not None
    fig, lines = ep.class_picture("m4.piramide", {"a": pyramid})
    assert fig is not None and lines == ["1 piramides.", "Segment D Notoir of crimineel: de top ligt gemiddeld op trede 6,0."]



def test_pyramid_class_picture_is_an_svg_bar_chart_per_segment_and_level(setup):
    import xml.etree.ElementTree as ET

    from lst_kit.figures import svgplot
    from lst_kit.figures.style import PALETTE

    pyramid = {"segment": "D", "mix": {"D": ["proces_verbaal", "intrekking_vergunning"]}}
    fig, _ = ep.class_picture("m4.piramide", {"a": pyramid, "b": pyramid})
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    texts = ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Welke treden gebruikt de groep per segment?" in texts and "aantal deelnemers (van 2)" in texts
    assert "D Notoir of crimineel" in texts and "A Goedwillend" in texts
    bars = [r for r in root.iterfind(".//s:g/s:rect", {"s": "http://www.w3.org/2000/svg"})
            if r.get("fill", "").upper() in PALETTE[:4]]
    assert len(bars) == len(setup.spec.segments) * 6   # one bar per segment and level, also the empty ones
    tall = [r for r in bars if float(r.get("height")) > 0]
    assert [r.get("fill").upper() for r in tall] == [PALETTE[3]] * 2   # segment D only, on levels 4 and 6
    assert float(tall[0].get("x")) < float(tall[1].get("x"))


@pytest.mark.parametrize("exercise_id", ["m4.tafel_van_elf", "m4.interventiematrix"])
def test_class_picture_is_drawn_without_matplotlib(exercise_id):
    """The class overview draws this picture as SVG; neither the module nor the drawing imports matplotlib."""
    code = ("import sys, numpy as np; from lst_kit.reports import readings as hooks; rng = np.random.default_rng(3); "
            f"answers = {{f'p{{i}}': hooks.demo_answer({exercise_id!r}, rng) for i in range(6)}}; "
            f"fig, lines = hooks.class_picture({exercise_id!r}, answers); "
            "print(type(fig).__module__, fig.to_svg()[:4] == b'<svg', 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["lst_kit.figures.svgplot", "True", "False"]


def test_cell_keys_are_made_once_and_row_by_row(setup):
    spec = setup.spec
    assert spec.cell_keys is spec.cell_keys  # a frozen spec: made once
    assert spec.cell_keys == [f"{s.key}{c.key}" for s in spec.segments for c in spec.classes]


def test_matrix_class_picture_shows_the_most_chosen_set_per_cell(setup):
    """Per cell the set most participants chose and their share; on a tie the first set in sorted order."""
    def answer(a1, b2):
        model = im.InterventionMatrix(setup)
        model.place("A1", a1)
        model.place("B2", b2)
        return model.to_dict()

    answers = {"p": answer(["nudge"], ["waarschuwing"]), "q": answer(["informatie", "nudge"], ["informatie"]),
               "r": answer(["nudge"], ["nudge"]), "s": None}
    fig, lines = im.class_picture("m4.interventiematrix", answers)
    _, texts = svg_picture(fig)
    assert "3 matrices" in lines[0]
    assert {"A1 · 67%", "B2 · 33%", "C3 · 100%"} <= set(texts)
    shorts = {i.short for i in setup.catalogue.items}
    shown = [text for text in texts if text in shorts or text.endswith("%")][:len(setup.spec.cell_keys) + 2]
    # A1: 'Nudge' (two of three); B2: three sets once each, the first in sorted order ('informatie')
    assert shown[:2] == ["A1 · 67%", "Nudge"] and shown[shown.index("B2 · 33%") + 1] == "Informeren"


def test_pyramid_class_picture_reads_each_answer_even_when_mixes_repeat(setup):
    """The class picture reads a mix once however many participants drew it; each answer still counts."""
    mixes = [["proces_verbaal", "intrekking_vergunning"], ["proces_verbaal", "intrekking_vergunning"],
             ["informatie", "proces_verbaal"], [], ["waarschuwing"]]
    answers = {f"p{n}": {"segment": "D", "mix": {"D": mix, "A": ["informatie"]}} for n, mix in enumerate(mixes)}
    _, lines = ep.class_picture("m4.piramide", answers)
    tops = [ep.read_pyramid(setup, ep._mix_from_answer(setup, a)["D"]).top for a in answers.values()]
    tops = [top for top in tops if top]
    mean = f"{sum(tops) / len(tops):.1f}".replace(".", ",")
    assert len(tops) == 4 and lines[0] == "5 piramides."
    assert lines[1] == "Segment A Goedwillend: de top ligt gemiddeld op trede 1,0."
    assert lines[2] == f"Segment D Notoir of crimineel: de top ligt gemiddeld op trede {mean}."
