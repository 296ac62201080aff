"""Text widths from real font metrics: the advance widths of DejaVu Sans
(regular and bold), the font svgplot's figures name first and matplotlib
ships, read from the font files with fontTools and kept as data
(``dejavu_widths.json``), so drawing needs neither fontTools nor the font.

Regenerate the table after a font change with
``python -m lst_kit.figures.font_metrics`` (a test checks that the shipped
table equals a fresh one).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

__all__ = ["TABLE", "advance", "build_table", "line_width"]

TABLE = Path(__file__).with_name("dejavu_widths.json")

#: The blocks whose characters get a width: Latin (with accents), general
#: punctuation, currency, letterlike symbols, arrows, mathematical operators,
#: box drawing and geometric shapes, miscellaneous symbols and dingbats (✓).
BLOCKS = ((0x20, 0x250), (0x2000, 0x2070), (0x20A0, 0x20C0), (0x2100, 0x2150), (0x2190, 0x2300),
          (0x2500, 0x2600), (0x2600, 0x27C0))


def build_table(regular: str | Path, bold: str | Path) -> dict:
    """The width table from two font files (needs fontTools, which comes with
    matplotlib): advance widths in font units per character, and the
    average width used for a character the font lacks."""
    from fontTools.ttLib import TTFont

    table: dict = {"font": "DejaVu Sans", "blocks": [list(b) for b in BLOCKS]}
    for style, path in (("regular", regular), ("bold", bold)):
        with TTFont(str(path)) as font:
            cmap = font.getBestCmap()
            metrics = font["hmtx"].metrics
            units_per_em = font["head"].unitsPerEm
        widths = {}
        for lo, hi in BLOCKS:
            for code in range(lo, hi):
                glyph = cmap.get(code)
                if glyph is not None:
                    widths[chr(code)] = metrics[glyph][0]
        letters = [widths[c] for c in "abcdefghijklmnopqrstuvwxyz"]
        table[style] = {"units_per_em": units_per_em, "missing": round(sum(letters) / len(letters)),
                        "widths": widths}
    return table


def matplotlib_fonts() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold as matplotlib ships them."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


@lru_cache(maxsize=1)
def _table() -> dict:
    return json.loads(TABLE.read_text(encoding="utf-8"))


def advance(char: str, bold: bool = False) -> float:
    """The advance width of one character in em."""
    style = _table()["bold" if bold else "regular"]
    return style["widths"].get(char, style["missing"]) / style["units_per_em"]


def line_width(line: str, bold: bool = False) -> float:
    """The width of one line of text in em (kerning is left out: it changes
    a label's width by well under one per cent)."""
    style = _table()["bold" if bold else "regular"]
    widths, missing = style["widths"], style["missing"]
    return sum(widths.get(c, missing) for c in line) / style["units_per_em"]


if __name__ == "__main__":  # pragma: no cover - run by hand after a font change
    TABLE.write_text(json.dumps(build_table(*matplotlib_fonts()), ensure_ascii=False, sort_keys=True,
                                separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"written: {TABLE}")
