"""Figures: :mod:`.svgplot` (SVG drawn with matplotlib's API, no matplotlib
needed) and :mod:`.style` (the kit's palette, labels and figure encoding)."""
