"""What the portfolio and the class overview read from an enforcement
pyramid, its pictures, and the demo answers."""

import json
import random
import xml.etree.ElementTree as ET

import pytest

from lst_kit import registry
from lst_kit.content import load_spec
from lst_kit.exercises.enforcement_pyramid import figures
from lst_kit.exercises.enforcement_pyramid.model import PyramidModel, read_pyramid
from lst_kit.exercises.enforcement_pyramid.readings import TYPE
from lst_kit.exercises.intervention_matrix import load_matrix_setup
from lst_kit.figures import svgplot
from lst_kit.figures.style import PALETTE
from lst_kit.i18n import t
from lst_kit.reports import readings as hooks

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def setup():
    return load_matrix_setup("m4.interventiematrix")


def test_pyramid_picture_names_levels_marks_empty_ones_and_draws_the_arrows(setup):
    reading = read_pyramid(setup, ["intrekking_vergunning", "informatie", "bestuurlijke_boete", "signaal_beleid"])
    fig = figures.plot_pyramid(setup, reading, "Handhavingspiramide voor segment C Calculerend")
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
    one = ET.fromstring(figures.plot_pyramid(setup, read_pyramid(setup, ["informatie"]), "x").to_svg())
    assert not list(one.iter(SVG + "path"))   # one level used: nothing to escalate to
    assert ["".join(el.itertext()) for el in one.iter(SVG + "text")].count("(leeg)") == 5


def test_pyramid_readings_describe_the_answer(setup):
    spec = load_spec("m4.piramide")
    pyramid = {"segment": "D", "mix": {"D": ["proces_verbaal", "intrekking_vergunning"]}}
    assert TYPE.summarize(spec, pyramid) == [
        "Segment D Notoir of crimineel: treden 4 tot 6, 2 interventies; lege treden: 5."]
    assert TYPE.plot_answer(spec, pyramid) is not None
    fig, lines = TYPE.class_picture(spec, {"a": pyramid})
    assert fig is not None and lines == ["1 piramides.", "Segment D Notoir of crimineel: de top ligt gemiddeld op trede 6,0."]


def test_pyramid_class_picture_is_an_svg_bar_chart_per_segment_and_level(setup):
    import xml.etree.ElementTree as ET

    from lst_kit.figures import svgplot
    from lst_kit.figures.style import PALETTE

    pyramid = {"segment": "D", "mix": {"D": ["proces_verbaal", "intrekking_vergunning"]}}
    fig, _ = TYPE.class_picture(load_spec("m4.piramide"), {"a": pyramid, "b": pyramid})
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


def test_pyramid_class_picture_reads_each_answer_even_when_mixes_repeat(setup):
    """Each answer counts, however many participants drew the same mix."""
    mixes = [["proces_verbaal", "intrekking_vergunning"], ["proces_verbaal", "intrekking_vergunning"],
             ["informatie", "proces_verbaal"], [], ["waarschuwing"]]
    answers = {f"p{n}": {"segment": "D", "mix": {"D": mix, "A": ["informatie"]}} for n, mix in enumerate(mixes)}
    _, lines = TYPE.class_picture(load_spec("m4.piramide"), answers)
    # tops of D by hand: intrekking 6, intrekking 6, proces_verbaal 4, (none), waarschuwing 2 -> 18 / 4 = 4,5
    assert lines == ["5 piramides.", "Segment A Goedwillend: de top ligt gemiddeld op trede 1,0.",
                     "Segment D Notoir of crimineel: de top ligt gemiddeld op trede 4,5."]


def test_readings_of_odd_answers(setup):
    spec = load_spec("m4.piramide")
    for answer in (None, 3, "tekst", [], {}, {"mix": {"C": "nee"}}, {"segment": 5}):
        assert TYPE.summarize(spec, answer) == [t("enforcement_pyramid.none_placed")]
        assert TYPE.plot_answer(spec, answer) is not None
    assert TYPE.class_picture(spec, {"a": None}) == (None, [t("enforcement_pyramid.class_none")])


def test_demo_answers_are_seeded_varied_and_valid(setup):
    spec = load_spec("m4.piramide")
    first = TYPE.demo_answer(spec, random.Random("7/1"))
    assert first is not registry.SKIP and first == TYPE.demo_answer(spec, random.Random("7/1"))
    others = [TYPE.demo_answer(spec, random.Random(f"7/{i}")) for i in range(2, 8)]
    assert any(o != first for o in others)
    for answer in [first, *others]:
        assert json.loads(json.dumps(answer)) == answer
        assert PyramidModel.from_dict(spec, setup, answer).to_dict() == answer
        assert answer["source"] == "eigen" and answer["own"] == {k: v for k, v in answer["mix"].items() if v}
        assert hooks.summarize("m4.piramide", answer) == TYPE.summarize(spec, answer)
    fig, lines = TYPE.class_picture(spec, {f"D{i}": a for i, a in enumerate([first, *others])})
    assert lines[0] == "7 piramides." and isinstance(fig, svgplot.Figure)


def test_the_type_checks_that_the_matrix_it_names_loads(data):
    from _content import edit
    from lst_kit.content import ContentError

    edit(data / "exercises" / "m4" / "piramide.yaml", lambda d: d.update(matrix="m4.bestaat_niet"))
    with pytest.raises(ContentError) as info:
        load_spec("m4.piramide")
    assert info.value.field == "matrix" and "m4.bestaat_niet" in str(info.value)


@pytest.mark.slow
def test_models_and_readings_import_no_widgets_and_models_no_figures():
    """The four Module 4 models are pure (no ipywidgets, no figures, no numpy);
    the readings the class overview uses draw without matplotlib or widgets."""
    import subprocess
    import sys

    models = ("tafel_van_elf", "intervention_matrix", "enforcement_pyramid", "pyramid_game")
    code = ("import sys; "
            + "; ".join(f"import lst_kit.exercises.{m}.model" for m in models)
            + "; print(*[m in sys.modules for m in ('ipywidgets', 'lst_kit.figures.svgplot', 'numpy')]); "
            "import random; from lst_kit.reports import readings as r; "
            "fig, _ = r.class_picture('m4.piramide', {'a': r.demo_answer('m4.piramide', random.Random(1))}); "
            "fig.to_svg(); print(*[m in sys.modules for m in ('ipywidgets', 'matplotlib', 'numpy')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"] * 6
