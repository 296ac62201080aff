"""The figure output helpers: png_bytes writes the pixels savefig draws."""

import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from lst_kit.figures.style import PALETTE, png_bytes


def _savefig_pixels(fig) -> np.ndarray:
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return np.asarray(Image.open(buf).convert("RGBA"))


def _pixels(png: bytes) -> tuple[np.ndarray, str]:
    image = Image.open(io.BytesIO(png))
    return np.asarray(image.convert("RGBA")), image.mode


def _figure(constrained: bool, transparent: bool = False):
    fig = Figure(figsize=(4.0, 3.0), dpi=100, layout="constrained" if constrained else None)
    if transparent:
        fig.patch.set_alpha(0.0)
    ax = fig.add_subplot() if constrained else fig.add_axes((0.15, 0.15, 0.8, 0.75))
    ax.plot([1, 2, 3], [3, 1, 2], color=PALETTE[0], label="lijn")
    ax.set_title("Titel met tekst")
    ax.set_xlabel("x-as")
    ax.legend()
    return fig


def test_png_bytes_has_the_pixels_savefig_draws_for_a_constrained_figure():
    png = png_bytes(_figure(constrained=True))
    pixels, mode = _pixels(png)
    assert png[:4] == b"\x89PNG" and mode == "RGB"  # opaque: written without an alpha channel
    expected = _savefig_pixels(_figure(constrained=True))  # a fresh figure: the same layout passes
    assert pixels.shape == expected.shape and (pixels == expected).all()


def test_png_bytes_has_the_pixels_savefig_draws_for_a_fixed_layout_figure():
    pixels, _mode = _pixels(png_bytes(_figure(constrained=False)))
    expected = _savefig_pixels(_figure(constrained=False))
    assert (pixels == expected).all()


def test_png_bytes_keeps_transparency():
    pixels, mode = _pixels(png_bytes(_figure(constrained=False, transparent=True)))
    assert mode == "RGBA" and pixels[..., 3].min() < 255
    assert (pixels == _savefig_pixels(_figure(constrained=False, transparent=True))).all()


def test_png_bytes_is_deterministic_and_keeps_the_resolution():
    fig = _figure(constrained=True)
    png = png_bytes(fig)
    assert png == png_bytes(fig)
    image = Image.open(io.BytesIO(png))
    assert image.size == (400, 300)
    assert round(image.info["dpi"][0]) == 100
