"""Shared plot style: colour-blind-safe colours, axes styling, figure output.

The kit's figures are :mod:`lst_kit.figures.svgplot` figures (SVG, drawn without
matplotlib). :func:`style_axes`, :data:`PALETTE` and :func:`wrap_label` serve
both kinds; :func:`new_figure`, :func:`styled` and :func:`png_bytes` remain for
an exercise that draws with matplotlib (a :class:`matplotlib.figure.Figure`
built directly, no pyplot, so no global state and no ``plt.close``);
:func:`svg_bytes` and :func:`data_uri` take either kind.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # matplotlib is imported when a figure is made, not on import
    from matplotlib.figure import Figure

__all__ = ["PALETTE", "SEQUENTIAL", "data_uri", "esc", "png_bytes", "png_data_uri", "style_axes", "svg_bytes", "wrap_label"]


def esc(text) -> str:
    """``text`` made safe inside HTML (text and attribute values)."""
    return html.escape(str(text), quote=True)


#: Okabe & Ito (2008): distinguishable for the common forms of colour blindness.
PALETTE = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
]
#: A sequential map that stays readable in grey and for colour-blind readers.
SEQUENTIAL = "cividis"
GRID = "#d0d0d0"
TEXT = "#222222"


def wrap_label(text: str, width: int, max_lines: int | None = None) -> str:
    """A label broken into lines of at most ``width`` characters (words are
    never split), keeping at most ``max_lines`` lines."""
    lines = textwrap.wrap(str(text), width=width, break_long_words=False) or [str(text)]
    return "\n".join(lines[:max_lines] if max_lines else lines)


def style_axes(ax) -> None:
    """Light grid, no top/right spines."""
    ax.grid(True, color=GRID, linewidth=0.6, alpha=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        if side in ax.spines:
            ax.spines[side].set_visible(False)


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG bytes; same figure, same bytes (no timestamp).

    ``savefig`` draws the pixels (as raw RGBA, so with all its settings);
    the kit writes the PNG: an opaque picture (the usual case, a white
    figure) as RGB with fast compression, which takes about half the time of
    matplotlib's RGBA at level 6 and is smaller; one with transparency stays RGBA."""
    import numpy as np
    from matplotlib import rcParams
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    raw = io.BytesIO()
    fig.savefig(raw, format="rgba")
    height, width = np.asarray(fig.canvas.buffer_rgba()).shape[:2]
    rgba = np.frombuffer(raw.getbuffer(), dtype=np.uint8).reshape(height, width, 4)
    image = Image.frombuffer("RGBA", (width, height), rgba, "raw", "RGBA", 0, 1)
    if rgba[..., 3].min() == 255:
        image = image.convert("RGB")
    dpi = fig.dpi if rcParams["savefig.dpi"] == "figure" else rcParams["savefig.dpi"]
    buf = io.BytesIO()
    image.save(buf, format="png", compress_level=1, dpi=(dpi, dpi))
    return buf.getvalue()


def png_data_uri(fig: Figure) -> str:
    return "data:image/png;base64," + base64.b64encode(png_bytes(fig)).decode("ascii")


def svg_bytes(fig: Figure) -> bytes:
    """The figure as SVG with text kept as text (fast to write, sharp at any
    size); no date and fixed ids, so the same figure gives the same bytes.
    A :mod:`lst_kit.figures.svgplot` figure writes itself (no matplotlib needed)."""
    if hasattr(fig, "to_svg"):
        return fig.to_svg()
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    buf = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "lst-kit"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return buf.getvalue()


def data_uri(fig: Figure, fmt: str = "png") -> str:
    """A data: URI of the figure as PNG (default) or SVG (always SVG for a
    :mod:`lst_kit.figures.svgplot` figure)."""
    if fmt == "svg" or hasattr(fig, "to_svg"):
        return "data:image/svg+xml;base64," + base64.b64encode(svg_bytes(fig)).decode("ascii")
    return png_data_uri(fig)
