# Over 450 lines: one matplotlib work-alike (Figure, Axes, PolarAxes) whose classes share its drawing primitives.
"""Small charts written straight to SVG, without matplotlib.

The class overview (``lst-kit collect``) draws one picture per exercise for a
whole class. Importing matplotlib and laying out twenty figures costs several
times more than reading a thousand workbooks, so the class pictures are drawn
with this module instead: a deliberately small subset of matplotlib's
``Figure``/``Axes`` API (same names, same arguments), written as SVG text.
Plot code reads like the matplotlib code around it, and the output is plain,
deterministic SVG (text stays text; no ids from counters or clocks).

What it supports, and nothing more (an argument it does not draw raises
``TypeError``, it is never dropped; ``zorder=`` orders what an Axes draws):

- ``Figure(figsize=(w, h))``: ``add_subplot(projection=None|"polar")``,
  ``subplots(nrows, ncols, width_ratios=None, sharex=False)``, ``suptitle``, ``legend``,
  ``savefig(fp, format="svg")``, ``to_svg()``;
- ``Axes``: ``bar``, ``barh`` (``bottom``/``left``, ``hatch``, ``yerr``/``xerr``,
  ``capsize``), ``scatter``, ``plot``, ``errorbar``, ``fill_between``,
  ``fill_betweenx``, ``step`` (and ``drawstyle="steps-mid"``, ``step=`` in
  ``fill_between``), ``text`` (data or ``ax.transAxes`` coordinates),
  ``axhline``, ``axvline``, ``add_patch(Rectangle(...) | Polygon(...))``,
  ``annotate`` (arrows, straight or ``arc3`` curves), ``set_axis_off``, ``set_aspect("equal")``, ``set_xlim``,
  ``set_ylim``, ``set_xticks``, ``set_yticks`` (with labels), ``set_xlabel``,
  ``set_ylabel``, ``set_title``, ``invert_yaxis``, ``grid``,
  ``set_axisbelow``, ``spines[...]``, ``legend``, ``tick_params``,
  ``get_legend_handles_labels``, ``get_xticklabels``/``get_yticklabels`` (``set_fontweight``),
  ``locator_params(integer=True)``, ``get_window_extent`` (the plot area in pixels, a ``Bbox``);
- ``PolarAxes`` (radar charts): ``plot``, ``fill``, ``fill_between``,
  ``bar`` (shaded sectors, drawn beneath the rings), ``text`` (at theta, r;
  rotation, italic, ``bbox``), ``set_theta_offset``, ``set_theta_direction``,
  ``set_xticks``, ``set_ylim``, ``set_yticks``, ``set_rlabel_position``,
  ``tick_params(pad=...)``, ``set_title``, ``legend``, and ``set_frame("circle")``
  (round rings as in matplotlib; the default is a polygon web);
- ``text(..., bbox={"facecolor": ..., "alpha": ...})`` puts a box behind a
  text (sized from the font metrics, like all text here);
- ``colormap("cividis")`` (and ``.reversed()``): value in [0, 1] -> RGBA.

Sizes follow matplotlib at 100 dpi: a figure of 7 x 4 inches is 700 x 400
pixels; font sizes are points. Text widths come from DejaVu Sans's own
metrics (a table shipped as data). Any legend is drawn outside the plot area (to
the right for ``Axes.legend``, below for ``Figure.legend``) so it never
covers data.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

from .font_metrics import line_width

__all__ = ["Bbox", "Figure", "Line2D", "Patch", "Polygon", "Rectangle", "colormap", "text_width"]

DPI = 100
PT = DPI / 72  # pixels per point
FONT = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
TEXT = "#222222"
SPINE = "#555555"
DEFAULT_FONTSIZE = 10.0
TITLE_FONTSIZE = 11.0
LABEL_FONTSIZE = 10.0
TICK_FONTSIZE = 9.0
LINE_HEIGHT = 1.25
DEFAULT_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

_NAMED = {
    "white": "#ffffff", "black": "#000000", "k": "#000000", "w": "#ffffff", "grey": "#808080", "gray": "#808080",
    "lightgrey": "#d3d3d3", "lightgray": "#d3d3d3", "darkgrey": "#a9a9a9", "darkgray": "#a9a9a9",
    "dimgrey": "#696969", "dimgray": "#696969", "silver": "#c0c0c0", "whitesmoke": "#f5f5f5",
}

# matplotlib's "cividis", sampled at 0, 0.1, ..., 1 (interpolated linearly in between).
_CIVIDIS = ["#00224e", "#083370", "#35456c", "#4f576c", "#666970", "#7d7c78", "#948e77", "#aea371", "#c8b866",
            "#e5cf52", "#fee838"]


# -- colours --------------------------------------------------------------------------------------

def _hex_rgb(value: str) -> tuple[float, float, float, float]:
    value = value.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    alpha = int(value[6:8], 16) / 255 if len(value) == 8 else 1.0
    return int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255, alpha


def to_rgba(colour: Any, alpha: float | None = None) -> tuple[float, float, float, float]:
    """A colour as matplotlib accepts it (hex, a few names, ``"C0"``..``"C7"``,
    an RGB(A) tuple of floats, a grey level as a string) -> RGBA floats."""
    if isinstance(colour, (tuple, list)) and len(colour) in (3, 4):
        r, g, b = (float(v) for v in colour[:3])
        a = float(colour[3]) if len(colour) == 4 else 1.0
    elif isinstance(colour, str):
        name = colour.strip().lower()
        if name.startswith("#"):
            r, g, b, a = _hex_rgb(name)
        elif name in _NAMED:
            r, g, b, a = _hex_rgb(_NAMED[name])
        elif len(name) == 2 and name[0] == "c" and name[1].isdigit():
            r, g, b, a = _hex_rgb(DEFAULT_COLOURS[int(name[1]) % len(DEFAULT_COLOURS)])
        else:
            try:
                level = float(name)
            except ValueError:
                raise ValueError(f"svgplot: unknown colour {colour!r}") from None
            r = g = b = level
            a = 1.0
    else:
        raise ValueError(f"svgplot: unknown colour {colour!r}")
    return r, g, b, (a if alpha is None else float(alpha))


def _paint(colour: Any, alpha: float | None = None) -> tuple[str, float]:
    """(``#rrggbb`` or ``none``, opacity) for an SVG attribute."""
    if colour is None or (isinstance(colour, str) and colour.lower() == "none"):
        return "none", 1.0
    r, g, b, a = to_rgba(colour, alpha)
    return "#%02x%02x%02x" % tuple(max(0, min(255, round(255 * v))) for v in (r, g, b)), a


class _Colormap:
    def __init__(self, stops: Sequence[str]):
        self.stops = list(stops)

    def __call__(self, value: float) -> tuple[float, float, float, float]:
        value = 0.0 if value != value else max(0.0, min(1.0, float(value)))  # NaN -> 0
        pos = value * (len(self.stops) - 1)
        i = min(int(pos), len(self.stops) - 2)
        frac = pos - i
        a, b = _hex_rgb(self.stops[i]), _hex_rgb(self.stops[i + 1])
        return tuple(a[k] + (b[k] - a[k]) * frac for k in range(3)) + (1.0,)

    def reversed(self) -> "_Colormap":
        return _Colormap(self.stops[::-1])


def colormap(name: str) -> _Colormap:
    """The sequential colour map the kit uses (``"cividis"``); others are refused."""
    if name != "cividis":
        raise ValueError(f"svgplot: only the 'cividis' colour map is available, not {name!r}")
    return _Colormap(_CIVIDIS)


# -- text ----------------------------------------------------------------------------------------

def text_width(text: str, fontsize: float, bold: bool = False) -> float:
    """Width in pixels of the longest line of ``text`` in DejaVu Sans, from
    the font's own advance widths (see :mod:`lst_kit.figures.font_metrics`)."""
    return max(line_width(line, bold) for line in str(text).split("\n")) * fontsize * PT


def _text_height(text: str, fontsize: float) -> float:
    return (str(text).count("\n") + 1) * LINE_HEIGHT * fontsize * PT


def _fmt(x: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _tick_label(value: float) -> str:
    from ..i18n import number

    if abs(value - round(value)) < 1e-9:
        return str(int(round(value)))
    return number(value, 2, strip=True)


def _svg_text(x: float, y: float, text: str, size: float, colour: Any = TEXT, ha: str = "left",
              va: str = "baseline", weight: str | None = None, rotation: float = 0.0, alpha: float | None = None,
              style: str | None = None) -> str:
    lines = str(text).split("\n")
    px = size * PT
    lh = LINE_HEIGHT * px
    n = len(lines)
    if va == "center":
        first = y - (n - 1) * lh / 2 + 0.35 * px
    elif va == "top":
        first = y + 0.8 * px
    elif va == "bottom":
        first = y - (n - 1) * lh - 0.22 * px
    else:  # baseline
        first = y - (n - 1) * lh
    anchor = {"left": "start", "center": "middle", "right": "end"}.get(ha, "start")
    fill, opacity = _paint(colour, alpha)
    attrs = [f'x="{_fmt(x)}"', f'y="{_fmt(first)}"', f'font-size="{_fmt(px)}"', f'fill="{fill}"']
    if anchor != "start":
        attrs.append(f'text-anchor="{anchor}"')
    if weight in ("bold", "semibold", "heavy"):
        attrs.append('font-weight="bold"')
    if style == "italic":
        attrs.append('font-style="italic"')
    if opacity < 1:
        attrs.append(f'fill-opacity="{_fmt(opacity)}"')
    if rotation:
        attrs.append(f'transform="rotate({_fmt(-rotation)} {_fmt(x)} {_fmt(y)})"')
    if n == 1:
        return f"<text {' '.join(attrs)}>{escape(lines[0])}</text>"
    spans = "".join(f'<tspan x="{_fmt(x)}" dy="{_fmt(0 if i == 0 else lh)}">{escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f"<text {' '.join(attrs)}>{spans}</text>"


def _text_box(x: float, y: float, text: str, size: float, ha: str, va: str, rotation: float, bbox: dict,
              bold: bool = False) -> str:
    """A filled rectangle behind a text (matplotlib's ``bbox={"facecolor": ..., "alpha": ..., "pad": ...}``),
    sized from the text extent and turned with the text."""
    px = size * PT
    w, h = text_width(text, size, bold), _text_height(text, size)
    style = str(bbox.get("boxstyle", ""))
    pad = float(bbox.get("pad", style.split("pad=", 1)[1].split(",")[0] if "pad=" in style else 0.15)) * px
    left = {"left": x, "center": x - w / 2, "right": x - w}.get(ha, x)
    n = str(text).count("\n") + 1
    lh = LINE_HEIGHT * px
    if va == "center":
        top = y - h / 2
    elif va == "top":
        top = y
    elif va == "bottom":
        top = y - h
    else:  # baseline of the last line
        top = y - (n - 1) * lh - 0.95 * px
    fill, opacity = _paint(bbox.get("facecolor", "#ffffff"), bbox.get("alpha"))
    attrs = (f'x="{_fmt(left - pad)}" y="{_fmt(top - pad)}" width="{_fmt(w + 2 * pad)}" '
             f'height="{_fmt(h + 2 * pad)}" rx="{_fmt(pad)}" fill="{fill}"')
    if opacity < 1:
        attrs += f' fill-opacity="{_fmt(opacity)}"'
    edge = bbox.get("edgecolor")
    if edge is not None and not (isinstance(edge, str) and edge.lower() == "none"):
        width = float(bbox.get("linewidth", 1.0))
        attrs += f' stroke="{_paint(edge)[0]}" stroke-width="{_fmt(width)}"'
        attrs += _dash_attr(bbox.get("linestyle", "-"), width)
    if rotation:
        attrs += f' transform="rotate({_fmt(-rotation)} {_fmt(x)} {_fmt(y)})"'
    return f"<rect {attrs}/>"


# -- legend handles and patches -------------------------------------------------------------------

@dataclass
class Patch:
    """A filled square in a legend (``matplotlib.patches.Patch``)."""

    facecolor: Any = "#888888"
    label: str = ""
    hatch: str | None = None
    edgecolor: Any = None
    alpha: float | None = None
    color: Any = None

    def __post_init__(self):
        if self.color is not None:
            self.facecolor = self.color


@dataclass
class Line2D:
    """A line and/or marker in a legend (``matplotlib.lines.Line2D``)."""

    xdata: Any = ()
    ydata: Any = ()
    color: Any = "#000000"
    linestyle: str = "-"
    marker: str | None = None
    label: str = ""
    linewidth: float = 1.5
    markersize: float = 6.0
    markerfacecolor: Any = None
    markeredgecolor: Any = None


@dataclass
class Rectangle:
    """A rectangle in data coordinates (``matplotlib.patches.Rectangle``)."""

    xy: tuple[float, float]
    width: float
    height: float
    facecolor: Any = "#888888"
    edgecolor: Any = None
    linewidth: float = 1.0
    hatch: str | None = None
    alpha: float | None = None
    label: str = ""
    fill: bool = True
    linestyle: str = "-"


@dataclass
class Polygon:
    """A filled polygon in data coordinates (``matplotlib.patches.Polygon``)."""

    xy: Sequence[tuple[float, float]]
    closed: bool = True
    facecolor: Any = "#888888"
    edgecolor: Any = None
    linewidth: float = 1.0
    hatch: str | None = None
    alpha: float | None = None
    label: str = ""
    fill: bool = True
    linestyle: str = "-"


class _Spine:
    def __init__(self):
        self.visible = True

    def set_visible(self, visible: bool) -> None:
        self.visible = bool(visible)


# -- the SVG being written -------------------------------------------------------------------------

class _Canvas:
    """Collects SVG elements and the hatch patterns they use."""

    def __init__(self):
        self.parts: list[str] = []
        self.defs: dict[str, str] = {}

    def add(self, element: str) -> None:
        self.parts.append(element)

    def hatch(self, hatch: str, colour: Any) -> str:
        """The id of a pattern for a matplotlib hatch string (``//``, ``\\\\``,
        ``xx``, ``..``, ``oo``, ``++``, ``--``, ``||``) in ``colour``."""
        ink, _ = _paint(colour)
        kind = hatch[0] if hatch else "/"
        key = f"h{len(self.defs)}"
        for existing, body in self.defs.items():
            if body.startswith(f"<!--{kind}{ink}-->"):
                return existing
        size = 8
        strokes = {
            "/": [f"M0 {size} L{size} 0", "M-2 2 L2 -2", f"M{size - 2} {size + 2} L{size + 2} {size - 2}"],
            "\\": ["M0 0 L8 8", "M-2 6 L2 10", "M6 -2 L10 2"],
            "x": ["M0 8 L8 0", "M0 0 L8 8"],
            "+": ["M4 0 L4 8", "M0 4 L8 4"],
            "-": ["M0 4 L8 4"],
            "|": ["M4 0 L4 8"],
        }
        if kind in (".", "o", "O", "*"):
            radius = 1.0 if kind == "." else 1.8
            shape = f'<circle cx="4" cy="4" r="{radius}" fill="{ink if kind == "." else "none"}" stroke="{ink}" ' \
                    'stroke-width="0.8"/>'
        else:
            shape = "".join(f'<path d="{d}" stroke="{ink}" stroke-width="1"/>' for d in strokes.get(kind, strokes["/"]))
        self.defs[key] = (f"<!--{kind}{ink}--><pattern id=\"{key}\" patternUnits=\"userSpaceOnUse\" width=\"{size}\" "
                          f"height=\"{size}\">{shape}</pattern>")
        return key


def _rect(canvas: _Canvas, x: float, y: float, w: float, h: float, face: Any, edge: Any = None,
          linewidth: float = 1.0, hatch: str | None = None, alpha: float | None = None, linestyle: str = "-") -> None:
    if w < 0:
        x, w = x + w, -w
    if h < 0:
        y, h = y + h, -h
    fill, opacity = _paint(face, alpha)
    attrs = f'x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(w)}" height="{_fmt(h)}" fill="{fill}"'
    if opacity < 1:
        attrs += f' fill-opacity="{_fmt(opacity)}"'
    if edge is not None and not (isinstance(edge, str) and edge.lower() == "none"):
        stroke, _ = _paint(edge)
        attrs += f' stroke="{stroke}" stroke-width="{_fmt(linewidth)}"'
        attrs += _dash_attr(linestyle, linewidth)  # an outline in matplotlib's dash pattern for ``linestyle``
    canvas.add(f"<rect {attrs}/>")
    if hatch:  # in the edge colour, as matplotlib does (white hatching on a dark bar included)
        ink = edge if edge is not None and not (isinstance(edge, str) and edge.lower() == "none") else "#333333"
        pid = canvas.hatch(hatch, ink)
        canvas.add(f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(w)}" height="{_fmt(h)}" fill="url(#{pid})"/>')


_DASH = {"-": None, "solid": None, "--": "6 3", "dashed": "6 3", ":": "1.5 2.5", "dotted": "1.5 2.5",
         "-.": "6 2.5 1.5 2.5", "dashdot": "6 2.5 1.5 2.5"}


def _dash_attr(linestyle: str, width_px: float) -> str:
    """The ``stroke-dasharray`` attribute for a matplotlib line style, scaled
    with the line width (empty for a solid line)."""
    dash = _DASH.get(linestyle)
    if not dash:
        return ""
    return f' stroke-dasharray="{" ".join(_fmt(float(d) * width_px / 1.5) for d in dash.split())}"'


def _polyline(canvas: _Canvas, points: list[tuple[float, float]], colour: Any, width: float = 1.5,
              linestyle: str = "-", alpha: float | None = None) -> None:
    if len(points) < 2 or linestyle in ("", "none", "None", " "):
        return
    stroke, opacity = _paint(colour, alpha)
    attrs = f'points="{" ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in points)}" fill="none" stroke="{stroke}" ' \
            f'stroke-width="{_fmt(width * PT)}" stroke-linejoin="round"'
    attrs += _dash_attr(linestyle, width * PT)
    if opacity < 1:
        attrs += f' stroke-opacity="{_fmt(opacity)}"'
    canvas.add(f"<polyline {attrs}/>")


def _arrow(canvas: _Canvas, start: tuple[float, float], end: tuple[float, float], rad: float, colour: Any,
           width: float, style: str, head: str, scale: float) -> None:
    """An arrow in pixels: straight, or curved as matplotlib's ``arc3`` (a
    quadratic curve whose control point lies ``rad`` times the length to the
    side), with its head at ``end``."""
    (x0, y0), (x2, y2) = start, end
    dx, dy = x2 - x0, y2 - y0
    cx, cy = (x0 + x2) / 2 - rad * dy, (y0 + y2) / 2 + rad * dx  # matplotlib's arc3, with y pointing down
    tx, ty = x2 - cx, y2 - cy
    norm = math.hypot(tx, ty) or 1.0
    ux, uy = tx / norm, ty / norm
    length, half = 0.5 * scale * PT, 0.25 * scale * PT
    ink, opacity = _paint(colour)
    stop = (x2 - ux * length, y2 - uy * length) if head == "-|>" else (x2, y2)
    attrs = f'fill="none" stroke="{ink}" stroke-width="{_fmt(width * PT)}"'
    attrs += _dash_attr(style, width * PT)
    if opacity < 1:
        attrs += f' stroke-opacity="{_fmt(opacity)}"'
    path = f"M{_fmt(x0)} {_fmt(y0)} " + (f"Q{_fmt(cx)} {_fmt(cy)} " if rad else "L") + f"{_fmt(stop[0])} {_fmt(stop[1])}"
    canvas.add(f'<path d="{path}" {attrs}/>')
    base = (x2 - ux * length, y2 - uy * length)
    wing = [(base[0] - uy * half, base[1] + ux * half), (base[0] + uy * half, base[1] - ux * half)]
    if head == "-|>":
        pts = [(x2, y2)] + wing
        canvas.add(f'<polygon points="{" ".join(f"{_fmt(a)},{_fmt(b)}" for a, b in pts)}" fill="{ink}"/>')
    elif head == "->":
        pts = [wing[0], (x2, y2), wing[1]]
        canvas.add(f'<polyline points="{" ".join(f"{_fmt(a)},{_fmt(b)}" for a, b in pts)}" fill="none" '
                   f'stroke="{ink}" stroke-width="{_fmt(width * PT)}"/>')


def _marker(canvas: _Canvas, x: float, y: float, marker: str, size_px: float, face: Any, edge: Any = None,
            alpha: float | None = None, linewidth: float = 1.0) -> None:
    """One marker centred on (x, y); ``size_px`` is its width."""
    fill, opacity = _paint(face, alpha)
    stroke = _paint(edge)[0] if edge is not None else "none"
    r = size_px / 2
    style = f'fill="{fill}"' + (f' fill-opacity="{_fmt(opacity)}"' if opacity < 1 else "")
    if stroke != "none":
        style += f' stroke="{stroke}" stroke-width="{_fmt(linewidth)}"'
    if marker in ("s", "square"):
        canvas.add(f'<rect x="{_fmt(x - r)}" y="{_fmt(y - r)}" width="{_fmt(2 * r)}" height="{_fmt(2 * r)}" {style}/>')
    elif isinstance(marker, str) and len(marker) > 2 and marker[0] == marker[-1] == "$":  # a text as marker
        ink = _paint(edge if edge is not None else face, alpha)[0]
        canvas.add(_svg_text(x, y, marker[1:-1], size_px / PT, ink, "center", "center", "bold"))
    elif marker in ("D", "d", "diamond", "^", "v", "<", ">", "*", "P", "X", "h", "H"):
        if marker in ("h", "H"):  # a hexagon, a corner up ("h") or a flat top ("H"), as in matplotlib
            turn = math.pi / 2 if marker == "h" else 0.0
            pts = [(x + r * math.cos(turn + k * math.pi / 3), y - r * math.sin(turn + k * math.pi / 3))
                   for k in range(6)]
        elif marker in ("D", "diamond"):  # a square turned 45 degrees, as in matplotlib
            d = r * math.sqrt(2)
            pts = [(x, y - d), (x + d, y), (x, y + d), (x - d, y)]
        elif marker == "d":
            pts = [(x, y - r), (x + 0.6 * r, y), (x, y + r), (x - 0.6 * r, y)]
        elif marker == "*":
            pts = [(x + (r if i % 2 == 0 else 0.4 * r) * math.sin(math.pi * i / 5),
                    y - (r if i % 2 == 0 else 0.4 * r) * math.cos(math.pi * i / 5)) for i in range(10)]
        elif marker in ("P", "X"):  # a filled plus; X is the same, turned 45 degrees
            w = r / 3
            arm = [(-w, -r), (w, -r), (w, -w), (r, -w), (r, w), (w, w), (w, r), (-w, r), (-w, w), (-r, w), (-r, -w),
                   (-w, -w)]
            turn = math.pi / 4 if marker == "X" else 0.0
            pts = [(x + a * math.cos(turn) - b * math.sin(turn), y + a * math.sin(turn) + b * math.cos(turn))
                   for a, b in arm]
        elif marker == "^":
            pts = [(x, y - r), (x + r, y + r), (x - r, y + r)]
        elif marker == "v":
            pts = [(x - r, y - r), (x + r, y - r), (x, y + r)]
        elif marker == "<":
            pts = [(x - r, y), (x + r, y - r), (x + r, y + r)]
        else:
            pts = [(x + r, y), (x - r, y - r), (x - r, y + r)]
        canvas.add(f'<polygon points="{" ".join(f"{_fmt(a)},{_fmt(b)}" for a, b in pts)}" {style}/>')
    elif marker in ("x", "+", "|", "_"):
        ink = _paint(face if edge is None else edge, alpha)[0]
        segs = {"x": [(-r, -r, r, r), (-r, r, r, -r)], "+": [(-r, 0, r, 0), (0, -r, 0, r)],
                "|": [(0, -r, 0, r)], "_": [(-r, 0, r, 0)]}[marker]
        for x1, y1, x2, y2 in segs:
            canvas.add(f'<line x1="{_fmt(x + x1)}" y1="{_fmt(y + y1)}" x2="{_fmt(x + x2)}" y2="{_fmt(y + y2)}" '
                       f'stroke="{ink}" stroke-width="{_fmt(max(1.2, linewidth))}"/>')
    else:  # "o" and anything unknown
        canvas.add(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(r)}" {style}/>')


def _legend_rows(canvas: _Canvas, entries: list[tuple[Any, str]], x: float, y: float, fontsize: float,
                 ncols: int, col_width: float) -> None:
    """Legend entries in ``ncols`` columns from (x, y) (top left)."""
    px = fontsize * PT
    row_h = max(LINE_HEIGHT * px, 12) + 3
    widths = _column_widths(entries, fontsize, ncols) if ncols > 1 else [col_width]
    starts = _offsets(widths, sum(widths)) if ncols > 1 else [0.0]
    tops, heights = [], []  # a row of labels of more than one line is as much taller
    for first in range(0, len(entries), ncols):
        tops.append(tops[-1] + heights[-1] if tops else 0.0)
        lines = max(str(label).count("\n") for _, label in entries[first:first + ncols])
        heights.append(row_h + lines * LINE_HEIGHT * px)
    for i, (handle, label) in enumerate(entries):
        col, row = i % ncols, i // ncols
        lx, ly = x + starts[col], y + tops[row] + heights[row] / 2
        _legend_key(canvas, handle, lx, ly)
        canvas.add(_svg_text(lx + 26, ly, label, fontsize, va="center"))


def _legend_key(canvas: _Canvas, handle: Any, x: float, y: float) -> None:
    if isinstance(handle, Line2D):
        if handle.linestyle not in ("", "none", "None", " "):
            _polyline(canvas, [(x, y), (x + 20, y)], handle.color, handle.linewidth, handle.linestyle)
        if handle.marker:
            face = handle.markerfacecolor if handle.markerfacecolor is not None else handle.color
            edge = handle.markeredgecolor if handle.markeredgecolor is not None else handle.color
            _marker(canvas, x + 10, y, handle.marker, handle.markersize * PT, face, edge)
    else:
        _rect(canvas, x + 2, y - 6, 16, 12, getattr(handle, "facecolor", "#888888"), getattr(handle, "edgecolor", None),
              hatch=getattr(handle, "hatch", None), alpha=getattr(handle, "alpha", None))


def _legend_size(entries: list[tuple[Any, str]], fontsize: float, ncols: int) -> tuple[float, float, float]:
    """(column width, total width, total height) of a legend."""
    px = fontsize * PT
    col_width = max((text_width(label, fontsize) for _, label in entries), default=0) + 26 + 14
    rows = math.ceil(len(entries) / max(ncols, 1))
    height = rows * (max(LINE_HEIGHT * px, 12) + 3) + _label_lines_extra(entries, fontsize)
    total = sum(_column_widths(entries, fontsize, ncols)) if ncols > 1 else col_width * min(ncols, len(entries))
    return col_width, total, height


def _column_widths(entries: list[tuple[Any, str]], fontsize: float, ncols: int) -> list[float]:
    """Each legend column as wide as its own longest label (as matplotlib does)."""
    ncols = max(1, min(ncols, len(entries)))
    return [max((text_width(label, fontsize) for _, label in entries[c::ncols]), default=0) + 26 + 14
            for c in range(ncols)]


def _label_lines_extra(entries: list[tuple[Any, str]], fontsize: float) -> float:
    """Extra height for legend labels of more than one line."""
    return sum(str(label).count("\n") for _, label in entries) * LINE_HEIGHT * fontsize * PT


# -- axes ------------------------------------------------------------------------------------------

_TRANS_AXES = "axes"
_TRANS_DATA = "data"


def nice_ticks(lo: float, hi: float, target: int = 6, integer: bool = False) -> list[float]:
    """Round tick positions covering [lo, hi] (steps 1, 2, 2.5, 5 x 10^k)."""
    if hi < lo:
        lo, hi = hi, lo
    if hi - lo < 1e-12:
        return [lo]
    raw = (hi - lo) / max(target - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if integer:
        step = max(1, round(step))
    first = math.ceil(lo / step - 1e-9) * step
    ticks = []
    value = first
    while value <= hi + 1e-9 * step:
        ticks.append(round(value, 10))
        value += step
    return ticks


@dataclass
class _Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Bbox:
    """A box in pixels as matplotlib's ``Bbox`` gives it: ``x0, y0`` its
    bottom left, ``x1, y1`` its top right (y counted from the figure's bottom)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def _zordered(method):
    """Give an Axes drawing method matplotlib's ``zorder=`` argument: what the
    call draws goes at that height in the drawing order."""

    @functools.wraps(method)
    def wrapper(self, *args, zorder=None, **kwargs):
        start = len(self._zorders)
        result = method(self, *args, **kwargs)
        if zorder is not None:
            for i in range(start, len(self._zorders)):
                self._zorders[i] = float(zorder)
        return result

    return wrapper


class Axes:
    """One rectangular plot area (a subset of ``matplotlib.axes.Axes``)."""

    transAxes = _TRANS_AXES
    transData = _TRANS_DATA

    def __init__(self, figure: "Figure"):
        self.figure = figure
        self._ops: list[tuple] = []
        self._zorders: list[float] = []
        self._xlim: tuple[float, float] | None = None
        self._ylim: tuple[float, float] | None = None
        self._xdata: list[float] = []
        self._ydata: list[float] = []
        self._sticky_x: set[float] = set()
        self._sticky_y: set[float] = set()
        self._xticks: tuple[list[float], list[str] | None, float] | None = None
        self._yticks: tuple[list[float], list[str] | None, float] | None = None
        self._integer = {"x": False, "y": False}
        self._title = ""
        self._title_loc = "center"
        self._title_size = TITLE_FONTSIZE
        self._xlabel = ""
        self._ylabel = ""
        self._label_size = LABEL_FONTSIZE
        self._tick_size = TICK_FONTSIZE
        self._yinverted = False
        self._grid: dict | None = None
        self._legend: dict | None = None
        self._handles: list[tuple[Any, str]] = []
        self._colour_cycle = 0
        self.spines = {side: _Spine() for side in ("left", "bottom", "top", "right")}
        self._aligned: tuple[float, float] | None = None
        self._aligned_y: tuple[float, float] | None = None
        self._axis_off = False
        self._aspect = "auto"
        self._tick_weight: dict[str, dict[float, str]] = {"x": {}, "y": {}}  # tick value -> font weight

    #: matplotlib's default drawing order: patches and collections, then lines, then text.
    ZORDER = {"line": 2, "errors": 2, "hline": 2, "vline": 2, "text": 3, "arrow": 3}

    def _add(self, op: tuple, zorder: float | None = None) -> None:
        """Keep a drawing operation with its ``zorder`` (higher is drawn later;
        equal ones in the order they were made, as in matplotlib)."""
        self._ops.append(op)
        self._zorders.append(float(zorder) if zorder is not None else self.ZORDER.get(op[0], 1))

    # data extents ---------------------------------------------------------------------------
    def _extend(self, xs: Iterable[float], ys: Iterable[float]) -> None:
        self._xdata.extend(float(x) for x in xs if x is not None and x == x)
        self._ydata.extend(float(y) for y in ys if y is not None and y == y)

    def _next_colour(self) -> str:
        colour = DEFAULT_COLOURS[self._colour_cycle % len(DEFAULT_COLOURS)]
        self._colour_cycle += 1
        return colour

    def _label(self, handle: Any, label: str | None) -> None:
        if label and not str(label).startswith("_"):
            self._handles.append((handle, str(label)))

    # plotting ------------------------------------------------------------------------------
    @_zordered
    def bar(self, x, height, width=0.8, bottom=0.0, *, color=None, edgecolor=None, hatch=None, label=None,
            yerr=None, capsize=0.0, linewidth=1.0, alpha=None, align="center", ecolor=None):
        return self._bars(x, height, width, bottom, color, edgecolor, hatch, label, yerr, capsize, linewidth, alpha,
                          align, ecolor, horizontal=False)

    @_zordered
    def barh(self, y, width, height=0.8, left=0.0, *, color=None, edgecolor=None, hatch=None, label=None,
             xerr=None, capsize=0.0, linewidth=1.0, alpha=None, align="center", ecolor=None):
        return self._bars(y, width, height, left, color, edgecolor, hatch, label, xerr, capsize, linewidth, alpha,
                          align, ecolor, horizontal=True)

    def _bars(self, pos, size, thickness, base, color, edgecolor, hatch, label, err, capsize, linewidth, alpha,
              align, ecolor, horizontal):
        pos, size = _seq(pos), _seq(size)
        n = max(len(pos), len(size))
        pos, size = _stretch(pos, n), _stretch(size, n)
        thickness, base = _stretch(_seq(thickness), n), _stretch(_seq(base), n)
        colours = _stretch(_colours(color) or [self._next_colour()], n)
        edges = _stretch(_colours(edgecolor) or [None], n)
        bars = []
        for i in range(n):
            lo = pos[i] - thickness[i] / 2 if align == "center" else pos[i]
            bar = _Bar(lo, thickness[i], base[i], size[i], colours[i], edges[i], hatch, linewidth, alpha, horizontal)
            bars.append(bar)
            if horizontal:
                self._extend([base[i], base[i] + size[i]], [lo, lo + thickness[i]])
                self._sticky_x.add(base[i])
            else:
                self._extend([lo, lo + thickness[i]], [base[i], base[i] + size[i]])
                self._sticky_y.add(base[i])
        self._add(("bars", bars))
        if err is not None:
            centres = [b.lo + b.thickness / 2 for b in bars]
            ends = [b.base + b.size for b in bars]
            if horizontal:
                self.errorbar(ends, centres, xerr=err, fmt="none", color=ecolor or "#333333", capsize=capsize)
            else:
                self.errorbar(centres, ends, yerr=err, fmt="none", color=ecolor or "#333333", capsize=capsize)
        if bars:
            self._label(Patch(facecolor=bars[0].colour, hatch=hatch, edgecolor=bars[0].edge, alpha=alpha), label)
        return _BarContainer(bars)

    @_zordered
    def scatter(self, x, y, s=36.0, c=None, *, color=None, marker="o", label=None, alpha=None, edgecolors=None,
                edgecolor=None, linewidths=1.0, facecolor=None, facecolors=None):
        xs, ys = _seq(x), _seq(y)
        n = min(len(xs), len(ys))
        given = next((v for v in (c, facecolors, facecolor, color) if v is not None), None)
        face = _colours(given) or [self._next_colour()]
        sizes = _stretch(_seq(s), n)
        edges = _colours(edgecolors if edgecolors is not None else edgecolor) or [None]
        faces, edge_list = _stretch(face, n), _stretch(edges, n)
        points = [(xs[i], ys[i], math.sqrt(max(sizes[i], 0)) * PT, faces[i], edge_list[i])
                  for i in range(n)]
        self._extend(xs[:n], ys[:n])
        self._add(("scatter", points, marker, alpha, linewidths))
        self._label(Line2D(color=edges[0] if edges[0] is not None else face[0], linestyle="", marker=marker,
                           markersize=math.sqrt(sizes[0]) if sizes else 6, markerfacecolor=face[0],
                           markeredgecolor=edges[0]), label)

    @_zordered
    def plot(self, x, y, fmt=None, *, color=None, linestyle=None, marker=None, linewidth=1.5, label=None,
             markersize=6.0, alpha=None, markerfacecolor=None, drawstyle=None):
        style_marker, style_line = _parse_fmt(fmt)
        marker = marker if marker is not None else style_marker
        linestyle = linestyle if linestyle is not None else (style_line if style_line is not None else
                                                             ("-" if fmt is None or not style_marker else ""))
        colour = color if color is not None else self._next_colour()
        xs, ys = _seq(x), _seq(y)
        self._extend(xs, ys)
        if drawstyle and drawstyle.startswith("steps"):  # the steps as a line, the markers on the points
            where = drawstyle.split("-", 1)[1] if "-" in drawstyle else "pre"
            self._add(("line", _steps(xs, ys, where), colour, linestyle, None, linewidth, markersize, alpha,
                              None))
            if marker:
                self._add(("line", list(zip(xs, ys)), colour, "", marker, linewidth, markersize, alpha,
                                  markerfacecolor))
        else:
            self._add(("line", list(zip(xs, ys)), colour, linestyle, marker, linewidth, markersize, alpha,
                              markerfacecolor))
        self._label(Line2D(color=colour, linestyle=linestyle, marker=marker, linewidth=linewidth,
                           markersize=markersize, markerfacecolor=markerfacecolor), label)

    def step(self, x, y, *, where="pre", **kwargs):
        """A step line (``where`` = ``"pre"``, ``"mid"`` or ``"post"``)."""
        self.plot(x, y, drawstyle=f"steps-{where}", **kwargs)

    @_zordered
    def errorbar(self, x, y, yerr=None, xerr=None, fmt="", *, color=None, ecolor=None, capsize=0.0, label=None,
                 marker=None, markersize=6.0, linestyle=None, elinewidth=1.2):
        xs, ys = _seq(x), _seq(y)
        colour = color if color is not None else self._next_colour()
        self._extend(xs, ys)
        for err, horizontal in ((yerr, False), (xerr, True)):
            if err is None:
                continue
            lows, highs = _err_pairs(err, len(xs))
            segs = []
            for i, (xv, yv) in enumerate(zip(xs, ys)):
                if horizontal:
                    segs.append(((xv - lows[i], yv), (xv + highs[i], yv)))
                    self._extend([xv - lows[i], xv + highs[i]], [])
                else:
                    segs.append(((xv, yv - lows[i]), (xv, yv + highs[i])))
                    self._extend([], [yv - lows[i], yv + highs[i]])
            self._add(("errors", segs, ecolor or colour, capsize, horizontal, elinewidth))
        style_marker, style_line = _parse_fmt(fmt if fmt != "none" else "")
        mark = marker or style_marker
        line = linestyle if linestyle is not None else (style_line or "")
        if fmt != "none" and (mark or line):
            self._add(("line", list(zip(xs, ys)), colour, line, mark, 1.5, markersize, None, None))
        self._label(Line2D(color=colour, linestyle=line or "-", marker=mark, markersize=markersize), label)

    @_zordered
    def fill_between(self, x, y1, y2=0.0, *, color=None, alpha=None, label=None, facecolor=None, hatch=None,
                     edgecolor=None, step=None):
        xs = _seq(x)
        lo, hi = _stretch(_seq(y1), len(xs)), _stretch(_seq(y2), len(xs))
        colour = facecolor if facecolor is not None else (color if color is not None else self._next_colour())
        self._extend(xs, lo + hi)
        upper = _steps(xs, hi, step) if step else list(zip(xs, hi))
        lower = _steps(xs, lo, step) if step else list(zip(xs, lo))
        self._add(("area", upper + lower[::-1], colour, alpha, hatch, edgecolor))
        self._label(Patch(facecolor=colour, alpha=alpha, hatch=hatch), label)

    @_zordered
    def fill_betweenx(self, y, x1, x2=0.0, *, color=None, alpha=None, label=None, facecolor=None):
        ys = _seq(y)
        lo, hi = _stretch(_seq(x1), len(ys)), _stretch(_seq(x2), len(ys))
        colour = facecolor if facecolor is not None else (color if color is not None else self._next_colour())
        self._extend(lo + hi, ys)
        self._add(("area", list(zip(hi, ys)) + list(zip(lo, ys))[::-1], colour, alpha, None, None))
        self._label(Patch(facecolor=colour, alpha=alpha), label)

    @_zordered
    def axhline(self, y=0.0, *, color="#555555", linestyle="-", linewidth=1.0, label=None):
        self._add(("hline", float(y), color, linestyle, linewidth))
        self._label(Line2D(color=color, linestyle=linestyle, linewidth=linewidth), label)

    @_zordered
    def axvline(self, x=0.0, *, color="#555555", linestyle="-", linewidth=1.0, label=None):
        self._add(("vline", float(x), color, linestyle, linewidth))
        self._label(Line2D(color=color, linestyle=linestyle, linewidth=linewidth), label)

    @_zordered
    def add_patch(self, patch: Rectangle | Polygon) -> Rectangle | Polygon:
        if isinstance(patch, Polygon):
            self._extend([p[0] for p in patch.xy], [p[1] for p in patch.xy])
            self._add(("polygon", patch))
            self._label(Patch(facecolor=patch.facecolor, hatch=patch.hatch, edgecolor=patch.edgecolor), patch.label)
            return patch
        x, y = patch.xy
        self._extend([x, x + patch.width], [y, y + patch.height])
        self._add(("patch", patch))
        self._label(Patch(facecolor=patch.facecolor, hatch=patch.hatch, edgecolor=patch.edgecolor), patch.label)
        return patch

    @_zordered
    def annotate(self, text, xy, xytext=None, *, arrowprops=None, fontsize=DEFAULT_FONTSIZE, color=TEXT, ha="center",
                 va="center"):
        """An arrow from ``xytext`` to ``xy`` (data coordinates) and the text at
        ``xytext``. ``arrowprops``: ``arrowstyle`` ``"-|>"`` (filled head, the
        default) or ``"->"`` (open head) or ``"-"``, ``connectionstyle``
        ``"arc3,rad=r"`` (a curve bending to the right of the way for r > 0),
        ``color``, ``linewidth``, ``linestyle``, ``mutation_scale`` (head size)."""
        start = xytext if xytext is not None else xy
        if arrowprops is not None and xytext is not None:
            props = dict(arrowprops)
            conn = str(props.get("connectionstyle", "arc3"))
            rad = float(conn.split("rad=", 1)[1].split(",")[0]) if "rad=" in conn else 0.0
            self._add(("arrow", (float(start[0]), float(start[1])), (float(xy[0]), float(xy[1])), rad,
                              props.get("color", props.get("facecolor", TEXT)), float(props.get("linewidth", 1.0)),
                              props.get("linestyle", "-"), props.get("arrowstyle", "-|>"),
                              float(props.get("mutation_scale", 10.0))))
        if text:
            self.text(start[0], start[1], text, fontsize=fontsize, color=color, ha=ha, va=va)

    def set_aspect(self, aspect: str = "equal") -> None:
        """``"equal"``: one data unit is as long across as up (the plot area
        shrinks to fit its limits and is centred in its box); ``"auto"`` fills the box."""
        if aspect not in ("equal", "auto"):
            raise ValueError(f"svgplot: aspect must be 'equal' or 'auto', not {aspect!r}")
        self._aspect = aspect

    def set_axis_off(self) -> None:
        """No spines, ticks, tick labels, axis labels or grid: a drawing area."""
        self._axis_off = True

    @_zordered
    def text(self, x, y, s, *, ha="left", va="baseline", fontsize=DEFAULT_FONTSIZE, color=TEXT, fontweight=None,
             transform=None, rotation=0.0, alpha=None, horizontalalignment=None, verticalalignment=None,
             fontstyle=None, clip_on=False, style=None, bbox=None):
        self._add(("text", float(x), float(y), str(s), horizontalalignment or ha, verticalalignment or va,
                          _fontsize(fontsize), color, fontweight, transform == _TRANS_AXES, float(rotation or 0),
                          alpha, fontstyle or style, bbox))

    # axes furniture -------------------------------------------------------------------------
    def set_xlim(self, left=None, right=None):
        if isinstance(left, (tuple, list)):
            left, right = left
        self._xlim = (float(left), float(right))

    def set_ylim(self, bottom=None, top=None):
        if isinstance(bottom, (tuple, list)):
            bottom, top = bottom
        self._ylim = (float(bottom), float(top))

    def set_xticks(self, ticks, labels=None, *, fontsize=None, rotation=0.0):
        self._xticks = ([float(v) for v in ticks], None if labels is None else [str(v) for v in labels],
                        _fontsize(fontsize) if fontsize is not None else None, float(rotation or 0))

    def set_yticks(self, ticks, labels=None, *, fontsize=None):
        self._yticks = ([float(v) for v in ticks], None if labels is None else [str(v) for v in labels],
                        _fontsize(fontsize) if fontsize is not None else None, 0.0)

    def set_xticklabels(self, labels, **kwargs):
        ticks = self._xticks[0] if self._xticks else list(range(len(labels)))
        self.set_xticks(ticks, labels, **kwargs)

    def set_yticklabels(self, labels, **kwargs):
        ticks = self._yticks[0] if self._yticks else list(range(len(labels)))
        self.set_yticks(ticks, labels, **kwargs)

    def get_xticklabels(self) -> list["_TickLabel"]:
        """The x tick labels as set (``set_fontweight("bold")`` marks one)."""
        return self._tick_labels("x")

    def get_yticklabels(self) -> list["_TickLabel"]:
        """The y tick labels as set (``set_fontweight("bold")`` marks one)."""
        return self._tick_labels("y")

    def _tick_labels(self, axis: str) -> list["_TickLabel"]:
        values, labels = self._ticks(axis)[:2]
        return [_TickLabel(self._tick_weight[axis], v, lab) for v, lab in zip(values, labels)]

    def locator_params(self, axis: str = "both", *, integer: bool = False) -> None:
        """``integer=True``: automatic ticks on whole numbers only (counts of
        people), as matplotlib's ``locator_params(integer=True)``."""
        for name in ("x", "y") if axis == "both" else (axis,):
            self._integer[name] = bool(integer)

    def set_title(self, text, *, fontsize=None, loc="center"):
        if loc not in ("left", "center", "right"):
            raise ValueError(f"svgplot: set_title(loc=...) is 'left', 'center' or 'right', not {loc!r}")
        self._title = str(text)
        self._title_loc = loc
        if fontsize is not None:
            self._title_size = _fontsize(fontsize)

    def get_title(self) -> str:
        return self._title

    def set_xlabel(self, text, *, fontsize=None):
        self._xlabel = str(text)
        if fontsize is not None:
            self._label_size = _fontsize(fontsize)

    def get_xlabel(self) -> str:
        return self._xlabel

    def set_ylabel(self, text, *, fontsize=None):
        self._ylabel = str(text)
        if fontsize is not None:
            self._label_size = _fontsize(fontsize)

    def get_ylabel(self) -> str:
        return self._ylabel

    def invert_yaxis(self) -> None:
        self._yinverted = not self._yinverted

    def grid(self, visible=True, *, color="#d0d0d0", linewidth=0.6, alpha=0.8, axis="both"):
        self._grid = {"color": color, "linewidth": linewidth, "alpha": alpha, "axis": axis} if visible else None

    def set_axisbelow(self, below=True) -> None:
        """Grid lines are always drawn below the data here."""

    def tick_params(self, axis="both", *, labelsize=None):
        if labelsize is not None:
            self._tick_size = _fontsize(labelsize)

    def legend(self, handles=None, labels=None, *, fontsize=None, ncols=1, ncol=None, title=None):
        entries = _entries(handles, labels, self._handles)
        self._legend = {"entries": entries, "fontsize": _fontsize(fontsize or 8.5), "ncols": ncol or ncols,
                        "title": title}

    def get_legend_handles_labels(self) -> tuple[list, list[str]]:
        return [h for h, _ in self._handles], [label for _, label in self._handles]

    # layout and drawing ---------------------------------------------------------------------
    def _limits(self) -> tuple[tuple[float, float], tuple[float, float]]:
        return (self._xlim or _auto(self._xdata, self._sticky_x),
                self._ylim or _auto(self._ydata, self._sticky_y))

    def _ticks(self, axis: str) -> tuple[list[float], list[str], float, float]:
        given = self._xticks if axis == "x" else self._yticks
        lo, hi = self._limits()[0 if axis == "x" else 1]
        size, rotation = self._tick_size, 0.0
        if self._axis_off:
            return [], [], size, rotation
        if given is not None:
            values, labels, own_size, rotation = given
            size = own_size or size
            labels = labels if labels is not None else [_tick_label(v) for v in values]
        else:
            values = nice_ticks(lo, hi, integer=self._integer[axis])
            labels = [_tick_label(v) for v in values]
        keep = [(v, lab) for v, lab in zip(values, labels) if min(lo, hi) - 1e-9 <= v <= max(lo, hi) + 1e-9]
        return [v for v, _ in keep], [lab for _, lab in keep], size, rotation

    def _margins(self) -> tuple[float, float, float, float]:
        """Room (left, top, right, bottom) in pixels around the plot area for labels."""
        yvalues, ylabels, ysize, _ = self._ticks("y")
        _, xlabels, xsize, rotation = self._ticks("x")
        weights = self._tick_weight["y"]
        left = max((text_width(lab, ysize, weights.get(v) == "bold") for v, lab in zip(yvalues, ylabels)),
                   default=0) + 10
        if self._ylabel and not self._axis_off:
            left += _text_height(self._ylabel, self._label_size) + 4
        if rotation:
            tick_h = max((text_width(lab, xsize) for lab in xlabels), default=0) * math.sin(math.radians(rotation))
            tick_h += xsize * PT
            extra = max((lab.count("\n") for lab in xlabels), default=0)  # more lines reach further down
            tick_h += extra * LINE_HEIGHT * xsize * PT * math.cos(math.radians(rotation))
        else:
            tick_h = max((_text_height(lab, xsize) for lab in xlabels), default=0)
        bottom = tick_h + 10 + (_text_height(self._xlabel, self._label_size) + 4 if self._xlabel and not self._axis_off
                                else 0)
        top = _text_height(self._title, self._title_size) + 10 if self._title else 8
        right = 14
        if self._legend and self._legend["entries"]:
            _, width, _ = _legend_size(self._legend["entries"], self._legend["fontsize"], 1)
            if self._legend.get("title"):
                width = max(width, text_width(self._legend["title"], self._legend["fontsize"], bold=True) + 4)
            right += width + 8
        if xlabels:  # the last x label may stick out to the right of the plot area
            right = max(right, text_width(xlabels[-1], xsize) / 2 + 4)
        return left, top, right, bottom

    def _area(self, box: _Box) -> _Box:
        """The plot area (pixels, y down) inside the box the figure gives this axes."""
        left, top, right, bottom = self._margins()
        if self._aligned is not None:  # a column of axes sharing x: the same left and right edges
            left, right = self._aligned
        if self._aligned_y is not None:  # a row of axes sharing y: the same top and bottom edges
            top, bottom = self._aligned_y
        area = _Box(box.x + left, box.y + top, max(box.w - left - right, 20), max(box.h - top - bottom, 20))
        (x0, x1), (y0, y1) = self._limits()
        if self._aspect == "equal":  # the same pixels per unit on both axes, centred
            scale = min(area.w / (abs(x1 - x0) or 1), area.h / (abs(y1 - y0) or 1))
            w, h = abs(x1 - x0) * scale, abs(y1 - y0) * scale
            area = _Box(area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h)
        return area

    def get_window_extent(self) -> "Bbox":
        """The plot area in pixels, as matplotlib gives it (origin at the
        figure's bottom left), for the figure as it stands now: call it after
        the limits, title and legends are set. A figure function that places
        texts itself (the system map's labels) measures with it."""
        self.figure._prepare()
        area = self._area(self.figure._box(self))
        bottom = self.figure.height - area.y - area.h
        return Bbox(area.x, bottom, area.x + area.w, bottom + area.h)

    def _draw(self, canvas: _Canvas, box: _Box) -> None:
        left, top, right, bottom = self._margins()
        own_left, own_bottom = left, bottom
        area = self._area(box)
        (x0, x1), (y0, y1) = self._limits()
        if self._yinverted:
            y0, y1 = y1, y0

        def X(v: float) -> float:
            return area.x + (v - x0) / ((x1 - x0) or 1) * area.w

        def Y(v: float) -> float:
            return area.y + area.h - (v - y0) / ((y1 - y0) or 1) * area.h

        xticks, xlabels, xsize, rotation = self._ticks("x")
        yticks, ylabels, ysize, _ = self._ticks("y")
        if self._grid and not self._axis_off:
            g = self._grid
            ink, _ = _paint(g["color"])
            lines = []
            if g["axis"] in ("both", "x"):
                lines += [(X(v), area.y, X(v), area.y + area.h) for v in xticks]
            if g["axis"] in ("both", "y"):
                lines += [(area.x, Y(v), area.x + area.w, Y(v)) for v in yticks]
            for a, b, c, d in lines:
                canvas.add(f'<line x1="{_fmt(a)}" y1="{_fmt(b)}" x2="{_fmt(c)}" y2="{_fmt(d)}" stroke="{ink}" '
                           f'stroke-width="{_fmt(g["linewidth"] * PT)}" stroke-opacity="{_fmt(g["alpha"])}"/>')
        clip = f"c{len(canvas.defs)}"
        canvas.defs[clip] = (f'<clipPath id="{clip}"><rect x="{_fmt(area.x - 1)}" y="{_fmt(area.y - 1)}" '
                             f'width="{_fmt(area.w + 2)}" height="{_fmt(area.h + 2)}"/></clipPath>')
        canvas.add(f'<g clip-path="url(#{clip})">')
        texts, arrows = [], []
        order = sorted(range(len(self._ops)), key=self._zorders.__getitem__)
        for op in (self._ops[i] for i in order):
            kind = op[0]
            if kind == "bars":
                for b in op[1]:
                    if b.horizontal:
                        _rect(canvas, X(b.base), Y(b.lo + b.thickness), X(b.base + b.size) - X(b.base),
                              Y(b.lo) - Y(b.lo + b.thickness), b.colour, b.edge, b.linewidth, b.hatch, b.alpha)
                    else:
                        _rect(canvas, X(b.lo), Y(b.base + b.size), X(b.lo + b.thickness) - X(b.lo),
                              Y(b.base) - Y(b.base + b.size), b.colour, b.edge, b.linewidth, b.hatch, b.alpha)
            elif kind == "scatter":
                _, points, marker, alpha, width = op
                for x, y, size, face, edge in points:
                    _marker(canvas, X(x), Y(y), marker, size, face, edge, alpha, width)
            elif kind == "line":
                _, points, colour, style, marker, width, msize, alpha, mface = op
                _polyline(canvas, [(X(x), Y(y)) for x, y in points], colour, width, style, alpha)
                if marker:
                    for x, y in points:
                        _marker(canvas, X(x), Y(y), marker, msize * PT, mface if mface is not None else colour, colour,
                                alpha)
            elif kind == "errors":
                _, segs, colour, capsize, horizontal, width = op
                ink, _ = _paint(colour)
                cap = capsize * PT
                for (a, b), (c, d) in segs:
                    pa, pb, pc, pd = X(a), Y(b), X(c), Y(d)
                    canvas.add(f'<line x1="{_fmt(pa)}" y1="{_fmt(pb)}" x2="{_fmt(pc)}" y2="{_fmt(pd)}" '
                               f'stroke="{ink}" stroke-width="{_fmt(width)}"/>')
                    if cap:
                        for px, py in ((pa, pb), (pc, pd)):
                            if horizontal:
                                canvas.add(f'<line x1="{_fmt(px)}" y1="{_fmt(py - cap)}" x2="{_fmt(px)}" '
                                           f'y2="{_fmt(py + cap)}" stroke="{ink}" stroke-width="{_fmt(width)}"/>')
                            else:
                                canvas.add(f'<line x1="{_fmt(px - cap)}" y1="{_fmt(py)}" x2="{_fmt(px + cap)}" '
                                           f'y2="{_fmt(py)}" stroke="{ink}" stroke-width="{_fmt(width)}"/>')
            elif kind == "area":
                _, points, colour, alpha, hatch, edge = op
                fill, opacity = _paint(colour, alpha)
                pts = " ".join(f"{_fmt(X(x))},{_fmt(Y(y))}" for x, y in points)
                canvas.add(f'<polygon points="{pts}" fill="{fill}" fill-opacity="{_fmt(opacity)}"/>')
                if hatch:
                    canvas.add(f'<polygon points="{pts}" fill="url(#{canvas.hatch(hatch, edge or "#333333")})"/>')
            elif kind in ("hline", "vline"):
                _, value, colour, style, width = op
                pts = [(area.x, Y(value)), (area.x + area.w, Y(value))] if kind == "hline" else \
                    [(X(value), area.y), (X(value), area.y + area.h)]
                _polyline(canvas, pts, colour, width, style)
            elif kind == "patch":
                p = op[1]
                x, y = p.xy
                _rect(canvas, X(x), Y(y + p.height), X(x + p.width) - X(x), Y(y) - Y(y + p.height),
                      p.facecolor if p.fill else "none", p.edgecolor, p.linewidth, p.hatch, p.alpha, p.linestyle)
            elif kind == "polygon":
                p = op[1]
                pts = [(X(x), Y(y)) for x, y in p.xy]
                fill, opacity = _paint(p.facecolor if p.fill else "none", p.alpha)
                points = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in pts)
                attrs = f'points="{points}" fill="{fill}"' + (f' fill-opacity="{_fmt(opacity)}"' if opacity < 1 else "")
                edge = p.edgecolor
                if edge is not None and not (isinstance(edge, str) and edge.lower() == "none"):
                    attrs += f' stroke="{_paint(edge)[0]}" stroke-width="{_fmt(p.linewidth)}" stroke-linejoin="round"'
                    attrs += _dash_attr(p.linestyle, p.linewidth)
                tag = "polygon" if p.closed else "polyline"
                canvas.add(f"<{tag} {attrs}/>")
                if p.hatch:
                    canvas.add(f'<{tag} points="{points}" fill="url(#{canvas.hatch(p.hatch, edge or "#333333")})"/>')
            elif kind == "arrow":
                arrows.append(op)
            elif kind == "text":
                texts.append(op)
        canvas.add("</g>")
        for _, start, end, rad, colour, width, style, head, scale in arrows:
            _arrow(canvas, (X(start[0]), Y(start[1])), (X(end[0]), Y(end[1])), rad, colour, width, style, head, scale)
        # a text's own turn is ``turn``: ``rotation`` belongs to the x tick labels drawn below
        for _, x, y, s, ha, va, size, colour, weight, in_axes, turn, alpha, style, bbox in texts:
            px = area.x + x * area.w if in_axes else X(x)
            py = area.y + area.h - y * area.h if in_axes else Y(y)
            if bbox:
                canvas.add(_text_box(px, py, s, size, ha, va, turn, bbox, weight in ("bold", "semibold")))
            canvas.add(_svg_text(px, py, s, size, colour, ha, va, weight, turn, alpha, style))
        spine = _paint(SPINE)[0]
        edges = {"left": (area.x, area.y, area.x, area.y + area.h),
                 "right": (area.x + area.w, area.y, area.x + area.w, area.y + area.h),
                 "top": (area.x, area.y, area.x + area.w, area.y),
                 "bottom": (area.x, area.y + area.h, area.x + area.w, area.y + area.h)}
        for side, (a, b, c, d) in edges.items():
            if self.spines[side].visible and not self._axis_off:
                canvas.add(f'<line x1="{_fmt(a)}" y1="{_fmt(b)}" x2="{_fmt(c)}" y2="{_fmt(d)}" stroke="{spine}" '
                           'stroke-width="1"/>')
        for v, lab in zip(xticks, xlabels):
            px = X(v)
            canvas.add(f'<line x1="{_fmt(px)}" y1="{_fmt(area.y + area.h)}" x2="{_fmt(px)}" '
                       f'y2="{_fmt(area.y + area.h + 4)}" stroke="{spine}" stroke-width="1"/>')
            if rotation:
                canvas.add(_svg_text(px, area.y + area.h + 8, lab, xsize, ha="right", va="top", rotation=rotation,
                                     weight=self._tick_weight["x"].get(v)))
            else:
                canvas.add(_svg_text(px, area.y + area.h + 6, lab, xsize, ha="center", va="top",
                                     weight=self._tick_weight["x"].get(v)))
        for v, lab in zip(yticks, ylabels):
            py = Y(v)
            canvas.add(f'<line x1="{_fmt(area.x - 4)}" y1="{_fmt(py)}" x2="{_fmt(area.x)}" y2="{_fmt(py)}" '
                       f'stroke="{spine}" stroke-width="1"/>')
            canvas.add(_svg_text(area.x - 6, py, lab, ysize, ha="right", va="center",
                                 weight=self._tick_weight["y"].get(v)))
        if self._title:
            tx = {"left": area.x, "center": area.x + area.w / 2, "right": area.x + area.w}[self._title_loc]
            canvas.add(_svg_text(tx, box.y + 4, self._title, self._title_size, ha=self._title_loc, va="top",
                                 weight="bold"))
        if self._xlabel and not self._axis_off:
            canvas.add(_svg_text(area.x + area.w / 2, area.y + area.h + own_bottom - 2, self._xlabel,
                                 self._label_size, ha="center", va="bottom"))  # below its own tick labels
        if self._ylabel and not self._axis_off:
            x = area.x - own_left + 2 + self._label_size * PT * 0.8  # beside its own tick labels (box.x + 2 ...)
            canvas.add(_svg_text(x, area.y + area.h / 2, self._ylabel, self._label_size, ha="center", va="baseline",
                                 rotation=90))
        if self._legend and self._legend["entries"]:
            leg = self._legend
            _, width, height = _legend_size(leg["entries"], leg["fontsize"], 1)
            title_h = _text_height(leg["title"], leg["fontsize"]) + 2 if leg.get("title") else 0.0
            top = area.y + max(0.0, (area.h - height - title_h) / 2)
            if title_h:  # the legend's title above its entries, in bold
                canvas.add(_svg_text(area.x + area.w + 14, top, leg["title"], leg["fontsize"], va="top",
                                     weight="bold"))
            _legend_rows(canvas, leg["entries"], area.x + area.w + 14, top + title_h, leg["fontsize"], 1, width)


class PolarAxes:
    """A radar chart (``projection="polar"``): angles in radians, radius in data units."""

    def __init__(self, figure: "Figure"):
        self.figure = figure
        self._ops: list[tuple] = []
        self._offset = 0.0
        self._direction = 1
        self._rlim: tuple[float, float] | None = None
        self._rticks: list[float] | None = None
        self._xticks: tuple[list[float], list[str], float] | None = None
        self._title = ""
        self._title_size = TITLE_FONTSIZE
        self._title_pad = 10.0
        self._ring_colour = "#666666"
        self._legend: dict | None = None
        self._handles: list[tuple[Any, str]] = []
        self._tick_size = TICK_FONTSIZE
        self._colour_cycle = 0
        self._rdata: list[float] = []
        self._rlabel_theta: float | None = None
        self._frame = "polygon"
        self._pad = 8.0
        self.spines = {"polar": _Spine()}

    def set_frame(self, shape: str) -> None:
        """Rings and outline as ``"polygon"`` (the default: a spider web
        through the spokes) or ``"circle"`` (as matplotlib's polar axes)."""
        if shape not in ("polygon", "circle"):
            raise ValueError(f"svgplot: frame must be 'polygon' or 'circle', not {shape!r}")
        self._frame = shape

    def set_rlabel_position(self, degrees: float) -> None:
        """The angle (in degrees, as ``theta``) along which the ring values are written."""
        self._rlabel_theta = math.radians(float(degrees))

    def bar(self, x, height, width=0.8, bottom=0.0, *, color=None, edgecolor=None, linewidth=1.0, alpha=None,
            label=None):
        """Wedges (annular sectors) centred on the angles ``x``, ``width``
        radians wide, from radius ``bottom`` to ``bottom + height``; drawn
        beneath the rings, spokes and data (shaded sectors)."""
        xs, heights = _seq(x), _seq(height)
        n = max(len(xs), len(heights))
        xs, heights = _stretch(xs, n), _stretch(heights, n)
        widths, bottoms = _stretch(_seq(width), n), _stretch(_seq(bottom), n)
        colours = _stretch(_colours(color) or [self._next_colour()], n)
        edges = _stretch(_colours(edgecolor) or [None], n)
        for i in range(n):
            self._rdata.extend([bottoms[i], bottoms[i] + heights[i]])
            self._ops.append(("wedge", xs[i] - widths[i] / 2, xs[i] + widths[i] / 2, bottoms[i],
                              bottoms[i] + heights[i], colours[i], edges[i], float(linewidth), alpha))
        if label and n:
            self._handles.append((Patch(facecolor=colours[0], edgecolor=edges[0], alpha=alpha), str(label)))

    def text(self, theta, r, s, *, ha="left", va="baseline", fontsize=DEFAULT_FONTSIZE, color=TEXT,
             fontweight=None, rotation=0.0, style=None, fontstyle=None, bbox=None, horizontalalignment=None,
             verticalalignment=None):
        """A text at (``theta``, ``r``); ``rotation`` in degrees (counter-clockwise
        on screen), turned about the anchor point; ``bbox`` puts a box behind it."""
        self._ops.append(("text", float(theta), float(r), str(s), horizontalalignment or ha,
                          verticalalignment or va, _fontsize(fontsize), color, fontweight, float(rotation or 0),
                          fontstyle or style, bbox))

    def set_theta_offset(self, offset: float) -> None:
        self._offset = float(offset)

    def set_theta_direction(self, direction: int) -> None:
        self._direction = -1 if direction < 0 else 1

    def _next_colour(self) -> str:
        colour = DEFAULT_COLOURS[self._colour_cycle % len(DEFAULT_COLOURS)]
        self._colour_cycle += 1
        return colour

    def plot(self, theta, r, *, color=None, linestyle="-", marker=None, linewidth=1.5, label=None, markersize=6.0):
        colour = color if color is not None else self._next_colour()
        rs = _seq(r)
        self._rdata.extend(rs)
        self._ops.append(("line", list(zip(_seq(theta), rs)), colour, linestyle, marker, linewidth, markersize))
        if label:
            self._handles.append((Line2D(color=colour, linestyle=linestyle, marker=marker, linewidth=linewidth,
                                         markersize=markersize), str(label)))

    def fill(self, theta, r, *, color=None, alpha=None, label=None):
        self.fill_between(theta, [0.0] * len(_seq(r)), r, color=color, alpha=alpha, label=label)

    def fill_between(self, theta, r1, r2=0.0, *, color=None, alpha=None, label=None):
        thetas = _seq(theta)
        lo, hi = _stretch(_seq(r1), len(thetas)), _stretch(_seq(r2), len(thetas))
        colour = color if color is not None else self._next_colour()
        self._rdata.extend(lo + hi)
        self._ops.append(("band", thetas, lo, hi, colour, alpha))
        if label:
            self._handles.append((Patch(facecolor=colour, alpha=alpha), str(label)))

    def set_xticks(self, ticks, labels=None, *, fontsize=None):
        values = [float(v) for v in ticks]
        self._xticks = (values, [str(v) for v in labels] if labels is not None else [""] * len(values),
                        _fontsize(fontsize) if fontsize is not None else self._tick_size)

    def set_ylim(self, bottom=None, top=None):
        if isinstance(bottom, (tuple, list)):
            bottom, top = bottom
        self._rlim = (float(bottom), float(top))

    def set_yticks(self, ticks, labels=None):
        self._rticks = [float(v) for v in ticks]

    def tick_params(self, axis="both", *, labelsize=None, pad=None, colors=None):
        if labelsize is not None and axis in ("both", "y"):
            self._tick_size = _fontsize(labelsize)
        if colors is not None and axis in ("both", "y"):
            self._ring_colour = colors
        if pad is not None and axis in ("both", "x"):
            self._pad = float(pad) * PT

    def set_title(self, text, *, pad=None, fontsize=None):
        """``pad``: points between the title and the spoke labels (default 10)."""
        self._title = str(text)
        self._title_pad = 10.0 if pad is None else float(pad) * PT
        if fontsize is not None:
            self._title_size = _fontsize(fontsize)

    def get_title(self) -> str:
        return self._title

    def legend(self, handles=None, labels=None, *, fontsize=None, ncols=1, ncol=None):
        self._legend = {"entries": _entries(handles, labels, self._handles), "fontsize": _fontsize(fontsize or 8.5),
                        "ncols": ncol or ncols}

    def get_legend_handles_labels(self) -> tuple[list, list[str]]:
        return [h for h, _ in self._handles], [label for _, label in self._handles]

    def _draw(self, canvas: _Canvas, box: _Box) -> None:
        lo, hi = self._rlim or (0.0, max(self._rdata, default=1.0))
        labels = self._xticks[1] if self._xticks else []
        size = self._xticks[2] if self._xticks else self._tick_size
        label_w = max((text_width(lab, size) for lab in labels), default=0)
        top = _text_height(self._title, self._title_size) + 4 + self._title_pad if self._title else 8
        legend_w = 0.0
        if self._legend and self._legend["entries"]:
            legend_w = _legend_size(self._legend["entries"], self._legend["fontsize"], 1)[1] + 10
        spokes = self._xticks[0] if self._xticks else []
        pad = self._pad
        half_w, half_h = (box.w - legend_w) / 2 - 4, (box.h - top) / 2 - 4
        radius = min((box.w - legend_w) / 2 - label_w - 12, (box.h - top) / 2 - 2 * size * PT - 6)  # the old rule
        fits = [half_w - pad, half_h - pad]
        for th, lab in zip(spokes, labels):  # or, if larger: each spoke label just inside the box
            angle = self._offset + self._direction * th
            c, s_ = math.cos(angle), math.sin(angle)
            w, h = text_width(lab, size), _text_height(lab, size)
            ext_x = w / 2 if abs(c) < 0.3 else w
            ext_y = h / 2 if abs(s_) < 0.3 else h
            if abs(c) > 1e-9:
                fits.append((half_w - ext_x) / abs(c) - pad)
            if abs(s_) > 1e-9:
                fits.append((half_h - ext_y) / abs(s_) - pad)
        if labels:
            radius = max(radius, min(fits))
        radius = max(20.0, radius)
        cx, cy = box.x + (box.w - legend_w) / 2, box.y + top + (box.h - top) / 2

        def P(theta: float, r: float) -> tuple[float, float]:
            frac = (r - lo) / ((hi - lo) or 1)
            angle = self._offset + self._direction * theta
            return cx + math.cos(angle) * radius * max(frac, 0), cy - math.sin(angle) * radius * max(frac, 0)

        def arc(t0: float, t1: float, r: float) -> list[tuple[float, float]]:
            steps = max(2, int(abs(t1 - t0) / (math.pi / 90)) + 1)  # every two degrees or less
            return [P(t0 + (t1 - t0) * k / steps, r) for k in range(steps + 1)]

        for op in self._ops:  # shaded sectors first: beneath the rings and spokes
            if op[0] == "wedge":
                _, t0, t1, r0, r1, colour, edge, width, alpha = op
                pts = arc(t0, t1, r1) + (arc(t1, t0, r0) if r0 > lo else [(cx, cy)])
                fill, opacity = _paint(colour, alpha)
                attrs = f'points="{" ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in pts)}" fill="{fill}"'
                if opacity < 1:
                    attrs += f' fill-opacity="{_fmt(opacity)}"'
                if edge is not None and not (isinstance(edge, str) and edge.lower() == "none"):
                    attrs += f' stroke="{_paint(edge)[0]}" stroke-width="{_fmt(width)}" stroke-linejoin="round"'
                canvas.add(f"<polygon {attrs}/>")
        grid = _paint("#d0d0d0")[0]
        for value in self._rticks or nice_ticks(lo, hi):
            if value <= lo:
                continue
            pts = [P(th, value) for th in spokes] if len(spokes) >= 3 and self._frame == "polygon" else None
            if pts:
                canvas.add(f'<polygon points="{" ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in pts)}" fill="none" '
                           f'stroke="{grid}" stroke-width="0.8"/>')
            else:
                canvas.add(f'<circle cx="{_fmt(cx)}" cy="{_fmt(cy)}" r="{_fmt(radius * (value - lo) / (hi - lo))}" '
                           f'fill="none" stroke="{grid}" stroke-width="0.8"/>')
            between = (spokes[0] + spokes[1]) / 2 if len(spokes) >= 2 else 0.0  # clear of the spoke labels
            x, y = P(between if self._rlabel_theta is None else self._rlabel_theta, value)
            canvas.add(_svg_text(x + 2, y - 2, _tick_label(value), self._tick_size * 0.85, colour=self._ring_colour))
        if self.spines["polar"].visible and self._frame == "circle" and hi not in (self._rticks or []):
            canvas.add(f'<circle cx="{_fmt(cx)}" cy="{_fmt(cy)}" r="{_fmt(radius)}" fill="none" stroke="{grid}" '
                       'stroke-width="0.8"/>')
        for th, lab in zip(spokes, labels):
            x, y = P(th, hi)
            canvas.add(f'<line x1="{_fmt(cx)}" y1="{_fmt(cy)}" x2="{_fmt(x)}" y2="{_fmt(y)}" stroke="{grid}" '
                       'stroke-width="0.8"/>')
            angle = self._offset + self._direction * th
            c, s = math.cos(angle), math.sin(angle)
            ha = "center" if abs(c) < 0.3 else ("left" if c > 0 else "right")
            va = "center" if abs(s) < 0.3 else ("bottom" if s > 0 else "top")
            canvas.add(_svg_text(cx + c * (radius + pad), cy - s * (radius + pad), lab, size, ha=ha, va=va))
        texts = []
        for op in self._ops:
            if op[0] == "wedge":
                continue
            if op[0] == "text":
                texts.append(op)
            elif op[0] == "band":
                _, thetas, low, high, colour, alpha = op
                fill, opacity = _paint(colour, alpha)
                outer = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in (P(t, r) for t, r in zip(thetas, high)))
                inner = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in (P(t, r) for t, r in zip(thetas, low)))
                canvas.add(f'<path d="M{outer.replace(" ", " L")} Z M{inner.replace(" ", " L")} Z" fill="{fill}" '
                           f'fill-opacity="{_fmt(opacity)}" fill-rule="evenodd"/>')
            else:
                _, points, colour, style, marker, width, msize = op
                pts = [P(t, r) for t, r in points]
                _polyline(canvas, pts, colour, width, style)
                if marker:
                    for x, y in pts:
                        _marker(canvas, x, y, marker, msize * PT, colour, colour)
        for _, theta, r, text, ha, va, tsize, colour, weight, rotation, style, bbox in texts:  # texts on top
            x, y = P(theta, r)
            if bbox:
                canvas.add(_text_box(x, y, text, tsize, ha, va, rotation, bbox, weight in ("bold", "semibold")))
            canvas.add(_svg_text(x, y, text, tsize, colour, ha, va, weight, rotation, None, style))
        if self._title:
            canvas.add(_svg_text(cx, box.y + 4, self._title, self._title_size, ha="center", va="top", weight="bold"))
        if self._legend and self._legend["entries"]:
            leg = self._legend
            _, width, height = _legend_size(leg["entries"], leg["fontsize"], 1)
            _legend_rows(canvas, leg["entries"], box.x + box.w - legend_w + 4, cy - height / 2, leg["fontsize"], 1,
                         width)


# -- figure ----------------------------------------------------------------------------------------

class Figure:
    """A figure of one or more axes, written as SVG (``figsize`` in inches at 100 dpi)."""

    def __init__(self, figsize: tuple[float, float] = (7.0, 4.0)):
        self.width = float(figsize[0]) * DPI
        self.height = float(figsize[1]) * DPI
        self.axes: list[Axes | PolarAxes] = []
        self._grid: tuple[int, int, list[float], list[float]] = (1, 1, [1.0], [1.0])
        self._cells: list[tuple[int, int]] = []
        self._suptitle = ""
        self._suptitle_size = TITLE_FONTSIZE + 1
        self._suptitle_weight = "bold"
        self._legend: dict | None = None
        self._sharex = False
        self._sharey = False

    def add_subplot(self, *args, projection: str | None = None):
        ax = PolarAxes(self) if projection == "polar" else Axes(self)
        if args and len(args) == 3:
            rows, cols, index = (int(a) for a in args)
            self._grid = (rows, cols, [1.0] * cols, [1.0] * rows)
            self._cells.append(divmod(index - 1, cols))
        else:
            self._cells.append((len(self.axes), 0))
            rows = len(self.axes) + 1
            self._grid = (rows, 1, [1.0], [1.0] * rows)
        self.axes.append(ax)
        return ax

    def subplots(self, nrows: int = 1, ncols: int = 1, *, width_ratios=None, height_ratios=None, squeeze=True,
                 gridspec_kw=None, sharex=False, sharey=False):
        """A grid of axes; ``sharex=True`` lines up the plot areas of each
        column (same left and right edges), so their x positions match;
        ``sharey=True`` those of each row (same top and bottom edges)."""
        gridspec_kw = gridspec_kw or {}
        self._sharex = bool(sharex)
        self._sharey = bool(sharey)
        widths = list(width_ratios or gridspec_kw.get("width_ratios") or [1.0] * ncols)
        heights = list(height_ratios or gridspec_kw.get("height_ratios") or [1.0] * nrows)
        self._grid = (nrows, ncols, [float(w) for w in widths], [float(h) for h in heights])
        rows = []
        for r in range(nrows):
            row = []
            for c in range(ncols):
                ax = Axes(self)
                self.axes.append(ax)
                self._cells.append((r, c))
                row.append(ax)
            rows.append(row)
        if not squeeze:
            return rows
        if nrows == 1 and ncols == 1:
            return rows[0][0]
        if nrows == 1:
            return rows[0]
        if ncols == 1:
            return [row[0] for row in rows]
        return rows

    def suptitle(self, text, *, fontsize=None, fontweight="bold"):
        self._suptitle = str(text)
        self._suptitle_weight = fontweight
        if fontsize is not None:
            self._suptitle_size = _fontsize(fontsize)

    def legend(self, handles=None, labels=None, *, fontsize=None, ncols=None, ncol=None, loc="lower center"):
        """A legend below the axes (the only place svgplot puts a figure legend)."""
        if loc not in ("lower center", "outside lower center"):
            raise ValueError(f"svgplot: a figure legend is drawn below the axes (loc='lower center'), not {loc!r}")
        collected = [entry for ax in self.axes for entry in ax._handles]
        entries = _entries(handles, labels, collected)
        size = _fontsize(fontsize or 8.5)
        columns = ncol or ncols
        if not columns:  # as many as fit next to each other
            col_width = _legend_size(entries, size, 1)[0] if entries else 1
            columns = max(1, min(len(entries), int((self.width - 20) // col_width)))
        self._legend = {"entries": entries, "fontsize": size, "ncols": columns}

    def _layout(self) -> tuple[float, float]:
        """(top, bottom) room taken by the title and the figure legend."""
        top = _text_height(self._suptitle, self._suptitle_size) + 10 if self._suptitle else 0.0
        bottom = 0.0
        if self._legend and self._legend["entries"]:
            bottom = _legend_size(self._legend["entries"], self._legend["fontsize"], self._legend["ncols"])[2] + 8
        return top, bottom

    def _box(self, ax: "Axes | PolarAxes") -> _Box:
        """The box (pixels, y down) the figure gives one of its axes."""
        top, bottom = self._layout()
        rows, cols, widths, heights = self._grid
        usable_w, usable_h = self.width - 8, self.height - top - bottom - 4
        xs = _offsets(widths, usable_w)
        ys = _offsets(heights, usable_h)
        r, c = self._cells[self.axes.index(ax)]
        return _Box(4 + xs[c], top + 2 + ys[r], usable_w * widths[c] / sum(widths),
                    usable_h * heights[r] / sum(heights))

    def _prepare(self) -> None:
        """Line up the plot areas of shared axes (before measuring or drawing)."""
        rows, cols, _, _ = self._grid
        if self._sharex:
            for c in range(cols):
                column = [ax for ax, (_, col) in zip(self.axes, self._cells) if col == c and isinstance(ax, Axes)]
                margins = [ax._margins() for ax in column]
                for ax in column:
                    ax._aligned = (max(m[0] for m in margins), max(m[2] for m in margins))
        if self._sharey:
            for r in range(rows):
                row = [ax for ax, (line, _) in zip(self.axes, self._cells) if line == r and isinstance(ax, Axes)]
                margins = [ax._margins() for ax in row]
                for ax in row:
                    ax._aligned_y = (max(m[1] for m in margins), max(m[3] for m in margins))

    def to_svg(self) -> bytes:
        """The figure as an SVG document (UTF-8)."""
        canvas = _Canvas()
        _, bottom = self._layout()
        self._prepare()
        for ax in self.axes:
            ax._draw(canvas, self._box(ax))
        if self._suptitle:
            canvas.add(_svg_text(self.width / 2, 6, self._suptitle, self._suptitle_size, ha="center", va="top",
                                 weight=self._suptitle_weight))
        if self._legend and self._legend["entries"]:
            leg = self._legend
            col_width, width, _ = _legend_size(leg["entries"], leg["fontsize"], leg["ncols"])
            _legend_rows(canvas, leg["entries"], max(4.0, (self.width - width) / 2), self.height - bottom + 2,
                         leg["fontsize"], leg["ncols"], col_width)
        defs = "".join(body.split("-->", 1)[1] if body.startswith("<!--") else body
                       for _, body in sorted(canvas.defs.items()))
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_fmt(self.width)}" height="{_fmt(self.height)}" '
                f'viewBox="0 0 {_fmt(self.width)} {_fmt(self.height)}" font-family={quoteattr(FONT)} '
                'xml:space="preserve" style="white-space:pre">')
        body = "".join(canvas.parts)
        return (f'{head}<rect width="100%" height="100%" fill="#ffffff"/><defs>{defs}</defs>{body}</svg>\n'
                ).encode("utf-8")

    def savefig(self, fp, format: str = "svg") -> None:
        """Write the SVG to a path or binary file (only ``format="svg"``)."""
        if format != "svg":
            raise ValueError(f"svgplot draws SVG only, not {format!r}")
        data = self.to_svg()
        if isinstance(fp, (str, bytes)) or hasattr(fp, "__fspath__"):
            with open(fp, "wb") as fh:
                fh.write(data)
        else:
            fp.write(data)

    def _repr_svg_(self) -> str:
        return self.to_svg().decode("utf-8")


# -- small helpers ---------------------------------------------------------------------------------

@dataclass
class _Bar:
    lo: float
    thickness: float
    base: float
    size: float
    colour: Any
    edge: Any
    hatch: str | None
    linewidth: float
    alpha: float | None
    horizontal: bool

    def set_hatch(self, hatch: str | None) -> None:
        self.hatch = hatch

    def set_color(self, colour: Any) -> None:
        self.colour = colour

    def set_edgecolor(self, colour: Any) -> None:
        self.edge = colour


@dataclass
class _TickLabel:
    """One tick label (``get_xticklabels``/``get_yticklabels``): its text, and a weight to set."""

    _weights: dict
    _value: float
    text: str

    def get_text(self) -> str:
        return self.text

    def set_fontweight(self, weight: str) -> None:
        self._weights[self._value] = weight


@dataclass
class _BarContainer:
    patches: list[_Bar] = field(default_factory=list)

    def __iter__(self):
        return iter(self.patches)

    def __len__(self) -> int:
        return len(self.patches)

    def __getitem__(self, index):
        return self.patches[index]


def _seq(value) -> list:
    if isinstance(value, (str, bytes)):
        return [value]
    try:
        return [float(v) if isinstance(v, (int, float)) else v for v in value]
    except TypeError:
        return [float(value) if isinstance(value, (int, float)) else value]


def _stretch(values: list, n: int) -> list:
    if not values:
        return [None] * n
    if len(values) >= n:
        return values[:n]
    return (values * n)[:n] if len(values) > 1 else values * n


def _colours(value) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple) and len(value) in (3, 4) and all(isinstance(v, (int, float)) for v in value):
        return [value]
    return list(value)


def _fontsize(value) -> float:
    named = {"xx-small": 5.8, "x-small": 6.9, "small": 8.3, "medium": 10.0, "large": 12.0, "x-large": 14.4}
    return named.get(value, value) if isinstance(value, str) else float(value)


def _parse_fmt(fmt: str | None) -> tuple[str | None, str | None]:
    """(marker, linestyle) from a matplotlib format string such as ``"o-"``, ``"s--"``."""
    if not fmt:
        return None, None
    for style in ("--", "-.", ":", "-"):
        if style in fmt:
            rest = fmt.replace(style, "", 1)
            return (rest[0] if rest else None), style
    return fmt[0], ""


def _steps(xs: list[float], ys: list[float], where: str = "mid") -> list[tuple[float, float]]:
    """The corner points of a step line (matplotlib's ``drawstyle="steps-<where>"``)."""
    if len(xs) < 2:
        return list(zip(xs, ys))
    points = [(xs[0], ys[0])]
    for (x0, y0), (x1, y1) in zip(zip(xs, ys), zip(xs[1:], ys[1:])):
        if where == "mid":
            points += [((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1), (x1, y1)]
        elif where == "post":
            points += [(x1, y0), (x1, y1)]
        else:  # "pre"
            points += [(x0, y1), (x1, y1)]
    return points


def _err_pairs(err, n: int) -> tuple[list[float], list[float]]:
    """matplotlib's error forms: a scalar, one value per point, or [lows, highs]."""
    if isinstance(err, (int, float)):
        return [float(err)] * n, [float(err)] * n
    err = list(err)
    if len(err) == 2 and all(isinstance(e, (list, tuple)) for e in err):
        return [float(v) for v in err[0]], [float(v) for v in err[1]]
    values = [float(v) for v in err]
    return values, values


def _entries(handles, labels, collected: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
    if handles is not None and labels is not None:
        return list(zip(handles, [str(lab) for lab in labels]))
    if handles is not None:
        return [(h, str(getattr(h, "label", "") or getattr(h, "get_label", lambda: "")())) for h in handles]
    return list(collected)


def _auto(data: list[float], sticky: set[float]) -> tuple[float, float]:
    """matplotlib-like automatic limits: 5 % margins, none beyond a bar's baseline."""
    if not data:
        return 0.0, 1.0
    lo, hi = min(data), max(data)
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    pad = 0.05 * (hi - lo)
    lo2, hi2 = lo - pad, hi + pad
    if any(abs(s - lo) < 1e-12 for s in sticky):
        lo2 = lo
    if any(abs(s - hi) < 1e-12 for s in sticky):
        hi2 = hi
    return lo2, hi2


def _offsets(ratios: list[float], total: float) -> list[float]:
    out, acc = [], 0.0
    for r in ratios:
        out.append(acc)
        acc += total * r / sum(ratios)
    return out
