"""The text widths svgplot lays out with come from DejaVu Sans itself."""

import pytest

from lst_kit.figures import font_metrics, svgplot


def test_the_shipped_table_is_what_the_font_files_give():
    import json

    fresh = json.loads(json.dumps(font_metrics.build_table(*font_metrics.matplotlib_fonts()), ensure_ascii=False))
    assert json.loads(font_metrics.TABLE.read_text(encoding="utf-8")) == fresh


@pytest.mark.parametrize("text, bold", [("Niet-geregistreerde aanbieders", False), ("iiiiiiii", False),
                                        ("WWWWWWWW", True), ("Kans × effect – 5×5 ✓ €", False)])
def test_widths_match_matplotlibs_own_layout_within_four_percent(text, bold):
    """matplotlib measures the same string in the same font with its own
    text engine (kerning included, each glyph hinted to whole pixels); the
    table's width is within 4 % (the old estimate was up to 38 % off)."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(700, 400, 100)
    props = FontProperties(family="DejaVu Sans", size=10, weight="bold" if bold else "normal")
    width, _, _ = renderer.get_text_width_height_descent(text, props, ismath=False)
    assert svgplot.text_width(text, 10, bold) == pytest.approx(width, rel=0.04)


def test_narrow_and_wide_letters_differ_as_in_the_font():
    assert svgplot.text_width("WWWW", 10) > 3 * svgplot.text_width("iiii", 10)
    assert svgplot.text_width("Aa\nlonger line", 10) == svgplot.text_width("longer line", 10)
    assert svgplot.text_width("abc", 10, bold=True) > svgplot.text_width("abc", 10)
