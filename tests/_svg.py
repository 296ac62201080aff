"""Reading svgplot pictures in tests: the parsed SVG, its texts, its data elements."""

import xml.etree.ElementTree as ET

from lst_kit.figures import svgplot

SVG = "{http://www.w3.org/2000/svg}"


def svg_picture(fig):
    """A picture as (SVG root, its texts); it is drawn with svgplot, not matplotlib."""
    assert isinstance(fig, svgplot.Figure)
    root = ET.fromstring(fig.to_svg())
    return root, ["".join(el.itertext()) for el in root.iter(SVG + "text")]


def filled(root, colour, tag="rect"):
    """The data elements of one fill colour inside the plot areas (legend keys are outside)."""
    return [el for group in root.iter(SVG + "g") for el in group.iter(SVG + tag) if el.get("fill") == colour.lower()]
