"""Two-layer figures for fast redraws.

Text is what makes a matplotlib redraw slow. In an exercise most text (axis
labels, tick labels, titles, legends, colour bars) does not change when the
participant edits one value. Those parts are drawn once into a background
image; the figure the view shows holds that image plus only the artists that
change. The result is an ordinary Figure: same input, same picture.
"""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist
from matplotlib.figure import Figure

from ..plotting import new_figure

__all__ = ["layered_figure", "render_background", "static_figure"]


def static_figure(width: float, height: float) -> Figure:
    """A figure with a fixed layout (axes placed by hand).

    It has no layout engine at all: ``set_layout_engine("none")`` on a
    constrained figure leaves a placeholder engine, and with any engine
    ``savefig`` lays out every text in an extra pass before it draws."""
    return new_figure(width, height, constrained=False)


def render_background(fig: Figure) -> np.ndarray:
    """The figure rendered once, as an RGBA pixel array (top row first)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


class _Background(Artist):
    """Paints a pre-rendered RGBA image 1:1 onto the canvas (no resampling,
    which ``figimage`` would do on every draw)."""

    def __init__(self, rgba: np.ndarray):
        super().__init__()
        self._rgba = np.ascontiguousarray(rgba[::-1])  # the renderer's origin is bottom-left
        self.set_zorder(-10)

    def draw(self, renderer):
        if not self.get_visible():
            return
        height, width = self._rgba.shape[:2]
        if (getattr(renderer, "width", None), getattr(renderer, "height", None)) != (width, height):
            # another dpi or a vector format (an export): scale the image to the whole figure
            from matplotlib.image import BboxImage

            image = BboxImage(self.figure.bbox, origin="upper", interpolation="antialiased")
            image.set_data(self._rgba[::-1])
            image.set_figure(self.figure)
            image.draw(renderer)
            return
        gc = renderer.new_gc()
        renderer.draw_image(gc, 0, 0, self._rgba)
        gc.restore()


def layered_figure(width: float, height: float, background: np.ndarray) -> Figure:
    """A figure of the same size that starts from ``background``; add the
    changing artists to axes placed exactly as in the static figure (with
    ``set_axis_off()``, so only the artists themselves are drawn)."""
    fig = static_figure(width, height)
    fig.add_artist(_Background(background))
    return fig
