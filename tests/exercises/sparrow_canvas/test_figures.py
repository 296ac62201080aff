"""The Sparrow canvas read back: the charter, the warnings and the scale
feedback as HTML with every participant text escaped, and the class picture."""

import pytest
from _svg import SVG, filled, svg_picture

from lst_kit.content import case_ids, load_spec
from lst_kit.exercises.sparrow_canvas.figures import charter_html, plot_class, scale_feedback_html, warnings_html
from lst_kit.exercises.sparrow_canvas.model import Canvas
from lst_kit.figures.style import PALETTE


@pytest.fixture
def canvas():
    return Canvas(load_spec("m2.sparrow"), case_ids())


def test_charter_shows_participant_text_escaped(canvas):
    canvas.set_text("definieren", "definitie", "<script>alert('x')</script> & meer")
    canvas.set_text("meten", "indicatoren", "<b>vet</b>\naantal inspecties")
    canvas.set_scale("middel")
    canvas.set_check("definieren", "schade_niet_groep", True)
    html = charter_html(canvas, case_label="NVWA · <Maaltijd>")
    assert "<script>" not in html and "<b>vet</b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; meer" in html
    assert "&lt;b&gt;vet&lt;/b&gt;" in html and "NVWA · &lt;Maaltijd&gt;" in html
    assert "Middel" in html and "✓ Mijn definitie beschrijft een schade" in html
    assert "output: telt ons eigen werk" in html  # the all-output mark on 'aantal inspecties'
    for stage in canvas.spec.stages:
        assert stage.title in html


def test_scale_feedback_praises_the_middle_layer(canvas):
    assert "Kies een schaal" in scale_feedback_html(canvas)
    canvas.set_scale("middel")
    assert "#e6f4ec" in scale_feedback_html(canvas)  # the green of a good choice
    for other in ("macro", "micro"):
        canvas.set_scale(other)
        assert "#fff4d6" in scale_feedback_html(canvas) and "middenlaag" in scale_feedback_html(canvas)


def test_warnings_are_coloured_status_notes(canvas):
    assert warnings_html(canvas) == ""
    canvas.set_text("oplossen", "aanpak", "<i>eerst</i> een aanpak")
    html = warnings_html(canvas)
    assert html.count("role='status'") == 1 and "#fff4d6" in html and "<i>" not in html


def test_class_plot_counts_scales_and_dimensions():
    spec = load_spec("m2.sparrow")
    scales = {"macro": 1, "middel": 2, "micro": 0}
    dims = dict.fromkeys((d.key for d in spec.dimensions), 0) | {"plaats": 3, "tijd": 1}
    root, texts = svg_picture(plot_class(spec, scales, dims, 3))
    assert {"Gekozen schaal", "Gebruikte dimensies", "Macro", "Middel", "Micro", "Plaats"} <= set(texts)
    macro = filled(root, PALETTE[4])  # scales not recommended: macro 1, micro 0
    middel = filled(root, PALETTE[2])  # the recommended scale: 2, hatched
    assert len(middel) == 1 and float(middel[0].get("height")) == pytest.approx(
        2 * max(float(r.get("height")) for r in macro), rel=0.01)
    assert len(root.findall(f".//{SVG}pattern")) == 1
    bars = sorted(float(r.get("width")) for r in filled(root, PALETTE[0]))
    assert bars[-1] == pytest.approx(3 * bars[-2], rel=0.01)  # plaats 3, tijd 1
